//! The `'static` description of a classified type that `#[derive(Classified)]` generates.

use crate::{CategoryInfo, LegalBasis, Retention, SpecialCategory};

/// How a field's value appears in every output of the process.
///
/// ```
/// # use privacy_core::{im, Classified, Redaction};
/// #[derive(Classified)]
/// #[privacy(category = im::UserInformation)]
/// struct Profile {
///     #[privacy(subject, redact = hash)]
///     user_id: String,
///     #[privacy(redact = partial(keep_last = 2))]
///     nickname: String,
///     #[privacy(collected_at)]
///     updated: chrono::DateTime<chrono::Utc>,
/// }
///
/// let redaction = |name: &str| Profile::DESCRIPTOR.field(None, name).unwrap().redaction;
/// assert_eq!(redaction("user_id"), Redaction::Hash);
/// assert_eq!(redaction("nickname"), Redaction::Partial { keep_last: 2 });
/// assert_eq!(redaction("updated"), Redaction::Shown);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "strategy", rename_all = "snake_case"))]
pub enum Redaction {
    /// Shown as it is.
    Shown,
    /// Replaced by a fixed mask that does not reveal the length.
    Mask,
    /// Only the last `keep_last` characters are kept; text of at most twice that is masked whole.
    Partial {
        /// How many trailing characters remain visible.
        keep_last: u8,
    },
    /// IP addresses truncated to their network (IPv4 /24, IPv6 /48).
    Ip,
    /// Only the domain of an e-mail address is kept.
    Email,
    /// Replaced by a keyed pseudonym: equal inputs give equal tokens under one key.
    Hash,
    /// Only the length is shown.
    Len,
    /// Left out of every output.
    Skip,
    /// A secret: never shown, never serialized, reachable only through an explicit expose call.
    Secret,
}

/// What a deletion request does to a record that names several data subjects (a chat message
/// between two users), declared with `#[privacy(erasure = ...)]`.
///
/// ```
/// # use privacy_core::{im, Classified, ErasureRule};
/// #[derive(Classified)]
/// #[privacy(category = im::ChatMessageRecord, erasure = redact_requester)]
/// struct ChatMessage {
///     #[privacy(subject)]
///     from: String,
///     #[privacy(subject)]
///     to: String,
///     #[privacy(collected_at)]
///     sent: chrono::DateTime<chrono::Utc>,
/// }
///
/// assert_eq!(ChatMessage::DESCRIPTOR.erasure, Some(ErasureRule::RedactRequester));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ErasureRule {
    /// The whole record is deleted when any of its subjects asks.
    DeleteRecord,
    /// The requester's subject field is replaced by a pseudonym and the record is kept for the
    /// other parties.
    RedactRequester,
}

/// What a field is, besides data.
///
/// ```
/// # use privacy_core::{im, Classified, FieldRole};
/// #[derive(Classified)]
/// #[privacy(category = im::UserInformation)]
/// struct Profile {
///     #[privacy(subject)]
///     user_id: String,
///     nickname: String,
///     #[privacy(collected_at)]
///     updated: chrono::DateTime<chrono::Utc>,
/// }
///
/// let roles: Vec<FieldRole> = Profile::DESCRIPTOR.fields.iter().map(|field| field.role).collect();
/// assert_eq!(roles, [FieldRole::Subject, FieldRole::Data, FieldRole::CollectedAt]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FieldRole {
    /// Ordinary classified data.
    Data,
    /// The id of the data subject the record is about; deletion requests find records by it.
    Subject,
    /// The instant the record was collected; retention counts from it.
    CollectedAt,
}

/// One field of a classified type.
///
/// ```
/// # use privacy_core::{im, Classified, Redaction};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData, legal_basis = legitimate_interests)]
/// struct AttributedRequest {
///     interface: String,
///     #[privacy(category = im::AccountIdentifiers, redact = hash)]
///     uin: u64,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// let (interface, uin) = (&AttributedRequest::DESCRIPTOR.fields[0], &AttributedRequest::DESCRIPTOR.fields[1]);
/// assert_eq!(interface.category.unwrap().key, "im.log_data"); // the type's category
/// assert_eq!((uin.name, uin.category.unwrap().key), ("uin", "im.account_identifiers"));
/// assert_eq!(uin.redaction, Redaction::Hash);
/// assert_eq!((uin.variant, uin.nested.is_none(), uin.special), (None, true, None));
/// ```
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldDescriptor {
    /// The field's name (`"0"`, `"1"` for tuple fields; raw identifiers without `r#`).
    pub name: &'static str,
    /// The enum variant the field belongs to, if the type is an enum.
    pub variant: Option<&'static str>,
    /// The field's category; `None` for a `nested` field, whose type carries its own.
    pub category: Option<&'static CategoryInfo>,
    /// The descriptor of a `nested` field's classified type.
    pub nested: Option<&'static TypeDescriptor>,
    /// How the field is redacted in outputs.
    pub redaction: Redaction,
    /// Subject, collection instant, or plain data.
    pub role: FieldRole,
    /// The special category the field holds, if any.
    pub special: Option<SpecialCategory>,
}

/// A classified type: its name, policy and fields.
///
/// ```
/// # use privacy_core::{im, Classified, LegalBasis};
/// #[derive(Classified)]
/// #[privacy(category = im::LogData, purpose = "trace abuse back to the request")]
/// struct RequestLog {
///     interface: String,
///     #[privacy(collected_at)]
///     at: chrono::DateTime<chrono::Utc>,
/// }
///
/// let descriptor = RequestLog::DESCRIPTOR;
/// assert_eq!(descriptor.name, "RequestLog");
/// assert_eq!(descriptor.purpose, "trace abuse back to the request"); // declared on the type
/// assert_eq!(descriptor.legal_basis, LegalBasis::Contract); // the category's
/// assert_eq!((descriptor.erasure, descriptor.variants), (None, None));
/// ```
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeDescriptor {
    /// The type's name.
    pub name: &'static str,
    /// The module the type is declared in.
    pub module_path: &'static str,
    /// The container's category, if one is declared on the type.
    pub category: Option<&'static CategoryInfo>,
    /// The retention class in force: declared on the type, else its categories'.
    pub retention: Retention,
    /// The legal basis in force: declared on the type, else its category's.
    pub legal_basis: LegalBasis,
    /// The purpose in force: declared on the type, else its category's.
    pub purpose: &'static str,
    /// What erasure does to a record naming several subjects, when the type declares it.
    pub erasure: Option<ErasureRule>,
    /// Every field, in declaration order (enum variants' fields in variant order).
    pub fields: &'static [FieldDescriptor],
    /// The variants' names, when the type is an enum.
    pub variants: Option<&'static [&'static str]>,
    /// The SQL table its rows live in, when the type declares `table = "..."`.
    pub table: Option<&'static crate::Table>,
}

impl TypeDescriptor {
    /// The type's identity: `module::path::Type`, the key stores keep its records under and
    /// reports and the registry name it by.
    ///
    /// ```
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData)]
    /// struct InterfaceLatency { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// let key = InterfaceLatency::DESCRIPTOR.key();
    /// assert_eq!(key, format!("{}::InterfaceLatency", module_path!()));
    /// assert!(InterfaceLatency::DESCRIPTOR.has_key(&key));
    /// ```
    #[must_use]
    pub fn key(&self) -> String {
        format!("{}::{}", self.module_path, self.name)
    }

    /// Whether `key` is this type's [`key`](Self::key), compared without formatting it.
    ///
    /// ```
    /// use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::MonitoringData)]
    /// struct InterfaceLatency { #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// assert!(InterfaceLatency::DESCRIPTOR.has_key(&format!("{}::InterfaceLatency", module_path!())));
    /// assert!(!InterfaceLatency::DESCRIPTOR.has_key("InterfaceLatency"));
    /// ```
    #[must_use]
    pub fn has_key(&self, key: &str) -> bool {
        key.strip_suffix(self.name)
            .and_then(|prefix| prefix.strip_suffix("::"))
            .is_some_and(|module| module == self.module_path)
    }

    /// The distinct categories the type holds, its own fields' and its nested types', in
    /// order of first appearance.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { interface: String, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// #[derive(Classified)]
    /// #[privacy(legal_basis = contract)]
    /// struct Incident {
    ///     #[privacy(category = im::AccountIdentifiers)]
    ///     uin: u64,
    ///     #[privacy(nested)]
    ///     first: RequestLog,
    ///     #[privacy(nested)]
    ///     last: RequestLog,
    /// }
    ///
    /// let keys: Vec<_> = Incident::DESCRIPTOR.categories().iter().map(|category| category.key).collect();
    /// assert_eq!(keys, ["im.account_identifiers", "im.log_data"]);
    /// ```
    #[must_use]
    pub fn categories(&self) -> Vec<&'static CategoryInfo> {
        let mut found: Vec<&'static CategoryInfo> = Vec::new();
        self.collect_categories(&mut found);
        found
    }

    fn collect_categories(&self, found: &mut Vec<&'static CategoryInfo>) {
        for field in self.fields {
            if let Some(category) = field.category
                && !found.iter().any(|known| known.key == category.key)
            {
                found.push(category);
            }
            if let Some(nested) = field.nested {
                nested.collect_categories(found);
            }
        }
    }

    /// The fields that hold the data subject's id.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
    /// struct ChatMessage {
    ///     #[privacy(subject)]
    ///     from: String,
    ///     text: String,
    ///     #[privacy(subject)]
    ///     to: String,
    ///     #[privacy(collected_at)]
    ///     sent: chrono::DateTime<chrono::Utc>,
    /// }
    ///
    /// let names: Vec<_> = ChatMessage::DESCRIPTOR.subject_fields().map(|field| field.name).collect();
    /// assert_eq!(names, ["from", "to"]);
    /// ```
    pub fn subject_fields(&self) -> impl Iterator<Item = &'static FieldDescriptor> + use<> {
        let fields: &'static [FieldDescriptor] = self.fields;
        fields
            .iter()
            .filter(|field| field.role == FieldRole::Subject)
    }

    /// The field named `name` (in the given variant for enums).
    ///
    /// ```
    /// # use privacy_core::{im, Classified, FieldRole};
    /// # use chrono::{DateTime, Utc};
    /// #[derive(Classified)]
    /// #[privacy(legal_basis = contract)]
    /// enum Observation {
    ///     #[privacy(category = im::MonitoringData)]
    ///     Sample { latency_ms: u32, #[privacy(collected_at)] at: DateTime<Utc> },
    ///     #[privacy(category = im::LogData)]
    ///     Request { interface: String, #[privacy(collected_at)] at: DateTime<Utc> },
    /// }
    ///
    /// let at = Observation::DESCRIPTOR.field(Some("Request"), "at").unwrap();
    /// assert_eq!((at.role, at.category.unwrap().key), (FieldRole::CollectedAt, "im.log_data"));
    /// assert!(Observation::DESCRIPTOR.field(None, "at").is_none()); // enum fields need their variant
    /// ```
    #[must_use]
    pub fn field(&self, variant: Option<&str>, name: &str) -> Option<&'static FieldDescriptor> {
        let fields: &'static [FieldDescriptor] = self.fields;
        fields
            .iter()
            .find(|field| field.name == name && field.variant == variant)
    }
}
