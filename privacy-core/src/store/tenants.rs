//! What a store knows of each tenant (customer application).

use crate::deadline::Tenant;
use chrono::{DateTime, Utc};

/// A tenant's settings and, once it ended, its account's termination.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TenantState {
    /// What the tenant decided.
    pub settings: Tenant,
    /// When its account ended, if it did.
    pub terminated_at: Option<DateTime<Utc>>,
}
