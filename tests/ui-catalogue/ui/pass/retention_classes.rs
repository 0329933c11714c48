use privacy_core::{Classified, Period, Retention, Storable, im};

/// Shorter than the policy: allowed.
#[derive(Classified)]
#[privacy(category = im::LogData, retention = "3d")]
pub struct ShortLog {
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Processed momentarily, never stored: needs no instant.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
pub struct Transient {
    #[privacy(subject)]
    pub sender: u64,
    #[privacy(redact)]
    pub text: String,
}

/// The customer's period, capped.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = customer_chosen(default = "7d", max = "90d"))]
pub struct CappedChat {
    #[privacy(subject)]
    pub sender: u64,
    #[privacy(redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub sent: chrono::DateTime<chrono::Utc>,
}

/// Kept while the service is used, one month after.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData, retention = until_terminated(grace = "1 month"))]
pub struct Callback {
    pub url: String,
}

fn storable<T: Storable>() -> &'static str {
    T::DESCRIPTOR.name
}

fn main() {
    assert_eq!(ShortLog::DESCRIPTOR.retention, Retention::Fixed(Period::days(3)));
    assert_eq!(Transient::DESCRIPTOR.retention, Retention::Ephemeral);
    assert_eq!(CappedChat::DESCRIPTOR.retention, Retention::CustomerChosen { default: Period::days(7), max: Some(Period::days(90)) });
    assert_eq!(Callback::DESCRIPTOR.retention, Retention::UntilTerminated { grace: Period::months(1) });
    assert_eq!(storable::<ShortLog>(), "ShortLog");
    assert_eq!(storable::<Callback>(), "Callback");
}
