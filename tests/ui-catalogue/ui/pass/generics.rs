use privacy_core::{Classified, im};
use std::fmt::Debug;

/// A log record generic over its payload, a borrowed interface name and a const parameter.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Tagged<'a, T, const N: usize>
where
    T: Clone,
{
    pub interface: &'a str,
    pub payload: T,
    #[privacy(redact)]
    pub tags: [u8; N],
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A generic nested record.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Envelope<T: Classified> {
    #[privacy(nested)]
    pub inner: T,
    pub hops: u8,
}

/// A lifetime-only type is registered like a concrete one.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Borrowed<'a> {
    #[privacy(redact = partial(keep_last = 3))]
    pub interface: &'a str,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn show<T: Debug>(value: &T) -> String {
    format!("{value:?}")
}

fn main() {
    let tagged = Tagged::<'_, u32, 2> { interface: "sendmsg", payload: 7, tags: [1, 2], at: chrono::DateTime::UNIX_EPOCH };
    assert_eq!(show(&tagged), r#"Tagged { interface: "sendmsg", payload: 7, tags: [redacted], at: 1970-01-01T00:00:00Z }"#);
    let envelope = Envelope { inner: tagged, hops: 1 };
    assert_eq!(envelope.collected_at(), Some(chrono::DateTime::UNIX_EPOCH));
    assert!(Envelope::<Tagged<'static, u32, 2>>::DESCRIPTOR.fields[0].nested.is_some());
    let borrowed = Borrowed { interface: "sendmsg", at: chrono::DateTime::UNIX_EPOCH };
    assert!(show(&borrowed).contains("msg"));
    assert!(!show(&borrowed).contains("sendmsg"));
    assert!(privacy_core::registry::find("Borrowed").is_some());
    let message = MacroMessage { from: "alice".into(), text: "hi".into(), sent: chrono::DateTime::UNIX_EPOCH };
    assert_eq!(message.subject(), Some(privacy_core::SubjectId::new("alice")));
    assert_eq!(message.collected_at(), Some(chrono::DateTime::UNIX_EPOCH));
}

/// Fields written by a `macro_rules!` macro keep their hygiene: the generated code still finds
/// its own locals.
macro_rules! chat_record {
    ($name:ident, $subject:ident: $subject_ty:ty, $instant:ident) => {
        /// A record declared through a macro.
        #[derive(Classified)]
        #[privacy(category = im::ChatMessageRecord)]
        pub struct $name {
            #[privacy(subject)]
            pub $subject: $subject_ty,
            #[privacy(redact)]
            pub text: String,
            #[privacy(collected_at)]
            pub $instant: chrono::DateTime<chrono::Utc>,
        }
    };
}

chat_record!(MacroMessage, from: String, sent);
