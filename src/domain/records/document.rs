//! The roof of the records: [`Document`], everything a person keeps on the device.
//!
//! Each field is a record of its own file (the map, check-ins, sessions, profile,
//! programme, the running session, saved shared maps); this file only puts them together.
//! How a document becomes text, and back, is persistence's business
//! ([`crate::domain::persistence::store`]).

use crate::domain::knowledge::region::RegionSide;
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::guide::Running;
use crate::domain::records::history::CheckIn;
use crate::domain::records::profile::{Profile, ScreenRecord};
use crate::domain::records::programme::Programme;
use crate::domain::records::session::SessionRecord;
use crate::domain::records::shared::ImportedMap;
use serde::{Deserialize, Serialize};

/// Everything the app keeps on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The current body map.
    #[serde(default)]
    pub map: BodyMap,
    /// When the map was last changed (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_updated: Option<String>,
    /// Map check-ins, oldest first (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// Guided sessions, oldest first (v2; written by the session screen). Stored compactly,
    /// see [`crate::domain::records::history::stored_sessions`].
    #[serde(default, with = "crate::domain::records::history::stored_sessions")]
    pub sessions: Vec<SessionRecord>,
    /// The 28-day programme, once started (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// When the person last exported a backup file, ISO 8601 (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<String>,
    /// What the person told the app about themselves.
    #[serde(default, skip_serializing_if = "is_default")]
    pub profile: Profile,
    /// The last answers to the safety questions, with their date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<ScreenRecord>,
    /// Region-sides left out of the plan after a "sharp pain" stop, until the person clears them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paused: Vec<RegionSide>,
    /// The guided session in progress, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<Running>,
    /// Maps received through share links and saved by the person, oldest first. Kept apart
    /// from their own map, which a shared map never replaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<ImportedMap>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}
