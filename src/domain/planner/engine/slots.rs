//! Slots: one per region-side, `region index × 2 + (right ? 1 : 0)`; midline regions use
//! the even slot only. Every stage works on fixed arrays indexed by slot. Also the bit sets
//! of rules and sources that steps and `avoid` entries carry, listed in table order.

use crate::domain::knowledge::region::{RegionSide, Side, REGIONS};
use crate::domain::knowledge::rule::{RuleId, RULES};
use crate::domain::knowledge::source::{self, SOURCES};
use std::sync::OnceLock;

pub(super) const SLOTS: usize = 142;
pub(super) const UNMARKED: u8 = u8::MAX;

pub(super) fn slot(rs: RegionSide) -> usize {
    rs.region.index() * 2 + usize::from(rs.side == Side::Right)
}

pub(super) fn at(slot: usize) -> Option<RegionSide> {
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

/// True when something on side `a` reaches side `b` (`mid` reaches both).
pub(super) fn sides_meet(a: Side, b: Side) -> bool {
    a == b || a == Side::Mid || b == Side::Mid
}

/// Bit sets of rules (u128) and sources (u64) with table-order output.
#[derive(Clone, Copy, Default)]
pub(super) struct Rules(u128);

impl Rules {
    pub(super) fn add(&mut self, r: RuleId) {
        self.0 |= r.bit();
    }
    pub(super) fn with(mut self, r: RuleId) -> Rules {
        self.add(r);
        self
    }
    fn has(self, r: RuleId) -> bool {
        self.0 & r.bit() != 0
    }
    pub(super) fn list(self) -> Vec<RuleId> {
        RULES
            .iter()
            .map(|r| r.id)
            .filter(|r| self.has(*r))
            .collect()
    }
    pub(super) fn sources(self) -> u64 {
        let table = rule_source_bits();
        RULES
            .iter()
            .filter(|r| self.has(r.id))
            .filter_map(|r| table.get(r.id as usize))
            .fold(0, |acc, b| acc | b)
    }
}

pub(super) fn source_bits(keys: &[&str]) -> u64 {
    keys.iter()
        .filter_map(|k| source::index(k))
        .fold(0, |acc, i| acc | (1u64 << i))
}

pub(super) fn source_list(bits: u64) -> Vec<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
