//! History: map check-ins and guided sessions as dated entries, their ids
//! ([`entry_id`], the one place ids are made), and the timeline that lists them. When a
//! check-in is recorded, and finding, deleting and restoring one entry, are the document's
//! business ([`crate::domain::records::document::Document::check_in`],
//! [`crate::domain::records::document::Document::delete_entry`]).
//!
//! Check-ins are many (one or more a day for months), so their map is stored compactly:
//! `{"m":["calf.l2","calf.r3s"],"s":["low_back_pain"],"f":true}`, one string per mark
//! (`region.` + side `l`/`r`/`m` + severity `0`–`3` + `s` when sore). This is part of the
//! stored format (schema 2): never change its meaning, add a schema version instead.

use crate::domain::calendar::{self, LocalTime};
use crate::domain::knowledge::mark::{Kind, Mark, Severity, Symptom};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::session::{SessionRecord, StepOutcome};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;

/// The body map as it was at one moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Unique id (stable across export and import; merge uses it).
    pub id: String,
    /// When the check-in started, ISO 8601.
    pub at: String,
    /// The map (stored compactly, see the module docs).
    #[serde(with = "compact")]
    pub map: BodyMap,
}

/// The compact stored form of a check-in's map.
pub mod compact {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Json<'a> {
        #[serde(default, borrow)]
        m: Vec<std::borrow::Cow<'a, str>>,
        #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
        s: BTreeSet<Symptom>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        f: bool,
    }

    /// One mark as `calf.l2` / `calf.r3s`.
    pub fn mark_text(m: &Mark) -> String {
        let side = side_letter(m.side);
        let sore = if m.kind == Kind::Sore { "s" } else { "" };
        format!("{}.{side}{}{sore}", m.region.key(), m.severity.get())
    }

    /// Parses [`mark_text`]; `None` for anything else (including a side that does not fit).
    pub fn parse_mark(s: &str) -> Option<Mark> {
        let (region, rest) = s.split_once('.')?;
        let region = region_by_key(region)?;
        let b = rest.as_bytes();
        let side = match b.first()? {
            b'l' => Side::Left,
            b'r' => Side::Right,
            b'm' => Side::Mid,
            _ => return None,
        };
        let severity = Severity::new(b.get(1)?.checked_sub(b'0')?)?;
        let kind = match b.get(2..)? {
            [] => Kind::Tight,
            [b's'] => Kind::Sore,
            _ => return None,
        };
        let m = Mark {
            region,
            side,
            severity,
            kind,
        };
        m.is_well_formed().then_some(m)
    }

    /// Serializes a map compactly.
    pub fn serialize<S: Serializer>(map: &BodyMap, s: S) -> Result<S::Ok, S::Error> {
        Json {
            m: map.marks().map(|m| mark_text(&m).into()).collect(),
            s: map.symptoms.clone(),
            f: map.acute_flare,
        }
        .serialize(s)
    }

    /// Reads a compact map; any malformed mark is an error (never dropped silently).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BodyMap, D::Error> {
        let raw = Json::deserialize(d)?;
        let mut marks = Vec::with_capacity(raw.m.len());
        for t in &raw.m {
            marks.push(parse_mark(t).ok_or_else(|| {
                serde::de::Error::custom(format!("`{}` is not a mark", t.escape_debug()))
            })?);
        }
        let (mut map, _) = BodyMap::from_marks(marks);
        map.symptoms = raw.s;
        map.acute_flare = raw.f;
        Ok(map)
    }
}

/// Looks a region key up through a sorted index (decoding two years of history does this
/// tens of thousands of times; [`RegionId::from_key`] scans the table).
pub fn region_by_key(key: &str) -> Option<RegionId> {
    static INDEX: std::sync::OnceLock<Vec<(&'static str, RegionId)>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut v: Vec<(&'static str, RegionId)> = RegionId::all().map(|r| (r.key(), r)).collect();
        v.sort_unstable_by_key(|(k, _)| *k);
        v
    });
    index
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| index.get(i))
        .map(|(_, r)| *r)
}

fn side_letter(side: Side) -> char {
    match side {
        Side::Left => 'l',
        Side::Right => 'r',
        Side::Mid => 'm',
    }
}

/// A region-side as `calf.l`.
pub fn region_side_text(at: RegionSide) -> String {
    format!("{}.{}", at.region.key(), side_letter(at.side))
}

/// Parses [`region_side_text`]; `None` for anything else (including a side that does not fit).
pub fn parse_region_side(s: &str) -> Option<RegionSide> {
    let (region, side) = s.split_once('.')?;
    let side = match side {
        "l" => Side::Left,
        "r" => Side::Right,
        "m" => Side::Mid,
        _ => return None,
    };
    RegionSide::new(region_by_key(region)?, side)
}

/// The stored form of [`crate::domain::records::document::Document::sessions`] (schema 2). Sessions are the bulk of two years of
/// history, so each is kept as
/// `{"id","t":started_at,"e":finished_at,"k":[["calf.l","roll",90,85,"d"],…],"r":[["calf.l",3,1],…]}`
/// (steps: region-side, technique, planned s, done s, outcome `d`one / `s`kipped / `p`ain;
/// ratings: region-side, before, after or null). The codec destructures every record
/// exhaustively, so a field added to [`SessionRecord`] does not compile until it is stored
/// here too (as a new trailing element or key, optional when reading): nothing is ever
/// dropped silently.
pub mod stored_sessions {
    use super::*;
    use crate::domain::records::session::{Rerate, StepRecord};

    type Text<'a> = std::borrow::Cow<'a, str>;

    #[derive(Serialize, Deserialize)]
    struct Rec<'a> {
        id: String,
        t: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        e: Option<String>,
        #[serde(default, borrow)]
        k: Vec<(Text<'a>, String, u16, u16, Text<'a>)>,
        #[serde(default, borrow)]
        r: Vec<(Text<'a>, Severity, Option<Severity>)>,
    }

    fn outcome_code(o: StepOutcome) -> &'static str {
        match o {
            StepOutcome::Done => "d",
            StepOutcome::Skipped => "s",
            StepOutcome::StoppedPain => "p",
        }
    }

    fn bad<E: serde::de::Error>(what: &str, text: &str) -> E {
        E::custom(format!("`{}` is not {what}", text.escape_debug()))
    }

    /// Writes the sessions compactly.
    pub fn serialize<S: Serializer>(list: &[SessionRecord], s: S) -> Result<S::Ok, S::Error> {
        let recs: Vec<Rec> = list
            .iter()
            .map(|rec| {
                let SessionRecord {
                    id,
                    started_at,
                    finished_at,
                    steps,
                    ratings,
                } = rec;
                Rec {
                    id: id.clone(),
                    t: started_at.clone(),
                    e: finished_at.clone(),
                    k: steps
                        .iter()
                        .map(|st| {
                            let StepRecord {
                                at,
                                technique,
                                planned_s,
                                done_s,
                                outcome,
                            } = st;
                            (
                                region_side_text(*at).into(),
                                technique.clone(),
                                *planned_s,
                                *done_s,
                                outcome_code(*outcome).into(),
                            )
                        })
                        .collect(),
                    r: ratings
                        .iter()
                        .map(|r| {
                            let Rerate { at, before, after } = r;
                            (region_side_text(*at).into(), *before, *after)
                        })
                        .collect(),
                }
            })
            .collect();
        recs.serialize(s)
    }

    /// Reads the compact sessions; anything malformed is an error, never dropped.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SessionRecord>, D::Error> {
        let recs = Vec::<Rec>::deserialize(d)?;
        let mut out = Vec::with_capacity(recs.len());
        for rec in recs {
            let mut steps = Vec::with_capacity(rec.k.len());
            for (at, technique, planned_s, done_s, outcome) in rec.k {
                steps.push(StepRecord {
                    at: parse_region_side(&at).ok_or_else(|| bad("a region-side", &at))?,
                    technique,
                    planned_s,
                    done_s,
                    outcome: match outcome.as_ref() {
                        "d" => StepOutcome::Done,
                        "s" => StepOutcome::Skipped,
                        "p" => StepOutcome::StoppedPain,
                        _ => return Err(bad("a step outcome", &outcome)),
                    },
                });
            }
            let mut ratings = Vec::with_capacity(rec.r.len());
            for (at, before, after) in rec.r {
                ratings.push(Rerate {
                    at: parse_region_side(&at).ok_or_else(|| bad("a region-side", &at))?,
                    before,
                    after,
                });
            }
            out.push(SessionRecord {
                id: rec.id,
                started_at: rec.t,
                finished_at: rec.e,
                steps,
                ratings,
            });
        }
        Ok(out)
    }
}

/// A new entry's id, short and unique: a letter for its kind (`c` check-in, `s` session), the
/// time `now_ms` in base 36 and a random part (up to three base-36 digits of `salt`). The only
/// function that makes ids; the caller brings the time and the randomness.
pub fn entry_id(kind: EntryKind, now_ms: i64, salt: u32) -> String {
    let prefix = match kind {
        EntryKind::CheckIn => 'c',
        EntryKind::Session => 's',
    };
    format!(
        "{prefix}{}{}",
        base36(now_ms.max(0) as u64),
        base36(u64::from(salt % 46_656))
    )
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A map check-in.
    CheckIn,
    /// A guided session.
    Session,
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineItem {
    /// Entry id.
    pub id: String,
    /// Check-in or session.
    pub kind: EntryKind,
    /// Local time `HH:MM`.
    pub clock: String,
    /// What it was, in a few words ("Map check-in", "Session").
    pub title: &'static str,
    /// A one-line summary.
    pub detail: String,
    /// Milliseconds since 1970 (for sorting).
    pub at_ms: i64,
}

/// All entries of one local day, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineDay {
    /// Local day number.
    pub day: i64,
    /// The entries.
    pub items: Vec<TimelineItem>,
}

/// A short summary of a map in words a person reads at a glance (issue #13): how many areas
/// are marked, how strong the strongest one is, and in how many places the left and right
/// sides differ. "6 areas marked. Strongest: 3 of 3. Left and right differ in 2 places."
/// Areas checked and rated fine are counted apart, and no internal score is shown.
pub fn map_summary(map: &BodyMap) -> String {
    let marked = map.marks().filter(|m| m.severity.get() >= 1).count();
    let fine = map.len() - marked;
    let strongest = map.marks().map(|m| m.severity.get()).max().unwrap_or(0);
    let areas = |n: usize| {
        if n == 1 {
            "1 area".to_string()
        } else {
            format!("{n} areas")
        }
    };
    let mut sentences = vec![match (marked, fine) {
        (0, 0) => "Nothing marked".to_string(),
        (0, 1) => "1 area checked: fine".to_string(),
        (0, f) => format!("{} checked: all fine", areas(f)),
        (m, 0) => format!("{} marked", areas(m)),
        (m, f) => format!("{} marked, {f} checked and fine", areas(m)),
    }];
    if marked > 0 {
        sentences.push(format!("Strongest: {strongest} of 3"));
    }
    match crate::domain::records::trends::uneven_pairs(map) {
        0 => {}
        1 => sentences.push("Left and right differ in 1 place".to_string()),
        n => sentences.push(format!("Left and right differ in {n} places")),
    }
    let mut s = sentences.join(". ");
    s.push('.');
    s
}

/// A one-line summary of a session: steps done and minutes.
pub fn session_summary(s: &SessionRecord) -> String {
    let done = s
        .steps
        .iter()
        .filter(|x| x.outcome == StepOutcome::Done)
        .count();
    let minutes = s.total_s().div_ceil(60);
    let mut out = match done {
        1 => "1 step done".to_string(),
        n => format!("{n} steps done"),
    };
    out.push_str(&format!(", {minutes} min"));
    if s.steps
        .iter()
        .any(|x| x.outcome == StepOutcome::StoppedPain)
    {
        out.push_str(", stopped for pain");
    }
    if !s.is_finished() {
        out.push_str(", not finished");
    }
    out
}

/// The timeline: every check-in and session grouped by local day, newest day first and
/// newest entry first within a day. Entries whose time cannot be read are listed last under
/// day 0 rather than hidden.
pub fn timeline(
    checkins: &[CheckIn],
    sessions: &[SessionRecord],
    tz: LocalTime<'_>,
) -> Vec<TimelineDay> {
    let mut items: Vec<(i64, TimelineItem)> = Vec::new();
    for c in checkins {
        let ms = calendar::parse_iso_ms(&c.at);
        items.push((
            ms.map_or(0, |m| calendar::local_day(m, tz)),
            TimelineItem {
                id: c.id.clone(),
                kind: EntryKind::CheckIn,
                clock: ms.map_or_else(String::new, |m| calendar::local_clock(m, tz)),
                title: "Map check-in",
                detail: map_summary(&c.map),
                at_ms: ms.unwrap_or(i64::MIN),
            },
        ));
    }
    for s in sessions {
        let ms = calendar::parse_iso_ms(&s.started_at);
        items.push((
            ms.map_or(0, |m| calendar::local_day(m, tz)),
            TimelineItem {
                id: s.id.clone(),
                kind: EntryKind::Session,
                clock: ms.map_or_else(String::new, |m| calendar::local_clock(m, tz)),
                title: "Session",
                detail: session_summary(s),
                at_ms: ms.unwrap_or(i64::MIN),
            },
        ));
    }
    items.sort_by(|a, b| b.1.at_ms.cmp(&a.1.at_ms).then_with(|| b.1.id.cmp(&a.1.id)));
    let mut days: Vec<TimelineDay> = Vec::new();
    for (day, item) in items {
        match days.last_mut() {
            Some(d) if d.day == day => d.items.push(item),
            _ => days.push(TimelineDay {
                day,
                items: vec![item],
            }),
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::utc;
    use crate::domain::records::body_map::Action;
    use crate::domain::records::session::StepRecord;

    fn at(region: RegionId, side: Side) -> RegionSide {
        RegionSide { region, side }
    }

    #[test]
    fn compact_marks_round_trip_and_reject_bad_text() {
        for region in RegionId::all() {
            for &side in region.def().sides() {
                for severity in Severity::ALL {
                    for kind in [Kind::Tight, Kind::Sore] {
                        let m = Mark {
                            region,
                            side,
                            severity,
                            kind,
                        };
                        assert_eq!(compact::parse_mark(&compact::mark_text(&m)), Some(m));
                    }
                }
            }
        }
        for bad in [
            "",
            "calf",
            "calf.",
            "calf.l",
            "calf.l4",
            "calf.x1",
            "calf.m1",
            "sternum.l1",
            "calf.l1t",
            "calf.l1ss",
            "nope.l1",
            "calf.l-1",
            "calf.lé",
        ] {
            assert_eq!(compact::parse_mark(bad), None, "{bad}");
        }
    }

    #[test]
    fn timeline_groups_by_local_day_newest_first() {
        let mut checkins = Vec::new();
        let mut sessions = Vec::new();
        let mut map = BodyMap::default();
        map.apply(Action::SetSeverity(
            at(RegionId::Calf, Side::Left),
            Severity::STRONG,
        ));
        map.apply(Action::SetSeverity(
            at(RegionId::Calf, Side::Right),
            Severity::MILD,
        ));
        for (id, t) in [
            ("a", "2026-11-20T07:00:00Z"),
            ("b", "2026-11-21T07:00:00Z"),
            ("c", "2026-11-21T19:00:00Z"),
        ] {
            checkins.push(CheckIn {
                id: id.into(),
                at: t.into(),
                map: map.clone(),
            });
        }
        sessions.push(SessionRecord {
            id: "s".into(),
            started_at: "2026-11-21T08:00:00Z".into(),
            finished_at: Some("2026-11-21T08:09:00Z".into()),
            steps: vec![StepRecord {
                at: at(RegionId::Calf, Side::Left),
                technique: "roll".into(),
                planned_s: 90,
                done_s: 90,
                outcome: StepOutcome::Done,
            }],
            ratings: vec![],
        });
        let t = timeline(&checkins, &sessions, &utc);
        assert_eq!(t.len(), 2);
        let order: Vec<&str> = t[0].items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(order, ["c", "s", "b"]);
        assert_eq!(t[0].items[0].clock, "19:00");
        assert_eq!(
            t[0].items[0].detail,
            "2 areas marked. Strongest: 3 of 3. Left and right differ in 1 place."
        );
        assert_eq!(t[0].items[1].detail, "1 step done, 2 min");
        assert_eq!(calendar::format_day(t[1].day), "2026-11-20");
    }

    /// Issue #13: "6 spots, tension 3, 2 uneven pairs" read like a score sheet. The summary
    /// now says how many areas are marked, the strongest one out of 3, and in how many places
    /// the sides differ, in short sentences and without internal totals.
    #[test]
    fn map_summary_is_plain_words() {
        let mut map = BodyMap::default();
        assert_eq!(map_summary(&map), "Nothing marked.");
        let set = |map: &mut BodyMap, region, side, sev| {
            map.apply(Action::SetSeverity(
                at(region, side),
                Severity::new(sev).unwrap_or(Severity::FINE),
            ));
        };
        set(&mut map, RegionId::Calf, Side::Left, 0);
        assert_eq!(map_summary(&map), "1 area checked: fine.");
        set(&mut map, RegionId::Calf, Side::Right, 0);
        assert_eq!(map_summary(&map), "2 areas checked: all fine.");
        set(&mut map, RegionId::Quadriceps, Side::Right, 2);
        assert_eq!(
            map_summary(&map),
            "1 area marked, 2 checked and fine. Strongest: 2 of 3."
        );
        set(&mut map, RegionId::Quadriceps, Side::Left, 1);
        set(&mut map, RegionId::Calf, Side::Left, 3);
        set(&mut map, RegionId::Hamstrings, Side::Left, 1);
        set(&mut map, RegionId::Hamstrings, Side::Right, 1);
        let text = map_summary(&map);
        assert_eq!(
            text,
            "5 areas marked, 1 checked and fine. Strongest: 3 of 3. Left and right differ in 2 places."
        );
        for jargon in ["spot", "tension", "uneven", "pair"] {
            assert!(!text.contains(jargon), "{jargon:?} in {text:?}");
        }
    }

    #[test]
    fn ids_are_short_and_distinct() {
        let a = entry_id(EntryKind::CheckIn, 1_790_000_000_000, 12345);
        let b = entry_id(EntryKind::CheckIn, 1_790_000_000_000, 12346);
        let s = entry_id(EntryKind::Session, 1_790_000_000_000, 12345);
        assert_ne!(a, b);
        assert!(a.starts_with('c') && a.len() < 16, "{a}");
        assert_eq!(s, a.replacen('c', "s", 1), "the kind is the first letter");
        assert_eq!(
            entry_id(EntryKind::CheckIn, 1_790_000_000_000, 12345 + 46_656),
            a,
            "three base-36 digits of the salt"
        );
    }
}
