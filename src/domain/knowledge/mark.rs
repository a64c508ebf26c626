//! What a person records on the map: marks (how a region-side feels) and symptom flags.
//!
//! These are the shared vocabulary of the map, the engine's case (§7.1), storage and share
//! links. Deserializing is strict: a severity outside 0–3 or an unknown symptom is an error,
//! never clamped silently, so a malformed case is reported rather than guessed at.

use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How strong a mark is: 0 = checked and fine, 1 = mild, 2 = moderate, 3 = strong or painful.
///
/// The word for 2 was "clear" until people read it as "all clear"; "moderate" cannot be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Severity(u8);

impl Severity {
    /// Checked and fine.
    pub const FINE: Severity = Severity(0);
    /// Mild.
    pub const MILD: Severity = Severity(1);
    /// Moderate.
    pub const MODERATE: Severity = Severity(2);
    /// Strong or painful.
    pub const STRONG: Severity = Severity(3);
    /// All four levels, lowest first.
    pub const ALL: [Severity; 4] = [Self::FINE, Self::MILD, Self::MODERATE, Self::STRONG];

    /// `Some` for 0–3, `None` otherwise.
    pub const fn new(v: u8) -> Option<Severity> {
        if v <= 3 {
            Some(Severity(v))
        } else {
            None
        }
    }

    /// The number 0–3.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The plain word for this level.
    pub const fn word(self) -> &'static str {
        match self.0 {
            0 => "fine",
            1 => "mild",
            2 => "moderate",
            _ => "strong",
        }
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Number::deserialize(d)?;
        v.as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .and_then(Severity::new)
            .ok_or_else(|| {
                serde::de::Error::custom(format!("severity {v} is not a whole number from 0 to 3"))
            })
    }
}

/// What the mark feels like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Tension or stiffness (the default).
    #[default]
    Tight,
    /// Tender or painful to touch.
    Sore,
}

impl Kind {
    /// The plain word for this kind.
    pub const fn word(self) -> &'static str {
        match self {
            Kind::Tight => "tight",
            Kind::Sore => "sore",
        }
    }
}

/// One mark on a region-side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// Base region id.
    pub region: RegionId,
    /// The person's side; must fit the region's laterality.
    pub side: Side,
    /// 0–3.
    pub severity: Severity,
    /// Tight (default) or sore.
    #[serde(default)]
    pub kind: Kind,
}

impl Mark {
    /// The region instance this mark is on.
    pub fn at(&self) -> RegionSide {
        RegionSide {
            region: self.region,
            side: self.side,
        }
    }

    /// True when the side fits the region.
    pub fn is_well_formed(&self) -> bool {
        self.region.def().accepts(self.side)
    }
}

/// Symptom flags of §1.3 (the acute flare is a separate boolean, not a symptom).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    /// Ache, stiffness or pain in the low back.
    LowBackPain,
    /// Ache between the shoulder blades after desk work.
    MidBackAche,
    /// Hobbling for the first steps in the morning.
    MorningHeelPain,
    /// Stress-related neck and shoulder tension.
    NeckShoulderTension,
    /// The hip feels stiff.
    HipStiffness,
}

impl Symptom {
    /// All symptoms in catalogue order.
    pub const ALL: [Symptom; 5] = [
        Symptom::LowBackPain,
        Symptom::MidBackAche,
        Symptom::MorningHeelPain,
        Symptom::NeckShoulderTension,
        Symptom::HipStiffness,
    ];

    /// The catalogue id (`low_back_pain`).
    pub const fn key(self) -> &'static str {
        match self {
            Symptom::LowBackPain => "low_back_pain",
            Symptom::MidBackAche => "mid_back_ache",
            Symptom::MorningHeelPain => "morning_heel_pain",
            Symptom::NeckShoulderTension => "neck_shoulder_tension",
            Symptom::HipStiffness => "hip_stiffness",
        }
    }

    /// Plain words for the picker.
    pub const fn label(self) -> &'static str {
        match self {
            Symptom::LowBackPain => "Low back pain or stiffness",
            Symptom::MidBackAche => "Ache between the shoulder blades",
            Symptom::MorningHeelPain => "Sore heel on the first steps in the morning",
            Symptom::NeckShoulderTension => "Tense neck and shoulders (stress)",
            Symptom::HipStiffness => "Stiff hips",
        }
    }

    /// Parses a catalogue id.
    pub fn from_key(s: &str) -> Option<Symptom> {
        Symptom::ALL.into_iter().find(|x| x.key() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_accepts_only_zero_to_three() {
        for v in 0..=3u8 {
            let s: Severity = serde_json::from_str(&v.to_string()).unwrap();
            assert_eq!(s.get(), v);
        }
        for bad in ["7", "-1", "1.5", "\"2\"", "null", "256"] {
            assert!(
                serde_json::from_str::<Severity>(bad).is_err(),
                "{bad} accepted"
            );
        }
    }

    /// Issue #13: "2 clear" was read as "all clear". The words rise in strength, are all
    /// different, and none of them can be taken for "nothing wrong" except 0.
    #[test]
    fn severity_words_rise_and_only_zero_reads_as_fine() {
        let words: Vec<&str> = Severity::ALL.iter().map(|s| s.word()).collect();
        assert_eq!(words, ["fine", "mild", "moderate", "strong"]);
        for s in &Severity::ALL[1..] {
            for all_clear in ["clear", "fine", "ok", "good", "normal", "none"] {
                assert_ne!(
                    s.word(),
                    all_clear,
                    "severity {} reads as all clear",
                    s.get()
                );
            }
        }
    }

    #[test]
    fn mark_defaults_kind_to_tight_and_rejects_unknown_fields() {
        let m: Mark =
            serde_json::from_str(r#"{"region":"calf","side":"left","severity":2}"#).unwrap();
        assert_eq!(m.kind, Kind::Tight);
        assert!(m.is_well_formed());
        let bad = r#"{"region":"calf","side":"left","severity":2,"colour":"red"}"#;
        assert!(serde_json::from_str::<Mark>(bad).is_err());
    }

    #[test]
    fn a_side_on_a_midline_region_is_not_well_formed() {
        let m: Mark =
            serde_json::from_str(r#"{"region":"sternum","side":"left","severity":1}"#).unwrap();
        assert!(!m.is_well_formed());
    }

    #[test]
    fn symptom_keys_round_trip() {
        for s in Symptom::ALL {
            assert_eq!(Symptom::from_key(s.key()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.key())
            );
        }
    }
}
