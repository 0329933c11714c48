//! Shared fixtures of the integration tests: classified types from other crates' point of view.

pub mod redaction;
