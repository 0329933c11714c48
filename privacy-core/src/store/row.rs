//! A stored record as backends see it: keys, schedule and the encoded value.

use crate::Retention;

/// Which records a tenant's decisions reschedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetentionClass {
    /// A fixed period from collection: nothing reschedules it.
    Fixed,
    /// The customer's chosen period: rescheduled when the tenant changes its settings.
    CustomerChosen,
    /// Until the account ends plus a grace: rescheduled when the account terminates.
    UntilTerminated,
}

impl RetentionClass {
    /// The class of a retention (ephemeral records are never stored; they count as fixed).
    #[must_use]
    pub fn of(retention: &Retention) -> Self {
        match retention {
            Retention::CustomerChosen { .. } => RetentionClass::CustomerChosen,
            Retention::UntilTerminated { .. } => RetentionClass::UntilTerminated,
            Retention::Fixed(_) | Retention::Ephemeral => RetentionClass::Fixed,
        }
    }

    /// The class's code in a store.
    #[must_use]
    pub fn code(self) -> i64 {
        match self {
            RetentionClass::Fixed => 0,
            RetentionClass::CustomerChosen => 1,
            RetentionClass::UntilTerminated => 2,
        }
    }

    /// The class of a code read from a store.
    #[must_use]
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(RetentionClass::Fixed),
            1 => Some(RetentionClass::CustomerChosen),
            2 => Some(RetentionClass::UntilTerminated),
            _ => None,
        }
    }
}

/// What identifies a stored record: its type, its tenant and its id within them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowKey {
    /// `module::path::Type`.
    pub type_key: String,
    /// The tenant (customer application).
    pub tenant: String,
    /// The record's id.
    pub id: String,
}

impl RowKey {
    /// A key.
    pub fn new(
        type_key: impl Into<String>,
        tenant: impl Into<String>,
        id: impl Into<String>,
    ) -> Self {
        RowKey {
            type_key: type_key.into(),
            tenant: tenant.into(),
            id: id.into(),
        }
    }
}

/// A stored record. Timestamps are milliseconds since the Unix epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The key.
    pub key: RowKey,
    /// The type's first category key, for the audit log.
    pub category: String,
    /// The retention class.
    pub class: RetentionClass,
    /// The keyed hashes of the data subjects the record names.
    pub subjects: Vec<String>,
    /// When the record was collected.
    pub collected_at: Option<i64>,
    /// When the record must be gone; `None` while its account is active.
    pub deadline: Option<i64>,
    /// The record, as JSON.
    pub payload: String,
}
