use privacy_core::{Classified, im};

/// Raw identifiers keep their meaning and lose their `r#` in every output.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct r#App {
    pub r#type: String,
    #[privacy(redact)]
    pub r#match: String,
}

fn main() {
    let app = r#App { r#type: "chat".into(), r#match: "secret-ish".into() };
    assert_eq!(r#App::DESCRIPTOR.name, "App");
    assert_eq!(r#App::DESCRIPTOR.fields[0].name, "type");
    assert_eq!(format!("{app:?}"), r#"App { type: "chat", match: [redacted] }"#);
}
