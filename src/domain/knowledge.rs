//! The knowledge wing: the knowledge base (`shared/domain/knowledge-base.md`) as typed const
//! tables whose editing rules are tests beside them.
//!
//! Rule of the wing: it imports nothing else of the app (only the standard library and serde).
//!
//! - [`region`]: the region catalogue (where a person can tap); rows are append-only.
//! - [`mark`]: the words of a mark: severity, kind, symptom flags.
//! - [`source`]: the sources every rule, message and technique cites, by title and kind.
//! - [`rule`]: the rules with ids, plain summaries and sources; the small region tables.
//! - [`chain`]: the twelve fascial chains with evidence grades per transition.
//! - [`technique`]: how each target region is worked, and what each position asks of the body.
//! - [`pose`]: the body position of every technique variant, as something to draw (what a
//!   drawing shows may never go beyond the loads its variant declares).
//! - [`screen`]: the red-flag screen questions and their tiers.
//! - [`message`]: the message catalogue with the plain-language text of each message.

pub mod chain;
pub mod mark;
pub mod message;
pub mod pose;
pub mod region;
pub mod rule;
pub mod screen;
pub mod source;
pub mod technique;
