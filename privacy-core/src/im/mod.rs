//! The reference instant-messaging policy: one category type per row of its tables.
//!
//! Controller role (the operator's own data about its customers): [`LogData`],
//! [`MonitoringData`], [`ConfigurationData`], [`AccountIdentifiers`]. Processor role (end users'
//! data, processed on the customer's instructions): [`UserInformation`],
//! [`ChatMessageRecord`]. The taxonomy refuses special-category data: the service is not meant
//! for it.
//!
//! The folder holds the whole taxonomy: the categories (here), their names, items and uses in
//! the five published languages (`lang/`), and their fideslang mapping ([`fideslang`]); reports
//! read the words through [`IM`], the taxonomy's [`Taxonomy`] implementation.
//!
//! ```
//! use privacy_core::{im, Category, Period, Retention, Role};
//! assert_eq!(im::LogData::INFO.retention, Retention::Fixed(Period::days(7)));
//! assert_eq!(im::ChatMessageRecord::INFO.role, Role::Processor);
//! ```

pub mod fideslang;
mod lang;

use crate::{
    Category, CategoryInfo, DataSubject, FidesMapping, LegalBasis, Period, Retention, Role,
    Taxonomy,
};

/// The taxonomy's name, the prefix of its category keys.
///
/// ```
/// use privacy_core::im;
/// assert_eq!(im::TAXONOMY, "im");
/// assert!(im::CATEGORIES.iter().all(|info| info.taxonomy == im::TAXONOMY && info.key.starts_with("im.")));
/// ```
pub const TAXONOMY: &str = "im";

/// End users' data: the customer's chosen period, or 7 days when none is chosen. A customer who
/// opts out of storage gets ephemeral processing (a per-tenant setting the stores enforce).
const END_USER_RETENTION: Retention = Retention::CustomerChosen {
    default: Period::days(7),
    max: None,
};

/// Configuration data and account identifiers: kept while the feature is used, deleted two
/// calendar months after use ends.
const UNTIL_TWO_MONTHS_AFTER_USE: Retention = Retention::UntilTerminated {
    grace: Period::months(2),
};

/// The systems the policy says the data flows to.
///
/// ```
/// use privacy_core::im;
/// assert_eq!(im::SYSTEMS.len(), 6);
/// assert!(im::SYSTEMS.contains(&"relational_database"));
/// ```
pub const SYSTEMS: &[&str] = &[
    "load_balancer",
    "relational_database",
    "document_store",
    "cache",
    "message_queue",
    "object_storage",
];

/// The third party application details go to, only when the customer opts in.
///
/// ```
/// use privacy_core::im;
/// assert_eq!(im::OPT_IN_RECIPIENTS, ["real_time_audio_video_service"]);
/// ```
pub const OPT_IN_RECIPIENTS: &[&str] = &["real_time_audio_video_service"];

/// Log data: public exit IPs, interface request logs and exception causes, kept 7 days.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::LogData::INFO.retention, Retention::Fixed(Period::days(7)));
/// assert_eq!(im::LogData::INFO.legal_basis, LegalBasis::Contract);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LogData;

impl Category for LogData {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.log_data",
        name: "Log Data",
        taxonomy: TAXONOMY,
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: Retention::Fixed(Period::days(7)),
        legal_basis: LegalBasis::Contract,
        purpose: "performance analysis, to provide and improve the feature",
        uses: &["performance_analysis", "provide_and_improve_feature"],
        items: &[
            "public_exit_ip",
            "interface_request_log",
            "interface_exception_info",
        ],
        accepts_special: false,
    };
}

/// Monitoring data: success rate and average latency per application and interface, kept 2 days.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::MonitoringData::INFO.retention, Retention::Fixed(Period::days(2)));
/// assert_eq!(im::MonitoringData::INFO.items, ["success_rate", "average_latency"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MonitoringData;

impl Category for MonitoringData {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.monitoring_data",
        name: "Monitoring Data",
        taxonomy: TAXONOMY,
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: Retention::Fixed(Period::days(2)),
        legal_basis: LegalBasis::Contract,
        purpose: "network quality analysis, optimisation, locating issues and debugging",
        uses: &[
            "network_quality_analysis",
            "optimisation",
            "locating_issues",
            "debugging",
        ],
        items: &["success_rate", "average_latency"],
        accepts_special: false,
    };
}

/// Configuration data: the application's settings, kept while the feature is used and deleted
/// two months after use ends.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::ConfigurationData::INFO.retention, Retention::UntilTerminated { grace: Period::months(2) });
/// assert_eq!(im::ConfigurationData::INFO.role, privacy_core::Role::Controller);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ConfigurationData;

impl Category for ConfigurationData {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.configuration_data",
        name: "Configuration Data",
        taxonomy: TAXONOMY,
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: UNTIL_TWO_MONTHS_AFTER_USE,
        legal_basis: LegalBasis::Contract,
        purpose: "provide the feature per the application's configuration, and performance analysis",
        uses: &["provide_feature_per_configuration", "performance_analysis"],
        items: &[
            "callback_settings",
            "package_subscription",
            "administrator_account",
            "application_details",
            "friend_check_and_blocklist_settings",
            "multi_platform_login_instances",
            "offline_push_certificate_config",
            "tags",
            "new_member_history_settings",
            "recall_settings",
            "history_storage_period",
            "recent_contacts_to_pull",
            "default_friend_verification",
            "custom_fields",
            "data_centre",
        ],
        accepts_special: false,
    };
}

/// Account identifiers (APPID, UIN), stored and backed up in the relational database; kept as
/// configuration data is.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::AccountIdentifiers::INFO.items, ["appid", "uin"]);
/// assert_eq!(im::AccountIdentifiers::INFO.retention, im::ConfigurationData::INFO.retention);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AccountIdentifiers;

impl Category for AccountIdentifiers {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.account_identifiers",
        name: "Account Identifiers",
        taxonomy: TAXONOMY,
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: UNTIL_TWO_MONTHS_AFTER_USE,
        legal_basis: LegalBasis::Contract,
        purpose: "stored and backed up in the relational database",
        uses: &["store_and_back_up"],
        items: &["appid", "uin"],
        accepts_special: false,
    };
}

/// End users' profile information (nickname, avatar URL, personalised signature), processed only
/// to provide the feature, on the customer's instructions.
///
/// Its legal basis is the end user's consent, which the customer obtains as controller.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::UserInformation::INFO.legal_basis, LegalBasis::Consent);
/// assert_eq!(im::UserInformation::INFO.retention, Retention::CustomerChosen { default: Period::days(7), max: None });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct UserInformation;

impl Category for UserInformation {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.user_information",
        name: "User Information",
        taxonomy: TAXONOMY,
        role: Role::Processor,
        subject: DataSubject::EndUser,
        retention: END_USER_RETENTION,
        legal_basis: LegalBasis::Consent,
        purpose: "only to provide the feature",
        uses: &["provide_feature"],
        items: &["nickname", "avatar_url", "personalised_signature"],
        accepts_special: false,
    };
}

/// End users' chat messages (text, photo, audio and video content), processed only to provide
/// the feature, on the customer's instructions.
///
/// ```
/// use privacy_core::{im, Category, LegalBasis, Period, Retention};
/// assert_eq!(im::ChatMessageRecord::INFO.subject, privacy_core::DataSubject::EndUser);
/// assert!(!im::ChatMessageRecord::INFO.accepts_special);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChatMessageRecord;

impl Category for ChatMessageRecord {
    const INFO: CategoryInfo = CategoryInfo {
        key: "im.chat_message_record",
        name: "Chat Message Records",
        taxonomy: TAXONOMY,
        role: Role::Processor,
        subject: DataSubject::EndUser,
        retention: END_USER_RETENTION,
        legal_basis: LegalBasis::Consent,
        purpose: "only to provide the feature",
        uses: &["provide_feature"],
        items: &[
            "text_message",
            "photo_message",
            "audio_message",
            "video_message",
        ],
        accepts_special: false,
    };
}

/// Every category of the taxonomy, controller rows first, in the policy's order.
///
/// ```
/// use privacy_core::{im, Category, Role};
/// assert_eq!(im::CATEGORIES[0], &im::LogData::INFO);
/// let roles: Vec<Role> = im::CATEGORIES.iter().map(|info| info.role).collect();
/// assert_eq!(roles[..4], [Role::Controller; 4]);
/// assert_eq!(roles[4..], [Role::Processor; 2]);
/// ```
pub const CATEGORIES: [&CategoryInfo; 6] = [
    &LogData::INFO,
    &MonitoringData::INFO,
    &ConfigurationData::INFO,
    &AccountIdentifiers::INFO,
    &UserInformation::INFO,
    &ChatMessageRecord::INFO,
];

/// The words of the `im` taxonomy: its categories', items' and uses' names in English, Chinese,
/// Japanese, Korean and Indonesian, and its fideslang mapping.
///
/// ```
/// use privacy_core::{im, Taxonomy};
/// assert_eq!(im::IM.phrase("ko", "im.chat_message_record"), Some("채팅 메시지 기록"));
/// assert_eq!(im::IM.phrase("en", "use:debugging"), Some("we process it for debugging"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ImTaxonomy;

/// The `im` taxonomy's words, as [`crate::registry::taxonomy`] returns them for `"im"`.
///
/// ```
/// use privacy_core::{im, Taxonomy};
/// assert_eq!(im::IM.name(), "im");
/// ```
pub const IM: ImTaxonomy = ImTaxonomy;

impl Taxonomy for ImTaxonomy {
    fn name(&self) -> &'static str {
        TAXONOMY
    }

    fn phrase(&self, lang: &str, key: &str) -> Option<&'static str> {
        lang::names(lang)?
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, text)| *text)
    }

    fn fideslang(&self, category: &str) -> Option<FidesMapping> {
        fideslang::mapping(category)
    }
}
