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
    #[must_use]
    pub fn traced(self) -> DisplayValue<Self> {
        tracing::field::display(self)
    }
}

/// A [`LogSink`] that emits each line as a `tracing` event at level INFO, target `privacy`,
/// with the line's message and its vetted value in field `value`.
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
