//! Korean.

use super::Phrases;
use crate::TimeUnit;

fn period(amount: u32, unit: TimeUnit) -> String {
    let unit = match unit {
        TimeUnit::Seconds => "초",
        TimeUnit::Minutes => "분",
        TimeUnit::Hours => "시간",
        TimeUnit::Days => "일",
        TimeUnit::Weeks => "주",
        TimeUnit::Months => "개월",
        TimeUnit::Years => "년",
    };
    format!("{amount}{unit}")
}

pub(super) static PHRASES: Phrases = Phrases {
    headings: [
        "개인정보의 이용 방법",
        "데이터 보관",
        "고객의 지시에 따른 최종 사용자 정보의 처리",
        "최종 사용자 정보의 보관",
    ],
    columns: ["분류", "항목", "이용 목적", "법적 근거", "보관 기간"],
    names: &[
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
        ("basis:consent", "정보주체의 동의(GDPR 제6조 제1항 (a))"),
        ("basis:contract", "귀하와의 계약 이행(GDPR 제6조 제1항 (b))"),
        (
            "basis:legal_obligation",
            "법적 의무 준수(GDPR 제6조 제1항 (c))",
        ),
        (
            "basis:vital_interests",
            "중대한 이익 보호(GDPR 제6조 제1항 (d))",
        ),
        (
            "basis:public_task",
            "공익을 위한 업무 수행(GDPR 제6조 제1항 (e))",
        ),
        (
            "basis:legitimate_interests",
            "당사의 정당한 이익(GDPR 제6조 제1항 (f))",
        ),
    ],
    period,
    retention: [
        "{period}",
        "고객이 선택한 기간(선택하지 않은 경우 {period})",
        "기능을 사용하는 동안 보관하며, 사용 종료 후 {period}이 지나면 삭제합니다",
    ],
    ephemeral: "일시적으로 처리하며 저장하지 않습니다",
    separator: "; ",
};
