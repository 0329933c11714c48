//! Classified values in `tracing` events: a subscriber capturing the formatted output sees
//! only redacted views.

use chrono::DateTime;
use privacy_core::sink::LogSink;
use privacy_core::trace::TracingLog;
use privacy_core::{Classified, Secret};
use privacy_tests::redaction::{AppConfig, ChatMessage, RequestLog};
use std::io;
use std::sync::{Arc, Mutex};

/// A writer that keeps everything the subscriber formats.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

/// Runs `emit` under a formatting subscriber and returns what it wrote.
fn capture(emit: impl FnOnce()) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .without_time()
        .finish();
    tracing::subscriber::with_default(subscriber, emit);
    captured.text()
}

fn message() -> ChatMessage {
    ChatMessage {
        sender: "user-0001".into(),
        recipient: "user-0002".into(),
        text: "the door code is 4711".into(),
        attachments: vec!["https://files.example/door.jpg".into()],
        sent: DateTime::UNIX_EPOCH,
    }
}

#[test]
fn events_record_classified_values_only_as_redacted_views() {
    let message = message();
    let config = AppConfig {
        name: "demo".into(),
        app_key: Secret::new("k-0123456789".into()),
        push_secret: None,
        admin: "root@ops.example".into(),
        callback_url: "https://cb.example/hook?token=t0k3n".into(),
    };
    let request = RequestLog {
        client_ip: "203.0.113.77".parse().unwrap(),
        interface: "sendmsg".into(),
        error: Some("peer user-0002 unreachable".into()),
        at: DateTime::UNIX_EPOCH,
    };
    let out = capture(|| {
        tracing::info!(chat = message.redacted().traced(), "delivered");
        tracing::warn!(config = %config.redacted(), "reloaded");
        tracing::info!(request = ?request, "served");
        let span = tracing::info_span!("handling", chat = message.redacted().traced());
        span.in_scope(|| tracing::error!(config = ?config.redacted(), "failed"));
    });
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].contains(r#"delivered chat=ChatMessage sender="h:"#),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains(r#"" text=[redacted] attachments=[redacted] sent=1970-01-01T00:00:00Z"#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(r#"reloaded config=AppConfig name="demo" app_key=[secret] push_secret=[secret] admin="***@ops.example" callback_url=[redacted]"#),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with(r#"served request=RequestLog { client_ip: "203.0.113.0/24", interface: "sendmsg", error: Some(<26 chars>), at: 1970-01-01T00:00:00Z }"#),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains("handling{chat=ChatMessage sender=\"h:"),
        "{}",
        lines[3]
    );
    for raw in [
        "user-0001",
        "user-0002",
        "4711",
        "door",
        "k-0123456789",
        "root@",
        "t0k3n",
        "203.0.113.77",
        "unreachable",
    ] {
        assert!(!out.contains(raw), "tracing output shows {raw:?}:\n{out}");
    }
}

#[test]
fn the_tracing_log_sink_emits_vetted_lines() {
    let message = message();
    let out = capture(|| {
        let mut log = TracingLog;
        log.log("delivered", message.redacted());
        log.log("queue depth", 17_u32);
    });
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains(r#" INFO privacy: delivered value=ChatMessage sender="h:"#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(" INFO privacy: queue depth value=17"),
        "{}",
        lines[1]
    );
    assert!(!out.contains("4711") && !out.contains("user-0001"), "{out}");
}
