//! Chinese (simplified).

use super::Phrases;
use crate::TimeUnit;

fn period(amount: u32, unit: TimeUnit) -> String {
    let unit = match unit {
        TimeUnit::Seconds => "秒",
        TimeUnit::Minutes => "分钟",
        TimeUnit::Hours => "小时",
        TimeUnit::Days => "天",
        TimeUnit::Weeks => "周",
        TimeUnit::Months => "个月",
        TimeUnit::Years => "年",
    };
    format!("{amount}{unit}")
}

pub(super) static PHRASES: Phrases = Phrases {
    headings: [
        "我们如何使用个人信息",
        "数据保留",
        "我们如何按照您的指示处理终端用户信息",
        "终端用户信息的保留",
    ],
    columns: ["类别", "信息项", "用途", "法律依据", "保留期限"],
    names: &[
        ("basis:consent", "数据主体的同意（GDPR第6条第1款(a)项）"),
        (
            "basis:contract",
            "履行我们与您之间的合同（GDPR第6条第1款(b)项）",
        ),
        (
            "basis:legal_obligation",
            "履行法定义务（GDPR第6条第1款(c)项）",
        ),
        (
            "basis:vital_interests",
            "保护重大利益（GDPR第6条第1款(d)项）",
        ),
        (
            "basis:public_task",
            "执行公共利益任务（GDPR第6条第1款(e)项）",
        ),
        (
            "basis:legitimate_interests",
            "我们的正当利益（GDPR第6条第1款(f)项）",
        ),
    ],
    period,
    retention: [
        "{period}",
        "您选择的期限；如未选择，则为{period}",
        "在您使用本功能期间保留；停止使用后{period}删除",
    ],
    ephemeral: "仅即时处理，不予存储",
    separator: "；",
};
