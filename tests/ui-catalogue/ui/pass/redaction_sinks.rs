use privacy_core::sink::{LogLine, LogSink, MetricSample, MetricsSink, Shareable, SharedRecord, ThirdPartySink};
use privacy_core::{Classified, Secret, im};

/// An end user's chat message.
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

/// An application's details, shared with a partner when the customer opts in.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct AppDetails {
    pub name: String,
    #[privacy(secret)]
    pub app_key: Secret<String>,
}

struct Lines(Vec<String>);
impl LogSink for Lines {
    fn write(&mut self, line: LogLine<'_>) {
        self.0.push(line.to_string());
    }
}

struct Counter(f64);
impl MetricsSink for Counter {
    fn write(&mut self, sample: MetricSample<'_>) {
        self.0 += sample.value();
    }
}

struct Partner(Vec<String>);
impl ThirdPartySink for Partner {
    fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
        self.0.push(record.to_string());
    }
}

fn main() {
    let message = ChatMessage { sender: "u1".into(), text: "hello".into(), sent: chrono::Utc::now() };
    let details = AppDetails { name: "demo".into(), app_key: Secret::new("k-1".into()) };

    let mut log = Lines(Vec::new());
    log.log("delivered", message.redacted());
    log.log("retries", 2_u8);
    let mut counter = Counter(0.0);
    counter.observe("delivered", "c2c", 1.0);
    let mut partner = Partner(Vec::new());
    partner.share("audio/video integration", details.redacted());

    tracing::info!(chat = message.redacted().traced(), "delivered");
    tracing::info!(chat = %message.redacted(), debug = ?message, "delivered");

    assert!(!log.0[0].contains("hello"));
    assert_eq!(partner.0[0], r#"AppDetails name="demo" app_key=[secret]"#);
}
