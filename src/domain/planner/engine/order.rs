//! Stage 5, candidates and order: the marked targets that survived the exclusions, each
//! side classified as tighter, even, single or lighter (L3/L3b), ordered by the low-back
//! tiers (§3.10 rules 8–10, with the severity override) or, without low back pain, by
//! severity (rule 11).

use super::chains::Chains;
use super::facts::Facts;
use super::roller::{Roller, THORACIC};
use super::slots::slot;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::{self, GLUTES};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Pair {
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
pub(super) struct Cand {
    pub(super) rs: RegionSide,
    pub(super) sev: u8,
    /// The other side's severity (0 when unmarked or midline).
    pub(super) other: u8,
    pub(super) pair: Pair,
    /// The low-back tier (§3.10 rule 8), 8 outside the tiers.
    pub(super) tier: u8,
    /// Moved ahead by the severity override (§3.10 rule 10).
    pub(super) moved: bool,
    weight: u16,
    /// The mid-back roller (§3.10 rule 18).
    pub(super) roller: bool,
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

    pub(super) fn glute_or_tfl(&self) -> bool {
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

/// The candidates in the order to work them: the kept marks (slot, region-side, severity)
/// in slot order, then the roller when it is eligible.
pub(super) fn candidates(
    f: &Facts,
    kept: &[(usize, RegionSide, u8)],
    chains: &Chains,
    roller: &Roller,
) -> Vec<Cand> {
    let mut cands: Vec<Cand> = Vec::with_capacity(16);
    for &(s, rs, sev) in kept {
        let (pair, other) = pair_of(f, rs, sev);
        cands.push(Cand {
            rs,
            sev,
            other,
            pair,
            tier: rule::lbp_tier(rs.region).unwrap_or(8),
            moved: false,
            weight: chains.order_weight(s),
            roller: false,
        });
    }
    if roller.ok {
        cands.push(Cand {
            rs: THORACIC,
            sev: roller.sev,
            other: 0,
            pair: Pair::Single,
            tier: 8,
            moved: false,
            weight: 0,
            roller: true,
        });
    }
    if f.lbp {
        severity_override(&mut cands);
    }
    cands.sort_by_key(|c| c.key(f.lbp));
    cands
}

/// §3.10 rule 10: a mark in tiers 2–6 at least two steps stronger than every candidate of
/// the earlier tiers (1–4 at most) moves to the front; only ahead of tiers that hold one.
fn severity_override(cands: &mut [Cand]) {
    let mut tier_max = [None::<u8>; 9];
    for c in cands.iter() {
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

#[cfg(test)]
mod tests {
    use crate::domain::knowledge::mark::Symptom;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::knowledge::rule::RuleId;
    use crate::domain::planner::case::Case;
    use crate::domain::planner::engine::plan;

    fn lbp() -> Case {
        Case {
            symptoms: vec![Symptom::LowBackPain],
            ..Case::default()
        }
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
}
