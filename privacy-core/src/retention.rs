//! Retention classes: how long a record may be kept, and from which instant that counts.

use core::fmt;

/// The unit of a [`Period`].
///
/// Months and years are calendar units: two months after 31 December is the end of February.
///
/// ```
/// use privacy_core::{Period, TimeUnit};
/// let new_year_eve: chrono::DateTime<chrono::Utc> = "2023-12-31T00:00:00Z".parse().unwrap();
/// let end = Period::new(2, TimeUnit::Months).after(new_year_eve).unwrap();
/// assert_eq!(end.to_string(), "2024-02-29 00:00:00 UTC");
/// assert_eq!(Period::new(1, TimeUnit::Weeks).min_seconds(), 7 * 86_400);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TimeUnit {
    /// Seconds.
    Seconds,
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days of 24 hours.
    Days,
    /// Weeks of 7 days.
    Weeks,
    /// Calendar months.
    Months,
    /// Calendar years.
    Years,
}

impl TimeUnit {
    const fn fixed_seconds(self) -> Option<u64> {
        match self {
            TimeUnit::Seconds => Some(1),
            TimeUnit::Minutes => Some(60),
            TimeUnit::Hours => Some(3_600),
            TimeUnit::Days => Some(86_400),
            TimeUnit::Weeks => Some(7 * 86_400),
            TimeUnit::Months | TimeUnit::Years => None,
        }
    }

    const fn calendar_months(self) -> Option<u64> {
        match self {
            TimeUnit::Months => Some(1),
            TimeUnit::Years => Some(12),
            _ => None,
        }
    }
}

/// A length of time: a positive amount of one [`TimeUnit`].
///
/// ```
/// use privacy_core::{Period, TimeUnit};
/// let week = Period::days(7);
/// assert!(Period::hours(48).at_most(week));
/// assert!(!Period::months(1).at_most(Period::days(30)));   // some months have 31 days
/// assert_eq!(week.to_string(), "7 days");
/// assert_eq!(Period::new(2, TimeUnit::Months).to_string(), "2 months");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: TimeUnit,
}

impl Period {
    /// `amount` of `unit`.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// let period = Period::new(3, TimeUnit::Weeks);
    /// assert_eq!((period.amount, period.unit), (3, TimeUnit::Weeks));
    /// assert_eq!(period.to_string(), "3 weeks");
    /// ```
    #[must_use]
    pub const fn new(amount: u32, unit: TimeUnit) -> Self {
        Period { amount, unit }
    }

    /// `amount` hours.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert_eq!(Period::hours(48), Period::new(48, TimeUnit::Hours));
    /// assert_eq!(Period::hours(1).to_string(), "1 hour");
    /// ```
    #[must_use]
    pub const fn hours(amount: u32) -> Self {
        Period::new(amount, TimeUnit::Hours)
    }

    /// `amount` days.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert_eq!(Period::days(2), Period::new(2, TimeUnit::Days));
    /// assert_eq!(Period::days(2).min_seconds(), 172_800);
    /// ```
    #[must_use]
    pub const fn days(amount: u32) -> Self {
        Period::new(amount, TimeUnit::Days)
    }

    /// `amount` calendar months.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert_eq!(Period::months(2), Period::new(2, TimeUnit::Months));
    /// assert_eq!(Period::months(2).to_string(), "2 months");
    /// ```
    #[must_use]
    pub const fn months(amount: u32) -> Self {
        Period::new(amount, TimeUnit::Months)
    }

    /// The shortest this period can be, in seconds (a month is at least 28 days, a year 365).
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert_eq!(Period::hours(2).min_seconds(), 7_200);
    /// assert_eq!(Period::months(1).min_seconds(), 28 * 86_400);
    /// assert_eq!(Period::new(1, TimeUnit::Years).min_seconds(), 365 * 86_400);
    /// ```
    #[must_use]
    pub const fn min_seconds(self) -> u64 {
        let amount = self.amount as u64;
        match self.unit.fixed_seconds() {
            Some(seconds) => amount * seconds,
            None => match self.unit {
                TimeUnit::Years => amount * 365 * 86_400,
                _ => amount * 28 * 86_400,
            },
        }
    }

    /// The longest this period can be, in seconds (a month is at most 31 days, a year 366).
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert_eq!(Period::hours(2).max_seconds(), 7_200);
    /// assert_eq!(Period::months(1).max_seconds(), 31 * 86_400);
    /// assert_eq!(Period::new(1, TimeUnit::Years).max_seconds(), 366 * 86_400);
    /// ```
    #[must_use]
    pub const fn max_seconds(self) -> u64 {
        let amount = self.amount as u64;
        match self.unit.fixed_seconds() {
            Some(seconds) => amount * seconds,
            None => match self.unit {
                TimeUnit::Years => amount * 366 * 86_400,
                _ => amount * 31 * 86_400,
            },
        }
    }

    /// Whether this period is never longer than `other`, whatever the calendar.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// assert!(Period::months(12).at_most(Period::new(1, TimeUnit::Years)));
    /// assert!(Period::days(28).at_most(Period::months(1)));
    /// assert!(!Period::days(29).at_most(Period::months(1))); // February can be shorter
    /// assert!(!Period::months(1).at_most(Period::days(30))); // some months have 31 days
    /// ```
    #[must_use]
    pub const fn at_most(self, other: Period) -> bool {
        if let (Some(mine), Some(theirs)) =
            (self.unit.calendar_months(), other.unit.calendar_months())
        {
            return self.amount as u64 * mine <= other.amount as u64 * theirs;
        }
        self.max_seconds() <= other.min_seconds()
    }

    /// The instant `self` after `start`, with calendar arithmetic for months and years
    /// (31 December plus two months is the last day of February). `None` on overflow.
    ///
    /// ```
    /// use privacy_core::{Period, TimeUnit};
    /// let start: chrono::DateTime<chrono::Utc> = "2025-01-31T08:00:00Z".parse().unwrap();
    /// assert_eq!(Period::months(1).after(start).unwrap().to_string(), "2025-02-28 08:00:00 UTC");
    /// assert_eq!(Period::days(1).after(start).unwrap().to_string(), "2025-02-01 08:00:00 UTC");
    /// assert_eq!(Period::new(u32::MAX, TimeUnit::Years).after(start), None);
    /// ```
    #[must_use]
    pub fn after(
        self,
        start: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        match self.unit.calendar_months() {
            Some(months) => {
                let months = u32::try_from(u64::from(self.amount) * months).ok()?;
                start.checked_add_months(chrono::Months::new(months))
            }
            None => {
                let seconds = i64::try_from(self.min_seconds()).ok()?;
                start.checked_add_signed(chrono::TimeDelta::try_seconds(seconds)?)
            }
        }
    }
}

impl Period {
    /// The instant `self` before `end`, with calendar arithmetic for months and years (the
    /// inverse of [`after`](Period::after), erring early: `p.before(t)` plus `p` is never later
    /// than `t`, so a record collected at or before it is due at `t`). `None` on overflow.
    ///
    /// ```
    /// use privacy_core::Period;
    /// let end: chrono::DateTime<chrono::Utc> = "2025-03-31T08:00:00Z".parse().unwrap();
    /// assert_eq!(Period::months(1).before(end).unwrap().to_string(), "2025-02-28 08:00:00 UTC");
    /// assert_eq!(Period::days(7).before(end).unwrap().to_string(), "2025-03-24 08:00:00 UTC");
    /// ```
    #[must_use]
    pub fn before(
        self,
        end: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        match self.unit.calendar_months() {
            Some(months) => {
                let months = u32::try_from(u64::from(self.amount) * months).ok()?;
                end.checked_sub_months(chrono::Months::new(months))
            }
            None => {
                let seconds = i64::try_from(self.min_seconds()).ok()?;
                end.checked_sub_signed(chrono::TimeDelta::try_seconds(seconds)?)
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (one, many) = match self.unit {
            TimeUnit::Seconds => ("second", "seconds"),
            TimeUnit::Minutes => ("minute", "minutes"),
            TimeUnit::Hours => ("hour", "hours"),
            TimeUnit::Days => ("day", "days"),
            TimeUnit::Weeks => ("week", "weeks"),
            TimeUnit::Months => ("month", "months"),
            TimeUnit::Years => ("year", "years"),
        };
        write!(
            f,
            "{} {}",
            self.amount,
            if self.amount == 1 { one } else { many }
        )
    }
}

/// How long records of a type or category may be kept.
///
/// ```
/// use privacy_core::{Period, Retention};
/// let policy = Retention::Fixed(Period::days(7));
/// assert!(Retention::Fixed(Period::hours(48)).fits_within(&policy));
/// assert!(!Retention::Fixed(Period::days(30)).fits_within(&policy));
/// assert!(Retention::Ephemeral.fits_within(&policy));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "class", rename_all = "snake_case"))]
pub enum Retention {
    /// Kept for a fixed period counted from the record's `collected_at` instant.
    Fixed(Period),
    /// Kept for the period the customer (tenant) chose, else `default`; never above `max`.
    CustomerChosen {
        /// The period used when the customer chose none.
        default: Period,
        /// The longest period a customer may choose, if the policy caps it.
        max: Option<Period>,
    },
    /// Kept while the customer uses the service, deleted `grace` after the account terminates.
    UntilTerminated {
        /// How long after termination the records go.
        grace: Period,
    },
    /// Processed momentarily and never stored.
    Ephemeral,
}

impl Retention {
    /// Whether the class counts from the record's `collected_at` instant (and so needs one).
    ///
    /// ```
    /// use privacy_core::{Period, Retention};
    /// assert!(Retention::Fixed(Period::days(7)).counts_from_collection());
    /// assert!(Retention::CustomerChosen { default: Period::days(7), max: None }.counts_from_collection());
    /// assert!(!Retention::UntilTerminated { grace: Period::months(2) }.counts_from_collection());
    /// assert!(!Retention::Ephemeral.counts_from_collection());
    /// ```
    #[must_use]
    pub const fn counts_from_collection(&self) -> bool {
        matches!(self, Retention::Fixed(_) | Retention::CustomerChosen { .. })
    }

    /// Whether a record of this class may never be written to a store.
    ///
    /// ```
    /// use privacy_core::{Period, Retention};
    /// assert!(Retention::Ephemeral.is_ephemeral());
    /// assert!(!Retention::Fixed(Period::hours(1)).is_ephemeral());
    /// ```
    #[must_use]
    pub const fn is_ephemeral(&self) -> bool {
        matches!(self, Retention::Ephemeral)
    }

    /// Whether keeping records under `self` never keeps one longer than `policy` allows.
    ///
    /// Ephemeral fits every policy. A fixed period fits a fixed, customer-chosen (its default) or
    /// until-terminated (its grace) policy that is at least as long. A customer-chosen class fits
    /// when its default and its cap fit. An until-terminated class fits only an until-terminated
    /// policy with at least its grace.
    ///
    /// ```
    /// use privacy_core::{Period, Retention};
    /// let week = Retention::Fixed(Period::days(7));
    /// let chosen = |max| Retention::CustomerChosen { default: Period::days(2), max };
    /// assert!(chosen(Some(Period::days(7))).fits_within(&week));
    /// assert!(!chosen(None).fits_within(&week)); // uncapped: a customer could choose a year
    /// let until = Retention::UntilTerminated { grace: Period::months(2) };
    /// assert!(week.fits_within(&until));
    /// assert!(!until.fits_within(&week));
    /// assert!(!week.fits_within(&Retention::Ephemeral));
    /// ```
    #[must_use]
    pub const fn fits_within(&self, policy: &Retention) -> bool {
        match (*self, *policy) {
            (Retention::Ephemeral, _) => true,
            (_, Retention::Ephemeral) => false,
            (Retention::Fixed(mine), Retention::Fixed(limit))
            | (Retention::Fixed(mine), Retention::CustomerChosen { default: limit, .. })
            | (Retention::Fixed(mine), Retention::UntilTerminated { grace: limit }) => {
                mine.at_most(limit)
            }
            (Retention::CustomerChosen { default, max }, Retention::Fixed(limit))
            | (
                Retention::CustomerChosen { default, max },
                Retention::UntilTerminated { grace: limit },
            ) => match max {
                Some(max) => default.at_most(limit) && max.at_most(limit),
                None => false,
            },
            (
                Retention::CustomerChosen { default, max },
                Retention::CustomerChosen {
                    default: policy_default,
                    max: policy_max,
                },
            ) => {
                default.at_most(policy_default)
                    && match (max, policy_max) {
                        (_, None) => true,
                        (Some(max), Some(policy_max)) => max.at_most(policy_max),
                        (None, Some(_)) => false,
                    }
            }
            (Retention::UntilTerminated { grace }, Retention::UntilTerminated { grace: limit }) => {
                grace.at_most(limit)
            }
            (Retention::UntilTerminated { .. }, _) => false,
        }
    }

    /// The stricter of two classes when one fits within the other, else `None`.
    ///
    /// ```
    /// use privacy_core::{Period, Retention};
    /// let week = Retention::Fixed(Period::days(7));
    /// let until = Retention::UntilTerminated { grace: Period::months(2) };
    /// assert_eq!(week.stricter(until), Some(week));
    /// assert_eq!(until.stricter(Retention::Ephemeral), Some(Retention::Ephemeral));
    /// let uncapped = Retention::CustomerChosen { default: Period::days(7), max: None };
    /// assert_eq!(uncapped.stricter(until), None); // neither fits within the other
    /// ```
    #[must_use]
    pub const fn stricter(self, other: Retention) -> Option<Retention> {
        if self.fits_within(&other) {
            Some(self)
        } else if other.fits_within(&self) {
            Some(other)
        } else {
            None
        }
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Retention::Fixed(period) => write!(f, "{period}"),
            Retention::CustomerChosen { default, max: None } => {
                write!(
                    f,
                    "the customer's chosen period, or {default} when none is chosen"
                )
            }
            Retention::CustomerChosen {
                default,
                max: Some(max),
            } => write!(
                f,
                "the customer's chosen period (at most {max}), or {default} when none is chosen"
            ),
            Retention::UntilTerminated { grace } => {
                write!(
                    f,
                    "while the service is used, deleted {grace} after use ends"
                )
            }
            Retention::Ephemeral => f.write_str("never stored"),
        }
    }
}
