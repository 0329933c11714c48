//! Typed sinks: where values leave the process on purpose (a log, a metrics system, a third
//! party), the type system decides what may go.
//!
//! Each sink trait has one provided method that callers use ([`LogSink::log`],
//! [`MetricsSink::observe`], [`ThirdPartySink::share`]); its bound ([`Loggable`],
//! [`MetricLabel`], [`Shareable`]) is implemented for redacted views and for plain non-personal
//! scalars, never for a classified type itself, and sealed: no other crate can implement them.
//! Handing a raw classified value to a sink is a compile error that names the fix. Implementors write only the `write` method, which receives
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

/// The sink bounds are implemented by this crate alone: another crate cannot declare its
/// classified type loggable, a label or shareable, and so reopen the way out they close.
mod sealed {
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot be made a log value, metric label or shared value outside privacy-core",
        label = "the sink traits are sealed",
        note = "hand the sink the value's redacted view (`value.redacted()`), a number, a boolean or static text"
    )]
    pub trait Sealed {}
}

/// A value a log sink takes: a redacted view, a number, a boolean or static text.
///
/// ```
/// use privacy_core::sink::{LogLine, LogSink, Loggable};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # struct Lines(Vec<String>);
/// # impl LogSink for Lines { fn write(&mut self, line: LogLine<'_>) { self.0.push(line.to_string()); } }
///
/// fn logged(value: impl Loggable) -> String {
///     let mut log = Lines(Vec::new());
///     log.log("value", value);
///     log.0.remove(0)
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(logged(request.redacted()), r#"value RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
/// assert_eq!(logged(3_u8), "value 3");
/// assert_eq!(logged(false), "value false");
/// assert_eq!(logged("static text"), "value static text");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be handed to a log sink: only redacted views, numbers, booleans and static text may be logged",
    label = "not allowed in a log",
    note = "for a classified value, log its redacted view: `value.redacted()`",
    note = "a log line may be kept and read anywhere; a classified value in it would leave the process unredacted"
)]
pub trait Loggable: sealed::Sealed {
    /// Writes the value as the log shows it.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::sink::Loggable;
    /// use std::fmt;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Shown<V>(V);
    /// impl<V: Loggable> fmt::Display for Shown<V> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_loggable(f)
    ///     }
    /// }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// assert_eq!(Shown(request.redacted()).to_string(), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// assert_eq!(Shown(2.5_f64).to_string(), "2.5");
    /// ```
    fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A label a metrics sink takes: a redacted view, a number, a boolean or static text.
///
/// ```
/// use privacy_core::sink::{MetricLabel, MetricSample, MetricsSink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # struct Labels(Vec<String>);
/// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
///
/// fn label(value: impl MetricLabel) -> String {
///     let mut metrics = Labels(Vec::new());
///     metrics.observe("requests", value, 1.0);
///     metrics.0.remove(0)
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(label(request.redacted()), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
/// assert_eq!(label(404_u16), "404");
/// assert_eq!(label("sendmsg"), "sendmsg");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a metrics label: only redacted views, numbers, booleans and static text may label a metric",
    label = "not allowed as a metrics label",
    note = "for a classified value, use its redacted view: `value.redacted()`, or a static name for what you count"
)]
pub trait MetricLabel: sealed::Sealed {
    /// Writes the label.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::sink::MetricLabel;
    /// use std::fmt;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Label<V>(V);
    /// impl<V: MetricLabel> fmt::Display for Label<V> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_label(f)
    ///     }
    /// }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// assert_eq!(Label(request.redacted()).to_string(), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// assert_eq!(Label(true).to_string(), "true");
    /// ```
    fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

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

impl<T: Classified> sealed::Sealed for Redacted<'_, T> {}

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
        impl sealed::Sealed for $ty {}
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
///
/// ```
/// use privacy_core::sink::{LogLine, LogSink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// #[derive(Default)]
/// struct Lines(Vec<String>);
/// impl LogSink for Lines {
///     fn write(&mut self, line: LogLine<'_>) {
///         self.0.push(line.to_string());
///     }
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// let mut log = Lines::default();
/// log.log("served", request.redacted());
/// assert_eq!(log.0, [r#"served RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]);
/// ```
pub struct LogLine<'a> {
    message: &'static str,
    value: &'a dyn Loggable,
}

impl LogLine<'_> {
    /// The line's static message.
    ///
    /// ```
    /// use privacy_core::sink::{LogLine, LogSink};
    ///
    /// struct Messages(Vec<&'static str>);
    /// impl LogSink for Messages {
    ///     fn write(&mut self, line: LogLine<'_>) {
    ///         self.0.push(line.message());
    ///     }
    /// }
    ///
    /// let mut log = Messages(Vec::new());
    /// log.log("cache miss", 3_u32);
    /// log.log("retrying", true);
    /// assert_eq!(log.0, ["cache miss", "retrying"]);
    /// ```
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
///
/// ```
/// use privacy_core::sink::{LogLine, LogSink, LoggedValue};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// struct Values(Vec<String>);
/// impl LogSink for Values {
///     fn write(&mut self, line: LogLine<'_>) {
///         let value: LoggedValue<'_> = line.value();
///         self.0.push(value.to_string());
///     }
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// let mut log = Values(Vec::new());
/// log.log("served", request.redacted());
/// assert_eq!(log.0, [r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]);
/// ```
pub struct LoggedValue<'a>(&'a dyn Loggable);

impl fmt::Display for LoggedValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_loggable(f)
    }
}

impl<'a> LogLine<'a> {
    /// The line's value, as the log may show it.
    ///
    /// ```
    /// use privacy_core::sink::{LogLine, LogSink};
    ///
    /// struct Fields(Vec<(&'static str, String)>);
    /// impl LogSink for Fields {
    ///     fn write(&mut self, line: LogLine<'_>) {
    ///         self.0.push((line.message(), line.value().to_string()));
    ///     }
    /// }
    ///
    /// let mut log = Fields(Vec::new());
    /// log.log("queue depth", 17_usize);
    /// assert_eq!(log.0, [("queue depth", "17".to_string())]);
    /// ```
    #[must_use]
    pub fn value(&self) -> LoggedValue<'a> {
        LoggedValue(self.value)
    }
}

/// A log: takes redacted views, numbers, booleans and static text.
///
/// ```
/// use privacy_core::sink::{LogLine, LogSink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
///
/// struct Lines(Vec<String>);
/// impl LogSink for Lines {
///     fn write(&mut self, line: LogLine<'_>) {
///         self.0.push(line.to_string());
///     }
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// let mut log = Lines(Vec::new());
/// log.log("served", request.redacted());
/// log.log("latency_ms", 12_u32);
/// assert_eq!(log.0, [r#"served RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#, "latency_ms 12"]);
/// ```
pub trait LogSink {
    /// Writes one line. Implement this; call [`LogSink::log`].
    ///
    /// ```
    /// use privacy_core::sink::{LogLine, LogSink};
    ///
    /// struct Logfmt(String);
    /// impl LogSink for Logfmt {
    ///     fn write(&mut self, line: LogLine<'_>) {
    ///         self.0 += &format!("msg={:?} value={}\n", line.message(), line.value());
    ///     }
    /// }
    ///
    /// let mut log = Logfmt(String::new());
    /// log.log("cache hit", true);
    /// assert_eq!(log.0, "msg=\"cache hit\" value=true\n");
    /// ```
    fn write(&mut self, line: LogLine<'_>);

    /// Logs `value` under `message`. A raw classified value does not compile: log
    /// `value.redacted()`.
    ///
    /// ```
    /// use privacy_core::sink::{LogLine, LogSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Lines(Vec<String>);
    /// # impl LogSink for Lines { fn write(&mut self, line: LogLine<'_>) { self.0.push(line.to_string()); } }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut log = Lines(Vec::new());
    /// log.log("served", request.redacted());
    /// assert_eq!(log.0, [r#"served RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]);
    /// assert!(!log.0[0].contains("203.0.113.7"));
    /// ```
    ///
    /// The raw value does not compile:
    ///
    /// ```compile_fail,E0277
    /// # use privacy_core::sink::{LogLine, LogSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Lines(Vec<String>);
    /// # impl LogSink for Lines { fn write(&mut self, line: LogLine<'_>) { self.0.push(line.to_string()); } }
    /// # let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// # let mut log = Lines(Vec::new());
    /// log.log("served", request);
    /// ```
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
///
/// ```
/// use privacy_core::sink::{MetricSample, MetricsSink};
///
/// #[derive(Default)]
/// struct Exposition(Vec<String>);
/// impl MetricsSink for Exposition {
///     fn write(&mut self, sample: MetricSample<'_>) {
///         let line = format!("{}{{{}}} {}", sample.metric(), sample.label(), sample.value());
///         self.0.push(line);
///     }
/// }
///
/// let mut metrics = Exposition::default();
/// metrics.observe("latency_ms", "sendmsg", 12.5);
/// assert_eq!(metrics.0, ["latency_ms{sendmsg} 12.5"]);
/// ```
pub struct MetricSample<'a> {
    metric: &'static str,
    label: &'a dyn MetricLabel,
    value: f64,
}

impl MetricSample<'_> {
    /// The metric's name.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    ///
    /// struct Names(Vec<&'static str>);
    /// impl MetricsSink for Names {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0.push(sample.metric());
    ///     }
    /// }
    ///
    /// let mut metrics = Names(Vec::new());
    /// metrics.observe("messages_sent", "group", 1.0);
    /// metrics.observe("latency_ms", "group", 8.0);
    /// assert_eq!(metrics.0, ["messages_sent", "latency_ms"]);
    /// ```
    #[must_use]
    pub fn metric(&self) -> &'static str {
        self.metric
    }

    /// The sample's value.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    ///
    /// struct Total(f64);
    /// impl MetricsSink for Total {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0 += sample.value();
    ///     }
    /// }
    ///
    /// let mut metrics = Total(0.0);
    /// metrics.observe("bytes_sent", "sendmsg", 1.5);
    /// metrics.observe("bytes_sent", "sendmsg", 2.0);
    /// assert_eq!(metrics.0, 3.5);
    /// ```
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The label's text.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Labels(Vec<String>);
    /// impl MetricsSink for Labels {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0.push(sample.label());
    ///     }
    /// }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request.redacted(), 1.0);
    /// metrics.observe("requests", 200_u16, 1.0);
    /// assert_eq!(metrics.0, [r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#, "200"]);
    /// ```
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
///
/// ```
/// use privacy_core::sink::{MetricSample, MetricsSink};
///
/// #[derive(Default)]
/// struct Samples(Vec<(&'static str, String, f64)>);
/// impl MetricsSink for Samples {
///     fn write(&mut self, sample: MetricSample<'_>) {
///         self.0.push((sample.metric(), sample.label(), sample.value()));
///     }
/// }
///
/// let mut metrics = Samples::default();
/// metrics.observe("latency_ms", "sendmsg", 12.0);
/// metrics.observe("retries", 3_u8, 1.0);
/// assert_eq!(metrics.0[0], ("latency_ms", "sendmsg".to_string(), 12.0));
/// assert_eq!(metrics.0[1], ("retries", "3".to_string(), 1.0));
/// ```
pub trait MetricsSink {
    /// Records one sample. Implement this; call [`MetricsSink::observe`].
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// use std::collections::BTreeMap;
    ///
    /// #[derive(Default)]
    /// struct Counters(BTreeMap<(&'static str, String), f64>);
    /// impl MetricsSink for Counters {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         *self.0.entry((sample.metric(), sample.label())).or_default() += sample.value();
    ///     }
    /// }
    ///
    /// let mut metrics = Counters::default();
    /// metrics.observe("messages", "group", 1.0);
    /// metrics.observe("messages", "group", 1.0);
    /// assert_eq!(metrics.0[&("messages", "group".to_string())], 2.0);
    /// ```
    fn write(&mut self, sample: MetricSample<'_>);

    /// Records `value` for `metric` under `label`. A raw classified label does not compile.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Labels(Vec<String>);
    /// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request.redacted(), 1.0);
    /// assert_eq!(metrics.0, [r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]);
    /// ```
    ///
    /// A raw classified label does not compile:
    ///
    /// ```compile_fail,E0277
    /// # use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Labels(Vec<String>);
    /// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
    /// # let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// # let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request, 1.0);
    /// ```
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
