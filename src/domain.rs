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
//! - [`link`]: share links (the map in the URL fragment).
//! - [`session`]: a guided session as kept in history.

#![deny(missing_docs)]

pub mod body_map;
pub mod case;
pub mod chain;
pub mod engine;
pub mod link;
pub mod mark;
pub mod message;
pub mod region;
pub mod rule;
pub mod screen;
pub mod session;
pub mod source;
pub mod store;
pub mod technique;
