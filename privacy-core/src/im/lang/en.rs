//! English names of the `im` taxonomy's categories, items and uses.

/// Phrases by key: category keys as they are, `item:<key>`, `use:<key>`.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("im.log_data", "Log Data"),
    ("im.monitoring_data", "Monitoring Data"),
    ("im.configuration_data", "Configuration Data"),
    ("im.account_identifiers", "Account identifiers"),
    ("im.user_information", "User Information"),
    ("im.chat_message_record", "Chat Message Records"),
    ("item:public_exit_ip", "public network exit IP"),
    (
        "item:interface_request_log",
        "interface request log (interface name, time)",
    ),
    (
        "item:interface_exception_info",
        "interface exception information (cause)",
    ),
    (
        "item:success_rate",
        "success rate per application and interface",
    ),
    (
        "item:average_latency",
        "average latency per application and interface",
    ),
    ("item:callback_settings", "callback on/off and URL"),
    ("item:package_subscription", "package and subscription"),
    ("item:administrator_account", "administrator account"),
    (
        "item:application_details",
        "application details (name, SDKAppID, introduction, type, app key, description, status, creation and update time)",
    ),
    (
        "item:friend_check_and_blocklist_settings",
        "friend-check and blocklist settings",
    ),
    (
        "item:multi_platform_login_instances",
        "multi-platform login instances",
    ),
    (
        "item:offline_push_certificate_config",
        "offline-push certificate configuration (package name, AppID, AppSecret)",
    ),
    ("item:tags", "tags"),
    (
        "item:new_member_history_settings",
        "history visible to new audio-video group members",
    ),
    ("item:recall_settings", "message recall settings"),
    ("item:history_storage_period", "history storage period"),
    (
        "item:recent_contacts_to_pull",
        "number of recent contacts to pull (100 to 500)",
    ),
    (
        "item:default_friend_verification",
        "default friend verification",
    ),
    (
        "item:custom_fields",
        "custom friend, user and group-member fields",
    ),
    ("item:data_centre", "selected data centre"),
    ("item:appid", "APPID"),
    ("item:uin", "UIN"),
    ("item:nickname", "nickname"),
    ("item:avatar_url", "avatar URL"),
    ("item:personalised_signature", "personalised signature"),
    ("item:text_message", "text messages"),
    ("item:photo_message", "photo messages"),
    ("item:audio_message", "audio messages"),
    ("item:video_message", "video messages"),
    (
        "use:performance_analysis",
        "we process it for performance analysis",
    ),
    (
        "use:provide_and_improve_feature",
        "we process it to provide and improve the feature",
    ),
    (
        "use:network_quality_analysis",
        "we process it to analyse network quality",
    ),
    ("use:optimisation", "we process it to optimise the service"),
    ("use:locating_issues", "we process it to locate issues"),
    ("use:debugging", "we process it for debugging"),
    (
        "use:provide_feature_per_configuration",
        "we process it to provide the feature as the application is configured",
    ),
    (
        "use:store_and_back_up",
        "we store and back it up in the relational database",
    ),
    (
        "use:provide_feature",
        "we process it only to provide the feature",
    ),
];
