//! The expiry plans of every `im` category for every store, held as snapshots: a change to an
//! exported shape shows in review.

use privacy_core::store::plan::{Target, plan};
use privacy_core::{Classified, Period, TypeDescriptor};

/// The `privacy` binary's sample types (one per category of the reference policy).
#[path = "../../privacy-cli/src/sample.rs"]
#[allow(dead_code)]
mod sample;

/// Processed momentarily, never stored.
#[derive(Classified)]
#[privacy(category = privacy_core::im::ChatMessageRecord, retention = ephemeral)]
struct Typing {
    #[privacy(subject)]
    user: String,
}

fn types() -> Vec<&'static TypeDescriptor> {
    let mut types = sample::descriptors().to_vec();
    types.push(Typing::DESCRIPTOR);
    types
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
        sample::ChatMessage::DESCRIPTOR,
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
    let s3 = plan(sample::RequestLog::DESCRIPTOR, Target::ObjectStorage, None);
    assert_eq!(s3.config["Rules"][0]["Expiration"]["Days"], 7);
    let nats = plan(sample::InterfaceSample::DESCRIPTOR, Target::Nats, None);
    assert_eq!(nats.config["max_age"], 2_u64 * 86_400 * 1_000_000_000);
    // Until-terminated cannot be said by object lifecycle rules alone.
    assert!(
        plan(sample::AppConfig::DESCRIPTOR, Target::ObjectStorage, None)
            .needs_sweeper
            .is_some()
    );
}
