//! The published policy's tables, rendered from the inventory in one of five languages.
//!
//! Categories, items and uses are named by each category's taxonomy
//! ([`Lang::term`](super::Lang::term)); headings, columns, legal bases and periods by the report.
//!
//! Controller role: "how we use personal information" (category, items, use, legal basis) and
//! "data retention" (category, retention). Processor role: the processing table (category,
//! items, use) and its retention table. Legal bases are those the code declares for the types
//! holding each category; items, uses and retention are the category's policy.

use super::Inventory;
use super::lang::{Lang, MissingPhrase};
use crate::{LegalBasis, Role};

/// The four tables as Markdown.
///
/// # Errors
/// When the language lacks a phrase the inventory needs; the error names the key and language.
///
/// # Examples
///
/// ```
/// # use privacy_core::report::Inventory;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] exit_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # #[derive(Classified)]
/// # #[privacy(category = im::ChatMessageRecord)]
/// # struct ChatMessage { #[privacy(subject, redact = hash)] sender: String, #[privacy(redact)] text: String, #[privacy(collected_at)] sent: chrono::DateTime<chrono::Utc> }
/// # let inventory = Inventory::from_types(&[RequestLog::DESCRIPTOR, ChatMessage::DESCRIPTOR]);
/// use privacy_core::report::{tables, Lang};
/// let english = tables::render(&inventory, Lang::En).unwrap();
/// assert!(english.contains("| Chat Message Records |"));
/// assert!(english.contains("| Log Data | 7 days |"));
/// let korean = tables::render(&inventory, Lang::Ko).unwrap();
/// assert!(!korean.contains("| Log Data |"));
/// ```
pub fn render(inventory: &Inventory, lang: Lang) -> Result<String, MissingPhrase> {
    let phrases = lang.phrases();
    let [category, items, usage, basis, retention] = phrases.columns;
    let mut out = String::new();
    for (role, use_heading, retention_heading) in [
        (Role::Controller, phrases.headings[0], phrases.headings[1]),
        (Role::Processor, phrases.headings[2], phrases.headings[3]),
    ] {
        let entries: Vec<_> = inventory.categories_of(role).collect();
        if entries.is_empty() {
            continue;
        }
        let with_basis = role == Role::Controller;
        out.push_str(&format!(
            "## {use_heading}\n\n| {category} | {items} | {usage} |"
        ));
        if with_basis {
            out.push_str(&format!(" {basis} |\n|---|---|---|---|\n"));
        } else {
            out.push_str("\n|---|---|---|\n");
        }
        for entry in &entries {
            let info = entry.info;
            let term = |key: &str| lang.term(info.taxonomy, key);
            let names = joined(
                lang,
                info.items.iter().map(|item| term(&format!("item:{item}"))),
            )?;
            let uses = joined(
                lang,
                info.uses.iter().map(|key| term(&format!("use:{key}"))),
            )?;
            out.push_str(&format!("| {} | {names} | {uses} |", term(info.key)?));
            if with_basis {
                let mut bases: Vec<LegalBasis> = inventory
                    .types
                    .iter()
                    .filter(|ty| ty.categories.contains(&info.key))
                    .map(|ty| ty.legal_basis)
                    .collect();
                bases.sort();
                bases.dedup();
                let bases = joined(
                    lang,
                    bases
                        .iter()
                        .map(|basis| lang.phrase(&format!("basis:{}", basis.key()))),
                )?;
                out.push_str(&format!(" {bases} |"));
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "\n## {retention_heading}\n\n| {category} | {retention} |\n|---|---|\n"
        ));
        for entry in &entries {
            out.push_str(&format!(
                "| {} | {} |\n",
                lang.term(entry.info.taxonomy, entry.info.key)?,
                lang.retention(&entry.info.retention)
            ));
        }
        out.push('\n');
    }
    Ok(out)
}

fn joined(
    lang: Lang,
    phrases: impl Iterator<Item = Result<&'static str, MissingPhrase>>,
) -> Result<String, MissingPhrase> {
    let phrases: Result<Vec<&str>, MissingPhrase> = phrases.collect();
    Ok(phrases?.join(lang.phrases().separator))
}
