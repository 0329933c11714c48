//! The log sink: lines of a static message and one vetted value.

use super::sealed;
use crate::Classified;
use crate::redact::Redacted;
use core::fmt;

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

impl<T: Classified> Loggable for Redacted<'_, T> {
    fn fmt_loggable(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

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
