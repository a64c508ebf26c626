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

/// A shared map the person chose to keep, with the time it was saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedMap {
    /// When it was saved on this device (ISO 8601).
    pub received: String,
    /// What the link carried.
    pub shared: SharedMap,
}
