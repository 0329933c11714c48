use privacy_core::{Classified, Secret, Unclassified, im};

// A plain helper that serializes its secret for its own store.
#[derive(Debug, serde::Serialize, Unclassified)]
pub struct PushCertificate {
    pub package: String,
    #[serde(with = "privacy_core::secret_serde::exposed")]
    pub app_secret: Secret<String>,
}

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::ConfigurationData)]
pub struct AppConfig {
    pub certificate: PushCertificate,
}

fn main() {}
