use privacy_core::{Classified, im};

/// Account identifiers.
#[derive(Classified)]
#[privacy(category = im::AccountIdentifiers)]
pub struct Account {
    pub uin: u64,
}

#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    pub interface: String,
    #[privacy(nested)]
    pub account: Account,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
