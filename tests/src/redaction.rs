//! Classified types with every redaction strategy on every supported field type, shared by the
//! redaction behaviour tests, the property tests and the benchmark.

use privacy_core::{Classified, Secret, im};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// One struct per text strategy, with the strategy on every text shape the toolkit supports.
macro_rules! text_forms {
    ($(#[$doc:meta] $name:ident => [$($strategy:tt)+]);+ $(;)?) => {$(
        #[$doc]
        #[derive(Classified)]
        #[privacy(category = im::ConfigurationData)]
        pub struct $name<'a> {
            /// An owned string.
            #[privacy($($strategy)+)]
            pub string: String,
            /// A borrowed string.
            #[privacy($($strategy)+)]
            pub borrowed: &'a str,
            /// A copy-on-write string.
            #[privacy($($strategy)+)]
            pub cow: Cow<'a, str>,
            /// An optional string.
            #[privacy($($strategy)+)]
            pub option: Option<String>,
            /// A list of strings.
            #[privacy($($strategy)+)]
            pub vec: Vec<String>,
            /// An ordered map.
            #[privacy($($strategy)+)]
            pub map: BTreeMap<String, String>,
            /// A hash map.
            #[privacy($($strategy)+)]
            pub hash_map: HashMap<String, String>,
        }

        impl<'a> $name<'a> {
            /// Every field holds `value` (maps under the key `key`).
            #[must_use]
            pub fn filled(value: &'a str, key: &str) -> Self {
                $name {
                    string: value.to_owned(),
                    borrowed: value,
                    cow: Cow::Borrowed(value),
                    option: Some(value.to_owned()),
                    vec: vec![value.to_owned(), value.to_owned()],
                    map: BTreeMap::from([(key.to_owned(), value.to_owned())]),
                    hash_map: HashMap::from([(key.to_owned(), value.to_owned())]),
                }
            }
        }
    )+};
}

text_forms! {
    /// `redact` (the full mask) on every text shape.
    MaskForms => [redact];
    /// `redact = partial(keep_last = 4)` on every text shape.
    PartialForms => [redact = partial(keep_last = 4)];
    /// `redact = email` on every text shape.
    EmailForms => [redact = email];
    /// `redact = ip` on every text shape.
    IpTextForms => [redact = ip];
    /// `redact = len` on every text shape.
    LenForms => [redact = len];
    /// `redact = hash` on every text shape.
    HashForms => [redact = hash];
    /// `redact = skip` on every text shape.
    SkipForms => [redact = skip];
}

/// `redact = ip` on every address type.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct IpForms {
    /// Either family.
    #[privacy(redact = ip)]
    pub ip: IpAddr,
    /// IPv4.
    #[privacy(redact = ip)]
    pub v4: Ipv4Addr,
    /// IPv6.
    #[privacy(redact = ip)]
    pub v6: Ipv6Addr,
    /// A socket address (the port is dropped).
    #[privacy(redact = ip)]
    pub socket: SocketAddr,
    /// An optional address.
    #[privacy(redact = ip)]
    pub option: Option<IpAddr>,
    /// Several addresses.
    #[privacy(redact = ip)]
    pub vec: Vec<IpAddr>,
    /// When the request arrived.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// `redact = hash` on integers.
#[derive(Classified)]
#[privacy(category = im::AccountIdentifiers)]
pub struct HashedIds {
    /// An unsigned id.
    #[privacy(redact = hash)]
    pub uin: u64,
    /// A signed id.
    #[privacy(redact = hash)]
    pub signed: i64,
    /// A small id.
    #[privacy(redact = hash)]
    pub small: u32,
    /// A pointer-sized id.
    #[privacy(redact = hash)]
    pub index: usize,
    /// An optional id.
    #[privacy(redact = hash)]
    pub option: Option<u64>,
    /// Several ids.
    #[privacy(redact = hash)]
    pub vec: Vec<u64>,
}

/// An application's configuration, with secrets.
#[derive(Classified)]
#[privacy(category = im::ConfigurationData)]
pub struct AppConfig {
    /// The application's name, shown.
    pub name: String,
    /// The app key.
    #[privacy(secret)]
    pub app_key: Secret<String>,
    /// The offline-push `AppSecret`, when configured.
    #[privacy(secret)]
    pub push_secret: Option<Secret<String>>,
    /// The administrator's e-mail.
    #[privacy(redact = email)]
    pub admin: String,
    /// The callback URL.
    #[privacy(redact)]
    pub callback_url: String,
}

/// An end user's chat message.
#[derive(Classified, Clone)]
#[privacy(category = im::ChatMessageRecord)]
pub struct ChatMessage {
    /// The sender, pseudonymised.
    #[privacy(subject, redact = hash)]
    pub sender: String,
    /// The recipient, pseudonymised.
    #[privacy(redact = hash)]
    pub recipient: String,
    /// The text, masked.
    #[privacy(redact)]
    pub text: String,
    /// Attachment URLs, masked.
    #[privacy(redact)]
    pub attachments: Vec<String>,
    /// When the message was sent.
    #[privacy(collected_at)]
    pub sent: chrono::DateTime<chrono::Utc>,
}

/// An end user's profile.
#[derive(Classified, Clone)]
#[privacy(category = im::UserInformation)]
pub struct Profile {
    /// The user.
    #[privacy(subject, redact = hash)]
    pub user_id: String,
    /// The nickname, partly shown.
    #[privacy(redact = partial(keep_last = 2))]
    pub nickname: String,
    /// The avatar URL, masked.
    #[privacy(redact)]
    pub avatar: Option<String>,
    /// When the profile was last written.
    #[privacy(collected_at)]
    pub updated: chrono::DateTime<chrono::Utc>,
}

/// A conversation: classified values inside a classified value.
#[derive(Classified)]
#[privacy(legal_basis = contract)]
pub struct Conversation {
    /// The user who opened it.
    #[privacy(nested)]
    pub owner: Profile,
    /// The other party, when known.
    #[privacy(nested)]
    pub peer: Option<Profile>,
    /// Its messages.
    #[privacy(nested)]
    pub messages: Vec<ChatMessage>,
}

/// Classified values in every container a `nested` field takes.
#[derive(Classified)]
#[privacy(legal_basis = contract)]
pub struct Directory {
    /// Profiles by a shown, unclassified key.
    #[privacy(nested)]
    pub by_name: HashMap<String, Profile>,
    /// Messages by rank.
    #[privacy(nested)]
    pub by_rank: BTreeMap<u32, Vec<ChatMessage>>,
    /// A shared profile.
    #[privacy(nested)]
    pub shared: std::sync::Arc<Profile>,
    /// A pair of messages.
    #[privacy(nested)]
    pub pair: [ChatMessage; 2],
    /// Profiles, when known.
    #[privacy(nested)]
    pub later: Option<Vec<Profile>>,
}

/// An interface request, kept 7 days.
#[derive(Classified)]
#[privacy(category = im::LogData)]
pub struct RequestLog {
    /// The caller's public exit IP.
    #[privacy(redact = ip)]
    pub client_ip: IpAddr,
    /// The interface called.
    pub interface: String,
    /// The exception's cause, if any.
    #[privacy(redact = len)]
    pub error: Option<String>,
    /// When the request arrived.
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A classified enum: the variant name shows, redacted fields do not.
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
pub enum Event {
    /// A message was sent.
    Sent {
        /// The sender.
        #[privacy(subject, redact = hash)]
        sender: String,
        /// The text.
        #[privacy(redact)]
        text: String,
        /// When.
        #[privacy(collected_at)]
        at: chrono::DateTime<chrono::Utc>,
    },
    /// A message was recalled.
    Recalled(
        #[privacy(subject, redact = hash)] String,
        #[privacy(redact = len)] String,
        #[privacy(collected_at)] chrono::DateTime<chrono::Utc>,
    ),
}
