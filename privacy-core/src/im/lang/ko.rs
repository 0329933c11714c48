//! Korean names of the `im` taxonomy's categories, items and uses.

/// Phrases by key: category keys as they are, `item:<key>`, `use:<key>`.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("im.log_data", "로그 데이터"),
    ("im.monitoring_data", "모니터링 데이터"),
    ("im.configuration_data", "구성 데이터"),
    ("im.account_identifiers", "계정 식별자"),
    ("im.user_information", "사용자 정보"),
    ("im.chat_message_record", "채팅 메시지 기록"),
    ("item:public_exit_ip", "공용 네트워크 출구 IP"),
    (
        "item:interface_request_log",
        "인터페이스 요청 로그(인터페이스 이름, 시간)",
    ),
    (
        "item:interface_exception_info",
        "인터페이스 예외 정보(원인)",
    ),
    ("item:success_rate", "애플리케이션 및 인터페이스별 성공률"),
    (
        "item:average_latency",
        "애플리케이션 및 인터페이스별 평균 지연 시간",
    ),
    ("item:callback_settings", "콜백 사용 여부 및 URL"),
    ("item:package_subscription", "패키지 및 구독"),
    ("item:administrator_account", "관리자 계정"),
    (
        "item:application_details",
        "애플리케이션 세부 정보(이름, SDKAppID, 소개, 유형, 앱 키, 설명, 상태, 생성 및 업데이트 시간)",
    ),
    (
        "item:friend_check_and_blocklist_settings",
        "친구 확인 및 차단 목록 설정",
    ),
    (
        "item:multi_platform_login_instances",
        "멀티 플랫폼 로그인 인스턴스",
    ),
    (
        "item:offline_push_certificate_config",
        "오프라인 푸시 인증서 구성(패키지 이름, AppID, AppSecret)",
    ),
    ("item:tags", "태그"),
    (
        "item:new_member_history_settings",
        "음성·영상 그룹 신규 멤버에게 보이는 기록",
    ),
    ("item:recall_settings", "메시지 회수 설정"),
    ("item:history_storage_period", "기록 보관 기간"),
    (
        "item:recent_contacts_to_pull",
        "가져올 최근 연락처 수(100~500)",
    ),
    (
        "item:default_friend_verification",
        "기본 친구 추가 확인 방식",
    ),
    (
        "item:custom_fields",
        "사용자 정의 친구, 사용자 및 그룹 멤버 필드",
    ),
    ("item:data_centre", "선택한 데이터 센터"),
    ("item:appid", "APPID"),
    ("item:uin", "UIN"),
    ("item:nickname", "닉네임"),
    ("item:avatar_url", "아바타 URL"),
    ("item:personalised_signature", "개인 서명"),
    ("item:text_message", "텍스트 메시지"),
    ("item:photo_message", "사진 메시지"),
    ("item:audio_message", "음성 메시지"),
    ("item:video_message", "영상 메시지"),
    ("use:performance_analysis", "성능 분석을 위해 처리합니다"),
    (
        "use:provide_and_improve_feature",
        "기능을 제공하고 개선하기 위해 처리합니다",
    ),
    (
        "use:network_quality_analysis",
        "네트워크 품질 분석을 위해 처리합니다",
    ),
    ("use:optimisation", "서비스 최적화를 위해 처리합니다"),
    ("use:locating_issues", "문제를 찾기 위해 처리합니다"),
    ("use:debugging", "디버깅을 위해 처리합니다"),
    (
        "use:provide_feature_per_configuration",
        "애플리케이션 구성에 따라 기능을 제공하기 위해 처리합니다",
    ),
    (
        "use:store_and_back_up",
        "관계형 데이터베이스에 저장하고 백업합니다",
    ),
    ("use:provide_feature", "기능 제공을 위해서만 처리합니다"),
];
