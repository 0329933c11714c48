//! Japanese.

use super::Phrases;
use crate::TimeUnit;

fn period(amount: u32, unit: TimeUnit) -> String {
    let unit = match unit {
        TimeUnit::Seconds => "秒",
        TimeUnit::Minutes => "分",
        TimeUnit::Hours => "時間",
        TimeUnit::Days => "日間",
        TimeUnit::Weeks => "週間",
        TimeUnit::Months => "か月",
        TimeUnit::Years => "年間",
    };
    format!("{amount}{unit}")
}

pub(super) static PHRASES: Phrases = Phrases {
    headings: [
        "個人情報の利用方法",
        "データの保存期間",
        "お客様の指示に基づくエンドユーザー情報の処理",
        "エンドユーザー情報の保存期間",
    ],
    columns: ["カテゴリ", "項目", "利用目的", "法的根拠", "保存期間"],
    names: &[
        ("basis:consent", "データ主体の同意（GDPR第6条第1項(a)）"),
        (
            "basis:contract",
            "お客様との契約の履行（GDPR第6条第1項(b)）",
        ),
        (
            "basis:legal_obligation",
            "法的義務の遵守（GDPR第6条第1項(c)）",
        ),
        (
            "basis:vital_interests",
            "重大な利益の保護（GDPR第6条第1項(d)）",
        ),
        (
            "basis:public_task",
            "公共の利益のための業務（GDPR第6条第1項(e)）",
        ),
        (
            "basis:legitimate_interests",
            "当社の正当な利益（GDPR第6条第1項(f)）",
        ),
    ],
    period,
    retention: [
        "{period}",
        "お客様が選択した期間（選択がない場合は{period}）",
        "本機能のご利用中は保存し、ご利用終了から{period}後に削除します",
    ],
    ephemeral: "一時的に処理し、保存しません",
    separator: "、",
};
