//! What the derive's accessors and descriptors say about values: whose a record is, when it
//! was collected, what each field is.

use chrono::{DateTime, TimeZone, Utc};
use privacy_core::{
    Classified, FieldRole, LegalBasis, Period, Redaction, Retention, SubjectId, im,
};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, day, 12, 0, 0).unwrap()
}

/// A profile.
#[derive(Classified, Clone)]
#[privacy(category = im::UserInformation)]
struct Profile {
    #[privacy(subject)]
    user_id: u64,
    #[privacy(redact)]
    nickname: String,
    #[privacy(collected_at)]
    updated: Option<DateTime<Utc>>,
}

/// Messages between users, in several shapes.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, erasure = redact_requester, legal_basis = consent)]
enum Message {
    Direct {
        #[privacy(subject)]
        from: String,
        #[privacy(subject)]
        to: String,
        #[privacy(redact)]
        text: String,
        #[privacy(collected_at)]
        sent: DateTime<Utc>,
    },
    Broadcast(
        #[privacy(subject)] Option<String>,
        #[privacy(collected_at)] DateTime<Utc>,
    ),
    Forwarded {
        #[privacy(nested)]
        original: Box<Profile>,
    },
}

/// A batch: its own instant wins over its nested values'.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
struct Batch {
    #[privacy(nested)]
    profiles: Vec<Profile>,
    #[privacy(collected_at)]
    received: DateTime<Utc>,
}

/// Without an instant of its own, the first nested value that has one.
#[derive(Classified)]
struct Pair {
    #[privacy(nested)]
    first: Option<Profile>,
    #[privacy(nested)]
    second: Profile,
}

fn subjects<T: Classified>(value: &T) -> Vec<(&'static str, SubjectId)> {
    let mut found = Vec::new();
    value.visit_subjects(&mut |field, id| found.push((field.name, id)));
    found
}

fn profile(id: u64, updated: Option<DateTime<Utc>>) -> Profile {
    Profile {
        user_id: id,
        nickname: "n".into(),
        updated,
    }
}

#[test]
fn subjects_are_found_in_every_variant_and_through_nesting() {
    let direct = Message::Direct {
        from: "alice".into(),
        to: "bob".into(),
        text: "hi".into(),
        sent: at(1),
    };
    assert_eq!(
        subjects(&direct),
        [
            ("from", SubjectId::new("alice")),
            ("to", SubjectId::new("bob"))
        ]
    );
    assert_eq!(
        subjects(&Message::Broadcast(Some("carol".into()), at(2))),
        [("0", SubjectId::new("carol"))]
    );
    assert_eq!(subjects(&Message::Broadcast(None, at(2))), []);
    // A nested field's subjects are reported with the nested type's field.
    let forwarded = Message::Forwarded {
        original: Box::new(profile(7, None)),
    };
    assert_eq!(subjects(&forwarded), [("user_id", SubjectId::new("7"))]);
    assert_eq!(forwarded.subject(), Some(SubjectId::new("7")));
}

/// Ids of every integer width.
#[derive(Classified)]
#[privacy(category = im::UserInformation, erasure = delete_record)]
struct IntegerIds {
    #[privacy(subject)]
    small: u8,
    #[privacy(subject)]
    signed: i16,
    #[privacy(subject)]
    index: usize,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

#[test]
fn integer_subjects_of_every_width_are_found_as_their_decimal_text() {
    let ids = IntegerIds {
        small: 7,
        signed: -3,
        index: 40_000,
        at: at(1),
    };
    assert_eq!(
        subjects(&ids),
        [
            ("small", SubjectId::new("7")),
            ("signed", SubjectId::new("-3")),
            ("index", SubjectId::new("40000"))
        ]
    );
}

#[test]
fn collected_at_prefers_the_records_own_instant() {
    assert_eq!(Message::Broadcast(None, at(3)).collected_at(), Some(at(3)));
    assert_eq!(
        Message::Forwarded {
            original: Box::new(profile(1, Some(at(4))))
        }
        .collected_at(),
        Some(at(4))
    );
    let batch = Batch {
        profiles: vec![profile(1, Some(at(5)))],
        received: at(6),
    };
    assert_eq!(batch.collected_at(), Some(at(6)));
    let pair = Pair {
        first: None,
        second: profile(2, Some(at(8))),
    };
    assert_eq!(pair.collected_at(), Some(at(8)));
    let pair = Pair {
        first: Some(profile(1, Some(at(7)))),
        second: profile(2, Some(at(8))),
    };
    assert_eq!(pair.collected_at(), Some(at(7)));
    assert_eq!(profile(1, None).collected_at(), None);
}

#[test]
fn descriptors_describe_every_field_in_order() {
    let descriptor = Message::DESCRIPTOR;
    let fields: Vec<(Option<&str>, &str, FieldRole, Redaction)> = descriptor
        .fields
        .iter()
        .map(|field| (field.variant, field.name, field.role, field.redaction))
        .collect();
    assert_eq!(
        fields,
        [
            (Some("Direct"), "from", FieldRole::Subject, Redaction::Shown),
            (Some("Direct"), "to", FieldRole::Subject, Redaction::Shown),
            (Some("Direct"), "text", FieldRole::Data, Redaction::Mask),
            (
                Some("Direct"),
                "sent",
                FieldRole::CollectedAt,
                Redaction::Shown
            ),
            (Some("Broadcast"), "0", FieldRole::Subject, Redaction::Shown),
            (
                Some("Broadcast"),
                "1",
                FieldRole::CollectedAt,
                Redaction::Shown
            ),
            (
                Some("Forwarded"),
                "original",
                FieldRole::Data,
                Redaction::Shown
            ),
        ]
    );
    assert!(core::ptr::eq(
        descriptor.fields[6].nested.unwrap(),
        Profile::DESCRIPTOR
    ));
    assert_eq!(
        descriptor.field(Some("Broadcast"), "1").unwrap().role,
        FieldRole::CollectedAt
    );
    assert_eq!(descriptor.subject_fields().count(), 3);
    assert_eq!(descriptor.legal_basis, LegalBasis::Consent);
    assert_eq!(
        descriptor.retention,
        Retention::CustomerChosen {
            default: Period::days(7),
            max: None
        }
    );
}

#[test]
fn a_type_without_own_category_takes_its_nested_policy() {
    let descriptor = Pair::DESCRIPTOR;
    assert_eq!(descriptor.category, None);
    assert_eq!(descriptor.categories().len(), 1);
    assert_eq!(descriptor.retention, Profile::DESCRIPTOR.retention);
    assert_eq!(descriptor.legal_basis, Profile::DESCRIPTOR.legal_basis);
    assert_eq!(
        descriptor.purpose,
        <im::UserInformation as privacy_core::Category>::INFO.purpose
    );
}
