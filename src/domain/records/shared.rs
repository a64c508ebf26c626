//! Shared maps: what a share link carries ([`SharedMap`]) and the ones a person chose to
//! keep ([`ImportedMap`]). Keeping one, without touching the person's own map, is the
//! document's business ([`crate::domain::records::document::Document::import_shared`]); the
//! wire format is persistence's ([`crate::domain::persistence::link`]).

use crate::domain::calendar::Day;
use crate::domain::planner::case::{Case, Condition};
use crate::domain::records::body_map::BodyMap;
use serde::{Deserialize, Serialize};

/// Most conditions a link carries.
pub const MAX_CONDITIONS: usize = 16;

/// What a share link carries: the map, the day it describes and, only when the person chose
/// to include them, their health conditions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedMap {
    /// The day the map was made or last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Day>,
    /// Marks, symptoms and the flare answer.
    #[serde(default)]
    pub map: BodyMap,
    /// Health conditions (empty unless the person ticked "include my health conditions").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
}

impl SharedMap {
    /// What goes into a link: the map, its day and, if `include` is set, every valid one of
    /// `conditions` (at most [`MAX_CONDITIONS`]; invalid entries are left out so the link
    /// always opens).
    pub fn new(map: &BodyMap, day: Option<Day>, conditions: &[Condition], include: bool) -> Self {
        let conditions = if include {
            conditions
                .iter()
                .copied()
                .filter(condition_is_valid)
                .take(MAX_CONDITIONS)
                .collect()
        } else {
            Vec::new()
        };
        SharedMap {
            day,
            map: map.clone(),
            conditions,
        }
    }

    /// The engine input for planning this map on the spot (other settings at their defaults).
    pub fn to_case(&self) -> Case {
        Case {
            symptoms: self.map.symptoms.iter().copied().collect(),
            acute_flare: self.map.acute_flare,
            conditions: self.conditions.clone(),
            marks: self.map.marks().collect(),
            ..Case::default()
        }
    }
}

/// True when a condition is complete and valid (a link leaves invalid ones out).
pub fn condition_is_valid(c: &Condition) -> bool {
    Case {
        conditions: vec![*c],
        ..Case::default()
    }
    .validate()
    .is_ok()
}

/// Words that take "you" as their object ("show you", "keep you steady"): after them "you"
/// becomes "them", elsewhere "they" (English verbs agree with both alike).
const TAKES_OBJECT: &[&str] = &[
    "ask", "asks", "behind", "examined", "for", "give", "gives", "guide", "guides", "help",
    "helps", "keep", "keeps", "let", "lets", "remind", "reminds", "show", "shows", "stop", "stops",
    "tell", "tells", "to", "with",
];

/// Rewords a text written to the person who owns a map ("Calf, your left", "You marked
/// strong tightness here", "ask your doctor") for someone else looking at it from a share
/// link ("Calf, their left", "They marked…", "ask their doctor"), so the figure, the list
/// and the plan of a shared view speak of the same person in one voice (issue #13). It maps
/// words only: the engine's texts and its JSON stay as they are. Capital letters are kept.
pub fn about_them(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut prev_word = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        let lower = word.to_lowercase();
        let (base, tail) = match lower.find(['\'', '’']) {
            Some(i) => lower.split_at(i),
            None => (lower.as_str(), ""),
        };
        let swapped = match base {
            "your" => Some("their"),
            "yours" => Some("theirs"),
            "yourself" => Some("themselves"),
            "you" if tail.is_empty() && TAKES_OBJECT.contains(&prev_word.as_str()) => Some("them"),
            "you" => Some("they"),
            _ => None,
        };
        match swapped {
            Some(new) => {
                if word.starts_with(char::is_uppercase) {
                    let mut chars = new.chars();
                    if let Some(first) = chars.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                } else {
                    out.push_str(new);
                }
                // "you're" → "they're": keep what followed the apostrophe as written.
                out.push_str(&word[base.len()..]);
            }
            None => out.push_str(word),
        }
        prev_word = lower;
    }
    out.push_str(rest);
    out
}

/// A shared health condition in the words of [`about_them`]: "Replaced joint: knee, their
/// right", "Takes blood thinners" (the profile's own words are the person's: "I take…").
pub fn their_condition(c: &Condition) -> String {
    let mine = crate::domain::records::profile::describe_condition(c);
    let theirs = match mine.strip_prefix("I take ") {
        Some(rest) => format!("Takes {rest}"),
        None => mine,
    };
    about_them(&theirs)
}

/// True when a text still speaks to "you" (a word test for [`about_them`]).
pub fn speaks_to_you(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map(|w| w.to_lowercase())
        .any(|w| {
            let base = w.split(['\'', '’']).next().unwrap_or("");
            matches!(base, "you" | "your" | "yours" | "yourself")
        })
}

/// A shared map the person chose to keep, with the time it was saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedMap {
    /// When it was saved on this device (ISO 8601).
    pub received: String,
    /// What the link carried.
    pub shared: SharedMap,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::message::MessageId;
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};

    #[test]
    fn about_them_speaks_of_the_person_who_shared() {
        let calf = RegionSide {
            region: RegionId::Calf,
            side: Side::Left,
        };
        assert_eq!(about_them(&calf.label()), "Calf, their left");
        for (mine, theirs) in [
            (
                "Your right side is tighter (3 against 1 on the left), so it goes first.",
                "Their right side is tighter (3 against 1 on the left), so it goes first.",
            ),
            (
                "You marked strong tightness here.",
                "They marked strong tightness here.",
            ),
            (
                "A physiotherapist can give you exercises for that.",
                "A physiotherapist can give them exercises for that.",
            ),
            (
                "Calves and feet can add strain through the way you walk.",
                "Calves and feet can add strain through the way they walk.",
            ),
            (
                "If you're unsure, ask yourself.",
                "If they're unsure, ask themselves.",
            ),
            ("Young people, youth.", "Young people, youth."),
        ] {
            assert_eq!(about_them(mine), theirs);
        }
    }

    #[test]
    fn shared_conditions_speak_of_them() {
        use crate::domain::knowledge::rule::Joint;
        use crate::domain::planner::case::ConditionId;
        let knee = Condition {
            joint: Some(Joint::Knee),
            side: Some(Side::Right),
            ..Condition::plain(ConditionId::JointReplacement)
        };
        assert_eq!(their_condition(&knee), "Replaced joint: knee, their right");
        assert_eq!(
            their_condition(&Condition::plain(ConditionId::BloodThinners)),
            "Takes blood thinners"
        );
        for id in [
            ConditionId::Osteoporosis,
            ConditionId::Fibromyalgia,
            ConditionId::BloodPressure,
            ConditionId::Pregnancy,
        ] {
            let text = their_condition(&Condition::plain(id));
            assert!(!speaks_to_you(&text) && !text.starts_with("I "), "{text}");
        }
    }

    /// Every message of the catalogue, reworded, no longer speaks to "you".
    #[test]
    fn no_message_speaks_to_you_once_reworded() {
        for m in MessageId::all() {
            let text = about_them(m.text());
            assert!(!speaks_to_you(&text), "{m:?}: {text}");
        }
    }
}
