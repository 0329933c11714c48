use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData, retention = "30d")]
pub struct AppConfig {
    pub callback_url: String,
}

fn main() {}
