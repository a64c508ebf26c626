//! Stage 6, continued: steps within the session caps (§3.10 rule 12). The chosen
//! candidates are taken in order: with low back pain a buttock or hip area waits until a
//! leg area is worked, a lighter side gets at most half of its tighter side's time, both
//! sides of an even pair go in together or wait together, and the first step is never face
//! down with blood-pressure problems. What does not fit goes to `later`.

use super::chains::Chains;
use super::choose::{choose, lighter_dose, Chosen, Planned};
use super::facts::Facts;
use super::order::Pair;
use super::slots::{slot, Rules, SLOTS};
use super::step::{make_step, StepInput};
use super::{Avoid, Later, Step};
use crate::domain::knowledge::region::{RegionSide, Side};
use crate::domain::knowledge::rule::{self, RuleId, LEG_GROUPS};
use crate::domain::knowledge::technique::LoadKind;

/// What the caps stage leaves.
pub(super) struct Session {
    pub(super) steps: Vec<Step>,
    pub(super) later: Vec<Later>,
    /// Both sides of an even pair are worked.
    pub(super) even_worked: bool,
    /// A buttock or hip area waits for the legs (low back pain).
    pub(super) legs_first: bool,
}

/// Takes the chosen candidates in order into today's session.
pub(super) fn fill(f: &Facts, chosen: Chosen, chains: &Chains, avoid: &mut Vec<Avoid>) -> Session {
    let (max_steps, max_secs, cap_rule) = if f.fibro {
        (4usize, 240u32, RuleId::D5)
    } else if f.experienced {
        (10, 1200, RuleId::D7)
    } else {
        (6, 720, RuleId::D7)
    };
    let Chosen { planned, feasible } = chosen;
    let mut steps: Vec<Step> = Vec::with_capacity(planned.len().min(max_steps));
    let mut later: Vec<Later> = Vec::new();
    let mut total: u32 = 0;
    let mut full = false;
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
    for Planned {
        c,
        tech,
        seconds: base,
        choice,
    } in planned
    {
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
            match choose(f, c.rs, tech, seconds, true) {
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
            link: chains.link_at(c.rs),
            partner_out: c.pair == Pair::Even && !partner_feasible,
            first,
        };
        steps.push(make_step(f, input));
    }
    Session {
        steps,
        later,
        even_worked,
        legs_first,
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::planner::case::Case;
    use crate::domain::planner::engine::plan;

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
}
