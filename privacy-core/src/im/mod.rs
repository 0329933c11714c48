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

/// Declares each category of the taxonomy: its type, with the doc comment given, and its
/// [`CategoryInfo`]. A row is the controller's (the operator's own data about its customers) or
/// the processor's (the customers' end users' data, on the customer's instructions); every row
/// is of this taxonomy, and none takes special-category data.
macro_rules! categories {
    ($($(#[$doc:meta])* $name:ident: $role:ident { $($field:ident: $value:expr,)* })*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name;

        impl Category for $name {
            const INFO: CategoryInfo = CategoryInfo {
                taxonomy: TAXONOMY,
                role: categories!(@role $role),
                subject: categories!(@subject $role),
                $($field: $value,)*
                accepts_special: false,
            };
        }
    )*};
    (@role controller) => { Role::Controller };
    (@subject controller) => { DataSubject::Customer };
    (@role processor) => { Role::Processor };
    (@subject processor) => { DataSubject::EndUser };
}

categories! {
    /// Log data: public exit IPs, interface request logs and exception causes, kept 7 days.
    ///
    /// ```
    /// use privacy_core::{im, Category, LegalBasis, Period, Retention};
    /// assert_eq!(im::LogData::INFO.retention, Retention::Fixed(Period::days(7)));
    /// assert_eq!(im::LogData::INFO.legal_basis, LegalBasis::Contract);
    /// ```
    LogData: controller {
        key: "im.log_data",
        name: "Log Data",
        retention: Retention::Fixed(Period::days(7)),
        legal_basis: LegalBasis::Contract,
        purpose: "performance analysis, to provide and improve the feature",
        uses: &["performance_analysis", "provide_and_improve_feature"],
        items: &[
            "public_exit_ip",
            "interface_request_log",
            "interface_exception_info",
        ],
    }

    /// Monitoring data: success rate and average latency per application and interface, kept 2 days.
    ///
    /// ```
    /// use privacy_core::{im, Category, LegalBasis, Period, Retention};
    /// assert_eq!(im::MonitoringData::INFO.retention, Retention::Fixed(Period::days(2)));
    /// assert_eq!(im::MonitoringData::INFO.items, ["success_rate", "average_latency"]);
    /// ```
    MonitoringData: controller {
        key: "im.monitoring_data",
        name: "Monitoring Data",
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
    }

    /// Configuration data: the application's settings, kept while the feature is used and deleted
    /// two months after use ends.
    ///
    /// ```
    /// use privacy_core::{im, Category, LegalBasis, Period, Retention};
    /// assert_eq!(im::ConfigurationData::INFO.retention, Retention::UntilTerminated { grace: Period::months(2) });
    /// assert_eq!(im::ConfigurationData::INFO.role, privacy_core::Role::Controller);
    /// ```
    ConfigurationData: controller {
        key: "im.configuration_data",
        name: "Configuration Data",
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
    }

    /// Account identifiers (APPID, UIN), stored and backed up in the relational database; kept as
    /// configuration data is.
    ///
    /// ```
    /// use privacy_core::{im, Category, LegalBasis, Period, Retention};
    /// assert_eq!(im::AccountIdentifiers::INFO.items, ["appid", "uin"]);
    /// assert_eq!(im::AccountIdentifiers::INFO.retention, im::ConfigurationData::INFO.retention);
    /// ```
    AccountIdentifiers: controller {
        key: "im.account_identifiers",
        name: "Account Identifiers",
        retention: UNTIL_TWO_MONTHS_AFTER_USE,
        legal_basis: LegalBasis::Contract,
        purpose: "stored and backed up in the relational database",
        uses: &["store_and_back_up"],
        items: &["appid", "uin"],
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
    UserInformation: processor {
        key: "im.user_information",
        name: "User Information",
        retention: END_USER_RETENTION,
        legal_basis: LegalBasis::Consent,
        purpose: "only to provide the feature",
        uses: &["provide_feature"],
        items: &["nickname", "avatar_url", "personalised_signature"],
    }

    /// End users' chat messages (text, photo, audio and video content), processed only to provide
    /// the feature, on the customer's instructions.
    ///
    /// ```
    /// use privacy_core::{im, Category, LegalBasis, Period, Retention};
    /// assert_eq!(im::ChatMessageRecord::INFO.subject, privacy_core::DataSubject::EndUser);
    /// assert!(!im::ChatMessageRecord::INFO.accepts_special);
    /// ```
    ChatMessageRecord: processor {
        key: "im.chat_message_record",
        name: "Chat Message Records",
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
    }
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
