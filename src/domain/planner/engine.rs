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
//! [`plan`] runs them in this order; each after the first lives in a private file of
//! `engine/`. Region-sides are indexed as slots (`slots.rs`, which also holds the bit sets
//! of rules and sources that steps and `avoid` entries carry).
//! 1. **Screen** (G1, G6, G2, in [`plan`] itself): a red answer returns a stop plan with
//!    only its message.
//! 2. **Facts** (`facts.rs`): marks are folded per region-side (highest severity wins, §3.10
//!    rule 2); entries whose side does not fit their region are skipped, so an unvalidated
//!    case cannot make the engine panic.
//! 3. **Exclusions** (`exclude.rs`): static (`pressure = none` or not a target, G3), local
//!    findings (G4/G5), conditions (§3.6, Table 3.6b), the flare (L7), amber answers, and
//!    painful spots with fibromyalgia (D5). Excluded marks go to `avoid` with their rule ids.
//!    A marked mid-back with an eligible roller (`roller.rs`, §3.10 rule 18) is kept apart.
//! 4. **Chains** (`chains.rs`): every marked region-side seeds
//!    [`chain::reach`](crate::domain::knowledge::chain::reach); the strongest path to each
//!    region-side explains steps and orders `to_map`.
//! 5. **Candidates and order** (`order.rs`): surviving marked targets, sides classified as
//!    tighter, even, single or lighter (L3/L3b), ordered by the low-back tiers (§3.10 rules
//!    8–10) or, without low back pain, by severity (rule 11).
//! 6. **Technique and dose** (`choose.rs`, `positions.rs`, `steps.rs`): the first variant
//!    whose position loads are all open for this person (§3.11, `positions.rs`) and for
//!    which they own an allowed tool, hands as a fallback with a cheap tool named (T5);
//!    doses and session caps of §3.10 rules 12–13 and the lighter-side and glute rules of
//!    §3.11 (`steps.rs`); what does not fit goes to `later`.
//! 7. **Messages and explanations** (`step.rs`, `explain.rs`, `notes.rs`): every step
//!    carries rule ids, source keys, a cue built for the person (zones, pressure words) and
//!    a plain `why` naming the one to three rules that decided it (`decided_by`); the plan
//!    carries its messages in catalogue order.
//! 8. **What to map next** (`to_map.rs`): the leg areas with low back pain, the other side
//!    of a marked area, and areas connected along a chain.
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
//! Speed: everything works on fixed arrays indexed by region-side ("slots"); besides the
//! output, only a few short lists are allocated (protected joints, kept marks, candidates,
//! chosen techniques). A plan takes a few microseconds (see `benches/plan.rs`).

use crate::domain::knowledge::chain::ChainLink;
use crate::domain::knowledge::message::MessageId;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::{self, RuleId};
use crate::domain::knowledge::screen::{self, Outcome};
use crate::domain::knowledge::technique::{Load, Motion, Position, Tool, Zone};
use crate::domain::planner::case::Case;
use serde::Serialize;

mod chains;
mod choose;
mod exclude;
mod explain;
mod facts;
mod notes;
mod order;
mod positions;
mod roller;
mod slots;
mod step;
mod steps;
mod to_map;

use chains::Chains;
use facts::Facts;
use notes::Done;
use roller::Roller;
use slots::slot;

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
    /// Marked, but this person's last releases here ended at "fine": check it again
    /// before working it (issue #15, a hint from their own history).
    Settled,
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

/// Plans a session for `case`, in the stages above. Pure and deterministic; never panics.
pub fn plan(case: &Case) -> Plan {
    // 1. Screen.
    match screen::screen(&case.red_flags) {
        Outcome::Emergency => return Plan::stop(Status::StopEmergency, MessageId::StopEmergency),
        Outcome::Urgent => return Plan::stop(Status::StopUrgent, MessageId::StopUrgent),
        Outcome::Clear | Outcome::Amber => {}
    }
    // 2. Facts.
    let f = Facts::new(case);
    // 3. Exclusions (a mid-back the roller may work is not one).
    let roller = Roller::new(&f);
    let excluded = exclude::marks(&f, &roller);
    // 4. Chains.
    let chains = Chains::new(&f);
    // 5. Candidates and order.
    let cands = order::candidates(&f, &excluded.kept, &chains, &roller);
    // 6. Technique and dose, then steps within the session caps.
    let mut avoid = excluded.avoid;
    let chosen = choose::techniques(&f, &cands, &mut avoid);
    let session = steps::fill(&f, chosen, &chains, &mut avoid);
    avoid.sort_by_key(|a| {
        slot(RegionSide {
            region: a.region,
            side: a.side,
        })
    });
    // 7. Messages (each step already carries its explanation).
    let messages = notes::messages(
        &f,
        Done {
            roller_refused: roller.refused,
            low_back_excluded: excluded.low_back,
            has_steps: !session.steps.is_empty(),
            even_worked: session.even_worked,
            legs_first: session.legs_first,
        },
    );
    // 8. What to map next.
    let to_map = to_map::to_map(&f, &chains);
    Plan {
        status: Status::Plan,
        messages,
        steps: session.steps,
        avoid,
        to_map,
        later: session.later,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Symptom;
    use crate::domain::knowledge::screen::FlagId;

    #[test]
    fn an_empty_case_gives_an_empty_plan_with_no_step_messages() {
        let p = plan(&Case::default());
        assert_eq!(p.status, Status::Plan);
        assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty());
        assert!(!p.has_message(MessageId::Breathing426));
    }

    #[test]
    fn red_flags_stop_everything() {
        let mut c = Case {
            symptoms: vec![Symptom::LowBackPain],
            ..Case::default()
        }
        .mark(RegionId::Quadriceps, Side::Right, 3);
        c.red_flags = vec![FlagId::RF9, FlagId::RF2];
        let p = plan(&c);
        assert_eq!(p.status, Status::StopEmergency);
        assert_eq!(p.messages, vec![MessageId::StopEmergency]);
        assert!(p.steps.is_empty() && p.avoid.is_empty() && p.to_map.is_empty());
    }
}
