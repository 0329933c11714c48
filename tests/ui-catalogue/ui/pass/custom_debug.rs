use privacy_core::{Classified, im};
use std::fmt;

/// A type that writes its own `Debug`.
#[derive(Classified)]
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

fn main() {
    let key = AppKey { key: privacy_core::Secret::new("k-123".to_string()) };
    assert_eq!(format!("{key:?}"), "AppKey(..)");
    assert!(!key.redacted().to_string().contains("k-123"));
}
