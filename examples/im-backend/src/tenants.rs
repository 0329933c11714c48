//! The customer applications (tenants) of the demo, each with the choice the policy lets it make.

use chrono::{DateTime, TimeDelta, Utc};
use privacy_core::Period;
use privacy_core::deadline::Tenant;

/// One customer application.
pub struct Customer {
    /// Its id, the tenant key in every store.
    pub id: &'static str,
    /// Its SDKAppID.
    pub app_id: u64,
    /// What it chose.
    pub settings: Tenant,
    /// The simulated day its account ends, if it does.
    pub terminates_on: Option<i64>,
    /// How it reads in the demo's output.
    pub describe: &'static str,
}

/// The four tenants: a chosen 30-day chat retention, no choice (7 days), opted out of storing
/// end users' data, and one whose account ends.
pub fn customers() -> [Customer; 4] {
    [
        Customer {
            id: "chat-30d",
            app_id: 1_400_000_001,
            settings: Tenant {
                chosen_retention: Some(Period::days(30)),
                stores_end_user_data: true,
            },
            terminates_on: None,
            describe: "chose 30 days for end users' data",
        },
        Customer {
            id: "chat-default",
            app_id: 1_400_000_002,
            settings: Tenant::default(),
            terminates_on: None,
            describe: "chose nothing: 7 days",
        },
        Customer {
            id: "no-storage",
            app_id: 1_400_000_003,
            settings: Tenant {
                chosen_retention: None,
                stores_end_user_data: false,
            },
            terminates_on: None,
            describe: "opted out of storing end users' data",
        },
        Customer {
            id: "leaving",
            app_id: 1_400_000_004,
            settings: Tenant::default(),
            terminates_on: Some(20),
            describe: "account ends on day 20",
        },
    ]
}

/// The simulated clock: day `day` at `minute` past midnight, from a fixed start.
pub fn at(start: DateTime<Utc>, day: i64, minute: i64) -> DateTime<Utc> {
    start + TimeDelta::days(day) + TimeDelta::minutes(minute)
}
