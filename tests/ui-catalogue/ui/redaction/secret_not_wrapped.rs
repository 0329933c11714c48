use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct PushCertificate {
    pub package: String,
    #[privacy(secret)]
    pub app_secret: String,
}

fn main() {}
