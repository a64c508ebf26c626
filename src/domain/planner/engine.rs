//! The planner: `plan(case) -> Plan`, a pure, deterministic function that follows the
//! evaluation order of knowledge base §3.9 with the resolutions of §3.10.
//!
//! ```
//! use fasciamap::domain::planner::case::Case;
//! use fasciamap::domain::planner::engine::{plan, Status};
//! use fasciamap::domain::knowledge::mark::Symptom;
//! use fasciamap::domain::knowledge::region::{RegionId, Side};
//!
//! let mut case = Case::default()
//!     .mark(RegionId::Quadriceps, Side::Right, 3)
//!     .mark(RegionId::Quadriceps, Side::Left, 1)
//!     .mark(RegionId::LowBackMuscles, Side::Left, 2);
//! case.symptoms.push(Symptom::LowBackPain);
//! let p = plan(&case);
//! assert_eq!(p.status, Status::Plan);
//! assert_eq!((p.steps[0].region, p.steps[0].side), (RegionId::Quadriceps, Side::Right));
//! assert!(p.avoid.iter().any(|a| a.region == RegionId::LowBackMuscles));
//! ```
//!
//! ## Stages
//! 1. **Screen** (G1, G6, G2): a red answer returns a stop plan with only its message.
//! 2. **Facts**: marks are folded per region-side (highest severity wins, §3.10 rule 2);
//!    entries whose side does not fit their region are skipped, so an unvalidated case
//!    cannot make the engine panic.
//! 3. **Exclusions**: static (`pressure = none` or not a target, G3), local findings
//!    (G4/G5), conditions (§3.6, Table 3.6b), the flare (L7), amber answers, and painful
//!    spots with fibromyalgia (D5). Excluded marks go to `avoid` with their rule ids.
//! 4. **Chains**: every marked region-side seeds [`chain::reach`]; the strongest path to
//!    each region-side explains steps and orders `to_map`.
//! 5. **Candidates and order**: surviving marked targets, sides classified as tighter,
//!    even, single or lighter (L3/L3b), ordered by the low-back tiers (§3.10 rules 8–10)
//!    or, without low back pain, by severity (rule 11).
//! 6. **Technique and dose**: the first variant whose position loads are all open for this
//!    person (§3.11, [`closer`]) and for which they own an allowed tool, hands as a fallback
//!    with a cheap tool named (T5); doses and session caps of §3.10 rules 12–13 and the
//!    lighter-side and glute rules of §3.11; what does not fit goes to `later`.
//! 7. **Messages and explanations**: every step carries rule ids, source keys, a cue built
//!    for the person (zones, pressure words) and a plain `why` naming the one to three
//!    rules that decided it (`decided_by`).
//!
//! ## Conservative choices (`[CHOICE]`, where the knowledge base leaves room)
//! - `sensitivity: "low"` counts as experienced (T2 tools, 120 s, 10 steps / 20 min) only
//!   when no condition is entered; with any condition it is treated as `"normal"`.
//! - Pregnancy (condition or A3) gets T1 tools, no face-down positions and the amber banner.
//!   A4 (less feeling in the feet) leaves out the sole and top of foot; A5 (pain down one
//!   leg) leaves out the deep buttock over the sciatic nerve.
//! - Firm tools and the rolling pin are never used on `gentle` regions; buttock doses are
//!   45 s for everyone; a lighter side gets half, rounded down to 5 s (at least 10 s).
//! - With osteoporosis, no position loads the trunk or rounds the back (this also moves the
//!   area between the shoulder blades to the wall ball), floor positions come last, and a
//!   hands fallback that needs bending forward (back of thigh, lower leg, foot) is not
//!   offered: the mark goes to `avoid` with T5. Blood-pressure problems also put floor
//!   positions last. Wall-only regions without an owned ball go to `avoid` as well.
//! - Both sides of an even pair stay in the same session: if the caps leave room for only
//!   one, both go to `later`.
//! - The thoracic roller also needs `floor_ok`, an owned soft roller, no spine surgery, no
//!   local finding on the spine and, with fibromyalgia, no painful mid-back mark.
//! - Severity-0 marks ("checked and fine") are neither steps nor `avoid` entries; they only
//!   count as "mapped". `to_map` leaves out region-sides excluded by a condition, a local
//!   finding, the flare or an amber answer.
//! - An operated `region` inside a knee, hip or shoulder segment protects that joint as in
//!   Table 3.6b; a recent break, dislocation or operation protects its whole body segment.
//! - The severity override moves a mark ahead only when the earlier tiers 1–4 hold at least
//!   one candidate (otherwise there is nothing to move ahead of).
//! - Ordering weight (§3.10 rule 11) comes from marks of kind `sore` and from marked
//!   symptom sites; the `chain` shown on a step is the strongest link from any marked area.
//!
//! Position choices under §3.11 (the more conservative reading where it leaves room):
//! - A protected joint with side `mid` (an operated or injured midline region of a joint
//!   segment, e.g. the pubic bone) protects that joint on both sides.
//! - Standing on one leg (rolling a foot while standing) is also closed by osteoporosis,
//!   blood-pressure problems, less feeling in the feet (A4), a protected hip or knee and a
//!   recent injury anywhere in a leg: a fall is the risk, and a seated version always exists.
//! - Lying on a side rests on that shoulder too, so a protected shoulder closes it.
//! - Blood-pressure problems: the "first step" that may not be face down covers both sides
//!   of the first area, so the two sides are done the same way.
//! - A lighter side whose tighter side gets no step today (left alone, or only a wall
//!   position without a ball) is left out too: working it alone would add to the imbalance.
//! - The thoracic roller needs its position open as well (not in pregnancy) and never falls
//!   back to hands on the spine.
//!
//! Speed: everything works on fixed arrays indexed by region-side ("slots"); the only
//! allocations are the output itself. A plan takes a few microseconds (see
//! `benches/plan.rs`).

use crate::domain::knowledge::chain::{self, ChainLink};
use crate::domain::knowledge::mark::{Kind, Symptom};
use crate::domain::knowledge::message::MessageId;
use crate::domain::knowledge::region::{Pressure, RegionId, RegionSide, Role, Side, REGIONS};
use crate::domain::knowledge::rule::{
    self, joint_rule, Joint, RuleId, FLARE_EXCLUDED, GLUTES, LEG_GROUPS, LOW_BACK_SITES,
    OSTEOPOROSIS_EXCLUDED, RULES, SPINE_AND_RIBS, SPINE_REGIONS,
};
use crate::domain::knowledge::screen::{self, FlagId, Outcome};
use crate::domain::knowledge::source::{self, SOURCES};
use crate::domain::knowledge::technique::{
    self, CueFor, Load, LoadKind, Motion, Position, Technique, Tool, Variant, Zone, HANDS_FALLBACK,
    THORACIC_ROLLER,
};
use crate::domain::planner::case::{Case, ConditionId, LocalKind, Sensitivity};
use serde::Serialize;
use std::sync::OnceLock;

/// What kind of plan this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A plan (possibly with no steps).
    Plan,
    /// An RF1–RF6 yes: go to emergency care; no steps.
    StopEmergency,
    /// An RF7–RF12 yes: see a doctor within a day; no steps.
    StopUrgent,
}

/// One step of the plan, in the order to do it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Region.
    pub region: RegionId,
    /// Side (`mid` for the mid-back roller).
    pub side: Side,
    /// Tool to use (owned, or `hands`).
    pub tool: Tool,
    /// Body position.
    pub position: Position,
    /// Dose for this side, in seconds.
    pub seconds: u16,
    /// Every rule id checked for this step (the details of "why?").
    pub rules: Vec<RuleId>,
    /// The one to three rules that decided this step (its place, its side, a position or
    /// dose change, a caution), most important first; each is also in `rules` (§3.11).
    pub decided_by: Vec<RuleId>,
    /// Source keys behind this step.
    pub sources: Vec<&'static str>,
    /// Plain-language explanation for the person.
    pub why: String,
    /// How the tool moves.
    pub motion: Motion,
    /// What to do, built for this person (position, path, pressure words; §3.11).
    pub cue: String,
    /// Short cautions for this area.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<&'static str>,
    /// Only part of the region may be worked (near a protected joint or an inflamed spot);
    /// the first of the zones when there are several (all of them shape `cue` and `why`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<Zone>,
    /// No owned tool fits: this cheap tool would (T5); the step uses hands meanwhile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_tool: Option<Tool>,
    /// The chain path that links this step to another marked area, if one is strong enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<ChainLink>,
    /// The lighter side of an uneven pair, at a reduced dose (L3b).
    #[serde(skip_serializing_if = "is_false")]
    pub lighter: bool,
    /// What the position (and any extra-pressure hint in `cue`) asks of the body (§3.11).
    #[serde(skip)]
    pub loads: Vec<Load>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A marked region-side that gets no step, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Avoid {
    /// Region.
    pub region: RegionId,
    /// Side.
    pub side: Side,
    /// Rule ids that excluded it.
    pub rules: Vec<RuleId>,
    /// Plain reason.
    pub reason: &'static str,
}

/// Why a region-side is suggested for checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MapReason {
    /// One of the leg areas to map first with low back pain (L2).
    LegsFirst,
    /// The unmarked side of a marked area (§3.10 rule 4).
    OtherSide,
    /// Connected along a chain to a marked area (§3.10 rule 5).
    Connected,
}

/// An unmarked region-side worth checking next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToMap {
    /// Region.
    pub region: RegionId,
    /// Side.
    pub side: Side,
    /// Why it is suggested.
    pub reason: MapReason,
    /// The strongest chain path from a marked area, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<ChainLink>,
}

/// A marked region-side that would be worked but waits: it did not fit today's session caps,
/// or (low back pain) it is a buttock or hip area and the legs come first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Later {
    /// Region.
    pub region: RegionId,
    /// Side.
    pub side: Side,
    /// The rules that kept it back: the caps (D7 or D5, E4), or legs first (P4, L6, L2).
    pub rules: Vec<RuleId>,
    /// Plain reason.
    pub reason: &'static str,
}

/// The engine's output (§7.2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// Plan or stop.
    pub status: Status,
    /// Message ids (see [`crate::domain::knowledge::message::text`]), in catalogue order.
    pub messages: Vec<MessageId>,
    /// Steps, in order.
    pub steps: Vec<Step>,
    /// Marked region-sides that get no step.
    pub avoid: Vec<Avoid>,
    /// Unmarked region-sides to check next.
    pub to_map: Vec<ToMap>,
    /// Marked region-sides kept for a later session.
    pub later: Vec<Later>,
}

impl Plan {
    /// Compact JSON of §7.2.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Indented JSON, for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// True when the plan carries `id`.
    pub fn has_message(&self, id: MessageId) -> bool {
        self.messages.contains(&id)
    }

    /// True when a step works a leg (thigh, front of hip, lower leg or foot).
    pub fn has_leg_steps(&self) -> bool {
        self.steps.iter().any(|s| {
            s.region == RegionId::HipFlexor
                || matches!(
                    rule::segment(s.region),
                    rule::Segment::Thigh | rule::Segment::LowerLeg | rule::Segment::Foot
                )
        })
    }

    /// The text of one of this plan's messages, worded for what the plan does (§3.11).
    pub fn message_text(&self, id: MessageId) -> &'static str {
        crate::domain::knowledge::message::text_for(id, self.has_leg_steps())
    }

    /// The step on a region-side, if any.
    pub fn step(&self, region: RegionId, side: Side) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| s.region == region && s.side == side)
    }

    fn stop(status: Status, message: MessageId) -> Plan {
        Plan {
            status,
            messages: vec![message],
            steps: Vec::new(),
            avoid: Vec::new(),
            to_map: Vec::new(),
            later: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Slots: one per region-side, `region index × 2 + (right ? 1 : 0)`; midline regions use
// the even slot only.

const SLOTS: usize = 142;
const UNMARKED: u8 = u8::MAX;

fn slot(rs: RegionSide) -> usize {
    rs.region.index() * 2 + usize::from(rs.side == Side::Right)
}

fn at(slot: usize) -> Option<RegionSide> {
    let def = REGIONS.get(slot / 2)?;
    let side = match (def.is_bilateral(), slot % 2) {
        (true, 0) => Side::Left,
        (true, _) => Side::Right,
        (false, 0) => Side::Mid,
        (false, _) => return None,
    };
    Some(RegionSide {
        region: def.id,
        side,
    })
}

/// Bit sets of rules (u128) and sources (u64) with table-order output.
#[derive(Clone, Copy, Default)]
struct Rules(u128);

impl Rules {
    fn add(&mut self, r: RuleId) {
        self.0 |= r.bit();
    }
    fn with(mut self, r: RuleId) -> Rules {
        self.add(r);
        self
    }
    fn has(self, r: RuleId) -> bool {
        self.0 & r.bit() != 0
    }
    fn list(self) -> Vec<RuleId> {
        RULES
            .iter()
            .map(|r| r.id)
            .filter(|r| self.has(*r))
            .collect()
    }
    fn sources(self) -> u64 {
        let table = rule_source_bits();
        RULES
            .iter()
            .filter(|r| self.has(r.id))
            .filter_map(|r| table.get(r.id as usize))
            .fold(0, |acc, b| acc | b)
    }
}

fn source_bits(keys: &[&str]) -> u64 {
    keys.iter()
        .filter_map(|k| source::index(k))
        .fold(0, |acc, i| acc | (1u64 << i))
}

fn source_list(bits: u64) -> Vec<&'static str> {
    SOURCES
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1u64 << i) != 0)
        .map(|(_, s)| s.key)
        .collect()
}

/// The sources of every rule as bit sets, computed once.
fn rule_source_bits() -> &'static [u64] {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    BITS.get_or_init(|| RULES.iter().map(|r| source_bits(r.sources)).collect())
}

// ---------------------------------------------------------------------------------------
// Facts derived once per plan.

struct Facts<'a> {
    case: &'a Case,
    lbp: bool,
    sev: [u8; SLOTS],
    sore: [bool; SLOTS],
    osteo: bool,
    fibro: bool,
    thinners: bool,
    pressure: bool,
    pregnant: bool,
    experienced: bool,
    /// Tools the rules allow, before region limits.
    allowed: u8,
    /// Tools owned (hands always).
    owned: u8,
    /// Protected joints: (joint, side, rule), from [`Facts::protected_joints`].
    joints: Vec<(Joint, Side, RuleId)>,
    /// A recent break, dislocation or operation somewhere in a leg.
    leg_injury: bool,
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
    fn new(case: &'a Case) -> Facts<'a> {
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

    fn sev(&self, rs: RegionSide) -> Option<u8> {
        self.sev.get(slot(rs)).copied().filter(|v| *v != UNMARKED)
    }

    /// Severity of a marked region-side with severity ≥ 1.
    fn hurts(&self, rs: RegionSide) -> Option<u8> {
        self.sev(rs).filter(|v| *v >= 1)
    }

    fn any_marked(&self, regions: &[RegionId]) -> bool {
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

    fn spine_surgery(&self) -> bool {
        self.case.conditions.iter().any(|c| {
            c.id == ConditionId::PreviousSurgery
                && c.region.is_some_and(|r| SPINE_REGIONS.contains(&r))
        })
    }

    fn hip_surgery(&self) -> bool {
        self.case.conditions.iter().any(|c| {
            c.id == ConditionId::PreviousSurgery
                && (c.joint == Some(Joint::Hip)
                    || c.region
                        .is_some_and(|r| rule::segment(r).joint() == Some(Joint::Hip)))
        })
    }
}
fn sides_meet(a: Side, b: Side) -> bool {
    a == b || a == Side::Mid || b == Side::Mid
}

/// Why a region-side gets no step.
#[derive(Clone, Copy)]
struct Excl {
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
fn exclusion(f: &Facts, rs: RegionSide, with_static: bool) -> Option<Excl> {
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
fn mark_exclusion(f: &Facts, rs: RegionSide, sev: u8) -> Option<Excl> {
    let mut out = exclusion(f, rs, true);
    if f.fibro && sev >= 3 {
        // §3.11: "painful" is said only of a sore mark.
        let sore = f.sore.get(slot(rs)).copied().unwrap_or(false);
        Excl::add(
            &mut out,
            &[RuleId::D5, RuleId::C2],
            if sore {
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
fn zones_of(f: &Facts, rs: RegionSide) -> Vec<(Zone, RuleId)> {
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

// ---------------------------------------------------------------------------------------
// Positions (§3.11): what closes a load for this person.

/// Why a position is closed (or a region is wall-only) for this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Closer {
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
    fn rule(self) -> RuleId {
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
    fn sentence(self, position: Position, tool: Tool) -> String {
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
fn closed(f: &Facts, worked: Side, loads: &[Load], dose: u16, first: bool) -> Option<Closer> {
    loads
        .iter()
        .find_map(|l| closer(f, worked, *l, dose, first))
}

/// Regions that may only get a soft ball against a wall, and why.
fn wall_only(f: &Facts, rs: RegionSide) -> Option<Closer> {
    if f.osteo && matches!(rs.region, RegionId::GluteMax | RegionId::Lats) {
        return Some(Closer::Osteoporosis);
    }
    f.joints
        .iter()
        .find(|(j, s, _)| sides_meet(*s, rs.side) && joint_rule(*j).wall_only.contains(&rs.region))
        .map(|&(j, s, r)| Closer::Joint(j, s, r))
}

/// True when pressure words must stay light for this step (§3.11 "pressure words").
fn light_pressure(f: &Facts, sev: u8) -> bool {
    f.thinners
        || f.fibro
        || f.osteo
        || f.case.sensitivity == Sensitivity::High
        || (!f.experienced && sev >= 3)
}

// ---------------------------------------------------------------------------------------
// Candidates and order.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pair {
    /// The tighter side of an uneven pair.
    Tighter,
    /// Both sides marked equally.
    Even,
    /// Only this side marked (or a midline region).
    Single,
    /// The lighter side of an uneven pair.
    Lighter,
}

#[derive(Clone, Copy)]
struct Cand {
    rs: RegionSide,
    sev: u8,
    other: u8,
    pair: Pair,
    tier: u8,
    moved: bool,
    weight: u16,
    roller: bool,
}

impl Cand {
    fn diff(&self) -> u8 {
        match self.pair {
            Pair::Tighter | Pair::Lighter => self.sev.abs_diff(self.other),
            _ => 0,
        }
    }

    fn group(&self) -> u8 {
        match self.pair {
            Pair::Tighter => 0,
            Pair::Even | Pair::Single => 1,
            Pair::Lighter => 2,
        }
    }

    fn key(&self, lbp: bool) -> (u8, u8, u8, u8, u8, u16, usize) {
        let s = slot(self.rs);
        if lbp {
            let eff = if self.moved { 0 } else { self.tier };
            (
                eff,
                self.tier,
                self.group(),
                u8::MAX - self.diff(),
                u8::MAX - self.sev,
                u16::MAX - self.weight,
                s,
            )
        } else {
            (
                u8::from(self.pair == Pair::Lighter),
                u8::MAX - self.sev,
                u8::MAX - self.diff(),
                0,
                0,
                u16::MAX - self.weight,
                s,
            )
        }
    }

    fn glute_or_tfl(&self) -> bool {
        self.rs.region == RegionId::Tfl || GLUTES.contains(&self.rs.region)
    }
}

fn pair_of(f: &Facts, rs: RegionSide, sev: u8) -> (Pair, u8) {
    if rs.side == Side::Mid {
        return (Pair::Single, 0);
    }
    match f.sev(rs.mirror()) {
        None => (Pair::Single, 0),
        Some(o) if o == sev => (Pair::Even, o),
        Some(o) if o < sev => (Pair::Tighter, o),
        Some(o) => (Pair::Lighter, o),
    }
}

// ---------------------------------------------------------------------------------------
// Technique choice and dose.

struct Choice {
    variant: &'static Variant,
    tool: Tool,
    suggested: Option<Tool>,
    /// What closed the position that would otherwise have been used.
    closed_by: Option<Closer>,
}

fn region_tools(f: &Facts, region: RegionId, wall: bool) -> u8 {
    let mut bits = f.allowed;
    if technique::is_gentle(region) || wall {
        bits &= !(Tool::RubberBall.bit()
            | Tool::LacrosseBall.bit()
            | Tool::MediumRoller.bit()
            | Tool::RollingPin.bit());
    }
    bits
}

/// Picks variant and tool: the first variant (floor last for some people) whose loads are
/// all open and for which the person owns an allowed tool; then a hands variant; then the
/// hands fallback. `None` when the region can only be done at a wall with a ball the person
/// does not own, or (osteoporosis) only by bending forward.
fn choose(
    f: &Facts,
    rs: RegionSide,
    tech: &'static Technique,
    dose: u16,
    first: bool,
) -> Option<Choice> {
    let wall = wall_only(f, rs);
    let allowed = region_tools(f, rs.region, wall.is_some());
    let floor_last = f.osteo || f.pressure || !f.case.floor_ok;
    let in_order = || {
        let first = tech
            .variants
            .iter()
            .filter(move |v| !floor_last || v.position != Position::Floor);
        let second = tech
            .variants
            .iter()
            .filter(move |v| floor_last && v.position == Position::Floor);
        first.chain(second)
    };
    let shut = |v: &Variant| -> Option<Closer> {
        if let Some(w) = wall {
            if v.position != Position::Wall {
                return Some(w);
            }
        }
        if f.osteo && rs.region == RegionId::Hamstrings && v.position != Position::Chair {
            return Some(Closer::Osteoporosis);
        }
        closed(f, rs.side, v.loads, dose, first)
    };
    let usable = |v: &Variant| {
        v.tools
            .iter()
            .find(|t| **t != Tool::Hands && allowed & t.bit() != 0 && f.owned & t.bit() != 0)
            .copied()
    };
    let mut closed_by = None;
    for v in in_order() {
        let Some(tool) = usable(v) else { continue };
        match shut(v) {
            Some(c) => {
                closed_by = closed_by.or(Some(c));
            }
            None => {
                return Some(Choice {
                    variant: v,
                    tool,
                    suggested: None,
                    closed_by,
                })
            }
        }
    }
    // T5: name the cheapest allowed tool that would do in an open position.
    let suggested = [
        Tool::TennisBall,
        Tool::RollingPin,
        Tool::SoftRoller,
        Tool::RubberBall,
    ]
    .into_iter()
    .find(|t| {
        allowed & t.bit() != 0 && in_order().any(|v| v.tools.contains(t) && shut(v).is_none())
    });
    // Never hands on the spine: the mid-back roller has no fallback.
    if wall.is_some()
        || (f.osteo && needs_bending_by_hand(rs.region))
        || tech.region == RegionId::ThoracicSpine
    {
        return None;
    }
    let hands = in_order()
        .find(|v| v.tools.contains(&Tool::Hands) && shut(v).is_none())
        .unwrap_or(&HANDS_FALLBACK);
    Some(Choice {
        variant: hands,
        tool: Tool::Hands,
        suggested,
        closed_by,
    })
}

/// Regions that can only be reached by hand by bending forward (no hands fallback with
/// osteoporosis, §3.10 rule 14).
fn needs_bending_by_hand(region: RegionId) -> bool {
    region == RegionId::Hamstrings
        || matches!(
            rule::segment(region),
            rule::Segment::LowerLeg | rule::Segment::Foot
        )
}

/// The dose of a step before the lighter-side rule (§3.10 rule 13).
fn dose(f: &Facts, c: &Cand, tech: &Technique) -> u16 {
    let base: u16 = if GLUTES.contains(&c.rs.region) {
        45
    } else if f.experienced {
        120
    } else {
        90
    };
    let mut d = base.min(tech.cap_seconds);
    if technique::is_gentle(c.rs.region)
        || c.sev >= 3
        || f.case.sensitivity == Sensitivity::High
        || f.fibro
        || f.thinners
    {
        d = d.min(60);
    }
    d
}

/// The lighter side's dose (§3.11 "doses match the words"): at most its own dose and half
/// of what the tighter side actually gets, rounded down to 5 s; `None` (left out) under
/// 20 s, or under 30 s for a buttock area (D2 says 30–60 s).
fn lighter_dose(own: u16, tighter: u16, region: RegionId) -> Option<u16> {
    let d = own.min(tighter / 2 / 5 * 5);
    let floor = if GLUTES.contains(&region) { 30 } else { 20 };
    (d >= floor).then_some(d)
}

// ---------------------------------------------------------------------------------------
// Explanations.

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Mid => "middle",
    }
}

fn tier_sentence(tier: u8) -> &'static str {
    match tier {
        1 => "With low back pain the front of the thigh and hip come first: tension there often pulls on the low back.",
        2 => "The inner thigh is next in the leg order for low back pain.",
        3 => "The outer thigh is third in the leg order; it is pressed and held, not rolled.",
        4 => "The back of the thigh is the last of the four leg areas for low back pain.",
        5 => "The side of the back and the shoulder come after the legs.",
        6 => "Calves and feet can add strain through the way you walk, so they follow the thigh areas.",
        7 => "Buttock and hip areas come after the leg work, so the back is not unsettled too early.",
        _ => "Upper-body work is optional and comes last.",
    }
}

/// The plain "why" of a step and the one to three rules that decided it (§3.11).
struct Why {
    text: String,
    decided_by: Vec<RuleId>,
}

struct WhyInput<'a> {
    c: &'a Cand,
    choice: &'a Choice,
    zones: &'a [(Zone, RuleId)],
    partner_out: bool,
}

fn why(f: &Facts, w: WhyInput) -> Why {
    let WhyInput {
        c,
        choice,
        zones,
        partner_out,
    } = w;
    let mut text = String::with_capacity(400);
    let mut put = |s: &str| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(s);
    };
    let mut decided: Vec<RuleId> = Vec::with_capacity(3);
    let mut decide = |r: RuleId| {
        if decided.len() < 3 && !decided.contains(&r) {
            decided.push(r);
        }
    };
    // Its place in the order.
    if c.roller {
        put("You chose the roller for the mid-back: keep it between the shoulder blades and move slowly.");
        decide(RuleId::R2);
    }
    if f.lbp {
        put(tier_sentence(c.tier));
        if c.moved {
            put("You marked it much stronger than the leg areas before it, so it moves to the front.");
            decide(RuleId::E1);
        } else {
            decide(match c.tier {
                1..=4 => RuleId::L4,
                5 => RuleId::L5,
                6 => RuleId::L9,
                7 => RuleId::L6,
                _ => RuleId::L10,
            });
        }
    } else if !c.roller {
        let what = match f.sore.get(slot(c.rs)) {
            Some(true) => "soreness",
            _ => "tightness",
        };
        let level = match c.sev {
            1 => "mild",
            2 => "moderate",
            _ => "strong",
        };
        put(&format!("You marked {level} {what} here."));
        decide(RuleId::E2);
    }
    // Its side.
    let side = side_word(c.rs.side);
    let other = side_word(c.rs.side.mirror());
    match c.pair {
        Pair::Tighter => {
            put(&format!(
                "Your {side} side is tighter ({} against {} on the {other}), so it goes first and gets more time than the {other}.",
                c.sev, c.other
            ));
            decide(RuleId::L3);
        }
        Pair::Lighter => {
            put(&format!(
                "This is the lighter side ({} against {} on the {other}), so it gets half the time or less today; compare both sides again next time.",
                c.sev, c.other
            ));
            decide(RuleId::L3b);
        }
        Pair::Even if partner_out => put(&format!(
            "Your {other} side feels the same but is left alone today (see \"Leave alone\")."
        )),
        Pair::Even => {
            put("Both sides feel the same, so both get the same time.");
            decide(RuleId::L3);
        }
        Pair::Single if c.rs.side != Side::Mid => put(&format!(
            "Only your {side} side is marked; check the {other} side too."
        )),
        Pair::Single => {}
    }
    // A position or dose change, a caution.
    if let Some(cl) = choice.closed_by {
        put(&cl.sentence(choice.variant.position, choice.tool));
        decide(cl.rule());
    }
    for (z, r) in zones {
        put(z.text());
        decide(*r);
    }
    if c.sev >= 3 {
        let sore = f.sore.get(slot(c.rs)).copied().unwrap_or(false);
        put(if sore {
            "You marked it as painful, so keep it short and light."
        } else {
            "It is one of your strongest spots: start gently and keep it short."
        });
        decide(RuleId::D4);
    }
    if let Some(t) = choice.suggested {
        put(&format!(
            "None of your tools fits here, so use your hands for now; {} would do.",
            t.name()
        ));
        decide(RuleId::T5);
    }
    if f.osteo {
        put("Soft tools only, because of osteoporosis.");
        decide(RuleId::C1);
    }
    if f.thinners {
        put("Light pressure only, because of blood thinners.");
        decide(RuleId::C3);
    }
    if f.fibro {
        put("Very soft and short, because of fibromyalgia.");
        decide(RuleId::C2);
    }
    Why {
        text,
        decided_by: decided,
    }
}
// ---------------------------------------------------------------------------------------
// The plan.

/// Plans a session for `case`. Pure and deterministic; never panics.
pub fn plan(case: &Case) -> Plan {
    match screen::screen(&case.red_flags) {
        Outcome::Emergency => return Plan::stop(Status::StopEmergency, MessageId::StopEmergency),
        Outcome::Urgent => return Plan::stop(Status::StopUrgent, MessageId::StopUrgent),
        Outcome::Clear | Outcome::Amber => {}
    }
    let f = Facts::new(case);
    let mut messages: u64 = 0;
    let mut msg = |m: MessageId| messages |= m.bit();

    // Chains: the strongest link to every slot from any marked area, and the weight from
    // sore marks and symptom sites used to break ties (§3.10 rules 5, 6, 11).
    let mut best: [Option<(f32, ChainLink)>; SLOTS] = [None; SLOTS];
    let mut order_weight = [0f32; SLOTS];
    for (s, &sev) in f.sev.iter().enumerate() {
        if sev == UNMARKED || sev == 0 {
            continue;
        }
        let Some(seed) = at(s) else { continue };
        let seeds_order =
            f.sore.get(s).copied().unwrap_or(false) || seed.region.def().role == Role::Symptom;
        chain::reach(seed, |r| {
            let t = slot(r.target);
            if let Some(b) = best.get_mut(t) {
                if b.is_none_or(|(w, _)| r.weight > w) {
                    *b = Some((r.weight, r.link));
                }
            }
            if seeds_order {
                if let Some(o) = order_weight.get_mut(t) {
                    *o = o.max(r.weight);
                }
            }
        });
    }
    let link_at = |rs: RegionSide| best.get(slot(rs)).copied().flatten();

    // Thoracic roller eligibility (§3.10 rule 18).
    let thoracic = RegionSide {
        region: RegionId::ThoracicSpine,
        side: Side::Mid,
    };
    let thor_sev = f.hurts(thoracic);
    let bsb_sev = [Side::Left, Side::Right]
        .iter()
        .filter_map(|s| {
            f.hurts(RegionSide {
                region: RegionId::BetweenShoulderBlades,
                side: *s,
            })
        })
        .max();
    let mid_back_marked = thor_sev.is_some() || bsb_sev.is_some();
    let roller_ok = case.prefs.thoracic_roller_opt_in
        && !f.osteo
        && !case.acute_flare
        && case.floor_ok
        && f.owned & Tool::SoftRoller.bit() != 0
        && !f.spine_surgery()
        && exclusion(&f, thoracic, false).is_none()
        && mid_back_marked
        // §3.11: its position (weight on the upper back) must be open, e.g. not in pregnancy.
        && THORACIC_ROLLER
            .variants
            .iter()
            .all(|v| closed(&f, Side::Mid, v.loads, THORACIC_ROLLER.cap_seconds, false).is_none())
        // D5: painful spots are skipped with fibromyalgia.
        && !(f.fibro && thor_sev.max(bsb_sev).unwrap_or(0) >= 3);
    if mid_back_marked && !roller_ok {
        msg(MessageId::ThoracicRollerExcluded);
    }

    // Exclusions and candidates.
    let mut avoid: Vec<Avoid> = Vec::new();
    let mut cands: Vec<Cand> = Vec::with_capacity(16);
    let mut low_back_excluded = false;
    for (s, &sev) in f.sev.iter().enumerate() {
        if sev == UNMARKED || sev == 0 {
            continue;
        }
        let Some(rs) = at(s) else { continue };
        if rs == thoracic && roller_ok {
            continue;
        }
        if let Some(e) = mark_exclusion(&f, rs, sev) {
            let mut rules = e.rules;
            if rs == thoracic && f.osteo {
                rules.add(RuleId::C1);
            }
            if LOW_BACK_SITES.contains(&rs.region) || SPINE_AND_RIBS.contains(&rs.region) {
                low_back_excluded = true;
            }
            avoid.push(Avoid {
                region: rs.region,
                side: rs.side,
                rules: rules.list(),
                reason: e.reason,
            });
            continue;
        }
        let (pair, other) = pair_of(&f, rs, sev);
        cands.push(Cand {
            rs,
            sev,
            other,
            pair,
            tier: rule::lbp_tier(rs.region).unwrap_or(8),
            moved: false,
            weight: (order_weight.get(s).copied().unwrap_or(0.0) * 1000.0) as u16,
            roller: false,
        });
    }
    if roller_ok {
        let sev = thor_sev.max(bsb_sev).unwrap_or(1);
        cands.push(Cand {
            rs: thoracic,
            sev,
            other: 0,
            pair: Pair::Single,
            tier: 8,
            moved: false,
            weight: 0,
            roller: true,
        });
    }
    if low_back_excluded {
        msg(MessageId::NoDirectLowBack);
    }

    // Severity override (§3.10 rule 10): only ahead of earlier tiers 1–4 that hold candidates.
    if f.lbp {
        let mut tier_max = [None::<u8>; 9];
        for c in &cands {
            if let Some(m) = tier_max.get_mut(usize::from(c.tier)) {
                *m = (*m).max(Some(c.sev));
            }
        }
        for c in cands.iter_mut() {
            if (2..=6).contains(&c.tier) {
                let earlier = tier_max
                    .iter()
                    .take(usize::from(c.tier.min(5)))
                    .copied()
                    .flatten()
                    .max();
                c.moved = earlier.is_some_and(|m| c.sev >= m + 2);
            }
        }
    }
    cands.sort_by_key(|c| c.key(f.lbp));

    // Steps within the session caps (§3.10 rule 12).
    let (max_steps, max_secs, cap_rule) = if f.fibro {
        (4usize, 240u32, RuleId::D5)
    } else if f.experienced {
        (10, 1200, RuleId::D7)
    } else {
        (6, 720, RuleId::D7)
    };
    let mut steps: Vec<Step> = Vec::with_capacity(cands.len().min(max_steps));
    let mut later: Vec<Later> = Vec::new();
    let mut total: u32 = 0;
    let mut full = false;
    // Technique first, so that what cannot be done at all (a wall-only region without a
    // ball) is known before the caps pair sides up.
    let mut planned: Vec<(&Cand, &'static Technique, u16, Choice)> =
        Vec::with_capacity(cands.len());
    let mut feasible = [false; SLOTS];
    for c in &cands {
        let tech: &'static Technique = if c.roller {
            &THORACIC_ROLLER
        } else {
            match technique::for_region(c.rs.region) {
                Some(t) => t,
                None => continue,
            }
        };
        let seconds = dose(&f, c, tech);
        match choose(&f, c.rs, tech, seconds, false) {
            Some(choice) => {
                if let Some(x) = feasible.get_mut(slot(c.rs)) {
                    *x = true;
                }
                planned.push((c, tech, seconds, choice));
            }
            None => {
                let by = wall_only(&f, c.rs).map_or(RuleId::C1, |w| w.rule());
                avoid.push(Avoid {
                    region: c.rs.region,
                    side: c.rs.side,
                    rules: Rules::default().with(by).with(RuleId::T5).list(),
                    reason: "Only a ball in a protected position (against a wall or on a chair) is safe here, and no ball is on your tool list.",
                });
            }
        }
    }
    // §3.11: with low back pain, glutes and TFL never stand alone. Legs checked and fine
    // means every leg area of tiers 1–4 was rated 0 on both sides.
    let legs_fine = LEG_GROUPS.iter().all(|r| {
        [Side::Left, Side::Right].iter().all(|s| {
            f.sev(RegionSide {
                region: *r,
                side: *s,
            }) == Some(0)
        })
    });
    let mut processed = [false; SLOTS];
    let mut given = [0u16; SLOTS];
    let mut even_worked = false;
    let mut legs_first = false;
    for (c, tech, base, choice) in planned {
        let s = slot(c.rs);
        if let Some(done) = processed.get_mut(s) {
            *done = true;
        }
        let partner = slot(c.rs.mirror());
        let partner_feasible = feasible.get(partner).copied().unwrap_or(false);
        let later_for = |rules: Rules, reason: &'static str| Later {
            region: c.rs.region,
            side: c.rs.side,
            rules: rules.list(),
            reason,
        };
        if f.lbp
            && c.glute_or_tfl()
            && !legs_fine
            && !steps
                .iter()
                .any(|st| rule::lbp_tier(st.region).is_some_and(|t| t <= 4))
        {
            legs_first = true;
            later.push(later_for(
                Rules::default()
                    .with(RuleId::P4)
                    .with(RuleId::L6)
                    .with(RuleId::L2),
                "Comes after your legs: check and mark the four leg areas first.",
            ));
            continue;
        }
        let mut seconds = base;
        if c.pair == Pair::Lighter && !full {
            let tighter = given.get(partner).copied().unwrap_or(0);
            match lighter_dose(base, tighter, c.rs.region) {
                Some(d) => seconds = d,
                None => {
                    avoid.push(Avoid {
                        region: c.rs.region,
                        side: c.rs.side,
                        rules: Rules::default().with(RuleId::L3b).with(RuleId::R6).list(),
                        reason: "Only your tighter side is worked today, so the difference between your sides can even out; compare both sides again next time.",
                    });
                    continue;
                }
            }
        }
        // Both sides of an even pair stay together: if the partner is still to come, there
        // must be room for both, or both wait (keeps the session balanced).
        let partner_pending = c.pair == Pair::Even
            && partner_feasible
            && !processed.get(partner).copied().unwrap_or(true);
        let (need_steps, need_secs) = if partner_pending {
            (2, 2 * u32::from(seconds))
        } else {
            (1, u32::from(seconds))
        };
        if full || steps.len() + need_steps > max_steps || total + need_secs > max_secs {
            full = true;
            later.push(later_for(
                Rules::default().with(cap_rule).with(RuleId::E4),
                "Did not fit in today's session.",
            ));
            continue;
        }
        // Blood-pressure problems: never face down as the first step (§3.11); both sides of
        // the first area are done the same way.
        let first = steps.first().is_none_or(|st| st.region == c.rs.region);
        let choice = if first && f.pressure && choice.variant.has(LoadKind::Prone) {
            match choose(&f, c.rs, tech, seconds, true) {
                Some(ch) => ch,
                None => continue,
            }
        } else {
            choice
        };
        total += u32::from(seconds);
        if let Some(g) = given.get_mut(s) {
            *g = seconds;
        }
        if c.pair == Pair::Even && given.get(partner).is_some_and(|g| *g > 0) {
            even_worked = true;
        }
        let input = StepInput {
            c,
            tech,
            choice,
            seconds,
            link: link_at(c.rs),
            partner_out: c.pair == Pair::Even && !partner_feasible,
            first,
        };
        steps.push(make_step(&f, input));
    }
    avoid.sort_by_key(|a| {
        slot(RegionSide {
            region: a.region,
            side: a.side,
        })
    });

    // Messages.
    let has_steps = !steps.is_empty();
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
        if unmapped || legs_first {
            msg(MessageId::MapLegsFirst);
        }
    }
    // §3.11: only when the plan works at least one even pair.
    if even_worked && no_lr_difference(&f) {
        msg(MessageId::NoLrDifference);
    }
    if case.acute_flare {
        msg(MessageId::GlutesLater);
    }
    let tension = case.has_symptom(Symptom::NeckShoulderTension);
    if has_steps {
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

    let to_map = to_map(&f, &best);
    Plan {
        status: Status::Plan,
        messages: MessageId::all()
            .filter(|m| messages & m.bit() != 0)
            .collect(),
        steps,
        avoid,
        to_map,
        later,
    }
}

struct StepInput<'a> {
    c: &'a Cand,
    tech: &'static Technique,
    choice: Choice,
    seconds: u16,
    link: Option<(f32, ChainLink)>,
    partner_out: bool,
    first: bool,
}

fn make_step(f: &Facts, input: StepInput) -> Step {
    let StepInput {
        c,
        tech,
        choice,
        seconds,
        link,
        partner_out,
        first,
    } = input;
    let mut rules = Rules::default().with(RuleId::B1).with(RuleId::G7);
    if f.lbp {
        match c.tier {
            1..=4 => {
                rules.add(RuleId::L1);
                rules.add(RuleId::L4);
                rules.add(RuleId::R5);
            }
            5 => rules.add(RuleId::L5),
            6 => rules.add(RuleId::L9),
            7 => {
                rules.add(RuleId::L6);
                rules.add(RuleId::R4);
                rules.add(RuleId::P4);
            }
            _ => rules.add(RuleId::L10),
        }
        if c.moved {
            rules.add(RuleId::E1);
        }
    } else {
        rules.add(RuleId::E2);
    }
    match c.pair {
        Pair::Tighter => {
            rules.add(RuleId::L3);
            rules.add(RuleId::R6);
        }
        Pair::Lighter => rules.add(RuleId::L3b),
        Pair::Even => rules.add(RuleId::L3),
        Pair::Single => {}
    }
    // Dose rules.
    if GLUTES.contains(&c.rs.region) {
        rules.add(RuleId::D2);
    } else if f.experienced {
        rules.add(RuleId::D3);
    } else {
        rules.add(RuleId::D1);
    }
    if c.sev >= 3 {
        rules.add(RuleId::D4);
    }
    // Tool rules.
    if f.experienced {
        rules.add(RuleId::T2);
    } else {
        rules.add(RuleId::T1);
    }
    if f.fibro {
        rules.add(RuleId::C2);
        rules.add(RuleId::D5);
    }
    if f.thinners {
        rules.add(RuleId::C3);
    }
    if f.osteo {
        rules.add(RuleId::C1);
    }
    if f.pressure {
        rules.add(RuleId::C4);
    }
    if f.pregnant {
        rules.add(RuleId::C8);
    }
    if !f.case.floor_ok {
        rules.add(RuleId::T3);
        rules.add(RuleId::C6);
    }
    if let Some(w) = wall_only(f, c.rs) {
        rules.add(w.rule());
    }
    if let Some(cl) = choice.closed_by {
        rules.add(RuleId::P1);
        rules.add(cl.rule());
    }
    if choice.suggested.is_some() {
        rules.add(RuleId::T5);
    }
    if c.rs.region == RegionId::OuterThigh {
        rules.add(RuleId::R3);
    }
    if c.rs.region == RegionId::Adductors && choice.tool == Tool::SoftRoller {
        rules.add(RuleId::T4);
    }
    if choice.variant.position == Position::Chair {
        rules.add(RuleId::T6);
    }
    if c.roller || c.rs.region == RegionId::BetweenShoulderBlades {
        rules.add(RuleId::R2);
    }
    let zones = zones_of(f, c.rs);
    for (_, by) in &zones {
        rules.add(*by);
        rules.add(RuleId::P2);
    }
    let light = light_pressure(f, c.sev);
    if light {
        rules.add(RuleId::P5);
    }
    let link = link.map(|(_, l)| l);
    let mut sources = rules.sources() | source_bits(tech.sources);
    if let Some(l) = &link {
        rules.add(RuleId::E3);
        sources |= source_bits(l.chain.def().sources) | rules.sources();
    }
    let zone_list: Vec<Zone> = zones.iter().map(|(z, _)| *z).collect();
    let more_open = choice
        .variant
        .more
        .as_ref()
        .is_some_and(|m| closed(f, c.rs.side, m.loads, seconds, first).is_none());
    let mut loads = choice.variant.loads.to_vec();
    if let (Some(m), true, false) = (&choice.variant.more, more_open, light) {
        loads.extend_from_slice(m.loads);
    }
    let cue = choice.variant.cue(CueFor {
        tool: Some(choice.tool),
        zones: &zone_list,
        light,
        more_open,
    });
    let w = why(
        f,
        WhyInput {
            c,
            choice: &choice,
            zones: &zones,
            partner_out,
        },
    );
    Step {
        region: c.rs.region,
        side: c.rs.side,
        tool: choice.tool,
        position: choice.variant.position,
        seconds,
        rules: rules.list(),
        decided_by: w.decided_by,
        sources: source_list(sources),
        why: w.text,
        motion: choice.variant.motion,
        cue,
        cautions: tech.cautions.to_vec(),
        zone: zone_list.first().copied(),
        suggested_tool: choice.suggested,
        chain: link,
        lighter: c.pair == Pair::Lighter,
        loads,
    }
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

fn to_map(f: &Facts, best: &[Option<(f32, ChainLink)>; SLOTS]) -> Vec<ToMap> {
    let mut class = [u8::MAX; SLOTS];
    let open = |rs: RegionSide| f.sev(rs).is_none() && exclusion(f, rs, false).is_none();
    if f.lbp {
        for r in LEG_GROUPS {
            for side in [Side::Left, Side::Right] {
                let rs = RegionSide { region: *r, side };
                if open(rs) {
                    if let Some(c) = class.get_mut(slot(rs)) {
                        *c = 0;
                    }
                }
            }
        }
    }
    for (s, &sev) in f.sev.iter().enumerate() {
        if sev == UNMARKED || sev == 0 {
            continue;
        }
        let Some(rs) = at(s) else { continue };
        if rs.side == Side::Mid || !rule::is_target(rs.region) {
            continue;
        }
        let other = rs.mirror();
        if open(other) {
            if let Some(c) = class.get_mut(slot(other)) {
                *c = (*c).min(1);
            }
        }
    }
    for (s, b) in best.iter().enumerate() {
        if b.is_some() {
            if let Some(rs) = at(s) {
                if open(rs) {
                    if let Some(c) = class.get_mut(s) {
                        *c = (*c).min(2);
                    }
                }
            }
        }
    }
    let mut out: Vec<(u8, u16, u8, usize, ToMap)> = Vec::new();
    for (s, &c) in class.iter().enumerate() {
        if c == u8::MAX {
            continue;
        }
        let Some(rs) = at(s) else { continue };
        let link = best.get(s).copied().flatten();
        let weight = link.map_or(0, |(w, _)| (w * 1000.0) as u16);
        let reason = match c {
            0 => MapReason::LegsFirst,
            1 => MapReason::OtherSide,
            _ => MapReason::Connected,
        };
        let tier = if c == 0 {
            rule::lbp_tier(rs.region).unwrap_or(8)
        } else {
            0
        };
        out.push((
            c,
            u16::MAX - weight,
            tier,
            s,
            ToMap {
                region: rs.region,
                side: rs.side,
                reason,
                chain: link.map(|(_, l)| l),
            },
        ));
    }
    // Leg prompts in tier order; the others by chain weight; then catalogue order.
    out.sort_by_key(|(c, w, tier, s, _)| {
        if *c == 0 {
            (*c, *tier, 0, *s)
        } else {
            (*c, 0, *w, *s)
        }
    });
    out.into_iter().map(|(.., m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::planner::case::Condition;

    fn lbp() -> Case {
        Case {
            symptoms: vec![Symptom::LowBackPain],
            ..Case::default()
        }
    }

    #[test]
    fn slots_cover_every_region_side_once() {
        assert_eq!(SLOTS, REGIONS.len() * 2);
        let mut seen = std::collections::HashSet::new();
        for rs in RegionSide::all() {
            let s = slot(rs);
            assert!(s < SLOTS);
            assert!(seen.insert(s));
            assert_eq!(at(s), Some(rs));
        }
    }

    #[test]
    fn an_empty_case_gives_an_empty_plan_with_no_step_messages() {
        let p = plan(&Case::default());
        assert_eq!(p.status, Status::Plan);
        assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty());
        assert!(!p.has_message(MessageId::Breathing426));
    }

    #[test]
    fn red_flags_stop_everything() {
        let mut c = lbp().mark(RegionId::Quadriceps, Side::Right, 3);
        c.red_flags = vec![FlagId::RF9, FlagId::RF2];
        let p = plan(&c);
        assert_eq!(p.status, Status::StopEmergency);
        assert_eq!(p.messages, vec![MessageId::StopEmergency]);
        assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty());
    }

    #[test]
    fn severity_override_moves_a_much_stronger_calf_ahead_of_the_legs() {
        let c = lbp()
            .mark(RegionId::Quadriceps, Side::Left, 1)
            .mark(RegionId::Calf, Side::Left, 3);
        let p = plan(&c);
        assert_eq!(p.steps[0].region, RegionId::Calf);
        assert!(p.steps[0].rules.contains(&RuleId::E1));
        // Without an earlier-tier mark nothing moves.
        let c = lbp()
            .mark(RegionId::Lats, Side::Left, 1)
            .mark(RegionId::Calf, Side::Left, 3);
        let p = plan(&c);
        assert_eq!(p.steps[0].region, RegionId::Lats);
    }

    #[test]
    fn hands_only_names_a_cheap_tool() {
        let mut c = Case::default().mark(RegionId::Calf, Side::Left, 2);
        c.tools = Some(vec![]);
        let p = plan(&c);
        assert_eq!(p.steps[0].tool, Tool::Hands);
        assert_eq!(p.steps[0].suggested_tool, Some(Tool::TennisBall));
        assert!(p.steps[0].rules.contains(&RuleId::T5));
    }

    #[test]
    fn the_thoracic_roller_needs_the_opt_in() {
        let mut c = Case::default().mark(RegionId::ThoracicSpine, Side::Mid, 2);
        let p = plan(&c);
        assert!(p.steps.is_empty());
        assert!(p.has_message(MessageId::ThoracicRollerExcluded));
        c.prefs.thoracic_roller_opt_in = true;
        let p = plan(&c);
        let s = &p.steps[0];
        assert_eq!(
            (s.region, s.side, s.tool, s.position),
            (
                RegionId::ThoracicSpine,
                Side::Mid,
                Tool::SoftRoller,
                Position::Floor
            )
        );
        assert!(s.seconds <= 60);
        c.conditions
            .push(Condition::plain(ConditionId::Osteoporosis));
        let p = plan(&c);
        assert!(p.steps.is_empty());
        assert!(p.avoid[0].rules.contains(&RuleId::C1));
    }

    #[test]
    fn caps_move_the_tail_to_later() {
        let mut c = Case::default();
        for r in [
            RegionId::Quadriceps,
            RegionId::Hamstrings,
            RegionId::Calf,
            RegionId::Adductors,
        ] {
            c = c.mark(r, Side::Left, 2).mark(r, Side::Right, 2);
        }
        let p = plan(&c);
        assert_eq!(p.steps.len(), 6);
        assert_eq!(p.later.len(), 2);
        assert!(p.steps.iter().map(|s| u32::from(s.seconds)).sum::<u32>() <= 720);
    }

    #[test]
    fn a_wrong_side_in_an_unvalidated_case_is_skipped_not_a_panic() {
        let mut c = Case::default().mark(RegionId::Calf, Side::Left, 2);
        c.marks.push(crate::domain::knowledge::mark::Mark {
            region: RegionId::Sternum,
            side: Side::Left,
            severity: crate::domain::knowledge::mark::Severity::STRONG,
            kind: Kind::Sore,
        });
        c.local.push(crate::domain::planner::case::LocalFinding {
            region: RegionId::Calf,
            side: Side::Mid,
            kind: LocalKind::Fracture,
        });
        let p = plan(&c);
        assert_eq!(p.steps.len(), 1);
    }
}
