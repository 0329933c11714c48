//! The `im` taxonomy reproduces every fact of the reference policy, read back through the
//! descriptors of types derived under it (not through the category constants alone).

use chrono::{DateTime, Utc};
use privacy_core::{
    Classified, DataSubject, LegalBasis, Period, Retention, Role, TypeDescriptor, im,
};

/// Log data.
#[derive(Classified)]
#[privacy(category = im::LogData)]
struct RequestLog {
    #[privacy(redact = ip)]
    client_ip: std::net::IpAddr,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

/// Monitoring data.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
struct InterfaceSample {
    success_rate: f64,
    #[privacy(collected_at)]
    at: DateTime<Utc>,
}

/// Configuration data.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
struct AppConfig {
    callback_url: String,
}

/// Account identifiers.
#[derive(Classified)]
#[privacy(category = im::AccountIdentifiers)]
struct Account {
    uin: u64,
}

/// User information.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
struct Profile {
    #[privacy(subject)]
    user_id: String,
    #[privacy(collected_at)]
    updated: DateTime<Utc>,
}

/// Chat message records.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
struct Message {
    #[privacy(subject)]
    from: String,
    #[privacy(collected_at)]
    sent: DateTime<Utc>,
}

/// One row of the reference policy, as its table states it.
struct Row {
    descriptor: &'static TypeDescriptor,
    key: &'static str,
    role: Role,
    subject: DataSubject,
    basis: LegalBasis,
    retention: Retention,
    items: &'static [&'static str],
    uses: &'static [&'static str],
}

const TWO_MONTHS_AFTER_USE: Retention = Retention::UntilTerminated {
    grace: Period::months(2),
};
const CUSTOMER_CHOSEN_ELSE_7_DAYS: Retention = Retention::CustomerChosen {
    default: Period::days(7),
    max: None,
};

fn rows() -> [Row; 6] {
    [
        Row {
            descriptor: RequestLog::DESCRIPTOR,
            key: "im.log_data",
            role: Role::Controller,
            subject: DataSubject::Customer,
            basis: LegalBasis::Contract,
            retention: Retention::Fixed(Period::days(7)),
            items: &[
                "public_exit_ip",
                "interface_request_log",
                "interface_exception_info",
            ],
            uses: &["performance_analysis", "provide_and_improve_feature"],
        },
        Row {
            descriptor: InterfaceSample::DESCRIPTOR,
            key: "im.monitoring_data",
            role: Role::Controller,
            subject: DataSubject::Customer,
            basis: LegalBasis::Contract,
            retention: Retention::Fixed(Period::days(2)),
            items: &["success_rate", "average_latency"],
            uses: &[
                "network_quality_analysis",
                "optimisation",
                "locating_issues",
                "debugging",
            ],
        },
        Row {
            descriptor: AppConfig::DESCRIPTOR,
            key: "im.configuration_data",
            role: Role::Controller,
            subject: DataSubject::Customer,
            basis: LegalBasis::Contract,
            retention: TWO_MONTHS_AFTER_USE,
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
            uses: &["provide_feature_per_configuration", "performance_analysis"],
        },
        Row {
            descriptor: Account::DESCRIPTOR,
            key: "im.account_identifiers",
            role: Role::Controller,
            subject: DataSubject::Customer,
            basis: LegalBasis::Contract,
            retention: TWO_MONTHS_AFTER_USE,
            items: &["appid", "uin"],
            uses: &["store_and_back_up"],
        },
        Row {
            descriptor: Profile::DESCRIPTOR,
            key: "im.user_information",
            role: Role::Processor,
            subject: DataSubject::EndUser,
            basis: LegalBasis::Consent,
            retention: CUSTOMER_CHOSEN_ELSE_7_DAYS,
            items: &["nickname", "avatar_url", "personalised_signature"],
            uses: &["provide_feature"],
        },
        Row {
            descriptor: Message::DESCRIPTOR,
            key: "im.chat_message_record",
            role: Role::Processor,
            subject: DataSubject::EndUser,
            basis: LegalBasis::Consent,
            retention: CUSTOMER_CHOSEN_ELSE_7_DAYS,
            items: &[
                "text_message",
                "photo_message",
                "audio_message",
                "video_message",
            ],
            uses: &["provide_feature"],
        },
    ]
}

#[test]
fn every_row_of_the_reference_policy_reads_back_through_the_descriptors() {
    for row in rows() {
        let descriptor = row.descriptor;
        let categories = descriptor.categories();
        assert_eq!(categories.len(), 1, "{}", descriptor.name);
        let category = categories[0];
        assert_eq!(category.key, row.key);
        assert_eq!(category.taxonomy, "im");
        assert_eq!(category.role, row.role, "{}", row.key);
        assert_eq!(category.subject, row.subject, "{}", row.key);
        assert!(
            !category.accepts_special,
            "{}: the service is not meant for special-category data",
            row.key
        );
        assert_eq!(category.items, row.items, "{}", row.key);
        assert_eq!(category.uses, row.uses, "{}", row.key);
        // What the type is held to when it declares nothing: the category's policy.
        assert_eq!(descriptor.retention, row.retention, "{}", row.key);
        assert_eq!(descriptor.legal_basis, row.basis, "{}", row.key);
        assert_eq!(descriptor.purpose, category.purpose, "{}", row.key);
    }
}

#[test]
fn retention_reads_as_the_policy_states_it() {
    let texts: Vec<String> = rows()
        .iter()
        .map(|row| row.descriptor.retention.to_string())
        .collect();
    assert_eq!(
        texts,
        [
            "7 days",
            "2 days",
            "while the service is used, deleted 2 months after use ends",
            "while the service is used, deleted 2 months after use ends",
            "the customer's chosen period, or 7 days when none is chosen",
            "the customer's chosen period, or 7 days when none is chosen",
        ]
    );
}

#[test]
fn the_taxonomy_lists_its_systems_recipients_and_categories() {
    assert_eq!(
        im::SYSTEMS,
        [
            "load_balancer",
            "relational_database",
            "document_store",
            "cache",
            "message_queue",
            "object_storage"
        ]
    );
    assert_eq!(im::OPT_IN_RECIPIENTS, ["real_time_audio_video_service"]);
    let keys: Vec<&str> = im::CATEGORIES.iter().map(|category| category.key).collect();
    assert_eq!(keys, rows().map(|row| row.key));
}

#[test]
fn derived_types_are_registered() {
    for name in [
        "RequestLog",
        "InterfaceSample",
        "AppConfig",
        "Account",
        "Profile",
        "Message",
    ] {
        let found = privacy_core::registry::find(name)
            .unwrap_or_else(|| panic!("{name} is not registered"));
        assert_eq!(found.module_path, "im_policy");
    }
}
