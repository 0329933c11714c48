//! The audit log: what was deleted or held, when and why, never the values or whose they were.

use super::RetentionClass;

/// What happened.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// use privacy_core::store::{AuditAction, HoldTarget, record_key};
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// store.hold(&HoldTarget::Record(record_key::<RequestLog>("app-1", "r1")), "litigation 42", day0).unwrap();
/// assert_eq!(store.audit_log().unwrap()[0].action, AuditAction::Held);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AuditAction {
    /// Records were deleted.
    Deleted,
    /// A legal hold was placed.
    Held,
    /// A legal hold was lifted.
    Released,
    /// A data subject's request was received (its note: the request's keyed reference).
    Requested,
    /// Records were rewritten without the requester's part (erasure of a record naming
    /// several subjects whose type keeps it for the others).
    Redacted,
}

/// Why it happened.
///
/// ```
/// use privacy_core::store::AuditReason;
/// assert_eq!(serde_json::to_string(&AuditReason::LegalHold).unwrap(), r#""legal_hold""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AuditReason {
    /// The retention period ended.
    Retention,
    /// The account terminated and its grace ended.
    Termination,
    /// A data subject asked for erasure.
    Erasure,
    /// A legal hold (its reason is in [`AuditEntry::note`]).
    LegalHold,
}

impl AuditAction {
    /// The action's code in a store.
    ///
    /// ```
    /// use privacy_core::store::AuditAction;
    /// assert_eq!(AuditAction::Redacted.code(), "redacted");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Deleted => "deleted",
            AuditAction::Held => "held",
            AuditAction::Released => "released",
            AuditAction::Requested => "requested",
            AuditAction::Redacted => "redacted",
        }
    }

    /// The action of a code read from a store.
    ///
    /// ```
    /// use privacy_core::store::AuditAction;
    /// assert_eq!(AuditAction::from_code("released"), Some(AuditAction::Released));
    /// assert_eq!(AuditAction::from_code("purged"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        [
            AuditAction::Deleted,
            AuditAction::Held,
            AuditAction::Released,
            AuditAction::Requested,
            AuditAction::Redacted,
        ]
        .into_iter()
        .find(|action| action.code() == code)
    }
}

impl AuditReason {
    /// The reason's code in a store.
    ///
    /// ```
    /// use privacy_core::store::AuditReason;
    /// assert_eq!(AuditReason::Termination.code(), "termination");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            AuditReason::Retention => "retention",
            AuditReason::Termination => "termination",
            AuditReason::Erasure => "erasure",
            AuditReason::LegalHold => "legal_hold",
        }
    }

    /// The reason of a code read from a store.
    ///
    /// ```
    /// use privacy_core::store::AuditReason;
    /// assert_eq!(AuditReason::from_code("erasure"), Some(AuditReason::Erasure));
    /// assert_eq!(AuditReason::from_code("Erasure"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        [
            AuditReason::Retention,
            AuditReason::Termination,
            AuditReason::Erasure,
            AuditReason::LegalHold,
        ]
        .into_iter()
        .find(|reason| reason.code() == code)
    }
}

/// One line of the audit log: per type and category, how many records, their deadlines' range.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// for id in ["r1", "r2"] {
///     store.write("app-1", id, &RequestLog { at: day0 }, day0).unwrap();
/// }
/// store.sweep(day0 + TimeDelta::days(7), 100).unwrap();
/// // One entry for both records: how many, of which type and category, and their deadlines.
/// let entry = &store.audit_log().unwrap()[0];
/// assert_eq!((entry.count, entry.category.as_str()), (2, "im.log_data"));
/// assert_eq!(entry.deadline_max, Some((day0 + TimeDelta::days(7)).timestamp_millis()));
/// assert!(!serde_json::to_string(entry).unwrap().contains("r1"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AuditEntry {
    /// When (milliseconds since the Unix epoch).
    pub at: i64,
    /// What happened.
    pub action: AuditAction,
    /// Why.
    pub reason: AuditReason,
    /// The records' type key.
    pub type_key: String,
    /// Their category key.
    pub category: String,
    /// How many records.
    pub count: u64,
    /// The earliest deadline among them, if any.
    pub deadline_min: Option<i64>,
    /// The latest deadline among them, if any.
    pub deadline_max: Option<i64>,
    /// A hold's reason, or an erasure request's keyed reference; never a value or a subject id.
    pub note: String,
}

/// Why a row is deleted when its deadline passes.
pub(crate) fn expiry_reason(class: RetentionClass) -> AuditReason {
    match class {
        RetentionClass::UntilTerminated => AuditReason::Termination,
        RetentionClass::Fixed | RetentionClass::CustomerChosen => AuditReason::Retention,
    }
}

/// The audit entry of a row, under no hold, that a write replaced: when the row was already
/// due at `now`, replacing it deleted it. Nothing when it was not due.
pub(crate) fn entries_for_replaced(
    now: i64,
    type_key: &str,
    category: &str,
    class: RetentionClass,
    deadline: Option<i64>,
) -> Vec<AuditEntry> {
    if deadline.is_none_or(|deadline| deadline > now) {
        return Vec::new();
    }
    entries_for_deleted(
        now,
        [(type_key, category, expiry_reason(class), deadline)],
        "",
    )
}

/// Groups deleted rows into audit entries, one per type, category and reason.
pub(crate) fn entries_for_deleted<'a>(
    at: i64,
    rows: impl IntoIterator<Item = (&'a str, &'a str, AuditReason, Option<i64>)>,
    note: &str,
) -> Vec<AuditEntry> {
    let mut entries: Vec<AuditEntry> = Vec::new();
    for (type_key, category, reason, deadline) in rows {
        let found = entries.iter_mut().find(|entry| {
            entry.type_key == type_key && entry.category == category && entry.reason == reason
        });
        match found {
            Some(entry) => {
                entry.count += 1;
                entry.deadline_min = min_option(entry.deadline_min, deadline);
                entry.deadline_max = entry.deadline_max.max(deadline);
            }
            None => entries.push(AuditEntry {
                at,
                action: AuditAction::Deleted,
                reason,
                type_key: type_key.to_owned(),
                category: category.to_owned(),
                count: 1,
                deadline_min: deadline,
                deadline_max: deadline,
                note: note.to_owned(),
            }),
        }
    }
    entries
}

fn min_option(left: Option<i64>, right: Option<i64>) -> Option<i64> {
    match (left, right) {
        (Some(left), Some(right)) => Some(left.min(right)),
        (left, right) => left.or(right),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back() {
        for action in [
            AuditAction::Deleted,
            AuditAction::Held,
            AuditAction::Released,
            AuditAction::Requested,
            AuditAction::Redacted,
        ] {
            assert_eq!(AuditAction::from_code(action.code()), Some(action));
        }
        for reason in [
            AuditReason::Retention,
            AuditReason::Termination,
            AuditReason::Erasure,
            AuditReason::LegalHold,
        ] {
            assert_eq!(AuditReason::from_code(reason.code()), Some(reason));
        }
    }
}
