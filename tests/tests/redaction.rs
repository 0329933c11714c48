//! Every redaction strategy on every supported field type, through every output path: the
//! derived `Debug`, the redacted view's `Debug`, `Display` (logfmt) and `Serialize` (JSON).

use chrono::DateTime;
use privacy_core::{Classified, Secret};
use privacy_tests::redaction::{
    AppConfig, ChatMessage, Conversation, EmailForms, Event, HashForms, HashedIds, IpForms,
    IpTextForms, LenForms, MaskForms, PartialForms, Profile, SkipForms,
};
use std::net::{IpAddr, Ipv6Addr};

/// The four outputs of a classified value.
struct Outputs {
    debug: String,
    view_debug: String,
    display: String,
    json: String,
}

fn outputs<T: Classified + std::fmt::Debug>(value: &T) -> Outputs {
    let outputs = Outputs {
        debug: format!("{value:?}"),
        view_debug: format!("{:?}", value.redacted()),
        display: value.redacted().to_string(),
        json: serde_json::to_string(&value.redacted()).expect("a redacted view serializes"),
    };
    assert_eq!(
        outputs.debug, outputs.view_debug,
        "the derived Debug is the redacted view's Debug"
    );
    outputs
}

fn assert_absent(outputs: &Outputs, needles: &[&str]) {
    for needle in needles {
        for (path, text) in [
            ("Debug", &outputs.debug),
            ("alternate Debug", &outputs.view_debug),
            ("Display", &outputs.display),
            ("JSON", &outputs.json),
        ] {
            assert!(!text.contains(needle), "{path} shows {needle:?}: {text}");
        }
    }
}

const EMAIL: &str = "alice.liddell@wonder.example";

fn every_text_field(template: &str) -> String {
    [
        "string", "borrowed", "cow", "option", "vec", "map", "hash_map",
    ]
    .iter()
    .map(|field| template.replace("{field}", field))
    .collect::<Vec<_>>()
    .join("")
}

#[test]
fn full_mask_hides_value_length_and_presence_on_every_text_shape() {
    let long = outputs(&MaskForms::filled(EMAIL, "map-key"));
    let short = outputs(&MaskForms::filled("x", "k"));
    assert_eq!(
        long.debug,
        "MaskForms { string: [redacted], borrowed: [redacted], cow: [redacted], option: [redacted], vec: [redacted], map: [redacted], hash_map: [redacted] }"
    );
    assert_eq!(
        long.json,
        r#"{"string":"[redacted]","borrowed":"[redacted]","cow":"[redacted]","option":"[redacted]","vec":"[redacted]","map":"[redacted]","hash_map":"[redacted]"}"#
    );
    assert_eq!(
        long.display,
        format!("MaskForms{}", every_text_field(" {field}=[redacted]"))
    );
    for (a, b) in [
        (&long.debug, &short.debug),
        (&long.display, &short.display),
        (&long.json, &short.json),
    ] {
        assert_eq!(a, b, "the mask must not depend on the value");
    }
    let mut empty = MaskForms::filled("", "k");
    empty.option = None;
    empty.vec.clear();
    assert_eq!(
        outputs(&empty).json,
        long.json,
        "nor on whether an option or list is empty"
    );
    assert_absent(&long, &[EMAIL, "alice", "wonder", "map-key"]);
}

#[test]
fn partial_keeps_only_the_last_characters_and_masks_short_values() {
    let shown = outputs(&PartialForms::filled(EMAIL, "map-key"));
    assert_eq!(
        shown.json,
        r#"{"string":"***mple","borrowed":"***mple","cow":"***mple","option":"***mple","vec":["***mple","***mple"],"map":[["[redacted]","***mple"]],"hash_map":[["[redacted]","***mple"]]}"#
    );
    assert_eq!(
        shown.debug,
        r#"PartialForms { string: "***mple", borrowed: "***mple", cow: "***mple", option: Some("***mple"), vec: ["***mple", "***mple"], map: [([redacted], "***mple")], hash_map: [([redacted], "***mple")] }"#
    );
    assert_eq!(
        shown.display,
        r#"PartialForms string="***mple" borrowed="***mple" cow="***mple" option=Some("***mple") vec=["***mple", "***mple"] map=[([redacted], "***mple")] hash_map=[([redacted], "***mple")]"#
    );
    assert_absent(&shown, &[EMAIL, "alice", "wonder", "map-key", ".example"]);
    // Eight characters or fewer would show half the value or more: masked whole.
    let short = outputs(&PartialForms::filled("12345678", "k"));
    assert!(
        short.json.starts_with(r#"{"string":"[redacted]""#),
        "{}",
        short.json
    );
    assert_absent(&short, &["5678"]);
    // Characters, not bytes: multi-byte text is cut on character boundaries.
    let unicode = outputs(&PartialForms::filled("日本語のメッセージ本文", "k"));
    assert!(
        unicode.json.starts_with(r#"{"string":"***ジ本文""#)
            || unicode.json.starts_with(r#"{"string":"***ージ本文""#),
        "{}",
        unicode.json
    );
    assert_absent(&unicode, &["日本語の"]);
}

#[test]
fn email_keeps_only_the_domain() {
    let shown = outputs(&EmailForms::filled(EMAIL, "map-key"));
    assert_eq!(
        shown.json,
        r#"{"string":"***@wonder.example","borrowed":"***@wonder.example","cow":"***@wonder.example","option":"***@wonder.example","vec":["***@wonder.example","***@wonder.example"],"map":[["[redacted]","***@wonder.example"]],"hash_map":[["[redacted]","***@wonder.example"]]}"#
    );
    assert_eq!(
        shown.display,
        r#"EmailForms string="***@wonder.example" borrowed="***@wonder.example" cow="***@wonder.example" option=Some("***@wonder.example") vec=["***@wonder.example", "***@wonder.example"] map=[([redacted], "***@wonder.example")] hash_map=[([redacted], "***@wonder.example")]"#
    );
    assert_absent(&shown, &["alice", "liddell", "map-key"]);
    // Text that is no address, or whose domain is not well formed, is masked whole.
    for not_an_address in [
        "no address here",
        "@domain.only",
        "local@",
        "a@b c",
        "x@Alice-4242",
        "ann@example.com?token=abc",
        "ann@example.com ",
        "ann@example.com>",
        "ann@[203.0.113.7]",
        "ann@203.0.113.7",
        "ann@-bad.example",
        "ann@bad-.example",
        "ann@exa_mple.com",
        "ann@a..example",
        "ann@example.",
        "ann@.example",
        "ann@example.com/path",
        "ann@example.com;secret=1",
        "ann@user:pass.example",
    ] {
        let masked = outputs(&EmailForms::filled(not_an_address, "k"));
        assert!(
            masked.json.starts_with(r#"{"string":"[redacted]""#),
            "{not_an_address:?}: {}",
            masked.json
        );
    }
    for (address, kept) in [
        ("ann@mail.example.co.uk", "***@mail.example.co.uk"),
        ("ANN@Example.COM", "***@Example.COM"),
        ("a@xn--bcher-kva.example", "***@xn--bcher-kva.example"),
        ("a@x-1.example", "***@x-1.example"),
    ] {
        let shown = outputs(&EmailForms::filled(address, "k"));
        assert!(
            shown.json.starts_with(&format!(r#"{{"string":"{kept}""#)),
            "{address:?}: {}",
            shown.json
        );
    }
    // An address whose local part holds an `@` keeps only what follows the last one.
    let quoted = outputs(&EmailForms::filled("\"a@b\"@host.example", "k"));
    assert!(
        quoted.json.starts_with(r#"{"string":"***@host.example""#),
        "{}",
        quoted.json
    );
}

/// 203.0.113.77 carried in every standard IPv6 form: each shows the IPv4 address's /24 and
/// nothing more, as an address type and as text.
#[test]
fn ipv6_forms_carrying_an_ipv4_address_show_at_most_its_24() {
    let forms = [
        ("6to4", "2002:cb00:714d:1::1"),
        ("6to4, other subnet", "2002:cb00:714d:ffff:1:2:3:4"),
        ("IPv4-mapped", "::ffff:203.0.113.77"),
        ("IPv4-translated", "::ffff:0:203.0.113.77"),
        ("IPv4-compatible", "::203.0.113.77"),
        ("NAT64 well-known prefix", "64:ff9b::203.0.113.77"),
        // The client 203.0.113.77 inverted (34ff:8eb2); the server 198.51.100.1.
        ("Teredo", "2001:0:c633:6401:8000:f227:34ff:8eb2"),
        ("ISATAP", "2001:db8:1:2:0:5efe:203.0.113.77"),
        ("ISATAP, global id", "fe80::200:5efe:203.0.113.77"),
    ];
    for (form, text) in forms {
        let address: Ipv6Addr = text.parse().unwrap();
        let value = IpForms {
            ip: address.into(),
            v4: "198.51.100.9".parse().unwrap(),
            v6: address,
            socket: (address, 443).into(),
            option: Some(address.into()),
            vec: vec![address.into()],
            at: DateTime::UNIX_EPOCH,
        };
        let shown = outputs(&value);
        assert_eq!(
            shown.json,
            r#"{"ip":"203.0.113.0/24","v4":"198.51.100.0/24","v6":"203.0.113.0/24","socket":"203.0.113.0/24","option":"203.0.113.0/24","vec":["203.0.113.0/24"],"at":"1970-01-01T00:00:00Z"}"#,
            "{form}"
        );
        assert_absent(&shown, &[".77", "cb00", "714d", "c633", "6401", "34ff"]);
        let as_text = outputs(&IpTextForms::filled(&format!("[{text}]:443"), "k"));
        assert!(
            as_text.json.starts_with(r#"{"string":"203.0.113.0/24""#),
            "{form}: {}",
            as_text.json
        );
    }
    // The local-use NAT64 prefix embeds after its 48 bits (here as a /48 network-specific
    // prefix would): the /48 shows none of the address.
    let local_nat64: IpAddr = "64:ff9b:1:cb00:71:4d00::".parse().unwrap();
    let shown = outputs(&IpTextForms::filled(&local_nat64.to_string(), "k"));
    assert!(
        shown.json.starts_with(r#"{"string":"64:ff9b:1::/48""#),
        "{}",
        shown.json
    );
    // Addresses carrying none keep their /48; `::` and `::1` are not IPv4-compatible.
    for (text, network) in [
        ("2001:db8:aaaa:bbbb::1", "2001:db8:aaaa::/48"),
        ("::1", "::/48"),
        ("::", "::/48"),
        ("2001:db8:0:0:1:5efe:c000:201", "2001:db8::/48"),
    ] {
        let shown = outputs(&IpTextForms::filled(text, "k"));
        assert!(
            shown
                .json
                .starts_with(&format!(r#"{{"string":"{network}""#)),
            "{text}: {}",
            shown.json
        );
    }
}

#[test]
fn ip_truncates_addresses_in_text_and_masks_other_text() {
    let v4 = outputs(&IpTextForms::filled("203.0.113.77", "map-key"));
    assert_eq!(
        v4.json,
        r#"{"string":"203.0.113.0/24","borrowed":"203.0.113.0/24","cow":"203.0.113.0/24","option":"203.0.113.0/24","vec":["203.0.113.0/24","203.0.113.0/24"],"map":[["[redacted]","203.0.113.0/24"]],"hash_map":[["[redacted]","203.0.113.0/24"]]}"#
    );
    assert_absent(&v4, &["203.0.113.77", ".77", "map-key"]);
    let socket = outputs(&IpTextForms::filled("[2001:db8:1:2::7]:443", "k"));
    assert!(
        socket.json.starts_with(r#"{"string":"2001:db8:1::/48""#),
        "{}",
        socket.json
    );
    assert_absent(&socket, &["2::7", ":443", "1:2:"]);
    let v4_socket = outputs(&IpTextForms::filled(" 198.51.100.23:8080 ", "k"));
    assert!(
        v4_socket.json.starts_with(r#"{"string":"198.51.100.0/24""#),
        "{}",
        v4_socket.json
    );
    assert_absent(&v4_socket, &[".23", "8080"]);
    let other = outputs(&IpTextForms::filled("host.internal.example", "k"));
    assert!(
        other.json.starts_with(r#"{"string":"[redacted]""#),
        "{}",
        other.json
    );
    assert_absent(&other, &["host", "internal"]);
}

#[test]
fn ip_truncates_every_address_type() {
    let value = IpForms {
        ip: "203.0.113.77".parse().unwrap(),
        v4: "198.51.100.9".parse().unwrap(),
        v6: "2001:db8:aaaa:bbbb:cccc::1".parse().unwrap(),
        socket: "[2001:db8:dddd:eeee::2]:8443".parse().unwrap(),
        option: Some("192.0.2.200".parse().unwrap()),
        vec: vec![
            "::ffff:192.0.2.1".parse().unwrap(),
            "10.1.2.3".parse().unwrap(),
        ],
        at: DateTime::UNIX_EPOCH,
    };
    let shown = outputs(&value);
    assert_eq!(
        shown.json,
        r#"{"ip":"203.0.113.0/24","v4":"198.51.100.0/24","v6":"2001:db8:aaaa::/48","socket":"2001:db8:dddd::/48","option":"192.0.2.0/24","vec":["192.0.2.0/24","10.1.2.0/24"],"at":"1970-01-01T00:00:00Z"}"#
    );
    assert_eq!(
        shown.debug,
        r#"IpForms { ip: "203.0.113.0/24", v4: "198.51.100.0/24", v6: "2001:db8:aaaa::/48", socket: "2001:db8:dddd::/48", option: Some("192.0.2.0/24"), vec: ["192.0.2.0/24", "10.1.2.0/24"], at: 1970-01-01T00:00:00Z }"#
    );
    assert_eq!(
        shown.display,
        r#"IpForms ip="203.0.113.0/24" v4="198.51.100.0/24" v6="2001:db8:aaaa::/48" socket="2001:db8:dddd::/48" option=Some("192.0.2.0/24") vec=["192.0.2.0/24", "10.1.2.0/24"] at=1970-01-01T00:00:00Z"#
    );
    assert_absent(
        &shown,
        &[
            ".77",
            ".9\"",
            "bbbb",
            "cccc",
            "eeee",
            "8443",
            ".200",
            "192.0.2.1",
            ".3\"",
        ],
    );
}

#[test]
fn len_shows_only_the_length_in_characters() {
    let shown = outputs(&LenForms::filled("héllo wörld", "map-key"));
    assert_eq!(
        shown.json,
        r#"{"string":11,"borrowed":11,"cow":11,"option":11,"vec":[11,11],"map":[["[redacted]",11]],"hash_map":[["[redacted]",11]]}"#
    );
    assert_eq!(
        shown.debug,
        "LenForms { string: <11 chars>, borrowed: <11 chars>, cow: <11 chars>, option: Some(<11 chars>), vec: [<11 chars>, <11 chars>], map: [([redacted], <11 chars>)], hash_map: [([redacted], <11 chars>)] }"
    );
    assert_absent(&shown, &["héllo", "wörld", "map-key"]);
}

#[test]
fn hash_gives_equal_tokens_for_equal_inputs_and_reveals_nothing() {
    let a = outputs(&HashForms::filled(EMAIL, "map-key"));
    let again = outputs(&HashForms::filled(EMAIL, "other-key"));
    let b = outputs(&HashForms::filled("bob@wonder.example", "map-key"));
    let token = |json: &str| -> String {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        value["string"].as_str().unwrap().to_owned()
    };
    let (ta, tb) = (token(&a.json), token(&b.json));
    assert!(ta.starts_with("h:") && ta.len() == 26, "{ta}");
    assert_ne!(ta, tb, "different inputs give different tokens");
    assert_eq!(
        ta,
        token(&again.json),
        "equal inputs give equal tokens (analytics can join)"
    );
    assert_eq!(
        a.json,
        every_text_field(r#","{field}":"TOKEN""#)
            .replacen(',', "{", 1)
            .replace(r#""vec":"TOKEN""#, r#""vec":["TOKEN","TOKEN"]"#)
            .replace(r#""map":"TOKEN""#, r#""map":[["[redacted]","TOKEN"]]"#)
            .replace(
                r#""hash_map":"TOKEN""#,
                r#""hash_map":[["[redacted]","TOKEN"]]"#
            )
            .replace("TOKEN", &ta)
            + "}"
    );
    assert_absent(&a, &[EMAIL, "alice", "wonder", "map-key"]);
}

#[test]
fn hash_takes_integers() {
    let ids = HashedIds {
        uin: 4_200_000_017,
        signed: -77_777,
        small: 31_337,
        index: 65_536,
        option: Some(4_200_000_017),
        vec: vec![123_456, 4_200_000_017],
    };
    let shown = outputs(&ids);
    let json: serde_json::Value = serde_json::from_str(&shown.json).unwrap();
    let uin = json["uin"].as_str().unwrap();
    assert!(uin.starts_with("h:"), "{uin}");
    assert_eq!(
        json["option"].as_str(),
        Some(uin),
        "equal ids, equal tokens"
    );
    assert_eq!(json["vec"][1].as_str(), Some(uin));
    assert_ne!(json["vec"][0].as_str(), Some(uin));
    assert_absent(&shown, &["4200000017", "77777", "31337", "65536", "123456"]);
}

#[test]
fn skip_leaves_the_field_out_of_every_output() {
    let shown = outputs(&SkipForms::filled(EMAIL, "map-key"));
    assert_eq!(shown.debug, "SkipForms");
    assert_eq!(shown.display, "SkipForms");
    assert_eq!(shown.json, "{}");
}

#[test]
fn secrets_show_the_secret_mask_and_nothing_else() {
    let config = AppConfig {
        name: "demo".into(),
        app_key: Secret::new("k-0123456789".into()),
        push_secret: Some(Secret::new("AppSecret-abcdef".into())),
        admin: "root@ops.example".into(),
        callback_url: "https://cb.example/hook?token=t0k3n".into(),
    };
    let shown = outputs(&config);
    assert_eq!(
        shown.debug,
        r#"AppConfig { name: "demo", app_key: [secret], push_secret: [secret], admin: "***@ops.example", callback_url: [redacted] }"#
    );
    assert_eq!(
        shown.display,
        r#"AppConfig name="demo" app_key=[secret] push_secret=[secret] admin="***@ops.example" callback_url=[redacted]"#
    );
    assert_eq!(
        shown.json,
        r#"{"name":"demo","app_key":"[secret]","push_secret":"[secret]","admin":"***@ops.example","callback_url":"[redacted]"}"#
    );
    let without = AppConfig {
        push_secret: None,
        ..config
    };
    assert_eq!(
        outputs(&without).json,
        shown.json,
        "an absent secret looks like a present one"
    );
    assert_eq!(without.app_key.expose(), "k-0123456789");
}

fn profile(user: &str, nickname: &str) -> Profile {
    Profile {
        user_id: user.into(),
        nickname: nickname.into(),
        avatar: Some(format!("https://avatars.example/{user}.png")),
        updated: DateTime::UNIX_EPOCH,
    }
}

#[test]
fn nested_classified_values_appear_as_their_redacted_views() {
    let conversation = Conversation {
        owner: profile("user-0001", "Nightingale"),
        peer: None,
        messages: vec![ChatMessage {
            sender: "user-0001".into(),
            recipient: "user-0002".into(),
            text: "meet me at \"the usual\" place".into(),
            attachments: vec!["https://files.example/secret-plan.pdf".into()],
            sent: DateTime::UNIX_EPOCH,
        }],
    };
    let shown = outputs(&conversation);
    let json: serde_json::Value = serde_json::from_str(&shown.json).unwrap();
    assert_eq!(json["owner"]["nickname"], "***le");
    assert_eq!(json["owner"]["avatar"], "[redacted]");
    assert_eq!(json["peer"], serde_json::Value::Null);
    assert_eq!(json["messages"][0]["text"], "[redacted]");
    assert_eq!(json["messages"][0]["attachments"], "[redacted]");
    assert_eq!(
        json["messages"][0]["sender"], json["owner"]["user_id"],
        "pseudonyms join across nested values"
    );
    assert!(
        shown
            .debug
            .starts_with("Conversation { owner: Profile { user_id: \"h:"),
        "{}",
        shown.debug
    );
    assert!(
        shown
            .display
            .starts_with("Conversation owner=Profile { user_id: \"h:"),
        "{}",
        shown.display
    );
    assert_absent(
        &shown,
        &[
            "user-0001",
            "user-0002",
            "Nightingale",
            "avatars",
            "the usual",
            "secret-plan",
        ],
    );
}

#[test]
fn enums_show_the_variant_and_redact_its_fields() {
    let sent = outputs(&Event::Sent {
        sender: "user-9".into(),
        text: "hello there".into(),
        at: DateTime::UNIX_EPOCH,
    });
    assert!(
        sent.debug.starts_with("Sent { sender: \"h:"),
        "{}",
        sent.debug
    );
    assert!(
        sent.debug
            .ends_with("\", text: [redacted], at: 1970-01-01T00:00:00Z }"),
        "{}",
        sent.debug
    );
    assert!(
        sent.display.starts_with("Event::Sent sender=\"h:"),
        "{}",
        sent.display
    );
    assert!(
        sent.json.starts_with(r#"{"Sent":{"sender":"h:"#),
        "{}",
        sent.json
    );
    assert!(
        sent.json
            .ends_with(r#"","text":"[redacted]","at":"1970-01-01T00:00:00Z"}}"#),
        "{}",
        sent.json
    );
    assert_absent(&sent, &["user-9", "hello"]);
    let recalled = outputs(&Event::Recalled(
        "user-9".into(),
        "hello there".into(),
        DateTime::UNIX_EPOCH,
    ));
    assert!(
        recalled.debug.starts_with("Recalled(\"h:"),
        "{}",
        recalled.debug
    );
    assert!(
        recalled
            .debug
            .ends_with("\", <11 chars>, 1970-01-01T00:00:00Z)"),
        "{}",
        recalled.debug
    );
    assert!(
        recalled
            .json
            .ends_with(r#"","1":11,"2":"1970-01-01T00:00:00Z"}}"#),
        "{}",
        recalled.json
    );
    assert_absent(&recalled, &["user-9", "hello"]);
}

#[test]
fn metacharacters_in_shown_and_kept_text_cannot_forge_output() {
    // Only a well-formed domain is kept, so quotes and `=` after the `@` mask the whole value:
    // nothing can end the field in JSON or start a new logfmt field.
    let shown = outputs(&EmailForms::filled("x@evil\"injected=\"1", "k"));
    assert!(
        shown
            .display
            .starts_with("EmailForms string=[redacted] borrowed="),
        "{}",
        shown.display
    );
    let json: serde_json::Value = serde_json::from_str(&shown.json).expect("valid JSON");
    assert_eq!(json.as_object().unwrap().len(), 7);
    assert_eq!(json["string"], "[redacted]");
    // Text a strategy cannot read shows exactly like the full mask.
    let unreadable = outputs(&EmailForms::filled("not an address", "k"));
    assert_eq!(
        unreadable.display,
        "EmailForms string=[redacted] borrowed=[redacted] cow=[redacted] option=Some([redacted]) vec=[[redacted], [redacted]] map=[([redacted], [redacted])] hash_map=[([redacted], [redacted])]"
    );
}
