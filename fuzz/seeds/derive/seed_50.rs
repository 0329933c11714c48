#[privacy(crate = "crate::vendored::privacy", category = crate::vendored::privacy::im::ConfigurationData)]
pub struct Tag {
    pub name: String,
}

