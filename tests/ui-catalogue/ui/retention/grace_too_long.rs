use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData, retention = until_terminated(grace = "3 months"))]
pub struct AppConfig {
    pub callback_url: String,
}

fn main() {}
