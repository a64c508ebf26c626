//! The planner wing: a case in, a plan out.
//!
//! Rule of the wing: it imports only [`crate::domain::knowledge`] (and the calendar).
//!
//! - [`case`]: the engine's input, with strict validation.
//! - [`engine`]: `plan(case) -> Plan`, in the stages of knowledge base §3.9.

pub mod case;
pub mod engine;
