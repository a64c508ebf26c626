//! The domain core: what FasciaMap knows and decides, as plain Rust.
//!
//! Nothing in here touches the browser or the UI framework, so all of it is tested natively
//! with `cargo test` in seconds. The UI calls into it; it never calls out.
//!
//! - [`region`]: the region catalogue (where a person can tap).
//! - [`mark`]: what a person records: marks and symptom flags.
//! - [`body_map`]: the filled-in map and the actions that change it.
//! - [`store`]: the versioned storage format.

#![deny(missing_docs)]

pub mod body_map;
pub mod mark;
pub mod region;
pub mod store;
