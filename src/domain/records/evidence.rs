//! What this person's own sessions say about each area: how it felt before and after the
//! last few releases, whether it has settled, and whether about six releases changed nothing
//! (knowledge base §3.2 L11: most people settle within one to six sessions; if not, see a
//! physiotherapist).
//!
//! The evidence is the before/after ratings a person gives at the end of a guided session
//! ([`Rerate`]) for the steps they worked to the end. It is a ranking hint and a message,
//! never a way around a safety rule: the planner may only take a settled area off today's
//! plan (it goes to "check these next") and add the L11 message; it never adds a step.

use crate::domain::calendar;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::planner::case::History;
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::session::{SessionRecord, StepOutcome};

/// Releases without a lasting change before the plan suggests a physiotherapist (L11).
pub const NO_CHANGE_AFTER: usize = 6;
/// How many of the latest rated releases the "last times" hint averages.
pub const RECENT: usize = 3;
/// How many of the latest rated releases must have ended at "fine" for an area to count as
/// settled.
pub const SETTLED_AFTER: usize = 2;

/// One release of an area worked to the end, with its ratings when the person gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Release {
    /// When the session started (milliseconds since 1970), for ordering.
    pub at_ms: i64,
    /// Severity on the map when the session started.
    pub before: u8,
    /// Severity the person gave at the end, if they re-rated it.
    pub after: Option<u8>,
}

/// The evidence for one region-side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// Releases worked to the end, oldest first.
    pub releases: Vec<Release>,
}

impl Evidence {
    /// Releases with both ratings, oldest first.
    fn rated(&self) -> impl DoubleEndedIterator<Item = (u8, u8)> + '_ {
        self.releases
            .iter()
            .filter_map(|r| r.after.map(|a| (r.before, a)))
    }

    /// Average before and after over the latest [`RECENT`] rated releases, with their count.
    pub fn recent(&self) -> Option<(usize, f32, f32)> {
        let last: Vec<(u8, u8)> = self.rated().rev().take(RECENT).collect();
        if last.is_empty() {
            return None;
        }
        let n = last.len() as f32;
        let before = last.iter().map(|(b, _)| f32::from(*b)).sum::<f32>() / n;
        let after = last.iter().map(|(_, a)| f32::from(*a)).sum::<f32>() / n;
        Some((last.len(), before, after))
    }

    /// "Last 3 times: from 2.7 to 1.0 on average." (whole numbers without a decimal).
    pub fn hint(&self) -> Option<String> {
        let (n, before, after) = self.recent()?;
        let num = |x: f32| {
            let r = (x * 10.0).round() / 10.0;
            if r.fract() == 0.0 {
                format!("{r:.0}")
            } else {
                format!("{r:.1}")
            }
        };
        Some(if n == 1 {
            format!("Last time: from {} to {}.", num(before), num(after))
        } else {
            format!(
                "Last {n} times: from {} to {} on average.",
                num(before),
                num(after)
            )
        })
    }

    /// The latest [`SETTLED_AFTER`] rated releases all ended at 0 ("fine").
    pub fn settled(&self) -> bool {
        let last: Vec<(u8, u8)> = self.rated().rev().take(SETTLED_AFTER).collect();
        last.len() == SETTLED_AFTER && last.iter().all(|(_, a)| *a == 0)
    }

    /// About six releases and no lasting change: across the latest [`NO_CHANGE_AFTER`]
    /// releases, the area felt no better at the start of the last one than at the start of
    /// the first.
    pub fn no_change(&self) -> bool {
        if self.releases.len() < NO_CHANGE_AFTER {
            return false;
        }
        let window = &self.releases[self.releases.len() - NO_CHANGE_AFTER..];
        match (window.first(), window.last()) {
            (Some(first), Some(last)) => last.before >= first.before && last.before > 0,
            _ => false,
        }
    }
}

/// The evidence for `at` from `sessions`.
pub fn for_side(sessions: &[SessionRecord], at: RegionSide) -> Evidence {
    let mut releases: Vec<Release> = sessions
        .iter()
        .filter(|s| {
            s.steps
                .iter()
                .any(|st| st.at == at && st.outcome == StepOutcome::Done)
        })
        .filter_map(|s| {
            let rating = s.ratings.iter().find(|r| r.at == at)?;
            Some(Release {
                at_ms: calendar::parse_iso_ms(&s.started_at).unwrap_or(0),
                before: rating.before.get(),
                after: rating.after.map(|a| a.get()),
            })
        })
        .collect();
    releases.sort_by_key(|r| r.at_ms);
    Evidence { releases }
}

/// The planner's hints for a whole map: settled areas that were not marked up again since
/// the session that settled them, and areas released about six times without change.
/// `map_changed_ms` is when the map was last changed by hand (after the sessions or not).
pub fn hints(sessions: &[SessionRecord], map: &BodyMap, map_changed_ms: Option<i64>) -> History {
    let mut out = History::default();
    for mark in map.marks() {
        if mark.severity.get() == 0 {
            continue;
        }
        let at = mark.at();
        let e = for_side(sessions, at);
        let Some(last) = e.releases.last() else {
            continue;
        };
        // A mark set by hand after the last release is newer news than the release.
        let marked_since = map_changed_ms.is_some_and(|m| m > last.at_ms)
            && last.after.is_some_and(|a| a != mark.severity.get());
        if e.settled() && !marked_since {
            out.settled.push(at);
        }
        if e.no_change() {
            out.no_change.push(at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::session::{Rerate, StepRecord};

    fn calf() -> RegionSide {
        RegionSide::new(RegionId::Calf, Side::Left).expect("calf has sides")
    }

    fn session(
        day: u32,
        at: RegionSide,
        outcome: StepOutcome,
        before: u8,
        after: Option<u8>,
    ) -> SessionRecord {
        SessionRecord {
            id: format!("s{day}"),
            started_at: format!("2026-10-{day:02}T18:00:00Z"),
            finished_at: Some(format!("2026-10-{day:02}T18:10:00Z")),
            steps: vec![StepRecord {
                at,
                technique: "roll".into(),
                planned_s: 90,
                done_s: 90,
                outcome,
            }],
            ratings: vec![Rerate {
                at,
                before: Severity::new(before).expect("0-3"),
                after: after.map(|a| Severity::new(a).expect("0-3")),
            }],
        }
    }

    #[test]
    fn the_last_three_times_are_averaged() {
        let s: Vec<SessionRecord> = [(1, 3, 2), (3, 3, 1), (5, 3, 1), (7, 2, 1)]
            .iter()
            .map(|(d, b, a)| session(*d, calf(), StepOutcome::Done, *b, Some(*a)))
            .collect();
        let e = for_side(&s, calf());
        assert_eq!(e.releases.len(), 4);
        assert_eq!(
            e.hint().as_deref(),
            Some("Last 3 times: from 2.7 to 1 on average.")
        );
        let one = for_side(&s[..1], calf());
        assert_eq!(one.hint().as_deref(), Some("Last time: from 3 to 2."));
    }

    #[test]
    fn skipped_or_stopped_steps_are_no_evidence() {
        let s = vec![
            session(1, calf(), StepOutcome::Skipped, 3, Some(0)),
            session(2, calf(), StepOutcome::StoppedPain, 3, Some(0)),
        ];
        assert!(for_side(&s, calf()).releases.is_empty());
        assert!(for_side(&s, calf()).hint().is_none());
    }

    #[test]
    fn six_releases_without_change_ask_for_a_physiotherapist() {
        let flat: Vec<SessionRecord> = (1..=6)
            .map(|d| session(d, calf(), StepOutcome::Done, 2, Some(1)))
            .collect();
        assert!(for_side(&flat, calf()).no_change());
        assert!(
            !for_side(&flat[..5], calf()).no_change(),
            "five are not about six"
        );
        let better: Vec<SessionRecord> = (1..=6)
            .map(|d| {
                session(
                    d,
                    calf(),
                    StepOutcome::Done,
                    if d < 4 { 3 } else { 1 },
                    Some(1),
                )
            })
            .collect();
        assert!(!for_side(&better, calf()).no_change());
    }

    #[test]
    fn settled_needs_two_releases_ending_at_fine_and_no_newer_mark() {
        let s = vec![
            session(1, calf(), StepOutcome::Done, 2, Some(0)),
            session(3, calf(), StepOutcome::Done, 1, Some(0)),
        ];
        assert!(for_side(&s, calf()).settled());
        assert!(!for_side(&s[..1], calf()).settled());
        let mut map = BodyMap::default();
        map.apply(Action::SetSeverity(calf(), Severity::MILD));
        let before_sessions = calendar::parse_iso_ms("2026-09-30T10:00:00Z");
        assert_eq!(hints(&s, &map, before_sessions).settled, vec![calf()]);
        // Marked tight again by hand after the last release: the mark wins.
        let after_sessions = calendar::parse_iso_ms("2026-10-04T10:00:00Z");
        assert!(hints(&s, &map, after_sessions).settled.is_empty());
    }
}
