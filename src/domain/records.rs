//! The records wing: what a person keeps, in memory, with the operations on it.
//!
//! Rule of the wing: it imports the planner and the knowledge (and the calendar), never
//! persistence: no keys, no text formats, no checksums here.
//!
//! - [`body_map`]: the filled-in map and the actions that change it.
//! - [`session`]: a guided session as kept in history.
//! - [`profile`]: the person's profile and the saved safety-screen answers.
//! - [`programme`]: the 28-day programme, done days and the forgiving streak.
//! - [`guide`]: the guided session in progress as a pure state machine over a plan and a map.
//! - [`leg_check`]: "Check my legs", the guided left/right mapping walk of the leg groups.
//! - [`history`]: map check-ins and their stored forms, entry ids, the timeline.
//! - [`trends`]: totals, how far apart the sides are, per-region series and chart geometry, from the check-ins.
//! - [`shared`]: shared maps: what a link carries and the ones a person kept.
//! - [`voice`]: what the guided session says aloud, from one moment of it to the next.
//! - [`evidence`]: what the person's own sessions say about each area (hints for the plan).
//! - [`document`]: the roof: everything a person keeps, and every operation that needs more
//!   than one record (the case for the planner, map edits with the check-in rule, the session
//!   from start to finish, pauses, imports, deleting entries), so the UI changes the document
//!   with one call per action. Each other file defines its record and the operations on that
//!   record only; none of them imports the document.

pub mod body_map;
pub mod document;
pub mod evidence;
pub mod guide;
pub mod history;
pub mod leg_check;
pub mod profile;
pub mod programme;
pub mod session;
pub mod shared;
pub mod trends;
pub mod voice;
