use privacy_core::{Classified, im};

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact)]
    pub nickname: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

// Shown as they are, both would serialize the profile's nickname in clear.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Contact {
    #[privacy(subject)]
    pub owner: String,
    pub profile: Profile,
    pub previous: Option<Profile>,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
