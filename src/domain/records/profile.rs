//! What a person tells the app about themselves, and the saved safety-screen answers.
//!
//! Everything in the profile is optional and can be changed at any time; each change goes
//! through [`Profile::apply`] with a [`ProfileAction`], so the UI never edits fields directly
//! and every transition is tested here. The screen answers are kept with the local date they
//! were given: [`needs_screen`] says when to ask again (no answers yet, a week or more old,
//! or the person said their symptoms are new or have changed).
//!
//! How the profile, the screen answers and the map together become the engine's case is the
//! document's business ([`crate::domain::records::document::Document::case`]).

use crate::domain::knowledge::region::{RegionId, Side};
use crate::domain::knowledge::rule::Joint;
use crate::domain::knowledge::screen::FlagId;
use crate::domain::knowledge::technique::Tool;
use crate::domain::planner::case::{Condition, ConditionId, Sensitivity};
use serde::{Deserialize, Serialize};

/// Days after which the safety questions are asked again.
pub const SCREEN_VALID_DAYS: i64 = 7;

/// Tools a person can own, in the order the profile lists them (hands are always there).
pub const OWNABLE_TOOLS: [Tool; 6] = [
    Tool::SoftRoller,
    Tool::MediumRoller,
    Tool::TennisBall,
    Tool::RubberBall,
    Tool::LacrosseBall,
    Tool::RollingPin,
];

/// Conditions that take no details, in the order the profile lists them.
pub const PLAIN_CONDITIONS: [ConditionId; 5] = [
    ConditionId::Osteoporosis,
    ConditionId::Fibromyalgia,
    ConditionId::BloodThinners,
    ConditionId::BloodPressure,
    ConditionId::Pregnancy,
];

/// Places a previous operation can be entered for: a joint, or a part of the spine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SurgeryPlace {
    /// A joint (with a side).
    Joint(Joint),
    /// A midline region of the spine (no side).
    Spine(RegionId),
}

/// Every place the profile offers for a previous operation, in display order.
pub const SURGERY_PLACES: [SurgeryPlace; 6] = [
    SurgeryPlace::Joint(Joint::Hip),
    SurgeryPlace::Joint(Joint::Knee),
    SurgeryPlace::Joint(Joint::Shoulder),
    SurgeryPlace::Spine(RegionId::LumbarSpine),
    SurgeryPlace::Spine(RegionId::ThoracicSpine),
    SurgeryPlace::Spine(RegionId::CervicalSpine),
];

impl SurgeryPlace {
    /// Plain name.
    pub fn name(self) -> &'static str {
        match self {
            SurgeryPlace::Joint(j) => joint_name(j),
            SurgeryPlace::Spine(RegionId::LumbarSpine) => "Low back (spine)",
            SurgeryPlace::Spine(RegionId::ThoracicSpine) => "Mid back (spine)",
            SurgeryPlace::Spine(RegionId::CervicalSpine) => "Neck (spine)",
            SurgeryPlace::Spine(r) => r.def().name,
        }
    }

    /// True when the place needs a side.
    pub fn has_side(self) -> bool {
        matches!(self, SurgeryPlace::Joint(_))
    }

    /// The condition entry for this place (`side` is ignored for the spine).
    pub fn condition(self, side: Side) -> Condition {
        match self {
            SurgeryPlace::Joint(j) => Condition::at_joint(ConditionId::PreviousSurgery, j, side),
            SurgeryPlace::Spine(r) => Condition {
                id: ConditionId::PreviousSurgery,
                joint: None,
                side: None,
                region: Some(r),
            },
        }
    }
}

/// Plain name of a joint.
pub const fn joint_name(j: Joint) -> &'static str {
    match j {
        Joint::Knee => "Knee",
        Joint::Hip => "Hip",
        Joint::Shoulder => "Shoulder",
    }
}

/// Plain words for a sensitivity level (the profile says gentle, normal, firm).
pub const fn sensitivity_word(s: Sensitivity) -> &'static str {
    match s {
        Sensitivity::High => "Gentle",
        Sensitivity::Normal => "Normal",
        Sensitivity::Low => "Firm",
    }
}

/// Plain name of a condition for lists.
pub const fn condition_name(id: ConditionId) -> &'static str {
    match id {
        ConditionId::Osteoporosis => "Osteoporosis or thin bones",
        ConditionId::Fibromyalgia => "Fibromyalgia or chronic fatigue",
        ConditionId::BloodThinners => "I take blood thinners",
        ConditionId::BloodPressure => "Blood-pressure problems",
        ConditionId::JointReplacement => "Replaced joint",
        ConditionId::PreviousSurgery => "Earlier operation",
        ConditionId::Pregnancy => "Pregnant or recently gave birth",
    }
}

/// One line on why a condition matters to the plan.
pub const fn condition_why(id: ConditionId) -> &'static str {
    match id {
        ConditionId::Osteoporosis => {
            "Keeps pressure off your spine, ribs and hip bones, uses soft tools only and avoids bending or twisting."
        }
        ConditionId::Fibromyalgia => {
            "Makes sessions shorter and softer and skips the spots you marked strongest."
        }
        ConditionId::BloodThinners => "Keeps the pressure light and the holds short, so you bruise less.",
        ConditionId::BloodPressure => "Prefers chair and wall positions, so you change height less often.",
        ConditionId::JointReplacement => {
            "Keeps every tool away from the new joint and works only the muscle well away from it."
        }
        ConditionId::PreviousSurgery => {
            "Leaves the operated area and the scar alone until your surgeon or physio says otherwise."
        }
        ConditionId::Pregnancy => {
            "Uses gentle tools only and no lying face down; this app has no advice made for pregnancy."
        }
    }
}

/// Sound and vibration at the end of each step of a guided session.
///
/// Someone lying on a roller cannot watch the clock, so the soft sound is **on until the
/// person says otherwise**: the first session asks once ("keep it on?", with yes preselected)
/// and any choice made there or with the session's own switch is kept. Documents written
/// before that question existed carry `sound: false` as a default, not as a choice: `asked`
/// tells the two apart, so those people are asked once too. Vibration stays off unless turned
/// on (a phone buzzing on a hard floor startles more than it helps).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cues {
    /// A short soft tone, as the person chose it (read it through [`Cues::sound_on`]).
    pub sound: bool,
    /// A short vibration.
    pub vibrate: bool,
    /// The person has made a choice about the sound (the first-session question or the
    /// switch); until then the sound is on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub asked: bool,
    /// Spoken cues during a session (the step, "halfway", "switch sides", the breathing
    /// words), with a voice of the phone itself; off unless the person turns them on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub speech: bool,
}

impl Cues {
    /// True when a soft sound should mark the end of a step: the person's choice, or on when
    /// they have not chosen yet.
    pub fn sound_on(&self) -> bool {
        self.sound || !self.asked
    }

    /// True until the person has answered the sound question (or used the switch).
    pub fn ask_about_sound(&self) -> bool {
        !self.asked
    }
}

/// What the person told the app about themselves. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Entered conditions (always valid entries: the actions only build valid ones).
    pub conditions: Vec<Condition>,
    /// Getting down on the floor and up again is fine; `None` means not asked yet, which the
    /// plan treats as no (no floor positions) and the plan screen asks before the first plan
    /// ([`Profile::needs_setup`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor_ok: Option<bool>,
    /// Gentle (`high`), normal or firm (`low`).
    pub sensitivity: Sensitivity,
    /// Tools owned; `None` means not said yet (any tool may be suggested).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    /// Opted in to the mid-back roller variant.
    pub thoracic_roller: bool,
    /// Session cues.
    pub cues: Cues,
    /// The person has passed the first-visit welcome (started or skipped it): it is never
    /// shown again. Absent in documents written before it existed (read as `false`; such a
    /// document is not a first visit anyway once anything is in it, see
    /// [`crate::domain::records::document::Document::first_visit`]).
    #[serde(skip_serializing_if = "is_false")]
    pub welcomed: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One change to the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileAction {
    /// Tick or untick a condition without details (osteoporosis, fibromyalgia, …).
    ToggleCondition(ConditionId),
    /// Add a replaced joint on one side (ignored for `mid` or when already there).
    AddReplacement(Joint, Side),
    /// Add an earlier operation (ignored when already there).
    AddSurgery(SurgeryPlace, Side),
    /// Remove the condition entry at this index.
    RemoveCondition(usize),
    /// Floor answer (`None` = not said).
    SetFloor(Option<bool>),
    /// Sensitivity.
    SetSensitivity(Sensitivity),
    /// Tick or untick an owned tool (hands cannot be unticked).
    ToggleTool(Tool),
    /// Forget the tool list: any tool may be suggested.
    ToolsNotSaid,
    /// None of the listed tools: hands only (an answer, unlike [`ProfileAction::ToolsNotSaid`]).
    NoTools,
    /// The first-visit welcome was passed (started or skipped); it is not shown again.
    Welcomed,
    /// The mid-back roller opt-in.
    SetThoracicRoller(bool),
    /// Sound at the end of a step: the person's choice (it also answers the first-session
    /// question, see [`Cues`]).
    SetSound(bool),
    /// Vibration at step changes.
    SetVibrate(bool),
    /// Spoken cues on or off.
    SetSpeech(bool),
}

impl Profile {
    /// Applies one action; returns true when the profile changed.
    pub fn apply(&mut self, action: ProfileAction) -> bool {
        let before = self.clone();
        match action {
            ProfileAction::ToggleCondition(id) => {
                if PLAIN_CONDITIONS.contains(&id) {
                    if self.has(id) {
                        self.conditions.retain(|c| c.id != id);
                    } else {
                        self.conditions.push(Condition::plain(id));
                    }
                }
            }
            ProfileAction::AddReplacement(joint, side) => {
                if side != Side::Mid {
                    self.add(Condition::at_joint(
                        ConditionId::JointReplacement,
                        joint,
                        side,
                    ));
                }
            }
            ProfileAction::AddSurgery(place, side) => {
                if !place.has_side() || side != Side::Mid {
                    self.add(place.condition(side));
                }
            }
            ProfileAction::RemoveCondition(i) => {
                if i < self.conditions.len() {
                    self.conditions.remove(i);
                }
            }
            ProfileAction::SetFloor(v) => self.floor_ok = v,
            ProfileAction::SetSensitivity(s) => self.sensitivity = s,
            ProfileAction::ToggleTool(t) => {
                if t != Tool::Hands {
                    let list = self.tools.get_or_insert_with(Vec::new);
                    if let Some(i) = list.iter().position(|x| *x == t) {
                        list.remove(i);
                    } else {
                        list.push(t);
                        list.sort();
                    }
                }
            }
            ProfileAction::ToolsNotSaid => self.tools = None,
            ProfileAction::NoTools => self.tools = Some(Vec::new()),
            ProfileAction::Welcomed => self.welcomed = true,
            ProfileAction::SetThoracicRoller(on) => self.thoracic_roller = on,
            ProfileAction::SetSound(on) => {
                self.cues.sound = on;
                self.cues.asked = true;
            }
            ProfileAction::SetVibrate(on) => self.cues.vibrate = on,
            ProfileAction::SetSpeech(on) => self.cues.speech = on,
        }
        *self != before
    }

    fn add(&mut self, c: Condition) {
        if !self.conditions.contains(&c) {
            self.conditions.push(c);
        }
    }

    /// True when a condition with this id is entered.
    pub fn has(&self, id: ConditionId) -> bool {
        self.conditions.iter().any(|c| c.id == id)
    }

    /// True while the questions that change every plan are unanswered: the tools at home and
    /// whether the floor is fine. The plan screen asks them before the first plan (then the
    /// safety questions); until then no floor position is planned.
    pub fn needs_setup(&self) -> bool {
        self.tools.is_none() || self.floor_ok.is_none()
    }

    /// True when the person said they own `tool` (hands always).
    pub fn owns(&self, tool: Tool) -> bool {
        tool == Tool::Hands || self.tools.as_ref().is_some_and(|l| l.contains(&tool))
    }
}

/// A plain description of a condition entry with details ("Replaced joint: knee, your right").
pub fn describe_condition(c: &Condition) -> String {
    let mut s = condition_name(c.id).to_string();
    let place = match (c.joint, c.region) {
        (Some(j), _) => Some(joint_name(j).to_lowercase()),
        (None, Some(r)) => Some(
            SURGERY_PLACES
                .iter()
                .find(|p| **p == SurgeryPlace::Spine(r))
                .map_or_else(|| r.def().name.to_lowercase(), |p| p.name().to_lowercase()),
        ),
        (None, None) => None,
    };
    if let Some(place) = place {
        s.push_str(": ");
        s.push_str(&place);
        match c.side {
            Some(Side::Left) => s.push_str(", your left"),
            Some(Side::Right) => s.push_str(", your right"),
            _ => {}
        }
    }
    s
}

/// The last answers to the safety questions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenRecord {
    /// Local date the answers were given (`YYYY-MM-DD`).
    pub date: String,
    /// Questions answered yes; every other question was answered no.
    #[serde(default)]
    pub yes: Vec<FlagId>,
    /// The person said their symptoms are new or have changed since: ask again.
    #[serde(default)]
    pub recheck: bool,
}

/// True when the safety questions must be asked (again) before a plan is shown: never
/// answered, answered 7 or more days before `today`, a date that cannot be read or lies in
/// the future (a changed clock), or "new or changed symptoms" ticked since.
pub fn needs_screen(screen: Option<&ScreenRecord>, today: &str) -> bool {
    let Some(s) = screen else { return true };
    if s.recheck {
        return true;
    }
    match (day_number(&s.date), day_number(today)) {
        (Some(then), Some(now)) => now < then || now - then >= SCREEN_VALID_DAYS,
        _ => true,
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (extra text after the date is ignored, so
/// an ISO time stamp works too); `None` when it is not a real date. The calendar's one date
/// parser does the work.
pub fn day_number(date: &str) -> Option<i64> {
    crate::domain::calendar::parse_day(date.get(..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::planner::case::Case;

    #[test]
    fn dates_count_days_and_reject_nonsense() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2024-02-29"),
            day_number("2024-02-28").map(|d| d + 1)
        );
        assert_eq!(day_number("2026-11-21T10:00:00Z"), day_number("2026-11-21"));
        for bad in [
            "",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-11-21",
            "2026-1-021",
            "abcd-ef-gh",
            "2026-11-+1",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_screen_is_asked_first_after_a_week_and_after_new_symptoms() {
        assert!(needs_screen(None, "2026-11-21"));
        let mut s = ScreenRecord {
            date: "2026-11-21".into(),
            yes: vec![],
            recheck: false,
        };
        assert!(!needs_screen(Some(&s), "2026-11-21"));
        assert!(!needs_screen(Some(&s), "2026-11-27"), "6 days later");
        assert!(needs_screen(Some(&s), "2026-11-28"), "7 days later");
        assert!(needs_screen(Some(&s), "2026-11-20"), "a date in the future");
        assert!(needs_screen(Some(&s), "not a date"));
        s.recheck = true;
        assert!(needs_screen(Some(&s), "2026-11-21"));
        s.recheck = false;
        s.date = "garbage".into();
        assert!(needs_screen(Some(&s), "2026-11-21"));
    }

    #[test]
    fn profile_actions_build_only_valid_conditions() {
        let mut p = Profile::default();
        assert!(p.apply(ProfileAction::ToggleCondition(ConditionId::Osteoporosis)));
        assert!(p.has(ConditionId::Osteoporosis));
        assert!(!p.apply(ProfileAction::ToggleCondition(
            ConditionId::JointReplacement
        )));
        assert!(p.apply(ProfileAction::AddReplacement(Joint::Knee, Side::Right)));
        assert!(
            !p.apply(ProfileAction::AddReplacement(Joint::Knee, Side::Right)),
            "no duplicates"
        );
        assert!(!p.apply(ProfileAction::AddReplacement(Joint::Hip, Side::Mid)));
        assert!(p.apply(ProfileAction::AddSurgery(
            SurgeryPlace::Joint(Joint::Hip),
            Side::Left
        )));
        assert!(!p.apply(ProfileAction::AddSurgery(
            SurgeryPlace::Joint(Joint::Hip),
            Side::Mid
        )));
        assert!(p.apply(ProfileAction::AddSurgery(
            SurgeryPlace::Spine(RegionId::LumbarSpine),
            Side::Mid
        )));
        let case = Case {
            conditions: p.conditions.clone(),
            ..Case::default()
        };
        assert_eq!(case.validate(), Ok(()));
        assert_eq!(
            describe_condition(&p.conditions[1]),
            "Replaced joint: knee, your right"
        );
        assert_eq!(
            describe_condition(&p.conditions[3]),
            "Earlier operation: low back (spine)"
        );
        assert!(p.apply(ProfileAction::RemoveCondition(0)));
        assert!(!p.has(ConditionId::Osteoporosis));
        assert!(!p.apply(ProfileAction::RemoveCondition(9)));
        assert!(p.apply(ProfileAction::ToggleCondition(ConditionId::Pregnancy)));
        assert!(p.apply(ProfileAction::ToggleCondition(ConditionId::Pregnancy)));
        assert!(!p.has(ConditionId::Pregnancy));
    }

    #[test]
    fn tools_start_unsaid_and_hands_stay() {
        let mut p = Profile::default();
        assert!(!p.apply(ProfileAction::ToggleTool(Tool::Hands)));
        assert!(p.apply(ProfileAction::ToggleTool(Tool::TennisBall)));
        assert!(p.apply(ProfileAction::ToggleTool(Tool::SoftRoller)));
        assert_eq!(p.tools, Some(vec![Tool::TennisBall, Tool::SoftRoller]));
        assert!(p.owns(Tool::Hands) && p.owns(Tool::TennisBall) && !p.owns(Tool::RollingPin));
        assert!(p.apply(ProfileAction::ToggleTool(Tool::TennisBall)));
        assert!(p.apply(ProfileAction::ToggleTool(Tool::SoftRoller)));
        assert_eq!(p.tools, Some(vec![]), "nothing ticked means hands only");
        assert!(p.apply(ProfileAction::ToolsNotSaid));
        assert_eq!(p.tools, None);
    }

    #[test]
    fn the_first_plan_waits_for_tools_and_floor() {
        let mut p = Profile::default();
        assert!(p.needs_setup(), "never asked");
        assert!(p.apply(ProfileAction::SetFloor(Some(false))));
        assert!(p.needs_setup(), "tools still unanswered");
        assert!(p.apply(ProfileAction::NoTools));
        assert_eq!(p.tools, Some(vec![]), "hands only is an answer");
        assert!(!p.needs_setup());
        assert!(
            !p.apply(ProfileAction::NoTools),
            "no change the second time"
        );
        assert!(p.apply(ProfileAction::ToggleTool(Tool::TennisBall)));
        assert!(
            p.apply(ProfileAction::NoTools),
            "none of these clears the ticks"
        );
        assert_eq!(p.tools, Some(vec![]));
        assert!(p.apply(ProfileAction::SetFloor(None)));
        assert!(p.needs_setup(), "floor not said again");
        assert!(p.apply(ProfileAction::SetFloor(Some(true))));
        assert!(p.apply(ProfileAction::ToolsNotSaid));
        assert!(p.needs_setup(), "tools not said again");
    }

    #[test]
    fn the_welcome_is_passed_once_and_kept() {
        let mut p = Profile::default();
        assert!(!p.welcomed);
        assert!(p.apply(ProfileAction::Welcomed));
        assert!(!p.apply(ProfileAction::Welcomed), "once");
        let text = serde_json::to_string(&p).unwrap();
        assert!(text.contains(r#""welcomed":true"#), "{text}");
        let back: Profile = serde_json::from_str(&text).unwrap();
        assert!(back.welcomed);
        // Written before the flag existed: read as not welcomed, nothing else lost.
        let old: Profile =
            serde_json::from_str(r#"{"floor_ok":false,"tools":["tennis_ball"]}"#).unwrap();
        assert!(!old.welcomed);
        assert_eq!(old.floor_ok, Some(false));
        assert!(
            !serde_json::to_string(&Profile::default())
                .unwrap()
                .contains("welcomed"),
            "not written while false, so older documents stay byte for byte the same"
        );
    }

    #[test]
    fn every_condition_has_a_name_and_a_reason() {
        for id in PLAIN_CONDITIONS
            .into_iter()
            .chain([ConditionId::JointReplacement, ConditionId::PreviousSurgery])
        {
            assert!(!condition_name(id).is_empty());
            assert!(condition_why(id).ends_with('.'));
        }
        for place in SURGERY_PLACES {
            let c = place.condition(Side::Left);
            let case = Case {
                conditions: vec![c],
                ..Case::default()
            };
            assert_eq!(case.validate(), Ok(()), "{}", place.name());
        }
    }

    #[test]
    fn the_end_of_step_sound_is_on_until_the_person_chooses_and_a_choice_is_kept() {
        let mut p = Profile::default();
        assert!(p.cues.sound_on(), "on before anyone asked");
        assert!(p.cues.ask_about_sound());
        assert!(!p.cues.vibrate, "vibration stays off unless turned on");
        assert!(p.apply(ProfileAction::SetSound(false)));
        assert!(!p.cues.sound_on(), "a no is kept");
        assert!(!p.cues.ask_about_sound(), "asked once");
        assert!(p.apply(ProfileAction::SetSound(true)));
        assert!(p.cues.sound_on());
        // Keeping the preselected answer still records that the question was answered.
        let mut fresh = Profile::default();
        assert!(fresh.apply(ProfileAction::SetSound(true)));
        assert!(!fresh.cues.ask_about_sound() && fresh.cues.sound_on());
        assert!(
            !fresh.apply(ProfileAction::SetSound(true)),
            "nothing changes the second time"
        );
    }

    #[test]
    fn an_older_stored_no_sound_is_a_default_so_that_person_is_asked_once() {
        // Written before the question existed: `sound: false` was only the old default.
        let old: Profile =
            serde_json::from_str(r#"{"cues":{"sound":false,"vibrate":true}}"#).expect("parses");
        assert!(old.cues.ask_about_sound() && old.cues.sound_on() && old.cues.vibrate);
        // The flag is written only once set, so documents without an answer keep their text.
        let text = serde_json::to_string(&Cues::default()).expect("serialises");
        assert_eq!(text, r#"{"sound":false,"vibrate":false}"#);
        let answered = Cues {
            sound: false,
            vibrate: false,
            asked: true,
            speech: true,
        };
        let back: Cues =
            serde_json::from_str(&serde_json::to_string(&answered).expect("serialises"))
                .expect("parses");
        assert_eq!(back, answered);
        assert!(!back.sound_on());
    }
}
