//! The 28-day programme: a start day, "day N of 28", which days are done, a streak that
//! forgives a single missed day, and a short summary of today's suggested session.
//!
//! There is no server and no push: the app works all of this out when it is opened.
//! A day is **done** when a session on that local day has at least one step worked to the end.
//! The **streak** counts done days going back from today; one missed day between done days
//! does not break it, two missed days in a row do. Today counts as open, not missed, until it
//! ends.

use crate::domain::calendar::{self, LocalTime};
use crate::domain::planner::engine::{Plan, Status as PlanStatus};
use crate::domain::records::session::{SessionRecord, StepOutcome};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Length of the programme in days.
pub const LENGTH: i64 = 28;

/// A started programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// The local start day, `YYYY-MM-DD`.
    pub start: String,
}

/// Where the person stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Start day number.
    pub start: i64,
    /// Today's day of the programme, 1-based (may be above 28 once it is over, or below 1
    /// when the start lies in the future).
    pub day: i64,
    /// Done or not, for each of the 28 days.
    pub done: [bool; LENGTH as usize],
    /// Number of done days in the programme.
    pub done_count: usize,
    /// The forgiving streak.
    pub streak: u32,
    /// A session is done today.
    pub today_done: bool,
}

impl Progress {
    /// The programme is over (today is past day 28).
    pub fn is_over(&self) -> bool {
        self.day > LENGTH
    }
}

/// Local days with a done session.
pub fn done_days(sessions: &[SessionRecord], tz: LocalTime<'_>) -> BTreeSet<i64> {
    sessions
        .iter()
        .filter(|s| s.steps.iter().any(|x| x.outcome == StepOutcome::Done))
        .filter_map(|s| calendar::parse_iso_ms(&s.started_at))
        .map(|ms| calendar::local_day(ms, tz))
        .collect()
}

/// The forgiving streak on `today` (see the module docs).
pub fn streak(done: &BTreeSet<i64>, today: i64) -> u32 {
    let mut count = 0;
    let mut missed_in_a_row = 0;
    let mut day = today;
    // Never look further back than the oldest done day.
    let Some(&oldest) = done.first() else {
        return 0;
    };
    while day >= oldest {
        if done.contains(&day) {
            count += 1;
            missed_in_a_row = 0;
        } else if day != today {
            missed_in_a_row += 1;
            if missed_in_a_row >= 2 {
                break;
            }
        }
        day -= 1;
    }
    count
}

/// The programme's state on `today` (a local day number). `None` when the start date is not
/// a readable day.
pub fn progress(
    programme: &Programme,
    sessions: &[SessionRecord],
    today: i64,
    tz: LocalTime<'_>,
) -> Option<Progress> {
    let start = calendar::parse_day(&programme.start)?;
    let days = done_days(sessions, tz);
    let mut done = [false; LENGTH as usize];
    for (i, slot) in done.iter_mut().enumerate() {
        *slot = days.contains(&(start + i as i64));
    }
    Some(Progress {
        start,
        day: today - start + 1,
        done,
        done_count: done.iter().filter(|d| **d).count(),
        streak: streak(&days, today),
        today_done: days.contains(&today),
    })
}

/// What today's suggested session is, in a few lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// One line per step: "Calf, your left: foam roller, 90 s".
    pub steps: Vec<String>,
    /// Minutes in all (rounded up).
    pub minutes: u32,
    /// The plan says to stop and get help instead (red flags).
    pub stop: bool,
}

/// Summarises a plan for the programme screen.
pub fn suggestion(plan: &Plan) -> Suggestion {
    let seconds: u32 = plan.steps.iter().map(|s| u32::from(s.seconds)).sum();
    Suggestion {
        steps: plan
            .steps
            .iter()
            .map(|s| {
                let at = crate::domain::knowledge::region::RegionSide {
                    region: s.region,
                    side: s.side,
                };
                format!("{}: {}, {} s", at.label(), s.tool.name(), s.seconds)
            })
            .collect(),
        minutes: seconds.div_ceil(60),
        stop: plan.status != PlanStatus::Plan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{parse_day, utc};
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
    use crate::domain::records::session::StepRecord;

    fn session(id: &str, at: &str, outcome: StepOutcome) -> SessionRecord {
        SessionRecord {
            id: id.into(),
            started_at: at.into(),
            finished_at: None,
            steps: vec![StepRecord {
                at: RegionSide {
                    region: RegionId::Calf,
                    side: Side::Left,
                },
                technique: "roll".into(),
                planned_s: 60,
                done_s: 60,
                outcome,
            }],
            ratings: vec![],
        }
    }

    fn days(v: &[i64]) -> BTreeSet<i64> {
        v.iter().copied().collect()
    }

    #[test]
    fn streak_forgives_one_missed_day_not_two() {
        assert_eq!(streak(&days(&[]), 10), 0);
        assert_eq!(streak(&days(&[10]), 10), 1);
        assert_eq!(streak(&days(&[9]), 10), 1, "today still open");
        assert_eq!(streak(&days(&[8]), 10), 1, "yesterday missed, today open");
        assert_eq!(streak(&days(&[7]), 10), 0, "two missed days before today");
        assert_eq!(streak(&days(&[5, 6, 8, 9, 10]), 10), 5, "one gap forgiven");
        assert_eq!(streak(&days(&[3, 4, 7, 8]), 8), 2, "two-day gap breaks it");
        assert_eq!(streak(&days(&[2, 4, 6, 8]), 8), 4, "every other day holds");
    }

    #[test]
    fn progress_marks_done_days_and_day_number() {
        let p = Programme {
            start: "2026-11-01".into(),
        };
        let sessions = vec![
            session("a", "2026-11-01T08:00:00Z", StepOutcome::Done),
            session("b", "2026-11-02T08:00:00Z", StepOutcome::Skipped),
            session("c", "2026-11-03T08:00:00Z", StepOutcome::Done),
            session("d", "2026-11-03T18:00:00Z", StepOutcome::Done),
            session("e", "2026-12-30T08:00:00Z", StepOutcome::Done),
        ];
        let today = parse_day("2026-11-04").unwrap();
        let s = progress(&p, &sessions, today, &utc).unwrap();
        assert_eq!(s.day, 4);
        assert_eq!(&s.done[..4], &[true, false, true, false]);
        assert_eq!(s.done_count, 2, "only days inside the 28 count");
        assert_eq!(s.streak, 2);
        assert!(!s.today_done && !s.is_over());
        let later = progress(&p, &sessions, today + 40, &utc).unwrap();
        assert!(later.is_over());
        assert_eq!(
            progress(
                &Programme {
                    start: "soon".into()
                },
                &sessions,
                today,
                &utc
            ),
            None
        );
    }

    #[test]
    fn suggestion_lists_the_plan_steps() {
        use crate::domain::planner::case::Case;
        use crate::domain::planner::engine::plan;
        let case = Case::default().mark(RegionId::Calf, Side::Left, 3).mark(
            RegionId::Calf,
            Side::Right,
            1,
        );
        let p = plan(&case);
        let s = suggestion(&p);
        assert_eq!(s.steps.len(), p.steps.len());
        assert!(!s.steps.is_empty());
        assert!(s.steps[0].starts_with("Calf, your left: "), "{:?}", s.steps);
        assert!(s.minutes >= 1 && !s.stop);
    }
}
