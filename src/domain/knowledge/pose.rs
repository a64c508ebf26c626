//! The body positions of the technique catalogue, as something that can be drawn (issue #14):
//! for every [`Variant`] of [`TECHNIQUES`] (and the opt-in mid-back roller and the hands
//! fallback), the [`Pose`] the body takes, where the tool goes ([`Placement`]), which body
//! part it works, and how it moves. The UI draws a [`Drawing`] as a line figure; this module
//! says what the figure must show and, in words, what it shows.
//!
//! A drawing must never show more of the body than its variant asks for, and never less:
//! a joint-protection closer of §3.11 (a replaced knee closes kneeling, osteoporosis closes
//! lying face down…) is never shown the picture of the position it closed. So every pose
//! declares the [`Load`]s it shows, and a tool *under* the chest, ribs or upper back of a
//! lying person adds [`Load::TrunkLoad`]. Editing rules, enforced by the tests below:
//! - every variant of every technique has a drawing, for each side and each of its tools;
//! - a drawing shows exactly the loads its variant declares (the base position: an
//!   extra-pressure sentence is words only and is never drawn);
//! - the words of a drawing (its text alternative) imply exactly the loads it shows
//!   (checked with [`implied_loads`], the same word table the cues are held to);
//! - a step's stored words find the variant they were made from ([`variant_for`]); when
//!   they do not (words of an older version), only a variant without any load is drawn,
//!   or nothing.
//!
//! Sides: the worked side is named in the words, and the UI draws the worked side nearest
//! to the viewer (or, seen from the front, on the viewer's side where it really is).

use crate::domain::knowledge::region::{RegionId, Side};
#[cfg(test)]
use crate::domain::knowledge::technique::implied_loads;
#[cfg(test)]
use crate::domain::knowledge::technique::TECHNIQUES;
use crate::domain::knowledge::technique::{
    for_region, Load, LoadKind, Motion, On, Path, Position, Tool, Variant, Zone, HANDS_FALLBACK,
    THORACIC_ROLLER,
};

/// A body position that can be drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pose {
    /// On the back on the floor, knees bent, arms at the sides.
    BackOnFloor,
    /// On the back on the floor, knees bent, hands behind the head.
    BackHandsBehindHead,
    /// On the back on the floor, the worked side's ankle on the other knee.
    BackAnkleOnKnee,
    /// On the back on a firm bed.
    BackOnBed,
    /// Face down on the floor, forehead on the hands.
    FaceDownHeadOnHands,
    /// Face down on the floor, propped on the forearms.
    FaceDownForearms,
    /// Face down on the forearms, the worked side's knee bent out to the side.
    FaceDownKneeOut,
    /// On the worked side on the floor, propped on that forearm, the top leg in front.
    SideLyingForearm,
    /// On the worked side on the floor, that arm overhead.
    SideLyingArmOverhead,
    /// Sitting on the floor, legs out straight, hands on the floor behind, hips lifted.
    LegsOutHandsBehind,
    /// Sitting on the floor, legs out straight, leaning over them a little.
    LegsOut,
    /// Sitting on the tool on the floor, hands behind, the worked ankle on the other knee.
    SittingAnkleOnKnee,
    /// On all fours on the floor.
    AllFours,
    /// Sitting on a firm bed, legs out straight.
    LegsOutOnBed,
    /// Sitting upright on a chair, feet on the floor.
    SittingUpright,
    /// Sitting upright on a chair, the worked leg out on a footstool.
    LegOnStool,
    /// Sitting on a chair and leaning forward.
    LeaningForward,
    /// Sitting on a chair, the worked foot on the other knee, leaning forward a little.
    FootOnKnee,
    /// Sitting at a table, the worked arm resting on it.
    AtTable,
    /// Standing, facing a wall.
    FacingWall,
    /// Standing with the worked side to a wall.
    SidewaysToWall,
    /// Standing with the back to a wall.
    BackToWall,
    /// Standing at a wall corner or door frame.
    AtDoorFrame,
    /// Standing on the other foot, holding the back of a chair.
    StandingHoldingChair,
}

impl Pose {
    /// Every pose.
    pub const ALL: [Pose; 24] = [
        Pose::BackOnFloor,
        Pose::BackHandsBehindHead,
        Pose::BackAnkleOnKnee,
        Pose::BackOnBed,
        Pose::FaceDownHeadOnHands,
        Pose::FaceDownForearms,
        Pose::FaceDownKneeOut,
        Pose::SideLyingForearm,
        Pose::SideLyingArmOverhead,
        Pose::LegsOutHandsBehind,
        Pose::LegsOut,
        Pose::SittingAnkleOnKnee,
        Pose::AllFours,
        Pose::LegsOutOnBed,
        Pose::SittingUpright,
        Pose::LegOnStool,
        Pose::LeaningForward,
        Pose::FootOnKnee,
        Pose::AtTable,
        Pose::FacingWall,
        Pose::SidewaysToWall,
        Pose::BackToWall,
        Pose::AtDoorFrame,
        Pose::StandingHoldingChair,
    ];

    /// What the pose shows of the body (§3.11 loads), relative to the worked side.
    pub const fn loads(self) -> &'static [Load] {
        use Load::*;
        match self {
            Pose::BackOnFloor | Pose::BackHandsBehindHead => &[Floor],
            Pose::BackAnkleOnKnee => &[Floor, HipCross(On::Same)],
            Pose::BackOnBed => &[],
            Pose::FaceDownHeadOnHands => &[Floor, Prone],
            Pose::FaceDownForearms | Pose::FaceDownKneeOut => {
                &[Floor, Prone, ShoulderWeight(On::Both)]
            }
            Pose::SideLyingForearm => &[Floor, SideLyingHip(On::Same), ShoulderWeight(On::Same)],
            Pose::SideLyingArmOverhead => &[
                Floor,
                SideLyingHip(On::Same),
                ShoulderOverhead(On::Same),
                ShoulderWeight(On::Same),
            ],
            Pose::LegsOutHandsBehind => &[Floor, SpineFlexion, ShoulderWeight(On::Both)],
            Pose::LegsOut => &[Floor, SpineFlexion],
            Pose::SittingAnkleOnKnee => &[Floor, HipCross(On::Same), ShoulderWeight(On::Both)],
            Pose::AllFours => &[Floor, Kneeling, ShoulderWeight(On::Both)],
            Pose::LegsOutOnBed => &[SpineFlexion],
            Pose::LeaningForward => &[SpineFlexion],
            Pose::FootOnKnee => &[HipCross(On::Same), SpineFlexion],
            Pose::StandingHoldingChair => &[OneLegStand],
            Pose::SittingUpright
            | Pose::LegOnStool
            | Pose::AtTable
            | Pose::FacingWall
            | Pose::SidewaysToWall
            | Pose::BackToWall
            | Pose::AtDoorFrame => &[],
        }
    }

    /// The position in words; `{side}` is the worked side, `{other}` the other one.
    pub const fn words(self) -> &'static str {
        match self {
            Pose::BackOnFloor => "Lying on your back on the floor, knees bent",
            Pose::BackHandsBehindHead => {
                "Lying on your back on the floor, knees bent, hands behind your head"
            }
            Pose::BackAnkleOnKnee => {
                "Lying on your back on the floor, knees bent, the {side} ankle resting on the other knee"
            }
            Pose::BackOnBed => "Lying on your back on a firm bed",
            Pose::FaceDownHeadOnHands => {
                "Lying face down on the floor, forehead resting on your hands"
            }
            Pose::FaceDownForearms => "Lying face down on the floor, on your forearms",
            Pose::FaceDownKneeOut => {
                "Lying face down on the floor, on your forearms, the {side} knee bent out to the side"
            }
            Pose::SideLyingForearm => {
                "Lying on your side on the floor, {side} side down, propped on your forearm, the top leg in front"
            }
            Pose::SideLyingArmOverhead => {
                "Lying on your side on the floor, {side} side down, the lower arm overhead"
            }
            Pose::LegsOutHandsBehind => {
                "Sitting on the floor, legs out straight, hands on the floor behind you, hips lifted"
            }
            Pose::LegsOut => "Sitting on the floor with your legs out straight",
            Pose::SittingAnkleOnKnee => {
                "Sitting on the floor with your hands behind you, the {side} ankle resting on the other knee"
            }
            Pose::AllFours => "On all fours on the floor",
            Pose::LegsOutOnBed => "Sitting on a firm bed with your legs out straight",
            Pose::SittingUpright => "Sitting upright on a chair",
            Pose::LegOnStool => "Sitting upright on a chair, the {side} leg resting on a footstool",
            Pose::LeaningForward => "Sitting on a chair, leaning forward",
            Pose::FootOnKnee => {
                "Sitting on a chair, the {side} foot on the other knee, leaning forward a little"
            }
            Pose::AtTable => "Sitting at a table, the {side} arm resting on it",
            Pose::FacingWall => "Standing facing a wall",
            Pose::SidewaysToWall => "Standing with your {side} side to a wall",
            Pose::BackToWall => "Standing with your back to a wall",
            Pose::AtDoorFrame => "Standing at a wall corner or door frame",
            Pose::StandingHoldingChair => {
                "Standing on one foot, holding the back of a chair"
            }
        }
    }

    /// The body lies on something (floor or bed): a tool under the trunk then carries the
    /// body's weight on the ribs or spine.
    pub const fn lying(self) -> bool {
        matches!(
            self,
            Pose::BackOnFloor
                | Pose::BackHandsBehindHead
                | Pose::BackAnkleOnKnee
                | Pose::BackOnBed
                | Pose::FaceDownHeadOnHands
                | Pose::FaceDownForearms
                | Pose::FaceDownKneeOut
                | Pose::SideLyingForearm
                | Pose::SideLyingArmOverhead
        )
    }
}

/// Where the tool goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Between the body and what it rests on (floor, bed, seat, footstool, table).
    Under,
    /// Between the body and a wall or door frame.
    Against,
    /// Held against the body with a hand (or both hands).
    InHand,
    /// The hands themselves: fingers, thumbs or the heel of the hand.
    Hands,
}

/// The part of the body a region lies on, for the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The base of the skull.
    SkullBase,
    /// Just below the collarbone.
    UpperChest,
    /// The chest muscle near the shoulder.
    Chest,
    /// The upper back beside the spine, or on the shoulder blade.
    UpperBack,
    /// The side of the chest below the armpit.
    SideOfChest,
    /// The top of the shoulder.
    ShoulderTop,
    /// The upper arm.
    UpperArm,
    /// The forearm.
    Forearm,
    /// The palm.
    Palm,
    /// The front of the hip.
    HipFront,
    /// The buttock.
    Buttock,
    /// The thigh.
    Thigh,
    /// The lower leg.
    LowerLeg,
    /// The foot.
    Foot,
}

impl Part {
    /// On the trunk: a tool under it carries body weight on the ribs or spine when lying.
    pub const fn trunk(self) -> bool {
        matches!(self, Part::Chest | Part::UpperBack | Part::SideOfChest)
    }
}

/// Which face of the part is worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// The front.
    Front,
    /// The back.
    Back,
    /// The inner side.
    Inner,
    /// The outer side.
    Outer,
    /// The top (shoulder, top of the foot).
    Top,
    /// The underside (palm, sole).
    Under,
}

/// Where a region is on the body, and its name in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Area {
    /// The part.
    pub part: Part,
    /// The face of the part.
    pub face: Face,
    /// Words, with `{side}` for the side ("the front of your {side} thigh").
    pub words: &'static str,
}

const fn area(part: Part, face: Face, words: &'static str) -> Area {
    Area { part, face, words }
}

/// Where a target region is, or `None` for a region that is never worked.
pub const fn area_of(region: RegionId) -> Option<Area> {
    use Face::*;
    use Part::*;
    Some(match region {
        RegionId::Suboccipital => {
            area(SkullBase, Back, "the {side} side of the base of your skull")
        }
        RegionId::UpperChest => area(
            UpperChest,
            Front,
            "your upper chest just below the {side} collarbone",
        ),
        RegionId::Chest => area(Chest, Front, "your chest muscle near the {side} shoulder"),
        RegionId::UpperArmFront => area(UpperArm, Front, "the front of your {side} upper arm"),
        RegionId::ForearmFront => area(Forearm, Front, "the palm side of your {side} forearm"),
        RegionId::Palm => area(Palm, Under, "your {side} palm"),
        RegionId::HipFlexor => area(
            HipFront,
            Front,
            "the front of your {side} hip, just inside the bony point",
        ),
        RegionId::Tfl => area(HipFront, Outer, "the front-outer side of your {side} hip"),
        RegionId::Quadriceps => area(Thigh, Front, "the front of your {side} thigh"),
        RegionId::Adductors => area(Thigh, Inner, "the inner side of your {side} thigh"),
        RegionId::OuterThigh => area(Thigh, Outer, "the outside of your {side} thigh"),
        RegionId::ShinMuscle => area(LowerLeg, Front, "the muscle beside your {side} shin bone"),
        RegionId::LowerLegOuter => area(LowerLeg, Outer, "the outside of your {side} lower leg"),
        RegionId::FootTop => area(Foot, Top, "the top of your {side} foot"),
        RegionId::UpperTrapezius => area(ShoulderTop, Top, "the top of your {side} shoulder"),
        RegionId::BetweenShoulderBlades => area(
            UpperBack,
            Back,
            "your upper back, between the {side} shoulder blade and the spine",
        ),
        RegionId::ShoulderBlade => area(
            UpperBack,
            Back,
            "your upper back, on the flat of the {side} shoulder blade",
        ),
        RegionId::Lats => area(
            SideOfChest,
            Outer,
            "the side of your back just below the {side} armpit",
        ),
        RegionId::GluteMax => area(Buttock, Back, "your {side} buttock"),
        RegionId::GluteMed => area(
            Buttock,
            Outer,
            "the upper-outer part of your {side} buttock",
        ),
        RegionId::DeepGlute => area(Buttock, Back, "the middle of your {side} buttock"),
        RegionId::Hamstrings => area(Thigh, Back, "the back of your {side} thigh"),
        RegionId::Calf => area(LowerLeg, Back, "your {side} calf"),
        RegionId::CalfInnerEdge => area(LowerLeg, Inner, "the inner edge of your {side} calf"),
        RegionId::Sole => area(Foot, Under, "the sole of your {side} foot"),
        RegionId::UpperArmBack => area(UpperArm, Back, "the back of your {side} upper arm"),
        RegionId::ForearmBack => area(Forearm, Back, "the back of your {side} forearm"),
        RegionId::ThoracicSpine => area(
            UpperBack,
            Back,
            "your upper back, across the shoulder blades",
        ),
        _ => return None,
    })
}

/// Words for a tool under the lats of a lying person: the weight is on the side of the chest.
const LATS_LYING: &str = "the side of your chest just below the {side} armpit";

/// One drawing: a pose, the tool where it goes, the worked region and side, the motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drawing {
    /// The body position.
    pub pose: Pose,
    /// Where the tool goes.
    pub placement: Placement,
    /// The tool (`Hands` for a hands-only step).
    pub tool: Tool,
    /// The worked region.
    pub region: RegionId,
    /// The worked side (`Mid` for the mid-back roller).
    pub side: Side,
    /// How the tool moves.
    pub motion: Motion,
    /// Where the tool travels, after the protective zones (a shorter arrow near a protected
    /// joint).
    pub path: Option<Path>,
    /// The hands fallback: press wherever the hands reach without bending forward.
    pub fallback: bool,
}

/// The pose and tool placement of a variant of `region`'s technique, or `None` when the
/// variant is not in the catalogue (a test keeps that from happening).
pub fn pose_of(region: RegionId, v: &Variant) -> Option<(Pose, Placement)> {
    use Placement::*;
    use Pose::*;
    use RegionId as R;
    let hands = v.tools == [Tool::Hands];
    if v.setup == HANDS_FALLBACK.setup {
        return Some((SittingUpright, Hands));
    }
    let bent = v.has(LoadKind::SpineFlexion);
    Some(match (region, v.position, hands) {
        (_, Position::Seated, true) => match region {
            R::ShinMuscle | R::LowerLegOuter | R::FootTop => (LegOnStool, Hands),
            R::Calf => (LeaningForward, Hands),
            R::CalfInnerEdge | R::Sole => (FootOnKnee, Hands),
            _ => (SittingUpright, Hands),
        },
        (R::Suboccipital, Position::Floor, _) => (BackOnFloor, Under),
        (R::Suboccipital, Position::Bed, _) => (BackOnBed, Under),
        (R::UpperChest | R::Chest | R::HipFlexor, Position::Wall, _) => (FacingWall, Against),
        (R::Chest | R::HipFlexor, Position::Floor, _) => (FaceDownHeadOnHands, Under),
        (
            R::UpperArmFront | R::ForearmFront | R::Palm | R::UpperArmBack | R::ForearmBack,
            Position::Seated,
            false,
        ) => (AtTable, Under),
        (R::Tfl | R::Quadriceps, Position::Floor, _) => (FaceDownForearms, Under),
        (R::Tfl | R::OuterThigh | R::Lats | R::GluteMed, Position::Wall, _) => {
            (SidewaysToWall, Against)
        }
        (R::Quadriceps | R::Adductors, Position::Seated, false) => (SittingUpright, InHand),
        (R::Adductors, Position::Floor, _) => (FaceDownKneeOut, Under),
        (R::OuterThigh | R::LowerLegOuter | R::GluteMed, Position::Floor, _) => {
            (SideLyingForearm, Under)
        }
        (R::ShinMuscle | R::LowerLegOuter, Position::Seated, false) => (LegOnStool, InHand),
        (R::ShinMuscle, Position::Floor, _) => (AllFours, Under),
        (R::UpperTrapezius, Position::Wall, _) => (AtDoorFrame, Against),
        (R::BetweenShoulderBlades | R::ShoulderBlade | R::GluteMax, Position::Wall, _) => {
            (BackToWall, Against)
        }
        (R::BetweenShoulderBlades | R::ShoulderBlade, Position::Floor, _) => (BackOnFloor, Under),
        (R::ThoracicSpine, Position::Floor, _) => (BackHandsBehindHead, Under),
        (R::Lats, Position::Floor, _) => (SideLyingArmOverhead, Under),
        (R::GluteMax, Position::Floor, _) => (SittingAnkleOnKnee, Under),
        (R::GluteMax | R::DeepGlute | R::Hamstrings, Position::Chair, _) => (SittingUpright, Under),
        (R::DeepGlute, Position::Floor, _) => (BackAnkleOnKnee, Under),
        (R::Hamstrings | R::Calf, Position::Floor, _) => (LegsOutHandsBehind, Under),
        (R::Calf, Position::Seated, false) if bent => (LeaningForward, InHand),
        (R::Calf | R::CalfInnerEdge, Position::Seated, false) => (LegOnStool, Under),
        (R::Calf, Position::Bed, _) => (LegsOutOnBed, Under),
        (R::CalfInnerEdge, Position::Floor, _) => (LegsOut, InHand),
        (R::Sole, Position::Seated, false) => (SittingUpright, Under),
        (R::Sole, Position::Standing, _) => (StandingHoldingChair, Under),
        _ => return None,
    })
}

/// Every variant a step on `region` can be made from: the region's own, the mid-back roller
/// for `thoracic_spine`, and the hands fallback.
fn candidates(region: RegionId) -> impl Iterator<Item = &'static Variant> {
    let own: &'static [Variant] = match for_region(region) {
        Some(t) => t.variants,
        None if region == RegionId::ThoracicSpine => THORACIC_ROLLER.variants,
        None => &[],
    };
    own.iter().chain(std::iter::once(&HANDS_FALLBACK))
}

/// The variant a step was made from, found from what every step keeps (a guided session
/// keeps no more): its region, position, tool and words. The words begin with the variant's
/// setup, which tells apart the variants that share a position and tool (a region's own
/// hands variant and the hands fallback). When the words match no variant (they were saved
/// by an older version), only a variant without any load may stand in, so a drawing never
/// shows a position the person may have been steered away from; otherwise `None`.
pub fn variant_for(
    region: RegionId,
    position: Position,
    tool: Tool,
    cue: &str,
) -> Option<&'static Variant> {
    let fits = |v: &&'static Variant| v.position == position && v.tools.contains(&tool);
    candidates(region)
        .filter(fits)
        .find(|v| cue.starts_with(&v.setup.replace("{tool}", tool.name())))
        .or_else(|| {
            let mut plain = candidates(region)
                .filter(fits)
                .filter(|v| v.loads.is_empty());
            match (plain.next(), plain.next()) {
                (Some(v), None) => Some(v),
                _ => None,
            }
        })
}

/// The drawing of `v` on `region` and `side` with `tool`, the path shortened by `zones`.
pub fn for_variant(
    region: RegionId,
    side: Side,
    v: &Variant,
    tool: Tool,
    zones: &[Zone],
) -> Option<Drawing> {
    let (pose, placement) = pose_of(region, v)?;
    area_of(region)?;
    let path = v.path.map(|p| {
        let (from, to) = zones
            .iter()
            .fold((p.from, p.to), |(a, b), z| (z.adjust(a), z.adjust(b)));
        Path { from, to }
    });
    Some(Drawing {
        pose,
        placement,
        tool,
        region,
        side,
        motion: v.motion,
        path,
        fallback: v.setup == HANDS_FALLBACK.setup,
    })
}

/// The drawing of a step as a plan or a guided session keeps it, or `None` when it cannot
/// be drawn safely (see [`variant_for`]).
pub fn for_step(
    region: RegionId,
    side: Side,
    position: Position,
    tool: Tool,
    cue: &str,
    zone: Option<Zone>,
) -> Option<Drawing> {
    let v = variant_for(region, position, tool, cue)?;
    let zones: &[Zone] = match &zone {
        Some(z) => std::slice::from_ref(z),
        None => &[],
    };
    for_variant(region, side, v, tool, zones)
}

/// `text` with `{side}` and `{other}` filled in (`mid`: the words are left out).
fn fill(text: &str, side: Side) -> String {
    let (this, other) = match side {
        Side::Left => ("left", "right"),
        Side::Right => ("right", "left"),
        Side::Mid => ("", ""),
    };
    let out = text.replace("{side}", this).replace("{other}", other);
    if side == Side::Mid {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out
    }
}

impl Drawing {
    /// Where the worked region is.
    pub fn area(&self) -> Option<Area> {
        area_of(self.region)
    }

    /// The loads the drawing shows: the pose's, and the trunk's weight when a lying person
    /// rests the trunk on the tool.
    pub fn shows(&self) -> Vec<Load> {
        let mut out = self.pose.loads().to_vec();
        if self.trunk_on_tool() {
            out.push(Load::TrunkLoad);
        }
        out
    }

    fn trunk_on_tool(&self) -> bool {
        self.pose.lying()
            && self.placement == Placement::Under
            && self.area().is_some_and(|a| a.part.trunk())
    }

    /// The worked area in words ("the front of your right thigh").
    pub fn area_words(&self) -> String {
        let words = match self.area() {
            Some(_) if self.region == RegionId::Lats && self.trunk_on_tool() => LATS_LYING,
            Some(a) => a.words,
            None => "the area",
        };
        fill(words, self.side)
    }

    /// The text alternative: the position, the tool and where it goes, and how to move
    /// ("Lying face down on the floor, on your forearms, a soft foam roller under the front
    /// of your right thigh; roll slowly from … to ….").
    pub fn words(&self) -> String {
        let pose = fill(self.pose.words(), self.side);
        let at = self.area_words();
        let tool = self.tool.name();
        let tool_at = match self.placement {
            Placement::Under => format!("{tool} under {at}"),
            Placement::Against => format!("{tool} between the wall and {at}"),
            Placement::InHand => format!("{tool} held against {at} with your hand"),
            Placement::Hands if self.fallback => format!(
                "pressing {at} with your fingers, wherever you can reach without bending over"
            ),
            Placement::Hands => format!("pressing {at} with your fingers or hand"),
        };
        let how = match (self.motion, self.path) {
            (Motion::Roll, Some(p)) => {
                format!("roll slowly from {} to {}", p.from.words(), p.to.words())
            }
            (Motion::Roll, None) => "roll in small, slow passes".to_string(),
            (Motion::Press, Some(p)) => format!(
                "press and shift slowly from {} to {}",
                p.from.words(),
                p.to.words()
            ),
            (Motion::Press, None) => "press and hold, or shift slowly".to_string(),
            (Motion::Hold, _) => "rest on it without rolling".to_string(),
        };
        format!("{pose}, {tool_at}; {how}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::Laterality;
    use crate::domain::knowledge::technique::{says, CueFor, Technique};

    fn all() -> impl Iterator<Item = &'static Technique> {
        TECHNIQUES.iter().chain(std::iter::once(&THORACIC_ROLLER))
    }

    fn sides(region: RegionId) -> &'static [Side] {
        match region.def().laterality {
            Laterality::Bilateral => &[Side::Left, Side::Right],
            Laterality::Midline => &[Side::Mid],
        }
    }

    fn sorted(mut loads: Vec<Load>) -> Vec<Load> {
        loads.sort_by_key(|l| format!("{l:?}"));
        loads.dedup();
        loads
    }

    fn kinds(loads: &[Load]) -> Vec<LoadKind> {
        let mut k: Vec<LoadKind> = loads.iter().map(|l| l.kind()).collect();
        k.sort();
        k.dedup();
        k
    }

    /// Every variant of every technique, every side and every tool.
    fn every_drawing() -> Vec<(&'static Variant, Drawing)> {
        let mut out = Vec::new();
        for t in all() {
            for v in t.variants.iter().chain(std::iter::once(&HANDS_FALLBACK)) {
                for side in sides(t.region) {
                    for tool in v.tools {
                        let d = for_variant(t.region, *side, v, *tool, &[]).unwrap_or_else(|| {
                            panic!("{} has no drawing for {:?}", t.region.key(), v.setup)
                        });
                        out.push((v, d));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_variant_of_every_technique_has_a_drawing() {
        let drawings = every_drawing();
        let variants: usize = all()
            .map(|t| (t.variants.len() + 1) * sides(t.region).len())
            .sum();
        assert!(
            drawings.len() >= variants,
            "{} < {variants}",
            drawings.len()
        );
        for pose in Pose::ALL {
            assert!(
                drawings.iter().any(|(_, d)| d.pose == pose),
                "{pose:?} is drawn for no variant"
            );
        }
    }

    /// The rule of §3.11 for pictures: a drawing shows exactly its variant's loads, with
    /// their sides, so a closer that steered a person away from a position never shows it.
    #[test]
    fn a_drawing_shows_exactly_the_loads_its_variant_declares() {
        for (v, d) in every_drawing() {
            assert_eq!(
                sorted(d.shows()),
                sorted(v.loads.to_vec()),
                "{} {:?}: the drawing ({:?}) and the variant disagree",
                d.region.key(),
                v.setup,
                d.pose
            );
        }
    }

    #[test]
    fn the_words_of_a_drawing_say_exactly_what_it_shows() {
        for (_, d) in every_drawing() {
            let text = d.words();
            assert_eq!(
                implied_loads(&text),
                kinds(&d.shows()),
                "{}: the words and the drawing disagree in\n  {text}",
                d.region.key()
            );
            assert!(!text.contains('{') && !text.contains("  "), "{text}");
            let (left, right) = (says(&text, "left"), says(&text, "right"));
            match d.side {
                Side::Left => assert!(left && !right, "{text}"),
                Side::Right => assert!(right && !left, "{text}"),
                Side::Mid => assert!(!left && !right, "{text}"),
            }
            assert!(
                text.contains(d.tool.name()) || d.tool == Tool::Hands,
                "{text}"
            );
        }
    }

    #[test]
    fn the_text_alternative_reads_as_the_issue_asks() {
        let quads = for_region(RegionId::Quadriceps).map(|t| &t.variants[0]);
        let d = quads
            .and_then(|v| for_variant(RegionId::Quadriceps, Side::Right, v, Tool::SoftRoller, &[]))
            .map(|d| d.words());
        assert_eq!(
            d.as_deref(),
            Some(
                "Lying face down on the floor, on your forearms, a soft foam roller under the front \
                 of your right thigh; roll slowly from the crease at the front of your hip to a \
                 hand-width above your knee."
            )
        );
    }

    #[test]
    fn a_protected_knee_shortens_the_path() {
        let v = &for_region(RegionId::Quadriceps)
            .map(|t| t.variants)
            .unwrap_or(&[])[0];
        let d = for_variant(
            RegionId::Quadriceps,
            Side::Left,
            v,
            Tool::SoftRoller,
            &[Zone::UpperTwoThirds],
        );
        assert!(d.is_some_and(|d| d.words().contains("two hand-widths above your knee")));
    }

    #[test]
    fn a_step_finds_the_variant_it_was_made_from() {
        for t in all() {
            for v in t.variants.iter().chain(std::iter::once(&HANDS_FALLBACK)) {
                for tool in v.tools {
                    for (light, more_open) in [(false, false), (true, false), (false, true)] {
                        let cue = v.cue(CueFor {
                            tool: Some(*tool),
                            zones: &[],
                            light,
                            more_open,
                        });
                        let found = variant_for(t.region, v.position, *tool, &cue);
                        assert_eq!(
                            found.map(|f| f.setup),
                            Some(v.setup),
                            "{}: {cue}",
                            t.region.key()
                        );
                    }
                }
            }
        }
    }

    /// Words saved by an older version: only a variant free of loads may stand in.
    #[test]
    fn unknown_words_never_draw_a_loaded_position() {
        for t in all() {
            for v in t.variants.iter().chain(std::iter::once(&HANDS_FALLBACK)) {
                for tool in v.tools {
                    if let Some(f) = variant_for(t.region, v.position, *tool, "Words of long ago.")
                    {
                        assert!(f.loads.is_empty(), "{}: {:?}", t.region.key(), f.setup);
                    }
                }
            }
        }
        // The sole's thumb variant crosses the leg: unknown words draw the hands fallback,
        // sitting upright, never the foot on the other knee.
        let found = variant_for(RegionId::Sole, Position::Seated, Tool::Hands, "?");
        assert_eq!(found.map(|v| v.setup), Some(HANDS_FALLBACK.setup));
        // Two load-free variants share a position and tool nowhere else than with the
        // fallback; with none at all, nothing is drawn.
        assert!(variant_for(RegionId::Calf, Position::Floor, Tool::SoftRoller, "?").is_none());
    }

    #[test]
    fn the_hands_fallback_is_drawn_sitting_upright_everywhere() {
        for t in all() {
            for side in sides(t.region) {
                let d = for_variant(t.region, *side, &HANDS_FALLBACK, Tool::Hands, &[]);
                let d = d.unwrap_or_else(|| panic!("{}", t.region.key()));
                assert_eq!(d.pose, Pose::SittingUpright);
                assert!(d.fallback && d.shows().is_empty());
                assert!(d.words().contains("without bending over"));
            }
        }
    }
}
