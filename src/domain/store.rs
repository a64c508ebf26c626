//! The storage format: one versioned document under one key.
//!
//! The browser adapter (`src/storage.rs`) only moves strings in and out of localStorage; what
//! those strings mean lives here, so it is tested natively. Stored text looks like
//! `{"fmt":"fasciamap","v":1,"rev":7,"saved_at":"…","data":{…}}`:
//! - `fmt` tells our data from anything else under the key;
//! - `v` is the schema version: older ones are migrated, newer ones are refused (the caller
//!   then opens read-only and never writes them back);
//! - `rev` counts writes, so a tab never overwrites a newer copy written by another tab.
//!
//! Decoding is a total function: any input gives a value or a [`LoadError`], never a panic.

use crate::domain::body_map::BodyMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// Tag that marks our envelope.
pub const FORMAT: &str = "fasciamap";
/// Current schema version.
pub const SCHEMA: u64 = 1;
/// localStorage key of the document.
pub const KEY: &str = "fasciamap.doc";
/// localStorage key of the previous good copy.
pub const BACKUP_KEY: &str = "fasciamap.doc.bak";
/// Prefix of keys holding unreadable text set aside (never deleted by the app).
pub const QUARANTINE_PREFIX: &str = "fasciamap.quarantine.";

/// Everything the app keeps on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The current body map.
    #[serde(default)]
    pub map: BodyMap,
    /// When the map was last changed (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_updated: Option<String>,
    /// Maps received through share links and saved by the person, oldest first. Kept apart
    /// from their own map, which a shared map never replaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<crate::domain::link::ImportedMap>,
}

/// A decoded document with its write counter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The data.
    pub doc: Document,
    /// How many times it has been written.
    pub rev: u64,
}

/// Why stored text could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all (for example cut off).
    NotJson(String),
    /// JSON, but not a FasciaMap document.
    NotOurs,
    /// Written by a newer version of the app.
    NewerVersion(u64),
    /// Our format, but the content is damaged.
    Damaged(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "saved data is not readable text ({e})"),
            LoadError::NotOurs => f.write_str("saved data does not belong to FasciaMap"),
            LoadError::NewerVersion(v) => {
                write!(
                    f,
                    "saved data comes from a newer version of the app (format {v})"
                )
            }
            LoadError::Damaged(e) => write!(f, "saved data is damaged ({e})"),
        }
    }
}

impl std::error::Error for LoadError {}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    fmt: &'static str,
    v: u64,
    rev: u64,
    saved_at: &'a str,
    data: &'a Document,
}

/// Encodes a document as stored text.
pub fn encode(doc: &Document, rev: u64, saved_at: &str) -> String {
    let env = EnvelopeOut {
        fmt: FORMAT,
        v: SCHEMA,
        rev,
        saved_at,
        data: doc,
    };
    // Serializing plain data with string keys cannot fail; fall back to an empty object.
    serde_json::to_string(&env).unwrap_or_else(|_| String::from("{}"))
}

/// Reads only the write counter of stored text (0 when it cannot be read).
pub fn peek_rev(raw: &str) -> u64 {
    serde_json::from_str::<Value>(raw)
        .ok()
        .and_then(|v| v.get("rev").and_then(Value::as_u64))
        .unwrap_or(0)
}

/// Decodes stored text, migrating older schema versions.
pub fn decode(raw: &str) -> Result<Stored, LoadError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let obj = value.as_object().ok_or(LoadError::NotOurs)?;
    if obj.get("fmt").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::NotOurs);
    }
    let v = obj
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Damaged("no version number".into()))?;
    if v > SCHEMA {
        return Err(LoadError::NewerVersion(v));
    }
    let rev = obj.get("rev").and_then(Value::as_u64).unwrap_or(0);
    let data = obj
        .get("data")
        .cloned()
        .ok_or_else(|| LoadError::Damaged("no data".into()))?;
    let data = migrate(v, data)?;
    let doc = Document::deserialize(data).map_err(|e| LoadError::Damaged(e.to_string()))?;
    Ok(Stored { doc, rev })
}

/// Brings `data` of schema `v` up to [`SCHEMA`], one pure step per version.
fn migrate(v: u64, data: Value) -> Result<Value, LoadError> {
    match v {
        1 => Ok(data),
        other => Err(LoadError::Damaged(format!(
            "unknown format version {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::body_map::Action;
    use crate::domain::mark::Severity;
    use crate::domain::region::{RegionId, RegionSide, Side};

    fn sample() -> Document {
        let mut doc = Document::default();
        let at = RegionSide {
            region: RegionId::Hamstrings,
            side: Side::Right,
        };
        doc.map.apply(Action::SetSeverity(at, Severity::CLEAR));
        doc
    }

    #[test]
    fn round_trip_keeps_data_and_rev() {
        let raw = encode(&sample(), 7, "2026-11-21T10:00:00Z");
        let back = decode(&raw).unwrap();
        assert_eq!(
            back,
            Stored {
                doc: sample(),
                rev: 7
            }
        );
        assert_eq!(peek_rev(&raw), 7);
    }

    #[test]
    fn bad_inputs_give_typed_errors() {
        assert!(matches!(
            decode("{\"fmt\":\"fasciamap\""),
            Err(LoadError::NotJson(_))
        ));
        assert_eq!(decode("[1,2]"), Err(LoadError::NotOurs));
        assert_eq!(decode(r#"{"fmt":"other","v":1}"#), Err(LoadError::NotOurs));
        assert_eq!(
            decode(r#"{"fmt":"fasciamap","v":9,"data":{}}"#),
            Err(LoadError::NewerVersion(9))
        );
        assert!(matches!(
            decode(r#"{"fmt":"fasciamap","v":1}"#),
            Err(LoadError::Damaged(_))
        ));
        let bad_sev = r#"{"fmt":"fasciamap","v":1,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":9}]}}}"#;
        assert!(matches!(decode(bad_sev), Err(LoadError::Damaged(_))));
        assert!(matches!(
            decode(r#"{"fmt":"fasciamap","v":0,"data":{}}"#),
            Err(LoadError::Damaged(_))
        ));
    }

    #[test]
    fn empty_data_is_an_empty_document() {
        let s = decode(r#"{"fmt":"fasciamap","v":1,"data":{}}"#).unwrap();
        assert_eq!(s.doc, Document::default());
        assert_eq!(s.rev, 0);
    }
}
