//! Policy as code: the data inventory, the published policy tables in five languages, a
//! fideslang export, and the drift gate that fails CI when code and declared policy disagree.
//!
//! Everything is computed from type descriptors: [`Inventory::linked`] reads every classified
//! type linked into the program (the registry), [`Inventory::from_types`] takes a list.
//!
//! ```
//! use privacy_core::report::{tables, Inventory, Lang};
//! use privacy_core::{im, Classified};
//!
//! #[derive(Classified)]
//! #[privacy(category = im::LogData)]
//! struct RequestLog {
//!     #[privacy(redact = ip)]
//!     public_exit_ip: std::net::IpAddr,
//!     #[privacy(collected_at)]
//!     at: chrono::DateTime<chrono::Utc>,
//! }
//!
//! let inventory = Inventory::from_types(&[RequestLog::DESCRIPTOR]);
//! let english = tables::render(&inventory, Lang::En).unwrap();
//! assert!(english.contains("| Log Data | public network exit IP"));
//! assert!(english.contains("| Log Data | 7 days |"));
//! let japanese = tables::render(&inventory, Lang::Ja).unwrap();
//! assert!(japanese.contains("7日間"));
//! ```

pub mod fideslang;
pub mod gate;
mod inventory;
pub mod lang;
pub mod tables;

pub use inventory::{CategoryEntry, FieldEntry, Inventory, SCHEMA, TypeEntry};
pub use lang::Lang;
