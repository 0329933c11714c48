//! The data layer of an instant-messaging service keeping its published privacy policy: its
//! types (one per row of the policy), its tenants, simulated traffic and the demo run.

pub mod demo;
pub mod model;
pub mod tenants;
pub mod traffic;
