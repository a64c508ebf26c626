//! Stage 6, technique and dose: for every candidate, the first variant whose position loads
//! are all open for this person (§3.11, [`closed`]) and for which they own an allowed tool,
//! hands as a fallback with a cheap tool named (T5); the dose of §3.10 rule 13 and the
//! lighter-side and glute rules of §3.11. What cannot be done at all goes to `avoid`.

use super::facts::Facts;
use super::order::Cand;
use super::positions::{closed, wall_only, Closer};
use super::slots::{slot, Rules, SLOTS};
use super::Avoid;
use crate::domain::knowledge::region::{RegionId, RegionSide};
use crate::domain::knowledge::rule::{self, RuleId, GLUTES};
use crate::domain::knowledge::technique::{
    self, Position, Technique, Tool, Variant, HANDS_FALLBACK, THORACIC_ROLLER,
};
use crate::domain::planner::case::Sensitivity;

/// How a region-side is worked.
pub(super) struct Choice {
    pub(super) variant: &'static Variant,
    pub(super) tool: Tool,
    /// No owned tool fits: this cheap one would (T5).
    pub(super) suggested: Option<Tool>,
    /// What closed the position that would otherwise have been used.
    pub(super) closed_by: Option<Closer>,
}

/// A candidate with its technique, dose (before the lighter-side rule) and choice.
pub(super) struct Planned<'a> {
    pub(super) c: &'a Cand,
    pub(super) tech: &'static Technique,
    pub(super) seconds: u16,
    pub(super) choice: Choice,
}

/// What the technique stage leaves: the candidates that can be done, in order, and which
/// slots they are.
pub(super) struct Chosen<'a> {
    pub(super) planned: Vec<Planned<'a>>,
    pub(super) feasible: [bool; SLOTS],
}

/// Technique first, so that what cannot be done at all (a wall-only region without a ball)
/// is known before the caps pair sides up.
pub(super) fn techniques<'a>(f: &Facts, cands: &'a [Cand], avoid: &mut Vec<Avoid>) -> Chosen<'a> {
    let mut planned: Vec<Planned<'a>> = Vec::with_capacity(cands.len());
    let mut feasible = [false; SLOTS];
    for c in cands {
        let tech: &'static Technique = if c.roller {
            &THORACIC_ROLLER
        } else {
            match technique::for_region(c.rs.region) {
                Some(t) => t,
                None => continue,
            }
        };
        let seconds = dose(f, c, tech);
        match choose(f, c.rs, tech, seconds, false) {
            Some(choice) => {
                if let Some(x) = feasible.get_mut(slot(c.rs)) {
                    *x = true;
                }
                planned.push(Planned {
                    c,
                    tech,
                    seconds,
                    choice,
                });
            }
            None => {
                let by = wall_only(f, c.rs).map_or(RuleId::C1, |w| w.rule());
                avoid.push(Avoid {
                    region: c.rs.region,
                    side: c.rs.side,
                    rules: Rules::default().with(by).with(RuleId::T5).list(),
                    reason: "Only a ball in a protected position (against a wall or on a chair) is safe here, and no ball is on your tool list.",
                });
            }
        }
    }
    Chosen { planned, feasible }
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
pub(super) fn choose(
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
pub(super) fn lighter_dose(own: u16, tighter: u16, region: RegionId) -> Option<u16> {
    let d = own.min(tighter / 2 / 5 * 5);
    let floor = if GLUTES.contains(&region) { 30 } else { 20 };
    (d >= floor).then_some(d)
}

#[cfg(test)]
mod tests {
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::knowledge::rule::RuleId;
    use crate::domain::knowledge::technique::Tool;
    use crate::domain::planner::case::Case;
    use crate::domain::planner::engine::plan;

    #[test]
    fn hands_only_names_a_cheap_tool() {
        let mut c = Case::default().mark(RegionId::Calf, Side::Left, 2);
        c.tools = Some(vec![]);
        let p = plan(&c);
        assert_eq!(p.steps[0].tool, Tool::Hands);
        assert_eq!(p.steps[0].suggested_tool, Some(Tool::TennisBall));
        assert!(p.steps[0].rules.contains(&RuleId::T5));
    }
}
