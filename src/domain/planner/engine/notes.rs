//! Stage 7, messages: the notes that go with the plan (knowledge base §3.9 step 7), chosen
//! from the facts and from what the earlier stages did, listed in catalogue order.

use super::facts::Facts;
use crate::domain::knowledge::mark::Symptom;
use crate::domain::knowledge::message::MessageId;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side, REGIONS};
use crate::domain::knowledge::rule::{GLUTES, LEG_GROUPS, LOW_BACK_SITES};
use crate::domain::knowledge::screen;
use crate::domain::planner::case::{ConditionId, LocalKind};

/// What the earlier stages did that a message depends on.
pub(super) struct Done {
    /// The mid-back is marked but the roller may not be used.
    pub(super) roller_refused: bool,
    /// An area of the low back, spine or ribs was marked and left out.
    pub(super) low_back_excluded: bool,
    /// The plan has steps.
    pub(super) has_steps: bool,
    /// Both sides of an even pair are worked.
    pub(super) even_worked: bool,
    /// A buttock or hip area waits for the legs.
    pub(super) legs_first: bool,
}

/// The plan's messages, in catalogue order.
pub(super) fn messages(f: &Facts, done: Done) -> Vec<MessageId> {
    let case = f.case;
    let mut messages: u64 = 0;
    let mut msg = |m: MessageId| messages |= m.bit();
    if done.roller_refused {
        msg(MessageId::ThoracicRollerExcluded);
    }
    if done.low_back_excluded {
        msg(MessageId::NoDirectLowBack);
    }
    if case
        .red_flags
        .iter()
        .any(|r| r.tier() == screen::Tier::Amber)
        || case.has_condition(ConditionId::Pregnancy)
    {
        msg(MessageId::AmberCheck);
    }
    if f.lbp {
        msg(MessageId::BackIsAlarm);
        let unmapped = LEG_GROUPS.iter().any(|r| {
            [Side::Left, Side::Right].iter().any(|s| {
                f.sev(RegionSide {
                    region: *r,
                    side: *s,
                })
                .is_none()
            })
        });
        if unmapped || done.legs_first {
            msg(MessageId::MapLegsFirst);
        }
    }
    // §3.11: only when the plan works at least one even pair.
    if done.even_worked && no_lr_difference(f) {
        msg(MessageId::NoLrDifference);
    }
    if case.acute_flare {
        msg(MessageId::GlutesLater);
    }
    let tension = case.has_symptom(Symptom::NeckShoulderTension);
    if done.has_steps {
        msg(MessageId::Breathing426);
        msg(MessageId::StopOnSharpPain);
        msg(MessageId::StayActive);
        if tension {
            msg(MessageId::BreathingFirst);
        }
        // §3.11: every plan with steps for a beginner (normal or high sensitivity).
        if !f.experienced {
            msg(MessageId::CheckWithDoctor);
        }
        if case.prefs.long_holds {
            msg(MessageId::HoldCapped);
        }
    }
    if tension {
        msg(MessageId::StressTension);
    }
    // L11 from the person's own history: a marked area released about six times for nothing.
    if case
        .history
        .no_change
        .iter()
        .any(|rs| f.hurts(*rs).is_some())
    {
        msg(MessageId::NoChangeSeePhysio);
    }
    // ... and every plan with a condition (each condition row says "doctor first").
    if !case.conditions.is_empty() {
        msg(MessageId::CheckWithDoctor);
    }
    if f.osteo {
        msg(MessageId::OsteoporosisCaution);
        if f.lbp {
            msg(MessageId::FallHeightLossQuestion);
        }
    }
    if f.fibro {
        msg(MessageId::FibromyalgiaGentle);
    }
    if f.thinners {
        msg(MessageId::BloodThinnersLight);
    }
    if f.pressure {
        msg(MessageId::BloodPressureSlow);
    }
    if case.has_condition(ConditionId::JointReplacement) {
        msg(MessageId::JointReplacementCaution);
    }
    if case.has_condition(ConditionId::PreviousSurgery) {
        msg(MessageId::SurgeryCheck);
        if f.hip_surgery() || f.spine_surgery() {
            msg(MessageId::StabilityWithPt);
        }
    }
    if !case.floor_ok {
        msg(MessageId::NoFloorAlternatives);
    }
    if case.local.iter().any(|l| {
        matches!(
            l.kind,
            LocalKind::Dislocation | LocalKind::Fracture | LocalKind::Inflamed
        )
    }) {
        msg(MessageId::SeeClinicianLocal);
    }
    let back_context = f.lbp || f.any_marked(LOW_BACK_SITES);
    if back_context && f.any_marked(&[RegionId::Hamstrings]) {
        msg(MessageId::ExplainX1);
    }
    if back_context && f.any_marked(&[RegionId::HipFlexor, RegionId::Quadriceps]) {
        msg(MessageId::ExplainX2);
    }
    if (back_context || case.has_symptom(Symptom::HipStiffness)) && f.any_marked(GLUTES) {
        msg(MessageId::ExplainX3);
    }
    if f.any_marked(&[RegionId::LowBackMuscles]) {
        msg(MessageId::ExplainX4);
    }
    if f.any_marked(&[RegionId::Calf, RegionId::Sole]) {
        msg(MessageId::ExplainX5);
    }
    MessageId::all()
        .filter(|m| messages & m.bit() != 0)
        .collect()
}

/// §3.10 rule 19: at least one bilateral region has both sides marked (one of them ≥ 1),
/// and no such pair differs.
fn no_lr_difference(f: &Facts) -> bool {
    let mut pairs = 0;
    for def in REGIONS.iter().filter(|d| d.is_bilateral()) {
        let l = f.sev(RegionSide {
            region: def.id,
            side: Side::Left,
        });
        let r = f.sev(RegionSide {
            region: def.id,
            side: Side::Right,
        });
        if let (Some(l), Some(r)) = (l, r) {
            if l.max(r) == 0 {
                continue;
            }
            if l != r {
                return false;
            }
            pairs += 1;
        }
    }
    pairs > 0
}
