//! `privacy-core`: keep the promises a privacy policy makes, in the code that handles the data.
//!
//! Declare each backend data type's category, retention and legal basis with
//! `#[derive(Classified)]`; the compiler refuses types that break the policy, every output of
//! the type is redacted, and the same declarations drive retention, data subjects' requests and
//! the published policy tables.
//!
//! ```
//! use privacy_core::{im, Classified};
//!
//! /// One interface request, kept 7 days.
//! #[derive(Classified)]
//! #[privacy(category = im::LogData)]
//! pub struct RequestLog {
//!     #[privacy(redact = ip)]
//!     pub client_ip: std::net::IpAddr,
//!     pub interface: String,
//!     #[privacy(collected_at)]
//!     pub at: chrono::DateTime<chrono::Utc>,
//! }
//!
//! let descriptor = RequestLog::DESCRIPTOR;
//! assert_eq!(descriptor.categories()[0].key, "im.log_data");
//! assert_eq!(descriptor.retention.to_string(), "7 days");
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]

mod category;
mod classified;
pub mod deadline;
mod descriptor;
#[cfg(feature = "engine")]
pub mod engine;
#[cfg(any(feature = "redis", feature = "nats"))]
pub mod expiry;
pub mod im;
mod key;
mod legal_basis;
pub mod redact;
pub mod registry;
#[cfg(feature = "report")]
pub mod report;
mod retention;
mod scalars;
mod secret;
#[cfg(feature = "serde")]
pub mod secret_serde;
pub mod sink;
mod special;
#[cfg(feature = "store")]
pub mod store;
mod table;
mod taxonomy;
#[cfg(feature = "tracing")]
pub mod trace;
mod unclassified;
mod visit;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use category::{Category, CategoryInfo, DataSubject, Role};
pub use classified::{Classified, CollectionInstant, Storable, SubjectId, SubjectKey};
pub use descriptor::{ErasureRule, FieldDescriptor, FieldRole, Redaction, TypeDescriptor};
pub use key::{Pseudonym, PseudonymKey, WeakKey};
pub use legal_basis::LegalBasis;
pub use redact::Redacted;
pub use retention::{Period, Retention, TimeUnit};
pub use secret::Secret;
pub use special::SpecialCategory;
pub use table::{InstantColumn, InstantEncoding, Table, TenantKey};
pub use taxonomy::{FidesMapping, Taxonomy};
pub use unclassified::Unclassified;

/// `#[derive(Classified)]`: see the crate documentation for the `#[privacy(...)]` vocabulary.
#[cfg(feature = "derive")]
pub use privacy_derive::Classified;

/// `#[derive(Unclassified)]`: the type holds no classified value and no secret; each field's type
/// must be [`Unclassified`] in turn.
///
/// ```
/// #[derive(privacy_core::Unclassified)]
/// struct Tags(Vec<String>);
/// ```
#[cfg(feature = "derive")]
pub use privacy_derive::Unclassified;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
