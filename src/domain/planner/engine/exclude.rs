//! Stage 3, exclusions: static ones (`pressure = none` or not a target, G3), local findings
//! (G4/G5), conditions (§3.6, Table 3.6b), the flare (L7), amber answers, and painful spots
//! with fibromyalgia (D5). Excluded marks go to `avoid` with their rule ids; what survives
//! goes on to the candidates. Also the protective zones of a region-side, which narrow a
//! step instead of excluding it.

use super::facts::Facts;
use super::roller::{Roller, THORACIC};
use super::slots::{at, sides_meet, Rules, UNMARKED};
use super::Avoid;
use crate::domain::knowledge::region::{Pressure, RegionId, RegionSide, Role, Side};
use crate::domain::knowledge::rule::{
    self, joint_rule, Joint, RuleId, FLARE_EXCLUDED, LOW_BACK_SITES, OSTEOPOROSIS_EXCLUDED,
    SPINE_AND_RIBS,
};
use crate::domain::knowledge::screen::FlagId;
use crate::domain::knowledge::technique::Zone;
use crate::domain::planner::case::{ConditionId, LocalKind};

/// What the exclusion stage leaves.
pub(super) struct Excluded {
    /// Marked region-sides (severity ≥ 1) that may be worked, as (slot, region-side,
    /// severity), in slot order; the mid-back of an eligible roller is not among them.
    pub(super) kept: Vec<(usize, RegionSide, u8)>,
    /// Marked region-sides that get no step, in slot order.
    pub(super) avoid: Vec<Avoid>,
    /// An area of the low back, spine or ribs was marked and left out.
    pub(super) low_back: bool,
}

/// Sorts every marked region-side (severity ≥ 1) into kept or `avoid`.
pub(super) fn marks(f: &Facts, roller: &Roller) -> Excluded {
    let mut out = Excluded {
        kept: Vec::with_capacity(16),
        avoid: Vec::new(),
        low_back: false,
    };
    for (s, &sev) in f.sev.iter().enumerate() {
        if sev == UNMARKED || sev == 0 {
            continue;
        }
        let Some(rs) = at(s) else { continue };
        if rs == THORACIC && roller.ok {
            continue;
        }
        let Some(e) = mark_exclusion(f, rs, sev) else {
            // A hint from the person's own history may only take a step away.
            if !f.case.history.settled.contains(&rs) {
                out.kept.push((s, rs, sev));
            }
            continue;
        };
        let mut rules = e.rules;
        if rs == THORACIC && f.osteo {
            rules.add(RuleId::C1);
        }
        if LOW_BACK_SITES.contains(&rs.region) || SPINE_AND_RIBS.contains(&rs.region) {
            out.low_back = true;
        }
        out.avoid.push(Avoid {
            region: rs.region,
            side: rs.side,
            rules: rules.list(),
            reason: e.reason,
        });
    }
    out
}

/// Why a region-side gets no step.
#[derive(Clone, Copy)]
pub(super) struct Excl {
    rules: Rules,
    reason: &'static str,
}

impl Excl {
    fn add(slot: &mut Option<Excl>, rules: &[RuleId], reason: &'static str) {
        let e = slot.get_or_insert(Excl {
            rules: Rules::default(),
            reason,
        });
        for r in rules {
            e.rules.add(*r);
        }
    }
}

/// Exclusions that hold whatever the severity: static (G3) ones only when `with_static`.
pub(super) fn exclusion(f: &Facts, rs: RegionSide, with_static: bool) -> Option<Excl> {
    let def = rs.region.def();
    let mut out: Option<Excl> = None;
    if with_static && (def.pressure == Pressure::None || def.role != Role::Target) {
        let reason = if rs.region.caution().is_empty() {
            "This area is on the map for reference; it is not worked directly."
        } else {
            rs.region.caution()
        };
        Excl::add(&mut out, &[RuleId::G3], reason);
        if LOW_BACK_SITES.contains(&rs.region) {
            Excl::add(&mut out, &[RuleId::L1, RuleId::L8, RuleId::R1], reason);
        }
        if rs.region == RegionId::ThoracicSpine {
            Excl::add(&mut out, &[RuleId::R2], reason);
        }
    }
    for l in &f.case.local {
        if !l.region.def().accepts(l.side) || !sides_meet(l.side, rs.side) {
            continue;
        }
        let recent = matches!(
            l.kind,
            LocalKind::Fracture | LocalKind::Dislocation | LocalKind::Surgery
        );
        match l.kind {
            LocalKind::Wound if l.region == rs.region => Excl::add(
                &mut out,
                &[RuleId::G4],
                "There is a wound, bruise or skin problem here: keep every tool off it.",
            ),
            LocalKind::Inflamed if l.region == rs.region => Excl::add(
                &mut out,
                &[RuleId::G5],
                "This spot is inflamed: keep every tool away from it.",
            ),
            _ if recent && rule::segment(l.region) == rule::segment(rs.region) => Excl::add(
                &mut out,
                &[RuleId::G4],
                "A recent injury or operation is here or close by: keep away until a clinician clears it.",
            ),
            _ if recent && rule::beyond(rule::segment(l.region), rule::segment(rs.region)) => {
                Excl::add(
                    &mut out,
                    &[RuleId::G4, RuleId::P3],
                    "A recent injury or operation higher up this limb: leave the rest of the limb alone until a clinician clears it.",
                )
            }
            _ => {}
        }
    }
    for c in &f.case.conditions {
        if c.id == ConditionId::PreviousSurgery {
            if let Some(r) = c.region {
                if r == rs.region && sides_meet(c.side.unwrap_or(Side::Mid), rs.side) {
                    Excl::add(
                        &mut out,
                        &[RuleId::C7],
                        "You had surgery here: no pressure on the site or the scar.",
                    );
                }
            }
        }
    }
    for &(joint, side, why) in &f.joints {
        if sides_meet(side, rs.side) && joint_rule(joint).none.contains(&rs.region) {
            let reason = match why {
                RuleId::C5 => "Too close to your replaced joint: keep tools away from it.",
                RuleId::C7 => "Too close to the joint that was operated on: leave it until your surgeon clears it.",
                _ => "Too close to a recent injury at the joint: keep away until a clinician clears it.",
            };
            let mut rules = vec![why];
            if why == RuleId::C7 && joint == Joint::Hip {
                rules.push(RuleId::L12);
            }
            Excl::add(&mut out, &rules, reason);
        }
    }
    if f.osteo && OSTEOPOROSIS_EXCLUDED.contains(&rs.region) {
        Excl::add(
            &mut out,
            &[RuleId::C1],
            "Left out with osteoporosis: it sits too close to bone that needs protecting.",
        );
    }
    if f.case.acute_flare && FLARE_EXCLUDED.contains(&rs.region) {
        Excl::add(
            &mut out,
            &[RuleId::L7, RuleId::R4],
            "Left out during the flare-up; add it back once the flare has settled.",
        );
    }
    if f.case.has_flag(FlagId::A4) && matches!(rs.region, RegionId::Sole | RegionId::FootTop) {
        Excl::add(
            &mut out,
            &[RuleId::G2],
            "With less feeling in the feet, too much pressure could go unnoticed.",
        );
    }
    if f.case.has_flag(FlagId::A5) && rs.region == RegionId::DeepGlute {
        Excl::add(
            &mut out,
            &[RuleId::G2],
            "With pain running down the leg, the deep buttock over the nerve is left alone.",
        );
    }
    out
}

/// Full exclusion of a marked region-side (adds D5 for painful spots with fibromyalgia).
pub(super) fn mark_exclusion(f: &Facts, rs: RegionSide, sev: u8) -> Option<Excl> {
    let mut out = exclusion(f, rs, true);
    if f.fibro && sev >= 3 {
        // §3.11: "painful" is said only of a sore mark.
        Excl::add(
            &mut out,
            &[RuleId::D5, RuleId::C2],
            if f.sore(rs) {
                "Marked as painful: with fibromyalgia, painful spots are skipped."
            } else {
                "One of your strongest spots: with fibromyalgia, the strongest spots are skipped."
            },
        );
    }
    out
}

/// The protective zones of a region-side with the rule behind each (Table 3.6b for
/// protected joints, [`rule::NEARBY`] and the joint zones for local findings; §3.11).
pub(super) fn zones_of(f: &Facts, rs: RegionSide) -> Vec<(Zone, RuleId)> {
    let mut out: Vec<(Zone, RuleId)> = Vec::new();
    let mut put = |z: Zone, r: RuleId| {
        if !out.iter().any(|(have, _)| *have == z) {
            out.push((z, r));
        }
    };
    for &(joint, side, why) in &f.joints {
        if sides_meet(side, rs.side) {
            for (r, z) in joint_rule(joint).zones {
                if *r == rs.region {
                    put(*z, why);
                }
            }
        }
    }
    for l in &f.case.local {
        if !l.region.def().accepts(l.side) || !sides_meet(l.side, rs.side) {
            continue;
        }
        let why = if l.kind == LocalKind::Inflamed {
            RuleId::G5
        } else {
            RuleId::G4
        };
        if let Some(joint) = rule::segment(l.region).joint() {
            for (r, z) in joint_rule(joint).zones {
                if *r == rs.region {
                    put(*z, why);
                }
            }
        }
        for (near, r, z) in rule::NEARBY {
            if *near == l.region && *r == rs.region {
                put(*z, why);
            }
        }
    }
    out
}
