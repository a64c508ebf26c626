//! The rules of knowledge base §3, as ids with a plain summary and their sources, plus the
//! small region tables the rules need (the low-back tiers of §3.10 rule 8, Table 3.6b of
//! replaced-joint neighbours, and the body segments used for injuries).
//!
//! Every step, `avoid` entry and `later` entry of a plan names the rules behind it, so the
//! UI can answer "why?" with [`Rule::summary`] and [`crate::domain::knowledge::source::title`]. The
//! engine's logic lives in `engine.rs`; this file is the vocabulary it cites.
//!
//! Rule ids are the knowledge base's own (`G3`, `L3b`, `T5`, …). Three groups have no id in
//! the knowledge base and get one here:
//! - `C1`–`C8`: the rows of the conditions table §3.6 (osteoporosis … pregnancy);
//! - `R1`–`R7`: the safe resolutions of the seed disagreements in §3.7;
//! - `E1`–`E4`: the evaluation-order resolutions of §3.9/§3.10 that decide order and caps;
//! - `P1`–`P5`: the position, protection and wording rules of §3.11.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - `RULES[i].id as usize == i`, keys unique, at most 128 rows (the engine keeps a step's
//!   rules in a `u128` bit set indexed by the id);
//! - every rule cites at least one source key that exists in [`crate::domain::knowledge::source`];
//! - summaries are one plain line (no source brackets, at most 160 characters);
//! - every target region is in exactly one low-back tier; tiers hold only targets;
//! - Table 3.6b never lists a target as `none` that it also lists with a zone.

use crate::domain::knowledge::region::{RegionId, Role};
use crate::domain::knowledge::technique::Zone;
use serde::{Deserialize, Serialize, Serializer};

/// Id of a rule of §3 (see the module docs for the `C`, `R` and `E` groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    /// G1: A yes to a red warning question stops the plan; only the warning is shown.
    G1,
    /// G2: A yes to an amber question still gives a gentle plan, with advice to see a clinician soon.
    G2,
    /// G3: Places where pressure is unsafe (bone, joints, nerves, vessels, organs, the low back) are never worked.
    G3,
    /// G4: A wound, bruise, skin infection, recent break, dislocation or operation puts that spot, and for the last three the area around it, off limits.
    G4,
    /// G5: A hot, swollen or inflamed spot is off limits; work only well away from it.
    G5,
    /// G6: Signs of a possible clot in a leg (one-sided swelling, warmth, redness, throbbing) stop all work.
    G6,
    /// G7: Sharp, burning or electric pain, or pins and needles: stop that area and go lighter; skip it if it goes on.
    G7,
    /// G8: When no health condition is entered, still suggest checking with a doctor.
    G8,
    /// L1: Low-back, flank and lower-back-rib tightness is treated as a warning sign; the cause is looked for in the legs.
    L1,
    /// L2: With low back pain, check both legs first: front of thigh and hip, inner, outer and back of thigh.
    L2,
    /// L3: When one side is tighter, that side is worked first and for longest.
    L3,
    /// L3b: The lighter side gets a short dose today (half at most); compare the sides again next time.
    L3b,
    /// L4: Leg order for low back pain: front of thigh and hip, inner thigh, outer thigh, then back of thigh.
    L4,
    /// L5: With low back pain, side-of-back and shoulder areas come after the legs.
    L5,
    /// L6: With low back pain, the buttock and front-outer hip come only after the leg areas.
    L6,
    /// L7: During a flare-up the buttock and hip areas are left out until it settles.
    L7,
    /// L8: The low back itself is never worked, not even at the end.
    L8,
    /// L9: Calves and feet may add to back strain; they come after the four leg areas.
    L9,
    /// L10: Mid-back and upper-body work is optional and comes last.
    L10,
    /// L11: No better after about six sessions, or getting worse: see a physiotherapist or doctor.
    L11,
    /// L12: After hip or spine surgery: stability and strength work with a physiotherapist, no pressure on the site.
    L12,
    /// L13: Stay active and exercise; self-release is an extra, not the treatment.
    L13,
    /// X1: A tight back of thigh may tilt the pelvis backward (weak evidence).
    X1,
    /// X2: A tight front of hip or thigh may tilt the pelvis forward (plausible, unproven).
    X2,
    /// X3: Tight buttocks may limit the hips so the low back moves more (a theory).
    X3,
    /// X4: Stiff tissue over the low back may limit turning and side-bending; it is rich in nerve endings.
    X4,
    /// X5: Tight soles and calves may change walking and standing higher up the body.
    X5,
    /// X6: Stress may raise tension in the neck, shoulders and low back (preliminary).
    X6,
    /// D1: Beginner dose: about one to two minutes per area with gentle tools; firm massage, never pain.
    D1,
    /// D2: Buttock areas: 30 to 60 seconds per side, one side at a time.
    D2,
    /// D3: Rolling: 30 to 120 seconds per area, with slow passes.
    D3,
    /// D4: Hold a tender spot only until it eases, inside the time cap; no long holds.
    D4,
    /// D5: Fibromyalgia or chronic fatigue: four areas at most, 60 seconds each, very soft tools, skip painful spots.
    D5,
    /// D6: Practising regularly for more than four weeks helps range of motion most.
    D6,
    /// D7: Session cap for beginners: six area-sides and twelve minutes at most.
    D7,
    /// D8: One session may loosen about as much as stretching; rolling after exercise may ease soreness.
    D8,
    /// B1: Breathe in for 4, hold for 2, out slowly for 6; let the pressure sink in on the out-breath.
    B1,
    /// B2: With stress-related tension, begin with a minute of slow breathing.
    B2,
    /// T1: Sensitive people, beginners, fibromyalgia or blood thinners: soft roller and tennis ball only.
    T1,
    /// T2: Experienced people without conditions may use a medium roller, lacrosse ball or rubber ball.
    T2,
    /// T3: If the floor is hard to reach: chair, wall, standing or firm-bed positions, and balls over a floor roller.
    T3,
    /// T4: A short roller is easier to place on the inner thigh.
    T4,
    /// T5: No equipment needed to start: a tennis ball or a kitchen rolling pin will do.
    T5,
    /// T6: At a desk, a ball under the thigh while seated works too.
    T6,
    /// C1: Osteoporosis: soft tools on padded muscle only, nothing on spine, ribs or hip bones, no bending forward or twisting.
    C1,
    /// C2: Fibromyalgia or chronic fatigue: very soft tools, a short session, painful spots skipped.
    C2,
    /// C3: Blood thinners: doctor first, light pressure, no firm balls, short holds, watch for bruising.
    C3,
    /// C4: Blood-pressure problems: doctor first, slow changes of position, chair and wall positions first.
    C4,
    /// C5: Replaced joint: the joint and the areas right next to it are off limits; ask the surgeon or physiotherapist.
    C5,
    /// C6: Cannot get on the floor: only chair, wall, standing, seated or bed positions.
    C6,
    /// C7: Earlier surgery: no pressure on the site; after a hip operation the hip is treated like a replaced one until cleared.
    C7,
    /// C8: Pregnancy: see a clinician first; no lying face down on a tool.
    C8,
    /// R1: The low back is never rolled; the trial that found a benefit only tested healthy adults.
    R1,
    /// R2: Mid-back: a ball against a wall beside the spine; a roller across the upper back only by choice, never with osteoporosis or a flare.
    R2,
    /// R3: Outer thigh: press and hold with a soft tool above the knee, no rolling along the whole band.
    R3,
    /// R4: Buttocks: never during a flare-up, otherwise after the legs.
    R4,
    /// R5: Low back pain starts with the legs in a fixed order; other areas come afterwards.
    R5,
    /// R6: Balance the sides: work the tighter side rather than loosening both equally.
    R6,
    /// R7: No tool on the spine or flank and no long holds, whatever a tool promises.
    R7,
    /// E1: A mark two or more levels stronger than every earlier leg mark moves ahead of them.
    E1,
    /// E2: Without low back pain: stronger marks first, then a bigger left/right difference, then chain links.
    E2,
    /// E3: Areas linked within two steps along a chain are suggested for checking, never worked on their own.
    E3,
    /// E4: What does not fit in today's session is kept for a later one.
    E4,
    /// P1: Each step uses a position your body allows; protected joints and conditions close the positions that would strain them.
    P1,
    /// P2: Near a protected joint or an inflamed spot the tool keeps its distance, and the instructions say where to stop.
    P2,
    /// P3: After a recent break, dislocation or operation, the rest of that arm or leg is left alone until a clinician clears it.
    P3,
    /// P4: With low back pain, buttock and front-outer hip work comes only with leg work, or once the legs were checked and found fine.
    P4,
    /// P5: Light pressure for blood thinners, fibromyalgia, osteoporosis, sensitive people and painful spots; no advice to press harder.
    P5,
}

impl RuleId {
    /// The table row of this rule.
    pub fn rule(self) -> &'static Rule {
        // The table test guarantees RULES[i].id as usize == i for every variant.
        &RULES[self as usize]
    }

    /// The id as written in the knowledge base (`"L3b"`).
    pub fn key(self) -> &'static str {
        self.rule().key
    }

    /// Looks an id up by its key.
    pub fn from_key(key: &str) -> Option<RuleId> {
        RULES.iter().find(|r| r.key == key).map(|r| r.id)
    }

    /// Bit of this rule in a `u128` rule set.
    pub const fn bit(self) -> u128 {
        1u128 << (self as u32)
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = std::borrow::Cow::<'de, str>::deserialize(d)?;
        RuleId::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule id `{key}`")))
    }
}

/// One rule: id, a plain one-line summary, and the sources behind it.
#[derive(Debug)]
pub struct Rule {
    /// Typed id.
    pub id: RuleId,
    /// Id as written in the knowledge base.
    pub key: &'static str,
    /// What the rule does, in plain words for a lay person.
    pub summary: &'static str,
    /// Source keys (see [`crate::domain::knowledge::source::SOURCES`]).
    pub sources: &'static [&'static str],
}

/// Every rule, in `RuleId` order.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // §3.1 gating and hard safety rules
    Rule { id: RuleId::G1, key: "G1", summary: "A yes to a red warning question stops the plan; only the warning is shown.", sources: &["NG59", "CES-NHS", "CKS"] },
    Rule { id: RuleId::G2, key: "G2", summary: "A yes to an amber question still gives a gentle plan, with advice to see a clinician soon.", sources: &["NG65", "D"] },
    Rule { id: RuleId::G3, key: "G3", summary: "Places where pressure is unsafe (bone, joints, nerves, vessels, organs, the low back) are never worked.", sources: &["S004", "WERNER", "S000"] },
    Rule { id: RuleId::G4, key: "G4", summary: "A wound, bruise, skin infection, recent break, dislocation or operation puts that spot, and for the last three the area around it, off limits.", sources: &["BARTSCH21", "D"] },
    Rule { id: RuleId::G5, key: "G5", summary: "A hot, swollen or inflamed spot is off limits; work only well away from it.", sources: &["BARTSCH21"] },
    Rule { id: RuleId::G6, key: "G6", summary: "Signs of a possible clot in a leg (one-sided swelling, warmth, redness, throbbing) stop all work.", sources: &["BARTSCH21", "SECONDARY"] },
    Rule { id: RuleId::G7, key: "G7", summary: "Sharp, burning or electric pain, or pins and needles: stop that area and go lighter; skip it if it goes on.", sources: &["S000", "SECONDARY"] },
    Rule { id: RuleId::G8, key: "G8", summary: "When no health condition is entered, still suggest checking with a doctor.", sources: &["S000"] },
    // §3.2 low back pain
    Rule { id: RuleId::L1, key: "L1", summary: "Low-back, flank and lower-back-rib tightness is treated as a warning sign; the cause is looked for in the legs.", sources: &["S004"] },
    Rule { id: RuleId::L2, key: "L2", summary: "With low back pain, check both legs first: front of thigh and hip, inner, outer and back of thigh.", sources: &["S004"] },
    Rule { id: RuleId::L3, key: "L3", summary: "When one side is tighter, that side is worked first and for longest.", sources: &["S004"] },
    Rule { id: RuleId::L3b, key: "L3b", summary: "The lighter side gets a short dose today (half at most); compare the sides again next time.", sources: &["S004", "D"] },
    Rule { id: RuleId::L4, key: "L4", summary: "Leg order for low back pain: front of thigh and hip, inner thigh, outer thigh, then back of thigh.", sources: &["S004"] },
    Rule { id: RuleId::L5, key: "L5", summary: "With low back pain, side-of-back and shoulder areas come after the legs.", sources: &["S004"] },
    Rule { id: RuleId::L6, key: "L6", summary: "With low back pain, the buttock and front-outer hip come only after the leg areas.", sources: &["S004"] },
    Rule { id: RuleId::L7, key: "L7", summary: "During a flare-up the buttock and hip areas are left out until it settles.", sources: &["S004"] },
    Rule { id: RuleId::L8, key: "L8", summary: "The low back itself is never worked, not even at the end.", sources: &["S004", "D"] },
    Rule { id: RuleId::L9, key: "L9", summary: "Calves and feet may add to back strain; they come after the four leg areas.", sources: &["S000"] },
    Rule { id: RuleId::L10, key: "L10", summary: "Mid-back and upper-body work is optional and comes last.", sources: &["S000"] },
    Rule { id: RuleId::L11, key: "L11", summary: "No better after about six sessions, or getting worse: see a physiotherapist or doctor.", sources: &["S004", "NG59"] },
    Rule { id: RuleId::L12, key: "L12", summary: "After hip or spine surgery: stability and strength work with a physiotherapist, no pressure on the site.", sources: &["S004"] },
    Rule { id: RuleId::L13, key: "L13", summary: "Stay active and exercise; self-release is an extra, not the treatment.", sources: &["NG59"] },
    // §3.3 explanatory links
    Rule { id: RuleId::X1, key: "X1", summary: "A tight back of thigh may tilt the pelvis backward (weak evidence).", sources: &["S000", "PELVIS"] },
    Rule { id: RuleId::X2, key: "X2", summary: "A tight front of hip or thigh may tilt the pelvis forward (plausible, unproven).", sources: &["S000"] },
    Rule { id: RuleId::X3, key: "X3", summary: "Tight buttocks may limit the hips so the low back moves more (a theory).", sources: &["S000"] },
    Rule { id: RuleId::X4, key: "X4", summary: "Stiff tissue over the low back may limit turning and side-bending; it is rich in nerve endings.", sources: &["S000", "SUAREZ22", "WILKE17-LF", "SINHORIM21"] },
    Rule { id: RuleId::X5, key: "X5", summary: "Tight soles and calves may change walking and standing higher up the body.", sources: &["S000", "GRIEVE15", "BURK20"] },
    Rule { id: RuleId::X6, key: "X6", summary: "Stress may raise tension in the neck, shoulders and low back (preliminary).", sources: &["S000"] },
    // §3.4 dosing and pacing
    Rule { id: RuleId::D1, key: "D1", summary: "Beginner dose: about one to two minutes per area with gentle tools; firm massage, never pain.", sources: &["S000"] },
    Rule { id: RuleId::D2, key: "D2", summary: "Buttock areas: 30 to 60 seconds per side, one side at a time.", sources: &["S000"] },
    Rule { id: RuleId::D3, key: "D3", summary: "Rolling: 30 to 120 seconds per area, with slow passes.", sources: &["BEHM20"] },
    Rule { id: RuleId::D4, key: "D4", summary: "Hold a tender spot only until it eases, inside the time cap; no long holds.", sources: &["S000", "S004", "D"] },
    Rule { id: RuleId::D5, key: "D5", summary: "Fibromyalgia or chronic fatigue: four areas at most, 60 seconds each, very soft tools, skip painful spots.", sources: &["S000", "CECA17"] },
    Rule { id: RuleId::D6, key: "D6", summary: "Practising regularly for more than four weeks helps range of motion most.", sources: &["KONRAD22"] },
    Rule { id: RuleId::D7, key: "D7", summary: "Session cap for beginners: six area-sides and twelve minutes at most.", sources: &["D"] },
    Rule { id: RuleId::D8, key: "D8", summary: "One session may loosen about as much as stretching; rolling after exercise may ease soreness.", sources: &["WILKE20-SM", "WIEWEL19"] },
    // §3.5 breathing
    Rule { id: RuleId::B1, key: "B1", summary: "Breathe in for 4, hold for 2, out slowly for 6; let the pressure sink in on the out-breath.", sources: &["S000"] },
    Rule { id: RuleId::B2, key: "B2", summary: "With stress-related tension, begin with a minute of slow breathing.", sources: &["S000", "D"] },
    // §3.8 technique selection
    Rule { id: RuleId::T1, key: "T1", summary: "Sensitive people, beginners, fibromyalgia or blood thinners: soft roller and tennis ball only.", sources: &["S000"] },
    Rule { id: RuleId::T2, key: "T2", summary: "Experienced people without conditions may use a medium roller, lacrosse ball or rubber ball.", sources: &["S000"] },
    Rule { id: RuleId::T3, key: "T3", summary: "If the floor is hard to reach: chair, wall, standing or firm-bed positions, and balls over a floor roller.", sources: &["S000"] },
    Rule { id: RuleId::T4, key: "T4", summary: "A short roller is easier to place on the inner thigh.", sources: &["S000"] },
    Rule { id: RuleId::T5, key: "T5", summary: "No equipment needed to start: a tennis ball or a kitchen rolling pin will do.", sources: &["S000"] },
    Rule { id: RuleId::T6, key: "T6", summary: "At a desk, a ball under the thigh while seated works too.", sources: &["S000"] },
    // §3.6 conditions (one rule per row)
    Rule { id: RuleId::C1, key: "C1", summary: "Osteoporosis: soft tools on padded muscle only, nothing on spine, ribs or hip bones, no bending forward or twisting.", sources: &["S000", "BHOF", "BARTSCH21"] },
    Rule { id: RuleId::C2, key: "C2", summary: "Fibromyalgia or chronic fatigue: very soft tools, a short session, painful spots skipped.", sources: &["S000", "CECA17"] },
    Rule { id: RuleId::C3, key: "C3", summary: "Blood thinners: doctor first, light pressure, no firm balls, short holds, watch for bruising.", sources: &["S000", "SECONDARY", "D"] },
    Rule { id: RuleId::C4, key: "C4", summary: "Blood-pressure problems: doctor first, slow changes of position, chair and wall positions first.", sources: &["S000"] },
    Rule { id: RuleId::C5, key: "C5", summary: "Replaced joint: the joint and the areas right next to it are off limits; ask the surgeon or physiotherapist.", sources: &["S000", "SECONDARY", "D"] },
    Rule { id: RuleId::C6, key: "C6", summary: "Cannot get on the floor: only chair, wall, standing, seated or bed positions.", sources: &["S000"] },
    Rule { id: RuleId::C7, key: "C7", summary: "Earlier surgery: no pressure on the site; after a hip operation the hip is treated like a replaced one until cleared.", sources: &["S000", "S004", "D"] },
    Rule { id: RuleId::C8, key: "C8", summary: "Pregnancy: see a clinician first; no lying face down on a tool.", sources: &["D"] },
    // §3.7 resolutions of the seed disagreements
    Rule { id: RuleId::R1, key: "R1", summary: "The low back is never rolled; the trial that found a benefit only tested healthy adults.", sources: &["S004", "S000", "FIJAVZ24", "OZSOY19"] },
    Rule { id: RuleId::R2, key: "R2", summary: "Mid-back: a ball against a wall beside the spine; a roller across the upper back only by choice, never with osteoporosis or a flare.", sources: &["S000", "S004", "D"] },
    Rule { id: RuleId::R3, key: "R3", summary: "Outer thigh: press and hold with a soft tool above the knee, no rolling along the whole band.", sources: &["S000", "S004"] },
    Rule { id: RuleId::R4, key: "R4", summary: "Buttocks: never during a flare-up, otherwise after the legs.", sources: &["S000", "S004"] },
    Rule { id: RuleId::R5, key: "R5", summary: "Low back pain starts with the legs in a fixed order; other areas come afterwards.", sources: &["S004", "S000"] },
    Rule { id: RuleId::R6, key: "R6", summary: "Balance the sides: work the tighter side rather than loosening both equally.", sources: &["S004"] },
    Rule { id: RuleId::R7, key: "R7", summary: "No tool on the spine or flank and no long holds, whatever a tool promises.", sources: &["S004", "D"] },
    // §3.9 / §3.10 evaluation order
    Rule { id: RuleId::E1, key: "E1", summary: "A mark two or more levels stronger than every earlier leg mark moves ahead of them.", sources: &["D"] },
    Rule { id: RuleId::E2, key: "E2", summary: "Without low back pain: stronger marks first, then a bigger left/right difference, then chain links.", sources: &["D"] },
    Rule { id: RuleId::E3, key: "E3", summary: "Areas linked within two steps along a chain are suggested for checking, never worked on their own.", sources: &["MYERS", "WILKE16", "KRAUSE16", "BURK20", "D"] },
    Rule { id: RuleId::E4, key: "E4", summary: "What does not fit in today's session is kept for a later one.", sources: &["D"] },
    // §3.11 positions, joint protection and what the words promise
    Rule { id: RuleId::P1, key: "P1", summary: "Each step uses a position your body allows; protected joints and conditions close the positions that would strain them.", sources: &["BARTSCH21", "BHOF", "S000", "SECONDARY", "D"] },
    Rule { id: RuleId::P2, key: "P2", summary: "Near a protected joint or an inflamed spot the tool keeps its distance, and the instructions say where to stop.", sources: &["S000", "BARTSCH21", "D"] },
    Rule { id: RuleId::P3, key: "P3", summary: "After a recent break, dislocation or operation, the rest of that arm or leg is left alone until a clinician clears it.", sources: &["BARTSCH21", "D"] },
    Rule { id: RuleId::P4, key: "P4", summary: "With low back pain, buttock and front-outer hip work comes only with leg work, or once the legs were checked and found fine.", sources: &["S004"] },
    Rule { id: RuleId::P5, key: "P5", summary: "Light pressure for blood thinners, fibromyalgia, osteoporosis, sensitive people and painful spots; no advice to press harder.", sources: &["S000", "SECONDARY", "D"] },
];

/// Looks a rule up by key (`"G3"`).
pub fn by_key(key: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.key == key)
}

/// The joints of the contract (`conditions[].joint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Joint {
    /// Knee.
    Knee,
    /// Hip.
    Hip,
    /// Shoulder.
    Shoulder,
}

impl Joint {
    /// The lowercase key.
    pub const fn key(self) -> &'static str {
        match self {
            Joint::Knee => "knee",
            Joint::Hip => "hip",
            Joint::Shoulder => "shoulder",
        }
    }
}

/// One row of Table 3.6b: what a replaced (or operated) joint changes on its side.
#[derive(Debug)]
pub struct JointRule {
    /// The joint.
    pub joint: Joint,
    /// Regions on that side that become `none`.
    pub none: &'static [RegionId],
    /// Regions on that side that stay allowed, but only in part.
    pub zones: &'static [(RegionId, Zone)],
    /// Regions on that side that may only be worked with a soft ball against a wall.
    pub wall_only: &'static [RegionId],
}

/// Table 3.6b (replaced-joint adjacency), applied per joint and side.
///
/// Conservative choices beyond the knowledge base (marked `[CHOICE]`): for a hip, the inner
/// thigh keeps away from the groin end (lower two-thirds only); for a shoulder, the front
/// and back of the upper arm keep away from the joint (lower two-thirds only) and the area
/// between the shoulder blades is a wall-ball only.
#[rustfmt::skip]
pub const JOINT_RULES: &[JointRule] = &[
    JointRule {
        joint: Joint::Knee,
        none: &[RegionId::Kneecap, RegionId::KneeInner, RegionId::KneeOuter, RegionId::BackOfKnee],
        zones: &[
            (RegionId::Quadriceps, Zone::UpperTwoThirds),
            (RegionId::OuterThigh, Zone::UpperHalf),
            (RegionId::Hamstrings, Zone::UpperTwoThirds),
            (RegionId::Calf, Zone::LowerTwoThirds),
            (RegionId::ShinMuscle, Zone::LowerTwoThirds),
        ],
        wall_only: &[],
    },
    JointRule {
        joint: Joint::Hip,
        // "hip includes tfl" (§3.10 rule 15).
        none: &[RegionId::HipOuterBone, RegionId::Groin, RegionId::HipFlexor, RegionId::Tfl, RegionId::DeepGlute, RegionId::GluteMed],
        zones: &[(RegionId::Adductors, Zone::LowerTwoThirds)], // [CHOICE]
        wall_only: &[RegionId::GluteMax],
    },
    JointRule {
        joint: Joint::Shoulder,
        none: &[RegionId::ShoulderFront, RegionId::ShoulderBack, RegionId::Armpit],
        zones: &[
            (RegionId::ShoulderBlade, Zone::InnerHalf),
            (RegionId::UpperArmFront, Zone::LowerTwoThirds), // [CHOICE]
            (RegionId::UpperArmBack, Zone::LowerTwoThirds),  // [CHOICE]
        ],
        wall_only: &[RegionId::BetweenShoulderBlades], // [CHOICE]
    },
];

/// Protective zones near a local finding (§3.11 "protective zones shape the cue"): when the
/// first region of a row is inflamed, wounded or otherwise off limits (G4/G5) on one side,
/// the second region on that side is worked only in the zone, which moves the end of its
/// path away ("from halfway up your lower leg" instead of "from just above your ankle").
/// A finding in a knee, hip or shoulder region also applies that joint's Table 3.6b zones.
#[rustfmt::skip]
pub const NEARBY: &[(RegionId, RegionId, Zone)] = &[
    (RegionId::Achilles, RegionId::Calf, Zone::AboveAnkle),
    (RegionId::Achilles, RegionId::CalfInnerEdge, Zone::AboveAnkle),
    (RegionId::Achilles, RegionId::Sole, Zone::OffTheHeel),
    (RegionId::Heel, RegionId::Sole, Zone::OffTheHeel),
    (RegionId::AnkleBones, RegionId::Calf, Zone::AboveAnkle),
    (RegionId::AnkleBones, RegionId::CalfInnerEdge, Zone::AboveAnkle),
    (RegionId::AnkleBones, RegionId::ShinMuscle, Zone::AboveAnkle),
    (RegionId::AnkleBones, RegionId::LowerLegOuter, Zone::AboveAnkle),
    (RegionId::AnkleFront, RegionId::ShinMuscle, Zone::AboveAnkle),
    (RegionId::AnkleFront, RegionId::LowerLegOuter, Zone::AboveAnkle),
    (RegionId::WristFront, RegionId::ForearmFront, Zone::AboveWrist),
    (RegionId::WristFront, RegionId::ForearmBack, Zone::AboveWrist),
    (RegionId::ElbowFront, RegionId::ForearmFront, Zone::AwayFromElbow),
    (RegionId::ElbowFront, RegionId::UpperArmFront, Zone::AwayFromElbow),
    (RegionId::ElbowBack, RegionId::ForearmBack, Zone::AwayFromElbow),
    (RegionId::ElbowBack, RegionId::UpperArmBack, Zone::AwayFromElbow),
];

/// The Table 3.6b row of `joint`.
pub fn joint_rule(joint: Joint) -> &'static JointRule {
    match joint {
        Joint::Knee => &JOINT_RULES[0],
        Joint::Hip => &JOINT_RULES[1],
        Joint::Shoulder => &JOINT_RULES[2],
    }
}

/// Low-back tiers of §3.10 rule 8: `LBP_TIERS[t - 1]` holds the regions of tier `t`.
///
/// Every target region is in exactly one tier (tested). The opt-in thoracic roller (region
/// `thoracic_spine`) is placed in tier 8 by the engine.
#[rustfmt::skip]
pub const LBP_TIERS: [&[RegionId]; 8] = [
    &[RegionId::Quadriceps, RegionId::HipFlexor],
    &[RegionId::Adductors],
    &[RegionId::OuterThigh],
    &[RegionId::Hamstrings],
    &[RegionId::Lats, RegionId::ShoulderBlade, RegionId::UpperTrapezius],
    &[RegionId::Calf, RegionId::Sole, RegionId::CalfInnerEdge, RegionId::ShinMuscle, RegionId::LowerLegOuter, RegionId::FootTop],
    &[RegionId::Tfl, RegionId::GluteMax, RegionId::GluteMed, RegionId::DeepGlute],
    &[RegionId::BetweenShoulderBlades, RegionId::Chest, RegionId::UpperChest, RegionId::UpperArmFront,
      RegionId::UpperArmBack, RegionId::ForearmFront, RegionId::ForearmBack, RegionId::Palm,
      RegionId::Suboccipital, RegionId::ThoracicSpine],
];

/// The low-back tier (1–8) of a region, or `None` for a non-target.
pub fn lbp_tier(region: RegionId) -> Option<u8> {
    LBP_TIERS
        .iter()
        .position(|t| t.contains(&region))
        .map(|i| i as u8 + 1)
}

/// The leg regions of L2 that a person with low back pain is asked to map (§3.10 rule 19).
pub const LEG_GROUPS: &[RegionId] = &[
    RegionId::Quadriceps,
    RegionId::HipFlexor,
    RegionId::Adductors,
    RegionId::OuterThigh,
    RegionId::Hamstrings,
];

/// Low-back symptom sites of L1 (§3.10 rule 7).
pub const LOW_BACK_SITES: &[RegionId] = &[
    RegionId::LumbarSpine,
    RegionId::LowBackMuscles,
    RegionId::QlFlank,
    RegionId::LowerRibsBack,
];

/// Spine and rib regions whose excluded marks trigger `no_direct_low_back` (with the sites).
pub const SPINE_AND_RIBS: &[RegionId] = &[
    RegionId::CervicalSpine,
    RegionId::ThoracicSpine,
    RegionId::LowerRibsFront,
    RegionId::Sacrum,
    RegionId::Tailbone,
];

/// Regions left out during an acute flare (§3.10 rule 17).
///
/// `[CHOICE]` The knowledge base says "the four glute regions" but L7 names three; the
/// front-outer hip (TFL) shares their tier and S004 names it among the muscles not to relax
/// early, so it is left out as well (the safer reading).
pub const FLARE_EXCLUDED: &[RegionId] = &[
    RegionId::Tfl,
    RegionId::GluteMax,
    RegionId::GluteMed,
    RegionId::DeepGlute,
];

/// Buttock regions with the shorter D2 dose.
pub const GLUTES: &[RegionId] = &[RegionId::GluteMax, RegionId::GluteMed, RegionId::DeepGlute];

/// Regions excluded with osteoporosis (§3.10 rule 14; `suboccipital` from the §4 table).
pub const OSTEOPOROSIS_EXCLUDED: &[RegionId] = &[
    RegionId::SideRibs,
    RegionId::Tfl,
    RegionId::GluteMed,
    RegionId::DeepGlute,
    RegionId::HipFlexor,
    RegionId::HipOuterBone,
    RegionId::Sacrum,
    RegionId::Suboccipital,
];

/// Regions that count as spine for `previous_surgery` (adds `stability_with_pt`, L12).
pub const SPINE_REGIONS: &[RegionId] = &[
    RegionId::CervicalSpine,
    RegionId::ThoracicSpine,
    RegionId::LumbarSpine,
    RegionId::LowBackMuscles,
    RegionId::Sacrum,
    RegionId::Tailbone,
];

/// Body segments, used for G4: a recent break, dislocation or operation puts the whole
/// segment on that side off limits (`[CHOICE]`: the knowledge base says "adjacent regions"
/// without a list; a segment is the conservative reading).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Head and face.
    Head,
    /// Neck and base of skull.
    Neck,
    /// Collarbone, shoulder, top of shoulder, shoulder blade.
    Shoulder,
    /// Chest wall and ribs.
    Chest,
    /// Upper arm.
    UpperArm,
    /// Elbow and forearm.
    Forearm,
    /// Wrist and hand.
    Hand,
    /// Belly.
    Belly,
    /// Mid and upper back.
    UpperBack,
    /// Low back, flank, sacrum, tailbone.
    LowBack,
    /// Hip and buttock.
    Hip,
    /// Thigh.
    Thigh,
    /// Knee.
    Knee,
    /// Lower leg.
    LowerLeg,
    /// Ankle and foot.
    Foot,
}

impl Segment {
    /// The joint of Table 3.6b that a segment belongs to, if any.
    pub const fn joint(self) -> Option<Joint> {
        match self {
            Segment::Knee => Some(Joint::Knee),
            Segment::Hip => Some(Joint::Hip),
            Segment::Shoulder => Some(Joint::Shoulder),
            _ => None,
        }
    }
}

/// The body segment of a region.
pub const fn segment(region: RegionId) -> Segment {
    use RegionId as R;
    match region {
        R::Scalp | R::ForeheadBrow | R::JawTemple => Segment::Head,
        R::NeckFront | R::NeckSide | R::NeckBack | R::CervicalSpine | R::Suboccipital => {
            Segment::Neck
        }
        R::Collarbone
        | R::UpperChest
        | R::ShoulderFront
        | R::Armpit
        | R::ShoulderBack
        | R::ShoulderBlade
        | R::UpperTrapezius => Segment::Shoulder,
        R::Chest | R::Sternum | R::SideRibs | R::LowerRibsFront => Segment::Chest,
        R::UpperArmFront | R::UpperArmInner | R::UpperArmOuter | R::UpperArmBack => {
            Segment::UpperArm
        }
        R::ElbowFront | R::ForearmFront | R::ElbowBack | R::ForearmBack => Segment::Forearm,
        R::WristFront | R::Palm | R::HandBack => Segment::Hand,
        R::UpperAbdomen | R::LowerAbdomen | R::AbdomenSide => Segment::Belly,
        R::BetweenShoulderBlades | R::Lats | R::ThoracicSpine => Segment::UpperBack,
        R::LowerRibsBack
        | R::LumbarSpine
        | R::LowBackMuscles
        | R::QlFlank
        | R::Sacrum
        | R::Tailbone => Segment::LowBack,
        R::HipBoneFront
        | R::HipFlexor
        | R::Tfl
        | R::Groin
        | R::Pubic
        | R::GluteMax
        | R::GluteMed
        | R::DeepGlute
        | R::HipOuterBone
        | R::SitBone => Segment::Hip,
        R::Quadriceps | R::Adductors | R::OuterThigh | R::Hamstrings => Segment::Thigh,
        R::Kneecap | R::KneeInner | R::KneeOuter | R::BackOfKnee => Segment::Knee,
        R::ShinBone
        | R::ShinMuscle
        | R::LowerLegOuter
        | R::Calf
        | R::CalfInnerEdge
        | R::Achilles => Segment::LowerLeg,
        R::AnkleFront | R::AnkleBones | R::FootTop | R::Heel | R::Sole => Segment::Foot,
    }
}

/// The leg, hip to foot, and the arm, shoulder to hand, each from the trunk outward.
const LIMBS: [&[Segment]; 2] = [
    &[
        Segment::Hip,
        Segment::Thigh,
        Segment::Knee,
        Segment::LowerLeg,
        Segment::Foot,
    ],
    &[
        Segment::Shoulder,
        Segment::UpperArm,
        Segment::Forearm,
        Segment::Hand,
    ],
];

/// True when `other` lies further out on the same limb than `injured` (the foot beyond a
/// broken shin): after a recent break, dislocation or operation it is left alone too
/// (§3.11, G4 read conservatively).
pub fn beyond(injured: Segment, other: Segment) -> bool {
    LIMBS.iter().any(|limb| {
        let i = limb.iter().position(|s| *s == injured);
        let o = limb.iter().position(|s| *s == other);
        matches!((i, o), (Some(i), Some(o)) if o > i)
    })
}

/// True for the segments of a leg.
pub fn is_leg(segment: Segment) -> bool {
    LIMBS[0].contains(&segment)
}

/// True for target regions (a helper for the tables' tests and the engine).
pub fn is_target(region: RegionId) -> bool {
    region.def().role == Role::Target
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::Pressure;
    use crate::domain::knowledge::source;
    use std::collections::HashSet;

    #[test]
    fn table_index_matches_the_id() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id as usize, i, "{} is out of place", r.key);
            assert_eq!(RuleId::from_key(r.key), Some(r.id));
        }
        assert!(RULES.len() <= 128);
    }

    #[test]
    fn keys_are_unique() {
        let keys: HashSet<_> = RULES.iter().map(|r| r.key).collect();
        assert_eq!(keys.len(), RULES.len());
    }

    #[test]
    fn every_rule_cites_existing_sources() {
        for r in RULES {
            assert!(!r.sources.is_empty(), "{} has no source", r.key);
            for s in r.sources {
                assert!(source::exists(s), "{} cites unknown source {s}", r.key);
            }
        }
    }

    #[test]
    fn summaries_are_plain_single_lines() {
        for r in RULES {
            assert!(!r.summary.is_empty());
            assert!(r.summary.len() <= 160, "{} summary too long", r.key);
            assert!(!r.summary.contains('\n') && !r.summary.contains('['));
        }
    }

    #[test]
    fn every_target_is_in_exactly_one_tier() {
        for id in RegionId::all() {
            let n = LBP_TIERS.iter().filter(|t| t.contains(&id)).count();
            if is_target(id) {
                assert_eq!(n, 1, "{} in {n} tiers", id.key());
            } else if id != RegionId::ThoracicSpine {
                assert_eq!(n, 0, "{} is not a target but has a tier", id.key());
            }
        }
        assert_eq!(lbp_tier(RegionId::Quadriceps), Some(1));
        assert_eq!(lbp_tier(RegionId::Suboccipital), Some(8));
        assert_eq!(lbp_tier(RegionId::Heel), None);
    }

    #[test]
    fn joint_table_is_consistent() {
        for j in JOINT_RULES {
            assert_eq!(joint_rule(j.joint).joint, j.joint);
            for (z, _) in j.zones {
                assert!(!j.none.contains(z));
                assert!(is_target(*z), "{} zone on a non-target", z.key());
            }
            for w in j.wall_only {
                assert!(is_target(*w) && !j.none.contains(w));
            }
            for n in j.none {
                assert!(n.def().is_bilateral(), "{} must be a sided region", n.key());
            }
        }
    }

    #[test]
    fn region_sets_are_what_they_say() {
        for r in LOW_BACK_SITES.iter().chain(SPINE_AND_RIBS) {
            assert_eq!(r.def().pressure, Pressure::None, "{}", r.key());
        }
        for r in LEG_GROUPS.iter().chain(FLARE_EXCLUDED).chain(GLUTES) {
            assert!(is_target(*r));
        }
        for g in GLUTES {
            assert!(FLARE_EXCLUDED.contains(g));
        }
        for r in LEG_GROUPS {
            assert!(lbp_tier(*r).is_some_and(|t| t <= 4));
        }
    }

    #[test]
    fn joint_segments_cover_table_3_6b() {
        for j in JOINT_RULES {
            for n in j.none {
                assert_eq!(segment(*n).joint(), Some(j.joint), "{}", n.key());
            }
        }
    }

    #[test]
    fn rule_ids_serialize_as_their_keys() {
        assert_eq!(serde_json::to_string(&RuleId::L3b).unwrap(), "\"L3b\"");
        let r: RuleId = serde_json::from_str("\"G3\"").unwrap();
        assert_eq!(r, RuleId::G3);
        assert!(serde_json::from_str::<RuleId>("\"Z9\"").is_err());
    }
}
