//! The `#[privacy(...)]` vocabulary: every key and value word, named once.

/// The attribute's name.
pub const PRIVACY: &str = "privacy";

// Container keys.
pub const CATEGORY: &str = "category";
pub const RETENTION: &str = "retention";
pub const LEGAL_BASIS: &str = "legal_basis";
pub const PURPOSE: &str = "purpose";
pub const CRATE: &str = "crate";
pub const ERASURE: &str = "erasure";
pub const CUSTOM_DEBUG: &str = "custom_debug";
pub const TABLE: &str = "table";

// Field keys.
pub const REDACT: &str = "redact";
pub const SECRET: &str = "secret";
pub const SUBJECT: &str = "subject";
pub const COLLECTED_AT: &str = "collected_at";
pub const NESTED: &str = "nested";
pub const SPECIAL: &str = "special";
pub const TENANT: &str = "tenant";
pub const COLUMN: &str = "column";

/// The keys each position accepts, in the order error messages list them.
pub const CONTAINER_KEYS: &[&str] = &[
    CATEGORY,
    RETENTION,
    LEGAL_BASIS,
    PURPOSE,
    ERASURE,
    CUSTOM_DEBUG,
    TABLE,
    CRATE,
];
pub const VARIANT_KEYS: &[&str] = &[CATEGORY];
pub const FIELD_KEYS: &[&str] = &[
    CATEGORY,
    REDACT,
    SECRET,
    SUBJECT,
    COLLECTED_AT,
    NESTED,
    SPECIAL,
    TENANT,
    COLUMN,
];

// Retention classes.
pub const EPHEMERAL: &str = "ephemeral";
pub const CUSTOMER_CHOSEN: &str = "customer_chosen";
pub const UNTIL_TERMINATED: &str = "until_terminated";
pub const RETENTION_CLASSES: &[&str] = &[EPHEMERAL, CUSTOMER_CHOSEN, UNTIL_TERMINATED];
pub const DEFAULT: &str = "default";
pub const MAX: &str = "max";
pub const GRACE: &str = "grace";

/// The six lawful bases of GDPR Art. 6(1), with the `privacy_core::LegalBasis` variant of each.
pub const LEGAL_BASES: &[(&str, &str)] = &[
    ("consent", "Consent"),
    ("contract", "Contract"),
    ("legal_obligation", "LegalObligation"),
    ("vital_interests", "VitalInterests"),
    ("public_task", "PublicTask"),
    ("legitimate_interests", "LegitimateInterests"),
];

/// The special categories of GDPR Art. 9(1), with the `privacy_core::SpecialCategory` variant.
pub const SPECIAL_CATEGORIES: &[(&str, &str)] = &[
    ("racial_or_ethnic_origin", "RacialOrEthnicOrigin"),
    ("political_opinions", "PoliticalOpinions"),
    ("religious_beliefs", "ReligiousBeliefs"),
    ("trade_union_membership", "TradeUnionMembership"),
    ("genetic", "Genetic"),
    ("biometric", "Biometric"),
    ("health", "Health"),
    ("sex_life", "SexLife"),
    ("sexual_orientation", "SexualOrientation"),
];

// Redaction strategies.
pub const PARTIAL: &str = "partial";
pub const KEEP_LAST: &str = "keep_last";
/// The strategies `redact = <word>` names, with what each word means.
pub const STRATEGIES: &[(&str, StrategyWord)] = &[
    ("ip", StrategyWord::Marker("Ip")),
    ("email", StrategyWord::Marker("Email")),
    (PARTIAL, StrategyWord::Partial),
    ("hash", StrategyWord::Marker("Hash")),
    ("len", StrategyWord::Marker("Len")),
    ("skip", StrategyWord::Skip),
];

/// What a strategy's word stands for.
#[derive(Clone, Copy)]
pub enum StrategyWord {
    /// A marker type of `privacy_core::redact`, named as the runtime names it.
    Marker(&'static str),
    /// `partial(keep_last = N)`: takes its argument.
    Partial,
    /// Left out of every output.
    Skip,
}

// Erasure rules for records naming several subjects.
pub const ERASURE_RULES: &[(&str, &str)] = &[
    ("delete_record", "DeleteRecord"),
    ("redact_requester", "RedactRequester"),
];
