//! Loading and saving through a key-value store: the rules that keep a person's data safe,
//! independent of the browser so they are tested natively with [`MemStore`] and faulty stores.
//!
//! - **Load** ([`Syncer::open`]): read the document; unreadable text is first copied to
//!   `fasciamap.quarantine.<ms>` (never deleted), then the backup copy is used; data from a
//!   newer app is shown read-only and never written; a store that cannot be read at all means
//!   memory only.
//! - **Save** ([`Syncer::save`]): re-read before writing. If another tab wrote since our last
//!   read or write, merge three ways (our last copy as the base, ours, theirs) so both tabs'
//!   changes survive, then write. The current good copy moves to the backup key first; the
//!   write counter goes up by one. A full or blocked store leaves everything stored as it was
//!   and the document in memory untouched.
//! - **Another tab wrote** ([`Syncer::external`]): adopt its copy, or merge it with our unsaved
//!   changes.

use crate::domain::calendar;
use crate::domain::persistence::store::{
    self, LoadError, Stored, BACKUP_KEY, KEY, QUARANTINE_PREFIX,
};
use crate::domain::records::document::Document;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Why the store refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KvError {
    /// Storage is missing or blocked (private mode, settings, `SecurityError`).
    Blocked,
    /// Storage is full (`QuotaExceededError`).
    Full,
}

/// A string key-value store (localStorage in the browser, [`MemStore`] in tests).
pub trait KvStore {
    /// The value under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError>;
}

/// An in-memory store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemStore {
    /// The entries.
    pub items: BTreeMap<String, String>,
}

impl KvStore for MemStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.items.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.items.insert(key.to_string(), value.to_string());
        Ok(())
    }
}

/// How this tab may use the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Reads and writes.
    Normal,
    /// The stored data comes from a newer app: never written.
    ReadOnlyNewer,
    /// The store cannot be used (blocked, or unreadable data could not be set aside).
    MemoryOnly,
}

/// What the person should be told after loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNote {
    /// Storage is blocked: nothing will be saved.
    Blocked,
    /// Saved data comes from a newer app version.
    Newer,
    /// Saved data was unreadable and was set aside.
    SetAside {
        /// Key of the copy.
        key: String,
        /// Why it was unreadable.
        reason: String,
        /// The previous good copy was opened instead.
        restored_backup: bool,
        /// The unreadable text.
        raw: String,
    },
    /// Saved data was unreadable and could not even be copied aside: nothing is written.
    SetAsideFailed {
        /// Why it was unreadable.
        reason: String,
        /// The unreadable text.
        raw: String,
    },
}

/// The outcome of a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Nothing to write.
    Unchanged,
    /// Written.
    Written,
    /// Another tab had written: this merged document was written (show it).
    Merged(Box<Document>),
    /// Not written: read-only or memory-only.
    Skipped,
    /// Another tab runs a newer app version: from now on this tab is read-only.
    NowReadOnly,
}

/// What to do after another tab wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum External {
    /// Nothing.
    Ignore,
    /// Show this document (nothing of ours was pending).
    Replace(Document),
    /// Show this merge of theirs and our unsaved changes (and save it).
    Merge(Document),
    /// A newer app wrote: read-only from now on.
    NowReadOnly,
}

/// This tab's side of the store: how it may use it, and the copy it last read or wrote (the
/// base of every three-way merge). Loads, saves and takes in other tabs' writes. (Not called
/// `Sync`, which would shadow the standard marker trait.)
#[derive(Clone, Debug)]
pub struct Syncer {
    mode: Mode,
    rev: u64,
    base: Document,
    last_raw: Option<String>,
    /// `last_raw` reads as a document (we wrote it, or decoded it): it may become the backup.
    last_raw_ok: bool,
}

fn quarantine(kv: &mut impl KvStore, raw: &str, now_ms: i64) -> Result<String, KvError> {
    let mut key = format!("{QUARANTINE_PREFIX}{now_ms}");
    let mut n = 1;
    while kv.get(&key)?.is_some_and(|v| v != raw) {
        key = format!("{QUARANTINE_PREFIX}{now_ms}-{n}");
        n += 1;
    }
    kv.set(&key, raw)?;
    Ok(key)
}

impl Syncer {
    /// A tab that keeps everything in memory.
    pub fn memory_only() -> Syncer {
        Syncer {
            mode: Mode::MemoryOnly,
            rev: 0,
            base: Document::default(),
            last_raw: None,
            last_raw_ok: false,
        }
    }

    /// How this tab may use the store.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The write counter of the copy this tab last read or wrote.
    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// Loads the document once at start.
    pub fn open(kv: &mut impl KvStore, now_ms: i64) -> (Syncer, Document, Option<LoadNote>) {
        let mut sync = Syncer {
            mode: Mode::Normal,
            rev: 0,
            base: Document::default(),
            last_raw: None,
            last_raw_ok: false,
        };
        let raw = match kv.get(KEY) {
            Err(_) => {
                return (
                    Syncer::memory_only(),
                    Document::default(),
                    Some(LoadNote::Blocked),
                )
            }
            Ok(None) => {
                // No document: a backup alone (the main key removed by hand) is still used.
                return match kv.get(BACKUP_KEY).ok().flatten().map(|b| store::decode(&b)) {
                    Some(Ok(s)) => {
                        sync.rev = s.rev;
                        (sync, s.doc, None)
                    }
                    _ => (sync, Document::default(), None),
                };
            }
            Ok(Some(raw)) => raw,
        };
        match store::decode(&raw) {
            Ok(Stored { doc, rev, .. }) => {
                sync.rev = rev;
                sync.base = doc.clone();
                sync.last_raw = Some(raw);
                sync.last_raw_ok = true;
                (sync, doc, None)
            }
            Err(LoadError::NewerVersion(_)) => {
                sync.mode = Mode::ReadOnlyNewer;
                let doc = store::decode_newer_leniently(&raw).unwrap_or_default();
                (sync, doc, Some(LoadNote::Newer))
            }
            Err(err) => match quarantine(kv, &raw, now_ms) {
                Err(_) => (
                    Syncer::memory_only(),
                    Document::default(),
                    Some(LoadNote::SetAsideFailed {
                        reason: err.to_string(),
                        raw,
                    }),
                ),
                Ok(key) => {
                    let backup = kv
                        .get(BACKUP_KEY)
                        .ok()
                        .flatten()
                        .and_then(|b| store::decode(&b).ok());
                    let restored_backup = backup.is_some();
                    // The next write must go above anything written before, readable or not.
                    sync.rev = store::peek_rev(&raw).max(backup.as_ref().map_or(0, |b| b.rev));
                    let doc = backup.map(|b| b.doc).unwrap_or_default();
                    sync.base = doc.clone();
                    sync.last_raw = Some(raw.clone());
                    // The raw text is safe under its own key: put the copy we opened in its
                    // place, so the next start does not set the same text aside again.
                    let text = store::encode(&doc, sync.rev + 1, &calendar::iso_from_ms(now_ms));
                    if kv.set(KEY, &text).is_ok() {
                        sync.rev += 1;
                        sync.last_raw = Some(text);
                        sync.last_raw_ok = true;
                    }
                    let note = LoadNote::SetAside {
                        key,
                        reason: err.to_string(),
                        restored_backup,
                        raw,
                    };
                    (sync, doc, Some(note))
                }
            },
        }
    }

    /// Saves `doc` (see the module docs). `now_iso` stamps the copy, `now_ms` names a
    /// quarantine key if the stored text turns out to be unreadable.
    pub fn save(
        &mut self,
        kv: &mut impl KvStore,
        doc: &Document,
        now_iso: &str,
        now_ms: i64,
    ) -> Result<Saved, KvError> {
        if self.mode != Mode::Normal {
            return Ok(Saved::Skipped);
        }
        let current = kv.get(KEY)?;
        let mut to_write = doc.clone();
        let mut merged = false;
        let mut rev = self.rev;
        let mut backup_ok = false;
        if let Some(cur) = &current {
            if self.last_raw.as_deref() == Some(cur.as_str()) {
                // Nobody else wrote since our last read or write.
                if *doc == self.base {
                    return Ok(Saved::Unchanged);
                }
                // Known without decoding it again (this is every save's path).
                backup_ok = self.last_raw_ok;
            } else {
                match store::decode(cur) {
                    Ok(stored) => {
                        backup_ok = true;
                        to_write = merge3(&self.base, doc, &stored.doc);
                        merged = to_write != *doc;
                        rev = rev.max(stored.rev);
                        if to_write == stored.doc {
                            self.rev = stored.rev;
                            self.base = stored.doc;
                            self.last_raw = Some(cur.clone());
                            self.last_raw_ok = true;
                            return Ok(if merged {
                                Saved::Merged(Box::new(to_write))
                            } else {
                                Saved::Unchanged
                            });
                        }
                    }
                    Err(LoadError::NewerVersion(_)) => {
                        self.mode = Mode::ReadOnlyNewer;
                        return Ok(Saved::NowReadOnly);
                    }
                    Err(_) => {
                        // Written by something else and unreadable: keep it before replacing.
                        quarantine(kv, cur, now_ms)?;
                        rev = rev.max(store::peek_rev(cur));
                    }
                }
            }
        }
        if backup_ok {
            if let Some(cur) = &current {
                kv.set(BACKUP_KEY, cur)?;
            }
        }
        let text = store::encode(&to_write, rev + 1, now_iso);
        kv.set(KEY, &text)?;
        self.rev = rev + 1;
        self.base = to_write.clone();
        self.last_raw = Some(text);
        self.last_raw_ok = true;
        Ok(if merged {
            Saved::Merged(Box::new(to_write))
        } else {
            Saved::Written
        })
    }

    /// Another tab wrote `raw` under the document key. `mine` is what this tab shows and
    /// `dirty` says whether it holds changes not yet saved.
    pub fn external(&mut self, raw: Option<&str>, mine: &Document, dirty: bool) -> External {
        let Some(raw) = raw else {
            return External::Ignore;
        };
        if self.mode == Mode::MemoryOnly || self.last_raw.as_deref() == Some(raw) {
            return External::Ignore;
        }
        match store::decode(raw) {
            Ok(stored) => {
                if stored.rev < self.rev && self.mode == Mode::Normal {
                    // An older copy (a stale tab): our next save merges it.
                    return External::Ignore;
                }
                let out = if dirty && self.mode == Mode::Normal {
                    External::Merge(merge3(&self.base, mine, &stored.doc))
                } else {
                    External::Replace(stored.doc.clone())
                };
                self.rev = stored.rev;
                self.base = stored.doc;
                self.last_raw = Some(raw.to_string());
                self.last_raw_ok = true;
                out
            }
            Err(LoadError::NewerVersion(_)) => {
                self.mode = Mode::ReadOnlyNewer;
                External::NowReadOnly
            }
            Err(_) => External::Ignore,
        }
    }
}

/// Lists of entries merged by their `id`.
const ENTRY_LISTS: [&str; 2] = ["checkins", "sessions"];

fn to_obj(doc: &Document) -> Map<String, Value> {
    // Through text (see `store::open`): merges are rare, code size matters.
    match serde_json::from_str::<Value>(&serde_json::to_string(doc).unwrap_or_default()) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fn entry_id(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

/// The time an entry sorts by: `at` of a check-in, `t` of a stored session (ISO strings in
/// UTC sort as text).
fn entry_time(v: &Value) -> &str {
    v.get("at")
        .or_else(|| v.get("t"))
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn by_id(list: Option<&Value>) -> Vec<(String, Value)> {
    list.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| Some((entry_id(v)?.to_string(), v.clone())))
                .collect()
        })
        .unwrap_or_default()
}

fn sort_entries(mut list: Vec<Value>) -> Value {
    list.sort_by(|a, b| {
        entry_time(a)
            .cmp(entry_time(b))
            .then_with(|| entry_id(a).cmp(&entry_id(b)))
    });
    Value::Array(list)
}

/// Three-way merge of entry lists: additions on either side are kept, a deletion on one side
/// wins over an untouched entry on the other, a change wins over no change (ours on a tie).
fn merge_entries(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    let base = by_id(base);
    let mine = by_id(mine);
    let theirs = by_id(theirs);
    let find =
        |l: &[(String, Value)], id: &str| l.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
    let mut out = Vec::new();
    let mut ids: Vec<&String> = mine.iter().map(|(i, _)| i).collect();
    for (i, _) in &theirs {
        if !ids.contains(&i) {
            ids.push(i);
        }
    }
    for id in ids {
        let b = find(&base, id);
        let m = find(&mine, id);
        let t = find(&theirs, id);
        let keep = match (m, t) {
            (Some(m), Some(t)) => Some(if b.as_ref() == Some(&m) { t } else { m }),
            (Some(m), None) => (b.as_ref() != Some(&m)).then_some(m),
            (None, Some(t)) => (b.as_ref() != Some(&t)).then_some(t),
            (None, None) => None,
        };
        out.extend(keep);
    }
    sort_entries(out)
}

fn mark_key(v: &Value) -> Option<(String, String)> {
    Some((
        v.get("region")?.as_str()?.to_string(),
        v.get("side")?.as_str()?.to_string(),
    ))
}

/// Three-way merge of a set keyed by `key`: present in the result when ours says so if we
/// changed it, else when theirs says so.
fn merge_keyed<K: Ord + Clone>(
    base: &[Value],
    mine: &[Value],
    theirs: &[Value],
    key: impl Fn(&Value) -> Option<K>,
) -> Vec<Value> {
    let index = |l: &[Value]| -> BTreeMap<K, Value> {
        l.iter()
            .filter_map(|v| Some((key(v)?, v.clone())))
            .collect()
    };
    let (b, m, t) = (index(base), index(mine), index(theirs));
    let mut keys: Vec<K> = m.keys().chain(t.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (bv, mv, tv) = (b.get(&k), m.get(&k), t.get(&k));
            if mv != bv {
                mv.cloned()
            } else {
                tv.cloned()
            }
        })
        .collect()
}

fn arr(v: Option<&Value>, key: &str) -> Vec<Value> {
    v.and_then(|v| v.get(key))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn merge_map(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let marks = merge_keyed(
        &arr(base, "marks"),
        &arr(mine, "marks"),
        &arr(theirs, "marks"),
        mark_key,
    );
    let symptoms = merge_keyed(
        &arr(base, "symptoms"),
        &arr(mine, "symptoms"),
        &arr(theirs, "symptoms"),
        |v| v.as_str().map(str::to_string),
    );
    let flare = |v: Option<&Value>| v.and_then(|v| v.get("acute_flare")).cloned();
    let acute = if flare(mine) != flare(base) {
        flare(mine)
    } else {
        flare(theirs)
    };
    let mut out = Map::new();
    out.insert("marks".into(), Value::Array(marks));
    out.insert("symptoms".into(), Value::Array(symptoms));
    out.insert("acute_flare".into(), acute.unwrap_or(Value::Bool(false)));
    Some(Value::Object(out))
}

/// Merges two copies that both started from `base`: entries by id, the map per region-side,
/// every other field as a whole (a field we changed wins; otherwise theirs). Fields added by
/// later features are handled too, since this works on the JSON form. When the result does
/// not read back as a document, ours is kept.
pub fn merge3(base: &Document, mine: &Document, theirs: &Document) -> Document {
    let (b, m, t) = (to_obj(base), to_obj(mine), to_obj(theirs));
    assemble(&m, &t, mine, |k| {
        if ENTRY_LISTS.contains(&k) {
            Some(merge_entries(b.get(k), m.get(k), t.get(k)))
        } else if k == "map" {
            merge_map(b.get(k), m.get(k), t.get(k))
        } else if m.get(k) != b.get(k) {
            m.get(k).cloned()
        } else {
            t.get(k).cloned()
        }
    })
}

/// Builds a document field by field from the fields of `a` and `b`: `pick` gives each field's
/// value (`None` leaves it out). The result is read back through text, like [`to_obj`], so the
/// app carries one document decoder; if it does not read back, `fallback` is kept.
fn assemble(
    a: &Map<String, Value>,
    b: &Map<String, Value>,
    fallback: &Document,
    pick: impl Fn(&str) -> Option<Value>,
) -> Document {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Map::new();
    for k in keys {
        if let Some(v) = pick(k) {
            out.insert(k.clone(), v);
        }
    }
    serde_json::from_str::<Document>(&Value::Object(out).to_string())
        .map(store::normalize)
        .unwrap_or_else(|_| fallback.clone())
}

/// How complete an entry is: a finished session (`e`) beats an unfinished one, more steps
/// (`k`) beat fewer (stored session form, see `history::stored_sessions`).
fn completeness(v: &Value) -> (bool, usize) {
    (
        v.get("e").is_some_and(|f| !f.is_null()),
        v.get("k").and_then(Value::as_array).map_or(0, Vec::len),
    )
}

fn is_empty_value(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o
            .values()
            .all(|x| is_empty_value(Some(x)) || *x == Value::Bool(false)),
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    }
}

/// Merges an imported document into the local one: every entry of both is kept once (by id;
/// when both have an entry, the more complete one, else the local one); other fields stay
/// local unless the local one is empty. Idempotent: merging the same file twice changes
/// nothing the second time.
pub fn merge_import(local: &Document, incoming: &Document) -> Document {
    let (l, i) = (to_obj(local), to_obj(incoming));
    assemble(&l, &i, local, |k| {
        if ENTRY_LISTS.contains(&k) {
            let mut list = by_id(l.get(k));
            for (id, v) in by_id(i.get(k)) {
                match list.iter_mut().find(|(x, _)| *x == id) {
                    Some((_, mine)) => {
                        if completeness(&v) > completeness(mine) {
                            *mine = v;
                        }
                    }
                    None => list.push((id, v)),
                }
            }
            Some(sort_entries(list.into_iter().map(|(_, v)| v).collect()))
        } else if is_empty_value(l.get(k)) {
            i.get(k).cloned().or_else(|| l.get(k).cloned())
        } else {
            l.get(k).cloned()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::history::CheckIn;

    /// A store whose reads or writes fail on demand.
    #[derive(Default)]
    struct Faulty {
        inner: MemStore,
        fail_get: bool,
        fail_set: Option<KvError>,
    }

    impl KvStore for Faulty {
        fn get(&self, key: &str) -> Result<Option<String>, KvError> {
            if self.fail_get {
                return Err(KvError::Blocked);
            }
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
            match self.fail_set {
                Some(e) => Err(e),
                None => self.inner.set(key, value),
            }
        }
    }

    fn rs(region: RegionId, side: Side) -> RegionSide {
        RegionSide { region, side }
    }

    fn with_mark(doc: &Document, region: RegionId, side: Side, sev: Severity) -> Document {
        let mut d = doc.clone();
        d.map.apply(Action::SetSeverity(rs(region, side), sev));
        d
    }

    fn with_checkin(doc: &Document, id: &str, at: &str) -> Document {
        let mut d = doc.clone();
        d.checkins.push(CheckIn {
            id: id.into(),
            at: at.into(),
            map: d.map.clone(),
        });
        d
    }

    const T: &str = "2026-11-21T10:00:00.000Z";

    #[test]
    fn save_then_open_round_trips_with_a_backup() {
        let mut kv = MemStore::default();
        let (mut s, doc, note) = Syncer::open(&mut kv, 1);
        assert_eq!((doc, note), (Document::default(), None));
        let d1 = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        assert_eq!(s.save(&mut kv, &d1, T, 2), Ok(Saved::Written));
        assert_eq!(s.save(&mut kv, &d1, T, 3), Ok(Saved::Unchanged));
        let d2 = with_mark(&d1, RegionId::Calf, Side::Right, Severity::STRONG);
        assert_eq!(s.save(&mut kv, &d2, T, 4), Ok(Saved::Written));
        assert_eq!(s.rev(), 2);
        assert_eq!(store::decode(&kv.items[BACKUP_KEY]).unwrap().doc, d1);
        let (s2, back, note) = Syncer::open(&mut kv, 5);
        assert_eq!((back, note, s2.rev()), (d2, None, 2));
    }

    #[test]
    fn unreadable_text_is_set_aside_and_the_backup_opens() {
        let mut kv = MemStore::default();
        let (mut s, _, _) = Syncer::open(&mut kv, 1);
        let d1 = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        s.save(&mut kv, &d1, T, 2).unwrap();
        let d2 = with_mark(&d1, RegionId::Calf, Side::Right, Severity::MILD);
        s.save(&mut kv, &d2, T, 3).unwrap();
        let good = kv.items[KEY].clone();
        let cut = good[..good.len() / 2].to_string();
        kv.items.insert(KEY.into(), cut.clone());
        let (mut s, doc, note) = Syncer::open(&mut kv, 99);
        assert_eq!(doc, d1, "the backup copy");
        let Some(LoadNote::SetAside {
            key,
            restored_backup,
            raw,
            ..
        }) = note
        else {
            panic!("{note:?}")
        };
        assert!(restored_backup);
        assert_eq!(raw, cut);
        assert_eq!(kv.items[&key], cut, "kept untouched");
        let quarantined = |kv: &MemStore| {
            kv.items
                .keys()
                .filter(|k| k.starts_with(QUARANTINE_PREFIX))
                .count()
        };
        assert_eq!(quarantined(&kv), 1);
        let (_, again, note) = Syncer::open(&mut kv.clone(), 150);
        assert_eq!(
            (again, note),
            (d1.clone(), None),
            "the opened copy took the damaged one's place"
        );
        assert_eq!(quarantined(&kv), 1);
        // Saving again writes above the damaged copy's counter and keeps the quarantine.
        let d3 = with_mark(&doc, RegionId::Heel, Side::Left, Severity::MILD);
        s.save(&mut kv, &d3, T, 100).unwrap();
        assert_eq!(store::decode(&kv.items[KEY]).unwrap().doc, d3);
        assert_eq!(kv.items[&key], cut);
        assert!(s.rev() >= 2, "above the backup copy");
    }

    #[test]
    fn a_second_unreadable_copy_gets_its_own_key() {
        let mut kv = MemStore::default();
        kv.items
            .insert(format!("{QUARANTINE_PREFIX}7"), "older".into());
        kv.items.insert(KEY.into(), "garbage".into());
        let (_, _, note) = Syncer::open(&mut kv, 7);
        assert!(matches!(note, Some(LoadNote::SetAside { ref key, .. }) if key.ends_with("7-1")));
        assert_eq!(kv.items[&format!("{QUARANTINE_PREFIX}7")], "older");
    }

    #[test]
    fn when_nothing_can_be_set_aside_nothing_is_written() {
        let mut kv = Faulty::default();
        kv.inner.items.insert(KEY.into(), "garbage".into());
        kv.fail_set = Some(KvError::Full);
        let (mut s, _, note) = Syncer::open(&mut kv, 1);
        assert!(matches!(note, Some(LoadNote::SetAsideFailed { .. })));
        assert_eq!(s.mode(), Mode::MemoryOnly);
        kv.fail_set = None;
        let d = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        assert_eq!(s.save(&mut kv, &d, T, 2), Ok(Saved::Skipped));
        assert_eq!(kv.inner.items[KEY], "garbage");
    }

    #[test]
    fn newer_data_is_shown_read_only_and_never_written() {
        let newer = r#"{"fmt":"fasciamap","v":99,"rev":5,"data":{"map":{"marks":[{"region":"calf","side":"left","severity":2}]},"x":1}}"#;
        let mut kv = MemStore::default();
        kv.items.insert(KEY.into(), newer.into());
        let (mut s, doc, note) = Syncer::open(&mut kv, 1);
        assert_eq!(note, Some(LoadNote::Newer));
        assert_eq!(doc.map.len(), 1, "shown as far as understood");
        let d = with_mark(&doc, RegionId::Heel, Side::Left, Severity::MILD);
        assert_eq!(s.save(&mut kv, &d, T, 2), Ok(Saved::Skipped));
        assert_eq!(kv.items[KEY], newer);
        assert!(!kv.items.contains_key(BACKUP_KEY));
    }

    #[test]
    fn a_newer_tab_writing_makes_this_one_read_only() {
        let mut kv = MemStore::default();
        let (mut s, _, _) = Syncer::open(&mut kv, 1);
        let newer = r#"{"fmt":"fasciamap","v":99,"rev":5,"data":{}}"#;
        kv.items.insert(KEY.into(), newer.into());
        let d = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        assert_eq!(s.save(&mut kv, &d, T, 2), Ok(Saved::NowReadOnly));
        assert_eq!(kv.items[KEY], newer);
        let mut s2 = Syncer::open(&mut MemStore::default(), 1).0;
        assert_eq!(s2.external(Some(newer), &d, true), External::NowReadOnly);
    }

    #[test]
    fn blocked_or_full_storage_changes_nothing_stored() {
        let mut kv = Faulty {
            fail_get: true,
            ..Faulty::default()
        };
        let (mut s, _, note) = Syncer::open(&mut kv, 1);
        assert_eq!(note, Some(LoadNote::Blocked));
        assert_eq!(s.mode(), Mode::MemoryOnly);
        let d = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        assert_eq!(s.save(&mut kv, &d, T, 2), Ok(Saved::Skipped));

        let mut kv = Faulty::default();
        let (mut s, _, _) = Syncer::open(&mut kv, 1);
        s.save(&mut kv, &d, T, 2).unwrap();
        let before = kv.inner.clone();
        kv.fail_set = Some(KvError::Full);
        let d2 = with_mark(&d, RegionId::Calf, Side::Right, Severity::MILD);
        assert_eq!(s.save(&mut kv, &d2, T, 3), Err(KvError::Full));
        assert_eq!(kv.inner, before);
        kv.fail_set = None;
        assert_eq!(
            s.save(&mut kv, &d2, T, 4),
            Ok(Saved::Written),
            "works again once space is back"
        );
        assert_eq!(store::decode(&kv.inner.items[KEY]).unwrap().doc, d2);
    }

    #[test]
    fn two_tabs_editing_in_turn_keep_both_edits() {
        let mut kv = MemStore::default();
        let (mut a, da, _) = Syncer::open(&mut kv, 1);
        let (mut b, db, _) = Syncer::open(&mut kv, 1);
        // A adds a check-in; B, which has not heard of it, adds another and marks the map.
        let da = with_checkin(
            &with_mark(&da, RegionId::Calf, Side::Left, Severity::MILD),
            "a1",
            "2026-11-21T08:00:00Z",
        );
        a.save(&mut kv, &da, T, 2).unwrap();
        let db = with_checkin(
            &with_mark(&db, RegionId::Heel, Side::Right, Severity::STRONG),
            "b1",
            "2026-11-21T09:00:00Z",
        );
        let Ok(Saved::Merged(merged)) = b.save(&mut kv, &db, T, 3) else {
            panic!("expected a merge")
        };
        assert_eq!(merged.checkins.len(), 2);
        assert_eq!(merged.map.len(), 2, "both marks");
        // A hears of B's write with nothing pending: it shows B's copy.
        let raw = kv.items[KEY].clone();
        assert_eq!(
            a.external(Some(&raw), &da, false),
            External::Replace((*merged).clone())
        );
        // A deletes a1 while B (which knows a1) edits: the deletion sticks.
        let mut da2 = merged.clone();
        da2.checkins.retain(|c| c.id != "a1");
        a.save(&mut kv, &da2, T, 4).unwrap();
        let db2 = with_mark(&merged, RegionId::GluteMed, Side::Left, Severity::MILD);
        let Ok(Saved::Merged(m2)) = b.save(&mut kv, &db2, T, 5) else {
            panic!()
        };
        assert_eq!(m2.checkins.len(), 1);
        assert_eq!(m2.map.len(), 3);
        // A's pending change merges with an external write instead of being lost.
        let raw = kv.items[KEY].clone();
        let pending = with_mark(&da2, RegionId::ShinMuscle, Side::Left, Severity::MILD);
        let External::Merge(m3) = a.external(Some(&raw), &pending, true) else {
            panic!()
        };
        assert_eq!(m3.map.len(), 4);
        assert_eq!(a.save(&mut kv, &m3, T, 6), Ok(Saved::Written));
    }

    #[test]
    fn import_merge_keeps_everything_once() {
        let base = with_mark(
            &Document::default(),
            RegionId::Calf,
            Side::Left,
            Severity::MILD,
        );
        let local = with_checkin(
            &with_checkin(&base, "x", "2026-11-02T08:00:00Z"),
            "l",
            "2026-11-03T08:00:00Z",
        );
        let incoming = with_checkin(
            &with_checkin(&Document::default(), "x", "2026-11-02T08:00:00Z"),
            "i",
            "2026-11-01T08:00:00Z",
        );
        let m = merge_import(&local, &incoming);
        let ids: Vec<&str> = m.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["i", "x", "l"], "by time, no duplicate");
        assert_eq!(m.map, local.map, "local map kept");
        assert_eq!(merge_import(&m, &incoming), m, "idempotent");
        let into_empty = merge_import(&Document::default(), &local);
        assert_eq!(into_empty, local);
    }
}
