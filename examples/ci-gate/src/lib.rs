//! A team's data types, and the classic mistakes the build refuses.
//!
//! Each mistake below is kept as a comment with the exact error the compiler gives; the
//! workspace's trybuild catalogue holds the same code as a compile-fail case, and
//! `tests/tests/ci_gate_errors.rs` checks that every error quoted here is still the one the
//! catalogue records. Uncomment a mistake to see it stop the build.

use chrono::{DateTime, Utc};
use privacy_core::{Classified, im};

/// One interface request, kept 7 days as the policy says.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The caller's public exit IP, truncated in every output.
    #[privacy(redact = ip)]
    pub client_ip: std::net::IpAddr,
    /// The interface called.
    pub interface: String,
    /// When the request arrived.
    #[privacy(collected_at)]
    pub at: DateTime<Utc>,
}

/// An end user's profile.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    /// The end user.
    #[privacy(subject)]
    pub user_id: String,
    /// Their nickname.
    #[privacy(redact)]
    pub nickname: String,
    /// When it changed.
    #[privacy(collected_at)]
    pub updated: DateTime<Utc>,
}

// MISTAKE: a chat message logged raw.
// catalogue: tests/ui-catalogue/ui/redaction/log_raw_chat_message.rs
//
// let message = ChatMessage { sender: "u1".into(), text: "hi".into(), sent: chrono::Utc::now() };
// Stdout.log("delivered", &message);            // log its view instead: message.redacted()
//
// error[E0277]: `&ChatMessage` cannot be handed to a log sink: only redacted views, numbers, booleans and static text may be logged

// MISTAKE: log data kept 30 days.
// catalogue: tests/ui-catalogue/ui/retention/too_long_fixed.rs
//
// #[derive(Classified)]
// #[privacy(category = im::LogData, retention = "30d")]
// pub struct RequestLog { .. }
//
// error[E0080]: evaluation panicked: `RequestLog` keeps its records for 30 days, longer than the policy of Log Data (`im.log_data`) allows: for 7 days; shorten `retention` to fit, or remove it to use the category's own

// MISTAKE: user information merged into a log record without a legal basis.
// catalogue: tests/ui-catalogue/ui/mixing/two_fields.rs
//
// #[derive(Classified)]
// #[privacy(category = im::LogData)]
// pub struct RequestLog {
//     pub interface: String,
//     #[privacy(category = im::UserInformation, subject)]
//     pub user_id: String,
//     ..
// }
//
// error[E0080]: evaluation panicked: `RequestLog` mixes categories without a legal basis: `user_id` holds User Information (`im.user_information`) and the type's own category is Log Data (`im.log_data`); add `#[privacy(legal_basis = ...)]` to the type to state why they may be processed together, or split the type

// MISTAKE: a health field added to a profile.
// catalogue: tests/ui-catalogue/ui/special/health_in_im.rs
//
// #[privacy(special = health, redact)]
// pub condition: String,
//
// error[E0080]: evaluation panicked: field `condition` of `Profile` holds special-category data (`health`, GDPR Art. 9), but User Information (`im.user_information`) is in the `im` taxonomy, which does not accept it; remove the field, or classify it under a category whose taxonomy is meant for special-category data

// MISTAKE: a new end-user type that nobody can find when its user asks for deletion.
// catalogue: tests/ui-catalogue/ui/subject/missing_user_information.rs
//
// #[derive(Classified)]
// #[privacy(category = im::UserInformation)]
// pub struct Profile { /* no #[privacy(subject)] field */ }
//
// error[E0080]: evaluation panicked: `Profile` holds User Information (`im.user_information`), which is about end users, but no field says whose it is; mark the end user's id with `#[privacy(subject)]` so that deletion requests can find the record
