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
