//! The roof of the records: [`Document`], everything a person keeps on the device, and the
//! operations on the whole of it.
//!
//! Each field is a record of its own file (the map, check-ins, sessions, profile, programme,
//! the running session, saved shared maps), and each of those files keeps to its record. What
//! needs more than one record lives here:
//!
//! - [`Document::case`] is the only bridge from the records to the planner: the map (marks,
//!   symptoms, flare), the profile (conditions, floor, sensitivity, tools, the mid-back roller
//!   opt-in), the last screen answers, and the region-sides paused after a "sharp pain" stop.
//!   A paused region-side enters the case as a spot-only local finding of kind `wound`: that
//!   is the narrowest exclusion the §7.1 contract has (G4 keeps every tool off exactly that
//!   spot, leaves the other side's mark and the neighbours alone, and keeps it out of
//!   `to_map`). The UI shows its own reason for those entries ([`PAUSED_REASON`]).
//!   [`Document::from_case`] goes the other way, for test fixtures: a case becomes the
//!   document the app would have stored.
//!
//! How a document becomes text, and back, is persistence's business
//! ([`crate::domain::persistence::store`]).

use crate::domain::knowledge::region::RegionSide;
use crate::domain::planner::case::{Case, LocalFinding, LocalKind, Prefs};
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::guide::Running;
use crate::domain::records::history::CheckIn;
use crate::domain::records::profile::{Cues, Profile, ScreenRecord};
use crate::domain::records::programme::Programme;
use crate::domain::records::session::SessionRecord;
use crate::domain::records::shared::ImportedMap;
use serde::{Deserialize, Serialize};

/// Everything the app keeps on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The current body map.
    #[serde(default)]
    pub map: BodyMap,
    /// When the map was last changed (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_updated: Option<String>,
    /// Map check-ins, oldest first (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// Guided sessions, oldest first (v2; written by the session screen). Stored compactly,
    /// see [`crate::domain::records::history::stored_sessions`].
    #[serde(default, with = "crate::domain::records::history::stored_sessions")]
    pub sessions: Vec<SessionRecord>,
    /// The 28-day programme, once started (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// When the person last exported a backup file, ISO 8601 (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<String>,
    /// What the person told the app about themselves.
    #[serde(default, skip_serializing_if = "is_default")]
    pub profile: Profile,
    /// The last answers to the safety questions, with their date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<ScreenRecord>,
    /// Region-sides left out of the plan after a "sharp pain" stop, until the person clears them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paused: Vec<RegionSide>,
    /// The guided session in progress, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<Running>,
    /// Maps received through share links and saved by the person, oldest first. Kept apart
    /// from their own map, which a shared map never replaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<ImportedMap>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Shown in the plan's "areas we leave alone" for a region-side paused by a sharp-pain stop.
pub const PAUSED_REASON: &str =
    "You stopped here because of sharp pain or tingling, so it is left out until you say it feels fine again.";

/// Why a case cannot be stored as a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotStorable {
    /// Local findings have no place in the app yet.
    Local,
    /// `prefs.long_holds` has no place in the app.
    LongHolds,
    /// A mark's side does not fit its region.
    Marks,
}

impl Document {
    /// The engine's input for everything the person has entered: the map (marks, symptoms,
    /// flare), the profile (conditions, floor, sensitivity, tools, the mid-back roller
    /// opt-in), the last screen answers, and the paused region-sides (see the module docs).
    /// This is the only bridge from the records to the planner.
    pub fn case(&self) -> Case {
        let p = &self.profile;
        let mut case = Case {
            symptoms: self.map.symptoms.iter().copied().collect(),
            acute_flare: self.map.acute_flare,
            conditions: p.conditions.clone(),
            floor_ok: p.floor_ok.unwrap_or(true),
            sensitivity: p.sensitivity,
            red_flags: self
                .screen
                .as_ref()
                .map(|s| s.yes.clone())
                .unwrap_or_default(),
            local: Vec::new(),
            prefs: Prefs {
                long_holds: false,
                thoracic_roller_opt_in: p.thoracic_roller,
            },
            tools: p.tools.clone(),
            marks: self.map.marks().collect(),
        };
        case.red_flags.sort();
        case.red_flags.dedup();
        for at in &self.paused {
            if at.region.def().accepts(at.side) {
                case.local.push(LocalFinding {
                    region: at.region,
                    side: at.side,
                    kind: LocalKind::Wound,
                });
            }
        }
        case
    }

    /// The document the app would store for `case`, with the screen answered on `today`
    /// (the inverse of [`Document::case`] for the parts the app can enter; used by test
    /// fixtures).
    pub fn from_case(case: &Case, today: &str) -> Result<Document, NotStorable> {
        if !case.local.is_empty() {
            return Err(NotStorable::Local);
        }
        if case.prefs.long_holds {
            return Err(NotStorable::LongHolds);
        }
        let (mut map, rejected) = BodyMap::from_marks(case.marks.iter().copied());
        if !rejected.is_empty() {
            return Err(NotStorable::Marks);
        }
        map.symptoms = case.symptoms.iter().copied().collect();
        map.acute_flare = case.acute_flare;
        Ok(Document {
            map,
            profile: Profile {
                conditions: case.conditions.clone(),
                floor_ok: (!case.floor_ok).then_some(false),
                sensitivity: case.sensitivity,
                tools: case.tools.clone(),
                thoracic_roller: case.prefs.thoracic_roller_opt_in,
                cues: Cues::default(),
            },
            screen: Some(ScreenRecord {
                date: today.to_string(),
                yes: case.red_flags.clone(),
                recheck: false,
            }),
            ..Document::default()
        })
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::knowledge::screen::FlagId;
    use crate::domain::knowledge::technique::Tool;
    use crate::domain::planner::case::ConditionId;
    use crate::domain::planner::engine::plan;
    use crate::domain::records::body_map::Action;
    use crate::domain::records::profile::{needs_screen, ProfileAction};

    #[test]
    fn an_empty_document_leaves_the_tools_unsaid() {
        assert_eq!(Document::default().case().tools, None);
    }

    #[test]
    fn the_case_carries_every_input_and_the_plan_follows_the_profile() {
        let mut doc = Document::default();
        let quad = RegionSide::new(RegionId::Quadriceps, Side::Right).unwrap();
        doc.map
            .apply(Action::SetSeverity(
                quad,
                Severity::STRONG,
            ));
        let mid = RegionSide::new(RegionId::BetweenShoulderBlades, Side::Left).unwrap();
        doc.map
            .apply(Action::SetSeverity(
                mid,
                Severity::CLEAR,
            ));
        doc.profile.apply(ProfileAction::SetThoracicRoller(true));
        doc.profile
            .apply(ProfileAction::ToggleTool(Tool::SoftRoller));
        doc.profile
            .apply(ProfileAction::ToggleTool(Tool::TennisBall));
        let thoracic = |doc: &Document| {
            plan(&doc.case())
                .steps
                .iter()
                .any(|s| s.region == RegionId::ThoracicSpine)
        };
        assert!(thoracic(&doc), "the opt-in gives the mid-back roller");
        doc.profile
            .apply(ProfileAction::ToggleCondition(ConditionId::Osteoporosis));
        assert!(!thoracic(&doc), "osteoporosis removes it");
        let case = doc.case();
        assert_eq!(case.validate(), Ok(()));
        assert!(case.prefs.thoracic_roller_opt_in);
        assert_eq!(case.marks.len(), 2);
    }

    #[test]
    fn a_paused_side_gets_no_step_and_is_not_suggested_for_mapping() {
        let mut doc = Document::default();
        let r = RegionSide::new(RegionId::Calf, Side::Right).unwrap();
        let l = r.mirror();
        doc.map
            .apply(Action::SetSeverity(
                r,
                Severity::CLEAR,
            ));
        doc.map
            .apply(Action::SetSeverity(
                l,
                Severity::MILD,
            ));
        let p = plan(&doc.case());
        assert!(p.step(RegionId::Calf, Side::Right).is_some());
        doc.paused.push(r);
        let p = plan(&doc.case());
        assert!(p.step(RegionId::Calf, Side::Right).is_none());
        // The lighter left side alone would add to the imbalance (§3.11: at most half of
        // what the tighter side gets, and that is nothing today), so it waits too.
        assert!(p.step(RegionId::Calf, Side::Left).is_none());
        assert!(p
            .avoid
            .iter()
            .any(|a| a.region == RegionId::Calf && a.side == Side::Right));
        assert!(!p.to_map.iter().any(|t| t.region == RegionId::Calf));
        // Pausing the lighter side leaves the tighter one in the plan.
        doc.paused.clear();
        doc.paused.push(l);
        let p = plan(&doc.case());
        assert!(
            p.step(RegionId::Calf, Side::Right).is_some(),
            "the other side stays"
        );
        assert!(p.step(RegionId::Calf, Side::Left).is_none());
    }

    #[test]
    fn screen_answers_reach_the_engine() {
        let mut doc = Document::default();
        let q = RegionSide::new(RegionId::Quadriceps, Side::Left).unwrap();
        doc.map
            .apply(Action::SetSeverity(
                q,
                Severity::CLEAR,
            ));
        doc.screen = Some(ScreenRecord {
            date: "2026-11-21".into(),
            yes: vec![FlagId::RF1],
            recheck: false,
        });
        let p = plan(&doc.case());
        assert_eq!(
            p.status,
            crate::domain::planner::engine::Status::StopEmergency
        );
        assert!(p.steps.is_empty());
    }

    #[test]
    fn from_case_round_trips_through_case() {
        let text = r#"{"symptoms":["low_back_pain"],"acute_flare":true,"floor_ok":false,"sensitivity":"high",
            "conditions":[{"id":"joint_replacement","joint":"knee","side":"right"}],"red_flags":["A2"],
            "tools":["tennis_ball"],"prefs":{"thoracic_roller_opt_in":true},
            "marks":[{"region":"quadriceps","side":"right","severity":3,"kind":"sore"}]}"#;
        let case = Case::from_json(text).unwrap();
        let doc = Document::from_case(&case, "2026-11-21").unwrap();
        assert_eq!(doc.case(), case);
        assert!(!needs_screen(doc.screen.as_ref(), "2026-11-21"));
        let mut with_local = case.clone();
        with_local.local.push(LocalFinding {
            region: RegionId::Calf,
            side: Side::Left,
            kind: LocalKind::Inflamed,
        });
        assert_eq!(
            Document::from_case(&with_local, "2026-11-21"),
            Err(NotStorable::Local)
        );
    }

}
