use privacy_core::{Classified, Retention, im};

/// A feature switched on for an application: kept while the service is used.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct RecallEnabled;

fn main() {
    assert!(matches!(RecallEnabled::DESCRIPTOR.retention, Retention::UntilTerminated { .. }));
    assert_eq!(format!("{RecallEnabled:?}"), "RecallEnabled");
}
