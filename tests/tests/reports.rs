//! The inventory, the policy tables in five languages, the fideslang export and the drift gate.

use privacy_core::report::gate::{self, Problem};
use privacy_core::report::{Inventory, Lang, fideslang, tables};
use privacy_core::{Classified, Retention, TypeDescriptor, im};

/// The `privacy` binary's sample types (one per category of the reference policy).
#[path = "../../privacy-cli/src/sample.rs"]
#[allow(dead_code)]
mod sample;

/// Log data kept 3 days, on a declared basis.
#[derive(Classified)]
#[privacy(category = im::LogData, retention = "3d", legal_basis = legitimate_interests)]
struct AbuseLog {
    #[privacy(collected_at)]
    at: chrono::DateTime<chrono::Utc>,
}

fn all() -> [&'static TypeDescriptor; 6] {
    sample::descriptors()
}

const POLICY: &str = r#"
[categories."im.log_data"]
uses = ["performance_analysis", "provide_and_improve_feature"]
legal_bases = ["contract"]
retention = "7d"
items.public_exit_ip = ["RequestLog.exit_ip"]
items.interface_request_log = ["RequestLog.at"]

[categories."im.monitoring_data"]
uses = ["network_quality_analysis", "optimisation", "locating_issues", "debugging"]
legal_bases = ["contract"]
retention = "2d"
items.success_rate = ["InterfaceSample.success_rate", "InterfaceSample.at"]

[categories."im.configuration_data"]
uses = ["provide_feature_per_configuration", "performance_analysis"]
legal_bases = ["contract"]
retention = "until_terminated(2mo)"
items.callback_settings = ["AppConfig.callback_url"]

[categories."im.account_identifiers"]
uses = ["store_and_back_up"]
legal_bases = ["contract"]
retention = "until_terminated(2mo)"
items.uin = ["AccountIds.uin"]

[categories."im.user_information"]
uses = ["provide_feature"]
legal_bases = ["consent"]
retention = "customer_chosen(7d)"
items.nickname = ["UserProfile.user_id", "UserProfile.updated"]

[categories."im.chat_message_record"]
uses = ["provide_feature"]
legal_bases = ["consent"]
retention = "customer_chosen(7d)"
items.text_message = ["ChatMessage.from", "ChatMessage.sent"]
"#;

#[test]
fn the_inventory_is_versioned_json_and_markdown() {
    let inventory = Inventory::from_types(&all());
    let json = inventory.to_json();
    assert_eq!(json["schema"], "privacy.inventory/1");
    assert_eq!(json["types"].as_array().unwrap().len(), 6);
    assert_eq!(json["types"][0]["fields"][0]["redaction"]["strategy"], "ip");
    assert_eq!(json["categories"][0]["key"], "im.log_data");
    assert_eq!(json["categories"][0]["retention"]["class"], "fixed");
    let markdown = inventory.to_markdown();
    assert!(
        markdown.contains("| im.log_data | contract (Art. 6(1)(b)) | 7 days |"),
        "{markdown}"
    );
}

#[test]
fn every_phrase_exists_in_every_language() {
    let mut terms: Vec<String> = Vec::new();
    for info in im::CATEGORIES {
        terms.push(info.key.to_owned());
        terms.extend(info.items.iter().map(|item| format!("item:{item}")));
        terms.extend(info.uses.iter().map(|key| format!("use:{key}")));
    }
    let bases: Vec<String> = privacy_core::LegalBasis::ALL
        .iter()
        .map(|basis| format!("basis:{}", basis.key()))
        .collect();
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        for key in &terms {
            if let Err(error) = lang.term(im::TAXONOMY, key) {
                missing.push(error.to_string());
            }
        }
        for key in &bases {
            if let Err(error) = lang.phrase(key) {
                missing.push(error.to_string());
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    let error = Lang::Ko
        .term(im::TAXONOMY, "item:no_such_item")
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "no phrase for `item:no_such_item` in language `ko` in the taxonomy `im`; add it to the taxonomy's words (its `Taxonomy::phrase`)"
    );
    let error = Lang::Ko.phrase("basis:no_such_basis").unwrap_err();
    assert_eq!(
        error.to_string(),
        "no phrase for `basis:no_such_basis` in language `ko`; add it to privacy-core/src/report/lang/ko.rs"
    );
}

#[test]
fn every_number_in_every_rendering_comes_from_the_code() {
    let inventory = Inventory::from_types(&all());
    for lang in Lang::ALL {
        let rendered = tables::render(&inventory, lang).unwrap();
        for entry in &inventory.categories {
            let name = lang.term(entry.info.taxonomy, entry.info.key).unwrap();
            // The retention row of the category: its numbers are exactly the period's amounts.
            let row = rendered
                .lines()
                .rfind(|line| line.starts_with(&format!("| {name} |")))
                .unwrap_or_else(|| panic!("{lang:?}: no retention row for {name}:\n{rendered}"));
            let numbers: Vec<u32> = row
                .split(|character: char| !character.is_ascii_digit())
                .filter(|digits| !digits.is_empty())
                .map(|digits| digits.parse().unwrap())
                .collect();
            let expected: Vec<u32> = match entry.info.retention {
                Retention::Fixed(period)
                | Retention::CustomerChosen {
                    default: period, ..
                }
                | Retention::UntilTerminated { grace: period } => vec![period.amount],
                Retention::Ephemeral => vec![],
            };
            assert_eq!(numbers, expected, "{lang:?}: {row}");
        }
        assert!(
            !rendered.contains("do not")
                && !rendered.contains("不处理")
                && !rendered.contains("しません。"),
            "{lang:?} must state the processing affirmatively"
        );
    }
    let chinese = tables::render(&inventory, Lang::Zh).unwrap();
    assert!(chinese.contains("| 日志数据 | 7天 |"), "{chinese}");
    assert!(chinese.contains("停止使用后2个月删除"), "{chinese}");
    let indonesian = tables::render(&inventory, Lang::Id).unwrap();
    assert!(indonesian.contains("7 hari"));
}

#[test]
fn the_fideslang_export_maps_every_im_category() {
    let export = fideslang::export(&Inventory::from_types(&all()), "im_backend");
    assert!(export.unmapped.is_empty());
    let declarations = export.manifest["system"][0]["privacy_declarations"]
        .as_array()
        .unwrap();
    assert_eq!(declarations.len(), 6);
    assert_eq!(
        declarations[0],
        serde_json::json!({
            "name": "Log Data",
            "data_categories": ["user.device.ip_address", "system.operations"],
            "data_use": "essential.service.operations",
            "data_subjects": ["customer"],
            "legal_basis_for_processing": "Contract",
            "retention_period": "7 days",
        })
    );
    assert_eq!(
        declarations[5]["data_categories"],
        serde_json::json!(["user.content"])
    );
    assert_eq!(declarations[4]["legal_basis_for_processing"], "Consent");
}

/// Types that give every legal basis, and a category the mapping does not know.
#[allow(dead_code)]
mod every_basis {
    use chrono::{DateTime, Utc};
    use privacy_core::{
        Category, CategoryInfo, Classified, DataSubject, LegalBasis, Period, Retention, Role, im,
    };

    pub struct SupportTicket;
    impl Category for SupportTicket {
        const INFO: CategoryInfo = CategoryInfo {
            key: "helpdesk.support_ticket",
            name: "Support Tickets",
            taxonomy: "helpdesk",
            role: Role::Controller,
            subject: DataSubject::Customer,
            retention: Retention::Fixed(Period::days(90)),
            legal_basis: LegalBasis::Contract,
            purpose: "answer support requests",
            uses: &["support"],
            items: &["ticket_text"],
            accepts_special: false,
        };
    }

    #[derive(Classified)]
    #[privacy(category = im::LogData, legal_basis = consent)]
    pub struct A(#[privacy(collected_at)] pub DateTime<Utc>);
    #[derive(Classified)]
    #[privacy(category = im::MonitoringData, legal_basis = legal_obligation)]
    pub struct B(#[privacy(collected_at)] pub DateTime<Utc>);
    #[derive(Classified)]
    #[privacy(category = im::ConfigurationData, legal_basis = vital_interests)]
    pub struct C(pub String);
    #[derive(Classified)]
    #[privacy(category = im::AccountIdentifiers, legal_basis = public_task)]
    pub struct D(pub u64);
    #[derive(Classified)]
    #[privacy(category = im::UserInformation, legal_basis = legitimate_interests)]
    pub struct E(
        #[privacy(subject)] pub String,
        #[privacy(collected_at)] pub DateTime<Utc>,
    );
    #[derive(Classified)]
    #[privacy(category = SupportTicket)]
    pub struct F(#[privacy(collected_at)] pub DateTime<Utc>);
}

/// The exports `tests/fideslang/check.sh` hands to fideslang itself: written to the directory
/// `PRIVACY_FIDESLANG_OUT` names, when it names one.
#[test]
fn fideslang_exports_for_the_validator() {
    let exports = [
        (
            "every_im_category",
            fideslang::export(&Inventory::from_types(&all()), "im_backend"),
        ),
        (
            "every_basis",
            fideslang::export(
                &Inventory::from_types(&[
                    every_basis::A::DESCRIPTOR,
                    every_basis::B::DESCRIPTOR,
                    every_basis::C::DESCRIPTOR,
                    every_basis::D::DESCRIPTOR,
                    every_basis::E::DESCRIPTOR,
                    every_basis::F::DESCRIPTOR,
                ]),
                "helpdesk",
            ),
        ),
    ];
    let bases: Vec<String> = exports[1].1.manifest["system"][0]["privacy_declarations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|declaration| declaration["legal_basis_for_processing"].to_string())
        .collect();
    assert_eq!(bases.len(), 6, "{bases:?}");
    assert_eq!(exports[1].1.unmapped, ["helpdesk.support_ticket"]);
    for (_, export) in &exports {
        for declaration in export.manifest["system"][0]["privacy_declarations"]
            .as_array()
            .unwrap()
        {
            assert!(declaration.get("egress").is_none() && declaration.get("ingress").is_none());
        }
    }
    if let Ok(dir) = std::env::var("PRIVACY_FIDESLANG_OUT") {
        for (name, export) in &exports {
            std::fs::write(
                format!("{dir}/{name}.json"),
                serde_json::to_string_pretty(&export.manifest).unwrap(),
            )
            .unwrap();
        }
    }
}

#[test]
fn the_gate_passes_when_code_and_policy_agree() {
    gate::check_types(POLICY, &all()).unwrap();
}

fn drift(policy: &str, types: &[&'static TypeDescriptor]) -> Vec<Problem> {
    gate::check_types(policy, types).unwrap_err().problems
}

#[test]
fn the_gate_names_each_kind_of_drift() {
    // Kept longer than promised.
    let shorter = POLICY.replace("retention = \"7d\"", "retention = \"3d\"");
    assert!(
        matches!(&drift(&shorter, &all())[..], [Problem::KeptLonger { promised, .. }] if promised == "3 days")
    );
    // An undeclared basis.
    let mut types = all().to_vec();
    types.push(AbuseLog::DESCRIPTOR);
    let problems = drift(POLICY, &types);
    assert!(problems.contains(&Problem::UndeclaredBasis {
        type_key: "reports::AbuseLog".into(),
        category: "im.log_data".into(),
        basis: "legitimate_interests".into()
    }));
    assert!(problems.contains(&Problem::UnlistedField {
        field: "AbuseLog.at".into(),
        category: "im.log_data".into()
    }));
    // An undeclared category, and a declared one with no type.
    let without_monitoring = POLICY.replace(
        "[categories.\"im.monitoring_data\"]",
        "[categories.\"im.retired_data\"]",
    );
    let problems = drift(&without_monitoring, &all());
    assert!(problems.contains(&Problem::UndeclaredCategory {
        type_key: "reports::sample::InterfaceSample".into(),
        category: "im.monitoring_data".into()
    }));
    assert!(problems.contains(&Problem::CategoryWithoutType {
        category: "im.retired_data".into()
    }));
    // A use the file does not list.
    let fewer_uses = POLICY.replace("uses = [\"store_and_back_up\"]", "uses = []");
    assert_eq!(
        drift(&fewer_uses, &all()),
        [Problem::UndeclaredUse {
            category: "im.account_identifiers".into(),
            use_key: "store_and_back_up".into()
        }]
    );
    // A field added without its item.
    let unlisted = POLICY.replace("items.uin = [\"AccountIds.uin\"]", "items.uin = []");
    assert_eq!(
        drift(&unlisted, &all()),
        [Problem::UnlistedField {
            field: "AccountIds.uin".into(),
            category: "im.account_identifiers".into()
        }]
    );
    // The report reads as a diff.
    let report = gate::check_types(&shorter, &all()).unwrap_err().to_string();
    assert!(
        report.contains("- policy: 3 days") && report.contains("+ code:   7 days"),
        "{report}"
    );
    // A malformed file says so.
    assert!(matches!(
        &drift("categories = 3", &all())[..],
        [Problem::InvalidPolicy(_)]
    ));
}

/// A taxonomy of the test's own, with its words in the five languages and its fideslang mapping:
/// the report renders it through the `Taxonomy` trait, with no phrase added to the report.
mod ticketing {
    use privacy_core::{
        Category, CategoryInfo, DataSubject, FidesMapping, LegalBasis, Period, Retention, Role,
        Taxonomy,
    };

    pub struct CallRecording;
    impl Category for CallRecording {
        const INFO: CategoryInfo = CategoryInfo {
            key: "ticketing.call_recording",
            name: "Call Recordings",
            taxonomy: "ticketing",
            role: Role::Processor,
            subject: DataSubject::Customer,
            retention: Retention::Fixed(Period::days(30)),
            legal_basis: LegalBasis::LegitimateInterests,
            purpose: "train the support staff",
            uses: &["staff_training"],
            items: &["call_audio"],
            accepts_special: false,
        };
    }

    /// The category's name, its item and its use, in each language.
    const WORDS: [(&str, [&str; 3]); 5] = [
        (
            "en",
            [
                "Call Recordings",
                "call audio",
                "we train our support staff",
            ],
        ),
        ("zh", ["通话录音", "通话音频", "我们培训支持人员"]),
        ("ja", ["通話録音", "通話音声", "サポート担当者の研修"]),
        ("ko", ["통화 녹음", "통화 음성", "지원 직원을 교육합니다"]),
        (
            "id",
            [
                "Rekaman Panggilan",
                "audio panggilan",
                "kami melatih staf dukungan",
            ],
        ),
    ];

    pub struct Words;
    impl Taxonomy for Words {
        fn name(&self) -> &'static str {
            "ticketing"
        }
        fn phrase(&self, lang: &str, key: &str) -> Option<&'static str> {
            let (_, names) = WORDS.iter().find(|(code, _)| *code == lang)?;
            let keys = [
                "ticketing.call_recording",
                "item:call_audio",
                "use:staff_training",
            ];
            let index = keys.iter().position(|known| *known == key)?;
            Some(names[index])
        }
        fn fideslang(&self, category: &str) -> Option<FidesMapping> {
            (category == "ticketing.call_recording").then_some(FidesMapping {
                data_categories: &["user.content"],
                data_use: "improve.system",
            })
        }
    }
    privacy_core::register_taxonomy!(Words);

    #[derive(privacy_core::Classified)]
    #[privacy(category = CallRecording)]
    pub struct Recording {
        #[privacy(redact)]
        pub audio_url: String,
        #[privacy(collected_at)]
        pub recorded: chrono::DateTime<chrono::Utc>,
    }

    /// The retention row's period in each language.
    pub const THIRTY_DAYS: [&str; 5] = ["30 days", "30天", "30日間", "30일", "30 hari"];
}

#[test]
fn a_taxonomy_of_ones_own_renders_in_every_language_with_its_own_words() {
    let inventory = Inventory::from_types(&[ticketing::Recording::DESCRIPTOR]);
    for (index, lang) in Lang::ALL.into_iter().enumerate() {
        let [name, item, usage] = [
            "ticketing.call_recording",
            "item:call_audio",
            "use:staff_training",
        ]
        .map(|key| lang.term("ticketing", key).unwrap());
        let rendered = tables::render(&inventory, lang).unwrap();
        let processing = format!("| {name} | {item} | {usage} |");
        let retention = format!("| {name} | {} |", ticketing::THIRTY_DAYS[index]);
        assert!(rendered.contains(&processing), "{lang:?}:\n{rendered}");
        assert!(rendered.contains(&retention), "{lang:?}:\n{rendered}");
    }
    assert!(
        tables::render(&inventory, Lang::Ja)
            .unwrap()
            .contains("| 通話録音 | 通話音声 | サポート担当者の研修 |")
    );
    let export = fideslang::export(&inventory, "ticketing");
    assert!(export.unmapped.is_empty());
    let declaration = &export.manifest["system"][0]["privacy_declarations"][0];
    assert_eq!(declaration["data_categories"][0], "user.content");
    assert_eq!(declaration["data_use"], "improve.system");
}
