#[privacy(category = im::ConfigurationData, retention = until_terminated)]
pub struct AppConfig {
    pub callback_url: String,
}

