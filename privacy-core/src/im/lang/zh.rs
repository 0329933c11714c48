//! Chinese (simplified) names of the `im` taxonomy's categories, items and uses.

/// Phrases by key: category keys as they are, `item:<key>`, `use:<key>`.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("im.log_data", "日志数据"),
    ("im.monitoring_data", "监控数据"),
    ("im.configuration_data", "配置数据"),
    ("im.account_identifiers", "账号标识"),
    ("im.user_information", "用户信息"),
    ("im.chat_message_record", "聊天消息记录"),
    ("item:public_exit_ip", "公网出口IP"),
    (
        "item:interface_request_log",
        "接口请求日志（接口名称、时间）",
    ),
    ("item:interface_exception_info", "接口异常信息（原因）"),
    ("item:success_rate", "各应用及接口的成功率"),
    ("item:average_latency", "各应用及接口的平均耗时"),
    ("item:callback_settings", "回调开关及回调地址"),
    ("item:package_subscription", "套餐及订阅"),
    ("item:administrator_account", "管理员账号"),
    (
        "item:application_details",
        "应用详情（名称、SDKAppID、简介、类型、密钥、描述、状态、创建及更新时间）",
    ),
    (
        "item:friend_check_and_blocklist_settings",
        "好友关系检查及黑名单设置",
    ),
    ("item:multi_platform_login_instances", "多端登录实例"),
    (
        "item:offline_push_certificate_config",
        "离线推送证书配置（包名、AppID、AppSecret）",
    ),
    ("item:tags", "标签"),
    (
        "item:new_member_history_settings",
        "音视频群新成员可见的历史消息",
    ),
    ("item:recall_settings", "消息撤回设置"),
    ("item:history_storage_period", "历史消息存储时长"),
    (
        "item:recent_contacts_to_pull",
        "拉取最近联系人数量（100至500）",
    ),
    ("item:default_friend_verification", "默认加好友验证方式"),
    ("item:custom_fields", "自定义好友、用户及群成员字段"),
    ("item:data_centre", "所选数据中心"),
    ("item:appid", "APPID"),
    ("item:uin", "UIN"),
    ("item:nickname", "昵称"),
    ("item:avatar_url", "头像URL"),
    ("item:personalised_signature", "个性签名"),
    ("item:text_message", "文本消息"),
    ("item:photo_message", "图片消息"),
    ("item:audio_message", "语音消息"),
    ("item:video_message", "视频消息"),
    ("use:performance_analysis", "我们处理该信息用于性能分析"),
    (
        "use:provide_and_improve_feature",
        "我们处理该信息以提供并改进本功能",
    ),
    (
        "use:network_quality_analysis",
        "我们处理该信息用于网络质量分析",
    ),
    ("use:optimisation", "我们处理该信息以优化服务"),
    ("use:locating_issues", "我们处理该信息以定位问题"),
    ("use:debugging", "我们处理该信息用于调试"),
    (
        "use:provide_feature_per_configuration",
        "我们处理该信息以按照应用的配置提供本功能",
    ),
    (
        "use:store_and_back_up",
        "我们将其存储并备份于关系型数据库中",
    ),
    ("use:provide_feature", "我们仅为提供本功能而处理该信息"),
];
