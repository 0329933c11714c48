//! A taxonomy's own words: what its categories, items and uses are called in each language it
//! is published in, and how its categories map to fideslang. Reports read them through the
//! [`Taxonomy`] trait, so a taxonomy defined outside this crate renders its tables in the same
//! way as [`im`](crate::im).

/// Where one category of a taxonomy goes in a fideslang export.
///
/// ```
/// use privacy_core::{im, Taxonomy};
/// let chat = im::IM.fideslang("im.chat_message_record").unwrap();
/// assert_eq!((chat.data_categories, chat.data_use), (&["user.content"][..], "essential.service"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FidesMapping {
    /// fideslang data categories.
    pub data_categories: &'static [&'static str],
    /// The fideslang data use.
    pub data_use: &'static str,
}

/// The words of one taxonomy, which reports use to name its categories, items and uses.
///
/// Keys are a category's key as it is (`helpdesk.support_ticket`), `item:<key>` for an item and
/// `use:<key>` for a use; languages are given by code (`en`, `zh`, `ja`, `ko`, `id`).
/// Register a taxonomy of your own with [`register_taxonomy!`](crate::register_taxonomy):
///
/// ```standalone_crate
/// use privacy_core::{register_taxonomy, registry, FidesMapping, Taxonomy};
///
/// pub struct Crm;
/// impl Taxonomy for Crm {
///     fn name(&self) -> &'static str {
///         "crm"
///     }
///     fn phrase(&self, lang: &str, key: &str) -> Option<&'static str> {
///         match (lang, key) {
///             ("en", "crm.lead") => Some("Sales Leads"),
///             ("id", "crm.lead") => Some("Prospek Penjualan"),
///             _ => None,
///         }
///     }
///     fn fideslang(&self, _category: &str) -> Option<FidesMapping> {
///         Some(FidesMapping { data_categories: &["user.content"], data_use: "essential.service" })
///     }
/// }
/// register_taxonomy!(Crm);
///
/// let crm = registry::taxonomy("crm").unwrap();
/// assert_eq!(crm.phrase("id", "crm.lead"), Some("Prospek Penjualan"));
/// ```
pub trait Taxonomy: Sync + 'static {
    /// The taxonomy's name, as its categories' [`CategoryInfo::taxonomy`](crate::CategoryInfo::taxonomy) give it.
    ///
    /// ```
    /// use privacy_core::{im, Taxonomy};
    /// assert_eq!(im::IM.name(), im::TAXONOMY);
    /// ```
    fn name(&self) -> &'static str;

    /// The phrase for `key` in the language `lang`, or `None` when the taxonomy has none.
    ///
    /// ```
    /// use privacy_core::{im, Taxonomy};
    /// assert_eq!(im::IM.phrase("ja", "im.log_data"), Some("ログデータ"));
    /// assert_eq!(im::IM.phrase("en", "item:public_exit_ip"), Some("public network exit IP"));
    /// assert_eq!(im::IM.phrase("fr", "im.log_data"), None);
    /// ```
    fn phrase(&self, lang: &str, key: &str) -> Option<&'static str>;

    /// The fideslang mapping of the category keyed `category`, when the taxonomy has one.
    ///
    /// ```
    /// use privacy_core::{im, Taxonomy};
    /// assert_eq!(im::IM.fideslang("im.monitoring_data").unwrap().data_categories, ["system.operations"]);
    /// assert!(im::IM.fideslang("helpdesk.support_ticket").is_none());
    /// ```
    fn fideslang(&self, category: &str) -> Option<FidesMapping> {
        let _ = category;
        None
    }
}

/// Registers a taxonomy's words (a `'static` value implementing [`Taxonomy`]), so that reports
/// and [`registry::taxonomy`](crate::registry::taxonomy) find them by the taxonomy's name.
///
/// ```standalone_crate
/// use privacy_core::{register_taxonomy, registry, Taxonomy};
/// struct Billing;
/// impl Taxonomy for Billing {
///     fn name(&self) -> &'static str { "billing" }
///     fn phrase(&self, _lang: &str, _key: &str) -> Option<&'static str> { None }
/// }
/// register_taxonomy!(Billing);
/// assert!(registry::taxonomy("billing").is_some());
/// ```
#[macro_export]
macro_rules! register_taxonomy {
    ($taxonomy:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::TaxonomyRegistration { taxonomy: &$taxonomy }
        }
    };
}
