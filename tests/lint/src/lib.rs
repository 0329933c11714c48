//! Representative classified types in a crate that denies every warning, clippy's pedantic
//! group, unused qualifications and missing docs. `cargo clippy --workspace --all-targets -- -D
//! warnings` builds it in CI: any lint the derive's output trips fails the build.
//!
//! The module `shadowing` declares local items named `core`, `std` and `privacy_core`, and the
//! module `renamed` reaches the runtime through `crate = "..."`: generated code must use
//! absolute paths that neither disturbs.
#![deny(
    warnings,
    unused_qualifications,
    missing_docs,
    clippy::all,
    clippy::pedantic
)]

use privacy_core::{Classified, Secret, im};
use std::net::IpAddr;

/// A request log line.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The caller's exit IP.
    #[privacy(redact = ip)]
    pub client_ip: IpAddr,
    /// The interface called.
    pub interface: String,
    /// What went wrong, if anything.
    #[privacy(redact = len)]
    pub cause: Option<String>,
    /// When the request arrived.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A plain platform name, shown as it is.
#[derive(Debug, serde::Serialize, privacy_core::Unclassified)]
pub enum Platform {
    /// Android.
    Android,
    /// iOS.
    Ios,
}

/// A plain, generic label set.
#[derive(Debug, serde::Serialize, privacy_core::Unclassified)]
pub struct Labels<T> {
    /// The labels.
    pub labels: Vec<T>,
    /// The platform.
    pub platform: Platform,
}

/// A login, showing plain types of its own and a type parameter.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct Login<T> {
    /// Its labels.
    pub labels: Labels<T>,
    /// When.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A monitoring sample, as a tuple.
#[derive(Classified)]
#[privacy(category = im::MonitoringData)]
pub struct Sample(
    pub String,
    pub f64,
    #[privacy(collected_at)] pub std::time::SystemTime,
);

/// A switch, with no fields.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct RecallEnabled;

/// Push configuration with secrets.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct PushConfig {
    /// The package name.
    pub package: String,
    /// The app secret.
    #[privacy(secret)]
    pub app_secret: Secret<String>,
    /// The administrator's e-mail.
    #[privacy(redact = email)]
    pub admin: String,
    /// Skipped from every output.
    #[privacy(redact = skip)]
    pub certificate: Vec<u8>,
}

/// An end user's profile.
#[derive(Classified)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    /// The end user.
    #[privacy(subject)]
    pub user_id: u64,
    /// Nickname, partially shown.
    #[privacy(redact = partial(keep_last = 2))]
    pub nickname: String,
    /// Avatar, pseudonymised.
    #[privacy(redact = hash)]
    pub avatar_url: String,
    /// When it changed.
    #[privacy(collected_at)]
    pub updated: chrono::DateTime<chrono::Utc>,
}

/// A chat message, in every variant shape, between two users.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, erasure = delete_record)]
pub enum ChatMessage {
    /// Text.
    Text {
        /// Sender.
        #[privacy(subject)]
        from: u64,
        /// Receiver.
        #[privacy(subject)]
        to: u64,
        /// Content.
        #[privacy(redact)]
        text: String,
        /// Sent at.
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    /// A media reference.
    Media(
        #[privacy(subject)] u64,
        #[privacy(redact)] String,
        #[privacy(collected_at)] chrono::DateTime<chrono::Utc>,
    ),
}

/// Profiles synced together, nested.
#[derive(Classified)]
pub struct SyncBatch {
    /// The profiles.
    #[privacy(nested)]
    pub profiles: Vec<Profile>,
    /// An optional extra.
    #[privacy(nested)]
    pub extra: Option<Profile>,
}

/// Generic over its payload, with a lifetime and a const parameter.
#[derive(Classified)]
#[privacy(category = im::LogData, retention = "2d")]
pub struct Tagged<'a, T: Clone, const N: usize>
where
    T: Send,
{
    /// Borrowed interface name.
    pub interface: &'a str,
    /// Payload.
    pub payload: T,
    /// Tags, masked.
    #[privacy(redact)]
    pub tags: [u8; N],
    /// When.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A generic envelope around any classified value.
#[derive(Classified)]
#[privacy(category = im::LogData, legal_basis = contract)]
pub struct Envelope<T: Classified> {
    /// The wrapped value.
    #[privacy(nested)]
    pub inner: T,
    /// Hops taken.
    pub hops: u8,
}

/// Processed momentarily, never stored.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord, retention = ephemeral)]
pub struct Typing {
    /// Who types.
    #[privacy(subject)]
    pub user: String,
}

/// Local items named like the crates generated code refers to.
pub mod shadowing {
    use ::privacy_core::{Classified, im};

    /// A plain type whose derive must not be disturbed by the shadowing items.
    #[derive(Debug, ::serde::Serialize, ::privacy_core::Unclassified)]
    pub struct Tag(pub ::std::string::String);

    /// Shadows `core`.
    pub mod core {}
    /// Shadows `std`.
    pub mod std {}
    /// Shadows `privacy_core`.
    pub mod privacy_core {}
    /// Shadows the prelude's `Option`.
    pub struct Option;
    /// Shadows the prelude's `Some`.
    pub struct Some;

    /// A type derived beside the shadowing items.
    #[derive(Classified)]
    #[privacy(category = im::ConfigurationData)]
    pub struct Callback {
        /// The callback URL.
        #[privacy(redact)]
        pub url: String,
        /// Whether it is on.
        pub enabled: bool,
    }
}

/// The runtime reached through a re-export.
pub mod renamed {
    /// Where the application re-exports the runtime.
    pub mod vendor {
        pub use privacy_core as privacy;
    }

    /// A type whose derive is told where the runtime is.
    #[derive(privacy_core::Classified)]
    #[privacy(crate = "crate::renamed::vendor::privacy", category = vendor::privacy::im::LogData)]
    pub struct Line {
        /// Interface.
        pub interface: String,
        /// When.
        #[privacy(collected_at)]
        pub at: std::time::SystemTime,
    }
}
