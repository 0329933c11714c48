//! A day of simulated traffic for one tenant: request logs, exceptions, monitoring samples,
//! profile updates and chat messages, from a small deterministic generator (no randomness
//! crate: the same run prints the same numbers).

use crate::model::{
    ChatMessage, InterfaceException, InterfaceSample, MessageKind, RequestLog, UserProfile,
};
use crate::tenants::{Customer, at};
use chrono::{DateTime, Utc};

/// Interfaces the service exposes.
const INTERFACES: [&str; 6] = [
    "sendmsg",
    "getmsg",
    "login",
    "profile_set",
    "group_create",
    "friend_add",
];

/// Users of every tenant: `user-0` to `user-39`.
pub const USERS: usize = 40;

/// A linear congruential generator: enough variety for a demo, identical across runs.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Dice(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}

/// Everything one tenant produced on one day.
pub struct Day {
    pub requests: Vec<RequestLog>,
    pub exceptions: Vec<InterfaceException>,
    pub samples: Vec<InterfaceSample>,
    pub profiles: Vec<UserProfile>,
    pub messages: Vec<ChatMessage>,
}

pub fn user(index: u64) -> String {
    format!("user-{index}")
}

/// The traffic of `customer` on `day`.
pub fn day(customer: &Customer, start: DateTime<Utc>, day: i64, dice: &mut Dice) -> Day {
    let app_id = customer.app_id;
    let requests = (0..60)
        .map(|n| RequestLog {
            app_id,
            exit_ip: std::net::IpAddr::from([
                203,
                0,
                113,
                u8::try_from(dice.below(250)).unwrap_or(0),
            ]),
            interface: INTERFACES[usize::try_from(dice.below(6)).unwrap_or(0)].to_owned(),
            at: at(start, day, n * 23),
        })
        .collect();
    let exceptions = (0..3)
        .map(|n| InterfaceException {
            app_id,
            interface: "sendmsg".to_owned(),
            cause: format!(
                "receiver user-{} blocked the sender",
                dice.below(USERS as u64)
            ),
            at: at(start, day, 300 + n),
        })
        .collect();
    let samples = (0..24)
        .map(|hour| InterfaceSample {
            app_id,
            interface: INTERFACES[usize::try_from(hour % 6).unwrap_or(0)].to_owned(),
            success_rate: 0.95 + f64::from(u32::try_from(dice.below(50)).unwrap_or(0)) / 1_000.0,
            average_latency_ms: 20 + u32::try_from(dice.below(80)).unwrap_or(0),
            at: at(start, day, hour * 60),
        })
        .collect();
    let profiles = (0..4)
        .map(|n| {
            let who = dice.below(USERS as u64);
            UserProfile {
                app_id,
                user_id: user(who),
                nickname: format!("Nightingale {who}"),
                avatar_url: format!("https://cdn.example.com/avatars/{who}.png"),
                signature: "out of office".to_owned(),
                updated: at(start, day, 600 + n),
            }
        })
        .collect();
    let messages = (0..40)
        .map(|n| {
            let from = dice.below(USERS as u64);
            let to = (from + 1 + dice.below(USERS as u64 - 1)) % USERS as u64;
            let kind = match dice.below(10) {
                0 => MessageKind::Photo,
                1 => MessageKind::Audio,
                2 => MessageKind::Video,
                _ => MessageKind::Text,
            };
            let (text, media_key) = match kind {
                MessageKind::Text => (Some(format!("see you at {} o'clock", 8 + n % 10)), None),
                _ => (None, Some(format!("media/{app_id}/{day}/{n}"))),
            };
            ChatMessage {
                app_id,
                from: user(from),
                to: user(to),
                kind,
                text,
                media_key,
                sent: at(start, day, 700 + n),
            }
        })
        .collect();
    Day {
        requests,
        exceptions,
        samples,
        profiles,
        messages,
    }
}
