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

mod log;
mod metrics;
mod third_party;

pub use log::{LogLine, LogSink, Loggable, LoggedValue};
pub use metrics::{MetricLabel, MetricSample, MetricsSink};
pub use third_party::{Shareable, SharedRecord, ThirdPartySink};

use crate::Classified;
use crate::redact::Redacted;
use crate::scalars::for_scalars;
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

impl<T: Classified> sealed::Sealed for Redacted<'_, T> {}

/// Numbers, booleans and static text: loggable and usable as metric labels, never shareable.
macro_rules! plain_scalars {
    ($($ty:ty),* $(,)?) => {$(
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
for_scalars!(primitives => plain_scalars);
plain_scalars!(&'static str);
