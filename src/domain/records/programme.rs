//! The 28-day programme: a start day, "day N of 28", which days are done, a streak that
//! forgives a single missed day, and a short summary of today's suggested session.
//!
//! There is no server and no push: the app works all of this out when it is opened.
//! A day is **done** when a session on that local day has at least one step worked to the end.
//! The **streak** counts done days going back from today; one missed day between done days
//! does not break it, two missed days in a row do. Today counts as open, not missed, until it
//! ends.

use crate::domain::calendar::{self, LocalTime};
use crate::domain::knowledge::region::RegionSide;
use crate::domain::knowledge::technique::{Position, Tool};
use crate::domain::planner::engine::{Plan, Status as PlanStatus};
use crate::domain::records::guide::{duration_words, position_words};
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

/// One step of today's suggested session, as the plan gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedStep {
    /// Region and side.
    pub at: RegionSide,
    /// The tool the plan uses.
    pub tool: Tool,
    /// The position the plan uses.
    pub position: Position,
    /// Planned seconds.
    pub seconds: u16,
    /// The line shown: "Calf, your left: tennis ball, sitting on a firm chair, 1 min 30 s".
    pub text: String,
}

/// What today's suggested session is, in a few lines: the steps of the plan the Plan screen
/// shows (built from the same case, [`crate::domain::records::document::Document::case`]), so
/// starting it from the programme starts exactly that session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The plan's steps, in its order.
    pub steps: Vec<SuggestedStep>,
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
            .filter_map(|s| {
                let at = RegionSide::new(s.region, s.side)?;
                let place = position_words(s.position);
                let mut chars = place.chars();
                let place = chars
                    .next()
                    .map(|f| f.to_lowercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default();
                Some(SuggestedStep {
                    at,
                    tool: s.tool,
                    position: s.position,
                    seconds: s.seconds,
                    text: format!(
                        "{}: {}, {place}, {}",
                        at.label(),
                        s.tool.name().to_lowercase(),
                        duration_words(u32::from(s.seconds))
                    ),
                })
            })
            .collect(),
        minutes: seconds.div_ceil(60),
        stop: plan.status != PlanStatus::Plan,
    }
}

/// When the next session is due, seen from the end screen of a session finished today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Tomorrow, which is this day of the programme (2 to 28).
    Tomorrow(i64),
    /// The programme starts later, on this day number.
    StartsOn(i64),
    /// That was the last day of the 28: the programme is over.
    Over,
}

/// What comes after today's session in the programme ([`Progress`] taken with that session
/// counted). Most days a session is due tomorrow; a day off now and then is fine (the streak
/// forgives one missed day), which the end screen says in words.
pub fn next_session(p: &Progress) -> Next {
    if p.day < 1 {
        Next::StartsOn(p.start)
    } else if p.day >= LENGTH {
        Next::Over
    } else {
        Next::Tomorrow(p.day + 1)
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
        assert!(
            s.steps[0].text.starts_with("Calf, your left: "),
            "{:?}",
            s.steps
        );
        for (x, step) in s.steps.iter().zip(&p.steps) {
            assert_eq!((x.at.region, x.at.side), (step.region, step.side));
            assert_eq!(
                (x.tool, x.position, x.seconds),
                (step.tool, step.position, step.seconds)
            );
            assert!(
                x.text.contains(&step.tool.name().to_lowercase()),
                "{}",
                x.text
            );
        }
        assert!(s.minutes >= 1 && !s.stop);
    }

    #[test]
    fn the_suggestion_follows_the_whole_case_not_the_map_alone() {
        // Someone who owns only a tennis ball and cannot get down to the floor: the plan
        // (and so today's session) uses the ball off the floor, never a foam roller on it.
        use crate::domain::planner::case::Case;
        use crate::domain::planner::engine::plan;
        let mut case = Case::default()
            .mark(RegionId::Quadriceps, Side::Right, 3)
            .mark(RegionId::Quadriceps, Side::Left, 1);
        case.floor_ok = false;
        case.tools = Some(vec![Tool::TennisBall]);
        let s = suggestion(&plan(&case));
        assert!(!s.steps.is_empty());
        for x in &s.steps {
            assert_ne!(x.position, Position::Floor, "{}", x.text);
            assert!(
                matches!(x.tool, Tool::TennisBall | Tool::Hands),
                "{}",
                x.text
            );
            assert!(!x.text.contains("on the floor"), "{}", x.text);
        }
    }

    #[test]
    fn after_a_session_the_next_one_is_tomorrow_until_day_28() {
        let p = |day: i64| Progress {
            start: 100,
            day,
            done: [false; LENGTH as usize],
            done_count: 0,
            streak: 1,
            today_done: true,
        };
        assert_eq!(next_session(&p(1)), Next::Tomorrow(2));
        assert_eq!(next_session(&p(27)), Next::Tomorrow(28));
        assert_eq!(next_session(&p(28)), Next::Over);
        assert_eq!(next_session(&p(40)), Next::Over);
        assert_eq!(next_session(&p(0)), Next::StartsOn(100));
    }
}
