use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData, retention = until_terminated)]
pub struct AppConfig {
    pub callback_url: String,
}

fn main() {}
