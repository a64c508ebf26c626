//! The technique catalogue (knowledge base §4): how each target region is worked, with
//! which tools, in which positions, for how long at most, and what to watch out for.
//!
//! Each target has a short list of *variants* (floor, wall, chair, seated, standing, bed).
//! The engine walks the list in order, drops variants that the case rules out (no floor,
//! osteoporosis, pregnancy, a replaced hip…) and takes the first one for which the person
//! owns an allowed tool. Variant flags describe the body position so that condition rules
//! can filter without knowing each technique: `prone` (lying face down), `trunk_load` (body
//! weight on the ribs or trunk), `bends_spine` (sitting with a rounded back) and
//! `crossed_legs` (ankle over the opposite knee).
//!
//! Cues and cautions are short, plain instructions in our own words.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - one technique per target region and none for any other region (pressure `none`
//!   regions therefore never have one); the only exception is [`THORACIC_ROLLER`], the
//!   opt-in variant of §3.10 rule 18, which is not in [`TECHNIQUES`];
//! - every technique has at least one variant that is not on the floor (so `floor_ok:
//!   false` always leaves an option) and cites sources that exist;
//! - a `gentle` region offers no firm tool (rubber or lacrosse ball, medium roller, rolling
//!   pin) and caps the dose at 60 s; every cap is between 30 and 120 s;
//! - every variant has at least one tool and a cue of one line; `hands` appears only in
//!   seated or standing variants.

use crate::domain::region::{Pressure, RegionId};
use serde::{Deserialize, Serialize};

/// A tool of the contract (§7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Hands or fingers; always available.
    Hands,
    /// Tennis ball (soft ball).
    TennisBall,
    /// Rubber massage ball (firm).
    RubberBall,
    /// Lacrosse ball (firm).
    LacrosseBall,
    /// Soft foam roller.
    SoftRoller,
    /// Medium-firm foam roller.
    MediumRoller,
    /// Kitchen rolling pin.
    RollingPin,
}

impl Tool {
    /// Every tool, in contract order.
    pub const ALL: [Tool; 7] = [
        Tool::Hands,
        Tool::TennisBall,
        Tool::RubberBall,
        Tool::LacrosseBall,
        Tool::SoftRoller,
        Tool::MediumRoller,
        Tool::RollingPin,
    ];

    /// The contract id.
    pub const fn key(self) -> &'static str {
        match self {
            Tool::Hands => "hands",
            Tool::TennisBall => "tennis_ball",
            Tool::RubberBall => "rubber_ball",
            Tool::LacrosseBall => "lacrosse_ball",
            Tool::SoftRoller => "soft_roller",
            Tool::MediumRoller => "medium_roller",
            Tool::RollingPin => "rolling_pin",
        }
    }

    /// Plain name for sentences ("a tennis ball").
    pub const fn name(self) -> &'static str {
        match self {
            Tool::Hands => "your hands",
            Tool::TennisBall => "a tennis ball",
            Tool::RubberBall => "a rubber massage ball",
            Tool::LacrosseBall => "a lacrosse ball",
            Tool::SoftRoller => "a soft foam roller",
            Tool::MediumRoller => "a medium-firm foam roller",
            Tool::RollingPin => "a rolling pin",
        }
    }

    /// Firm tools: never on `gentle` regions, and only for experienced people (T2).
    pub const fn is_firm(self) -> bool {
        matches!(
            self,
            Tool::RubberBall | Tool::LacrosseBall | Tool::MediumRoller
        )
    }

    /// Bit of this tool in a `u8` tool set.
    pub const fn bit(self) -> u8 {
        1u8 << (self as u32)
    }
}

/// A body position of the contract (§7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Lying or sitting on the floor.
    Floor,
    /// Standing and leaning into a wall.
    Wall,
    /// Sitting on a firm chair, on the tool.
    Chair,
    /// Sitting, working with the hands.
    Seated,
    /// Standing.
    Standing,
    /// On a firm bed or bench.
    Bed,
}

/// How the tool moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motion {
    /// Slow passes back and forth.
    Roll,
    /// Press and hold, or tiny slow shifts.
    Press,
    /// Rest on the tool without moving.
    Hold,
}

/// The part of a region that may be worked when a nearby joint is protected (Table 3.6b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// The upper two-thirds only (away from the joint below).
    UpperTwoThirds,
    /// The upper half only.
    UpperHalf,
    /// The lower two-thirds only (away from the joint above).
    LowerTwoThirds,
    /// The half nearest the spine.
    InnerHalf,
}

impl Zone {
    /// Plain instruction.
    pub const fn text(self) -> &'static str {
        match self {
            Zone::UpperTwoThirds => {
                "Work only the upper two-thirds and stay a hand-width away from the joint below."
            }
            Zone::UpperHalf => {
                "Work only the upper half, press and hold, and stay well away from the joint below."
            }
            Zone::LowerTwoThirds => {
                "Work only the lower two-thirds and stay a hand-width away from the joint above."
            }
            Zone::InnerHalf => {
                "Work only the half nearest the spine and keep away from the shoulder joint."
            }
        }
    }
}

/// One way of doing a technique.
#[derive(Debug)]
pub struct Variant {
    /// Where the body is.
    pub position: Position,
    /// Tools that fit, gentlest first.
    pub tools: &'static [Tool],
    /// How the tool moves.
    pub motion: Motion,
    /// What to do, in one or two plain sentences.
    pub cue: &'static str,
    /// Lying face down.
    pub prone: bool,
    /// Body weight rests on the ribs or trunk.
    pub trunk_load: bool,
    /// Sitting with a rounded (forward-bent) back.
    pub bends_spine: bool,
    /// Ankle crossed over the opposite knee.
    pub crossed_legs: bool,
}

/// The technique of one target region.
#[derive(Debug)]
pub struct Technique {
    /// The region.
    pub region: RegionId,
    /// Longest dose per side, in seconds (§4 dose column).
    pub cap_seconds: u16,
    /// Variants, in order of preference.
    pub variants: &'static [Variant],
    /// Short plain cautions shown with every step on this region.
    pub cautions: &'static [&'static str],
    /// Source keys.
    pub sources: &'static [&'static str],
}

impl Technique {
    /// True when some variant avoids the floor.
    pub fn has_non_floor_variant(&self) -> bool {
        self.variants.iter().any(|v| v.position != Position::Floor)
    }
}

impl Variant {
    /// The same variant, lying face down.
    const fn prone(self) -> Self {
        Variant {
            prone: true,
            ..self
        }
    }
    /// The same variant, with a forward bend of the spine.
    const fn bent(self) -> Self {
        Variant {
            bends_spine: true,
            ..self
        }
    }
    /// The same variant, with body weight on the trunk.
    const fn loaded(self) -> Self {
        Variant {
            trunk_load: true,
            ..self
        }
    }
}

const fn v(
    position: Position,
    tools: &'static [Tool],
    motion: Motion,
    cue: &'static str,
) -> Variant {
    Variant {
        position,
        tools,
        motion,
        cue,
        prone: false,
        trunk_load: false,
        bends_spine: false,
        crossed_legs: false,
    }
}

use Motion::{Hold, Press, Roll};
use Position::{Bed, Chair, Floor, Seated, Standing, Wall};
use Tool::{Hands, LacrosseBall, MediumRoller, RollingPin, RubberBall, SoftRoller, TennisBall};

/// Used when none of a region's variants fits the case or the tools owned: hands only,
/// sitting. The step then also names a cheap tool that would do (T5).
pub const HANDS_FALLBACK: Variant = v(
    Seated,
    &[Hands],
    Press,
    "Sit comfortably and press slowly into the area with your fingers or the heel of your hand, where you can reach it.",
);

/// The opt-in mid-back roller of §3.7 and §3.10 rule 18 (region `thoracic_spine`, `mid`).
pub const THORACIC_ROLLER: Technique = Technique {
    region: RegionId::ThoracicSpine,
    cap_seconds: 60,
    variants: &[v(Floor, &[SoftRoller], Roll,
        "Lie on your back with a soft roller across your upper back under the shoulder blades, hands behind your head. Move slowly and never roll below the shoulder blades.").loaded()],
    cautions: &["Never below the tips of the shoulder blades, never on the neck.", "Support your head with your hands."],
    sources: &["S000", "S004", "D"],
};

/// The catalogue, one row per target region, in catalogue order.
#[rustfmt::skip]
pub const TECHNIQUES: &[Technique] = &[
    Technique { region: RegionId::Suboccipital, cap_seconds: 60, sources: &["MYERS", "JOSHI18", "D"],
        cautions: &["Never on the neck bones or the front or side of the neck."],
        variants: &[
            v(Floor, &[TennisBall], Hold, "Lie on your back with a soft ball under the base of your skull, to one side. Let your head rest heavy and don't roll."),
            v(Bed, &[TennisBall], Hold, "Lie on your back on a firm bed with a soft ball under the base of your skull, to one side. Let your head rest heavy and don't roll."),
        ] },
    Technique { region: RegionId::UpperChest, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Very light pressure; stop if your arm tingles."],
        variants: &[
            v(Wall, &[TennisBall], Press, "Stand facing a wall and lean very lightly into a ball placed just below your collarbone."),
            v(Seated, &[Hands], Press, "Sit and press gently with your fingertips just below your collarbone."),
        ] },
    Technique { region: RegionId::Chest, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off breast tissue and the armpit."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall, LacrosseBall], Press, "Hold a ball between your chest and a wall or door frame, below the collarbone toward the shoulder, and lean in."),
            Variant { prone: true, trunk_load: true, ..v(Floor, &[TennisBall, RubberBall], Press, "Lie face down with a ball under your chest muscle, near the shoulder. This is the harder version.") },
            v(Seated, &[Hands], Press, "Sit and knead the chest muscle near your shoulder with the opposite hand."),
        ] },
    Technique { region: RegionId::UpperArmFront, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the elbow crease and the inner upper arm."],
        variants: &[v(Seated, &[TennisBall, RubberBall, RollingPin, Hands], Roll, "Sit at a table with the front of your upper arm on a ball and roll slowly, or roll it with your other hand.")] },
    Technique { region: RegionId::ForearmFront, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the elbow crease and the wrist."],
        variants: &[v(Seated, &[TennisBall, RubberBall, RollingPin, Hands], Roll, "Sit at a table with the palm side of your forearm on a ball and roll slowly from wrist to elbow.")] },
    Technique { region: RegionId::Palm, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Gentle pressure only."],
        variants: &[v(Seated, &[TennisBall, Hands], Roll, "Sit and roll your palm over a ball on the table, or press it with the other thumb.")] },
    Technique { region: RegionId::HipFlexor, cap_seconds: 60, sources: &["SECONDARY", "WERNER"],
        cautions: &["If you feel a pulse under the ball, move it away.", "Never press into the belly or the groin crease."],
        variants: &[
            v(Floor, &[TennisBall, SoftRoller], Press, "Lie face down with your forehead on your hands and a ball just below and inside the bony point at the front of your hip. Make only small movements.").prone(),
            v(Wall, &[TennisBall], Press, "Stand facing a wall with a ball between the front of your hip and the wall, and lean in lightly."),
        ] },
    Technique { region: RegionId::Tfl, cap_seconds: 60, sources: &["S004", "D"],
        cautions: &["Stay below and outside the front hip bone."],
        variants: &[
            v(Floor, &[TennisBall, RubberBall], Press, "Lie face down, turned a little onto one side, with a ball just below and outside the front hip bone.").prone(),
            v(Wall, &[TennisBall, RubberBall], Press, "Stand sideways to a wall with a ball at the front-outer hip and lean in."),
        ] },
    Technique { region: RegionId::Quadriceps, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Stop a hand-width above the kneecap."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, "Lie face down on your forearms with a roller under the front of your thighs. Roll slowly from the hip crease to a hand-width above the kneecap, one leg at a time.").prone(),
            v(Seated, &[TennisBall, RubberBall, RollingPin, Hands], Roll, "Sit on a chair and roll a ball or a rolling pin down the front of your thigh with your hands, or knead it with the heel of your hand."),
        ] },
    Technique { region: RegionId::Adductors, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Go gently in the top third, near the groin."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, "Lie face down, bend one knee out to the side and place a short roller along the inner thigh. Roll in short, slow passes.").prone(),
            v(Seated, &[TennisBall, RubberBall, Hands], Press, "Sit and press a ball into your inner thigh with your hand, moving it slowly."),
        ] },
    Technique { region: RegionId::OuterThigh, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["Press, don't roll end to end.", "Stay a hand-width above the knee."],
        variants: &[
            v(Floor, &[SoftRoller], Press, "Lie on your side on a soft roller, top leg in front for support. Press and hold, or shift in small slow steps."),
            v(Wall, &[TennisBall, SoftRoller], Press, "Stand sideways to a wall with a ball at your outer thigh, lean in and do small knee bends."),
        ] },
    Technique { region: RegionId::ShinMuscle, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the shin bone."],
        variants: &[
            v(Floor, &[SoftRoller], Roll, "Kneel on all fours with a roller under the outer shin and roll slowly. If this is hard on your knees, use the seated version."),
            v(Seated, &[TennisBall, Hands], Press, "Sit and press a ball with your hand along the muscle just outside the shin bone.").bent(),
        ] },
    Technique { region: RegionId::LowerLegOuter, cap_seconds: 60, sources: &["MYERS", "WERNER"],
        cautions: &["Avoid the bony bump just below the outer knee."],
        variants: &[
            v(Floor, &[SoftRoller], Roll, "Lie on your side with a roller under the outside of your lower leg and roll slowly."),
            v(Seated, &[TennisBall, Hands], Press, "Sit and press a ball with your hand along the outside of your lower leg.").bent(),
        ] },
    Technique { region: RegionId::FootTop, cap_seconds: 30, sources: &["D"],
        cautions: &["Fingers only, gently."],
        variants: &[v(Seated, &[Hands], Press, "Sit and stroke the top of your foot gently with your fingers.").bent()] },
    Technique { region: RegionId::UpperTrapezius, cap_seconds: 60, sources: &["D"],
        cautions: &["Never on the front or side of the neck."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall], Press, "Lean the top of your shoulder into a ball held in a wall corner or door frame."),
            v(Seated, &[Hands], Press, "Sit and squeeze the top of your shoulder with the opposite hand; hold and breathe."),
        ] },
    Technique { region: RegionId::BetweenShoulderBlades, cap_seconds: 120, sources: &["S000"],
        cautions: &["Keep the ball off the bony bumps of the spine."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall, LacrosseBall], Press, "Stand with your back to a wall and a ball between the wall and the muscle beside your spine, next to the shoulder blade. Do small knee bends or circles."),
            v(Floor, &[TennisBall], Press, "Lie on your back with a ball between the shoulder blade and the spine.").loaded(),
        ] },
    Technique { region: RegionId::ShoulderBlade, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Stay on the flat of the shoulder blade."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall], Press, "Stand with your back to a wall and lean the flat of your shoulder blade into a ball."),
            v(Floor, &[TennisBall], Press, "Lie on your back with a ball under the flat of your shoulder blade.").loaded(),
        ] },
    Technique { region: RegionId::Lats, cap_seconds: 60, sources: &["S004", "D"],
        cautions: &["Stop before the lower ribs."],
        variants: &[
            v(Floor, &[SoftRoller, TennisBall], Roll, "Lie on your side, arm overhead, with a roller just below the armpit. Make small passes and stop before the lower ribs.").loaded(),
            v(Wall, &[TennisBall, RubberBall], Press, "Stand sideways to a wall with a ball between the side of your back and the wall, below the armpit, and lean in."),
        ] },
    Technique { region: RegionId::GluteMax, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["One side at a time; pause on tender spots and breathe."],
        variants: &[
            Variant { crossed_legs: true, ..v(Floor, &[SoftRoller, TennisBall, RubberBall], Roll, "Sit on the roller, cross one ankle over the other knee, lean toward the crossed side and make small passes.") },
            v(Wall, &[TennisBall, RubberBall], Press, "Stand with a ball between your buttock and a wall, lean in and make small circles."),
            v(Chair, &[TennisBall], Press, "Sit on a firm chair with a ball under one buttock and shift your weight slowly."),
        ] },
    Technique { region: RegionId::GluteMed, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["Stay off the bony point at the side of the hip."],
        variants: &[
            v(Floor, &[TennisBall], Press, "Lie partly on your side with a ball under the upper-outer buttock."),
            v(Wall, &[TennisBall], Press, "Stand sideways to a wall with a ball at the upper-outer buttock and lean in."),
        ] },
    Technique { region: RegionId::DeepGlute, cap_seconds: 60, sources: &["S004", "WERNER"],
        cautions: &["Stop at any tingling down the leg."],
        variants: &[
            Variant { crossed_legs: true, ..v(Floor, &[TennisBall], Press, "Lie on your back with a ball under the middle of the buttock and the ankle on the opposite knee.") },
            v(Chair, &[TennisBall], Press, "Sit on a firm chair with a ball under the middle of one buttock."),
        ] },
    Technique { region: RegionId::Hamstrings, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Keep off the back of the knee and the sitting bone."],
        variants: &[
            Variant { bends_spine: true, ..v(Floor, &[SoftRoller, MediumRoller], Roll, "Sit with a roller under the back of your thighs and your hands on the floor behind you, lift your hips and roll from above the knee to below the sitting bone. Cross one leg over to load one side.") },
            v(Chair, &[TennisBall, RubberBall], Press, "Sit tall on a firm chair with a ball under the back of one thigh; slowly straighten and bend the knee."),
        ] },
    Technique { region: RegionId::Calf, cap_seconds: 120, sources: &["S000"],
        cautions: &["Never behind the knee.", "Skip it if one calf is swollen, warm or red."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, "Sit with a roller under your calves and your hands behind you, lift your hips and roll from the ankle to just below the knee. Stack one leg on the other for more pressure."),
            v(Seated, &[TennisBall, RubberBall], Roll, "Sit with your calf resting on a ball on a low stool and move the leg slowly over it."),
            v(Seated, &[RollingPin, Hands], Roll, "Sit and roll a rolling pin along your calf with both hands, or knead it, from the ankle to below the knee.").bent(),
            v(Bed, &[SoftRoller], Roll, "Sit on a firm bed with a roller under your calves and roll slowly from the ankle to below the knee."),
        ] },
    Technique { region: RegionId::CalfInnerEdge, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Gentle only: deep blood vessels run here."],
        variants: &[
            Variant { crossed_legs: true, ..v(Seated, &[Hands, TennisBall], Press, "Sit with your foot on the opposite knee and press gently with your thumb along the inner edge of the calf.").bent() },
            v(Floor, &[TennisBall], Press, "Sit on the floor and press a ball gently along the inner edge of your calf."),
        ] },
    Technique { region: RegionId::Sole, cap_seconds: 120, sources: &["S000", "GRIEVE15"],
        cautions: &["Hold on to a chair or wall for balance."],
        variants: &[
            v(Standing, &[TennisBall, RubberBall, LacrosseBall, RollingPin], Roll, "Stand holding a chair and roll a ball under your foot from heel to toes, pausing on tender spots."),
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, "Sit and roll a ball under your foot from heel to toes, pausing on tender spots."),
            v(Seated, &[Hands], Press, "Sit with your foot on the opposite knee and press along the sole with your thumbs.").bent(),
        ] },
    Technique { region: RegionId::UpperArmBack, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the point of the elbow."],
        variants: &[v(Seated, &[TennisBall, RubberBall, RollingPin, Hands], Roll, "Sit at a table with the back of your upper arm on a ball and roll slowly, or knead it with your other hand.")] },
    Technique { region: RegionId::ForearmBack, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the point of the elbow and the wrist."],
        variants: &[v(Seated, &[TennisBall, RubberBall, RollingPin, Hands], Roll, "Sit at a table with the back of your forearm on a ball and roll slowly from wrist to elbow.")] },
];

/// The technique of a region, or `None` for a region that is never worked.
pub fn for_region(region: RegionId) -> Option<&'static Technique> {
    TECHNIQUES.iter().find(|t| t.region == region)
}

/// True when `region` is a target whose catalogue pressure is `gentle`.
pub fn is_gentle(region: RegionId) -> bool {
    region.def().pressure == Pressure::Gentle
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::region::Role;
    use crate::domain::source;
    use std::collections::HashSet;

    fn all_techniques() -> impl Iterator<Item = &'static Technique> {
        TECHNIQUES.iter().chain(std::iter::once(&THORACIC_ROLLER))
    }

    #[test]
    fn one_technique_per_target_and_none_elsewhere() {
        let mut seen = HashSet::new();
        for t in TECHNIQUES {
            assert!(seen.insert(t.region), "{} twice", t.region.key());
            assert_eq!(t.region.def().role, Role::Target, "{}", t.region.key());
            assert_ne!(t.region.def().pressure, Pressure::None);
        }
        for id in RegionId::all() {
            assert_eq!(
                for_region(id).is_some(),
                id.def().role == Role::Target,
                "{}",
                id.key()
            );
        }
        assert!(for_region(RegionId::ThoracicSpine).is_none());
    }

    #[test]
    fn every_technique_works_without_the_floor() {
        for t in TECHNIQUES {
            assert!(t.has_non_floor_variant(), "{}", t.region.key());
        }
    }

    #[test]
    fn gentle_regions_get_no_firm_tool_and_a_short_cap() {
        for t in TECHNIQUES {
            assert!((30..=120).contains(&t.cap_seconds), "{}", t.region.key());
            if is_gentle(t.region) {
                assert!(t.cap_seconds <= 60, "{}", t.region.key());
                for v in t.variants {
                    for tool in v.tools {
                        assert!(
                            !tool.is_firm() && *tool != Tool::RollingPin,
                            "{} offers {tool:?}",
                            t.region.key()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn variants_are_complete_and_sources_exist() {
        for t in all_techniques() {
            assert!(!t.variants.is_empty());
            assert!(!t.sources.is_empty());
            for s in t.sources {
                assert!(source::exists(s), "{} cites unknown {s}", t.region.key());
            }
            for c in t.cautions {
                assert!(!c.is_empty() && c.len() <= 120 && !c.contains('\n'));
            }
            for v in t.variants {
                assert!(!v.tools.is_empty(), "{}", t.region.key());
                assert!(!v.cue.is_empty() && !v.cue.contains('\n'));
                if v.tools.contains(&Tool::Hands) {
                    assert!(
                        matches!(v.position, Position::Seated | Position::Standing),
                        "{} hands on {:?}",
                        t.region.key(),
                        v.position
                    );
                }
                let mut tools = HashSet::new();
                for tool in v.tools {
                    assert!(tools.insert(tool), "{} repeats {tool:?}", t.region.key());
                }
            }
        }
        assert_eq!(HANDS_FALLBACK.tools, &[Tool::Hands]);
    }

    #[test]
    fn tool_keys_match_serde() {
        for t in Tool::ALL {
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.key())
            );
        }
    }
}
