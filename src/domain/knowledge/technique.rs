//! The technique catalogue (knowledge base §4 with the position rules of §3.11): how each
//! target region is worked, with which tools, in which positions, for how long at most, and
//! what each position asks of the body.
//!
//! Each target has a short list of *variants* (floor, wall, chair, seated, standing, bed).
//! Every variant declares its [`Load`]s: getting down to the floor, lying face down or on a
//! side, weight on the trunk, a rounded back, an arm overhead, weight through an arm,
//! kneeling, crossed legs, a deeply bent hip, standing on one leg (§3.11). The engine
//! closes loads for a person (a replaced hip closes crossed legs, a knee closes kneeling…)
//! and takes the first variant whose loads are all open and whose tool the person owns.
//!
//! A cue is built from parts ([`Variant::cue`]): the setup, the path of the tool from one
//! landmark to another (a protective [`Zone`] moves the end near a protected joint or an
//! inflamed tendon), a closing tip, and an optional way to press harder ([`More`]) that only
//! people who may press harder hear, and only when its own loads are open; everyone else
//! hears [`LIGHT_WORDS`]. Hands-only variants speak of hands; every other variant names its
//! tool through `{tool}`. All words are our own.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - one technique per target region and none for any other region (pressure `none`
//!   regions therefore never have one); the only exception is [`THORACIC_ROLLER`], the
//!   opt-in variant of §3.10 rule 18, which is not in [`TECHNIQUES`];
//! - **the words of a cue imply exactly the loads its variant declares** ([`LOAD_WORDS`]):
//!   whoever writes "kneel", "arm overhead" or "cross the ankle" must declare the load, and
//!   a declared load must be said in the words; the extra-pressure sentence likewise with
//!   its own loads, and no other part of a cue asks for more pressure;
//! - a floor position declares `Floor` and nothing else does; every technique has a
//!   variant without the floor and one without any load that a condition can close, so a
//!   person always has an option (or the hands fallback);
//! - a `gentle` region offers no firm tool (rubber or lacrosse ball, medium roller, rolling
//!   pin) and caps the dose at 60 s; every cap is between 30 and 120 s;
//! - a variant's tools are either `[Hands]` or contain no hands; hands variants speak of
//!   fingers, thumbs or hands and never of a ball or roller; the others name `{tool}`;
//!   hands appear only in seated or standing variants;
//! - every zone that Table 3.6b or the nearby-findings table gives a region moves an end
//!   of each of its paths, or the region's variants have no path (then the zone's own
//!   sentence is shown).

use crate::domain::knowledge::region::{Pressure, RegionId, Side};
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

/// The part of a region that may be worked when something nearby is protected (Table 3.6b
/// and §3.11 "protective zones shape the cue"). Stored in running sessions: append only.
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
    /// Well above the ankle and the Achilles tendon (from the middle of the calf up).
    AboveAnkle,
    /// The middle and front of the sole, off the heel.
    OffTheHeel,
    /// Away from the wrist.
    AboveWrist,
    /// Away from the elbow.
    AwayFromElbow,
}

impl Zone {
    /// Plain instruction.
    pub const fn text(self) -> &'static str {
        match self {
            Zone::UpperTwoThirds => {
                "Work only the upper two-thirds and stop well above the joint below."
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
            Zone::AboveAnkle => {
                "Start from the middle of the calf and stay well above the ankle and the Achilles tendon."
            }
            Zone::OffTheHeel => "Keep off the heel: work only the middle and front of the sole.",
            Zone::AboveWrist => "Stay a hand-width away from the wrist.",
            Zone::AwayFromElbow => "Stay a hand-width away from the elbow.",
        }
    }

    /// The safer point that replaces `p` at the protected end, or `p` itself.
    pub const fn adjust(self, p: Point) -> Point {
        match (self, p) {
            (Zone::UpperTwoThirds, Point::AboveKnee) => Point::TwoHandsAboveKnee,
            (Zone::UpperHalf, Point::AboveKnee | Point::TwoHandsAboveKnee) => Point::MidThigh,
            (Zone::LowerTwoThirds, Point::BelowKnee) => Point::HandBelowKnee,
            (Zone::LowerTwoThirds, Point::BelowShoulder) => Point::HandBelowShoulder,
            (Zone::AboveAnkle, Point::AboveAnkle) => Point::MidCalf,
            (Zone::OffTheHeel, Point::Heel) => Point::MidFoot,
            (Zone::AboveWrist, Point::Wrist) => Point::HandAboveWrist,
            (Zone::AwayFromElbow, Point::Elbow) => Point::HandFromElbow,
            _ => p,
        }
    }
}

/// A landmark where a rolling or pressing path starts or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    /// The crease at the front of the hip.
    HipCrease,
    /// A hand-width below the bony point at the side of the hip.
    BelowHipBone,
    /// A hand-width above the knee.
    AboveKnee,
    /// Two hand-widths above the knee (a protected knee below).
    TwoHandsAboveKnee,
    /// The middle of the thigh.
    MidThigh,
    /// Just below the sitting bone.
    BelowSittingBone,
    /// Just above the ankle.
    AboveAnkle,
    /// Halfway up the lower leg (a protected ankle or Achilles below).
    MidCalf,
    /// Just below the knee.
    BelowKnee,
    /// A hand-width below the knee (a protected knee above).
    HandBelowKnee,
    /// The heel.
    Heel,
    /// The middle of the foot.
    MidFoot,
    /// The base of the toes.
    Toes,
    /// The wrist.
    Wrist,
    /// A hand-width above the wrist.
    HandAboveWrist,
    /// Just short of the elbow.
    Elbow,
    /// A hand-width from the elbow.
    HandFromElbow,
    /// Just below the shoulder.
    BelowShoulder,
    /// A hand-width below the shoulder (a protected shoulder above).
    HandBelowShoulder,
}

impl Point {
    /// Plain words ("a hand-width above your knee").
    pub const fn words(self) -> &'static str {
        match self {
            Point::HipCrease => "the crease at the front of your hip",
            Point::BelowHipBone => "a hand-width below the bony point at the side of your hip",
            Point::AboveKnee => "a hand-width above your knee",
            Point::TwoHandsAboveKnee => "two hand-widths above your knee",
            Point::MidThigh => "the middle of your thigh",
            Point::BelowSittingBone => "just below your sitting bone",
            Point::AboveAnkle => "just above your ankle",
            Point::MidCalf => "halfway up your lower leg",
            Point::BelowKnee => "just below your knee",
            Point::HandBelowKnee => "a hand-width below your knee",
            Point::Heel => "your heel",
            Point::MidFoot => "the middle of your foot",
            Point::Toes => "the base of your toes",
            Point::Wrist => "just above your wrist",
            Point::HandAboveWrist => "a hand-width above your wrist",
            Point::Elbow => "just short of your elbow",
            Point::HandFromElbow => "a hand-width from your elbow",
            Point::BelowShoulder => "just below your shoulder",
            Point::HandBelowShoulder => "a hand-width below your shoulder",
        }
    }
}

/// Where the tool travels: from one landmark to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Path {
    /// Start.
    pub from: Point,
    /// End.
    pub to: Point,
}

/// Which side a sided load falls on, relative to the side being worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum On {
    /// The side being worked.
    Same,
    /// The other side.
    Other,
    /// Both sides.
    Both,
}

impl On {
    /// The sides of the body this falls on when `worked` is worked (`mid`: both).
    pub fn sides(self, worked: Side) -> &'static [Side] {
        match (self, worked) {
            (_, Side::Mid) | (On::Both, _) => &[Side::Left, Side::Right],
            (On::Same, Side::Left) | (On::Other, Side::Right) => &[Side::Left],
            (On::Same, Side::Right) | (On::Other, Side::Left) => &[Side::Right],
        }
    }
}

/// What a position asks of the body (knowledge base §3.11, "position loads").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Load {
    /// Getting down to and up from the floor.
    Floor,
    /// Lying face down.
    Prone,
    /// Lying on one side: weight on that hip and outer thigh (and that shoulder).
    SideLyingHip(On),
    /// Body weight on the ribs, spine or trunk.
    TrunkLoad,
    /// Sitting or bending with a rounded back, or twisting.
    SpineFlexion,
    /// That arm overhead or far out to the side under load.
    ShoulderOverhead(On),
    /// Body weight through that shoulder or arm.
    ShoulderWeight(On),
    /// Body weight through both knees.
    Kneeling,
    /// That leg crossed over the other, or that ankle on the other knee.
    HipCross(On),
    /// That hip bent past a right angle.
    HipDeepFlexion(On),
    /// Standing on one leg.
    OneLegStand,
}

/// A [`Load`] without its side, for word checks and explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LoadKind {
    /// See [`Load::Floor`].
    Floor,
    /// See [`Load::Prone`].
    Prone,
    /// See [`Load::SideLyingHip`].
    SideLyingHip,
    /// See [`Load::TrunkLoad`].
    TrunkLoad,
    /// See [`Load::SpineFlexion`].
    SpineFlexion,
    /// See [`Load::ShoulderOverhead`].
    ShoulderOverhead,
    /// See [`Load::ShoulderWeight`].
    ShoulderWeight,
    /// See [`Load::Kneeling`].
    Kneeling,
    /// See [`Load::HipCross`].
    HipCross,
    /// See [`Load::HipDeepFlexion`].
    HipDeepFlexion,
    /// See [`Load::OneLegStand`].
    OneLegStand,
}

impl Load {
    /// The kind of load.
    pub const fn kind(self) -> LoadKind {
        match self {
            Load::Floor => LoadKind::Floor,
            Load::Prone => LoadKind::Prone,
            Load::SideLyingHip(_) => LoadKind::SideLyingHip,
            Load::TrunkLoad => LoadKind::TrunkLoad,
            Load::SpineFlexion => LoadKind::SpineFlexion,
            Load::ShoulderOverhead(_) => LoadKind::ShoulderOverhead,
            Load::ShoulderWeight(_) => LoadKind::ShoulderWeight,
            Load::Kneeling => LoadKind::Kneeling,
            Load::HipCross(_) => LoadKind::HipCross,
            Load::HipDeepFlexion(_) => LoadKind::HipDeepFlexion,
            Load::OneLegStand => LoadKind::OneLegStand,
        }
    }

    /// The sides of the body it falls on (`Both` for unsided loads).
    pub fn sides(self, worked: Side) -> &'static [Side] {
        match self {
            Load::SideLyingHip(on)
            | Load::ShoulderOverhead(on)
            | Load::ShoulderWeight(on)
            | Load::HipCross(on)
            | Load::HipDeepFlexion(on) => on.sides(worked),
            _ => On::Both.sides(worked),
        }
    }
}

/// A way to press harder, offered only to people for whom more pressure is fine and only
/// when its own loads are open.
#[derive(Debug)]
pub struct More {
    /// The sentence.
    pub words: &'static str,
    /// What it adds to the position.
    pub loads: &'static [Load],
}

/// One way of doing a technique. Its cue is built from parts by [`Variant::cue`].
#[derive(Debug)]
pub struct Variant {
    /// Where the body is.
    pub position: Position,
    /// Tools that fit, gentlest first. Either `[Hands]` or no hands at all.
    pub tools: &'static [Tool],
    /// How the tool moves.
    pub motion: Motion,
    /// What the position asks of the body (tested against the words).
    pub loads: &'static [Load],
    /// Getting into position; `{tool}` stands for the tool's name ("a tennis ball").
    pub setup: &'static str,
    /// Where the tool travels, if it travels.
    pub path: Option<Path>,
    /// One short closing instruction, if any.
    pub tip: Option<&'static str>,
    /// An optional way to press harder.
    pub more: Option<More>,
}

/// How the words of one step are shaped for one person.
#[derive(Clone, Copy, Debug, Default)]
pub struct CueFor<'a> {
    /// The tool chosen.
    pub tool: Option<Tool>,
    /// Protective zones that move the ends of the path.
    pub zones: &'a [Zone],
    /// The person must keep the pressure light (§3.11 "pressure words").
    pub light: bool,
    /// The extra-pressure sentence's loads are open for this person.
    pub more_open: bool,
}

/// The sentence that replaces any extra-pressure hint for light-pressure people.
pub const LIGHT_WORDS: &str = "Keep the pressure light.";

impl Variant {
    /// The setup, path and tip as one text, without pressure words.
    pub fn base_cue(&self, tool: Tool, zones: &[Zone]) -> String {
        let mut out = self.setup.replace("{tool}", tool.name());
        if let Some(p) = self.path {
            let (from, to) = zones
                .iter()
                .fold((p.from, p.to), |(a, b), z| (z.adjust(a), z.adjust(b)));
            let verb = match self.motion {
                Motion::Roll => "Roll slowly",
                Motion::Press | Motion::Hold => "Press and shift slowly",
            };
            out.push_str(&format!(" {verb} from {} to {}.", from.words(), to.words()));
        }
        if let Some(t) = self.tip {
            out.push(' ');
            out.push_str(t);
        }
        out
    }

    /// The whole cue for one person: base, then either the extra-pressure sentence (when it
    /// is open and the person may press harder) or "keep the pressure light".
    pub fn cue(&self, c: CueFor) -> String {
        let tool = c
            .tool
            .unwrap_or_else(|| self.tools.first().copied().unwrap_or(Tool::Hands));
        let mut out = self.base_cue(tool, c.zones);
        if c.light {
            out.push(' ');
            out.push_str(LIGHT_WORDS);
        } else if let (Some(m), true) = (&self.more, c.more_open) {
            out.push(' ');
            out.push_str(m.words);
        }
        out
    }

    /// True when the variant declares a load of `kind`.
    pub fn has(&self, kind: LoadKind) -> bool {
        self.loads.iter().any(|l| l.kind() == kind)
    }
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
        self.variants.iter().any(|v| !v.has(LoadKind::Floor))
    }
}

/// A variant; the parts after `setup` are added with the builder methods below.
const fn v(
    position: Position,
    tools: &'static [Tool],
    motion: Motion,
    loads: &'static [Load],
    setup: &'static str,
) -> Variant {
    Variant {
        position,
        tools,
        motion,
        loads,
        setup,
        path: None,
        tip: None,
        more: None,
    }
}

impl Variant {
    const fn path(self, from: Point, to: Point) -> Self {
        Variant {
            path: Some(Path { from, to }),
            ..self
        }
    }
    const fn tip(self, tip: &'static str) -> Self {
        Variant {
            tip: Some(tip),
            ..self
        }
    }
    const fn more(self, words: &'static str, loads: &'static [Load]) -> Self {
        Variant {
            more: Some(More { words, loads }),
            ..self
        }
    }
}

use Load::{
    Floor as FLOOR, HipCross, Kneeling as KNEEL, OneLegStand as ONE_LEG, Prone as PRONE,
    ShoulderOverhead, ShoulderWeight, SideLyingHip, SpineFlexion as ROUNDED, TrunkLoad as TRUNK,
};
use Motion::{Hold, Press, Roll};
use On::{Both, Same};
use Point as P;
use Position::{Bed, Chair, Floor, Seated, Standing, Wall};
use Tool::{Hands, LacrosseBall, MediumRoller, RollingPin, RubberBall, SoftRoller, TennisBall};

/// Used when none of a region's variants fits the case or the tools owned: hands only,
/// sitting. The step then also names a cheap tool that would do (T5).
pub const HANDS_FALLBACK: Variant = v(
    Seated,
    &[Hands],
    Press,
    &[],
    "Sit comfortably upright and press slowly into the area with your fingers or the heel of your hand, wherever you can reach without bending forward.",
);

/// The opt-in mid-back roller of §3.7 and §3.10 rule 18 (region `thoracic_spine`, `mid`).
pub const THORACIC_ROLLER: Technique = Technique {
    region: RegionId::ThoracicSpine,
    cap_seconds: 60,
    variants: &[v(Floor, &[SoftRoller], Roll, &[FLOOR, TRUNK],
        "Lie on your back on the floor with {tool} across your upper back under the shoulder blades, hands behind your head.")
        .tip("Move slowly and never roll below the shoulder blades.")],
    cautions: &["Never below the tips of the shoulder blades, never on the neck.", "Support your head with your hands."],
    sources: &["S000", "S004", "D"],
};

/// The catalogue, one row per target region, in catalogue order.
///
/// `[CHOICE]` where §4 and §3.11 leave room, the loads are read conservatively: sitting on
/// the floor with the legs out straight counts as a rounded back (most adults round the
/// low back there), side-lying also rests on the lower shoulder, propping on the hands
/// behind you loads both shoulders, and rolling a foot while standing counts as standing on
/// one leg even with a chair to hold (most of the weight is on the other leg).
#[rustfmt::skip]
pub const TECHNIQUES: &[Technique] = &[
    Technique { region: RegionId::Suboccipital, cap_seconds: 60, sources: &["MYERS", "JOSHI18", "D"],
        cautions: &["Never on the neck bones or the front or side of the neck."],
        variants: &[
            v(Floor, &[TennisBall], Hold, &[FLOOR], "Lie on your back on the floor with {tool} under the base of your skull, a little to one side.")
                .tip("Let your head rest heavy and don't roll."),
            v(Bed, &[TennisBall], Hold, &[], "Rest on your back on a firm bed with {tool} under the base of your skull, a little to one side.")
                .tip("Let your head rest heavy and don't roll."),
        ] },
    Technique { region: RegionId::UpperChest, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Very light pressure; stop if your arm tingles."],
        variants: &[
            v(Wall, &[TennisBall], Press, &[], "Stand facing a wall and lean very lightly into {tool} placed just below your collarbone."),
            v(Seated, &[Hands], Press, &[], "Sit upright and press gently with your fingertips just below your collarbone."),
        ] },
    Technique { region: RegionId::Chest, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off breast tissue and the armpit."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall, LacrosseBall], Press, &[], "Hold {tool} between your chest and a wall or door frame, below the collarbone toward the shoulder, and lean in gently."),
            v(Floor, &[TennisBall, RubberBall], Press, &[FLOOR, PRONE, TRUNK], "Lie face down on the floor with {tool} under your chest muscle, near the shoulder.")
                .tip("This is the stronger version; go slowly."),
            v(Seated, &[Hands], Press, &[], "Sit upright and knead the chest muscle near your shoulder with the opposite hand."),
        ] },
    Technique { region: RegionId::UpperArmFront, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the elbow crease and the inner upper arm."],
        variants: &[
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit at a table with the front of your upper arm resting on {tool}.").path(P::Elbow, P::BelowShoulder),
            v(Seated, &[Hands], Press, &[], "Sit upright and knead the front of your upper arm with your other hand.").path(P::Elbow, P::BelowShoulder),
        ] },
    Technique { region: RegionId::ForearmFront, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the elbow crease and the wrist."],
        variants: &[
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit at a table with the palm side of your forearm resting on {tool}.").path(P::Wrist, P::Elbow),
            v(Seated, &[Hands], Press, &[], "Sit upright and knead the palm side of your forearm with your other hand.").path(P::Wrist, P::Elbow),
        ] },
    Technique { region: RegionId::Palm, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Gentle pressure only."],
        variants: &[
            v(Seated, &[TennisBall], Roll, &[], "Sit at a table and roll your palm slowly over {tool}."),
            v(Seated, &[Hands], Press, &[], "Sit and press into your palm with the thumb of your other hand."),
        ] },
    Technique { region: RegionId::HipFlexor, cap_seconds: 60, sources: &["SECONDARY", "WERNER"],
        cautions: &["If you feel a pulse under the ball, move it away.", "Never press into the belly or the groin crease."],
        variants: &[
            v(Floor, &[TennisBall, SoftRoller], Press, &[FLOOR, PRONE], "Lie face down on the floor, forehead on your hands, with {tool} just below and inside the bony point at the front of your hip.")
                .tip("Make only small movements."),
            v(Wall, &[TennisBall], Press, &[], "Stand facing a wall with {tool} between the front of your hip and the wall, just below and inside the bony point, and lean in lightly."),
        ] },
    Technique { region: RegionId::Tfl, cap_seconds: 60, sources: &["S004", "D"],
        cautions: &["Stay below and outside the front hip bone."],
        variants: &[
            v(Floor, &[TennisBall, RubberBall], Press, &[FLOOR, PRONE, ShoulderWeight(Both)], "Lie face down on the floor on your forearms, turned a little toward the side you work, with {tool} just below and outside the front hip bone."),
            v(Wall, &[TennisBall, RubberBall], Press, &[], "Stand sideways to a wall with {tool} at the front-outer hip, just below and outside the hip bone, and lean in."),
        ] },
    Technique { region: RegionId::Quadriceps, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Stop a hand-width above the kneecap."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, &[FLOOR, PRONE, ShoulderWeight(Both)], "Lie face down on the floor on your forearms with {tool} under the front of your thighs.")
                .path(P::HipCrease, P::AboveKnee)
                .more("Shift your weight onto the leg you are working to press a little more.", &[]),
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit upright on a chair and roll {tool} along the front of your thigh with both hands.").path(P::HipCrease, P::AboveKnee),
            v(Seated, &[Hands], Press, &[], "Sit upright on a chair and knead the front of your thigh with the heels of your hands.").path(P::HipCrease, P::AboveKnee),
        ] },
    Technique { region: RegionId::Adductors, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Go gently in the top third, near the groin."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, &[FLOOR, PRONE, ShoulderWeight(Both)], "Lie face down on the floor on your forearms, bend the knee of the leg you work out to the side and rest the inner thigh on {tool}.")
                .tip("Roll in short, slow passes, gently near the groin."),
            v(Seated, &[TennisBall, RubberBall], Press, &[], "Sit upright on a chair and press {tool} into your inner thigh with your hand, moving it slowly.")
                .tip("Go gently near the groin."),
            v(Seated, &[Hands], Press, &[], "Sit upright on a chair and press into your inner thigh with the heel of your hand, moving it slowly.")
                .tip("Go gently near the groin."),
        ] },
    Technique { region: RegionId::OuterThigh, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["Press, don't roll end to end.", "Stay a hand-width above the knee."],
        variants: &[
            v(Wall, &[TennisBall, SoftRoller], Press, &[], "Stand sideways to a wall with {tool} between the wall and your outer thigh and lean in.")
                .path(P::BelowHipBone, P::AboveKnee)
                .tip("Use small knee bends to shift it; don't roll end to end."),
            v(Floor, &[SoftRoller], Press, &[FLOOR, SideLyingHip(Same), ShoulderWeight(Same)], "Lie on your side on the floor, propped on your forearm, with {tool} under your outer thigh and the top leg in front for support.")
                .tip("Press and hold, or shift in small slow steps; don't roll end to end."),
            v(Seated, &[Hands], Press, &[], "Sit upright on a chair and press the outside of your thigh with the heel of your hand, holding each spot.")
                .path(P::BelowHipBone, P::AboveKnee),
        ] },
    Technique { region: RegionId::ShinMuscle, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the shin bone."],
        variants: &[
            v(Seated, &[TennisBall], Press, &[], "Sit upright on a chair, rest your foot on a footstool and press {tool} with your hand along the muscle just outside the shin bone.")
                .path(P::BelowKnee, P::AboveAnkle),
            v(Seated, &[Hands], Press, &[], "Sit upright on a chair, rest your foot on a footstool and press with your fingers along the muscle just outside the shin bone.")
                .path(P::BelowKnee, P::AboveAnkle),
            v(Floor, &[SoftRoller], Roll, &[FLOOR, KNEEL, ShoulderWeight(Both)], "Kneel on all fours on the floor with {tool} under the outer shin.")
                .path(P::BelowKnee, P::AboveAnkle),
        ] },
    Technique { region: RegionId::LowerLegOuter, cap_seconds: 60, sources: &["MYERS", "WERNER"],
        cautions: &["Avoid the bony bump just below the outer knee."],
        variants: &[
            v(Seated, &[TennisBall], Press, &[], "Sit upright on a chair, rest your foot on a footstool and press {tool} with your hand along the outside of your lower leg.")
                .path(P::AboveAnkle, P::HandBelowKnee),
            v(Seated, &[Hands], Press, &[], "Sit upright on a chair, rest your foot on a footstool and press with your fingers along the outside of your lower leg.")
                .path(P::AboveAnkle, P::HandBelowKnee),
            v(Floor, &[SoftRoller], Roll, &[FLOOR, SideLyingHip(Same), ShoulderWeight(Same)], "Lie on your side on the floor, propped on your forearm, with {tool} under the outside of your lower leg.")
                .path(P::AboveAnkle, P::HandBelowKnee),
        ] },
    Technique { region: RegionId::FootTop, cap_seconds: 30, sources: &["D"],
        cautions: &["Fingers only, gently."],
        variants: &[v(Seated, &[Hands], Press, &[], "Sit upright on a chair, rest your foot on a footstool and stroke the top of your foot gently with your fingers.")] },
    Technique { region: RegionId::UpperTrapezius, cap_seconds: 60, sources: &["D"],
        cautions: &["Never on the front or side of the neck."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall], Press, &[], "Lean the top of your shoulder into {tool} held in a wall corner or door frame."),
            v(Seated, &[Hands], Press, &[], "Sit upright and squeeze the top of your shoulder with the opposite hand; hold and breathe."),
        ] },
    Technique { region: RegionId::BetweenShoulderBlades, cap_seconds: 120, sources: &["S000"],
        cautions: &["Keep the ball off the bony bumps of the spine."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall, LacrosseBall], Press, &[], "Stand with your back to a wall and {tool} between the wall and the muscle beside your spine, next to the shoulder blade.")
                .tip("Do small knee bends or circles."),
            v(Floor, &[TennisBall], Press, &[FLOOR, TRUNK], "Lie on your back on the floor with {tool} under your upper back, between the shoulder blade and the spine."),
        ] },
    Technique { region: RegionId::ShoulderBlade, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Stay on the flat of the shoulder blade."],
        variants: &[
            v(Wall, &[TennisBall, RubberBall], Press, &[], "Stand with your back to a wall and lean the flat of your shoulder blade into {tool}."),
            v(Floor, &[TennisBall], Press, &[FLOOR, TRUNK], "Lie on your back on the floor with {tool} under your upper back, on the flat of your shoulder blade."),
        ] },
    Technique { region: RegionId::Lats, cap_seconds: 60, sources: &["S004", "D"],
        cautions: &["Stop before the lower ribs."],
        variants: &[
            v(Floor, &[SoftRoller, TennisBall], Roll, &[FLOOR, TRUNK, SideLyingHip(Same), ShoulderOverhead(Same), ShoulderWeight(Same)], "Lie on your side on the floor, lower arm overhead, with {tool} under the side of your chest just below the armpit.")
                .tip("Make small passes and stop before the lower ribs."),
            v(Wall, &[TennisBall, RubberBall], Press, &[], "Stand sideways to a wall with {tool} between the wall and the side of your back, just below the armpit, your arm relaxed at your side, and lean in."),
        ] },
    Technique { region: RegionId::GluteMax, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["One side at a time; pause on tender spots and breathe."],
        variants: &[
            v(Floor, &[SoftRoller, TennisBall, RubberBall], Roll, &[FLOOR, HipCross(Same), ShoulderWeight(Both)], "Sit on {tool} on the floor with your hands behind you, cross the ankle of the side you work over the opposite knee and lean toward that side.")
                .tip("Make small passes."),
            v(Wall, &[TennisBall, RubberBall], Press, &[], "Stand with {tool} between your buttock and a wall, lean in and make small circles."),
            v(Chair, &[TennisBall], Press, &[], "Sit upright on a firm chair with {tool} under one buttock and shift your weight slowly."),
        ] },
    Technique { region: RegionId::GluteMed, cap_seconds: 60, sources: &["S000", "S004"],
        cautions: &["Stay off the bony point at the side of the hip."],
        variants: &[
            v(Wall, &[TennisBall], Press, &[], "Stand sideways to a wall with {tool} at the upper-outer buttock and lean in."),
            v(Floor, &[TennisBall], Press, &[FLOOR, SideLyingHip(Same), ShoulderWeight(Same)], "Lie partly on your side on the floor, propped on your forearm, with {tool} under the upper-outer buttock."),
        ] },
    Technique { region: RegionId::DeepGlute, cap_seconds: 60, sources: &["S004", "WERNER"],
        cautions: &["Stop at any tingling down the leg."],
        variants: &[
            v(Chair, &[TennisBall], Press, &[], "Sit upright on a firm chair with {tool} under the middle of one buttock."),
            v(Floor, &[TennisBall], Press, &[FLOOR, HipCross(Same)], "Lie on your back on the floor with {tool} under the middle of the buttock and the ankle of that side on the opposite knee."),
        ] },
    Technique { region: RegionId::Hamstrings, cap_seconds: 120, sources: &["S000", "S004"],
        cautions: &["Keep off the back of the knee and the sitting bone."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, &[FLOOR, ROUNDED, ShoulderWeight(Both)], "Sit on the floor with your legs out straight, {tool} under the back of your thighs and your hands on the floor behind you. Lift your hips.")
                .path(P::AboveKnee, P::BelowSittingBone)
                .more("To press more on one side, cross the other leg over it.", &[HipCross(Both)]),
            v(Chair, &[TennisBall, RubberBall], Press, &[], "Sit upright on a firm chair with {tool} under the back of one thigh.")
                .tip("Slowly straighten and bend the knee."),
        ] },
    Technique { region: RegionId::Calf, cap_seconds: 120, sources: &["S000"],
        cautions: &["Never behind the knee.", "Skip it if one calf is swollen, warm or red."],
        variants: &[
            v(Floor, &[SoftRoller, MediumRoller], Roll, &[FLOOR, ROUNDED, ShoulderWeight(Both)], "Sit on the floor with your legs out straight, {tool} under your calves and your hands on the floor behind you. Lift your hips.")
                .path(P::AboveAnkle, P::BelowKnee)
                .more("For more pressure, stack one leg on the other.", &[HipCross(Both)]),
            v(Seated, &[TennisBall, RubberBall], Roll, &[], "Sit upright on a chair with your calf resting on {tool} on a footstool and move the leg slowly over it.")
                .path(P::AboveAnkle, P::BelowKnee),
            v(Bed, &[SoftRoller], Roll, &[ROUNDED], "Sit on a firm bed with your legs out straight and {tool} under your calves.")
                .path(P::AboveAnkle, P::BelowKnee),
            v(Seated, &[RollingPin], Roll, &[ROUNDED], "Sit on a chair, lean forward and roll {tool} along your calf with both hands.")
                .path(P::AboveAnkle, P::BelowKnee),
            v(Seated, &[Hands], Press, &[ROUNDED], "Sit on a chair, lean forward and knead your calf with both hands.")
                .path(P::AboveAnkle, P::BelowKnee),
        ] },
    Technique { region: RegionId::CalfInnerEdge, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Gentle only: deep blood vessels run here."],
        variants: &[
            v(Seated, &[TennisBall], Press, &[], "Sit upright on a chair with your calf resting on {tool} on a footstool, the ball at the inner edge of the calf, and press gently.")
                .path(P::AboveAnkle, P::BelowKnee),
            v(Seated, &[Hands], Press, &[HipCross(Same), ROUNDED], "Sit with your foot on the opposite knee, lean forward a little and press gently with your thumb along the inner edge of the calf.")
                .path(P::AboveAnkle, P::BelowKnee),
            v(Floor, &[TennisBall], Press, &[FLOOR, ROUNDED], "Sit on the floor with your legs out straight and press {tool} gently along the inner edge of your calf.")
                .path(P::AboveAnkle, P::BelowKnee),
        ] },
    Technique { region: RegionId::Sole, cap_seconds: 120, sources: &["S000", "GRIEVE15"],
        cautions: &["Hold on to a chair or wall for balance."],
        variants: &[
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit upright on a chair with {tool} under one foot.")
                .path(P::Heel, P::Toes)
                .tip("Pause on tender spots."),
            v(Standing, &[TennisBall, RubberBall, LacrosseBall, RollingPin], Roll, &[ONE_LEG], "Stand holding the back of a chair, your weight on the other foot, with {tool} under the foot you work.")
                .path(P::Heel, P::Toes)
                .tip("Pause on tender spots."),
            v(Seated, &[Hands], Press, &[HipCross(Same), ROUNDED], "Sit with your foot on the opposite knee, lean forward a little and press along the sole with your thumbs.")
                .path(P::Heel, P::Toes),
        ] },
    Technique { region: RegionId::UpperArmBack, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the point of the elbow."],
        variants: &[
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit at a table with the back of your upper arm resting on {tool}.").path(P::Elbow, P::BelowShoulder),
            v(Seated, &[Hands], Press, &[], "Sit upright and knead the back of your upper arm with your other hand.").path(P::Elbow, P::BelowShoulder),
        ] },
    Technique { region: RegionId::ForearmBack, cap_seconds: 60, sources: &["MYERS", "D"],
        cautions: &["Keep off the point of the elbow and the wrist."],
        variants: &[
            v(Seated, &[TennisBall, RubberBall, RollingPin], Roll, &[], "Sit at a table with the back of your forearm resting on {tool}.").path(P::Wrist, P::Elbow),
            v(Seated, &[Hands], Press, &[], "Sit upright and knead the back of your forearm with your other hand.").path(P::Wrist, P::Elbow),
        ] },
];

/// The technique of a region, or `None` for a region that is never worked.
pub fn for_region(region: RegionId) -> Option<&'static Technique> {
    TECHNIQUES.iter().find(|t| t.region == region)
}

/// True when `region` is a target whose catalogue pressure is `gentle`.
pub fn is_gentle(region: RegionId) -> bool {
    region.def().pressure == Pressure::Gentle
}

/// Words that imply loads (§3.11 table, "examples of words"), matched as whole words in
/// lowercase. The editing rule of [`TECHNIQUES`]: a cue's words imply exactly the loads its
/// variant declares (tested below). Add a row here before writing a new kind of position.
pub const LOAD_WORDS: &[(&str, &[LoadKind])] = &[
    ("on the floor", &[LoadKind::Floor]),
    ("kneel", &[LoadKind::Kneeling, LoadKind::Floor]),
    ("all fours", &[LoadKind::Kneeling, LoadKind::ShoulderWeight]),
    ("face down", &[LoadKind::Prone]),
    ("on your front", &[LoadKind::Prone]),
    (
        "on your side",
        &[LoadKind::SideLyingHip, LoadKind::ShoulderWeight],
    ),
    ("across your upper back", &[LoadKind::TrunkLoad]),
    ("under your upper back", &[LoadKind::TrunkLoad]),
    ("under your chest", &[LoadKind::TrunkLoad]),
    ("side of your chest", &[LoadKind::TrunkLoad]),
    ("round your back", &[LoadKind::SpineFlexion]),
    ("lean forward", &[LoadKind::SpineFlexion]),
    ("leaning forward", &[LoadKind::SpineFlexion]),
    ("reach toward your feet", &[LoadKind::SpineFlexion]),
    ("legs out straight", &[LoadKind::SpineFlexion]),
    ("arm overhead", &[LoadKind::ShoulderOverhead]),
    ("above your head", &[LoadKind::ShoulderOverhead]),
    ("hands behind you", &[LoadKind::ShoulderWeight]),
    ("hands on the floor", &[LoadKind::ShoulderWeight]),
    ("lift your hips", &[LoadKind::ShoulderWeight]),
    ("on your forearms", &[LoadKind::ShoulderWeight]),
    ("on your forearm", &[LoadKind::ShoulderWeight]),
    ("cross", &[LoadKind::HipCross]),
    ("opposite knee", &[LoadKind::HipCross]),
    ("other knee", &[LoadKind::HipCross]),
    ("stack one leg", &[LoadKind::HipCross]),
    ("knee to your chest", &[LoadKind::HipDeepFlexion]),
    ("knee toward your chest", &[LoadKind::HipDeepFlexion]),
    ("low stool", &[LoadKind::HipDeepFlexion]),
    ("squat", &[LoadKind::HipDeepFlexion]),
    ("on one foot", &[LoadKind::OneLegStand]),
    ("on one leg", &[LoadKind::OneLegStand]),
    ("weight on the other foot", &[LoadKind::OneLegStand]),
];

/// Words that ask for more pressure: allowed only in a variant's [`More`] sentence.
pub const PRESSURE_WORDS: &[&str] = &[
    "more pressure",
    "press more",
    "a little more",
    "harder",
    "firmer",
    "stack",
    "load one side",
    "deeper",
];

/// True when `phrase` occurs in `text` as whole words (case-insensitive ASCII).
pub fn says(text: &str, phrase: &str) -> bool {
    let hay = text.to_ascii_lowercase();
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(phrase)) {
        let at = from + i;
        let end = at + phrase.len();
        let before_ok = at == 0 || !bytes.get(at - 1).is_some_and(|b| b.is_ascii_alphabetic());
        let after_ok = !bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic());
        if before_ok && after_ok {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The load kinds that the words of `text` imply ([`LOAD_WORDS`]).
pub fn implied_loads(text: &str) -> Vec<LoadKind> {
    let mut out: Vec<LoadKind> = LOAD_WORDS
        .iter()
        .filter(|(w, _)| says(text, w))
        .flat_map(|(_, kinds)| kinds.iter().copied())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::Role;
    use crate::domain::knowledge::rule::{JOINT_RULES, NEARBY};
    use crate::domain::knowledge::source;
    use std::collections::HashSet;

    fn all_techniques() -> impl Iterator<Item = &'static Technique> {
        TECHNIQUES.iter().chain(std::iter::once(&THORACIC_ROLLER))
    }

    fn all_variants() -> impl Iterator<Item = (RegionId, &'static Variant)> {
        all_techniques()
            .flat_map(|t| t.variants.iter().map(move |v| (t.region, v)))
            .chain(std::iter::once((RegionId::Palm, &HANDS_FALLBACK)))
    }

    fn kinds(loads: &[Load]) -> Vec<LoadKind> {
        let mut k: Vec<LoadKind> = loads.iter().map(|l| l.kind()).collect();
        k.sort();
        k.dedup();
        k
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

    /// The editing rule of the table: the words say exactly the declared loads.
    #[test]
    fn a_cue_says_exactly_the_loads_its_variant_declares() {
        for (region, v) in all_variants() {
            for tool in v.tools {
                let text = v.base_cue(*tool, &[]);
                assert_eq!(
                    implied_loads(&text),
                    kinds(v.loads),
                    "{}: the words and the declared loads disagree in\n  {text}",
                    region.key()
                );
            }
            if let Some(m) = &v.more {
                assert_eq!(
                    implied_loads(m.words),
                    kinds(m.loads),
                    "{}: the extra-pressure words and their loads disagree: {}",
                    region.key(),
                    m.words
                );
                assert!(
                    PRESSURE_WORDS.iter().any(|w| says(m.words, w)),
                    "{}: an extra-pressure sentence that does not ask for pressure",
                    region.key()
                );
            }
        }
    }

    #[test]
    fn only_the_extra_pressure_sentence_asks_for_more_pressure() {
        for (region, v) in all_variants() {
            let text = v.base_cue(v.tools[0], &[]);
            for w in PRESSURE_WORDS {
                assert!(!says(&text, w), "{}: `{w}` in {text}", region.key());
            }
            let light = v.cue(CueFor {
                light: true,
                more_open: true,
                ..CueFor::default()
            });
            assert!(light.ends_with(LIGHT_WORDS), "{light}");
            for w in PRESSURE_WORDS {
                assert!(
                    !says(&light, w),
                    "{}: `{w}` for a light person",
                    region.key()
                );
            }
        }
    }

    #[test]
    fn the_word_check_catches_what_the_review_found() {
        let found = [
            "Lie on your side, arm overhead, with a roller just below the armpit.",
            "Sit with your foot on the opposite knee.",
            "Kneel on all fours with a roller under the outer shin.",
            "Stack one leg on the other for more pressure.",
            "Cross one leg over to load one side.",
        ];
        let want: [&[LoadKind]; 5] = [
            &[LoadKind::SideLyingHip, LoadKind::ShoulderOverhead],
            &[LoadKind::HipCross],
            &[LoadKind::Kneeling],
            &[LoadKind::HipCross],
            &[LoadKind::HipCross],
        ];
        for (text, kinds) in found.iter().zip(want) {
            let got = implied_loads(text);
            for k in kinds {
                assert!(got.contains(k), "{text}: {k:?} not seen in {got:?}");
            }
        }
        assert!(!says("with a roller across your upper back", "cross"));
        assert!(!says("hands behind your head", "hands behind you"));
    }

    #[test]
    fn floor_positions_and_the_floor_load_go_together() {
        for (region, v) in all_variants() {
            assert_eq!(
                v.position == Position::Floor,
                v.has(LoadKind::Floor),
                "{}",
                region.key()
            );
        }
    }

    #[test]
    fn every_technique_has_an_option_for_every_body() {
        for t in TECHNIQUES {
            assert!(t.has_non_floor_variant(), "{}", t.region.key());
            assert!(
                t.variants.iter().any(|v| v.loads.is_empty()),
                "{} has no variant free of closable loads",
                t.region.key()
            );
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
    fn hands_steps_speak_of_hands_and_tool_steps_name_their_tool() {
        for (region, v) in all_variants() {
            let key = region.key();
            assert!(!v.tools.is_empty(), "{key}");
            let mut tools = HashSet::new();
            for tool in v.tools {
                assert!(tools.insert(tool), "{key} repeats {tool:?}");
            }
            if v.tools.contains(&Tool::Hands) {
                assert_eq!(v.tools, &[Tool::Hands], "{key}: hands mixed with tools");
                assert!(
                    matches!(v.position, Position::Seated | Position::Standing),
                    "{key} hands on {:?}",
                    v.position
                );
                let text = v.base_cue(Tool::Hands, &[]);
                assert!(
                    ["finger", "thumb", "hand"].iter().any(|w| text.contains(w)),
                    "{key}: {text}"
                );
                for w in ["{tool}", "ball", "roller", "rolling pin"] {
                    assert!(!text.contains(w), "{key}: hands step says {w}: {text}");
                }
            } else {
                assert!(v.setup.contains("{tool}"), "{key}: {}", v.setup);
            }
            for tool in v.tools {
                let text = v.base_cue(*tool, &[]);
                assert!(!text.contains('{') && !text.contains('\n'), "{text}");
                assert!(text.len() <= 300, "{key}: too long: {text}");
            }
        }
        assert_eq!(HANDS_FALLBACK.tools, &[Tool::Hands]);
    }

    #[test]
    fn every_protective_zone_moves_an_end_or_has_its_own_sentence() {
        let mut pairs: Vec<(RegionId, Zone)> = JOINT_RULES
            .iter()
            .flat_map(|j| j.zones.iter().copied())
            .collect();
        pairs.extend(NEARBY.iter().map(|(_, r, z)| (*r, *z)));
        for (region, zone) in pairs {
            let t = for_region(region).unwrap_or_else(|| panic!("{} is no target", region.key()));
            for v in t.variants {
                if let Some(p) = v.path {
                    assert!(
                        zone.adjust(p.from) != p.from || zone.adjust(p.to) != p.to,
                        "{}: {zone:?} leaves the path {p:?} as it is",
                        region.key()
                    );
                    assert_ne!(
                        v.base_cue(v.tools[0], &[zone]),
                        v.base_cue(v.tools[0], &[]),
                        "{}",
                        region.key()
                    );
                }
            }
        }
    }

    #[test]
    fn sources_and_cautions_are_well_formed() {
        for t in all_techniques() {
            assert!(!t.variants.is_empty());
            assert!(!t.sources.is_empty());
            for s in t.sources {
                assert!(source::exists(s), "{} cites unknown {s}", t.region.key());
            }
            for c in t.cautions {
                assert!(!c.is_empty() && c.len() <= 120 && !c.contains('\n'));
            }
        }
    }

    #[test]
    fn on_sides_resolve_against_the_worked_side() {
        assert_eq!(On::Same.sides(Side::Left), &[Side::Left]);
        assert_eq!(On::Other.sides(Side::Left), &[Side::Right]);
        assert_eq!(On::Both.sides(Side::Right), &[Side::Left, Side::Right]);
        assert_eq!(On::Same.sides(Side::Mid), &[Side::Left, Side::Right]);
        assert_eq!(Load::Kneeling.sides(Side::Left), &[Side::Left, Side::Right]);
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
