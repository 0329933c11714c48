#[privacy(category = im::ConfigurationData)]
pub enum Never {}

