//! The domain core: what FasciaMap knows and decides, as plain Rust.
//!
//! Nothing in here touches the browser or the UI framework, so all of it is tested natively
//! with `cargo test` in seconds. The UI calls into it; it never calls out.
//!
//! - [`region`]: the region catalogue (where a person can tap).
//! - [`mark`]: what a person records: marks and symptom flags.
//! - [`source`]: the sources list every rule, message and technique cites.
//! - [`rule`]: the rules of the knowledge base with ids, plain summaries and sources.
//! - [`chain`]: the twelve fascial chains with evidence grades per transition.
//! - [`technique`]: how each target region is worked (tools, positions, doses, cautions).
//! - [`screen`]: the red-flag screen questions and their tiers.
//! - [`message`]: the message catalogue with the plain-language text of each message.
//! - [`case`]: the engine's input, with strict validation.
//! - [`engine`]: `plan(case) -> Plan`, the planner.
//! - [`body_map`]: the filled-in map and the actions that change it.
//! - [`store`]: the versioned storage format.
//! - [`peek`]: the body map alone from stored text, for the first paint.
//! - [`link`]: share links (the map in the URL fragment).
//! - [`session`]: a guided session as kept in history.
//! - [`profile`]: the person's profile, the saved screen answers, and `case_for` (document → case).
//! - [`guide`]: the guided session in progress as a pure state machine.
//! - [`calendar`]: dates and times as plain numbers (local days, ISO parsing).
//! - [`history`]: map check-ins, the timeline, delete with undo.
//! - [`trends`]: totals, asymmetry, per-region series and chart geometry.
//! - [`programme`]: the 28-day programme, done days and the forgiving streak.
//! - [`sync`]: load/save rules over a key-value store (backup, quarantine, tabs, merges).
//! - [`export`]: the backup file, import preview and the export reminder.

#![deny(missing_docs)]

pub mod body_map;
pub mod calendar;
pub mod case;
pub mod chain;
pub mod engine;
pub mod export;
pub mod guide;
pub mod history;
pub mod link;
pub mod mark;
pub mod message;
pub mod peek;
pub mod profile;
pub mod programme;
pub mod region;
pub mod rule;
pub mod screen;
pub mod session;
pub mod source;
pub mod store;
pub mod sync;
pub mod technique;
pub mod trends;
