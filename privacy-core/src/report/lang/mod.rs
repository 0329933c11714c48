//! Per-language phrase tables for the policy tables: headings, columns, legal bases, periods.
//! The names of a taxonomy's categories, items and uses are the taxonomy's own (see
//! [`Taxonomy`](crate::Taxonomy)), found through [`Lang::term`]. The sentences are written for
//! this project; numbers and units never come from them: a period is rendered from its amount and
//! unit in code, so "7 days" and its counterpart in every language cannot disagree with the
//! constant.

mod en;
mod id;
mod ja;
mod ko;
mod zh;

use crate::{Period, Retention, TimeUnit};
use core::fmt;

/// A language the policy is published in.
///
/// ```
/// use privacy_core::report::Lang;
/// assert_eq!(Lang::ALL.len(), 5);
/// assert_eq!(Lang::Ko.period(privacy_core::Period::days(7)), "7일");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Chinese (simplified).
    Zh,
    /// Japanese.
    Ja,
    /// Korean.
    Ko,
    /// Indonesian.
    Id,
}

/// The phrases of one language.
///
/// ```
/// use privacy_core::report::Lang;
/// assert_eq!(Lang::En.phrases().columns[0], "Category");
/// ```
pub struct Phrases {
    /// Table headings: controller use, controller retention, processor use, processor retention.
    pub headings: [&'static str; 4],
    /// Column names: category, items, use, legal basis, retention.
    pub columns: [&'static str; 5],
    /// Names by key: `basis:<key>` for each legal basis.
    pub names: &'static [(&'static str, &'static str)],
    /// A period in words.
    pub period: fn(u32, TimeUnit) -> String,
    /// Retention templates, `{period}` replaced: fixed, customer-chosen, until terminated.
    pub retention: [&'static str; 3],
    /// What "never stored" reads as.
    pub ephemeral: &'static str,
    /// Between list items.
    pub separator: &'static str,
}

/// A phrase a language lacks.
///
/// ```
/// use privacy_core::report::Lang;
/// let missing = Lang::Id.phrase("basis:teleportation").unwrap_err();
/// assert!(missing.to_string().contains("`basis:teleportation` in language `id`"));
/// let missing = Lang::Id.term("im", "use:teleportation").unwrap_err();
/// assert_eq!(missing.taxonomy, Some("im"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingPhrase {
    /// The language.
    pub lang: Lang,
    /// The key.
    pub key: String,
    /// The taxonomy whose words lack it; `None` for the report's own phrases.
    pub taxonomy: Option<&'static str>,
}

impl fmt::Display for MissingPhrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, code) = (&self.key, self.lang.code());
        match self.taxonomy {
            Some(taxonomy) => write!(
                f,
                "no phrase for `{key}` in language `{code}` in the taxonomy `{taxonomy}`; \
                 add it to the taxonomy's words (its `Taxonomy::phrase`)"
            ),
            None => write!(
                f,
                "no phrase for `{key}` in language `{code}`; add it to privacy-core/src/report/lang/{code}.rs"
            ),
        }
    }
}

impl std::error::Error for MissingPhrase {}

impl Lang {
    /// Every language, in the order the policy lists them.
    ///
    /// ```
    /// use privacy_core::report::Lang;
    /// let codes: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
    /// assert_eq!(codes, ["en", "zh", "ja", "ko", "id"]);
    /// ```
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Zh, Lang::Ja, Lang::Ko, Lang::Id];

    /// The language's code: `en`, `zh`, `ja`, `ko`, `id`.
    ///
    /// ```
    /// assert_eq!(privacy_core::report::Lang::Ja.code(), "ja");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Id => "id",
        }
    }

    /// The language of a code.
    ///
    /// ```
    /// use privacy_core::report::Lang;
    /// assert_eq!(Lang::from_code("zh"), Some(Lang::Zh));
    /// assert_eq!(Lang::from_code("fr"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Its phrases.
    ///
    /// ```
    /// assert_eq!(privacy_core::report::Lang::Zh.phrases().headings[1], "数据保留");
    /// ```
    #[must_use]
    pub fn phrases(self) -> &'static Phrases {
        match self {
            Lang::En => &en::PHRASES,
            Lang::Zh => &zh::PHRASES,
            Lang::Ja => &ja::PHRASES,
            Lang::Ko => &ko::PHRASES,
            Lang::Id => &id::PHRASES,
        }
    }

    /// The report's own phrase for `key` (`basis:<key>`).
    ///
    /// ```
    /// use privacy_core::report::Lang;
    /// assert_eq!(Lang::Ja.phrase("basis:contract").unwrap(), "お客様との契約の履行（GDPR第6条第1項(b)）");
    /// assert!(Lang::En.phrase("im.log_data").is_err()); // a taxonomy's word: see `term`
    /// ```
    ///
    /// # Errors
    /// When the language has none.
    pub fn phrase(self, key: &str) -> Result<&'static str, MissingPhrase> {
        self.phrases()
            .names
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, text)| *text)
            .ok_or_else(|| MissingPhrase {
                lang: self,
                key: key.to_owned(),
                taxonomy: None,
            })
    }

    /// The word of the taxonomy named `taxonomy` for `key` (a category's key, `item:<key>` or
    /// `use:<key>`), from the taxonomy's registered [`Taxonomy`](crate::Taxonomy) words.
    ///
    /// ```
    /// use privacy_core::report::Lang;
    /// assert_eq!(Lang::En.term("im", "im.log_data").unwrap(), "Log Data");
    /// assert_eq!(Lang::Zh.term("im", "item:nickname").unwrap(), "昵称");
    /// assert!(Lang::En.term("no_such_taxonomy", "x.y").is_err());
    /// ```
    ///
    /// # Errors
    /// When the taxonomy is not registered or has no phrase for the key in this language.
    pub fn term(self, taxonomy: &'static str, key: &str) -> Result<&'static str, MissingPhrase> {
        crate::registry::taxonomy(taxonomy)
            .and_then(|words| words.phrase(self.code(), key))
            .ok_or_else(|| MissingPhrase {
                lang: self,
                key: key.to_owned(),
                taxonomy: Some(taxonomy),
            })
    }

    /// A period in this language, from its amount and unit.
    ///
    /// ```
    /// use privacy_core::{report::Lang, Period};
    /// assert_eq!(Lang::Zh.period(Period::months(2)), "2个月");
    /// assert_eq!(Lang::Id.period(Period::days(7)), "7 hari");
    /// ```
    #[must_use]
    pub fn period(self, period: Period) -> String {
        (self.phrases().period)(period.amount, period.unit)
    }

    /// A retention class in this language.
    ///
    /// ```
    /// use privacy_core::{report::Lang, Period, Retention};
    /// let kept = Retention::UntilTerminated { grace: Period::months(2) };
    /// assert_eq!(Lang::En.retention(&kept), "while you use the feature; deleted 2 months after you stop using it");
    /// ```
    #[must_use]
    pub fn retention(self, retention: &Retention) -> String {
        let phrases = self.phrases();
        match retention {
            Retention::Fixed(period) => {
                phrases.retention[0].replace("{period}", &self.period(*period))
            }
            Retention::CustomerChosen { default, .. } => {
                phrases.retention[1].replace("{period}", &self.period(*default))
            }
            Retention::UntilTerminated { grace } => {
                phrases.retention[2].replace("{period}", &self.period(*grace))
            }
            Retention::Ephemeral => phrases.ephemeral.to_owned(),
        }
    }
}
