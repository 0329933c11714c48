//! Property tests: for arbitrary field values (Unicode, JSON and format metacharacters, text
//! that contains the masks themselves, addresses), no redacted or secret value, nor any run of 4
//! or more of its characters that its strategy does not keep, appears in `Debug`, alternate
//! `Debug`, `Display`, JSON or `tracing` output. Each property prints how many cases it ran, and
//! the last one to finish prints the total.
//!
//! Cases per property: 1 000 by default (a few seconds), `PRIVACY_REDACTION_PROP_CASES` for more
//! (CI runs 9 100 each, 100 100 in all).

use chrono::DateTime;
use privacy_core::{Classified, Secret};
use privacy_tests::redaction::{
    AppConfig, ChatMessage, Conversation, Directory, EmailForms, HashForms, IpForms, IpTextForms,
    LenForms, MaskForms, PartialForms, Profile, SkipForms,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};
use std::fmt::Debug;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Cases per property: `PRIVACY_REDACTION_PROP_CASES`, else 1 000.
fn case_count() -> u32 {
    std::env::var("PRIVACY_REDACTION_PROP_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(1_000)
}

const PROPERTIES: u64 = 11;

static TOTAL: AtomicU64 = AtomicU64::new(0);
static FINISHED: AtomicU64 = AtomicU64::new(0);

/// Counts one property's cases and prints the count (and the total, after the last property).
struct Counter {
    name: &'static str,
    cases: AtomicU64,
}

impl Counter {
    const fn new(name: &'static str) -> Self {
        Counter {
            name,
            cases: AtomicU64::new(0),
        }
    }

    fn tick(&self) {
        self.cases.fetch_add(1, Ordering::Relaxed);
        TOTAL.fetch_add(1, Ordering::Relaxed);
    }

    fn report(&self) {
        let cases = self.cases.load(Ordering::Relaxed);
        println!("property {}: {cases} cases", self.name);
        assert!(
            cases >= u64::from(case_count()),
            "{} ran only {cases} cases",
            self.name
        );
        if FINISHED.fetch_add(1, Ordering::SeqCst) + 1 == PROPERTIES {
            println!(
                "redaction properties: {} cases in total",
                TOTAL.load(Ordering::Relaxed)
            );
        }
    }
}

/// A writer that keeps what a `tracing` subscriber formats.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Every output of a value: `Debug`, alternate `Debug` of the view, `Display`, `tracing`
/// (through `%view`, `?value` and `traced()`), and the strings inside its JSON, decoded.
struct Outputs {
    text: String,
    json: String,
    json_strings: Vec<String>,
}

fn collect_strings(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => into.push(text.clone()),
        serde_json::Value::Array(items) => {
            items.iter().for_each(|item| collect_strings(item, into))
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                into.push(key.clone());
                collect_strings(item, into);
            }
        }
        _ => {}
    }
}

thread_local! {
    /// One formatting subscriber per test thread, writing into a buffer that each call to
    /// [`outputs`] empties and reads.
    static TRACED: (Captured, tracing::subscriber::DefaultGuard) = {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .without_time()
            .with_target(false)
            .finish();
        (captured, tracing::subscriber::set_default(subscriber))
    };
}

fn outputs<T: Classified + Debug>(value: &T) -> Outputs {
    let traced = TRACED.with(|(captured, _)| {
        captured.0.lock().unwrap().clear();
        tracing::info!(view = value.redacted().traced(), debug = ?value, "event");
        String::from_utf8(captured.0.lock().unwrap().clone()).unwrap()
    });
    let json = serde_json::to_string(&value.redacted()).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("the view is valid JSON");
    let mut json_strings = Vec::new();
    collect_strings(&parsed, &mut json_strings);
    let debug = format!("{value:?}");
    // Hash tokens are hex digits that vary with the value by design; a value's hex digits may
    // meet them by chance, so they are replaced by a placeholder before any comparison.
    Outputs {
        text: normalise(
            &[
                debug,
                format!("{:#?}", value.redacted()),
                value.redacted().to_string(),
                traced,
            ]
            .join("\u{0}"),
        ),
        json: normalise(&json),
        json_strings: json_strings.iter().map(|text| normalise(text)).collect(),
    }
}

/// Hash tokens and lengths vary with the value by design; they are replaced by placeholders
/// before outputs are compared with one another.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("h:") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        if after.len() >= 24 && after.as_bytes()[..24].iter().all(u8::is_ascii_hexdigit) {
            out.push_str("h:TOKEN");
            rest = &after[24..];
        } else {
            out.push_str("h:");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `text` as it appears inside a JSON string (serde_json's escapes).
fn json_escaped(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Asserts that no run of 4 characters of `value` appears in `outputs`, in clear or escaped as
/// `Debug` or JSON would escape it, unless it is part of `kept` (what the strategy shows on
/// purpose) or of one of `baselines` (the outputs of neutral values: type and field names,
/// masks, punctuation).
fn assert_no_leak(value: &str, kept: &[String], outputs: &Outputs, baselines: &[&Outputs]) {
    let chars: Vec<char> = value.chars().collect();
    let mut kept_forms: Vec<String> = Vec::new();
    for kept in kept {
        kept_forms.push(kept.clone());
        kept_forms.push(kept.escape_debug().to_string());
        kept_forms.push(json_escaped(kept));
    }
    let mut allowed: Vec<&str> = kept_forms.iter().map(String::as_str).collect();
    for baseline in baselines {
        allowed.push(&baseline.text);
        allowed.push(&baseline.json);
        allowed.extend(baseline.json_strings.iter().map(String::as_str));
    }
    // What the strategy keeps is cut out of the outputs first, so that a window that meets
    // the kept text only where escaping joins it to the punctuation around it is not taken
    // for a leak.
    let scrub = |text: &str| {
        kept_forms
            .iter()
            .filter(|form| !form.is_empty())
            .fold(text.to_owned(), |text, form| {
                text.replace(form.as_str(), "\u{ffff}")
            })
    };
    let scrubbed;
    let outputs = if kept_forms.is_empty() {
        outputs
    } else {
        scrubbed = Outputs {
            text: scrub(&outputs.text),
            json: scrub(&outputs.json),
            json_strings: outputs
                .json_strings
                .iter()
                .map(|text| scrub(text))
                .collect(),
        };
        &scrubbed
    };
    for window in chars.windows(4) {
        let window: String = window.iter().collect();
        let shown = window.escape_debug().to_string();
        let escaped = json_escaped(&window);
        // Text outputs show strings `Debug`-escaped and JSON shows them JSON-escaped, so a
        // window is looked for in those forms, and in clear inside the decoded JSON strings.
        // Most windows appear nowhere: only those that do are compared with what is allowed.
        let in_text = outputs.text.contains(shown.as_str());
        let in_json = outputs.json.contains(escaped.as_str())
            || outputs
                .json_strings
                .iter()
                .any(|decoded| decoded.contains(&window));
        if !in_text && !in_json {
            continue;
        }
        let forms = [window.as_str(), shown.as_str(), escaped.as_str()];
        let allowed_here = forms
            .iter()
            .any(|form| allowed.iter().any(|text| text.contains(form)));
        assert!(
            allowed_here,
            "{window:?} of {value:?} leaks into:\n{}\n{}",
            outputs.text, outputs.json
        );
    }
}

/// Arbitrary text: any Unicode (up to 32 characters), metacharacters, the masks themselves, e-mail-like text and
/// addresses.
fn text() -> impl Strategy<Value = String> {
    let meta = "[a-z0-9\"\\\\{}\\[\\]:,=\n\t %@.*<>()#éß日本語\u{1F600}\u{202E}]{0,24}";
    prop_oneof![
        2 => "(?s:.{0,32})",
        2 => meta,
        2 => (
            meta,
            prop::sample::select(vec!["[redacted]", "[secret]", "***", "h:", "<3 chars>", "Some(", "\\\"", "={"]),
            meta
        )
            .prop_map(|(a, mask, b)| format!("{a}{mask}{b}")),
        2 => "[a-z0-9.\"=%\\\\ ]{1,16}@[a-zé0-9.\"=\\-\\\\]{1,16}",
        1 => address().prop_map(|ip| ip.to_string()),
        1 => any::<SocketAddr>().prop_map(|socket| format!(" {socket} ")),
    ]
}

/// Text strategies whose output does not depend on the value at all (mask, skip), or only
/// through a hash token or a length.
fn assert_value_independent(out: &Outputs, baseline: &Outputs) {
    assert_eq!(normalise(&out.text), normalise(&baseline.text));
    assert_eq!(normalise(&out.json), normalise(&baseline.json));
}

static MASK: Counter = Counter::new("mask");
static SKIP: Counter = Counter::new("skip");
static LEN: Counter = Counter::new("len");
static HASH: Counter = Counter::new("hash");
static PARTIAL: Counter = Counter::new("partial");
static EMAIL: Counter = Counter::new("email");
static IP_TEXT: Counter = Counter::new("ip (text)");
static IP_TYPES: Counter = Counter::new("ip (address types)");
static SECRET: Counter = Counter::new("secret");
static NESTED: Counter = Counter::new("nested");
static CONTAINERS: Counter = Counter::new("nested, in maps, arrays and Arcs");
static ENUM_TUPLE: Counter = Counter::new("len and hash, tuple variant");

/// Runs one property for [`case_count`] cases, counting them, and reports the count.
fn run<S: Strategy>(
    counter: &'static Counter,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |value| {
        counter.tick();
        test(value)
    });
    if let Err(error) = result {
        panic!("property {}: {error}", counter.name);
    }
    counter.report();
}

fn config() -> Config {
    Config {
        cases: case_count(),
        failure_persistence: None,
        // The default ChaCha generator dominates the run time of an unoptimised build.
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    }
}

/// The network an address is truncated to, computed here from the policy: IPv4 /24; IPv6 /48,
/// or, for an IPv6 address carrying an IPv4 address, that address's /24.
fn network(address: IpAddr) -> String {
    let v4 = match address {
        IpAddr::V4(v4) => v4,
        IpAddr::V6(v6) => match carried(v6) {
            Some(v4) => v4,
            None => {
                let s = v6.segments();
                return format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0));
            }
        },
    };
    let [a, b, c, _] = v4.octets();
    format!("{a}.{b}.{c}.0/24")
}

/// The IPv4 address in the low 32 bits, or (6to4) bits 16 to 48, by prefix and mask.
fn carried(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let bits = u128::from(v6);
    #[allow(clippy::cast_possible_truncation)]
    let low = Ipv4Addr::from(bits as u32);
    let prefix = |value: u128, length: u32| bits >> (128 - length) == value >> (128 - length);
    if prefix(0xffff << 32, 96)
        || prefix(0xffff << 48, 96)
        || prefix(0x0064_ff9b << 96, 96)
        || (prefix(0, 96) && bits > 1)
    {
        Some(low)
    } else if prefix(0x2002 << 112, 16) {
        #[allow(clippy::cast_possible_truncation)]
        Some(Ipv4Addr::from((bits >> 80) as u32))
    } else if prefix(0x2001 << 112, 32) {
        Some(Ipv4Addr::from(!u32::from(low)))
    } else if (bits >> 32) & 0xfdff_ffff == 0x5efe {
        Some(low)
    } else {
        None
    }
}

/// Any address, or one carrying an IPv4 address in one of the standard IPv6 forms.
fn address() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        2 => any::<IpAddr>(),
        1 => (any::<Ipv4Addr>(), any::<u64>(), 0..7_u8).prop_map(|(v4, noise, form)| {
            let v4 = u128::from(u32::from(v4));
            let noise = u128::from(noise);
            let bits = match form {
                0 => (0xffff << 32) | v4,
                1 => (0xffff << 48) | v4,
                2 => v4,
                3 => (0x0064_ff9b << 96) | v4,
                4 => (0x2002 << 112) | (v4 << 80) | noise,
                5 => (0x2001 << 112) | ((noise >> 32) << 32) | (!v4 & 0xffff_ffff),
                _ => (noise << 64) | (0x5efe << 32) | v4,
            };
            IpAddr::V6(Ipv6Addr::from(bits))
        }),
    ]
}

#[test]
fn mask_shows_nothing_of_the_value() {
    let baseline = outputs(&MaskForms::filled("", ""));
    run(&MASK, (text(), text()), |(value, key)| {
        let out = outputs(&MaskForms::filled(&value, &key));
        assert_value_independent(&out, &baseline);
        assert_no_leak(&value, &[], &out, &[&baseline]);
        assert_no_leak(&key, &[], &out, &[&baseline]);
        Ok(())
    });
}

#[test]
fn skip_leaves_the_field_out() {
    let baseline = outputs(&SkipForms::filled("", ""));
    run(&SKIP, (text(), text()), |(value, key)| {
        let out = outputs(&SkipForms::filled(&value, &key));
        assert_value_independent(&out, &baseline);
        assert_no_leak(&value, &[], &out, &[&baseline]);
        Ok(())
    });
}

#[test]
fn len_shows_only_the_length() {
    run(&LEN, (text(), text()), |(value, key)| {
        let out = outputs(&LenForms::filled(&value, &key));
        let same_length: String = "x".repeat(value.chars().count());
        let baseline = outputs(&LenForms::filled(&same_length, ""));
        assert_value_independent(&out, &baseline);
        assert_no_leak(&value, &[], &out, &[&baseline]);
        assert_no_leak(&key, &[], &out, &[&baseline]);
        Ok(())
    });
}

#[test]
fn hash_shows_only_a_token() {
    let baseline = outputs(&HashForms::filled("", ""));
    run(&HASH, (text(), text()), |(value, key)| {
        let out = outputs(&HashForms::filled(&value, &key));
        assert_value_independent(&out, &baseline);
        assert_no_leak(&value, &[], &out, &[&baseline]);
        assert_no_leak(&key, &[], &out, &[&baseline]);
        let again = outputs(&HashForms::filled(&value, "other"));
        prop_assert_eq!(
            &out.json_strings[1],
            &again.json_strings[1],
            "equal inputs, equal tokens"
        );
        Ok(())
    });
}

#[test]
fn partial_shows_only_the_last_characters() {
    let neutral = outputs(&PartialForms::filled("abcdefghijkl", ""));
    let masked = outputs(&PartialForms::filled("", ""));
    run(&PARTIAL, (text(), text()), |(value, key)| {
        let count = value.chars().count();
        let out = outputs(&PartialForms::filled(&value, &key));
        let kept = if count > 8 {
            let tail: String = value.chars().skip(count - 4).collect();
            let shown = format!("***{tail}");
            prop_assert!(
                out.json_strings.contains(&shown),
                "{} lacks {:?}",
                out.json,
                shown
            );
            vec![shown]
        } else {
            assert_value_independent(&out, &masked);
            vec![]
        };
        assert_no_leak(&value, &kept, &out, &[&neutral, &masked]);
        assert_no_leak(&key, &kept, &out, &[&neutral, &masked]);
        Ok(())
    });
}

/// The policy's domain, restated: dot-separated labels of 1 to 63 ASCII letters, digits and
/// inner hyphens, at least two, 253 characters at most, the last not all digits.
fn well_formed_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|top| !top.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn email_shows_only_the_domain() {
    let neutral = outputs(&EmailForms::filled("a@b.example", ""));
    let masked = outputs(&EmailForms::filled("", ""));
    run(&EMAIL, (text(), text()), |(value, key)| {
        let out = outputs(&EmailForms::filled(&value, &key));
        let kept = match value.rsplit_once('@') {
            Some((local, domain)) if !local.is_empty() && well_formed_domain(domain) => {
                let shown = format!("***@{domain}");
                prop_assert!(
                    out.json_strings.contains(&shown),
                    "{} lacks {:?}",
                    out.json,
                    shown
                );
                vec![shown]
            }
            _ => {
                assert_value_independent(&out, &masked);
                vec![]
            }
        };
        assert_no_leak(&value, &kept, &out, &[&neutral, &masked]);
        assert_no_leak(&key, &kept, &out, &[&neutral, &masked]);
        Ok(())
    });
}

#[test]
fn ip_text_shows_only_the_network() {
    let neutral = outputs(&IpTextForms::filled("192.0.2.1", ""));
    let masked = outputs(&IpTextForms::filled("", ""));
    let neutral_v6 = outputs(&IpTextForms::filled("2001:db8::1", ""));
    run(&IP_TEXT, (text(), text()), |(value, key)| {
        let out = outputs(&IpTextForms::filled(&value, &key));
        let trimmed = value.trim();
        let address = trimmed
            .parse::<IpAddr>()
            .ok()
            .or_else(|| trimmed.parse::<SocketAddr>().ok().map(|socket| socket.ip()));
        let kept = match address {
            Some(address) => {
                let shown = network(address);
                prop_assert!(
                    out.json_strings.contains(&shown),
                    "{} lacks {:?}",
                    out.json,
                    shown
                );
                vec![shown]
            }
            None => {
                assert_value_independent(&out, &masked);
                vec![]
            }
        };
        assert_no_leak(&value, &kept, &out, &[&neutral, &masked, &neutral_v6]);
        assert_no_leak(&key, &kept, &out, &[&neutral, &masked, &neutral_v6]);
        Ok(())
    });
}

#[test]
fn ip_types_show_only_the_network() {
    let neutral = outputs(&IpForms {
        ip: [192, 0, 2, 1].into(),
        v4: [192, 0, 2, 1].into(),
        v6: Ipv6Addr::LOCALHOST,
        socket: ([192, 0, 2, 1], 80).into(),
        option: Some([192, 0, 2, 1].into()),
        vec: vec![Ipv6Addr::LOCALHOST.into()],
        at: DateTime::UNIX_EPOCH,
    });
    run(
        &IP_TYPES,
        (
            address(),
            any::<Ipv4Addr>(),
            address().prop_map(|address| match address {
                IpAddr::V4(v4) => v4.to_ipv6_mapped(),
                IpAddr::V6(v6) => v6,
            }),
            (address(), any::<u16>()).prop_map(SocketAddr::from),
            prop::option::of(address()),
            prop::collection::vec(address(), 0..3),
        ),
        |(ip, v4, v6, socket, option, vec)| {
            let value = IpForms {
                ip,
                v4,
                v6,
                socket,
                option,
                vec: vec.clone(),
                at: DateTime::UNIX_EPOCH,
            };
            let out = outputs(&value);
            let networks: Vec<String> = [ip, IpAddr::V4(v4), IpAddr::V6(v6), socket.ip()]
                .into_iter()
                .chain(option)
                .chain(vec.iter().copied())
                .map(network)
                .collect();
            for shown in &networks {
                prop_assert!(
                    out.json_strings.contains(shown),
                    "{} lacks {:?}",
                    out.json,
                    shown
                );
            }
            for address in [ip, IpAddr::V4(v4), IpAddr::V6(v6), socket.ip()]
                .into_iter()
                .chain(option)
                .chain(vec)
            {
                assert_no_leak(&address.to_string(), &networks, &out, &[&neutral]);
            }
            assert_no_leak(&socket.to_string(), &networks, &out, &[&neutral]);
            Ok(())
        },
    );
}

#[test]
fn secrets_show_only_the_secret_mask() {
    let baseline = outputs(&AppConfig {
        name: "demo".into(),
        app_key: Secret::new(String::new()),
        push_secret: None,
        admin: "root@ops.example".into(),
        callback_url: "https://cb.example/".into(),
    });
    run(
        &SECRET,
        (text(), proptest::option::of(text())),
        |(app_key, push)| {
            let config = AppConfig {
                name: "demo".into(),
                app_key: Secret::new(app_key.clone()),
                push_secret: push.clone().map(Secret::new),
                admin: "root@ops.example".into(),
                callback_url: "https://cb.example/".into(),
            };
            let out = outputs(&config);
            assert_value_independent(&out, &baseline);
            assert_no_leak(&app_key, &[], &out, &[&baseline]);
            if let Some(push) = &push {
                assert_no_leak(push, &[], &out, &[&baseline]);
            }
            Ok(())
        },
    );
}

#[test]
fn nested_values_show_only_their_views() {
    let neutral_profile = Profile {
        user_id: String::new(),
        nickname: "abcdefgh".into(),
        avatar: Some(String::new()),
        updated: DateTime::UNIX_EPOCH,
    };
    let neutral = outputs(&Conversation {
        owner: neutral_profile.clone(),
        peer: Some(neutral_profile),
        messages: vec![ChatMessage {
            sender: String::new(),
            recipient: String::new(),
            text: String::new(),
            attachments: vec![String::new()],
            sent: DateTime::UNIX_EPOCH,
        }],
    });
    run(
        &NESTED,
        (text(), text(), text(), text()),
        |(text_value, nickname, user, attachment)| {
            let profile = Profile {
                user_id: user.clone(),
                nickname: nickname.clone(),
                avatar: Some(attachment.clone()),
                updated: DateTime::UNIX_EPOCH,
            };
            let conversation = Conversation {
                owner: profile.clone(),
                peer: Some(profile),
                messages: vec![ChatMessage {
                    sender: user.clone(),
                    recipient: nickname.clone(),
                    text: text_value.clone(),
                    attachments: vec![attachment.clone()],
                    sent: DateTime::UNIX_EPOCH,
                }],
            };
            let out = outputs(&conversation);
            let count = nickname.chars().count();
            let kept: Vec<String> = if count > 4 {
                vec![format!(
                    "***{}",
                    nickname.chars().skip(count - 2).collect::<String>()
                )]
            } else {
                vec![]
            };
            assert_no_leak(&text_value, &kept, &out, &[&neutral]);
            assert_no_leak(&attachment, &kept, &out, &[&neutral]);
            assert_no_leak(&user, &kept, &out, &[&neutral]);
            assert_no_leak(&nickname, &kept, &out, &[&neutral]);
            Ok(())
        },
    );
}

#[test]
fn nested_values_in_containers_show_only_their_views() {
    let profile = |user: &str, nickname: &str, attachment: &str| Profile {
        user_id: user.to_owned(),
        nickname: nickname.to_owned(),
        avatar: Some(attachment.to_owned()),
        updated: DateTime::UNIX_EPOCH,
    };
    let message = |user: &str, nickname: &str, text: &str, attachment: &str| ChatMessage {
        sender: user.to_owned(),
        recipient: nickname.to_owned(),
        text: text.to_owned(),
        attachments: vec![attachment.to_owned()],
        sent: DateTime::UNIX_EPOCH,
    };
    let directory = |user: &str, nickname: &str, text: &str, attachment: &str| Directory {
        by_name: std::collections::HashMap::from([(
            "key".to_owned(),
            profile(user, nickname, attachment),
        )]),
        by_rank: std::collections::BTreeMap::from([(
            1,
            vec![message(user, nickname, text, attachment)],
        )]),
        shared: std::sync::Arc::new(profile(user, nickname, attachment)),
        pair: [
            message(user, nickname, text, attachment),
            message(user, nickname, text, attachment),
        ],
        later: Some(vec![profile(user, nickname, attachment)]),
    };
    let neutral = outputs(&directory("", "abcdefgh", "", ""));
    run(
        &CONTAINERS,
        (text(), text(), text(), text()),
        |(text_value, nickname, user, attachment)| {
            let out = outputs(&directory(&user, &nickname, &text_value, &attachment));
            let count = nickname.chars().count();
            let kept: Vec<String> = if count > 4 {
                vec![format!(
                    "***{}",
                    nickname.chars().skip(count - 2).collect::<String>()
                )]
            } else {
                vec![]
            };
            assert_no_leak(&text_value, &kept, &out, &[&neutral]);
            assert_no_leak(&attachment, &kept, &out, &[&neutral]);
            assert_no_leak(&user, &kept, &out, &[&neutral]);
            assert_no_leak(&nickname, &kept, &out, &[&neutral]);
            Ok(())
        },
    );
}

#[test]
fn enum_variants_redact_their_fields() {
    run(&ENUM_TUPLE, (text(), text()), |(sender, text_value)| {
        let event = privacy_tests::redaction::Event::Recalled(
            sender.clone(),
            text_value.clone(),
            DateTime::UNIX_EPOCH,
        );
        let out = outputs(&event);
        let baseline = outputs(&privacy_tests::redaction::Event::Recalled(
            String::new(),
            "x".repeat(text_value.chars().count()),
            DateTime::UNIX_EPOCH,
        ));
        assert_value_independent(&out, &baseline);
        assert_no_leak(&sender, &[], &out, &[&baseline]);
        assert_no_leak(&text_value, &[], &out, &[&baseline]);
        Ok(())
    });
}
