//! Property tests of `plan()` on thousands of random valid cases: safety exclusions, the
//! red-flag stop, mirror symmetry, determinism, explanations and dose caps.
//!
//! The main property runs `PROPTEST_CASES` cases (default 5000); the others 2000 each.

use fasciamap::domain::case::{
    Case, Condition, ConditionId, LocalFinding, LocalKind, Prefs, Sensitivity,
};
use fasciamap::domain::engine::{plan, Plan, Status};
use fasciamap::domain::mark::{Kind, Mark, Severity, Symptom};
use fasciamap::domain::region::{Pressure, RegionId, RegionSide, Role, Side};
use fasciamap::domain::rule::{self, joint_rule, Joint};
use fasciamap::domain::screen::{FlagId, Tier};
use fasciamap::domain::source;
use fasciamap::domain::technique::{Position, Tool};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

mod common;

fn cases(default: u32) -> ProptestConfig {
    common::proptest_config("PROPTEST_CASES", default)
}

fn instances() -> Vec<RegionSide> {
    RegionSide::all().collect()
}

fn instance() -> impl Strategy<Value = RegionSide> {
    let all = instances();
    (0..all.len()).prop_map(move |i| all[i])
}

/// Marks lean toward target regions so that plans have steps.
fn mark() -> impl Strategy<Value = Mark> {
    let targets: Vec<RegionSide> = instances()
        .into_iter()
        .filter(|rs| rs.region.def().role == Role::Target)
        .collect();
    let target = (0..targets.len()).prop_map(move |i| targets[i]);
    (
        prop_oneof![3 => target, 1 => instance()],
        0u8..=3,
        any::<bool>(),
    )
        .prop_map(|(rs, sev, sore)| Mark {
            region: rs.region,
            side: rs.side,
            severity: Severity::new(sev).unwrap(),
            kind: if sore { Kind::Sore } else { Kind::Tight },
        })
}

fn lr() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Left), Just(Side::Right)]
}

fn joint() -> impl Strategy<Value = Joint> {
    prop_oneof![Just(Joint::Knee), Just(Joint::Hip), Just(Joint::Shoulder)]
}

fn condition() -> impl Strategy<Value = Condition> {
    let plain = prop_oneof![
        Just(ConditionId::Osteoporosis),
        Just(ConditionId::Fibromyalgia),
        Just(ConditionId::BloodThinners),
        Just(ConditionId::BloodPressure),
        Just(ConditionId::Pregnancy),
    ]
    .prop_map(Condition::plain);
    let replacement =
        (joint(), lr()).prop_map(|(j, s)| Condition::at_joint(ConditionId::JointReplacement, j, s));
    let surgery_joint =
        (joint(), lr()).prop_map(|(j, s)| Condition::at_joint(ConditionId::PreviousSurgery, j, s));
    let surgery_region = instance().prop_map(|rs| Condition {
        id: ConditionId::PreviousSurgery,
        joint: None,
        side: Some(rs.side),
        region: Some(rs.region),
    });
    prop_oneof![3 => plain, 2 => replacement, 1 => surgery_joint, 1 => surgery_region]
}

fn local() -> impl Strategy<Value = LocalFinding> {
    let kind = prop_oneof![
        Just(LocalKind::Wound),
        Just(LocalKind::Inflamed),
        Just(LocalKind::Fracture),
        Just(LocalKind::Dislocation),
        Just(LocalKind::Surgery),
    ];
    (instance(), kind).prop_map(|(rs, kind)| LocalFinding {
        region: rs.region,
        side: rs.side,
        kind,
    })
}

fn flags() -> impl Strategy<Value = Vec<FlagId>> {
    let all: Vec<FlagId> = FlagId::all().collect();
    let amber: Vec<FlagId> = FlagId::all().filter(|f| f.tier() == Tier::Amber).collect();
    let any_flag = (0..all.len()).prop_map(move |i| all[i]);
    let amber_flag = (0..amber.len()).prop_map(move |i| amber[i]);
    prop_oneof![
        6 => Just(Vec::new()),
        2 => prop::collection::vec(amber_flag, 1..3),
        1 => prop::collection::vec(any_flag, 1..3),
    ]
}

fn tools() -> impl Strategy<Value = Option<Vec<Tool>>> {
    prop_oneof![
        2 => Just(None),
        1 => prop::collection::vec(any::<bool>(), 7).prop_map(|bits| {
            Some(Tool::ALL.iter().zip(bits).filter(|(_, b)| *b).map(|(t, _)| *t).collect())
        }),
    ]
}

fn symptoms() -> impl Strategy<Value = Vec<Symptom>> {
    prop::collection::vec(any::<bool>(), 5).prop_map(|bits| {
        Symptom::ALL
            .iter()
            .zip(bits)
            .filter(|(_, b)| *b)
            .map(|(s, _)| *s)
            .collect()
    })
}

prop_compose! {
    fn case()(
        symptoms in symptoms(),
        acute_flare in prop::bool::weighted(0.25),
        conditions in prop::collection::vec(condition(), 0..3),
        floor_ok in prop::bool::weighted(0.7),
        sensitivity in prop_oneof![Just(Sensitivity::High), Just(Sensitivity::Normal), Just(Sensitivity::Low)],
        red_flags in flags(),
        local in prop::collection::vec(local(), 0..3),
        long_holds in any::<bool>(),
        thoracic_roller_opt_in in any::<bool>(),
        tools in tools(),
        marks in prop::collection::vec(mark(), 0..24),
    ) -> Case {
        Case {
            symptoms, acute_flare, conditions, floor_ok, sensitivity, red_flags, local,
            prefs: Prefs { long_holds, thoracic_roller_opt_in },
            tools, marks,
        }
    }
}

fn max_sev(c: &Case) -> BTreeMap<RegionSide, u8> {
    let mut m = BTreeMap::new();
    for mk in &c.marks {
        let e = m.entry(mk.at()).or_insert(0);
        *e = (*e).max(mk.severity.get());
    }
    m
}

fn meets(a: Side, b: Side) -> bool {
    a == b || a == Side::Mid || b == Side::Mid
}

fn is_roller_step(c: &Case, region: RegionId, tool: Tool) -> bool {
    region == RegionId::ThoracicSpine
        && tool == Tool::SoftRoller
        && c.prefs.thoracic_roller_opt_in
        && !c.has_condition(ConditionId::Osteoporosis)
        && !c.acute_flare
}

/// Joints protected on a side, from conditions and local injuries (independent of the engine).
fn protected(c: &Case) -> Vec<(Joint, Side)> {
    let mut out = Vec::new();
    for k in &c.conditions {
        match (k.id, k.joint, k.region) {
            (ConditionId::JointReplacement | ConditionId::PreviousSurgery, Some(j), _) => {
                out.push((j, k.side.unwrap()))
            }
            (ConditionId::PreviousSurgery, None, Some(r)) => {
                if let Some(j) = rule::segment(r).joint() {
                    out.push((j, k.side.unwrap_or(Side::Mid)))
                }
            }
            _ => {}
        }
    }
    out
}

/// The safety properties every plan must have.
fn check_safety(c: &Case, p: &Plan) {
    let sev = max_sev(c);
    let experienced = c.sensitivity == Sensitivity::Low && c.conditions.is_empty();
    let osteo = c.has_condition(ConditionId::Osteoporosis);
    let fibro = c.has_condition(ConditionId::Fibromyalgia);
    let thinners = c.has_condition(ConditionId::BloodThinners);
    let mut seen = BTreeSet::new();
    let mut total = 0u32;
    for s in &p.steps {
        let rs = RegionSide {
            region: s.region,
            side: s.side,
        };
        assert!(seen.insert(rs), "duplicate step {rs:?}");
        let def = s.region.def();
        let roller = is_roller_step(c, s.region, s.tool);
        if !roller {
            assert_ne!(
                def.pressure,
                Pressure::None,
                "step on no-pressure {}",
                def.key
            );
            assert_eq!(def.role, Role::Target, "step on non-target {}", def.key);
            assert!(
                sev.get(&rs).is_some_and(|v| *v >= 1),
                "unmarked step {rs:?}"
            );
        }
        // Local findings.
        for l in &c.local {
            if !meets(l.side, s.side) {
                continue;
            }
            match l.kind {
                LocalKind::Wound | LocalKind::Inflamed => {
                    assert_ne!(l.region, s.region, "step on a {:?} spot", l.kind)
                }
                _ => assert_ne!(
                    rule::segment(l.region),
                    rule::segment(s.region),
                    "step next to a {:?}",
                    l.kind
                ),
            }
        }
        // Conditions.
        for (j, side) in protected(c) {
            if side == s.side {
                assert!(
                    !joint_rule(j).none.contains(&s.region),
                    "step by a protected {j:?}"
                );
            }
        }
        if let Some(k) = c
            .conditions
            .iter()
            .find(|k| k.id == ConditionId::PreviousSurgery && k.region == Some(s.region))
        {
            assert!(
                !meets(k.side.unwrap_or(Side::Mid), s.side),
                "step on a surgical site"
            );
        }
        if osteo {
            assert!(!rule::OSTEOPOROSIS_EXCLUDED.contains(&s.region));
            assert!(matches!(
                s.tool,
                Tool::TennisBall | Tool::SoftRoller | Tool::Hands
            ));
            if matches!(s.region, RegionId::GluteMax | RegionId::Lats) {
                assert_eq!(s.position, Position::Wall);
            }
            if s.region == RegionId::Hamstrings {
                assert_eq!(s.position, Position::Chair);
            }
            assert_ne!(s.region, RegionId::ThoracicSpine);
        }
        if c.acute_flare {
            assert!(
                !rule::FLARE_EXCLUDED.contains(&s.region),
                "glute in a flare"
            );
        }
        if fibro {
            assert!(
                sev.get(&rs).is_none_or(|v| *v < 3),
                "painful spot with fibromyalgia"
            );
        }
        if c.has_flag(FlagId::A4) {
            assert!(!matches!(s.region, RegionId::Sole | RegionId::FootTop));
        }
        if c.has_flag(FlagId::A5) {
            assert_ne!(s.region, RegionId::DeepGlute);
        }
        if !c.floor_ok {
            assert_ne!(s.position, Position::Floor);
        }
        assert!(c.owns(s.tool), "{:?} is not owned", s.tool);
        if !experienced {
            assert!(!s.tool.is_firm(), "firm tool for a beginner");
        }
        if def.pressure == Pressure::Gentle {
            assert!(!s.tool.is_firm() && s.tool != Tool::RollingPin);
        }
        // Explanations.
        assert!(!s.rules.is_empty() && !s.sources.is_empty());
        assert!(s.sources.iter().all(|k| source::exists(k)));
        assert!(!s.why.is_empty() && !s.why.contains('\n'));
        // Doses (§3.4, §3.10 rule 13).
        assert!(s.seconds >= 10 && s.seconds <= 120, "{} s", s.seconds);
        if !experienced {
            assert!(s.seconds <= 90);
        }
        if rule::GLUTES.contains(&s.region) {
            assert!(s.seconds <= 45);
        }
        if def.pressure == Pressure::Gentle
            || sev.get(&rs).is_some_and(|v| *v >= 3)
            || c.sensitivity == Sensitivity::High
            || fibro
            || thinners
            || roller
        {
            assert!(s.seconds <= 60, "{} s on {}", s.seconds, def.key);
        }
        if s.lighter {
            assert!(s.seconds <= 60);
        }
        total += u32::from(s.seconds);
    }
    let (max_steps, max_total) = if fibro {
        (4, 240)
    } else if experienced {
        (10, 1200)
    } else {
        (6, 720)
    };
    assert!(p.steps.len() <= max_steps && total <= max_total);
    // Every marked region-side (severity ≥ 1) is accounted for exactly once.
    let roller_used = p.steps.iter().any(|s| is_roller_step(c, s.region, s.tool));
    for (rs, v) in &sev {
        if *v == 0 || (roller_used && rs.region == RegionId::ThoracicSpine) {
            continue;
        }
        let n = p
            .steps
            .iter()
            .filter(|s| s.region == rs.region && s.side == rs.side)
            .count()
            + p.avoid
                .iter()
                .filter(|a| a.region == rs.region && a.side == rs.side)
                .count()
            + p.later
                .iter()
                .filter(|l| l.region == rs.region && l.side == rs.side)
                .count();
        assert_eq!(n, 1, "{rs:?} appears {n} times");
    }
    for a in &p.avoid {
        assert!(!a.rules.is_empty() && !a.reason.is_empty());
    }
    for t in &p.to_map {
        assert!(!sev.contains_key(&RegionSide {
            region: t.region,
            side: t.side
        }));
    }
    let mut sorted = p.messages.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, p.messages, "messages sorted and unique");
}

fn mirror_case(c: &Case) -> Case {
    let mut m = c.clone();
    for mk in &mut m.marks {
        mk.side = mk.side.mirror();
    }
    for l in &mut m.local {
        l.side = l.side.mirror();
    }
    for k in &mut m.conditions {
        k.side = k.side.map(Side::mirror);
    }
    m
}

/// A plan with sides mirrored, reduced to what must not depend on which side is which.
fn shape(p: &Plan, mirror: bool) -> (Vec<RegionId>, BTreeSet<String>, String) {
    let side = |s: Side| if mirror { s.mirror() } else { s };
    let regions = p
        .steps
        .iter()
        .map(|s| s.region)
        .chain(p.avoid.iter().map(|a| a.region))
        .chain(p.later.iter().map(|l| l.region))
        .chain(p.to_map.iter().map(|t| t.region))
        .collect();
    let mut items = BTreeSet::new();
    for s in &p.steps {
        let chain = s.chain.map(|l| (l.chain, l.from, l.grade, l.hops));
        items.insert(
            format!(
                "step {:?} {:?} {:?} {:?} {} {:?} {:?} {:?} {} {:?}",
                s.region,
                side(s.side),
                s.tool,
                s.position,
                s.seconds,
                s.motion,
                s.zone,
                s.suggested_tool,
                s.lighter,
                chain
            ) + &format!(" {:?} {:?}", s.rules, s.sources),
        );
    }
    for a in &p.avoid {
        items.insert(format!(
            "avoid {:?} {:?} {:?}",
            a.region,
            side(a.side),
            a.rules
        ));
    }
    for l in &p.later {
        items.insert(format!("later {:?} {:?}", l.region, side(l.side)));
    }
    for t in &p.to_map {
        let chain = t.chain.map(|l| (l.chain, l.from, l.grade, l.hops));
        items.insert(format!(
            "map {:?} {:?} {:?} {:?}",
            t.region,
            side(t.side),
            t.reason,
            chain
        ));
    }
    (regions, items, format!("{:?} {:?}", p.status, p.messages))
}

proptest! {
    #![proptest_config(cases(5000))]

    #[test]
    fn plans_are_safe_capped_and_explained(c in case()) {
        prop_assert!(c.validate().is_ok(), "generator made an invalid case");
        let p = plan(&c);
        let red = c.red_flags.iter().any(|f| f.tier() != Tier::Amber);
        if red {
            prop_assert!(p.status != Status::Plan);
            prop_assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty() && p.later.is_empty());
            prop_assert_eq!(p.messages.len(), 1);
            let emergency = c.red_flags.iter().any(|f| f.tier() == Tier::Emergency);
            prop_assert_eq!(p.status == Status::StopEmergency, emergency);
        } else {
            prop_assert_eq!(p.status, Status::Plan);
            check_safety(&c, &p);
        }
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn mirroring_left_and_right_mirrors_the_plan(c in case()) {
        let p = plan(&c);
        let q = plan(&mirror_case(&c));
        prop_assert_eq!(shape(&p, true), shape(&q, false));
    }

    #[test]
    fn plans_are_deterministic(c in case()) {
        let p = plan(&c);
        let again = plan(&c.clone());
        prop_assert_eq!(p.to_json(), again.to_json());
        prop_assert_eq!(&p, &again);
        // The JSON form of the case gives the same plan.
        let parsed = Case::from_json(&c.to_json()).unwrap();
        prop_assert_eq!(plan(&parsed), p);
    }

    #[test]
    fn any_red_flag_gives_no_steps(c in case(), f in 0usize..12) {
        let mut c = c;
        let red: Vec<FlagId> = FlagId::all().filter(|f| f.tier() != Tier::Amber).collect();
        c.red_flags.push(red[f]);
        let p = plan(&c);
        prop_assert!(p.steps.is_empty());
        prop_assert!(p.status != Status::Plan);
    }

    #[test]
    fn the_order_of_marks_does_not_matter(c in case()) {
        let mut r = c.clone();
        r.marks.reverse();
        prop_assert_eq!(plan(&c), plan(&r));
    }
}
