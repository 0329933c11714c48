use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub enum Message {
    Text {
        #[privacy(subject)]
        from: u64,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    Image {
        #[privacy(redact)]
        url: String,
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
}

fn main() {}
