//! The backend's types keep its declared policy, and a short run of the demo keeps its promises.

use im_backend::demo::{self, Options};

#[test]
fn the_types_keep_the_declared_policy() {
    // Link the model so the registry sees every type.
    let _ = <im_backend::model::RequestLog as privacy_core::Classified>::DESCRIPTOR;
    privacy_core::report::gate::check(include_str!("../../../policy/im.toml")).unwrap();
}

#[test]
fn ten_days_keep_every_promise() {
    let database = std::env::temp_dir().join(format!("im-backend-test-{}.db", std::process::id()));
    let (mut store, tally) = demo::simulate(&Options {
        days: 10,
        database: database.clone(),
        every_day: false,
    })
    .unwrap();
    // Log data lives 7 days: after 10 days, 7 days' worth remain for each of the 4 tenants,
    // less the record collected at midnight exactly 7 days before the last sweep.
    assert_eq!(tally.stored["im.log_data"], 4 * (7 * 63 - 1));
    // Monitoring data lives 2 days, with the same boundary.
    assert_eq!(tally.stored["im.monitoring_data"], 4 * (2 * 24 - 1));
    // The opted-out tenant's end users' data was refused, every time.
    assert_eq!(tally.refused.0, 10 * (4 + 40));
    // The 30-day tenant still has its first chat message; the 7-day one does not.
    let tenth_day = demo::start() + chrono::TimeDelta::days(10);
    assert!(
        store
            .read::<im_backend::model::ChatMessage>("chat-30d", "msg-0-0", tenth_day)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .read::<im_backend::model::ChatMessage>("chat-default", "msg-0-0", tenth_day)
            .unwrap()
            .is_none()
    );
    let _ = std::fs::remove_file(database);
}
