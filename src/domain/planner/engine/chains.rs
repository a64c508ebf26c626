//! Stage 4, chains: every marked region-side seeds [`chain::reach`]; the strongest path to
//! each region-side explains steps and orders `to_map`, and the weight from sore marks and
//! symptom sites breaks ties between candidates (§3.10 rules 5, 6, 11).

use super::facts::Facts;
use super::slots::{at, slot, SLOTS, UNMARKED};
use crate::domain::knowledge::chain::{self, ChainLink};
use crate::domain::knowledge::region::{RegionSide, Role};

/// What the chains say about every slot.
pub(super) struct Chains {
    /// The strongest link to every slot from any marked area, with its weight.
    pub(super) best: [Option<(f32, ChainLink)>; SLOTS],
    /// The strongest link to every slot from a sore mark or a marked symptom site.
    order_weight: [f32; SLOTS],
}

impl Chains {
    pub(super) fn new(f: &Facts) -> Chains {
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
        Chains { best, order_weight }
    }

    /// The strongest link to a region-side, with its weight.
    pub(super) fn link_at(&self, rs: RegionSide) -> Option<(f32, ChainLink)> {
        self.best.get(slot(rs)).copied().flatten()
    }

    /// The ordering weight of a slot, in thousandths (§3.10 rule 11).
    pub(super) fn order_weight(&self, s: usize) -> u16 {
        (self.order_weight.get(s).copied().unwrap_or(0.0) * 1000.0) as u16
    }
}
