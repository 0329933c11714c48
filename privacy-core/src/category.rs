//! Data categories: the rows of a published policy, as types.

use crate::{LegalBasis, Retention};

/// Whose instructions the data is processed on.
///
/// ```
/// use privacy_core::{im, Category, Role};
/// assert_eq!(im::LogData::INFO.role, Role::Controller);
/// assert_eq!(im::UserInformation::INFO.role, Role::Processor);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Role {
    /// The operator decides why and how: its own data about its customers.
    Controller,
    /// The operator processes on the customer's instructions: the customer's end users' data.
    Processor,
}

/// Whom the data is about.
///
/// ```
/// use privacy_core::{im, Category, DataSubject};
/// assert_eq!(im::ConfigurationData::INFO.subject, DataSubject::Customer);
/// assert_eq!(im::ChatMessageRecord::INFO.subject, DataSubject::EndUser);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DataSubject {
    /// The operator's customers (the applications and their administrators).
    Customer,
    /// The customers' end users. Types holding such data must name a `subject` field.
    EndUser,
}

/// Everything a policy states about one category of data.
///
/// ```
/// use privacy_core::{im, Category, CategoryInfo, LegalBasis};
/// let info: &CategoryInfo = &im::MonitoringData::INFO;
/// assert_eq!(info.key, "im.monitoring_data");
/// assert_eq!(info.name, "Monitoring Data");
/// assert_eq!(info.taxonomy, "im");
/// assert_eq!(info.legal_basis, LegalBasis::Contract);
/// assert!(info.uses.contains(&"debugging"));
/// ```
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CategoryInfo {
    /// Stable key, `taxonomy.snake_name`; reports and policy files refer to it.
    pub key: &'static str,
    /// Human name as the policy prints it.
    pub name: &'static str,
    /// The taxonomy the category belongs to.
    pub taxonomy: &'static str,
    /// Controller or processor.
    pub role: Role,
    /// Whom the data is about.
    pub subject: DataSubject,
    /// The longest the policy allows records of this category to be kept.
    pub retention: Retention,
    /// The basis used when a type does not declare one.
    pub legal_basis: LegalBasis,
    /// What the data is used for, as one sentence.
    pub purpose: &'static str,
    /// The individual uses the policy lists, as stable keys.
    pub uses: &'static [&'static str],
    /// The items the policy says the category holds, as stable keys.
    pub items: &'static [&'static str],
    /// Whether special-category data (GDPR Art. 9) may be classified under this category.
    pub accepts_special: bool,
}

/// A category of personal data: a zero-sized type naming one [`CategoryInfo`].
///
/// Define your own taxonomy the same way the [`im`](crate::im) module does:
///
/// ```
/// use privacy_core::{Category, CategoryInfo, DataSubject, LegalBasis, Period, Retention, Role};
///
/// /// Support tickets, kept 90 days.
/// pub struct SupportTicket;
/// impl Category for SupportTicket {
///     const INFO: CategoryInfo = CategoryInfo {
///         key: "helpdesk.support_ticket",
///         name: "Support Tickets",
///         taxonomy: "helpdesk",
///         role: Role::Controller,
///         subject: DataSubject::Customer,
///         retention: Retention::Fixed(Period::days(90)),
///         legal_basis: LegalBasis::Contract,
///         purpose: "answer the customer's support requests",
///         uses: &["support"],
///         items: &["ticket_text"],
///         accepts_special: false,
///     };
/// }
/// assert_eq!(SupportTicket::INFO.retention.to_string(), "90 days");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a privacy category",
    label = "expected a category type, such as `privacy_core::im::LogData`",
    note = "a category is a type implementing `privacy_core::Category`; see the `im` module for the reference policy's"
)]
pub trait Category: 'static {
    /// What the policy states about the category.
    ///
    /// ```
    /// use privacy_core::{im, Category};
    /// let info = im::AccountIdentifiers::INFO;
    /// assert_eq!(info.name, "Account Identifiers");
    /// assert_eq!(
    ///     info.retention.to_string(),
    ///     "while the service is used, deleted 2 months after use ends"
    /// );
    /// ```
    const INFO: CategoryInfo;
}
