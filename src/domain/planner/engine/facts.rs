//! Stage 2, facts: what every later stage asks of the case, derived once per plan. Marks
//! are folded per region-side (highest severity wins, §3.10 rule 2); entries whose side does
//! not fit their region are skipped, so an unvalidated case cannot make the engine panic.

use super::slots::{slot, SLOTS, UNMARKED};
use crate::domain::knowledge::mark::{Kind, Symptom};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::{self, Joint, RuleId, SPINE_REGIONS};
use crate::domain::knowledge::screen::FlagId;
use crate::domain::knowledge::technique::Tool;
use crate::domain::planner::case::{Case, ConditionId, LocalKind, Sensitivity};

pub(super) struct Facts<'a> {
    pub(super) case: &'a Case,
    pub(super) lbp: bool,
    pub(super) sev: [u8; SLOTS],
    pub(super) sore: [bool; SLOTS],
    pub(super) osteo: bool,
    pub(super) fibro: bool,
    pub(super) thinners: bool,
    pub(super) pressure: bool,
    pub(super) pregnant: bool,
    pub(super) experienced: bool,
    /// Tools the rules allow, before region limits.
    pub(super) allowed: u8,
    /// Tools owned (hands always).
    pub(super) owned: u8,
    /// Protected joints: (joint, side, rule), from [`Facts::protected_joints`].
    pub(super) joints: Vec<(Joint, Side, RuleId)>,
    /// A recent break, dislocation or operation somewhere in a leg.
    pub(super) leg_injury: bool,
}

fn tool_bits(tools: &[Tool]) -> u8 {
    tools.iter().fold(0, |acc, t| acc | t.bit())
}

const T1_TOOLS: &[Tool] = &[Tool::Hands, Tool::TennisBall, Tool::SoftRoller];
const BEGINNER_TOOLS: &[Tool] = &[
    Tool::Hands,
    Tool::TennisBall,
    Tool::SoftRoller,
    Tool::RollingPin,
];

impl<'a> Facts<'a> {
    pub(super) fn new(case: &'a Case) -> Facts<'a> {
        let mut sev = [UNMARKED; SLOTS];
        let mut sore = [false; SLOTS];
        for m in &case.marks {
            if !m.is_well_formed() {
                continue;
            }
            let s = slot(m.at());
            if let (Some(v), Some(so)) = (sev.get_mut(s), sore.get_mut(s)) {
                let new = m.severity.get();
                *v = if *v == UNMARKED { new } else { (*v).max(new) };
                *so |= m.kind == Kind::Sore && new >= 1;
            }
        }
        let osteo = case.has_condition(ConditionId::Osteoporosis);
        let fibro = case.has_condition(ConditionId::Fibromyalgia);
        let thinners = case.has_condition(ConditionId::BloodThinners);
        let pregnant = case.has_condition(ConditionId::Pregnancy) || case.has_flag(FlagId::A3);
        // T2 needs "no conditions" (§3.8); conditions override sensitivity (§3.10 rule 1).
        let experienced = case.sensitivity == Sensitivity::Low && case.conditions.is_empty();
        let allowed = if fibro || thinners || osteo || pregnant {
            tool_bits(T1_TOOLS)
        } else if experienced {
            tool_bits(&Tool::ALL)
        } else if case.sensitivity == Sensitivity::High {
            tool_bits(T1_TOOLS)
        } else {
            tool_bits(BEGINNER_TOOLS)
        };
        let owned = match &case.tools {
            None => tool_bits(&Tool::ALL),
            Some(list) => tool_bits(list) | Tool::Hands.bit(),
        };
        let leg_injury = case.local.iter().any(|l| {
            matches!(
                l.kind,
                LocalKind::Fracture | LocalKind::Dislocation | LocalKind::Surgery
            ) && rule::is_leg(rule::segment(l.region))
        });
        let mut f = Facts {
            case,
            lbp: case.has_symptom(Symptom::LowBackPain),
            sev,
            sore,
            osteo,
            fibro,
            thinners,
            pressure: case.has_condition(ConditionId::BloodPressure),
            pregnant,
            experienced,
            allowed,
            owned,
            joints: Vec::new(),
            leg_injury,
        };
        let mut joints = Vec::new();
        f.protected_joints(|j, s, r| {
            if !joints.contains(&(j, s, r)) {
                joints.push((j, s, r))
            }
        });
        f.joints = joints;
        f
    }

    pub(super) fn sev(&self, rs: RegionSide) -> Option<u8> {
        self.sev.get(slot(rs)).copied().filter(|v| *v != UNMARKED)
    }

    /// Severity of a marked region-side with severity ≥ 1.
    pub(super) fn hurts(&self, rs: RegionSide) -> Option<u8> {
        self.sev(rs).filter(|v| *v >= 1)
    }

    /// True when a mark on a region-side was entered as sore.
    pub(super) fn sore(&self, rs: RegionSide) -> bool {
        self.sore.get(slot(rs)).copied().unwrap_or(false)
    }

    pub(super) fn any_marked(&self, regions: &[RegionId]) -> bool {
        regions.iter().any(|r| {
            r.def().sides().iter().any(|s| {
                self.hurts(RegionSide {
                    region: *r,
                    side: *s,
                })
                .is_some()
            })
        })
    }

    /// Joints (with side) protected by a replacement, an operation at a joint, an operated
    /// region inside a joint segment, or a recent break, dislocation or operation there.
    fn protected_joints(&self, mut f: impl FnMut(Joint, Side, RuleId)) {
        for c in &self.case.conditions {
            let side = c.side.unwrap_or(Side::Mid);
            match (c.id, c.joint, c.region) {
                (ConditionId::JointReplacement, Some(j), _) => f(j, side, RuleId::C5),
                (ConditionId::PreviousSurgery, Some(j), _) => f(j, side, RuleId::C7),
                (ConditionId::PreviousSurgery, None, Some(r)) => {
                    if let Some(j) = rule::segment(r).joint() {
                        f(j, side, RuleId::C7)
                    }
                }
                _ => {}
            }
        }
        for l in &self.case.local {
            if matches!(
                l.kind,
                LocalKind::Fracture | LocalKind::Dislocation | LocalKind::Surgery
            ) && l.region.def().accepts(l.side)
            {
                if let Some(j) = rule::segment(l.region).joint() {
                    f(j, l.side, RuleId::G4)
                }
            }
        }
    }

    pub(super) fn spine_surgery(&self) -> bool {
        self.case.conditions.iter().any(|c| {
            c.id == ConditionId::PreviousSurgery
                && c.region.is_some_and(|r| SPINE_REGIONS.contains(&r))
        })
    }

    pub(super) fn hip_surgery(&self) -> bool {
        self.case.conditions.iter().any(|c| {
            c.id == ConditionId::PreviousSurgery
                && (c.joint == Some(Joint::Hip)
                    || c.region
                        .is_some_and(|r| rule::segment(r).joint() == Some(Joint::Hip)))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::knowledge::mark::{Kind, Mark, Severity};
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::planner::case::{Case, LocalFinding, LocalKind};
    use crate::domain::planner::engine::plan;

    #[test]
    fn a_wrong_side_in_an_unvalidated_case_is_skipped_not_a_panic() {
        let mut c = Case::default().mark(RegionId::Calf, Side::Left, 2);
        c.marks.push(Mark {
            region: RegionId::Sternum,
            side: Side::Left,
            severity: Severity::STRONG,
            kind: Kind::Sore,
        });
        c.local.push(LocalFinding {
            region: RegionId::Calf,
            side: Side::Mid,
            kind: LocalKind::Fracture,
        });
        let p = plan(&c);
        assert_eq!(p.steps.len(), 1);
    }
}
