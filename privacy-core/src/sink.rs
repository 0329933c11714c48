//! Typed sinks: where values leave the process on purpose (a log, a metrics system, a third
//! party), the type system decides what may go.
//!
//! Each sink trait has one provided method that callers use ([`LogSink::log`],
//! [`MetricsSink::observe`], [`ThirdPartySink::share`]); its bound ([`Loggable`],
//! [`MetricLabel`], [`Shareable`]) is implemented for redacted views and for plain non-personal
//! scalars, never for a classified type itself. Handing a raw classified value to a sink is a
//! compile error that names the fix. Implementors write only the `write` method, which receives
//! an entry that only the bounded method can build.
//!
//! ```
//! use privacy_core::sink::{LogLine, LogSink};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::ChatMessageRecord)]
//! struct ChatMessage {
//!     #[privacy(subject, redact = hash)]
//!     sender: String,
//!     #[privacy(redact)]
//!     text: String,
//!     #[privacy(collected_at)]
//!     sent: chrono::DateTime<chrono::Utc>,
//! }
//!
//! #[derive(Default)]
//! struct Lines(Vec<String>);
//! impl LogSink for Lines {
//!     fn write(&mut self, line: LogLine<'_>) {
//!         self.0.push(line.to_string());
//!     }
//! }
//!
//! let message = ChatMessage { sender: "u1".into(), text: "hello".into(), sent: chrono::Utc::now() };
//! let mut log = Lines::default();
//! log.log("delivered", message.redacted());
//! assert!(log.0[0].starts_with("delivered ChatMessage sender=\"h:"));
//! assert!(!log.0[0].contains("hello"));
//! ```
//!
//! The raw value does not compile:
//!
//! ```compile_fail,E0277
//! # use privacy_core::sink::{LogLine, LogSink};
//! # use privacy_core::{im, Classified};
//! # #[derive(Classified)]
//! # #[privacy(category = im::LogData)]
//! # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//! # struct Lines(Vec<String>);
//! # impl LogSink for Lines { fn write(&mut self, line: LogLine<'_>) { self.0.push(line.to_string()); } }
//! # let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::Utc::now() };
//! # let mut log = Lines(Vec::new());
//! log.log("request", &request);
//! ```
//!
//! A third party takes the redacted view of customer data (an application's details, say), but
//! no view at all of end users' data, which the policy processes only to provide the feature.
//! That check runs when the call is compiled to code (`cargo build`, `cargo test`), not under
//! `cargo check`:
//!
//! ```compile_fail,E0080
//! # use privacy_core::sink::{Shareable, SharedRecord, ThirdPartySink};
//! # use privacy_core::{im, Classified};
//! #[derive(Classified)]
//! #[privacy(category = im::UserInformation)]
//! struct Profile {
//!     #[privacy(subject, redact = hash)]
//!     user_id: String,
//!     #[privacy(collected_at)]
//!     updated: chrono::DateTime<chrono::Utc>,
//! }
//! struct Partner;
//! impl ThirdPartySink for Partner {
//!     fn write<V: Shareable>(&mut self, _record: SharedRecord<'_, V>) {}
//! }
//! let profile = Profile { user_id: "u1".into(), updated: chrono::Utc::now() };
//! Partner.share("analytics", profile.redacted());
//! ```

use crate::redact::Redacted;
use crate::{Classified, DataSubject, TypeDescriptor};
use core::fmt;

/// A value a log sink takes: a redacted view, a number, a boolean or static text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be handed to a log sink: only redacted views, numbers, booleans and static text may be logged",
    label = "not allowed in a log",
    note = "for a classified value, log its redacted view: `value.redacted()`",
    note = "a log line may be kept and read anywhere; a classified value in it would leave the process unredacted"
)]
pub trait Loggable {
    /// Writes the value as the log shows it.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A label a metrics sink takes: a redacted view, a number, a boolean or static text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a metrics label: only redacted views, numbers, booleans and static text may label a metric",
    label = "not allowed as a metrics label",
    note = "for a classified value, use its redacted view: `value.redacted()`, or a static name for what you count"
)]
pub trait MetricLabel {
    /// Writes the label.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A value a third-party sink takes: the redacted view of a classified value that holds no end
/// users' data.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be shared with a third party: only the redacted view of a classified value may be",
    label = "not allowed to leave for a third party",
    note = "share its redacted view: `value.redacted()`; end users' data may not be shared at all"
)]
pub trait Shareable {
    /// Evaluated for every shared type: fails to compile when the type holds data about end
    /// users, which the policy processes only to provide the feature.
    const PERMITTED: ();

    /// Writes the shared value.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_shared(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Serializes the shared value.
    ///
    /// # Errors
    /// When the serializer fails.
    #[cfg(feature = "serde")]
    fn serialize_shared<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl<T: Classified> Loggable for Redacted<'_, T> {
    fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<T: Classified> MetricLabel for Redacted<'_, T> {
    fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
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

macro_rules! plain_scalars {
    ($($ty:ty),*) => {$(
        impl Loggable for $ty {
            fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
        impl MetricLabel for $ty {
            fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}
plain_scalars!(
    &'static str,
    bool,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64
);

/// One log line: a static message and one vetted value. Only [`LogSink::log`] builds it.
pub struct LogLine<'a> {
    message: &'static str,
    value: &'a dyn Loggable,
}

impl LogLine<'_> {
    /// The line's static message.
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.message
    }
}

/// `message value`.
impl fmt::Display for LogLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)?;
        f.write_str(" ")?;
        self.value.fmt_loggable(f)
    }
}

/// The value of a log line alone.
pub struct LoggedValue<'a>(&'a dyn Loggable);

impl fmt::Display for LoggedValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_loggable(f)
    }
}

impl<'a> LogLine<'a> {
    /// The line's value, as the log may show it.
    #[must_use]
    pub fn value(&self) -> LoggedValue<'a> {
        LoggedValue(self.value)
    }
}

/// A log: takes redacted views, numbers, booleans and static text.
pub trait LogSink {
    /// Writes one line. Implement this; call [`LogSink::log`].
    fn write(&mut self, line: LogLine<'_>);

    /// Logs `value` under `message`. A raw classified value does not compile: log
    /// `value.redacted()`.
    fn log<V: Loggable>(&mut self, message: &'static str, value: V)
    where
        Self: Sized,
    {
        self.write(LogLine {
            message,
            value: &value,
        });
    }
}

/// One metrics sample: a static metric name, one vetted label and a number.
pub struct MetricSample<'a> {
    metric: &'static str,
    label: &'a dyn MetricLabel,
    value: f64,
}

impl MetricSample<'_> {
    /// The metric's name.
    #[must_use]
    pub fn metric(&self) -> &'static str {
        self.metric
    }

    /// The sample's value.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The label's text.
    #[must_use]
    pub fn label(&self) -> String {
        struct Label<'b>(&'b dyn MetricLabel);
        impl fmt::Display for Label<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt_label(f)
            }
        }
        Label(self.label).to_string()
    }
}

/// A metrics system: takes numbers labelled by redacted views, numbers, booleans and static text.
pub trait MetricsSink {
    /// Records one sample. Implement this; call [`MetricsSink::observe`].
    fn write(&mut self, sample: MetricSample<'_>);

    /// Records `value` for `metric` under `label`. A raw classified label does not compile.
    fn observe<L: MetricLabel>(&mut self, metric: &'static str, label: L, value: f64)
    where
        Self: Sized,
    {
        self.write(MetricSample {
            metric,
            label: &label,
            value,
        });
    }
}

/// What leaves for a third party: the redacted view of a value holding no end users' data.
pub struct SharedRecord<'a, V: Shareable> {
    purpose: &'static str,
    value: &'a V,
}

impl<V: Shareable> SharedRecord<'_, V> {
    /// Why the record is shared.
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
pub trait ThirdPartySink {
    /// Sends one record. Implement this; call [`ThirdPartySink::share`].
    fn write<V: Shareable>(&mut self, record: SharedRecord<'_, V>);

    /// Shares `value` for `purpose`. A raw classified value, or any view of end users' data,
    /// does not compile.
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
