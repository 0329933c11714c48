use privacy_core::{Classified, Storable, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Tagged<T> {
    pub tag: T,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A concrete type of its own: registered, with its own key, storable.
#[derive(Classified)]
pub struct TaggedText(#[privacy(nested)] pub Tagged<String>);

fn store<T: Storable>(_record: &T) {}

fn main() {
    let text = TaggedText(Tagged { tag: "sendmsg".into(), at: chrono::DateTime::UNIX_EPOCH });
    store(&text);
    assert!(privacy_core::registry::types().iter().any(|ty| ty.name == "TaggedText"));
    assert!(!privacy_core::registry::types().iter().any(|ty| ty.name == "Tagged"));
}
