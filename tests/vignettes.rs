//! The vignettes of knowledge base §6 as case files (`tests/vignettes/*.json`), each checked
//! against its expected properties: rank_first, order, must_include, never, messages and
//! technique constraints.

use fasciamap::domain::knowledge::message::{self, MessageId};
use fasciamap::domain::knowledge::region::{RegionId, Side};
use fasciamap::domain::knowledge::rule::RuleId;
use fasciamap::domain::knowledge::technique::{Motion, Position, Tool, Zone};
use fasciamap::domain::planner::case::Case;
use fasciamap::domain::planner::engine::{plan, Plan, Status, Step};

use MessageId as M;
use RegionId as R;
use Side::{Left as L, Mid, Right as Rt};

fn load(name: &str) -> (Case, Plan) {
    let path = format!("{}/tests/vignettes/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let case = Case::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let p = plan(&case);
    check_common(name, &p);
    (case, p)
}

/// Properties every vignette plan has.
fn check_common(name: &str, p: &Plan) {
    for s in &p.steps {
        assert!(!s.rules.is_empty(), "{name}: step without rules");
        assert!(!s.sources.is_empty(), "{name}: step without sources");
        assert!(s.why.len() > 20, "{name}: step without an explanation");
        assert!(s.rules.contains(&RuleId::B1) && s.rules.contains(&RuleId::G7));
    }
    if p.status == Status::Plan && !p.steps.is_empty() {
        for m in [M::Breathing426, M::StopOnSharpPain, M::StayActive] {
            assert!(p.has_message(m), "{name}: missing {m:?}");
        }
    }
    for m in &p.messages {
        assert!(!message::text(*m).is_empty());
    }
}

fn pos(p: &Plan, region: RegionId, side: Side) -> Option<usize> {
    p.steps
        .iter()
        .position(|s| s.region == region && s.side == side)
}

/// Position in the full intended order: the steps, then what was kept for later.
fn order_pos(p: &Plan, region: RegionId, side: Side) -> Option<usize> {
    pos(p, region, side).or_else(|| {
        p.later
            .iter()
            .position(|l| l.region == region && l.side == side)
            .map(|i| p.steps.len() + i)
    })
}

fn step(p: &Plan, region: RegionId, side: Side) -> &Step {
    p.step(region, side)
        .unwrap_or_else(|| panic!("no step on {} {side:?}", region.key()))
}

fn first(p: &Plan) -> (RegionId, Side) {
    let s = p.steps.first().expect("the plan has steps");
    (s.region, s.side)
}

fn never(p: &Plan, region: RegionId) {
    assert!(
        p.steps.iter().all(|s| s.region != region),
        "{} must never be a step",
        region.key()
    );
}

fn before(p: &Plan, a: (RegionId, Side), b: (RegionId, Side)) {
    let pa = order_pos(p, a.0, a.1).unwrap_or_else(|| panic!("{} missing", a.0.key()));
    let pb = order_pos(p, b.0, b.1).unwrap_or_else(|| panic!("{} missing", b.0.key()));
    assert!(
        pa < pb,
        "{} {:?} should come before {} {:?}",
        a.0.key(),
        a.1,
        b.0.key(),
        b.1
    );
}

/// Every position of `a`-group entries is before every position of `b`-group entries.
fn groups_before(p: &Plan, a: &[RegionId], b: &[RegionId]) {
    let positions = |g: &[RegionId]| -> Vec<usize> {
        g.iter()
            .flat_map(|r| [L, Rt, Mid].map(|s| order_pos(p, *r, s)))
            .flatten()
            .collect()
    };
    let (pa, pb) = (positions(a), positions(b));
    if let (Some(max_a), Some(min_b)) = (pa.iter().max(), pb.iter().min()) {
        assert!(max_a < min_b, "{a:?} should all come before {b:?}");
    }
}

const LOW_BACK_SET: &[RegionId] = &[
    R::LowBackMuscles,
    R::LumbarSpine,
    R::QlFlank,
    R::LowerRibsFront,
    R::LowerRibsBack,
    R::ThoracicSpine,
];

fn never_low_back(p: &Plan) {
    for r in LOW_BACK_SET {
        never(p, *r);
    }
}

#[test]
fn v01_classic_asymmetry_right_front_thigh() {
    let (_, p) = load("v01");
    assert_eq!(p.status, Status::Plan);
    let f = first(&p);
    assert!(f == (R::Quadriceps, Rt) || f == (R::HipFlexor, Rt), "{f:?}");
    // Right quads/hip flexor steps before any left ones.
    for right in [R::Quadriceps, R::HipFlexor] {
        for left in [R::Quadriceps, R::HipFlexor] {
            before(&p, (right, Rt), (left, L));
        }
    }
    groups_before(&p, &[R::Quadriceps, R::HipFlexor], &[R::Adductors]);
    groups_before(&p, &[R::Adductors], &[R::OuterThigh]);
    groups_before(&p, &[R::OuterThigh, R::Adductors], &[R::Hamstrings]);
    never_low_back(&p);
    assert!(p.has_message(M::BackIsAlarm) && p.has_message(M::Breathing426));
    let a = p
        .avoid
        .iter()
        .find(|a| a.region == R::LowBackMuscles)
        .unwrap();
    assert_eq!(a.side, L);
    assert!(a.rules.contains(&RuleId::G3) && a.rules.contains(&RuleId::L8));
    // The lighter left side gets at most half the dose.
    let (r, l) = (step(&p, R::Quadriceps, Rt), step(&p, R::Quadriceps, L));
    assert!(l.lighter && l.seconds * 2 <= r.seconds.max(90));
    assert!(r.why.contains("right side is tighter"));
    // Nothing disappears: every marked target is a step or kept for later.
    assert_eq!(p.steps.len() + p.later.len(), 8);
}

#[test]
fn v02_symmetric_no_left_right_difference() {
    let (_, p) = load("v02");
    for r in [R::Quadriceps, R::Hamstrings] {
        for s in [L, Rt] {
            assert!(p.step(r, s).is_some(), "{} {s:?} missing", r.key());
        }
    }
    groups_before(&p, &[R::Quadriceps], &[R::Adductors]);
    groups_before(&p, &[R::Adductors], &[R::Hamstrings]);
    for r in [R::Quadriceps, R::Hamstrings, R::Adductors] {
        assert_eq!(step(&p, r, L).seconds, step(&p, r, Rt).seconds);
    }
    for s in &p.steps {
        assert!(!s.lighter);
        assert!(
            !s.why.contains("tighter") && !s.why.contains("lighter"),
            "{}",
            s.why
        );
        assert!(!s.rules.contains(&RuleId::L3b));
    }
    assert!(p.has_message(M::NoLrDifference));
    assert!(message::text(M::NoLrDifference).contains("front"));
    never_low_back(&p);
}

#[test]
fn v04_acute_flare_keeps_the_glutes_out() {
    let (_, p) = load("v04");
    assert_eq!(first(&p), (R::Quadriceps, Rt));
    for r in [R::GluteMax, R::GluteMed, R::DeepGlute, R::Tfl] {
        never(&p, r);
    }
    never_low_back(&p);
    assert!(p.has_message(M::GlutesLater));
    for r in [R::GluteMax, R::DeepGlute] {
        let a = p.avoid.iter().find(|a| a.region == r).unwrap();
        assert!(a.rules.contains(&RuleId::L7));
    }
    // The left thigh was checked and fine: no step, no avoid entry.
    assert!(p.step(R::Quadriceps, L).is_none());
}

#[test]
fn v06_osteoporosis_with_low_back_pain() {
    let (_, p) = load("v06");
    assert_eq!(first(&p), (R::Quadriceps, L));
    for r in [R::ThoracicSpine, R::HipOuterBone, R::Sacrum, R::SideRibs] {
        never(&p, r);
    }
    never_low_back(&p);
    for s in &p.steps {
        assert!(
            matches!(s.tool, Tool::TennisBall | Tool::SoftRoller | Tool::Hands),
            "{}: {:?} is not a soft tool",
            s.region.key(),
            s.tool
        );
        if s.region == R::Lats {
            assert_ne!(s.tool, Tool::SoftRoller, "no lats on a roller");
            assert_eq!(s.position, Position::Wall);
        }
        if matches!(s.region, R::GluteMax | R::GluteMed | R::DeepGlute) {
            assert_eq!((s.tool, s.position), (Tool::TennisBall, Position::Wall));
        }
        if s.region == R::Hamstrings {
            assert_eq!(s.position, Position::Chair);
        }
        assert!(s.rules.contains(&RuleId::C1));
    }
    assert!(p.has_message(M::OsteoporosisCaution));
    assert!(p.has_message(M::FallHeightLossQuestion));
    assert!(p.has_message(M::ThoracicRollerExcluded));
    let t = p
        .avoid
        .iter()
        .find(|a| a.region == R::ThoracicSpine)
        .unwrap();
    assert_eq!(t.side, Mid);
}

#[test]
fn v06_hamstrings_with_osteoporosis_use_the_chair() {
    // V06's technique rule ("no seated forward-bend hamstring variant"), on an added mark.
    let (case, _) = load("v06");
    let p = plan(&case.mark(R::Hamstrings, L, 2));
    let s = step(&p, R::Hamstrings, L);
    assert_eq!(s.position, Position::Chair);
    assert_eq!(s.tool, Tool::TennisBall);
}

#[test]
fn v07_knee_replacement_with_outer_thigh_tension() {
    let (_, p) = load("v07");
    for r in [R::Kneecap, R::KneeOuter, R::KneeInner, R::BackOfKnee] {
        assert!(p.step(r, Rt).is_none());
        assert!(p.to_map.iter().all(|t| !(t.region == r && t.side == Rt)));
    }
    let ot = step(&p, R::OuterThigh, Rt);
    assert_eq!(ot.motion, Motion::Press);
    assert_eq!(ot.zone, Some(Zone::UpperHalf));
    assert!(matches!(ot.tool, Tool::SoftRoller | Tool::TennisBall));
    let q = step(&p, R::Quadriceps, Rt);
    assert_eq!(q.zone, Some(Zone::UpperTwoThirds));
    let c = step(&p, R::Calf, Rt);
    assert_eq!(c.zone, Some(Zone::LowerTwoThirds));
    assert!(p.has_message(M::JointReplacementCaution));
    assert!(message::text(M::JointReplacementCaution).contains("surgeon"));
    // Without low back pain: strongest mark first.
    assert_eq!(first(&p), (R::OuterThigh, Rt));
}

#[test]
fn v08_saddle_numbness_stops_everything() {
    let (_, p) = load("v08");
    assert_eq!(p.status, Status::StopEmergency);
    assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty() && p.later.is_empty());
    assert_eq!(p.messages, vec![M::StopEmergency]);
    let json = p.to_json();
    assert!(!json.contains("\"tool\"") && !json.contains("\"cue\""));
}

#[test]
fn v11_cannot_get_on_the_floor() {
    let (_, p) = load("v11");
    assert_eq!(first(&p), (R::Quadriceps, Rt));
    for s in &p.steps {
        assert!(
            matches!(
                s.position,
                Position::Seated
                    | Position::Standing
                    | Position::Wall
                    | Position::Chair
                    | Position::Bed
            ),
            "{} on the floor",
            s.region.key()
        );
    }
    assert!(p.has_message(M::NoFloorAlternatives));
    assert!(message::text(M::NoFloorAlternatives).contains("physiotherapist"));
}

#[test]
fn v13_left_chain_after_two_hip_labral_repairs() {
    let (_, p) = load("v13");
    assert_eq!(first(&p), (R::Quadriceps, L));
    before(&p, (R::Quadriceps, L), (R::Adductors, L));
    groups_before(&p, &[R::Quadriceps, R::Adductors], &[R::Calf, R::Sole]);
    for r in [R::HipFlexor, R::Tfl, R::Groin, R::HipOuterBone] {
        assert!(p.step(r, L).is_none(), "{}", r.key());
    }
    never_low_back(&p);
    let hf = p.avoid.iter().find(|a| a.region == R::HipFlexor).unwrap();
    assert!(hf.rules.contains(&RuleId::C7));
    for m in [M::MapLegsFirst, M::StabilityWithPt, M::SurgeryCheck] {
        assert!(p.has_message(m), "{m:?}");
    }
    assert!(message::text(M::MapLegsFirst).contains("left"));
    assert!(message::text(M::SurgeryCheck).contains("surgeon"));
}

#[test]
fn v14_wants_to_roll_the_ql() {
    let (_, p) = load("v14");
    assert_eq!(first(&p), (R::Quadriceps, Rt));
    before(&p, (R::Quadriceps, Rt), (R::Adductors, L));
    for r in [
        R::QlFlank,
        R::LowBackMuscles,
        R::LumbarSpine,
        R::LowerRibsBack,
    ] {
        never(&p, r);
    }
    assert!(p.has_message(M::NoDirectLowBack) && p.has_message(M::BackIsAlarm));
    assert!(message::text(M::NoDirectLowBack).contains("leg marks"));
    for r in [R::QlFlank, R::LowBackMuscles] {
        let a = p.avoid.iter().find(|a| a.region == r).unwrap();
        assert!(a.rules.contains(&RuleId::G3) && a.rules.contains(&RuleId::L1));
    }
    // The back's right-side marks do not decide the side: the legs do.
    assert!(step(&p, R::Quadriceps, Rt)
        .why
        .contains("right side is tighter"));
}

#[test]
fn v18_desk_worker_mid_back_ache() {
    let (_, p) = load("v18");
    let bsb = step(&p, R::BetweenShoulderBlades, Rt);
    assert_eq!(bsb.position, Position::Wall);
    assert!(matches!(
        bsb.tool,
        Tool::TennisBall | Tool::RubberBall | Tool::LacrosseBall
    ));
    assert!(p.step(R::Chest, Rt).is_some());
    never(&p, R::ThoracicSpine);
    for m in [
        M::BackIsAlarm,
        M::MapLegsFirst,
        M::NoDirectLowBack,
        M::ExplainX1,
        M::ExplainX2,
        M::ExplainX3,
        M::ExplainX4,
    ] {
        assert!(!p.has_message(m), "{m:?} is low-back content");
    }
    for s in &p.steps {
        assert!(!s.why.contains("low back"), "{}", s.why);
    }
}

#[test]
fn every_vignette_file_round_trips_through_the_contract() {
    for name in [
        "v01", "v02", "v04", "v06", "v07", "v08", "v11", "v13", "v14", "v18",
    ] {
        let (case, p) = load(name);
        let again = Case::from_json(&case.to_json()).unwrap();
        assert_eq!(plan(&again), p, "{name}");
        let v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        for field in ["status", "messages", "steps", "avoid", "to_map", "later"] {
            assert!(v.get(field).is_some(), "{name}: {field} missing");
        }
    }
}

// ---------------------------------------------------------------------------------------
// §3.11: positions, joint protection and what the words promise (v21–v32, our own people).

fn step_cue(p: &Plan, region: RegionId, side: Side) -> String {
    step(p, region, side).cue.to_lowercase()
}

fn no_words(text: &str, words: &[&str]) {
    for w in words {
        assert!(!text.contains(w), "`{w}` in: {text}");
    }
}

fn avoided_with(p: &Plan, region: RegionId, side: Side, rule: RuleId) {
    let a = p
        .avoid
        .iter()
        .find(|a| a.region == region && a.side == side)
        .unwrap_or_else(|| panic!("{} {side:?} should be left alone", region.key()));
    assert!(a.rules.contains(&rule), "{:?}", a.rules);
}

#[test]
fn v21_replaced_right_shoulder_works_the_side_of_the_back_at_a_wall() {
    let (_, p) = load("v21");
    let lats = step(&p, R::Lats, Rt);
    assert_eq!(lats.position, Position::Wall);
    no_words(
        &lats.cue.to_lowercase(),
        &["overhead", "on your side", "floor"],
    );
    assert!(
        lats.why.contains("To protect your right shoulder"),
        "{}",
        lats.why
    );
    assert!(lats.decided_by.contains(&RuleId::C5));
    // The upper arm keeps a hand-width from the replaced joint, in its words too.
    let arm = step(&p, R::UpperArmBack, Rt);
    assert_eq!(arm.zone, Some(Zone::LowerTwoThirds));
    assert!(
        arm.cue.contains("a hand-width below your shoulder"),
        "{}",
        arm.cue
    );
}

#[test]
fn v22_recent_left_shoulder_dislocation_leaves_the_arm_beyond_it_alone() {
    let (_, p) = load("v22");
    assert_eq!(step(&p, R::Lats, L).position, Position::Wall);
    for r in [R::UpperArmBack, R::ForearmFront, R::Palm] {
        avoided_with(&p, r, L, RuleId::P3);
    }
    assert!(p.has_message(M::SeeClinicianLocal));
}

#[test]
fn v23_replaced_left_hip_never_crosses_or_stacks_the_legs() {
    let (_, p) = load("v23");
    for s in &p.steps {
        no_words(
            &s.cue.to_lowercase(),
            &["cross", "opposite knee", "other knee", "stack"],
        );
    }
    // The tighter hamstring side still gets its roller, without the crossed-leg hint.
    assert_eq!(step(&p, R::Hamstrings, Rt).tool, Tool::SoftRoller);
    // The buttock on the other side is done at a wall (crossing that leg moves the hip too).
    let g = step(&p, R::GluteMax, Rt);
    assert_eq!(g.position, Position::Wall);
    assert!(g.why.contains("left hip"), "{}", g.why);
    assert!(p.step(R::Sole, L).is_some() && p.step(R::CalfInnerEdge, L).is_some());
}

#[test]
fn v24_replaced_knee_means_no_kneeling_on_either_side() {
    let (_, p) = load("v24");
    let shin = step(&p, R::ShinMuscle, Rt);
    assert_ne!(shin.position, Position::Floor);
    no_words(&shin.cue.to_lowercase(), &["kneel", "all fours"]);
    assert!(shin.why.contains("left knee"), "{}", shin.why);
    // Steps next to the replaced knee stop short of it in their words.
    assert!(step_cue(&p, R::Quadriceps, L).contains("two hand-widths above your knee"));
    assert!(step_cue(&p, R::Calf, L).contains("a hand-width below your knee"));
}

#[test]
fn v25_inflamed_achilles_moves_the_calf_work_up() {
    let (_, p) = load("v25");
    for r in [R::Calf, R::CalfInnerEdge] {
        let cue = step_cue(&p, r, Rt);
        assert!(cue.contains("from halfway up your lower leg"), "{cue}");
        no_words(&cue, &["ankle"]);
        assert_eq!(step(&p, r, Rt).zone, Some(Zone::AboveAnkle));
    }
    no_words(&step_cue(&p, R::Sole, Rt), &["your heel"]);
}

#[test]
fn v26_blood_thinners_never_hear_more_pressure() {
    let (_, p) = load("v26");
    for s in &p.steps {
        let cue = s.cue.to_lowercase();
        no_words(&cue, &["stack", "more pressure", "press more", "cross"]);
        assert!(s.cue.ends_with("Keep the pressure light."), "{}", s.cue);
        assert!(s.why.contains("Light pressure only"));
    }
    // The even calf pair is worked, so "no left/right difference" may be said.
    assert!(p.has_message(M::NoLrDifference));
}

#[test]
fn v27_low_back_pain_with_only_hip_and_buttock_marks_waits_for_the_legs() {
    let (_, p) = load("v27");
    assert!(p.steps.is_empty(), "glutes and TFL never lead alone");
    for (r, s) in [(R::Tfl, Rt), (R::GluteMax, Rt), (R::GluteMed, L)] {
        let l = p
            .later
            .iter()
            .find(|l| l.region == r && l.side == s)
            .unwrap();
        assert!(l.rules.contains(&RuleId::P4));
    }
    assert!(p.has_message(M::MapLegsFirst));
    // No message promises leg work that the plan does not have.
    assert!(!p.has_message(M::NoLrDifference) && !p.has_message(M::Breathing426));
    assert!(!p.message_text(M::NoDirectLowBack).contains("leg marks"));
    assert!(!p
        .message_text(M::BackIsAlarm)
        .contains("works on your legs"));
}

#[test]
fn v28_legs_checked_and_fine_let_the_buttock_be_worked() {
    let (_, p) = load("v28");
    let g = step(&p, R::GluteMax, L);
    assert!((30..=60).contains(&g.seconds));
    assert!(p.later.is_empty());
    assert!(!p.has_message(M::MapLegsFirst));
}

#[test]
fn v29_doses_match_the_words() {
    let (_, p) = load("v29");
    let tight = step(&p, R::Quadriceps, L);
    assert_eq!(tight.seconds, 60, "a strongest spot is kept short");
    assert!(tight.why.contains("strongest spot"), "{}", tight.why);
    assert!(!tight.why.contains("painful") && !tight.why.contains("full time"));
    let lighter = step(&p, R::Quadriceps, Rt);
    assert!(lighter.lighter && lighter.seconds * 2 <= tight.seconds);
    // Painful is said of the sore mark.
    assert!(step(&p, R::Calf, Rt).why.contains("painful"));
    assert_eq!(step(&p, R::Hamstrings, L).seconds, 90);
}

#[test]
fn v30_broken_left_shin_leaves_the_left_foot_alone_and_nobody_stands_on_one_leg() {
    let (_, p) = load("v30");
    avoided_with(&p, R::Sole, L, RuleId::P3);
    let sole = step(&p, R::Sole, Rt);
    assert_ne!(sole.position, Position::Standing);
    assert!(sole.why.contains("left alone today"), "{}", sole.why);
    assert!(
        p.step(R::Quadriceps, L).is_some(),
        "the thigh above the break stays"
    );
}

#[test]
fn v31_a_plan_with_no_steps_claims_no_equal_time() {
    let (_, p) = load("v31");
    assert!(p.steps.is_empty());
    assert!(!p.has_message(M::NoLrDifference));
    assert!(!p.message_text(M::NoDirectLowBack).contains("leg"));
}

#[test]
fn v32_blood_pressure_and_a_flare_start_upright() {
    let (_, p) = load("v32");
    let first = &p.steps[0];
    assert_ne!(first.position, Position::Floor);
    for s in &p.steps {
        no_words(
            &s.cue.to_lowercase(),
            &["face down", "lean forward", "legs out straight"],
        );
    }
    assert!(p.has_message(M::CheckWithDoctor));
}
