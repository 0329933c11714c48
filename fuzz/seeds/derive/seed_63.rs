#[privacy(category = im::ConfigurationData)]
pub struct RecallEnabled;

