#[privacy(category = im::ConfigurationData, custom_debug)]
pub struct AppKey {
    #[privacy(secret)]
    pub key: privacy_core::Secret<String>,
}

impl fmt::Debug for AppKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AppKey(..)")
    }
}

