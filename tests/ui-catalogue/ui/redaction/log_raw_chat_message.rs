use privacy_core::sink::{LogLine, LogSink};
use privacy_core::{Classified, im};

#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    #[privacy(subject, redact = hash)]
    pub sender: String,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub sent: chrono::DateTime<chrono::Utc>,
}

struct Stdout;

impl LogSink for Stdout {
    fn write(&mut self, line: LogLine<'_>) {
        println!("{line}");
    }
}

fn main() {
    let message = ChatMessage { sender: "u1".into(), text: "hi".into(), sent: chrono::Utc::now() };
    Stdout.log("delivered", &message);
}
