//! Where each `im` category goes in a fideslang export.

use crate::FidesMapping;

/// `im` category key → (fideslang data categories, data use).
///
/// Both roles map their data subjects to `customer`: controller-role data is about the
/// operator's customers (the applications' administrators), processor-role data about the
/// customers' own end users, whom fideslang's default subjects also call customers.
///
/// ```
/// use privacy_core::im::fideslang::MAPPING;
/// let (_, categories, data_use) = MAPPING.iter().find(|(key, _, _)| *key == "im.chat_message_record").unwrap();
/// assert_eq!((*categories, *data_use), (&["user.content"][..], "essential.service"));
/// assert_eq!(MAPPING.len(), privacy_core::im::CATEGORIES.len());
/// ```
pub const MAPPING: &[(&str, &[&str], &str)] = &[
    // Exit IPs and interface logs: the device's address and operational records.
    (
        "im.log_data",
        &["user.device.ip_address", "system.operations"],
        "essential.service.operations",
    ),
    // Aggregated success rates and latencies: no person behind them beyond the application.
    (
        "im.monitoring_data",
        &["system.operations"],
        "essential.service.operations",
    ),
    // Application settings, the administrator account, app keys and push secrets.
    (
        "im.configuration_data",
        &[
            "system.operations",
            "system.authentication",
            "user.contact.email",
        ],
        "essential.service",
    ),
    // APPID and UIN: identifiers unique to an account.
    (
        "im.account_identifiers",
        &["user.unique_id"],
        "essential.service",
    ),
    // Nickname, avatar URL, signature: the end user's name and content they provided.
    (
        "im.user_information",
        &["user.name", "user.content"],
        "essential.service",
    ),
    // Message text and media: content end users provided.
    (
        "im.chat_message_record",
        &["user.content"],
        "essential.service",
    ),
];

/// The mapping of the category keyed `key`.
pub(super) fn mapping(key: &str) -> Option<FidesMapping> {
    MAPPING
        .iter()
        .find(|(known, _, _)| *known == key)
        .map(|(_, data_categories, data_use)| FidesMapping {
            data_categories,
            data_use,
        })
}
