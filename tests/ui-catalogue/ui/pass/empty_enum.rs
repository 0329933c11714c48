use privacy_core::{Classified, Retention, im};

/// No value can exist; the type still states its category.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub enum Never {}

fn main() {
    assert!(Never::DESCRIPTOR.fields.is_empty());
    assert!(matches!(Never::DESCRIPTOR.retention, Retention::UntilTerminated { .. }));
}
