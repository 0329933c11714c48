//! Small helpers for what the demo prints.

/// `n` and the noun, singular or plural: `1 record`, `2 records`.
///
/// ```
/// assert_eq!(im_backend::text::count(1, "record"), "1 record");
/// assert_eq!(im_backend::text::count(0, "record"), "0 records");
/// assert_eq!(im_backend::text::count(2, "reply"), "2 replies");
/// ```
#[must_use]
pub fn count(n: impl std::fmt::Display, noun: &str) -> String {
    let n = n.to_string();
    if n == "1" {
        return format!("1 {noun}");
    }
    let plural = match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ if noun.ends_with('s') => format!("{noun}es"),
        _ => format!("{noun}s"),
    };
    format!("{n} {plural}")
}
