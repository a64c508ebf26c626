//! One step, built for the person: every rule id checked for it, its sources, the cue
//! (position, path, zones, pressure words; §3.11), the loads it asks of the body, and its
//! plain `why` (from [`super::explain`]).

use super::choose::Choice;
use super::exclude::zones_of;
use super::explain::{why, WhyInput};
use super::facts::Facts;
use super::order::{Cand, Pair};
use super::positions::{closed, light_pressure, wall_only};
use super::slots::{source_bits, source_list, Rules};
use super::Step;
use crate::domain::knowledge::chain::ChainLink;
use crate::domain::knowledge::region::RegionId;
use crate::domain::knowledge::rule::{RuleId, GLUTES};
use crate::domain::knowledge::technique::{CueFor, Position, Technique, Tool, Zone};

/// Everything a step is made from.
pub(super) struct StepInput<'a> {
    pub(super) c: &'a Cand,
    pub(super) tech: &'static Technique,
    pub(super) choice: Choice,
    /// The dose, after the lighter-side rule.
    pub(super) seconds: u16,
    /// The strongest chain link to this region-side, with its weight.
    pub(super) link: Option<(f32, ChainLink)>,
    /// The other side of an even pair gets no step.
    pub(super) partner_out: bool,
    /// This is (or goes with) the plan's first step.
    pub(super) first: bool,
}

pub(super) fn make_step(f: &Facts, input: StepInput) -> Step {
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
