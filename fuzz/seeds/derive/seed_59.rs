#[privacy(category = im::ConfigurationData)]
pub struct r#App {
    pub r#type: String,
    #[privacy(redact)]
    pub r#match: String,
}

