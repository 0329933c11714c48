//! The `im` taxonomy's words in the five languages the policy is published in.

mod en;
mod id;
mod ja;
mod ko;
mod zh;

/// The phrases of the language coded `lang`.
pub(super) fn names(lang: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match lang {
        "en" => en::NAMES,
        "zh" => zh::NAMES,
        "ja" => ja::NAMES,
        "ko" => ko::NAMES,
        "id" => id::NAMES,
        _ => return None,
    })
}
