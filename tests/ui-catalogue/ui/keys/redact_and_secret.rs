use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct PushConfig {
    #[privacy(secret, redact)]
    pub app_secret: privacy_core::Secret<String>,
}

fn main() {}
