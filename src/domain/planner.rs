//! The planner wing: a case in, a plan out.
//!
//! Rule of the wing: it imports only [`crate::domain::knowledge`] (and the calendar).
//!
//! - [`case`]: the engine's input, with strict validation.
//! - [`engine`]: `plan(case) -> Plan`, in the stages of knowledge base §3.9.
//! - [`check`]: the plan's "what to map next" in words: why each area, how to check it
//!   gently, and the never-pressed areas left out.

pub mod case;
pub mod check;
pub mod engine;
