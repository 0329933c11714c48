//! With feature `tracing`: classified values become tracing fields only through their
//! redacted view.
//!
//! `tracing` records a field through its sealed `tracing::Value` trait, which no classified
//! type implements, and `%value` needs `Display`, which the derive does not give classified
//! types: so `info!(record = message)` and `info!(record = %message)` do not compile. What
//! compiles is the view, as [`Redacted::traced`] or `%message.redacted()` (logfmt text), and
//! `?message`, the derived `Debug`, which is redacted too (unless the type opts out with
//! `custom_debug` and writes its own).
//!
//! ```
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::LogData)]
//! struct RequestLog {
//!     #[privacy(redact = ip)]
//!     client_ip: std::net::IpAddr,
//!     interface: String,
//!     #[privacy(collected_at)]
//!     at: chrono::DateTime<chrono::Utc>,
//! }
//!
//! let request = RequestLog {
//!     client_ip: [203, 0, 113, 77].into(),
//!     interface: "sendmsg".into(),
//!     at: chrono::Utc::now(),
//! };
//! tracing::info!(request = request.redacted().traced(), "served");
//! tracing::info!(request = %request.redacted(), "served");
//! ```
//!
//! ```compile_fail,E0277
//! # use privacy_core::{im, Classified};
//! # #[derive(Classified)]
//! # #[privacy(category = im::LogData)]
//! # struct RequestLog { #[privacy(redact = ip)] client_ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
//! # let request = RequestLog { client_ip: [203, 0, 113, 77].into(), at: chrono::Utc::now() };
//! tracing::info!(request, "served");
//! ```

use crate::Classified;
use crate::redact::Redacted;
use crate::sink::{LogLine, LogSink};
use tracing::field::DisplayValue;

impl<T: Classified> Redacted<'_, T> {
    /// The view as a tracing field value, recorded as its logfmt text:
    /// `tracing::info!(record = record.redacted().traced())`.
    ///
    /// ```
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let field = request.redacted().traced();
    /// assert_eq!(format!("{field:?}"), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// tracing::info!(request = field, "served");
    /// ```
    #[must_use]
    pub fn traced(self) -> DisplayValue<Self> {
        tracing::field::display(self)
    }
}

/// A [`LogSink`] that emits each line as a `tracing` event at level INFO, target `privacy`,
/// with the line's message and its vetted value in field `value`.
///
/// ```
/// use privacy_core::sink::LogSink;
/// use privacy_core::trace::TracingLog;
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # use std::sync::{Arc, Mutex};
/// # struct Events(Arc<Mutex<Vec<String>>>);
/// # struct Fields<'a>(&'a mut String);
/// # impl tracing::field::Visit for Fields<'_> {
/// #     fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) { self.0.push_str(&format!(" {}={value:?}", field.name())); }
/// # }
/// # impl tracing::Subscriber for Events {
/// #     fn enabled(&self, _: &tracing::Metadata<'_>) -> bool { true }
/// #     fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id { tracing::span::Id::from_u64(1) }
/// #     fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
/// #     fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
/// #     fn event(&self, event: &tracing::Event<'_>) {
/// #         let mut line = format!("{} {}", event.metadata().level(), event.metadata().target());
/// #         event.record(&mut Fields(&mut line));
/// #         self.0.lock().unwrap().push(line);
/// #     }
/// #     fn enter(&self, _: &tracing::span::Id) {}
/// #     fn exit(&self, _: &tracing::span::Id) {}
/// # }
/// # /// Runs `emit` with a subscriber that writes each event as `LEVEL target field=value...`.
/// # fn captured(emit: impl FnOnce()) -> Vec<String> {
/// #     let events = Arc::new(Mutex::new(Vec::new()));
/// #     tracing::subscriber::with_default(Events(events.clone()), emit);
/// #     let lines = events.lock().unwrap().clone();
/// #     lines
/// # }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// let events = captured(|| TracingLog.log("served", request.redacted()));
/// assert_eq!(
///     events,
///     [r#"INFO privacy message=served value=RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]
/// );
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TracingLog;

impl LogSink for TracingLog {
    fn write(&mut self, line: LogLine<'_>) {
        tracing::info!(
            target: "privacy",
            value = %line.value(),
            "{}",
            line.message()
        );
    }
}
