//! What a store knows of each tenant (customer application).

use crate::deadline::Tenant;
use chrono::{DateTime, Utc};

/// A tenant's settings and, once it ended, its account's termination.
///
/// ```
/// use privacy_core::store::{MemoryBackend, Store};
/// let mut store = Store::new(MemoryBackend::default(), b"key");
/// let ended = chrono::Utc::now();
/// store.terminate("app-1", ended).unwrap();
/// assert_eq!(store.tenant("app-1").terminated_at, Some(ended));
/// assert_eq!(store.tenant("app-2").terminated_at, None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TenantState {
    /// What the tenant decided.
    pub settings: Tenant,
    /// When its account ended, if it did.
    pub terminated_at: Option<DateTime<Utc>>,
}
