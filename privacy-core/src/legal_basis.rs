//! The six lawful bases of GDPR Art. 6(1).

use core::fmt;

/// A lawful basis for processing personal data (GDPR Art. 6(1)).
///
/// ```
/// use privacy_core::LegalBasis;
/// assert_eq!(LegalBasis::Contract.key(), "contract");
/// assert_eq!(LegalBasis::from_key("consent"), Some(LegalBasis::Consent));
/// assert_eq!(LegalBasis::Contract.article(), "Art. 6(1)(b)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LegalBasis {
    /// Art. 6(1)(a): the data subject has given consent.
    Consent,
    /// Art. 6(1)(b): necessary for the performance of a contract.
    Contract,
    /// Art. 6(1)(c): necessary for compliance with a legal obligation.
    LegalObligation,
    /// Art. 6(1)(d): necessary to protect someone's vital interests.
    VitalInterests,
    /// Art. 6(1)(e): necessary for a task in the public interest.
    PublicTask,
    /// Art. 6(1)(f): necessary for the controller's legitimate interests.
    LegitimateInterests,
}

impl LegalBasis {
    /// Every basis, in the order of Art. 6(1).
    ///
    /// ```
    /// use privacy_core::LegalBasis;
    /// assert_eq!(LegalBasis::ALL.first(), Some(&LegalBasis::Consent));
    /// assert_eq!(LegalBasis::ALL.last(), Some(&LegalBasis::LegitimateInterests));
    /// assert!(LegalBasis::ALL.is_sorted());
    /// ```
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterests,
    ];

    /// The key used in `#[privacy(legal_basis = ...)]` and in policy files.
    ///
    /// ```
    /// use privacy_core::LegalBasis;
    /// assert_eq!(LegalBasis::LegitimateInterests.key(), "legitimate_interests");
    /// assert_eq!(LegalBasis::LegitimateInterests.to_string(), "legitimate_interests");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legal_obligation",
            LegalBasis::VitalInterests => "vital_interests",
            LegalBasis::PublicTask => "public_task",
            LegalBasis::LegitimateInterests => "legitimate_interests",
        }
    }

    /// The basis named by `key`, if it is one of the six.
    ///
    /// ```
    /// use privacy_core::LegalBasis;
    /// assert_eq!(LegalBasis::from_key("legal_obligation"), Some(LegalBasis::LegalObligation));
    /// assert_eq!(LegalBasis::from_key("Contract"), None); // keys are lower case
    /// assert!(LegalBasis::ALL.iter().all(|basis| LegalBasis::from_key(basis.key()) == Some(*basis)));
    /// ```
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|basis| basis.key() == key)
    }

    /// The article that establishes the basis.
    ///
    /// ```
    /// use privacy_core::LegalBasis;
    /// assert_eq!(LegalBasis::Consent.article(), "Art. 6(1)(a)");
    /// assert_eq!(LegalBasis::LegitimateInterests.article(), "Art. 6(1)(f)");
    /// ```
    #[must_use]
    pub const fn article(self) -> &'static str {
        match self {
            LegalBasis::Consent => "Art. 6(1)(a)",
            LegalBasis::Contract => "Art. 6(1)(b)",
            LegalBasis::LegalObligation => "Art. 6(1)(c)",
            LegalBasis::VitalInterests => "Art. 6(1)(d)",
            LegalBasis::PublicTask => "Art. 6(1)(e)",
            LegalBasis::LegitimateInterests => "Art. 6(1)(f)",
        }
    }
}

impl fmt::Display for LegalBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
