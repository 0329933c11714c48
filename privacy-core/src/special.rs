//! The special categories of personal data of GDPR Art. 9(1).

use core::fmt;

/// A special category of personal data (GDPR Art. 9(1)).
///
/// Only taxonomies whose categories set
/// [`CategoryInfo::accepts_special`](crate::CategoryInfo::accepts_special) may hold them; the
/// [`im`](crate::im) taxonomy refuses all of them, as the reference policy says the service is not
/// meant for such data.
///
/// ```
/// use privacy_core::SpecialCategory;
/// assert_eq!(SpecialCategory::Health.key(), "health");
/// assert_eq!(SpecialCategory::from_key("biometric"), Some(SpecialCategory::Biometric));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SpecialCategory {
    /// Racial or ethnic origin.
    RacialOrEthnicOrigin,
    /// Political opinions.
    PoliticalOpinions,
    /// Religious or philosophical beliefs.
    ReligiousBeliefs,
    /// Trade union membership.
    TradeUnionMembership,
    /// Genetic data.
    Genetic,
    /// Biometric data used to identify a person.
    Biometric,
    /// Data concerning health.
    Health,
    /// Data concerning a person's sex life.
    SexLife,
    /// Data concerning a person's sexual orientation.
    SexualOrientation,
}

impl SpecialCategory {
    /// Every special category, in the order of Art. 9(1).
    ///
    /// ```
    /// use privacy_core::SpecialCategory;
    /// assert_eq!(SpecialCategory::ALL.len(), 9);
    /// assert_eq!(SpecialCategory::ALL[0], SpecialCategory::RacialOrEthnicOrigin);
    /// assert!(SpecialCategory::ALL.is_sorted());
    /// ```
    pub const ALL: [SpecialCategory; 9] = [
        SpecialCategory::RacialOrEthnicOrigin,
        SpecialCategory::PoliticalOpinions,
        SpecialCategory::ReligiousBeliefs,
        SpecialCategory::TradeUnionMembership,
        SpecialCategory::Genetic,
        SpecialCategory::Biometric,
        SpecialCategory::Health,
        SpecialCategory::SexLife,
        SpecialCategory::SexualOrientation,
    ];

    /// The key used in `#[privacy(special = ...)]`.
    ///
    /// ```
    /// use privacy_core::SpecialCategory;
    /// assert_eq!(SpecialCategory::SexualOrientation.key(), "sexual_orientation");
    /// assert_eq!(SpecialCategory::Genetic.to_string(), "genetic");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            SpecialCategory::RacialOrEthnicOrigin => "racial_or_ethnic_origin",
            SpecialCategory::PoliticalOpinions => "political_opinions",
            SpecialCategory::ReligiousBeliefs => "religious_beliefs",
            SpecialCategory::TradeUnionMembership => "trade_union_membership",
            SpecialCategory::Genetic => "genetic",
            SpecialCategory::Biometric => "biometric",
            SpecialCategory::Health => "health",
            SpecialCategory::SexLife => "sex_life",
            SpecialCategory::SexualOrientation => "sexual_orientation",
        }
    }

    /// The special category named by `key`.
    ///
    /// ```
    /// use privacy_core::SpecialCategory;
    /// assert_eq!(SpecialCategory::from_key("trade_union_membership"), Some(SpecialCategory::TradeUnionMembership));
    /// assert_eq!(SpecialCategory::from_key("criminal_convictions"), None); // Art. 10, not Art. 9
    /// assert!(SpecialCategory::ALL.iter().all(|special| SpecialCategory::from_key(special.key()) == Some(*special)));
    /// ```
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|special| special.key() == key)
    }
}

impl fmt::Display for SpecialCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
