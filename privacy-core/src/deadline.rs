//! The deadline engine: when a stored record must be gone, from its type's retention class, the
//! instant it was collected, and what the tenant (the customer application) decided.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use privacy_core::deadline::{deadline, Deadline, Tenant};
//! use privacy_core::{im, Classified, Period};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::ChatMessageRecord)]
//! struct ChatMessage {
//!     #[privacy(subject)]
//!     from: String,
//!     #[privacy(collected_at)]
//!     sent: chrono::DateTime<Utc>,
//! }
//!
//! let sent = Utc.with_ymd_and_hms(2026, 1, 31, 9, 0, 0).unwrap();
//! // No period chosen: the policy's 7 days.
//! let default = deadline(ChatMessage::DESCRIPTOR, Some(sent), &Tenant::default(), None);
//! assert_eq!(default, Ok(Deadline::At(Utc.with_ymd_and_hms(2026, 2, 7, 9, 0, 0).unwrap())));
//! // The customer chose one month: calendar arithmetic, 31 January + 1 month = 28 February.
//! let tenant = Tenant { chosen_retention: Some(Period::months(1)), ..Tenant::default() };
//! let chosen = deadline(ChatMessage::DESCRIPTOR, Some(sent), &tenant, None);
//! assert_eq!(chosen, Ok(Deadline::At(Utc.with_ymd_and_hms(2026, 2, 28, 9, 0, 0).unwrap())));
//! // The customer opted out of storing end users' data: never stored.
//! let opted_out = Tenant { stores_end_user_data: false, ..Tenant::default() };
//! assert_eq!(deadline(ChatMessage::DESCRIPTOR, Some(sent), &opted_out, None), Ok(Deadline::NeverStore));
//! ```

use crate::{DataSubject, Period, Retention, TypeDescriptor};
use chrono::{DateTime, Utc};
use core::fmt;

/// What a tenant (a customer application) decided about its end users' data.
///
/// ```
/// use privacy_core::{deadline::Tenant, Period};
/// let thirty_days = Tenant { chosen_retention: Some(Period::days(30)), ..Tenant::default() };
/// assert!(thirty_days.stores_end_user_data);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tenant {
    /// The retention the customer chose for customer-chosen classes; `None`: the class default.
    pub chosen_retention: Option<Period>,
    /// Whether the customer lets the service store end users' data at all. When not, such data
    /// is processed momentarily and never stored.
    pub stores_end_user_data: bool,
}

impl Default for Tenant {
    fn default() -> Self {
        Tenant {
            chosen_retention: None,
            stores_end_user_data: true,
        }
    }
}

/// When a record must be gone.
///
/// ```
/// use privacy_core::deadline::Deadline;
/// assert!(Deadline::WhileActive.alive_at(chrono::Utc::now()));
/// assert!(!Deadline::NeverStore.alive_at(chrono::Utc::now()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    /// At this instant.
    At(DateTime<Utc>),
    /// Not while the customer's account is active (kept until termination plus a grace).
    WhileActive,
    /// The record may not be stored at all: its type is ephemeral, or it is end users' data of
    /// a tenant that opted out of storage.
    NeverStore,
}

impl Deadline {
    /// Whether a record with this deadline is still allowed to exist at `now`.
    ///
    /// ```
    /// use privacy_core::deadline::Deadline;
    /// let at = chrono::DateTime::UNIX_EPOCH;
    /// assert!(!Deadline::At(at).alive_at(at));
    /// ```
    #[must_use]
    pub fn alive_at(self, now: DateTime<Utc>) -> bool {
        match self {
            Deadline::At(at) => now < at,
            Deadline::WhileActive => true,
            Deadline::NeverStore => false,
        }
    }
}

/// Why no deadline could be computed. Each refuses the write: a record nobody can date would
/// be kept forever.
///
/// ```
/// use privacy_core::deadline::DeadlineError;
/// let error = DeadlineError::MissingCollectedAt { type_name: "ChatMessage" };
/// assert!(error.to_string().contains("no `collected_at` instant"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadlineError {
    /// The class counts from collection, but the record says not when it was collected.
    MissingCollectedAt {
        /// The type.
        type_name: &'static str,
    },
    /// The tenant chose a period above what the class allows.
    ChosenAboveMaximum {
        /// The type.
        type_name: &'static str,
        /// What the tenant chose.
        chosen: Period,
        /// The class's cap.
        maximum: Period,
    },
    /// The deadline falls outside the dates the calendar can represent.
    OutOfRange {
        /// The type.
        type_name: &'static str,
    },
}

impl fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineError::MissingCollectedAt { type_name } => write!(
                f,
                "`{type_name}` is kept for a period counted from collection, but this record has no `collected_at` instant; set it before storing the record"
            ),
            DeadlineError::ChosenAboveMaximum {
                type_name,
                chosen,
                maximum,
            } => write!(
                f,
                "the tenant chose to keep `{type_name}` records {chosen}, above the {maximum} its policy allows; choose at most {maximum}"
            ),
            DeadlineError::OutOfRange { type_name } => {
                write!(
                    f,
                    "the deadline of this `{type_name}` record is past the last representable date"
                )
            }
        }
    }
}

impl std::error::Error for DeadlineError {}

/// Whether records of the type hold end users' data (any of its categories is about them).
///
/// ```
/// use privacy_core::{deadline::holds_end_user_data, im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// assert!(!holds_end_user_data(RequestLog::DESCRIPTOR));
/// ```
#[must_use]
pub fn holds_end_user_data(descriptor: &TypeDescriptor) -> bool {
    descriptor
        .categories()
        .iter()
        .any(|category| category.subject == DataSubject::EndUser)
}

/// Whether the tenant's chosen retention bounds the type's records: its own class is
/// customer-chosen, or it holds a category whose policy keeps data for the customer's chosen
/// period (a type may promise less than its category, never more than the customer chose).
///
/// ```
/// use privacy_core::{deadline::follows_customer_choice, im, Classified};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord, retention = "48h")]
/// struct Draft { #[privacy(subject)] author: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// #[derive(Classified)]
/// #[privacy(category = im::LogData)]
/// struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// assert!(follows_customer_choice(Draft::DESCRIPTOR));
/// assert!(!follows_customer_choice(RequestLog::DESCRIPTOR));
/// ```
#[must_use]
pub fn follows_customer_choice(descriptor: &TypeDescriptor) -> bool {
    let customer_chosen =
        |retention: &Retention| matches!(retention, Retention::CustomerChosen { .. });
    customer_chosen(&descriptor.retention)
        || descriptor
            .categories()
            .iter()
            .any(|category| customer_chosen(&category.retention))
}

/// The deadline of a record of `descriptor`'s type collected at `collected_at`, for `tenant`,
/// whose account terminated at `terminated_at` (if it did).
///
/// Fixed classes count from collection, ending at the tenant's chosen period instead when the
/// type [follows the customer's choice](follows_customer_choice) and the choice is shorter;
/// customer-chosen classes use the tenant's period, else the class default, and refuse a period
/// above the class maximum; until-terminated classes
/// have no deadline while the account is active and end the calendar grace after termination;
/// ephemeral types, and end users' data of a tenant that opted out, are never stored.
///
/// # Errors
/// When the class counts from collection and `collected_at` is `None`, when the tenant's period
/// is above the class maximum, or when the deadline overflows the calendar.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use privacy_core::deadline::{deadline, Deadline, Tenant};
/// use privacy_core::{im, Classified, Period};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord)]
/// struct ChatMessage { #[privacy(subject)] sender: String, #[privacy(collected_at)] sent: chrono::DateTime<Utc> }
///
/// let sent = Utc.with_ymd_and_hms(2026, 1, 31, 12, 0, 0).unwrap();
/// let month = Tenant { chosen_retention: Some(Period::months(1)), ..Tenant::default() };
/// // One calendar month from 31 January ends on the last day of February.
/// let due = deadline(ChatMessage::DESCRIPTOR, Some(sent), &month, None).unwrap();
/// assert_eq!(due, Deadline::At(Utc.with_ymd_and_hms(2026, 2, 28, 12, 0, 0).unwrap()));
/// let opted_out = Tenant { stores_end_user_data: false, ..Tenant::default() };
/// assert_eq!(deadline(ChatMessage::DESCRIPTOR, Some(sent), &opted_out, None).unwrap(), Deadline::NeverStore);
/// assert!(deadline(ChatMessage::DESCRIPTOR, None, &month, None).is_err());
/// ```
pub fn deadline(
    descriptor: &TypeDescriptor,
    collected_at: Option<DateTime<Utc>>,
    tenant: &Tenant,
    terminated_at: Option<DateTime<Utc>>,
) -> Result<Deadline, DeadlineError> {
    let type_name = descriptor.name;
    if !tenant.stores_end_user_data && holds_end_user_data(descriptor) {
        return Ok(Deadline::NeverStore);
    }
    let end_of = |period: Period| {
        let start = collected_at.ok_or(DeadlineError::MissingCollectedAt { type_name })?;
        period
            .after(start)
            .ok_or(DeadlineError::OutOfRange { type_name })
    };
    let from_collection = |period: Period| end_of(period).map(Deadline::At);
    match descriptor.retention {
        Retention::Ephemeral => Ok(Deadline::NeverStore),
        Retention::Fixed(period) => {
            let own = end_of(period)?;
            match tenant.chosen_retention {
                Some(chosen) if follows_customer_choice(descriptor) => {
                    Ok(Deadline::At(own.min(end_of(chosen)?)))
                }
                _ => Ok(Deadline::At(own)),
            }
        }
        Retention::CustomerChosen { default, max } => {
            let period = tenant.chosen_retention.unwrap_or(default);
            if let Some(maximum) = max
                && !period.at_most(maximum)
            {
                return Err(DeadlineError::ChosenAboveMaximum {
                    type_name,
                    chosen: period,
                    maximum,
                });
            }
            from_collection(period)
        }
        Retention::UntilTerminated { grace } => match terminated_at {
            None => Ok(Deadline::WhileActive),
            Some(ended) => grace
                .after(ended)
                .map(Deadline::At)
                .ok_or(DeadlineError::OutOfRange { type_name }),
        },
    }
}
