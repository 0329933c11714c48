//! Typed sinks take redacted views and plain scalars; what they receive never shows a raw value.

use chrono::DateTime;
use privacy_core::sink::{
    LogLine, LogSink, MetricSample, MetricsSink, Shareable, SharedRecord, ThirdPartySink,
};
use privacy_core::{Classified, Secret};
use privacy_tests::redaction::{AppConfig, ChatMessage, RequestLog};

#[derive(Default)]
struct Lines(Vec<String>);

impl LogSink for Lines {
    fn write(&mut self, line: LogLine<'_>) {
        self.0.push(line.to_string());
    }
}

#[derive(Default)]
struct Samples(Vec<(&'static str, String, f64)>);

impl MetricsSink for Samples {
    fn write(&mut self, sample: MetricSample<'_>) {
        self.0
            .push((sample.metric(), sample.label(), sample.value()));
    }
}

#[derive(Default)]
struct Partner(Vec<(&'static str, String, String)>);

impl ThirdPartySink for Partner {
    fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
        let json = serde_json::to_string(&record).unwrap();
        self.0.push((record.purpose(), record.to_string(), json));
    }
}

fn message() -> ChatMessage {
    ChatMessage {
        sender: "user-0001".into(),
        recipient: "user-0002".into(),
        text: "the door code is 4711".into(),
        attachments: vec![],
        sent: DateTime::UNIX_EPOCH,
    }
}

fn config() -> AppConfig {
    AppConfig {
        name: "demo".into(),
        app_key: Secret::new("k-0123456789".into()),
        push_secret: None,
        admin: "root@ops.example".into(),
        callback_url: "https://cb.example/hook?token=t0k3n".into(),
    }
}

#[test]
fn a_log_sink_receives_redacted_views_and_scalars() {
    let mut log = Lines::default();
    let message = message();
    log.log("delivered", message.redacted());
    log.log("attempt", 3_u8);
    log.log("mode", "batch");
    log.log("ok", true);
    assert!(
        log.0[0].starts_with(r#"delivered ChatMessage sender="h:"#),
        "{}",
        log.0[0]
    );
    assert!(
        log.0[0].ends_with(" text=[redacted] attachments=[redacted] sent=1970-01-01T00:00:00Z"),
        "{}",
        log.0[0]
    );
    assert_eq!(&log.0[1..], ["attempt 3", "mode batch", "ok true"]);
    assert!(!log.0.concat().contains("4711") && !log.0.concat().contains("user-0001"));
}

#[test]
fn a_metrics_sink_receives_labels_that_are_redacted_or_static() {
    let mut metrics = Samples::default();
    let request = RequestLog {
        client_ip: "198.51.100.23".parse().unwrap(),
        interface: "sendmsg".into(),
        error: None,
        at: DateTime::UNIX_EPOCH,
    };
    metrics.observe("latency_ms", "sendmsg", 18.5);
    metrics.observe("requests", request.redacted(), 1.0);
    assert_eq!(metrics.0[0], ("latency_ms", "sendmsg".to_owned(), 18.5));
    assert_eq!(
        metrics.0[1].1,
        r#"RequestLog client_ip="198.51.100.0/24" interface="sendmsg" error=None at=1970-01-01T00:00:00Z"#
    );
}

#[test]
fn a_third_party_receives_the_redacted_view_of_customer_data() {
    let mut partner = Partner::default();
    partner.share("real-time audio/video integration", config().redacted());
    let (purpose, text, json) = &partner.0[0];
    assert_eq!(*purpose, "real-time audio/video integration");
    assert_eq!(
        text,
        r#"AppConfig name="demo" app_key=[secret] push_secret=[secret] admin="***@ops.example" callback_url=[redacted]"#
    );
    assert_eq!(
        json,
        r#"{"name":"demo","app_key":"[secret]","push_secret":"[secret]","admin":"***@ops.example","callback_url":"[redacted]"}"#
    );
}
