use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Tagged<T> {
    pub tag: T,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn store<T: privacy_core::Storable>(_record: &T) {}

fn main() {
    // Shown and logged freely; stored, `Tagged<u32>` and `Tagged<String>` would share one
    // type key, and the registry would know neither.
    let tagged = Tagged { tag: 7_u32, at: chrono::DateTime::UNIX_EPOCH };
    let _ = format!("{tagged:?}");
    store(&tagged);
}
