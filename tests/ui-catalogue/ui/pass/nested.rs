use privacy_core::{Classified, LegalBasis, SubjectId, im};

/// An end user's profile.
#[derive(Classified)]
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

fn main() {
    let batch = SyncBatch { first: profile("u1"), maybe: None, rest: vec![profile("u2"), profile("u3")] };
    let mut subjects = Vec::new();
    batch.visit_subjects(&mut |_, id| subjects.push(id));
    assert_eq!(subjects, [SubjectId::new("u1"), SubjectId::new("u2"), SubjectId::new("u3")]);
    assert_eq!(batch.collected_at(), Some(chrono::DateTime::UNIX_EPOCH));
    assert_eq!(SyncBatch::DESCRIPTOR.legal_basis, LegalBasis::Consent);
    assert_eq!(SyncBatch::DESCRIPTOR.categories()[0].key, "im.user_information");
    assert!(!format!("{batch:?}").contains("Nightingale"));
}
