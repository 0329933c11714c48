use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(legal_basis = consent)]
pub struct ProfileWithApp {
    #[privacy(category = im::UserInformation, subject)]
    pub user_id: String,
    #[privacy(category = im::ConfigurationData)]
    pub app_name: String,
    #[privacy(collected_at)]
    #[privacy(category = im::UserInformation)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
