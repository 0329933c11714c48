//! Shared fixtures of the integration tests: classified types from other crates' point of view,
//! and the real servers the store tests use.

pub mod bulk;
pub mod records;
pub mod redaction;
pub mod servers;
