//! Values that must not get out around the redacted view: classified records in containers
//! (`nested` takes them all), type parameters, secrets serialized by their owner, and the
//! instant a record of several dated items counts from.

use chrono::{DateTime, Duration, TimeZone, Utc};
use privacy_core::deadline::{Deadline, Tenant, deadline};
use privacy_core::{Classified, Secret, Unclassified, im};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap() + Duration::days(n)
}

#[derive(Classified, Serialize, Clone)]
#[privacy(category = im::UserInformation)]
struct Contact {
    #[privacy(subject)]
    user_id: String,
    #[privacy(redact = email)]
    email: String,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

fn contact(n: u32) -> Contact {
    Contact {
        user_id: format!("user-{n}"),
        email: format!("person{n}@example.com"),
        at: day(0),
    }
}

#[derive(Classified)]
#[privacy(category = im::UserInformation)]
struct Roster {
    #[privacy(subject)]
    owner: String,
    #[privacy(nested)]
    by_name: HashMap<String, Contact>,
    #[privacy(nested)]
    by_rank: BTreeMap<u32, Vec<Contact>>,
    #[privacy(nested)]
    shared: Arc<Contact>,
    #[privacy(nested)]
    local: Rc<Contact>,
    #[privacy(nested)]
    pair: [Contact; 2],
    #[privacy(nested)]
    later: Option<Vec<Contact>>,
    #[privacy(nested)]
    queue: VecDeque<Option<Contact>>,
    #[privacy(nested)]
    boxed: Box<Contact>,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

fn roster() -> Roster {
    Roster {
        owner: "owner-1".into(),
        by_name: HashMap::from([("ann".to_owned(), contact(1))]),
        by_rank: BTreeMap::from([(1, vec![contact(2), contact(3)])]),
        shared: Arc::new(contact(4)),
        local: Rc::new(contact(5)),
        pair: [contact(6), contact(7)],
        later: Some(vec![contact(8)]),
        queue: VecDeque::from([None, Some(contact(9))]),
        boxed: Box::new(contact(10)),
        at: day(0),
    }
}

#[test]
fn containers_of_classified_records_show_their_redacted_view() {
    let roster = roster();
    let json = serde_json::to_string(&roster.redacted()).unwrap();
    let debug = format!("{roster:?}");
    let display = roster.redacted().to_string();
    for text in [&json, &debug, &display] {
        for n in 1..=10 {
            assert!(
                !text.contains(&format!("person{n}@")),
                "contact {n} leaked: {text}"
            );
        }
        assert!(text.contains("***@example.com"), "{text}");
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["by_name"]["ann"]["email"], "***@example.com");
    assert_eq!(value["by_rank"]["1"][1]["email"], "***@example.com");
    assert_eq!(value["queue"][0], serde_json::Value::Null);
    assert_eq!(value["pair"].as_array().unwrap().len(), 2);
    assert_eq!(
        debug.matches("***@example.com").count(),
        10,
        "every contact, once: {debug}"
    );
}

#[test]
fn subjects_inside_containers_are_found() {
    let mut subjects = Vec::new();
    roster().visit_subjects(&mut |_, id| subjects.push(id.to_string()));
    for n in 1..=10 {
        assert!(
            subjects.contains(&format!("user-{n}")),
            "user-{n} in {subjects:?}"
        );
    }
}

/// A payload shown as it is must be proved unclassified at each instantiation.
#[derive(Classified, Serialize)]
#[privacy(category = im::LogData)]
struct Event<P> {
    payload: P,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

/// A classified payload goes through `nested`.
#[derive(Classified, Serialize)]
#[privacy(category = im::UserInformation)]
struct Envelope<P> {
    #[privacy(subject)]
    to: String,
    #[privacy(nested)]
    payload: P,
}

#[derive(Debug, Serialize, Unclassified)]
enum Platform {
    Ios,
}

#[test]
fn type_parameters_show_plain_payloads_and_nest_classified_ones() {
    let plain = Event {
        payload: (Platform::Ios, vec!["sendmsg".to_owned()]),
        at: day(0),
    };
    assert_eq!(
        serde_json::to_string(&plain.redacted()).unwrap(),
        r#"{"payload":["Ios",["sendmsg"]],"at":"2026-03-01T12:00:00Z"}"#
    );
    let nested = Envelope {
        to: "user-1".into(),
        payload: HashMap::from([("k".to_owned(), contact(1))]),
    };
    let json = serde_json::to_string(&nested.redacted()).unwrap();
    assert!(!json.contains("person1@"), "{json}");
    assert!(json.contains("***@example.com"), "{json}");
}

/// A helper that persists its secret itself, declared unclassified by hand (a promise the
/// derive would have refused): the redacted view still never writes the secret.
#[derive(Debug, Serialize)]
struct PushCertificate {
    package: String,
    #[serde(with = "privacy_core::secret_serde::exposed")]
    app_secret: Secret<String>,
}
impl Unclassified for PushCertificate {}

#[derive(Classified, Serialize)]
#[privacy(category = im::ConfigurationData)]
struct AppConfig {
    certificates: Vec<PushCertificate>,
    by_platform: HashMap<String, PushCertificate>,
}

#[test]
fn a_secret_serialized_by_its_owner_is_masked_in_the_redacted_view() {
    let certificate = || PushCertificate {
        package: "com.example".into(),
        app_secret: Secret::new("s3cr3t-key".into()),
    };
    let config = AppConfig {
        certificates: vec![certificate(), certificate()],
        by_platform: HashMap::from([("ios".to_owned(), certificate())]),
    };
    let json = serde_json::to_string(&config.redacted()).unwrap();
    assert!(!json.contains("s3cr3t"), "{json}");
    assert_eq!(
        json.matches(r#""app_secret":"[secret]""#).count(),
        3,
        "{json}"
    );
    assert!(!format!("{config:?}").contains("s3cr3t"));
    assert!(!config.redacted().to_string().contains("s3cr3t"));
    // Its owner still persists it: outside a redacted view, `exposed` writes the clear value,
    // also after a redacted view ran on this thread.
    assert_eq!(
        serde_json::to_string(&certificate()).unwrap(),
        r#"{"package":"com.example","app_secret":"s3cr3t-key"}"#
    );
}

#[derive(Classified, Serialize, Clone)]
#[privacy(category = im::ChatMessageRecord)]
struct ChatMessage {
    #[privacy(subject)]
    sender: String,
    #[privacy(redact)]
    text: String,
    #[privacy(collected_at)]
    sent: DateTime<Utc>,
}

fn message(sent: i64) -> ChatMessage {
    ChatMessage {
        sender: "user-1".into(),
        text: "hello".into(),
        sent: day(sent),
    }
}

#[derive(Classified, Serialize)]
#[privacy(category = im::ChatMessageRecord)]
struct ConversationPage {
    #[privacy(subject)]
    owner: String,
    #[privacy(nested)]
    messages: Vec<ChatMessage>,
}

#[derive(Classified, Serialize)]
#[privacy(category = im::ChatMessageRecord)]
struct Thread {
    #[privacy(subject)]
    owner: String,
    #[privacy(nested)]
    pinned: Option<ChatMessage>,
    #[privacy(nested)]
    replies: BTreeMap<u32, ChatMessage>,
}

#[test]
fn the_earliest_instant_of_several_dated_items_counts() {
    let page = ConversationPage {
        owner: "user-1".into(),
        messages: vec![message(6), message(0), message(3)],
    };
    assert_eq!(page.collected_at(), Some(day(0)));
    let due = deadline(
        ConversationPage::DESCRIPTOR,
        page.collected_at(),
        &Tenant::default(),
        None,
    )
    .unwrap();
    assert_eq!(due, Deadline::At(day(7)));
    assert!(!due.alive_at(day(8)), "the day-0 message is gone on day 8");

    // Across several nested fields too: the pinned message is not the oldest.
    let thread = Thread {
        owner: "user-1".into(),
        pinned: Some(message(5)),
        replies: BTreeMap::from([(1, message(4)), (2, message(1))]),
    };
    assert_eq!(thread.collected_at(), Some(day(1)));
    let empty = Thread {
        owner: "user-1".into(),
        pinned: None,
        replies: BTreeMap::from([(1, message(2))]),
    };
    assert_eq!(empty.collected_at(), Some(day(2)));
}

/// A helper that persists its secret and its owner's id, read back from a store.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct StoredCertificate {
    owner: privacy_core::SubjectId,
    #[serde(with = "privacy_core::secret_serde::exposed")]
    app_secret: Secret<u64>,
}

#[test]
fn decode_errors_never_quote_the_value() {
    let cases: Vec<(&str, String)> = vec![
        (
            "s3cr3t-key",
            serde_json::from_str::<Secret<u64>>(r#""s3cr3t-key""#)
                .err()
                .unwrap()
                .to_string(),
        ),
        (
            "987654321",
            serde_json::from_str::<Secret<String>>("987654321")
                .err()
                .unwrap()
                .to_string(),
        ),
        (
            "-42.5",
            serde_json::from_str::<Secret<u8>>("-42.5")
                .err()
                .unwrap()
                .to_string(),
        ),
        (
            "s3cr3t-key",
            serde_json::from_str::<StoredCertificate>(
                r#"{"owner":"user-7","app_secret":"s3cr3t-key"}"#,
            )
            .err()
            .unwrap()
            .to_string(),
        ),
        (
            "4242",
            serde_json::from_str::<privacy_core::SubjectId>("4242")
                .err()
                .unwrap()
                .to_string(),
        ),
        (
            "true",
            serde_json::from_value::<StoredCertificate>(
                serde_json::json!({ "owner": true, "app_secret": 1 }),
            )
            .err()
            .unwrap()
            .to_string(),
        ),
    ];
    for (value, error) in cases {
        assert!(!error.contains(value), "{error:?} quotes {value:?}");
        assert!(error.contains("the value is not shown"), "{error}");
    }
    // What reads, reads.
    let read: StoredCertificate =
        serde_json::from_str(r#"{"owner":"user-7","app_secret":7}"#).unwrap();
    assert_eq!(
        (read.owner.as_str(), *read.app_secret.expose()),
        ("user-7", 7)
    );
}
