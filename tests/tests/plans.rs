//! The expiry plans of every `im` category for every store, held as snapshots: a change to an
//! exported shape shows in review.

use privacy_core::store::plan::{Target, plan};
use privacy_core::{Classified, Period, TypeDescriptor};

mod declared {
    use chrono::{DateTime, Utc};
    use privacy_core::{Classified, im};

    #[derive(Classified)]
    #[privacy(category = im::LogData)]
    pub struct RequestLog {
        #[privacy(collected_at)]
        pub at: DateTime<Utc>,
    }

    #[derive(Classified)]
    #[privacy(category = im::MonitoringData)]
    pub struct InterfaceSample {
        #[privacy(collected_at)]
        pub at: DateTime<Utc>,
    }

    #[derive(Classified)]
    #[privacy(category = im::ConfigurationData)]
    pub struct AppConfig {
        pub callback_url: String,
    }

    #[derive(Classified)]
    #[privacy(category = im::AccountIdentifiers)]
    pub struct AccountIds {
        pub uin: u64,
    }

    #[derive(Classified)]
    #[privacy(category = im::UserInformation)]
    pub struct UserProfile {
        #[privacy(subject)]
        pub user_id: String,
        #[privacy(collected_at)]
        pub updated: DateTime<Utc>,
    }

    #[derive(Classified)]
    #[privacy(category = im::ChatMessageRecord)]
    pub struct ChatMessage {
        #[privacy(subject)]
        pub from: String,
        #[privacy(collected_at)]
        pub sent: DateTime<Utc>,
    }

    #[derive(Classified)]
    #[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
    pub struct Typing {
        #[privacy(subject)]
        pub user: String,
    }
}

fn types() -> [&'static TypeDescriptor; 7] {
    [
        declared::RequestLog::DESCRIPTOR,
        declared::InterfaceSample::DESCRIPTOR,
        declared::AppConfig::DESCRIPTOR,
        declared::AccountIds::DESCRIPTOR,
        declared::UserProfile::DESCRIPTOR,
        declared::ChatMessage::DESCRIPTOR,
        declared::Typing::DESCRIPTOR,
    ]
}

#[test]
fn every_category_in_every_store() {
    let mut out = String::new();
    for descriptor in types() {
        for target in Target::ALL {
            let plan = plan(descriptor, target, None);
            out.push_str(&format!(
                "## {} / {}\n{}\nlate: {}\nsweeper: {}\n\n",
                descriptor.name,
                target.name(),
                serde_json::to_string(&plan.config).unwrap(),
                plan.worst_case_lateness,
                plan.needs_sweeper.as_deref().unwrap_or("-")
            ));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn plans_never_delete_early() {
    // A tenant's 1-month choice is counted as 31 days: late in short months, never early.
    let kafka = plan(
        declared::ChatMessage::DESCRIPTOR,
        Target::Kafka,
        Some(Period::months(1)),
    );
    assert_eq!(
        kafka.config["retention.ms"],
        (31_u64 * 86_400_000).to_string()
    );
    assert!(
        kafka.worst_case_lateness.contains("up to 3 days late"),
        "{}",
        kafka.worst_case_lateness
    );
    let s3 = plan(
        declared::RequestLog::DESCRIPTOR,
        Target::ObjectStorage,
        None,
    );
    assert_eq!(s3.config["Rules"][0]["Expiration"]["Days"], 7);
    let nats = plan(declared::InterfaceSample::DESCRIPTOR, Target::Nats, None);
    assert_eq!(nats.config["max_age"], 2_u64 * 86_400 * 1_000_000_000);
    // Until-terminated cannot be said by object lifecycle rules alone.
    assert!(
        plan(declared::AppConfig::DESCRIPTOR, Target::ObjectStorage, None)
            .needs_sweeper
            .is_some()
    );
}
