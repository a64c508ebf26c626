//! The body map a person fills in: one mark per region-side, symptom flags, the flare switch.
//!
//! Every change goes through [`BodyMap::apply`] with an [`Action`], so the UI never edits
//! fields directly and every transition is tested here, natively.

use crate::domain::knowledge::mark::{Kind, Mark, Severity, Symptom};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;

/// How one region-side feels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkValue {
    /// 0–3.
    pub severity: Severity,
    /// Tight or sore.
    pub kind: Kind,
}

/// One change to the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Set the severity of a region-side, keeping its kind (tight when new).
    SetSeverity(RegionSide, Severity),
    /// Set the kind of a region-side; an unmarked one becomes mild.
    SetKind(RegionSide, Kind),
    /// Remove the mark of a region-side.
    Clear(RegionSide),
    /// Tick or untick a symptom.
    ToggleSymptom(Symptom),
    /// Say whether the low back is in an acute flare-up.
    SetFlare(bool),
    /// Start a fresh map.
    ClearAll,
}

/// The marks of a map, kept sorted by region-side (catalogue order).
///
/// A body map holds at most 142 region-sides, so a sorted list with binary search is all it
/// needs; it also keeps the B-tree code out of the app's first download.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Marks(Vec<(RegionSide, MarkValue)>);

impl Marks {
    fn find(&self, at: &RegionSide) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(at))
    }

    fn get(&self, at: &RegionSide) -> Option<&MarkValue> {
        self.find(at)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    fn insert(&mut self, at: RegionSide, value: MarkValue) {
        match self.find(&at) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (at, value)),
        }
    }

    fn remove(&mut self, at: &RegionSide) {
        if let Ok(i) = self.find(at) {
            self.0.remove(i);
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = (&RegionSide, &MarkValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// A filled-in body map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyMap {
    marks: Marks,
    /// Ticked symptoms.
    pub symptoms: BTreeSet<Symptom>,
    /// The low back is in an acute flare-up.
    pub acute_flare: bool,
}

impl BodyMap {
    /// Applies one action; returns true when the map changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::SetSeverity(at, severity) => {
                if at.region.def().accepts(at.side) {
                    let kind = self.marks.get(&at).map(|m| m.kind).unwrap_or_default();
                    self.marks.insert(at, MarkValue { severity, kind });
                }
            }
            Action::SetKind(at, kind) => {
                if at.region.def().accepts(at.side) {
                    let severity = self.marks.get(&at).map_or(Severity::MILD, |m| m.severity);
                    self.marks.insert(at, MarkValue { severity, kind });
                }
            }
            Action::Clear(at) => {
                self.marks.remove(&at);
            }
            Action::ToggleSymptom(s) => {
                if !self.symptoms.remove(&s) {
                    self.symptoms.insert(s);
                } else if s == Symptom::LowBackPain {
                    // The flare question is asked under low back pain; unticking that must
                    // not leave a hidden flare that still changes the plan.
                    self.acute_flare = false;
                }
            }
            Action::SetFlare(on) => self.acute_flare = on,
            Action::ClearAll => *self = BodyMap::default(),
        }
        *self != before
    }

    /// The mark of a region-side, if any.
    pub fn get(&self, at: RegionSide) -> Option<MarkValue> {
        self.marks.get(&at).copied()
    }

    /// Number of marked region-sides.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// True when nothing is marked and no symptom is ticked.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.symptoms.is_empty() && !self.acute_flare
    }

    /// All marks in catalogue order.
    pub fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.marks.iter().map(|(at, v)| Mark {
            region: at.region,
            side: at.side,
            severity: v.severity,
            kind: v.kind,
        })
    }

    /// The side that is tighter when both sides of a bilateral region are marked and differ.
    pub fn tighter_side(&self, region: RegionId) -> Option<Side> {
        let l = self
            .get(RegionSide {
                region,
                side: Side::Left,
            })?
            .severity;
        let r = self
            .get(RegionSide {
                region,
                side: Side::Right,
            })?
            .severity;
        match l.cmp(&r) {
            std::cmp::Ordering::Greater => Some(Side::Left),
            std::cmp::Ordering::Less => Some(Side::Right),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Builds a map from marks; malformed ones (a side that does not fit) are returned apart.
    /// Several marks on one region-side keep the highest severity.
    pub fn from_marks(marks: impl IntoIterator<Item = Mark>) -> (BodyMap, Vec<Mark>) {
        let mut map = BodyMap::default();
        let mut rejected = Vec::new();
        for m in marks {
            if !m.is_well_formed() {
                rejected.push(m);
                continue;
            }
            let v = MarkValue {
                severity: m.severity,
                kind: m.kind,
            };
            let at = m.at();
            if map
                .marks
                .get(&at)
                .is_none_or(|old| v.severity > old.severity)
            {
                map.marks.insert(at, v);
            }
        }
        (map, rejected)
    }
}

#[derive(Serialize, Deserialize)]
struct BodyMapJson {
    #[serde(default)]
    marks: Vec<Mark>,
    #[serde(default)]
    symptoms: BTreeSet<Symptom>,
    #[serde(default)]
    acute_flare: bool,
}

impl Serialize for BodyMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        BodyMapJson {
            marks: self.marks().collect(),
            symptoms: self.symptoms.clone(),
            acute_flare: self.acute_flare,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for BodyMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = BodyMapJson::deserialize(d)?;
        let (mut map, rejected) = BodyMap::from_marks(raw.marks);
        if let Some(m) = rejected.first() {
            return Err(serde::de::Error::custom(format!(
                "side `{}` does not fit region `{}`",
                m.side.key(),
                m.region.key()
            )));
        }
        map.symptoms = raw.symptoms;
        map.acute_flare = raw.acute_flare;
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs(region: RegionId, side: Side) -> RegionSide {
        RegionSide { region, side }
    }

    /// The sorted list behaves exactly like an ordered map under any sequence of edits.
    #[test]
    fn marks_match_an_ordered_map_model() {
        use proptest::prelude::*;
        use std::collections::BTreeMap;
        let all: Vec<RegionSide> = RegionSide::all().collect();
        let n = all.len();
        let op = (0..n, 0u8..4, any::<bool>(), 0u8..3);
        proptest!(ProptestConfig::with_cases(500), |(ops in proptest::collection::vec(op, 0..200))| {
            let mut map = BodyMap::default();
            let mut model: BTreeMap<RegionSide, MarkValue> = BTreeMap::new();
            for (i, sev, sore, what) in ops {
                let at = all[i];
                let kind = if sore { Kind::Sore } else { Kind::Tight };
                let severity = Severity::new(sev).expect("0..4 is a severity");
                match what {
                    0 => {
                        map.apply(Action::SetSeverity(at, severity));
                        let k = model.get(&at).map(|m| m.kind).unwrap_or_default();
                        model.insert(at, MarkValue { severity, kind: k });
                    }
                    1 => {
                        map.apply(Action::SetKind(at, kind));
                        let sv = model.get(&at).map_or(Severity::MILD, |m| m.severity);
                        model.insert(at, MarkValue { severity: sv, kind });
                    }
                    _ => {
                        map.apply(Action::Clear(at));
                        model.remove(&at);
                    }
                }
                prop_assert_eq!(map.len(), model.len());
            }
            let got: Vec<(RegionSide, MarkValue)> =
                map.marks().map(|m| (m.at(), MarkValue { severity: m.severity, kind: m.kind })).collect();
            let want: Vec<(RegionSide, MarkValue)> = model.into_iter().collect();
            prop_assert_eq!(got, want);
        });
    }

    #[test]
    fn setting_and_clearing_a_mark() {
        let mut m = BodyMap::default();
        let at = rs(RegionId::Calf, Side::Left);
        assert!(m.apply(Action::SetSeverity(at, Severity::MODERATE)));
        assert_eq!(
            m.get(at),
            Some(MarkValue {
                severity: Severity::MODERATE,
                kind: Kind::Tight
            })
        );
        assert!(m.apply(Action::SetKind(at, Kind::Sore)));
        assert_eq!(m.get(at).map(|v| v.severity), Some(Severity::MODERATE));
        assert!(
            !m.apply(Action::SetKind(at, Kind::Sore)),
            "same value is no change"
        );
        assert!(m.apply(Action::Clear(at)));
        assert_eq!(m.get(at), None);
    }

    #[test]
    fn kind_on_an_unmarked_side_makes_it_mild() {
        let mut m = BodyMap::default();
        let at = rs(RegionId::Quadriceps, Side::Right);
        m.apply(Action::SetKind(at, Kind::Sore));
        assert_eq!(
            m.get(at),
            Some(MarkValue {
                severity: Severity::MILD,
                kind: Kind::Sore
            })
        );
    }

    #[test]
    fn a_side_that_does_not_fit_is_ignored() {
        let mut m = BodyMap::default();
        assert!(!m.apply(Action::SetSeverity(
            rs(RegionId::Sternum, Side::Left),
            Severity::MILD
        )));
        assert!(m.is_empty());
    }

    #[test]
    fn tighter_side_needs_both_sides_and_a_difference() {
        let mut m = BodyMap::default();
        m.apply(Action::SetSeverity(
            rs(RegionId::Calf, Side::Left),
            Severity::STRONG,
        ));
        assert_eq!(m.tighter_side(RegionId::Calf), None, "other side unknown");
        m.apply(Action::SetSeverity(
            rs(RegionId::Calf, Side::Right),
            Severity::STRONG,
        ));
        assert_eq!(m.tighter_side(RegionId::Calf), None, "equal");
        m.apply(Action::SetSeverity(
            rs(RegionId::Calf, Side::Right),
            Severity::FINE,
        ));
        assert_eq!(m.tighter_side(RegionId::Calf), Some(Side::Left));
    }

    #[test]
    fn symptoms_toggle_and_clear_all_resets() {
        let mut m = BodyMap::default();
        m.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        assert!(m.symptoms.contains(&Symptom::LowBackPain));
        m.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        assert!(m.symptoms.is_empty());
        m.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        m.apply(Action::SetFlare(true));
        m.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        assert!(
            !m.acute_flare,
            "unticking low back pain ends the flare answer"
        );
        m.apply(Action::SetFlare(true));
        m.apply(Action::ClearAll);
        assert!(m.is_empty());
    }

    #[test]
    fn json_round_trip_and_duplicates_keep_the_highest() {
        let json = r#"{"marks":[{"region":"calf","side":"left","severity":1},
            {"region":"calf","side":"left","severity":3,"kind":"sore"}],
            "symptoms":["low_back_pain"],"acute_flare":true}"#;
        let m: BodyMap = serde_json::from_str(json).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(
            m.get(rs(RegionId::Calf, Side::Left)).map(|v| v.severity),
            Some(Severity::STRONG)
        );
        let back: BodyMap = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn json_with_a_side_that_does_not_fit_is_an_error() {
        let json = r#"{"marks":[{"region":"sternum","side":"left","severity":1}]}"#;
        assert!(serde_json::from_str::<BodyMap>(json).is_err());
    }
}

/// Plain description of a region-side for screen readers and buttons, e.g.
/// "Calf, your left: moderate (2 of 3), tight, the tighter side".
pub fn describe(at: RegionSide, mark: Option<MarkValue>, tighter: bool) -> String {
    let mut s = at.label();
    match mark {
        None => s.push_str(": not marked"),
        Some(m) => {
            s.push_str(&format!(
                ": {} ({} of 3), {}",
                m.severity.word(),
                m.severity.get(),
                m.kind.word()
            ));
            if tighter {
                s.push_str(", the tighter side");
            }
        }
    }
    s
}

#[cfg(test)]
mod describe_tests {
    use super::*;

    #[test]
    fn describe_names_region_side_severity_and_kind() {
        let at = RegionSide {
            region: RegionId::Calf,
            side: Side::Left,
        };
        assert_eq!(describe(at, None, false), "Calf, your left: not marked");
        let m = MarkValue {
            severity: Severity::MODERATE,
            kind: Kind::Sore,
        };
        assert_eq!(
            describe(at, Some(m), true),
            "Calf, your left: moderate (2 of 3), sore, the tighter side"
        );
    }
}
