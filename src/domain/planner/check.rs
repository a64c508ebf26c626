//! "Check these next", in words: the plan's `to_map` list (knowledge base §3.10 rules 4 and
//! 5, L2) turned into what a person reads under that heading. Each area says in one short
//! line why it is suggested (the rule or chain that links it to what they marked) and, where
//! pressing needs care, how to check it gently. Areas that are never pressed (`pressure =
//! none`, rule G3: the belly, the throat, the groin, the back of the knee, bones and the low
//! back) are left out of the list, because "press into it and compare" is the one thing a
//! person must not do there; they are named once, with that reason, instead (issue #13).
//!
//! The engine's output and its JSON contract (§7.2) stay as they are: this only words them.

use crate::domain::knowledge::chain::ChainId;
use crate::domain::knowledge::region::{Pressure, RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::RuleId;
use crate::domain::planner::case::{Case, ConditionId, Sensitivity};
use crate::domain::planner::engine::{MapReason, Plan};

/// Most areas shown at once (the rest come after the person has checked these).
pub const MAX_ITEMS: usize = 8;

/// One area to check next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckItem {
    /// The region-side to press and mark.
    pub at: RegionSide,
    /// Why it is suggested, in one short sentence.
    pub why: String,
    /// How to check it gently, when that matters for this area or this person.
    pub how: Option<&'static str>,
    /// The rule that put it on the list (`None` for a hint from the person's own history).
    pub rule: Option<RuleId>,
}

/// What "Check these next" shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckList {
    /// The areas to press and mark, in the plan's order, at most [`MAX_ITEMS`].
    pub items: Vec<CheckItem>,
    /// Areas linked to the marks that are never pressed, so not listed (region names, in
    /// the plan's order, each once).
    pub not_pressed: Vec<RegionId>,
}

impl CheckList {
    /// One sentence naming the areas left out and why, if any were.
    pub fn not_pressed_sentence(&self) -> Option<String> {
        let names: Vec<String> = self
            .not_pressed
            .iter()
            .map(|r| r.def().name.to_lowercase())
            .collect();
        let list = match names.as_slice() {
            [] => return None,
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        Some(format!(
            "Not on this list: the {list}. They are linked to what you marked, but they are never pressed, not even to check them."
        ))
    }
}

/// A few words for where a chain runs ("along the back of the body").
fn along(chain: ChainId) -> &'static str {
    match chain {
        ChainId::Sbl => "along the back of the body",
        ChainId::Sfl => "along the front of the body",
        ChainId::Ll => "along the side of the body",
        ChainId::Spl => "along a line that wraps around the body",
        ChainId::Dfl => "along a deep line through the inner leg and the hip",
        ChainId::Sfal | ChainId::Dfal | ChainId::Sbal | ChainId::Dbal => "along the arm",
        ChainId::Bfl => "across the back",
        ChainId::Ffl => "across the front",
        ChainId::Ifl => "down the side of the body",
    }
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Mid => "middle",
    }
}

/// True when this person should press lightly everywhere (§3.11 "pressure words follow the
/// person": blood thinners, fibromyalgia, osteoporosis, high sensitivity; pregnancy too).
fn light_touch(case: &Case) -> bool {
    case.sensitivity == Sensitivity::High
        || case.conditions.iter().any(|c| {
            matches!(
                c.id,
                ConditionId::BloodThinners
                    | ConditionId::Fibromyalgia
                    | ConditionId::Osteoporosis
                    | ConditionId::Pregnancy
            )
        })
}

/// How to check an area gently: the knowledge base's "why restricted" column for the
/// `gentle` regions (§1.2), or light pressure for a person who needs it.
fn how(region: RegionId, light: bool) -> Option<&'static str> {
    use RegionId as R;
    let gentle = region.def().pressure == Pressure::Gentle;
    match region {
        R::HipFlexor => {
            Some("Press lightly with your fingertips, and move off if you feel a pulse.")
        }
        R::Achilles => Some("Pinch it lightly between finger and thumb; never roll on it."),
        R::DeepGlute => Some("Press lightly; stop if you feel tingling down the leg."),
        R::OuterThigh => Some("Press lightly with your fingers, and stay above the knee."),
        R::UpperChest => Some("Press lightly below the collarbone, away from the armpit."),
        R::Adductors => Some("Press with your fingers, lightly near the groin."),
        R::CalfInnerEdge => {
            Some("Press lightly with your fingertips: this is a deep, tender area.")
        }
        _ if gentle || light => Some("Press lightly with your fingertips."),
        _ => None,
    }
}

/// What "Check these next" shows for `plan` (made from `case`).
pub fn check_list(plan: &Plan, case: &Case) -> CheckList {
    let light = light_touch(case);
    let mut out = CheckList::default();
    for t in &plan.to_map {
        let at = RegionSide {
            region: t.region,
            side: t.side,
        };
        if t.region.def().pressure == Pressure::None {
            if !out.not_pressed.contains(&t.region) {
                out.not_pressed.push(t.region);
            }
            continue;
        }
        if out.items.len() >= MAX_ITEMS {
            continue;
        }
        let (why, rule) = match t.reason {
            MapReason::LegsFirst => (
                "Low back pain often comes from the legs, so the thighs are checked first."
                    .to_string(),
                Some(RuleId::L2),
            ),
            MapReason::OtherSide => (
                format!(
                    "You marked the {} side: press both and compare.",
                    side_word(t.side.mirror())
                ),
                Some(RuleId::L3),
            ),
            MapReason::Settled => (
                "Your last sessions here ended at fine: check it again before working it."
                    .to_string(),
                None,
            ),
            MapReason::Connected => (
                match t.chain {
                    Some(c) => {
                        let from = c.from.def().name.to_lowercase();
                        let from = match c.from_side {
                            Side::Mid => from,
                            s => format!("{from} ({})", side_word(s)),
                        };
                        format!(
                            "Linked to your {from}, which you marked, {}.",
                            along(c.chain)
                        )
                    }
                    None => "Linked to an area you marked.".to_string(),
                },
                Some(RuleId::E3),
            ),
        };
        out.items.push(CheckItem {
            at,
            why,
            how: how(t.region, light),
            rule,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::{Kind, Mark, Severity, Symptom};
    use crate::domain::planner::case::Condition;
    use crate::domain::planner::engine::plan;

    fn mark(region: RegionId, side: Side, sev: u8) -> Mark {
        Mark {
            region,
            side,
            severity: Severity::new(sev).unwrap_or(Severity::MILD),
            kind: Kind::Tight,
        }
    }

    /// Issue #13: a person with low back pain who marked their thighs was asked to press on
    /// the belly (and the low back), with no reason given. Both are linked along chains, so
    /// the engine lists them in `to_map`; they are never pressed (G3), so the words leave them
    /// out and say why, and every area that is listed says why in one line.
    #[test]
    fn low_back_pain_never_asks_to_press_the_belly() {
        let mut marks = Vec::new();
        for r in [
            RegionId::Quadriceps,
            RegionId::HipFlexor,
            RegionId::Adductors,
            RegionId::OuterThigh,
            RegionId::Hamstrings,
        ] {
            marks.push(mark(r, Side::Left, 2));
            marks.push(mark(r, Side::Right, 1));
        }
        let case = Case {
            symptoms: vec![Symptom::LowBackPain],
            marks,
            ..Case::default()
        };
        let p = plan(&case);
        assert!(
            p.to_map
                .iter()
                .any(|t| t.region.def().pressure == Pressure::None),
            "the engine links a no-pressure area here: {:?}",
            p.to_map
        );
        let list = check_list(&p, &case);
        assert!(!list.items.is_empty());
        for item in &list.items {
            assert_ne!(item.at.region.def().pressure, Pressure::None, "{item:?}");
            assert!(!item.why.is_empty() && item.why.ends_with('.'), "{item:?}");
            assert!(item.why.len() < 110, "one short line: {}", item.why);
        }
        assert_eq!(
            list.not_pressed,
            [
                RegionId::UpperAbdomen,
                RegionId::LowerAbdomen,
                RegionId::LowBackMuscles
            ]
        );
        let sentence = list.not_pressed_sentence().unwrap_or_default();
        assert!(
            sentence.starts_with(
                "Not on this list: the upper belly, lower belly and low-back muscles."
            ) && sentence.contains("never pressed"),
            "{sentence}"
        );
        let calf = list.items.iter().find(|i| i.at.region == RegionId::Calf);
        assert_eq!(
            calf.map(|i| i.why.as_str()),
            Some("Linked to your back of thigh (left), which you marked, along the back of the body.")
        );
    }

    #[test]
    fn linked_areas_name_what_was_marked_and_gentle_areas_say_how() {
        let case = Case {
            marks: vec![mark(RegionId::Calf, Side::Left, 2)],
            ..Case::default()
        };
        let p = plan(&case);
        let list = check_list(&p, &case);
        let other = list.items.iter().find(|i| {
            i.at == RegionSide {
                region: RegionId::Calf,
                side: Side::Right,
            }
        });
        assert_eq!(
            other.map(|i| i.why.as_str()),
            Some("You marked the left side: press both and compare.")
        );
        let linked: Vec<&CheckItem> = list
            .items
            .iter()
            .filter(|i| i.rule == Some(RuleId::E3))
            .collect();
        assert!(!linked.is_empty(), "{list:?}");
        for i in linked {
            assert!(
                i.why
                    .starts_with("Linked to your calf (left), which you marked, along"),
                "{}",
                i.why
            );
        }
        assert!(list
            .items
            .iter()
            .filter(|i| i.at.region.def().pressure == Pressure::Gentle)
            .all(|i| i.how.is_some()));
    }

    #[test]
    fn blood_thinners_check_everything_lightly() {
        let case = Case {
            marks: vec![mark(RegionId::Quadriceps, Side::Left, 2)],
            conditions: vec![Condition::plain(ConditionId::BloodThinners)],
            ..Case::default()
        };
        let p = plan(&case);
        let list = check_list(&p, &case);
        assert!(!list.items.is_empty());
        assert!(list
            .items
            .iter()
            .all(|i| i.how.is_some_and(|h| h.contains("lightly"))));
    }

    #[test]
    fn the_left_out_sentence_lists_names_once() {
        let list = CheckList {
            items: vec![],
            not_pressed: vec![
                RegionId::UpperAbdomen,
                RegionId::LowerAbdomen,
                RegionId::Groin,
            ],
        };
        assert_eq!(
            list.not_pressed_sentence().as_deref(),
            Some("Not on this list: the upper belly, lower belly and groin crease. They are linked to what you marked, but they are never pressed, not even to check them.")
        );
        assert_eq!(CheckList::default().not_pressed_sentence(), None);
    }
}
