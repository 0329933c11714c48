//! The third-party sink: redacted views of customer data, never end users' data.

use super::sealed;
use crate::redact::Redacted;
use crate::{Classified, DataSubject, TypeDescriptor};
use core::fmt;

/// A value a third-party sink takes: the redacted view of a classified value that holds no end
/// users' data.
///
/// ```
/// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
/// use privacy_core::{im, Classified};
///
/// #[derive(Classified)]
/// #[privacy(category = im::ConfigurationData)]
/// struct App {
///     #[privacy(redact = email)]
///     owner: String,
///     name: String,
///     #[privacy(collected_at)]
///     created: chrono::DateTime<chrono::Utc>,
/// }
/// # struct Partner(Vec<String>);
/// # impl ThirdPartySink for Partner { fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) { self.0.push(record.to_string()); } }
///
/// fn shared(value: impl Shareable) -> String {
///     let mut partner = Partner(Vec::new());
///     partner.share("support", value);
///     partner.0.remove(0)
/// }
///
/// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(shared(app.redacted()), r#"App owner="***@example.com" name="chat" created=1970-01-01T00:00:00Z"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be shared with a third party: only the redacted view of a classified value may be",
    label = "not allowed to leave for a third party",
    note = "share its redacted view: `value.redacted()`; end users' data may not be shared at all"
)]
pub trait Shareable: sealed::Sealed {
    /// Evaluated for every shared type: fails to compile when the type holds data about end
    /// users, which the policy processes only to provide the feature.
    #[doc(hidden)]
    const PERMITTED: ();

    /// Writes the shared value.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::sink::Shareable;
    /// use std::fmt;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Shown<V>(V);
    /// impl<V: Shareable> fmt::Display for Shown<V> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_shared(f)
    ///     }
    /// }
    ///
    /// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// assert_eq!(Shown(app.redacted()).to_string(), r#"App owner="***@example.com" name="chat" created=1970-01-01T00:00:00Z"#);
    /// ```
    fn fmt_shared(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Serializes the shared value.
    ///
    /// # Errors
    /// When the serializer fails.
    ///
    /// ```
    /// use privacy_core::sink::Shareable;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    ///
    /// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// let json = app.redacted().serialize_shared(serde_json::value::Serializer).unwrap();
    /// assert_eq!(
    ///     json,
    ///     serde_json::json!({ "owner": "***@example.com", "name": "chat", "created": "1970-01-01T00:00:00Z" })
    /// );
    /// ```
    #[cfg(feature = "serde")]
    fn serialize_shared<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl<T: Classified> Shareable for Redacted<'_, T> {
    const PERMITTED: () = assert!(
        !holds_end_user_data(T::DESCRIPTOR),
        "a type holding end users' data (User Information, Chat Message Records or another end-user category) may not be shared with a third party, not even redacted: the policy processes it only to provide the feature"
    );

    fn fmt_shared(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }

    #[cfg(feature = "serde")]
    fn serialize_shared<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, serializer)
    }
}

/// Whether any category of the type (its own, its fields', its nested types') is about end users.
const fn holds_end_user_data(descriptor: &TypeDescriptor) -> bool {
    if let Some(category) = descriptor.category
        && matches!(category.subject, DataSubject::EndUser)
    {
        return true;
    }
    let mut index = 0;
    while index < descriptor.fields.len() {
        let field = &descriptor.fields[index];
        if let Some(category) = field.category
            && matches!(category.subject, DataSubject::EndUser)
        {
            return true;
        }
        if let Some(nested) = field.nested
            && holds_end_user_data(nested)
        {
            return true;
        }
        index += 1;
    }
    false
}

/// What leaves for a third party: the redacted view of a value holding no end users' data.
///
/// ```
/// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::ConfigurationData)]
/// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
///
/// struct Partner(Vec<serde_json::Value>);
/// impl ThirdPartySink for Partner {
///     fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
///         self.0.push(serde_json::to_value(&record).unwrap());
///     }
/// }
///
/// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
/// let mut partner = Partner(Vec::new());
/// partner.share("support", app.redacted());
/// assert_eq!(partner.0[0]["owner"], "***@example.com");
/// assert_eq!(partner.0[0]["name"], "chat");
/// ```
pub struct SharedRecord<'a, V: Shareable> {
    purpose: &'static str,
    value: &'a V,
}

impl<V: Shareable> SharedRecord<'_, V> {
    /// Why the record is shared.
    ///
    /// ```
    /// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Purposes(Vec<&'static str>);
    /// impl ThirdPartySink for Purposes {
    ///     fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
    ///         self.0.push(record.purpose());
    ///     }
    /// }
    ///
    /// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// let mut partner = Purposes(Vec::new());
    /// partner.share("billing", app.redacted());
    /// assert_eq!(partner.0, ["billing"]);
    /// ```
    #[must_use]
    pub fn purpose(&self) -> &'static str {
        self.purpose
    }
}

impl<V: Shareable> fmt::Display for SharedRecord<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt_shared(f)
    }
}

#[cfg(feature = "serde")]
impl<V: Shareable> serde::Serialize for SharedRecord<'_, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize_shared(serializer)
    }
}

/// A third party (a partner service the customer opted into): takes only redacted views of
/// values that hold no end users' data.
///
/// ```
/// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::ConfigurationData)]
/// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
///
/// struct Partner(Vec<String>);
/// impl ThirdPartySink for Partner {
///     fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
///         self.0.push(format!("{}: {record}", record.purpose()));
///     }
/// }
///
/// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
/// let mut partner = Partner(Vec::new());
/// partner.share("support", app.redacted());
/// assert_eq!(partner.0, [r#"support: App owner="***@example.com" name="chat" created=1970-01-01T00:00:00Z"#]);
/// ```
pub trait ThirdPartySink {
    /// Sends one record. Implement this; call [`ThirdPartySink::share`].
    ///
    /// ```
    /// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Webhook(Vec<serde_json::Value>);
    /// impl ThirdPartySink for Webhook {
    ///     fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) {
    ///         let body = serde_json::json!({ "purpose": record.purpose(), "record": record });
    ///         self.0.push(body);
    ///     }
    /// }
    ///
    /// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// let mut webhook = Webhook(Vec::new());
    /// webhook.share("support", app.redacted());
    /// assert_eq!(webhook.0[0]["purpose"], "support");
    /// assert_eq!(webhook.0[0]["record"]["owner"], "***@example.com");
    /// ```
    fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>);

    /// Shares `value` for `purpose`. A raw classified value, or any view of end users' data,
    /// does not compile.
    ///
    /// ```
    /// use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    /// # struct Partner(Vec<String>);
    /// # impl ThirdPartySink for Partner { fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) { self.0.push(record.to_string()); } }
    ///
    /// let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// let mut partner = Partner(Vec::new());
    /// partner.share("support", app.redacted());
    /// assert_eq!(partner.0, [r#"App owner="***@example.com" name="chat" created=1970-01-01T00:00:00Z"#]);
    /// assert!(!partner.0[0].contains("ops@"));
    /// ```
    ///
    /// The raw value does not compile:
    ///
    /// ```compile_fail,E0277
    /// # use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::ConfigurationData)]
    /// # struct App { #[privacy(redact = email)] owner: String, name: String, #[privacy(collected_at)] created: chrono::DateTime<chrono::Utc> }
    /// # struct Partner(Vec<String>);
    /// # impl ThirdPartySink for Partner { fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) { self.0.push(record.to_string()); } }
    /// # let app = App { owner: "ops@example.com".into(), name: "chat".into(), created: chrono::DateTime::UNIX_EPOCH };
    /// # let mut partner = Partner(Vec::new());
    /// partner.share("support", app);
    /// ```
    ///
    /// Nor does the view of a value holding end users' data (when the call is compiled to code):
    ///
    /// ```compile_fail,E0080
    /// # use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
    /// # use privacy_core::{im, Classified};
    /// #[derive(Classified)]
    /// #[privacy(category = im::UserInformation)]
    /// struct Profile {
    ///     #[privacy(subject, redact = hash)]
    ///     user_id: String,
    ///     #[privacy(collected_at)]
    ///     updated: chrono::DateTime<chrono::Utc>,
    /// }
    /// # struct Partner(Vec<String>);
    /// # impl ThirdPartySink for Partner { fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>) { self.0.push(record.to_string()); } }
    /// let profile = Profile { user_id: "u1".into(), updated: chrono::DateTime::UNIX_EPOCH };
    /// Partner(Vec::new()).share("analytics", profile.redacted());
    /// ```
    fn share<V: Shareable>(&mut self, purpose: &'static str, value: V)
    where
        Self: Sized,
    {
        const { V::PERMITTED };
        self.write(SharedRecord {
            purpose,
            value: &value,
        });
    }
}
