mod vendored {
    pub use privacy_core as privacy;
}

use privacy_core::Classified;

/// The runtime crate reached through a re-export.
#[derive(Classified)]
#[privacy(crate = "crate::vendored::privacy", category = crate::vendored::privacy::im::ConfigurationData)]
pub struct Tag {
    pub name: String,
}

fn main() {
    assert_eq!(Tag::DESCRIPTOR.name, "Tag");
}
