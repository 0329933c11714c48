//! The cost of redaction: a chat record and a request log, serialized to JSON through
//! `redacted()` versus the same struct's plain derived `Serialize`, and printed with the derived
//! redacting `Debug` versus a plain derived `Debug` of an identical struct.
//!
//! `json/chat-distinct/*` serializes 4,096 chat records whose sender and recipient all differ,
//! in turn, so no pseudonym recurs within a thread's recent ones (each is computed); the other
//! cases serialize one record again and again (its pseudonyms are computed once).
//!
//! Run: `cargo bench -p privacy-tests --bench redaction`

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_main};
use privacy_core::{Classified, im};
use serde::Serialize;
use std::fmt::Write as _;
use std::hint::black_box;
use std::net::IpAddr;

/// A chat message as the backend stores it.
#[derive(Classified, Serialize)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatRecord {
    /// The message id.
    pub id: u64,
    /// The conversation.
    pub conversation: String,
    /// The sender.
    #[privacy(subject, redact = hash)]
    pub sender: String,
    /// The recipient.
    #[privacy(redact = hash)]
    pub recipient: String,
    /// The text.
    #[privacy(redact)]
    pub text: String,
    /// Attachment URLs.
    #[privacy(redact)]
    pub attachments: Vec<String>,
    /// When it was sent.
    #[privacy(collected_at)]
    pub sent: DateTime<Utc>,
}

/// The same fields with a plain derived `Debug`.
#[derive(Debug)]
pub struct PlainChatRecord {
    /// The message id.
    pub id: u64,
    /// The conversation.
    pub conversation: String,
    /// The sender.
    pub sender: String,
    /// The recipient.
    pub recipient: String,
    /// The text.
    pub text: String,
    /// Attachment URLs.
    pub attachments: Vec<String>,
    /// When it was sent.
    pub sent: DateTime<Utc>,
}

/// An interface request as the backend logs it.
#[derive(Classified, Serialize)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The caller's public exit IP.
    #[privacy(redact = ip)]
    pub client_ip: IpAddr,
    /// The application.
    pub app_id: u64,
    /// The interface called.
    pub interface: String,
    /// How long it took, in microseconds.
    pub latency_us: u32,
    /// The exception's cause, if any.
    #[privacy(redact = len)]
    pub error: Option<String>,
    /// When the request arrived.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// The same fields with a plain derived `Debug`.
#[derive(Debug)]
pub struct PlainRequestLog {
    /// The caller's public exit IP.
    pub client_ip: IpAddr,
    /// The application.
    pub app_id: u64,
    /// The interface called.
    pub interface: String,
    /// How long it took, in microseconds.
    pub latency_us: u32,
    /// The exception's cause, if any.
    pub error: Option<String>,
    /// When the request arrived.
    pub at: DateTime<Utc>,
}

fn chat() -> (ChatRecord, PlainChatRecord) {
    let sent = Utc.with_ymd_and_hms(2026, 11, 24, 7, 30, 0).unwrap();
    let text = "Hi! Are we still on for the review tomorrow at 10? I moved the slides to the shared folder \
                and added the figures from last week's run; tell me if anything is missing. \u{1F44D}"
        .to_owned();
    let attachments = vec![
        "https://files.example/u/8f3a9c/slides-review-v3.pdf".to_owned(),
        "https://files.example/u/8f3a9c/figures-week47.png".to_owned(),
    ];
    (
        ChatRecord {
            id: 1_734_000_000_123,
            conversation: "c2c_1400187352_1400190021".into(),
            sender: "user_1400187352".into(),
            recipient: "user_1400190021".into(),
            text: text.clone(),
            attachments: attachments.clone(),
            sent,
        },
        PlainChatRecord {
            id: 1_734_000_000_123,
            conversation: "c2c_1400187352_1400190021".into(),
            sender: "user_1400187352".into(),
            recipient: "user_1400190021".into(),
            text,
            attachments,
            sent,
        },
    )
}

fn request() -> (RequestLog, PlainRequestLog) {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 30, 0).unwrap();
    let client_ip: IpAddr = "203.0.113.77".parse().unwrap();
    let error = Some("upstream timeout after 3000 ms talking to the group service".to_owned());
    (
        RequestLog {
            client_ip,
            app_id: 1_400_187_352,
            interface: "v4/openim/sendmsg".into(),
            latency_us: 18_250,
            error: error.clone(),
            at,
        },
        PlainRequestLog {
            client_ip,
            app_id: 1_400_187_352,
            interface: "v4/openim/sendmsg".into(),
            latency_us: 18_250,
            error,
            at,
        },
    )
}

fn json(c: &mut Criterion) {
    let distinct: Vec<ChatRecord> = (0..4_096_u64)
        .map(|index| {
            let (mut record, _) = chat();
            record.sender = format!("user_{}", 1_400_000_000 + index);
            record.recipient = format!("user_{}", 1_500_000_000 + index);
            record
        })
        .collect();
    let (chat, _) = chat();
    let (request, _) = request();
    let mut group = c.benchmark_group("json");
    let mut out = Vec::with_capacity(1024);
    group.bench_function("chat/plain", |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, black_box(&chat)).unwrap();
        });
    });
    group.bench_function("chat/redacted", |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, &black_box(&chat).redacted()).unwrap();
        });
    });
    let mut next = 0;
    group.bench_function("chat-distinct/plain", |b| {
        b.iter(|| {
            out.clear();
            next = (next + 1) % distinct.len();
            serde_json::to_writer(&mut out, black_box(&distinct[next])).unwrap();
        });
    });
    group.bench_function("chat-distinct/redacted", |b| {
        b.iter(|| {
            out.clear();
            next = (next + 1) % distinct.len();
            serde_json::to_writer(&mut out, &black_box(&distinct[next]).redacted()).unwrap();
        });
    });
    group.bench_function("request/plain", |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, black_box(&request)).unwrap();
        });
    });
    group.bench_function("request/redacted", |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, &black_box(&request).redacted()).unwrap();
        });
    });
    group.finish();
}

fn debug(c: &mut Criterion) {
    let (chat, plain_chat) = chat();
    let (request, plain_request) = request();
    let mut group = c.benchmark_group("debug");
    let mut out = String::with_capacity(1024);
    group.bench_function("chat/plain", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{:?}", black_box(&plain_chat)).unwrap();
        });
    });
    group.bench_function("chat/redacted", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{:?}", black_box(&chat)).unwrap();
        });
    });
    group.bench_function("request/plain", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{:?}", black_box(&plain_request)).unwrap();
        });
    });
    group.bench_function("request/redacted", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{:?}", black_box(&request)).unwrap();
        });
    });
    group.finish();
}

/// The benchmark group (criterion's macro writes an undocumented function).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::json, super::debug);
}
criterion_main!(group::benches);
