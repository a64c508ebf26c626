//! The persistence wing: every text form that leaves memory.
//!
//! Rule of the wing: it may import every other wing, and it is the only one that knows
//! storage keys, formats, versions and checksums.
//!
//! - [`store`]: the versioned envelope, migrations and the CRC-32.
//! - [`peek`]: the body map alone from stored text, for the first paint.
//! - [`sync`]: load/save rules over a key-value store (backup, quarantine, tabs, merges).
//! - [`export`]: the backup file, import preview and the export reminder.
//! - [`link`]: share links (the map in the URL fragment).
//! - [`ics`]: the 28-day programme as a calendar file (reminders without a server).

pub mod export;
pub mod ics;
pub mod link;
pub mod peek;
pub mod store;
pub mod sync;
