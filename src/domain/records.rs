//! The records wing: what a person keeps, in memory, with the operations on it.
//!
//! Rule of the wing: it imports the planner and the knowledge (and the calendar), never
//! persistence: no keys, no text formats, no checksums here.
//!
//! - [`body_map`]: the filled-in map and the actions that change it.
//! - [`session`]: a guided session as kept in history.
//! - [`profile`]: the person's profile and the saved safety-screen answers.
//! - [`programme`]: the 28-day programme, done days and the forgiving streak.
//! - [`guide`]: the guided session in progress as a pure state machine.
//! - [`history`]: map check-ins and their stored forms, the timeline.
//! - [`trends`]: totals, asymmetry, per-region series and chart geometry, from the check-ins.
//! - [`shared`]: shared maps: what a link carries and the ones a person kept.
//! - [`document`]: the roof: everything a person keeps, and the whole-document operations.

pub mod body_map;
pub mod document;
pub mod guide;
pub mod history;
pub mod profile;
pub mod programme;
pub mod session;
pub mod shared;
pub mod trends;
