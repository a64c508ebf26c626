//! Positions (§3.11): what closes a load for this person, which regions may only get a
//! ball against a wall, and when pressure words must stay light. Stage 6 asks these
//! questions of every variant it considers; the answers also shape the cue and the `why`.

use super::facts::Facts;
use super::slots::sides_meet;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::{joint_rule, Joint, RuleId};
use crate::domain::knowledge::screen::FlagId;
use crate::domain::knowledge::technique::{Load, LoadKind, Position, Tool};
use crate::domain::planner::case::Sensitivity;

/// Why a position is closed (or a region is wall-only) for this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Closer {
    /// `floor_ok: false`.
    NoFloor,
    /// A protected joint on a side, with the rule that protects it (C5, C7 or G4).
    Joint(Joint, Side, RuleId),
    /// Osteoporosis.
    Osteoporosis,
    /// Pregnancy (condition or A3).
    Pregnancy,
    /// An acute flare of low back pain.
    Flare,
    /// Blood-pressure problems (never face down as the first step).
    BloodPressure,
    /// Balance: standing on one leg is closed.
    Balance(RuleId),
}

impl Closer {
    pub(super) fn rule(self) -> RuleId {
        match self {
            Closer::NoFloor => RuleId::C6,
            Closer::Joint(_, _, r) | Closer::Balance(r) => r,
            Closer::Osteoporosis => RuleId::C1,
            Closer::Pregnancy => RuleId::C8,
            Closer::Flare => RuleId::P1,
            Closer::BloodPressure => RuleId::C4,
        }
    }

    /// "To protect your right shoulder, this is done standing at a wall."
    pub(super) fn sentence(self, position: Position, tool: Tool) -> String {
        let how = done_words(position, tool);
        match self {
            Closer::NoFloor => {
                format!("You said getting down to the floor is hard, so this is done {how}.")
            }
            Closer::Joint(j, side, _) => format!(
                "To protect your {}{}, this is done {how}.",
                match side {
                    Side::Left => "left ",
                    Side::Right => "right ",
                    Side::Mid => "",
                },
                j.key()
            ),
            Closer::Osteoporosis => {
                format!("To protect your bones with osteoporosis, this is done {how}.")
            }
            Closer::Pregnancy => format!("Because of pregnancy, this is done {how}."),
            Closer::Flare => format!("To spare your back during the flare-up, this is done {how}."),
            Closer::BloodPressure => {
                format!("With blood-pressure problems you start upright, so this is done {how}.")
            }
            Closer::Balance(_) => format!("To keep you steady, this is done {how}."),
        }
    }
}

/// "standing at a wall", "sitting, with your hands".
fn done_words(position: Position, tool: Tool) -> &'static str {
    match (position, tool) {
        (_, Tool::Hands) => "sitting, with your hands",
        (Position::Floor, _) => "on the floor",
        (Position::Wall, _) => "standing at a wall",
        (Position::Chair, _) => "sitting on a firm chair",
        (Position::Seated, _) => "sitting on a chair",
        (Position::Standing, _) => "standing, holding on to a chair",
        (Position::Bed, _) => "on a firm bed",
    }
}

fn joint_at(f: &Facts, joint: Joint, sides: &[Side]) -> Option<Closer> {
    f.joints
        .iter()
        .find(|(j, s, _)| *j == joint && (*s == Side::Mid || sides.contains(s)))
        .map(|&(j, s, r)| Closer::Joint(j, s, r))
}

/// What closes `load` for a step on side `worked` (§3.11 "what closes a load"); `dose` is
/// the planned time and `first` whether it would be the plan's first step.
fn closer(f: &Facts, worked: Side, load: Load, dose: u16, first: bool) -> Option<Closer> {
    let sides = load.sides(worked);
    let both = [Side::Left, Side::Right];
    match load.kind() {
        LoadKind::Floor | LoadKind::Kneeling | LoadKind::Prone | LoadKind::SideLyingHip
            if !f.case.floor_ok =>
        {
            Some(Closer::NoFloor)
        }
        LoadKind::Floor => None,
        LoadKind::Prone => {
            if f.osteo {
                Some(Closer::Osteoporosis)
            } else if f.pregnant {
                Some(Closer::Pregnancy)
            } else if f.case.acute_flare && dose > 60 {
                Some(Closer::Flare)
            } else if f.pressure && first {
                Some(Closer::BloodPressure)
            } else {
                None
            }
        }
        LoadKind::SideLyingHip => {
            joint_at(f, Joint::Hip, sides).or_else(|| joint_at(f, Joint::Shoulder, sides))
        }
        LoadKind::TrunkLoad => {
            if f.osteo {
                Some(Closer::Osteoporosis)
            } else if f.pregnant {
                Some(Closer::Pregnancy)
            } else {
                None
            }
        }
        LoadKind::SpineFlexion => {
            if f.osteo {
                Some(Closer::Osteoporosis)
            } else if f.case.acute_flare {
                Some(Closer::Flare)
            } else {
                None
            }
        }
        LoadKind::ShoulderOverhead | LoadKind::ShoulderWeight => {
            joint_at(f, Joint::Shoulder, sides)
        }
        // Both knees bear weight, so either protected knee closes it.
        LoadKind::Kneeling => joint_at(f, Joint::Knee, &both),
        // Crossing either leg moves both hips.
        LoadKind::HipCross => joint_at(f, Joint::Hip, &both),
        LoadKind::HipDeepFlexion => joint_at(f, Joint::Hip, sides),
        LoadKind::OneLegStand => {
            if f.osteo {
                Some(Closer::Balance(RuleId::C1))
            } else if f.pressure {
                Some(Closer::Balance(RuleId::C4))
            } else if f.case.has_flag(FlagId::A4) {
                Some(Closer::Balance(RuleId::G2))
            } else if f.leg_injury {
                Some(Closer::Balance(RuleId::G4))
            } else {
                joint_at(f, Joint::Hip, &both).or_else(|| joint_at(f, Joint::Knee, &both))
            }
        }
    }
}

/// The first thing that closes one of `loads`, if any.
pub(super) fn closed(
    f: &Facts,
    worked: Side,
    loads: &[Load],
    dose: u16,
    first: bool,
) -> Option<Closer> {
    loads
        .iter()
        .find_map(|l| closer(f, worked, *l, dose, first))
}

/// Regions that may only get a soft ball against a wall, and why.
pub(super) fn wall_only(f: &Facts, rs: RegionSide) -> Option<Closer> {
    if f.osteo && matches!(rs.region, RegionId::GluteMax | RegionId::Lats) {
        return Some(Closer::Osteoporosis);
    }
    f.joints
        .iter()
        .find(|(j, s, _)| sides_meet(*s, rs.side) && joint_rule(*j).wall_only.contains(&rs.region))
        .map(|&(j, s, r)| Closer::Joint(j, s, r))
}

/// True when pressure words must stay light for this step (§3.11 "pressure words").
pub(super) fn light_pressure(f: &Facts, sev: u8) -> bool {
    f.thinners
        || f.fibro
        || f.osteo
        || f.case.sensitivity == Sensitivity::High
        || (!f.experienced && sev >= 3)
}
