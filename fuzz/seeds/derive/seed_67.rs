#[privacy(category = im::ConfigurationData, retention = "30d")]
pub struct AppConfig {
    pub callback_url: String,
}

