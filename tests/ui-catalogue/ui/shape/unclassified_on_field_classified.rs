use privacy_core::{Classified, Unclassified, im};

// Classified by its field only: still classified.
#[derive(Unclassified, Classified, serde::Serialize)]
pub struct Attributed {
    #[privacy(category = im::AccountIdentifiers)]
    pub uin: u64,
}

fn main() {}
