//! The storage format: one versioned document under one key.
//!
//! The browser adapter (`src/storage.rs`) only moves strings in and out of localStorage; what
//! those strings mean lives here (and the save/load rules in [`crate::domain::persistence::sync`]), so it
//! is tested natively. Stored text looks like
//! `{"fmt":"fasciamap","v":2,"rev":7,"saved_at":"…","crc":123,"data":{…}}`:
//! - `fmt` tells our data from anything else under the key;
//! - `v` is the schema version: older ones are migrated, newer ones are refused (the caller
//!   then opens read-only and never writes them back);
//! - `rev` counts writes, so a tab never overwrites a newer copy written by another tab;
//! - `crc` is the CRC-32 of the exact text of `data`, so a copy that was cut short or changed
//!   by anything but the app is noticed (and set aside) instead of half-read.
//!
//! **Versions.** Each schema version is frozen once released; a fixture of each is kept
//! forever in `tests/fixtures/store/` and must keep migrating to the current format.
//! - v1: `data = {map, map_updated}`.
//! - v2: adds `checkins` (map history), `sessions`, `programme`, `last_export`; the v1 map
//!   becomes the first check-in (see [`migrate_v1_to_v2`]).
//!   Optional fields added within v2 (`profile`, `screen`, `paused`, `running`, `imported`,
//!   later `profile.welcomed`) default when absent and are not written while empty, so a
//!   document without them reads as before and older app versions ignore them; a field that
//!   changes the meaning of existing data needs a new version instead.
//!
//! To add v3: bump [`SCHEMA`], write `migrate_v2_to_v3` on `serde_json::Value`, add a step to
//! [`migrate`], add `tests/fixtures/store/v2.json` with its expected result, never edit v1/v2.
//!
//! Decoding is a total function: any input gives a value or a [`LoadError`], never a panic.

use crate::domain::records::document::Document;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::fmt;

/// Tag that marks our storage envelope.
pub const FORMAT: &str = "fasciamap";
/// Current schema version.
pub const SCHEMA: u64 = 2;
/// localStorage key of the document.
pub const KEY: &str = "fasciamap.doc";
/// localStorage key of the previous good copy.
pub const BACKUP_KEY: &str = "fasciamap.doc.bak";
/// Prefix of keys holding unreadable text set aside (never deleted by the app).
pub const QUARANTINE_PREFIX: &str = "fasciamap.quarantine.";
/// Longest text the decoder looks at (localStorage holds about 5 million characters).
pub const MAX_LEN: usize = 16 * 1024 * 1024;

/// A decoded document with its write counter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The data.
    pub doc: Document,
    /// How many times it has been written.
    pub rev: u64,
    /// The schema version it was written with (before migration).
    pub version: u64,
}

/// Why stored text could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all (for example cut off); where the problem is.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a FasciaMap document; the `fmt` it names, if any.
    NotOurs(Option<String>),
    /// Written by a newer version of the app.
    NewerVersion(u64),
    /// The check value does not match the data: cut short or changed.
    Checksum,
    /// Our format, but the content is damaged.
    Damaged(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson { line, column } => write!(
                f,
                "saved data is not readable text (it breaks off or is garbled at line {line}, column {column})"
            ),
            LoadError::NotOurs(_) => f.write_str("saved data does not belong to FasciaMap"),
            LoadError::NewerVersion(v) => {
                write!(
                    f,
                    "saved data comes from a newer version of the app (format {v})"
                )
            }
            LoadError::Checksum => {
                f.write_str("saved data was cut short or changed (its check value does not match)")
            }
            LoadError::Damaged(e) => write!(f, "saved data is damaged ({e})"),
        }
    }
}

impl std::error::Error for LoadError {}

/// CRC-32 (IEEE, as in zip and PNG) of `bytes`, a byte at a time from one 1 KiB table.
///
/// One table rather than eight ("slicing by 8"): the 7 KiB it saves are random-looking data
/// that compression cannot shrink, and this is in the app's first download; a byte at a time
/// still checks two years of history in about a millisecond.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    let mut c = !0u32;
    for &b in bytes {
        c = TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    fmt: &'a str,
    v: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    rev: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    crc: u32,
    data: &'a RawValue,
}

/// Writes an envelope around `doc` (storage when `rev` is given, a backup file otherwise).
pub(crate) fn encode_envelope(
    fmt: &str,
    doc: &Document,
    rev: Option<u64>,
    saved_at: Option<&str>,
    exported_at: Option<&str>,
) -> String {
    // Serializing plain data with string keys cannot fail; fall back to an empty object.
    let data = serde_json::to_string(doc).unwrap_or_else(|_| String::from("{}"));
    let crc = crc32(data.as_bytes());
    let Ok(raw) = RawValue::from_string(data) else {
        return String::from("{}");
    };
    let env = EnvelopeOut {
        fmt,
        v: SCHEMA,
        rev,
        saved_at,
        exported_at,
        crc,
        data: &raw,
    };
    serde_json::to_string(&env).unwrap_or_else(|_| String::from("{}"))
}

/// Encodes a document as stored text.
pub fn encode(doc: &Document, rev: u64, saved_at: &str) -> String {
    encode_envelope(FORMAT, doc, Some(rev), Some(saved_at), None)
}

/// Reads only the write counter of stored text (0 when it cannot be read).
pub fn peek_rev(raw: &str) -> u64 {
    serde_json::from_str::<EnvIn<'_>>(raw)
        .ok()
        .and_then(|e| e.rev)
        .and_then(|v| v.as_u64())
        .unwrap_or(0)
}

#[derive(Deserialize)]
struct EnvIn<'a> {
    #[serde(default)]
    fmt: Option<Value>,
    #[serde(default)]
    v: Option<Value>,
    #[serde(default)]
    rev: Option<Value>,
    #[serde(default)]
    crc: Option<Value>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

/// Shortens a message that may quote stored text.
fn short(msg: String) -> String {
    if msg.chars().count() <= 160 {
        msg
    } else {
        msg.chars().take(160).chain("…".chars()).collect()
    }
}

/// Opens an envelope whose `fmt` is one of `formats`, checks it and migrates its data.
pub(crate) fn open(raw: &str, formats: &[&str]) -> Result<Stored, LoadError> {
    if raw.len() > MAX_LEN {
        return Err(LoadError::Damaged(format!(
            "{} characters is far more than any FasciaMap data",
            raw.len()
        )));
    }
    let env: EnvIn<'_> = match serde_json::from_str(raw) {
        Ok(e) => e,
        Err(e) => return Err(classify(raw, e, formats)),
    };
    let fmt = env.fmt.as_ref().and_then(Value::as_str);
    if !fmt.is_some_and(|f| formats.contains(&f)) {
        return Err(LoadError::NotOurs(fmt.map(|f| short(f.to_string()))));
    }
    let v = env
        .v
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Damaged("no version number".into()))?;
    if v > SCHEMA {
        return Err(LoadError::NewerVersion(v));
    }
    let rev = env.rev.as_ref().and_then(Value::as_u64).unwrap_or(0);
    let data = env
        .data
        .ok_or_else(|| LoadError::Damaged("no data".into()))?;
    if let Some(crc) = &env.crc {
        if crc.as_u64() != Some(u64::from(crc32(data.get().as_bytes()))) {
            return Err(LoadError::Checksum);
        }
    }
    let doc = if v == SCHEMA {
        serde_json::from_str::<Document>(data.get())
            .map_err(|e| LoadError::Damaged(short(e.to_string())))?
    } else {
        let value: Value = serde_json::from_str(data.get())
            .map_err(|e| LoadError::Damaged(short(e.to_string())))?;
        let value = migrate(v, value)?;
        // Through text rather than `Document::deserialize(value)`: one deserializer for the
        // whole document tree instead of two keeps the wasm smaller (migrations are rare).
        serde_json::from_str::<Document>(&value.to_string())
            .map_err(|e| LoadError::Damaged(short(e.to_string())))?
    };
    Ok(Stored {
        doc: normalize(doc),
        rev,
        version: v,
    })
}

/// Tells "not JSON" from "JSON of the wrong shape" after the envelope did not parse.
fn classify(raw: &str, err: serde_json::Error, formats: &[&str]) -> LoadError {
    match serde_json::from_str::<Value>(raw) {
        Err(e) => LoadError::NotJson {
            line: e.line(),
            column: e.column(),
        },
        Ok(Value::Object(obj)) => {
            let fmt = obj.get("fmt").and_then(Value::as_str);
            if fmt.is_some_and(|f| formats.contains(&f)) {
                LoadError::Damaged(short(err.to_string()))
            } else {
                LoadError::NotOurs(fmt.map(|f| short(f.to_string())))
            }
        }
        Ok(_) => LoadError::NotOurs(None),
    }
}

/// Decodes stored text, migrating older schema versions.
pub fn decode(raw: &str) -> Result<Stored, LoadError> {
    open(raw, &[FORMAT])
}

/// Reads data written by a *newer* app as well as this version can (unknown fields are
/// ignored), to show it read-only. `None` when even that fails.
pub fn decode_newer_leniently(raw: &str) -> Option<Document> {
    let env: EnvIn<'_> = serde_json::from_str(raw).ok()?;
    serde_json::from_str::<Document>(env.data?.get())
        .ok()
        .map(normalize)
}

/// Makes entry ids unique without losing anything: an exact duplicate is dropped, a
/// different entry that reuses an id gets a fresh suffix.
pub fn normalize(mut doc: Document) -> Document {
    fn unique<'a>(mut ids: impl Iterator<Item = &'a str>) -> bool {
        let mut seen = std::collections::HashSet::new();
        ids.all(|id| seen.insert(id))
    }
    if unique(doc.checkins.iter().map(|c| c.id.as_str()))
        && unique(doc.sessions.iter().map(|s| s.id.as_str()))
    {
        return doc;
    }
    fn dedupe<T: PartialEq>(items: &mut Vec<T>, id: impl Fn(&mut T) -> &mut String) {
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        let mut seen = std::collections::HashSet::new();
        for mut item in items.drain(..) {
            if !seen.contains(id(&mut item).as_str()) {
                seen.insert(id(&mut item).clone());
                out.push(item);
                continue;
            }
            if out.contains(&item) {
                continue;
            }
            let base = id(&mut item).clone();
            let mut n = 2;
            while seen.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            *id(&mut item) = format!("{base}-{n}");
            seen.insert(id(&mut item).clone());
            out.push(item);
        }
        *items = out;
    }
    dedupe(&mut doc.checkins, |c| &mut c.id);
    dedupe(&mut doc.sessions, |s| &mut s.id);
    doc
}

/// Brings `data` of schema `v` up to [`SCHEMA`], one pure step per version.
pub fn migrate(v: u64, data: Value) -> Result<Value, LoadError> {
    let mut data = data;
    let mut v = v;
    while v < SCHEMA {
        data = match v {
            1 => migrate_v1_to_v2(data)?,
            other => {
                return Err(LoadError::Damaged(format!(
                    "unknown format version {other}"
                )))
            }
        };
        v += 1;
    }
    Ok(data)
}

fn damaged(what: &str) -> LoadError {
    LoadError::Damaged(what.to_string())
}

/// v1 → v2: everything is kept; the map a person had entered becomes the first check-in of
/// their history (id `v1-<time>`, at the time it was last changed), so "first map vs latest
/// map" starts from it. A v1 map without a change time is not dated, so it gets no check-in.
pub fn migrate_v1_to_v2(data: Value) -> Result<Value, LoadError> {
    let Value::Object(mut obj) = data else {
        return Err(damaged("data is not an object"));
    };
    let at = obj
        .get("map_updated")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let (Some(map), Some(at)) = (obj.get("map"), at) {
        let compact = v1_map_to_compact(map)?;
        let has_content = compact
            .get("m")
            .and_then(Value::as_array)
            .is_some_and(|m| !m.is_empty())
            || compact
                .get("s")
                .and_then(Value::as_array)
                .is_some_and(|s| !s.is_empty())
            || compact.get("f") == Some(&Value::Bool(true));
        if has_content {
            let mut c = Map::new();
            c.insert("id".into(), Value::String(format!("v1-{at}")));
            c.insert("at".into(), Value::String(at));
            c.insert("map".into(), compact);
            obj.insert("checkins".into(), Value::Array(vec![Value::Object(c)]));
        }
    }
    Ok(Value::Object(obj))
}

/// The v1 map (`{"marks":[{"region","side","severity","kind"}],"symptoms","acute_flare"}`)
/// in the compact check-in form of v2. Frozen: it reads v1 as it was, not today's types.
fn v1_map_to_compact(map: &Value) -> Result<Value, LoadError> {
    let obj = map
        .as_object()
        .ok_or_else(|| damaged("map is not an object"))?;
    let mut marks = Vec::new();
    if let Some(list) = obj.get("marks") {
        let list = list
            .as_array()
            .ok_or_else(|| damaged("marks is not a list"))?;
        for m in list {
            let region = m
                .get("region")
                .and_then(Value::as_str)
                .ok_or_else(|| damaged("a mark has no region"))?;
            let side = match m.get("side").and_then(Value::as_str) {
                Some("left") => 'l',
                Some("right") => 'r',
                Some("mid") => 'm',
                _ => return Err(damaged("a mark has no valid side")),
            };
            let severity = m
                .get("severity")
                .and_then(Value::as_u64)
                .filter(|s| *s <= 3)
                .ok_or_else(|| damaged("a mark has no severity from 0 to 3"))?;
            let sore = match m.get("kind").and_then(Value::as_str) {
                None | Some("tight") if m.get("kind").is_none_or(Value::is_string) => "",
                Some("sore") => "s",
                _ => return Err(damaged("a mark has an unknown kind")),
            };
            marks.push(Value::String(format!("{region}.{side}{severity}{sore}")));
        }
    }
    let mut out = Map::new();
    out.insert("m".into(), Value::Array(marks));
    if let Some(s) = obj.get("symptoms") {
        if s.as_array().is_some_and(|a| !a.is_empty()) {
            out.insert("s".into(), s.clone());
        }
    }
    if obj.get("acute_flare") == Some(&Value::Bool(true)) {
        out.insert("f".into(), Value::Bool(true));
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::history::CheckIn;

    fn sample() -> Document {
        let mut doc = Document::default();
        let at = RegionSide {
            region: RegionId::Hamstrings,
            side: Side::Right,
        };
        doc.map.apply(Action::SetSeverity(at, Severity::MODERATE));
        doc.checkins.push(CheckIn {
            id: "c1".into(),
            at: "2026-11-21T10:00:00.000Z".into(),
            map: doc.map.clone(),
        });
        doc
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn round_trip_keeps_data_and_rev() {
        let raw = encode(&sample(), 7, "2026-11-21T10:00:00Z");
        let back = decode(&raw).unwrap();
        assert_eq!(
            back,
            Stored {
                doc: sample(),
                rev: 7,
                version: SCHEMA
            }
        );
        assert_eq!(peek_rev(&raw), 7);
        assert_eq!(peek_rev("nonsense"), 0);
    }

    #[test]
    fn bad_inputs_give_typed_errors() {
        assert!(matches!(
            decode("{\"fmt\":\"fasciamap\""),
            Err(LoadError::NotJson { line: 1, .. })
        ));
        assert_eq!(decode("[1,2]"), Err(LoadError::NotOurs(None)));
        assert_eq!(decode("42"), Err(LoadError::NotOurs(None)));
        assert_eq!(
            decode(r#"{"fmt":"other","v":1}"#),
            Err(LoadError::NotOurs(Some("other".into())))
        );
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
        assert!(matches!(
            decode(r#"{"fmt":"fasciamap","v":2,"v":2,"data":{}}"#),
            Err(LoadError::Damaged(_))
        ));
        let deep = "[".repeat(10_000);
        assert!(matches!(decode(&deep), Err(LoadError::NotJson { .. })));
    }

    #[test]
    fn a_changed_or_cut_copy_fails_its_check_value() {
        let raw = encode(&sample(), 3, "2026-11-21T10:00:00Z");
        let changed = raw.replace("\"severity\":2", "\"severity\":3");
        assert_ne!(changed, raw);
        assert_eq!(decode(&changed), Err(LoadError::Checksum));
        let cut = &raw[..raw.len() - 2];
        assert!(matches!(decode(cut), Err(LoadError::NotJson { .. })));
    }

    #[test]
    fn empty_data_is_an_empty_document() {
        let s = decode(r#"{"fmt":"fasciamap","v":2,"data":{}}"#).unwrap();
        assert_eq!(s.doc, Document::default());
        assert_eq!(s.rev, 0);
    }

    #[test]
    fn newer_data_can_be_read_leniently_for_display() {
        let raw = r#"{"fmt":"fasciamap","v":3,"rev":4,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":2}]},"future":[1]}}"#;
        assert_eq!(decode(raw), Err(LoadError::NewerVersion(3)));
        let doc = decode_newer_leniently(raw).unwrap();
        assert_eq!(doc.map.len(), 1);
        assert_eq!(decode_newer_leniently("{}"), None);
    }

    #[test]
    fn duplicate_ids_are_kept_apart_never_lost() {
        let mut doc = sample();
        let mut other = doc.checkins[0].clone();
        doc.checkins.push(other.clone());
        other.at = "2026-11-22T10:00:00.000Z".into();
        doc.checkins.push(other);
        let n = normalize(doc);
        let ids: Vec<&str> = n.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c1-2"]);
    }

    #[test]
    fn v1_without_a_change_time_migrates_without_a_checkin() {
        let raw = r#"{"fmt":"fasciamap","v":1,"rev":2,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":2}]}}}"#;
        let s = decode(raw).unwrap();
        assert_eq!(s.version, 1);
        assert_eq!(s.doc.map.len(), 1);
        assert!(s.doc.checkins.is_empty());
        let bad_kind = r#"{"fmt":"fasciamap","v":1,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":2,"kind":7}]},"map_updated":"2026-01-01T00:00:00Z"}}"#;
        assert!(matches!(decode(bad_kind), Err(LoadError::Damaged(_))));
    }
}
