//! Explanations: the plain `why` of a step and the one to three rules that decided it
//! (`decided_by`, §3.11): its place in the order, its side, a position or dose change, a
//! caution.

use super::choose::Choice;
use super::facts::Facts;
use super::order::{Cand, Pair};
use crate::domain::knowledge::region::Side;
use crate::domain::knowledge::rule::RuleId;
use crate::domain::knowledge::technique::Zone;

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
pub(super) struct Why {
    pub(super) text: String,
    pub(super) decided_by: Vec<RuleId>,
}

pub(super) struct WhyInput<'a> {
    pub(super) c: &'a Cand,
    pub(super) choice: &'a Choice,
    pub(super) zones: &'a [(Zone, RuleId)],
    pub(super) partner_out: bool,
}

pub(super) fn why(f: &Facts, w: WhyInput) -> Why {
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
        let what = if f.sore(c.rs) {
            "soreness"
        } else {
            "tightness"
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
        put(if f.sore(c.rs) {
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
