//! The domain core: what FasciaMap knows and decides, as plain Rust.
//!
//! Nothing in here touches the browser or the UI framework, so all of it is tested natively
//! with `cargo test` in seconds. The UI calls into it; it never calls out.
//!
//! Four wings, each importing only the wings before it (checked by `tests/architecture.rs`):
//!
//! 1. [`knowledge`]: the knowledge base as typed tables (regions, marks, chains, rules,
//!    techniques, the red-flag screen, messages, sources). Imports nothing else of the app.
//! 2. [`planner`]: a case in, a plan out (`plan(case) -> Plan`), in stages.
//! 3. [`records`]: what a person keeps (body map, check-ins, sessions, profile, programme,
//!    the running session, trends), with [`records::document::Document`] as the roof.
//! 4. [`persistence`]: every text form that leaves memory (the stored envelope, versions and
//!    migrations, checksums, the first-paint reader, save/load rules, backups, share links).
//!
//! [`calendar`] (dates as plain numbers) sits at the root; every wing may use it.

#![deny(missing_docs)]

pub mod calendar;
pub mod knowledge;
pub mod persistence;
pub mod planner;
pub mod records;
