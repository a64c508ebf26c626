//! The drawings of real plans (issue #14): every step the engine gives, for any person, can
//! be drawn, and its drawing never shows a load the step does not ask for. A person whose
//! knee, hip, shoulder, bones or floor closed a position (§3.11) is therefore never shown a
//! picture of it, on the plan or in a guided session (which keeps only the step's region,
//! side, position, tool, words and zone: the same inputs are used here).

use fasciamap::domain::knowledge::mark::{Kind, Mark, Severity};
use fasciamap::domain::knowledge::pose::{for_step, Pose};
use fasciamap::domain::knowledge::region::{RegionSide, Role, Side};
use fasciamap::domain::knowledge::rule::Joint;
use fasciamap::domain::knowledge::technique::{Load, LoadKind};
use fasciamap::domain::planner::case::{Case, Condition, ConditionId, Prefs, Sensitivity};
use fasciamap::domain::planner::engine::{plan, Step};
use proptest::prelude::*;

mod common;

fn targets() -> Vec<RegionSide> {
    RegionSide::all()
        .filter(|rs| rs.region.def().role == Role::Target)
        .collect()
}

fn mark() -> impl Strategy<Value = Mark> {
    let all = targets();
    ((0..all.len()), 1u8..=3, any::<bool>()).prop_map(move |(i, sev, sore)| Mark {
        region: all[i].region,
        side: all[i].side,
        severity: Severity::new(sev).unwrap_or(Severity::ALL[1]),
        kind: if sore { Kind::Sore } else { Kind::Tight },
    })
}

fn lr() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Left), Just(Side::Right)]
}

fn condition() -> impl Strategy<Value = Condition> {
    let joint = prop_oneof![Just(Joint::Knee), Just(Joint::Hip), Just(Joint::Shoulder)];
    let plain = prop_oneof![
        Just(ConditionId::Osteoporosis),
        Just(ConditionId::BloodPressure),
        Just(ConditionId::Pregnancy),
        Just(ConditionId::Fibromyalgia),
    ]
    .prop_map(Condition::plain);
    let at_joint = (joint, lr(), any::<bool>()).prop_map(|(j, s, replaced)| {
        let id = if replaced {
            ConditionId::JointReplacement
        } else {
            ConditionId::PreviousSurgery
        };
        Condition::at_joint(id, j, s)
    });
    prop_oneof![1 => plain, 2 => at_joint]
}

prop_compose! {
    fn case()(
        conditions in prop::collection::vec(condition(), 0..3),
        floor_ok in prop::bool::weighted(0.6),
        acute_flare in prop::bool::weighted(0.2),
        low in any::<bool>(),
        thoracic_roller_opt_in in any::<bool>(),
        marks in prop::collection::vec(mark(), 1..20),
    ) -> Case {
        Case {
            conditions,
            floor_ok,
            acute_flare,
            sensitivity: if low { Sensitivity::Low } else { Sensitivity::Normal },
            prefs: Prefs { thoracic_roller_opt_in, ..Prefs::default() },
            marks,
            ..Case::default()
        }
    }
}

fn drawn(s: &Step) -> Option<Vec<Load>> {
    for_step(s.region, s.side, s.position, s.tool, &s.cue, s.zone).map(|d| d.shows())
}

/// The loads as the step asks them, resolved to the body's sides.
fn on_body(loads: &[Load], side: Side) -> Vec<(LoadKind, Side)> {
    loads
        .iter()
        .flat_map(|l| l.sides(side).iter().map(move |s| (l.kind(), *s)))
        .collect()
}

proptest! {
    #![proptest_config(common::proptest_config("PROPTEST_CASES", 1500))]

    #[test]
    fn every_step_is_drawn_and_shows_nothing_it_does_not_ask(c in case()) {
        let p = plan(&c);
        for s in &p.steps {
            let shows = drawn(s);
            prop_assert!(shows.is_some(), "no drawing for {} {:?} {:?}: {}", s.region.key(), s.position, s.tool, s.cue);
            let asked = on_body(&s.loads, s.side);
            for shown in on_body(&shows.unwrap_or_default(), s.side) {
                prop_assert!(asked.contains(&shown),
                    "{} {:?}: the drawing shows {:?}, the step asks only {:?}", s.region.key(), s.side, shown, asked);
            }
        }
    }
}

/// Everything marked, for a person who cannot use the floor, has a replaced left knee and
/// right hip, and osteoporosis: no drawing is on the floor, kneeling, face down, crossing
/// the legs or resting the trunk on a tool.
#[test]
fn closed_positions_are_never_drawn() {
    let marks = targets()
        .into_iter()
        .map(|rs| Mark {
            region: rs.region,
            side: rs.side,
            severity: Severity::ALL[2],
            kind: Kind::Tight,
        })
        .collect();
    let c = Case {
        floor_ok: false,
        conditions: vec![
            Condition::at_joint(ConditionId::JointReplacement, Joint::Knee, Side::Left),
            Condition::at_joint(ConditionId::JointReplacement, Joint::Hip, Side::Right),
            Condition::plain(ConditionId::Osteoporosis),
        ],
        marks,
        ..Case::default()
    };
    let p = plan(&c);
    assert!(p.steps.len() >= 3, "{} steps", p.steps.len());
    for s in &p.steps {
        let d = for_step(s.region, s.side, s.position, s.tool, &s.cue, s.zone);
        let d = d.unwrap_or_else(|| panic!("{} has no drawing", s.region.key()));
        for k in d.shows() {
            assert!(
                !matches!(
                    k.kind(),
                    LoadKind::Floor
                        | LoadKind::Kneeling
                        | LoadKind::Prone
                        | LoadKind::HipCross
                        | LoadKind::TrunkLoad
                        | LoadKind::SpineFlexion
                ),
                "{}: {:?} drawn as {:?}",
                s.region.key(),
                k,
                d.pose
            );
        }
        assert!(!matches!(
            d.pose,
            Pose::AllFours | Pose::FaceDownForearms | Pose::SittingAnkleOnKnee
        ));
    }
}
