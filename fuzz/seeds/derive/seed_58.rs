#[privacy(category = im::UserInformation)]
pub struct Profile {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact = partial(keep_last = 2))]
    pub nickname: String,
    #[privacy(collected_at)]
    pub updated: chrono::DateTime<chrono::Utc>,
}

/// Profiles travel together in one sync batch.
#[derive(Classified)]
pub struct SyncBatch {
    #[privacy(nested)]
    pub first: Profile,
    #[privacy(nested)]
    pub maybe: Option<Profile>,
    #[privacy(nested)]
    pub rest: Vec<Profile>,
}

fn profile(id: &str) -> Profile {
    Profile { user_id: id.into(), nickname: "Nightingale".into(), updated: chrono::DateTime::UNIX_EPOCH }
}

