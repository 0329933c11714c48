use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::LogData, retention = "30d")]
pub struct Tagged<T> {
    pub payload: T,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let tagged = Tagged { payload: 1_u8, at: chrono::DateTime::UNIX_EPOCH };
    println!("{tagged:?}");
}
