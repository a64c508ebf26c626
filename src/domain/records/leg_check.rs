//! "Check my legs": the guided left/right mapping walk of the method (issue #14), as a pure
//! state machine.
//!
//! For low back pain the method looks for the cause in the legs first (knowledge base L1, L2):
//! compare left against right, leg group by leg group, in its order (L4: front of thigh and
//! hip, inner thigh, outer thigh, back of thigh; then the calves, L9), and then the front of
//! the legs against the back. [`GROUPS`] is that walk as a table: each group names the
//! catalogue regions it covers, how to test it on each side and which drawing shows it. No
//! group ever names a region with `pressure = none` (a test below checks it against the
//! catalogue), so the walk never asks anyone to press a no-pressure zone.
//!
//! [`Walk`] is where the person is and what they answered. [`Walk::command`] takes one
//! [`Command`] (answer a group, skip it, go back, answer front against back) and never
//! panics: a command that does not fit the step is a [`WalkError`]. An answer becomes marks
//! on the map ([`Answer::actions`], through the body map's own [`Action::SetSeverity`], so a
//! 0 is recorded as "checked and fine" exactly as a tap on "fine" records it); the document
//! applies them as the person goes ([`crate::domain::records::document::Document::leg_check`]),
//! so nothing answered is lost on a reload, and the walk itself is kept in the document so a
//! reload resumes where it stopped. A skipped group gives no marks; answering a group again
//! replaces its marks.

use crate::domain::knowledge::mark::{Mark, Severity};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side, View};
use crate::domain::records::body_map::Action;
use serde::{Deserialize, Deserializer, Serialize};

/// One leg group of the walk, in the method's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Front of the thigh and the front of the hip (quadriceps, hip flexor).
    FrontThigh,
    /// Inner thigh (adductors).
    InnerThigh,
    /// Outer thigh (IT band and vastus lateralis).
    OuterThigh,
    /// Back of the thigh (hamstrings).
    BackThigh,
    /// Calves.
    Calves,
}

/// How a group is tested on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    /// A short, gentle press with the fingers, held a moment, at a few places along it.
    Press,
    /// A gentle squeeze with the whole hand.
    Squeeze,
}

/// One row of the walk.
#[derive(Debug)]
pub struct GroupDef {
    /// Which group.
    pub group: Group,
    /// The catalogue regions an answer marks, both sides each. Never a no-pressure region.
    pub regions: &'static [RegionId],
    /// The drawing that shows the group best.
    pub view: View,
    /// How to test it.
    pub test: Test,
    /// The heading: "Front of the thigh and hip".
    pub title: &'static str,
    /// Where and how to test, in plain words, the left side first.
    pub how: &'static str,
    /// A safety line of this group's own (empty when none); the regions' own cautions
    /// ([`RegionId::caution`]) are shown besides.
    pub care: &'static str,
}

/// The walk, in the method's order (knowledge base L4, then the calves, L9).
pub const GROUPS: [GroupDef; 5] = [
    GroupDef {
        group: Group::FrontThigh,
        regions: &[RegionId::Quadriceps, RegionId::HipFlexor],
        view: View::Front,
        test: Test::Press,
        title: "Front of the thigh and hip",
        how: "Sit or lie on your back. Press gently with your fingers down the front of your left thigh, from the hip to a hand above the knee. Then do the same on the right.",
        care: "",
    },
    GroupDef {
        group: Group::InnerThigh,
        regions: &[RegionId::Adductors],
        view: View::Front,
        test: Test::Press,
        title: "Inner thigh",
        how: "Let your left knee fall out to the side. Press gently with your fingers along the middle of the inner thigh, well away from the groin. Then do the same on the right.",
        care: "",
    },
    GroupDef {
        group: Group::OuterThigh,
        regions: &[RegionId::OuterThigh],
        view: View::Front,
        test: Test::Press,
        title: "Outer thigh",
        how: "Press gently with your fingers, a moment at a time, down the outside of your left thigh, from below the hip bone to a hand above the knee. Do not rub or roll. Then do the same on the right.",
        care: "",
    },
    GroupDef {
        group: Group::BackThigh,
        regions: &[RegionId::Hamstrings],
        view: View::Back,
        test: Test::Press,
        title: "Back of the thigh",
        how: "Sit on a firm chair. Slide your fingers under your left thigh and press gently upwards, from the seat to a hand above the back of the knee. Then do the same on the right.",
        care: "Stay off the soft hollow at the back of the knee.",
    },
    GroupDef {
        group: Group::Calves,
        regions: &[RegionId::Calf],
        view: View::Back,
        test: Test::Squeeze,
        title: "Calves",
        how: "Sit with your left foot flat on the floor. Squeeze the thick middle of your left calf gently with your hand, then the right.",
        care: "If a calf is swollen, warm, red or throbbing, do not press it: skip this step and speak to a doctor today.",
    },
];

impl Group {
    /// Every group, in the walk's order.
    pub const ALL: [Group; 5] = [
        Group::FrontThigh,
        Group::InnerThigh,
        Group::OuterThigh,
        Group::BackThigh,
        Group::Calves,
    ];

    /// Its place in the walk (0-based).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Its row of [`GROUPS`].
    pub fn def(self) -> &'static GroupDef {
        &GROUPS[self.index()]
    }

    /// The group on one side, to begin a sentence: "The front of your right thigh and hip".
    pub fn on(self, side: Side) -> String {
        let s = match side {
            Side::Left => "left",
            Side::Right => "right",
            Side::Mid => "",
        };
        match self {
            Group::FrontThigh => format!("The front of your {s} thigh and hip"),
            Group::InnerThigh => format!("Your {s} inner thigh"),
            Group::OuterThigh => format!("Your {s} outer thigh"),
            Group::BackThigh => format!("The back of your {s} thigh"),
            Group::Calves => format!("Your {s} calf"),
        }
    }
}

/// How the two sides of a group felt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The left side, 0 = checked and fine.
    pub left: Severity,
    /// The right side, 0 = checked and fine.
    pub right: Severity,
}

impl Answer {
    /// The tighter side, when the two differ.
    pub fn tighter(self) -> Option<Side> {
        match self.left.cmp(&self.right) {
            std::cmp::Ordering::Greater => Some(Side::Left),
            std::cmp::Ordering::Less => Some(Side::Right),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The map actions this answer makes for `group`: every region of the group on both
    /// sides, with the body map's own severity (0 is "checked and fine").
    pub fn actions(self, group: Group) -> Vec<Action> {
        group
            .def()
            .regions
            .iter()
            .flat_map(|&region| {
                [(Side::Left, self.left), (Side::Right, self.right)]
                    .into_iter()
                    .filter_map(move |(side, sev)| {
                        RegionSide::new(region, side).map(|at| Action::SetSeverity(at, sev))
                    })
            })
            .collect()
    }
}

/// Which felt tighter overall: the front of the legs or the back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontBack {
    /// The front of the legs.
    Front,
    /// The back of the legs.
    Back,
    /// About the same.
    Same,
}

/// Where the walk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Testing one group, left and right.
    Group(Group),
    /// Front against back.
    FrontBack,
    /// The end: the summary and the way to the plan.
    Done,
}

/// One thing the person does on a walk screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// How the left and the right of a group felt (answering a group again replaces it).
    Answer {
        /// The group.
        group: Group,
        /// The left side.
        left: Severity,
        /// The right side.
        right: Severity,
    },
    /// Leave the current step unanswered and go on.
    Skip,
    /// Go back one step.
    Back,
    /// Which felt tighter, the front of the legs or the back (the step after the groups).
    FrontBack(FrontBack),
}

/// Why a command did not fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkError {
    /// "Back" on the first step.
    AtStart,
    /// "Skip" once the walk is done.
    Finished,
    /// A front-against-back answer before the groups are through.
    NotThisStep,
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// The map actions to apply (empty unless a group was answered).
    pub actions: Vec<Action>,
    /// The step now showing.
    pub stage: Stage,
}

/// Number of steps before the end: the groups and front against back.
pub const STEPS: usize = GROUPS.len() + 1;

/// A mapping walk in progress (or finished, until a new one starts). Plain data with no heap
/// part (it is in the document, which the first download copies and compares).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Walk {
    /// The step showing: 0–4 the groups, 5 front against back, 6 the end (anything larger
    /// reads as the end).
    #[serde(default)]
    at: u8,
    /// The answer of each group, in walk order (`None`: not answered, or skipped).
    #[serde(default, skip_serializing_if = "none_answered")]
    answers: [Option<Answer>; GROUPS.len()],
    /// The front-against-back answer, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    front_back: Option<FrontBack>,
}

impl Walk {
    /// A new walk on its first step.
    pub fn new() -> Walk {
        Walk::default()
    }

    /// The step showing.
    pub fn stage(&self) -> Stage {
        match Group::ALL.get(usize::from(self.at)) {
            Some(&g) => Stage::Group(g),
            None if usize::from(self.at) == GROUPS.len() => Stage::FrontBack,
            None => Stage::Done,
        }
    }

    /// The step showing, counted from 1 ("2 of 6"); the end counts as the last step.
    pub fn step_number(&self) -> usize {
        usize::from(self.at).min(STEPS - 1) + 1
    }

    /// True on the end screen.
    pub fn is_done(&self) -> bool {
        self.stage() == Stage::Done
    }

    /// The answer given for `group`, if any.
    pub fn answer(&self, group: Group) -> Option<Answer> {
        self.answers.get(group.index()).copied().flatten()
    }

    /// The groups answered, in walk order, with their answers.
    pub fn answered(&self) -> impl Iterator<Item = (Group, Answer)> + '_ {
        Group::ALL
            .into_iter()
            .filter_map(|g| Some((g, self.answer(g)?)))
    }

    /// The front-against-back answer, if given.
    pub fn front_back(&self) -> Option<FrontBack> {
        self.front_back
    }

    /// Carries out one command (see the module docs); the walk is unchanged on an error.
    pub fn command(&mut self, command: Command) -> Result<Moved, WalkError> {
        let mut actions = Vec::new();
        match command {
            Command::Answer { group, left, right } => {
                let answer = Answer { left, right };
                if let Some(slot) = self.answers.get_mut(group.index()) {
                    *slot = Some(answer);
                }
                actions = answer.actions(group);
                self.at = (group.index() + 1) as u8;
            }
            Command::Skip => {
                if self.is_done() {
                    return Err(WalkError::Finished);
                }
                self.at += 1;
            }
            Command::Back => {
                if self.at == 0 {
                    return Err(WalkError::AtStart);
                }
                self.at = self.at.min(STEPS as u8) - 1;
            }
            Command::FrontBack(choice) => {
                if self.stage() != Stage::FrontBack {
                    return Err(WalkError::NotThisStep);
                }
                self.front_back = Some(choice);
                self.at += 1;
            }
        }
        Ok(Moved {
            actions,
            stage: self.stage(),
        })
    }

    /// Every mark the walk's answers make, in walk order (what the map holds for those
    /// region-sides unless the person changed them since).
    pub fn marks(&self) -> Vec<Mark> {
        self.answered()
            .flat_map(|(group, answer)| answer.actions(group))
            .filter_map(|action| match action {
                Action::SetSeverity(at, severity) => Some(Mark {
                    region: at.region,
                    side: at.side,
                    severity,
                    kind: Default::default(),
                }),
                _ => None,
            })
            .collect()
    }

    /// The group whose sides differ most, with its tighter side (the earlier group on a tie):
    /// where the plan will start.
    pub fn most_uneven(&self) -> Option<(Group, Side)> {
        let mut best: Option<(u8, Group, Side)> = None;
        for (group, a) in self.answered() {
            if let Some(side) = a.tighter() {
                let diff = a.left.get().abs_diff(a.right.get());
                if best.is_none_or(|(d, _, _)| diff > d) {
                    best = Some((diff, group, side));
                }
            }
        }
        best.map(|(_, g, s)| (g, s))
    }

    /// The end screen's summary, one plain sentence a line: each group whose sides differed
    /// ("Your right outer thigh was tighter than the left."), or that they felt alike, and
    /// front against back. Empty when nothing was answered.
    pub fn summary(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .answered()
            .filter_map(|(group, a)| {
                let side = a.tighter()?;
                let other = match side {
                    Side::Left => "right",
                    _ => "left",
                };
                Some(format!("{} was tighter than the {other}.", group.on(side)))
            })
            .collect();
        if lines.is_empty() && !none_answered(&self.answers) {
            lines.push("Your left and right sides felt about the same.".to_string());
        }
        match self.front_back {
            Some(FrontBack::Front) => {
                lines.push("The front of your legs felt tighter than the back.".to_string())
            }
            Some(FrontBack::Back) => {
                lines.push("The back of your legs felt tighter than the front.".to_string())
            }
            Some(FrontBack::Same) => {
                lines.push("The front and back of your legs felt about the same.".to_string())
            }
            None => {}
        }
        lines
    }
}

/// True when no group is answered (nothing to write).
fn none_answered(answers: &[Option<Answer>; GROUPS.len()]) -> bool {
    answers.iter().all(Option::is_none)
}

/// Reads a stored walk leniently: one that cannot be read (damaged, or written by a newer
/// app with groups this one does not know) is dropped, never the document around it.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Walk>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::{Pressure, Role};

    fn sev(n: u8) -> Severity {
        Severity::new(n).unwrap()
    }

    fn answer(group: Group, left: u8, right: u8) -> Command {
        Command::Answer {
            group,
            left: sev(left),
            right: sev(right),
        }
    }

    #[test]
    fn no_step_of_the_walk_names_a_no_pressure_region() {
        for def in &GROUPS {
            assert!(!def.regions.is_empty(), "{:?} covers nothing", def.group);
            for r in def.regions {
                let d = r.def();
                assert_ne!(
                    d.pressure,
                    Pressure::None,
                    "{:?} asks to press {}",
                    def.group,
                    d.key
                );
                assert_eq!(
                    d.role,
                    Role::Target,
                    "{:?}: {} is not a target",
                    def.group,
                    d.key
                );
                assert!(d.is_bilateral(), "{}: the walk compares two sides", d.key);
                assert!(d.in_view(def.view), "{}: not on the drawing shown", d.key);
            }
        }
    }

    #[test]
    fn the_table_follows_the_methods_order() {
        for (i, def) in GROUPS.iter().enumerate() {
            assert_eq!(def.group.index(), i);
            assert_eq!(Group::ALL[i], def.group);
            assert!(def.how.contains("left") && def.how.contains("right"));
        }
        let first: Vec<RegionId> = GROUPS.iter().map(|d| d.regions[0]).collect();
        assert_eq!(
            first,
            [
                RegionId::Quadriceps,
                RegionId::Adductors,
                RegionId::OuterThigh,
                RegionId::Hamstrings,
                RegionId::Calf
            ]
        );
        assert_eq!(
            GROUPS[2].test,
            Test::Press,
            "outer thigh: press, never roll"
        );
        // Rolling is only ever named to rule it out.
        assert!(!GROUPS[2]
            .how
            .replace("Do not rub or roll", "")
            .contains("roll"));
    }

    #[test]
    fn walks_the_groups_in_order_then_front_against_back_then_ends() {
        let mut w = Walk::new();
        let mut seen = Vec::new();
        while let Stage::Group(g) = w.stage() {
            seen.push(g);
            w.command(answer(g, 1, 1)).unwrap();
        }
        assert_eq!(seen, Group::ALL);
        assert_eq!(w.stage(), Stage::FrontBack);
        assert_eq!(w.step_number(), 6);
        let moved = w.command(Command::FrontBack(FrontBack::Front)).unwrap();
        assert_eq!(moved.stage, Stage::Done);
        assert!(moved.actions.is_empty());
        assert!(w.is_done());
        assert_eq!(w.command(Command::Skip), Err(WalkError::Finished));
    }

    #[test]
    fn an_answer_marks_every_region_of_its_group_on_both_sides() {
        let mut w = Walk::new();
        let moved = w.command(answer(Group::FrontThigh, 0, 2)).unwrap();
        assert_eq!(moved.stage, Stage::Group(Group::InnerThigh));
        let q = |side| RegionSide::new(RegionId::Quadriceps, side).unwrap();
        let h = |side| RegionSide::new(RegionId::HipFlexor, side).unwrap();
        assert_eq!(
            moved.actions,
            vec![
                Action::SetSeverity(q(Side::Left), Severity::FINE),
                Action::SetSeverity(q(Side::Right), Severity::MODERATE),
                Action::SetSeverity(h(Side::Left), Severity::FINE),
                Action::SetSeverity(h(Side::Right), Severity::MODERATE),
            ]
        );
        assert_eq!(w.marks().len(), 4);
        assert!(w
            .marks()
            .iter()
            .any(|m| m.at() == q(Side::Left) && m.severity.get() == 0));
    }

    #[test]
    fn a_skip_gives_no_marks_for_that_group() {
        let mut w = Walk::new();
        w.command(answer(Group::FrontThigh, 1, 1)).unwrap();
        let moved = w.command(Command::Skip).unwrap();
        assert!(moved.actions.is_empty());
        assert_eq!(moved.stage, Stage::Group(Group::OuterThigh));
        assert_eq!(w.answer(Group::InnerThigh), None);
        assert!(w.marks().iter().all(|m| m.region != RegionId::Adductors));
        // Skipping front against back ends the walk without an answer.
        for _ in 0..3 {
            w.command(Command::Skip).unwrap();
        }
        assert_eq!(w.stage(), Stage::FrontBack);
        w.command(Command::Skip).unwrap();
        assert!(w.is_done());
        assert_eq!(w.front_back(), None);
    }

    #[test]
    fn back_goes_one_step_back_and_not_before_the_start() {
        let mut w = Walk::new();
        assert_eq!(w.command(Command::Back), Err(WalkError::AtStart));
        w.command(answer(Group::FrontThigh, 1, 2)).unwrap();
        assert_eq!(
            w.command(Command::Back).unwrap().stage,
            Stage::Group(Group::FrontThigh)
        );
        // The answer stays until replaced.
        assert_eq!(w.answer(Group::FrontThigh).map(|a| a.right.get()), Some(2));
        assert_eq!(
            w.command(Command::FrontBack(FrontBack::Back)),
            Err(WalkError::NotThisStep)
        );
        assert_eq!(
            w.stage(),
            Stage::Group(Group::FrontThigh),
            "unchanged on an error"
        );
    }

    #[test]
    fn re_answering_replaces() {
        let mut w = Walk::new();
        w.command(answer(Group::FrontThigh, 1, 2)).unwrap();
        w.command(Command::Back).unwrap();
        w.command(answer(Group::FrontThigh, 3, 0)).unwrap();
        assert_eq!(w.answered().count(), 1);
        let a = w.answer(Group::FrontThigh).unwrap();
        assert_eq!((a.left.get(), a.right.get()), (3, 0));
        assert_eq!(a.tighter(), Some(Side::Left));
        assert_eq!(w.marks().len(), 4);
    }

    #[test]
    fn resumes_from_a_saved_state() {
        let mut w = Walk::new();
        w.command(answer(Group::FrontThigh, 1, 1)).unwrap();
        w.command(Command::Skip).unwrap();
        w.command(answer(Group::OuterThigh, 1, 3)).unwrap();
        let text = serde_json::to_string(&w).unwrap();
        let mut back: Walk = serde_json::from_str(&text).unwrap();
        assert_eq!(back, w);
        assert_eq!(back.stage(), Stage::Group(Group::BackThigh));
        assert_eq!(back.step_number(), 4);
        back.command(answer(Group::BackThigh, 0, 0)).unwrap();
        assert_eq!(back.stage(), Stage::Group(Group::Calves));
    }

    #[test]
    fn stored_walks_are_read_leniently() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "lenient")]
            w: Option<Walk>,
        }
        let read = |t: &str| serde_json::from_str::<Holder>(t).map(|h| h.w);
        assert_eq!(read(r#"{}"#).unwrap(), None);
        assert_eq!(
            read(r#"{"w":{"at":2}}"#).unwrap().map(|w| w.step_number()),
            Some(3)
        );
        assert_eq!(
            read(r#"{"w":{"answers":[null,null,null,null,null,{"left":1,"right":1}]}}"#).unwrap(),
            None
        );
        assert_eq!(read(r#"{"w":{"at":900}}"#).unwrap(), None, "out of u8");
        assert_eq!(read(r#"{"w":"x"}"#).unwrap(), None);
        // Any step number reads as a place in the walk, never a panic.
        let far: Walk = serde_json::from_str(r#"{"at":200}"#).unwrap();
        assert_eq!(far.stage(), Stage::Done);
        assert_eq!(far.step_number(), STEPS);
        let mut far = far;
        assert_eq!(far.command(Command::Back).unwrap().stage, Stage::FrontBack);
    }

    #[test]
    fn the_summary_names_the_tighter_side() {
        let mut w = Walk::new();
        assert!(w.summary().is_empty());
        w.command(answer(Group::FrontThigh, 1, 1)).unwrap();
        assert_eq!(
            w.summary(),
            ["Your left and right sides felt about the same."]
        );
        w.command(Command::Skip).unwrap();
        w.command(answer(Group::OuterThigh, 1, 3)).unwrap();
        w.command(answer(Group::BackThigh, 2, 1)).unwrap();
        w.command(Command::Skip).unwrap();
        w.command(Command::FrontBack(FrontBack::Front)).unwrap();
        assert_eq!(
            w.summary(),
            [
                "Your right outer thigh was tighter than the left.",
                "The back of your left thigh was tighter than the right.",
                "The front of your legs felt tighter than the back.",
            ]
        );
        assert_eq!(w.most_uneven(), Some((Group::OuterThigh, Side::Right)));
    }
}
