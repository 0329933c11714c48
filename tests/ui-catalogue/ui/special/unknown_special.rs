use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(special = helth)]
    pub condition: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
