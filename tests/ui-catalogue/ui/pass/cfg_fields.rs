use privacy_core::{Classified, im};

/// A field compiled out is not part of the type, nor of its descriptor.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    #[cfg(any())]
    pub never_compiled: String,
    #[cfg(all())]
    pub interface: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    let names: Vec<_> = RequestLog::DESCRIPTOR.fields.iter().map(|field| field.name).collect();
    assert_eq!(names, ["interface", "at"]);
    let log = RequestLog { interface: "sendmsg".into(), at: chrono::DateTime::UNIX_EPOCH };
    assert!(format!("{log:?}").contains("sendmsg"));
}
