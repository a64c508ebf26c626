//! Stage 8, what to map next: unmarked region-sides worth checking, the four leg areas
//! first with low back pain (L2), then marked areas that settled in the person's own
//! history (issue #15), then the other side of a marked area (§3.10 rule 4), then
//! areas connected along a chain (rule 5). Region-sides excluded by a condition, a local
//! finding, the flare or an amber answer are left out.

use super::chains::Chains;
use super::exclude::{exclusion, mark_exclusion};
use super::facts::Facts;
use super::slots::{at, slot, SLOTS, UNMARKED};
use super::{MapReason, ToMap};
use crate::domain::knowledge::region::{RegionSide, Side};
use crate::domain::knowledge::rule::{self, LEG_GROUPS};

pub(super) fn to_map(f: &Facts, chains: &Chains) -> Vec<ToMap> {
    let best = &chains.best;
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
    // Marked areas that settled in this person's history (and are not excluded anyway).
    for rs in &f.case.history.settled {
        let marked = f.sev(*rs).is_some_and(|v| v >= 1);
        if marked && mark_exclusion(f, *rs, f.sev(*rs).unwrap_or(0)).is_none() {
            if let Some(c) = class.get_mut(slot(*rs)) {
                *c = (*c).min(1);
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
                *c = (*c).min(2);
            }
        }
    }
    for (s, b) in best.iter().enumerate() {
        if b.is_some() {
            if let Some(rs) = at(s) {
                if open(rs) {
                    if let Some(c) = class.get_mut(s) {
                        *c = (*c).min(3);
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
            1 => MapReason::Settled,
            2 => MapReason::OtherSide,
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
