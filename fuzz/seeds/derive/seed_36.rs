#[privacy(category = im::ConfigurationData)]
pub struct PushConfig {
    #[privacy(secret, redact)]
    pub app_secret: privacy_core::Secret<String>,
}

