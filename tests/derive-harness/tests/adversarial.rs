//! The derive never panics: structurally valid items with adversarial `#[privacy(...)]`
//! attributes (every key, random and malformed values, odd places, generics) always expand to
//! valid Rust: the impls, or `compile_error!`s beside a stub. `#[derive(Unclassified)]` runs
//! on the same items.
//!
//! `PRIVACY_ADVERSARIAL_CASES` sets the number of cases (default 4 000, a few seconds; the
//! 60-second CI run and the 10-minute local run set more).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicU64, Ordering};

const KEYS: &[&str] = &[
    "category",
    "retention",
    "legal_basis",
    "purpose",
    "crate",
    "erasure",
    "custom_debug",
    "redact",
    "secret",
    "subject",
    "collected_at",
    "nested",
    "special",
    "retenion",
    "keep_last",
    "default",
    "grace",
    "r#type",
    "a::b",
];

const VALUES: &[&str] = &[
    "",
    "= im::LogData",
    "= im::UserInformation",
    "= ::privacy_core::im::ChatMessageRecord",
    "= \"7d\"",
    "= \"0d\"",
    "= \"-7d\"",
    "= \"7 parsecs\"",
    "= \"99999999999999999999d\"",
    "= \"2 months\"",
    "= \"\"",
    "= \"🙂\"",
    "= \"::a::b\"",
    "= \"not a path\"",
    "= 7",
    "= -1",
    "= 1.5",
    "= true",
    "= ephemeral",
    "= forever",
    "= customer_chosen(default = \"7d\", max = \"90d\")",
    "= customer_chosen(default = 7)",
    "= customer_chosen(default = \"7d\", default = \"7d\")",
    "= customer_chosen",
    "= customer_chosen()",
    "= until_terminated(grace = \"2 months\")",
    "= until_terminated(grace)",
    "= contract",
    "= \"contract\"",
    "= health",
    "= ip",
    "= partial(keep_last = 4)",
    "= partial(keep_last = 0)",
    "= partial(keep_last = 999)",
    "= partial(keep_first = 1)",
    "= partial",
    "= delete_record",
    "= skip",
    "(a, b)",
    "()",
    "= [1, 2]",
    "= { x }",
    "= <T as X>::Y",
    "=",
    "= = =",
];

const ATTRIBUTE_SHAPES: &[&str] = &[
    "#[privacy({})]",
    "#[privacy({}, {})]",
    "#[privacy]",
    "#[privacy()]",
    "#[privacy(,)]",
    "#[privacy = {}]",
    "#[doc = \"x\"]",
    "#[cfg_attr(all(), privacy({}))]",
];

const FIELD_TYPES: &[&str] = &[
    "String",
    "u64",
    "T",
    "&'a str",
    "Option<T>",
    "Vec<Inner>",
    "chrono::DateTime<chrono::Utc>",
    "privacy_core::Secret<String>",
    "[u8; N]",
    "fn() -> T",
    "(T, U)",
    "Self",
];

const GENERICS: &[(&str, &str)] = &[
    ("", ""),
    ("<T>", ""),
    ("<'a, T: Clone, const N: usize>", "where T: Send"),
    ("<'a>", ""),
    ("<T = u8>", "where for<'b> T: Fn(&'b str)"),
];

fn attribute() -> impl Strategy<Value = String> {
    (
        0..ATTRIBUTE_SHAPES.len(),
        prop::collection::vec((0..KEYS.len(), 0..VALUES.len()), 2),
    )
        .prop_map(|(shape, entries)| {
            let meta: Vec<String> = entries
                .iter()
                .map(|(key, value)| format!("{} {}", KEYS[*key], VALUES[*value]))
                .collect();
            ATTRIBUTE_SHAPES[shape]
                .replacen("{}", &meta[0], 1)
                .replacen("{}", &meta[1], 1)
        })
}

fn attributes(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(attribute(), 0..=max).prop_map(|attributes| attributes.join("\n"))
}

fn field(named: bool) -> impl Strategy<Value = String> {
    (attributes(2), 0..FIELD_TYPES.len(), "[a-z]{1,6}").prop_map(move |(attributes, ty, name)| {
        let ty = FIELD_TYPES[ty];
        if named {
            format!("{attributes}\n r#{name}: {ty}")
        } else {
            format!("{attributes}\n {ty}")
        }
    })
}

fn fields() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(field(true), 0..5)
            .prop_map(|fields| format!("{{ {} }}", fields.join(",\n"))),
        prop::collection::vec(field(false), 0..4)
            .prop_map(|fields| format!("( {} )", fields.join(",\n"))),
    ]
}

/// Attributes a careful user writes: most items built from these expand without errors.
const VALID_CONTAINER: &[&str] = &[
    "#[privacy(category = im::LogData)]",
    "#[privacy(category = im::ConfigurationData, retention = until_terminated(grace = \"1 month\"))]",
    "#[privacy(category = im::ChatMessageRecord, retention = ephemeral, erasure = delete_record)]",
    "#[privacy(category = im::LogData, legal_basis = consent, purpose = \"p\", custom_debug)]",
    "#[privacy(crate = \"::x::privacy\", category = im::UserInformation)]",
];
const VALID_FIELD: &[&str] = &[
    "",
    "#[privacy(redact)]",
    "#[privacy(redact = ip)]",
    "#[privacy(redact = partial(keep_last = 3))]",
    "#[privacy(redact = skip)]",
    "#[privacy(secret)]",
    "#[privacy(nested)]",
    "#[privacy(subject)]",
    "#[privacy(collected_at)]",
    "#[privacy(category = im::MonitoringData, special = health)]",
    "#[doc = \"x\"]",
];

fn careful_fields() -> impl Strategy<Value = String> {
    let field = (0..VALID_FIELD.len(), 0..FIELD_TYPES.len(), "[a-z]{1,6}").prop_map(
        |(attribute, ty, name)| {
            format!("{}\n r#{name}: {}", VALID_FIELD[attribute], FIELD_TYPES[ty])
        },
    );
    prop::collection::vec(field, 0..5).prop_map(|fields| format!("{{ {} }}", fields.join(",\n")))
}

fn careful_item() -> impl Strategy<Value = String> {
    let body = prop_oneof![
        careful_fields().prop_map(|fields| ("struct", fields)),
        prop::collection::vec(("[A-Z][a-z]{0,5}", careful_fields()), 0..4).prop_map(|variants| {
            let variants: Vec<String> = variants
                .into_iter()
                .map(|(name, fields)| format!("{name} {fields}"))
                .collect();
            ("enum", format!("{{ {} }}", variants.join(",\n")))
        }),
    ];
    (0..VALID_CONTAINER.len(), 0..GENERICS.len(), body).prop_map(
        |(attribute, generics, (keyword, body))| {
            let (params, clause) = GENERICS[generics];
            format!(
                "{}\npub {keyword} Item{params} {clause} {body}",
                VALID_CONTAINER[attribute]
            )
        },
    )
}

fn item() -> impl Strategy<Value = String> {
    prop_oneof![adversarial_item(), careful_item()]
}

fn adversarial_item() -> impl Strategy<Value = String> {
    let body = prop_oneof![
        fields().prop_map(|fields| (
            "struct",
            if fields.starts_with('(') || fields.is_empty() {
                format!("{fields};")
            } else {
                fields
            }
        )),
        prop::collection::vec((attributes(2), "[A-Z][a-z]{0,5}", fields()), 0..4).prop_map(
            |variants| {
                let variants: Vec<String> = variants
                    .into_iter()
                    .map(|(attributes, name, fields)| format!("{attributes}\n {name} {fields}"))
                    .collect();
                ("enum", format!("{{ {} }}", variants.join(",\n")))
            }
        ),
        prop::collection::vec(field(true), 1..3)
            .prop_map(|fields| ("union", format!("{{ {} }}", fields.join(",\n")))),
    ];
    (attributes(3), 0..GENERICS.len(), body).prop_map(|(attributes, generics, (keyword, body))| {
        let (params, clause) = GENERICS[generics];
        // A where clause goes before a braced body and after a tuple body.
        if body.starts_with('(') {
            format!(
                "{attributes}\npub {keyword} Item{params} {} {clause};",
                body.trim_end_matches(';')
            )
        } else if body.ends_with(';') {
            format!("{attributes}\npub {keyword} Item{params} {clause};")
        } else {
            format!("{attributes}\npub {keyword} Item{params} {clause} {body}")
        }
    })
}

#[test]
fn the_derive_never_panics_and_always_expands_to_valid_rust() {
    let cases: u32 = std::env::var("PRIVACY_ADVERSARIAL_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(4_000);
    let expanded = AtomicU64::new(0);
    let refused = AtomicU64::new(0);
    let started = std::time::Instant::now();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&item(), |source| {
            let Ok(input) = source.parse::<proc_macro2::TokenStream>() else {
                return Ok(());
            };
            if syn::parse2::<syn::DeriveInput>(input.clone()).is_err() {
                return Ok(());
            }
            // `#[derive(Unclassified)]` on the same item: never a panic, always valid Rust.
            let unclassified = input.clone();
            let plain = std::panic::catch_unwind(|| {
                privacy_derive_harness::derive_unclassified(unclassified)
            })
            .map_err(|_| {
                TestCaseError::fail(format!("derive(Unclassified) panicked on:\n{source}"))
            })?;
            syn::parse2::<syn::File>(plain).map_err(|error| {
                TestCaseError::fail(format!(
                    "invalid Unclassified expansion ({error}) for:\n{source}"
                ))
            })?;
            let output = std::panic::catch_unwind(|| privacy_derive_harness::derive(input))
                .map_err(|_| TestCaseError::fail(format!("the derive panicked on:\n{source}")))?;
            let text = output.to_string();
            syn::parse2::<syn::File>(output).map_err(|error| {
                TestCaseError::fail(format!(
                    "invalid expansion ({error}) for:\n{source}\n=>\n{text}"
                ))
            })?;
            let counter = if text.contains("compile_error") {
                &refused
            } else {
                &expanded
            };
            counter.fetch_add(1, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    let (expanded, refused) = (expanded.into_inner(), refused.into_inner());
    println!(
        "adversarial derive inputs: {cases} cases, {expanded} expanded, {refused} refused with errors, in {:.1?}",
        started.elapsed()
    );
    // The generator must reach both outcomes, or it tests less than it claims.
    assert!(
        expanded > 0 && refused > 0,
        "expanded {expanded}, refused {refused}"
    );
}
