//! The backup file: one versioned JSON file with everything, its import with a preview, and
//! when to remind the person to make one.
//!
//! The file is the storage envelope with its own tag:
//! `{"fmt":"fasciamap-export","v":2,"exported_at":"…","crc":…,"data":{…}}`, so every later
//! version reads it through the same migrations as stored data. A copy of the stored text
//! (`"fmt":"fasciamap"`) is accepted too. Import never changes anything until the person
//! confirms; a damaged or foreign file gives an [`ImportError`] that says what is wrong.

use crate::domain::calendar::{self, LocalTime, DAY_MS};
use crate::domain::persistence::store::{self, LoadError, FORMAT};
use crate::domain::persistence::sync;
use crate::domain::records::document::Document;
use std::collections::HashSet;
use std::fmt;

/// Tag of a backup file.
pub const EXPORT_FORMAT: &str = "fasciamap-export";
/// Largest file the import looks at.
pub const MAX_FILE: usize = 16 * 1024 * 1024;
/// Days after which an export is "old" (Safari clears site data after 7 days without a visit).
pub const REMIND_AFTER_DAYS: i64 = 7;

/// Writes the backup file.
pub fn encode(doc: &Document, exported_at: &str) -> String {
    store::encode_envelope(EXPORT_FORMAT, doc, None, None, Some(exported_at))
}

/// A file name such as `fasciamap-backup-2026-11-21.json`.
pub fn file_name(day: i64) -> String {
    format!("fasciamap-backup-{}.json", calendar::format_day(day))
}

/// Why a file cannot be imported. `Display` is a plain sentence for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty,
    /// The file is far too large for a backup.
    TooLarge(usize),
    /// Not JSON: where it goes wrong.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not ours; the `fmt` it names, if any.
    Foreign(Option<String>),
    /// Made by a newer version of the app.
    Newer(u64),
    /// The check value does not match.
    Checksum,
    /// Ours, but the content is damaged.
    Damaged(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::TooLarge(n) => write!(
                f,
                "The file is {} MB, far larger than any FasciaMap backup, so it was not opened.",
                n.div_ceil(1024 * 1024)
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This is not a FasciaMap backup: it is not readable as JSON text (it goes wrong at line {line}, column {column})."
            ),
            ImportError::Foreign(Some(tag)) => write!(
                f,
                "This file is not a FasciaMap backup: it says it is “{tag}”."
            ),
            ImportError::Foreign(None) => f.write_str(
                "This file is not a FasciaMap backup: it has no FasciaMap marker.",
            ),
            ImportError::Newer(v) => write!(
                f,
                "This backup was made by a newer version of FasciaMap (format {v}). Reload the app to update it, then import again."
            ),
            ImportError::Checksum => f.write_str(
                "This backup was changed or cut short after it was saved: its check value does not match.",
            ),
            ImportError::Damaged(e) => write!(f, "This backup is damaged: {e}."),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a backup file (or a copy of the stored text).
pub fn decode(text: &str) -> Result<Document, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_FILE {
        return Err(ImportError::TooLarge(text.len()));
    }
    store::open(text, &[EXPORT_FORMAT, FORMAT])
        .map(|s| s.doc)
        .map_err(|e| match e {
            LoadError::NotJson { line, column } => ImportError::NotJson { line, column },
            LoadError::NotOurs(tag) => ImportError::Foreign(tag),
            LoadError::NewerVersion(v) => ImportError::Newer(v),
            LoadError::Checksum => ImportError::Checksum,
            LoadError::Damaged(d) => ImportError::Damaged(d),
        })
}

/// What an import would bring, shown before the person confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Check-ins in the file.
    pub checkins: usize,
    /// Sessions in the file.
    pub sessions: usize,
    /// Of those, entries not on this device yet.
    pub new_entries: usize,
    /// First and last local day of the file's entries.
    pub span: Option<(i64, i64)>,
    /// The file holds a current map with marks.
    pub has_map: bool,
    /// The file has a started 28-day programme.
    pub programme: bool,
}

/// Compares a file's document with the local one.
pub fn preview(local: &Document, incoming: &Document, tz: LocalTime<'_>) -> Preview {
    let known: HashSet<&str> = local
        .checkins
        .iter()
        .map(|c| c.id.as_str())
        .chain(local.sessions.iter().map(|s| s.id.as_str()))
        .collect();
    let times = incoming
        .checkins
        .iter()
        .map(|c| c.at.as_str())
        .chain(incoming.sessions.iter().map(|s| s.started_at.as_str()))
        .filter_map(calendar::parse_iso_ms)
        .map(|ms| calendar::local_day(ms, tz));
    let span = times.fold(None, |acc: Option<(i64, i64)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    });
    Preview {
        checkins: incoming.checkins.len(),
        sessions: incoming.sessions.len(),
        new_entries: incoming
            .checkins
            .iter()
            .map(|c| c.id.as_str())
            .chain(incoming.sessions.iter().map(|s| s.id.as_str()))
            .filter(|id| !known.contains(id))
            .count(),
        span,
        has_map: !incoming.map.is_empty(),
        programme: incoming.programme.is_some(),
    }
}

/// Merge (every entry once, local fields kept) or replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add the file's entries to what is here.
    Merge,
    /// Use the file instead of what is here.
    Replace,
}

/// The document after importing `incoming` into `local`.
pub fn apply(local: &Document, incoming: &Document, mode: ImportMode) -> Document {
    match mode {
        ImportMode::Merge => sync::merge_import(local, incoming),
        ImportMode::Replace => incoming.clone(),
    }
}

/// True when the person should be reminded to export: the app is not installed (Safari may
/// clear a site's data after 7 days without a visit), there is history worth keeping, and
/// the last export is missing or older than [`REMIND_AFTER_DAYS`] (counted from the first
/// entry when there was never one).
pub fn reminder_due(doc: &Document, now_ms: i64, installed: bool) -> bool {
    if installed {
        return false;
    }
    let first_entry = doc
        .checkins
        .iter()
        .map(|c| c.at.as_str())
        .chain(doc.sessions.iter().map(|s| s.started_at.as_str()))
        .filter_map(calendar::parse_iso_ms)
        .min();
    let Some(first) = first_entry else {
        return false;
    };
    let since = doc
        .last_export
        .as_deref()
        .and_then(calendar::parse_iso_ms)
        .unwrap_or(first);
    now_ms - since >= REMIND_AFTER_DAYS * DAY_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::utc;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::history::CheckIn;

    fn doc() -> Document {
        let mut d = Document::default();
        d.map.apply(Action::SetSeverity(
            RegionSide {
                region: RegionId::Calf,
                side: Side::Left,
            },
            Severity::STRONG,
        ));
        d.checkins.push(CheckIn {
            id: "c1".into(),
            at: "2026-11-01T08:00:00.000Z".into(),
            map: d.map.clone(),
        });
        d
    }

    #[test]
    fn export_round_trips() {
        let text = encode(&doc(), "2026-11-21T10:00:00.000Z");
        assert!(text.starts_with(r#"{"fmt":"fasciamap-export","v":2,"exported_at":"#));
        assert_eq!(decode(&text), Ok(doc()));
        assert_eq!(
            decode(&format!("\u{feff}{text}")),
            Ok(doc()),
            "a byte-order mark is fine"
        );
        let stored = store::encode(&doc(), 4, "x");
        assert_eq!(
            decode(&stored),
            Ok(doc()),
            "a copy of the stored text imports too"
        );
    }

    #[test]
    fn foreign_and_damaged_files_say_what_is_wrong() {
        let cases: Vec<(&str, &str)> = vec![
            ("", "empty"),
            ("PK\u{3}\u{4}binary", "not readable as JSON"),
            ("{\"name\":\"photo\"}", "no FasciaMap marker"),
            ("{\"fmt\":\"excalidraw\",\"v\":2}", "“excalidraw”"),
            ("[]", "no FasciaMap marker"),
            (
                "{\"fmt\":\"fasciamap-export\",\"v\":7,\"data\":{}}",
                "newer version",
            ),
            (
                "{\"fmt\":\"fasciamap-export\",\"v\":2,\"data\":{\"checkins\":5}}",
                "damaged",
            ),
            (
                "{\"fmt\":\"fasciamap-export\",\"v\":2,\"crc\":1,\"data\":{}}",
                "check value",
            ),
        ];
        for (text, words) in cases {
            let err = decode(text).unwrap_err().to_string();
            assert!(err.contains(words), "{text:?} → {err}");
        }
    }

    #[test]
    fn preview_counts_new_entries() {
        let local = doc();
        let mut incoming = doc();
        incoming.checkins.push(CheckIn {
            id: "c2".into(),
            at: "2026-11-05T08:00:00.000Z".into(),
            map: Default::default(),
        });
        let p = preview(&local, &incoming, &utc);
        assert_eq!((p.checkins, p.sessions, p.new_entries), (2, 0, 1));
        let (a, b) = p.span.unwrap();
        assert_eq!(b - a, 4);
        assert!(p.has_map);
        assert_eq!(
            apply(&local, &incoming, ImportMode::Merge).checkins.len(),
            2
        );
        assert_eq!(apply(&local, &incoming, ImportMode::Replace), incoming);
    }

    #[test]
    fn reminder_after_a_week_unless_installed() {
        let mut d = doc();
        let first = calendar::parse_iso_ms("2026-11-01T08:00:00.000Z").unwrap();
        assert!(!reminder_due(&d, first + 6 * DAY_MS, false));
        assert!(reminder_due(&d, first + 7 * DAY_MS, false));
        assert!(!reminder_due(&d, first + 70 * DAY_MS, true));
        d.last_export = Some("2026-11-20T08:00:00.000Z".into());
        assert!(!reminder_due(&d, first + 20 * DAY_MS, false));
        assert!(reminder_due(&d, first + 26 * DAY_MS, false));
        assert!(
            !reminder_due(&Document::default(), first, false),
            "nothing to keep yet"
        );
    }
}
