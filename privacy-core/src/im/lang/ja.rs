//! Japanese names of the `im` taxonomy's categories, items and uses.

/// Phrases by key: category keys as they are, `item:<key>`, `use:<key>`.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("im.log_data", "ログデータ"),
    ("im.monitoring_data", "モニタリングデータ"),
    ("im.configuration_data", "設定データ"),
    ("im.account_identifiers", "アカウント識別子"),
    ("im.user_information", "ユーザー情報"),
    ("im.chat_message_record", "チャットメッセージ記録"),
    ("item:public_exit_ip", "パブリックネットワークの出口IP"),
    (
        "item:interface_request_log",
        "インターフェースのリクエストログ（インターフェース名、時刻）",
    ),
    (
        "item:interface_exception_info",
        "インターフェースの例外情報（原因）",
    ),
    (
        "item:success_rate",
        "アプリケーションおよびインターフェースごとの成功率",
    ),
    (
        "item:average_latency",
        "アプリケーションおよびインターフェースごとの平均レイテンシ",
    ),
    ("item:callback_settings", "コールバックのオン／オフとURL"),
    (
        "item:package_subscription",
        "パッケージとサブスクリプション",
    ),
    ("item:administrator_account", "管理者アカウント"),
    (
        "item:application_details",
        "アプリケーションの詳細（名称、SDKAppID、紹介、種類、アプリキー、説明、状態、作成日時および更新日時）",
    ),
    (
        "item:friend_check_and_blocklist_settings",
        "友達チェックとブロックリストの設定",
    ),
    (
        "item:multi_platform_login_instances",
        "マルチプラットフォームのログインインスタンス",
    ),
    (
        "item:offline_push_certificate_config",
        "オフラインプッシュ証明書の設定（パッケージ名、AppID、AppSecret）",
    ),
    ("item:tags", "タグ"),
    (
        "item:new_member_history_settings",
        "音声・ビデオグループの新メンバーに表示する履歴",
    ),
    ("item:recall_settings", "メッセージ取り消しの設定"),
    ("item:history_storage_period", "履歴の保存期間"),
    (
        "item:recent_contacts_to_pull",
        "取得する最近の連絡先の数（100～500）",
    ),
    (
        "item:default_friend_verification",
        "友達追加時の既定の確認方法",
    ),
    (
        "item:custom_fields",
        "友達、ユーザー、グループメンバーのカスタムフィールド",
    ),
    ("item:data_centre", "選択したデータセンター"),
    ("item:appid", "APPID"),
    ("item:uin", "UIN"),
    ("item:nickname", "ニックネーム"),
    ("item:avatar_url", "アバターURL"),
    ("item:personalised_signature", "パーソナライズされた署名"),
    ("item:text_message", "テキストメッセージ"),
    ("item:photo_message", "画像メッセージ"),
    ("item:audio_message", "音声メッセージ"),
    ("item:video_message", "動画メッセージ"),
    (
        "use:performance_analysis",
        "パフォーマンス分析のために処理します",
    ),
    (
        "use:provide_and_improve_feature",
        "本機能の提供と改善のために処理します",
    ),
    (
        "use:network_quality_analysis",
        "ネットワーク品質の分析のために処理します",
    ),
    ("use:optimisation", "サービスの最適化のために処理します"),
    ("use:locating_issues", "問題の特定のために処理します"),
    ("use:debugging", "デバッグのために処理します"),
    (
        "use:provide_feature_per_configuration",
        "アプリケーションの設定どおりに本機能を提供するために処理します",
    ),
    (
        "use:store_and_back_up",
        "リレーショナルデータベースに保存しバックアップします",
    ),
    ("use:provide_feature", "本機能の提供のためにのみ処理します"),
];
