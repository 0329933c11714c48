use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    #[privacy(subject, secret)]
    pub user: privacy_core::Secret<String>,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
