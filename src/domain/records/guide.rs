//! The guided session as a pure state machine: which step is showing, how much of its time
//! has been spent, and what happens on start, pause, done, skip, back and "sharp pain".
//!
//! A [`Running`] session is started from a plan and the body map of that moment (for the
//! "before" ratings); it needs nothing else of what the person keeps. It is kept in the stored
//! document while it runs, so a reload loses nothing already confirmed: every finished,
//! skipped or stopped step is written into its [`SessionRecord`] at once. Time is counted from
//! timestamps (milliseconds on the caller's clock), never by counting ticks, so a phone that
//! sleeps or a tab in the background does not drift: the caller passes `now` to every
//! [`Command`] and sends [`Command::Tick`] as often as it likes. A step's clock is saved only
//! at transitions (start, pause, done…), so a reload while a step is running keeps the time
//! counted up to the last transition and shows the step paused.
//!
//! Each step starts *ready* (not running): the person gets into position and taps start. When
//! its time is up the step counts as done and the next one is ready. After the last step the
//! session is *at the end*: the person re-rates the worked areas and [`Running::finish`]
//! gives the finished [`SessionRecord`]. Keeping it, putting the new ratings on the map and
//! pausing a region-side after a sharp-pain stop are the document's business
//! ([`crate::domain::records::document::Document`]).

use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::knowledge::technique::{Motion, Position, Tool, Zone};
use crate::domain::planner::engine::{Plan, Status, Step};
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::session::{Rerate, SessionRecord, StepOutcome, StepRecord};
use serde::{Deserialize, Serialize};

/// A step of the plan as fixed when the session started (the plan may change meanwhile).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedStep {
    /// Region and side.
    pub at: RegionSide,
    /// Tool.
    pub tool: Tool,
    /// Body position.
    pub position: Position,
    /// How the tool moves.
    pub motion: Motion,
    /// Planned time in seconds.
    pub seconds: u16,
    /// What to do, in one or two sentences.
    pub cue: String,
    /// Cautions for this area.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Part of the region only, near a protected joint.
    #[serde(default)]
    pub zone: Option<Zone>,
    /// Severity on the map when the session started.
    #[serde(default)]
    pub before: Option<Severity>,
}

impl PlannedStep {
    fn from_step(s: &Step, map: &BodyMap) -> Option<PlannedStep> {
        let at = RegionSide::new(s.region, s.side)?;
        Some(PlannedStep {
            at,
            tool: s.tool,
            position: s.position,
            motion: s.motion,
            seconds: s.seconds,
            cue: s.cue.to_string(),
            cautions: s.cautions.iter().map(|c| c.to_string()).collect(),
            zone: s.zone,
            before: map.get(at).map(|m| m.severity),
        })
    }

    /// The technique id stored in the step record (`roll`, `press`, `hold`).
    pub fn technique(&self) -> &'static str {
        motion_key(self.motion)
    }

    fn ms(&self) -> u64 {
        u64::from(self.seconds) * 1000
    }
}

/// The id of a motion (`roll`, `press`, `hold`).
pub const fn motion_key(m: Motion) -> &'static str {
    match m {
        Motion::Roll => "roll",
        Motion::Press => "press",
        Motion::Hold => "hold",
    }
}

/// Plain words for a body position.
pub const fn position_words(p: Position) -> &'static str {
    match p {
        Position::Floor => "On the floor",
        Position::Wall => "Standing at a wall",
        Position::Chair => "Sitting on a firm chair",
        Position::Seated => "Sitting down",
        Position::Standing => "Standing",
        Position::Bed => "On a firm bed",
    }
}

/// Plain words for how the tool moves.
pub const fn motion_words(m: Motion) -> &'static str {
    match m {
        Motion::Roll => "slow rolls",
        Motion::Press => "press and hold",
        Motion::Hold => "rest on it and hold",
    }
}

/// A duration in plain words: `45 s`, `1 min`, `1 min 30 s`.
pub fn duration_words(secs: u32) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A countdown clock: `1:30`, `0:05`.
pub fn clock_text(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// A session in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    /// The record being built (`finished_at` stays `None` until [`Running::finish`]).
    pub record: SessionRecord,
    /// The plan's steps when the session started.
    pub steps: Vec<PlannedStep>,
    /// Index of the step showing; `steps.len()` means the end (re-rating).
    pub index: usize,
    /// Milliseconds of the current step counted before `since`.
    #[serde(default)]
    pub spent_ms: u64,
    /// When the current step's clock was started; `None` while ready or paused.
    #[serde(default)]
    pub since: Option<u64>,
    /// The region-side of a sharp-pain stop whose calm screen is showing: until the person
    /// chooses to go on ([`Command::GoOn`]) or to end ([`Command::EndEarly`]), no clock runs
    /// and no other command moves the session on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub halted: Option<RegionSide>,
}

/// A command from the session screen: its buttons and its timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start or resume the clock ([`Running::play`]).
    Play,
    /// Pause the clock ([`Running::pause`]).
    Pause,
    /// The timer: end the step as done when its time is up ([`Running::tick`]).
    Tick,
    /// The step is done ([`Running::done`]).
    Done,
    /// Skip the step ([`Running::skip`]).
    Skip,
    /// Go back one step ([`Running::back`]).
    Back,
    /// Jump to the end ([`Running::end_early`]); also leaves a sharp-pain stop.
    EndEarly,
    /// After a sharp-pain stop: go on with the next step ([`Running::go_on`]).
    GoOn,
}

/// What a command did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing (the command did not apply).
    None,
    /// The clock started or stopped on the same step.
    Clock,
    /// Another step is showing (or the end).
    Step,
}

impl Running {
    /// Starts a session on the plan's steps, noting each step's severity on `map` as its
    /// "before"; `None` when the plan has no steps or is a stop.
    pub fn start(plan: &Plan, map: &BodyMap, id: String, started_at: String) -> Option<Running> {
        if plan.status != Status::Plan {
            return None;
        }
        let steps: Vec<PlannedStep> = plan
            .steps
            .iter()
            .filter_map(|s| PlannedStep::from_step(s, map))
            .collect();
        if steps.is_empty() {
            return None;
        }
        Some(Running {
            record: SessionRecord {
                id,
                started_at,
                finished_at: None,
                steps: Vec::new(),
                ratings: Vec::new(),
            },
            steps,
            index: 0,
            spent_ms: 0,
            since: None,
            halted: None,
        })
    }

    /// The step showing, or `None` at the end.
    pub fn current(&self) -> Option<&PlannedStep> {
        self.steps.get(self.index)
    }

    /// True after the last step.
    pub fn at_end(&self) -> bool {
        self.index >= self.steps.len()
    }

    /// True while the clock runs.
    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Milliseconds spent on the current step at `now`, at most its planned time.
    pub fn elapsed_ms(&self, now: u64) -> u64 {
        let run = self.since.map_or(0, |s| now.saturating_sub(s));
        let total = self.spent_ms.saturating_add(run);
        self.current().map_or(0, |s| total.min(s.ms()))
    }

    /// Whole seconds left on the current step at `now` (rounded up, so it shows 1 until the end).
    pub fn remaining_s(&self, now: u64) -> u64 {
        self.current()
            .map_or(0, |s| (s.ms() - self.elapsed_ms(now)).div_ceil(1000))
    }

    /// Carries out one command at `now`. While a sharp-pain stop is showing only
    /// [`Command::GoOn`] and [`Command::EndEarly`] do anything: nothing moves on by itself.
    pub fn command(&mut self, command: Command, now: u64) -> Change {
        if self.halted.is_some() && !matches!(command, Command::GoOn | Command::EndEarly) {
            return Change::None;
        }
        match command {
            Command::Play => self.play(now),
            Command::Pause => self.pause(now),
            Command::Tick => self.tick(now),
            Command::Done => self.done(now),
            Command::Skip => self.skip(now),
            Command::Back => self.back(),
            Command::EndEarly => self.end_early(now),
            Command::GoOn => self.go_on(),
        }
    }

    /// True while the calm screen of a sharp-pain stop is showing (see [`Running::halted`]).
    pub fn is_halted(&self) -> bool {
        self.halted.is_some()
    }

    /// Leaves the calm screen of a sharp-pain stop: the next step shows, ready (its clock
    /// starts only when the person taps start), or the end when it was the last step.
    pub fn go_on(&mut self) -> Change {
        if self.halted.take().is_none() {
            return Change::None;
        }
        Change::Step
    }

    /// Starts or resumes the clock.
    pub fn play(&mut self, now: u64) -> Change {
        if self.at_end() || self.since.is_some() {
            return Change::None;
        }
        self.since = Some(now);
        Change::Clock
    }

    /// Pauses the clock, keeping the time spent.
    pub fn pause(&mut self, now: u64) -> Change {
        if self.since.is_none() {
            return Change::None;
        }
        self.spent_ms = self.elapsed_ms(now);
        self.since = None;
        Change::Clock
    }

    /// Stops the clock without counting the time since it was last saved (after a reload).
    pub fn suspend(&mut self) {
        self.since = None;
    }

    /// Ends the step as done when its time is up; call it as often as you like.
    pub fn tick(&mut self, now: u64) -> Change {
        match self.current() {
            Some(s) if self.since.is_some() && self.elapsed_ms(now) >= s.ms() => {
                self.close(StepOutcome::Done, now)
            }
            _ => Change::None,
        }
    }

    /// The person says the step is done (early or on time).
    pub fn done(&mut self, now: u64) -> Change {
        self.close(StepOutcome::Done, now)
    }

    /// Skips the step (the time spent so far is recorded).
    pub fn skip(&mut self, now: u64) -> Change {
        self.close(StepOutcome::Skipped, now)
    }

    /// The "sharp pain / tingling" button: stops the step (its clock with it), keeps the
    /// session on the calm screen ([`Running::halted`]) until the person chooses what next,
    /// and returns the region-side so the caller can pause it in the plan. `None` when no
    /// step is showing or a stop is already showing.
    pub fn stop_pain(&mut self, now: u64) -> Option<RegionSide> {
        if self.halted.is_some() {
            return None;
        }
        let at = self.current()?.at;
        self.close(StepOutcome::StoppedPain, now);
        self.halted = Some(at);
        Some(at)
    }

    /// Goes back one step to do it again: its record is taken back and it starts ready.
    /// At the end, goes back to the last step. The current step's unfinished time is dropped.
    pub fn back(&mut self) -> Change {
        if self.index == 0 {
            return Change::None;
        }
        self.index -= 1;
        if self.record.steps.len() > self.index {
            self.record.steps.truncate(self.index);
        }
        self.spent_ms = 0;
        self.since = None;
        Change::Step
    }

    /// Jumps to the end (re-rating) without recording the steps not yet done; from the calm
    /// screen of a sharp-pain stop too.
    pub fn end_early(&mut self, now: u64) -> Change {
        let was_halted = self.halted.take().is_some();
        if self.at_end() {
            return if was_halted {
                Change::Step
            } else {
                Change::None
            };
        }
        if self.elapsed_ms(now) > 0 {
            // Time already spent on the step showing counts as done.
            self.close(StepOutcome::Done, now);
        }
        self.index = self.steps.len();
        self.spent_ms = 0;
        self.since = None;
        Change::Step
    }

    fn close(&mut self, outcome: StepOutcome, now: u64) -> Change {
        let Some(step) = self.current() else {
            return Change::None;
        };
        let done_s = match outcome {
            StepOutcome::Done if self.since.is_none() && self.spent_ms == 0 => step.seconds,
            _ => u16::try_from(self.elapsed_ms(now).div_ceil(1000)).unwrap_or(u16::MAX),
        };
        let rec = StepRecord {
            at: step.at,
            technique: step.technique().to_string(),
            planned_s: step.seconds,
            done_s: done_s.min(step.seconds),
            outcome,
        };
        self.record.steps.truncate(self.index);
        self.record.steps.push(rec);
        self.index += 1;
        self.spent_ms = 0;
        self.since = None;
        Change::Step
    }

    /// The region-sides to re-rate at the end: every step done (not skipped or stopped), once,
    /// in session order, with the severity from the start of the session.
    pub fn to_rerate(&self) -> Vec<Rerate> {
        let mut out: Vec<Rerate> = Vec::new();
        for r in &self.record.steps {
            if r.outcome != StepOutcome::Done || out.iter().any(|x| x.at == r.at) {
                continue;
            }
            let before = self
                .steps
                .iter()
                .find(|s| s.at == r.at)
                .and_then(|s| s.before)
                .unwrap_or_default();
            out.push(Rerate {
                at: r.at,
                before,
                after: None,
            });
        }
        out
    }

    /// The finished record: the steps as recorded, the re-ratings of [`Running::to_rerate`]
    /// with their new severity from `afters` (none when not given), and the end time.
    pub fn finish(self, afters: &[(RegionSide, Severity)], finished_at: String) -> SessionRecord {
        let ratings = self
            .to_rerate()
            .into_iter()
            .map(|mut r| {
                r.after = afters.iter().find(|(at, _)| *at == r.at).map(|(_, s)| *s);
                r
            })
            .collect();
        SessionRecord {
            ratings,
            finished_at: Some(finished_at),
            ..self.record
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::planner::case::Case;
    use crate::domain::planner::engine::plan;
    use crate::domain::records::body_map::Action;

    fn map() -> BodyMap {
        let mut m = BodyMap::default();
        for (r, s, v) in [
            (RegionId::Quadriceps, Side::Right, Severity::STRONG),
            (RegionId::Quadriceps, Side::Left, Severity::MILD),
            (RegionId::Calf, Side::Left, Severity::MODERATE),
        ] {
            m.apply(Action::SetSeverity(RegionSide::new(r, s).unwrap(), v));
        }
        m
    }

    /// A plan for the map alone (every other setting at its default).
    fn plan_for(map: &BodyMap) -> Plan {
        plan(&Case {
            marks: map.marks().collect(),
            ..Case::default()
        })
    }

    fn started() -> Running {
        let m = map();
        Running::start(
            &plan_for(&m),
            &m,
            "s1".into(),
            "2026-11-21T08:00:00Z".into(),
        )
        .unwrap()
    }

    #[test]
    fn a_step_runs_from_ready_to_done_on_its_own_clock() {
        let mut r = started();
        let secs = u64::from(r.current().unwrap().seconds);
        assert!(!r.is_running());
        assert_eq!(r.remaining_s(5_000), secs, "ready: the clock does not run");
        assert_eq!(r.play(1_000), Change::Clock);
        assert_eq!(r.play(1_500), Change::None, "already running");
        assert_eq!(r.remaining_s(1_001), secs, "rounds up");
        assert_eq!(r.remaining_s(11_000), secs - 10);
        assert_eq!(r.tick(11_000), Change::None);
        assert_eq!(r.pause(11_000), Change::Clock);
        assert_eq!(
            r.remaining_s(500_000),
            secs - 10,
            "paused: the clock stands"
        );
        r.play(600_000);
        // A late tick (phone asleep) still closes the step with exactly its planned time.
        assert_eq!(r.tick(600_000 + secs * 1000 * 3), Change::Step);
        assert_eq!(r.index, 1);
        let rec = &r.record.steps[0];
        assert_eq!(
            (rec.outcome, rec.done_s, rec.planned_s),
            (StepOutcome::Done, secs as u16, secs as u16)
        );
        assert_eq!(rec.technique, r.steps[0].technique());
        assert!(!r.is_running(), "the next step starts ready");
    }

    #[test]
    fn skip_back_and_pain_are_recorded() {
        let mut r = started();
        let n = r.steps.len();
        assert!(n >= 3);
        r.play(0);
        assert_eq!(r.skip(4_200), Change::Step);
        assert_eq!(r.record.steps[0].outcome, StepOutcome::Skipped);
        assert_eq!(r.record.steps[0].done_s, 5);
        assert_eq!(r.back(), Change::Step);
        assert_eq!(r.index, 0);
        assert!(
            r.record.steps.is_empty(),
            "going back takes the record back"
        );
        assert_eq!(r.back(), Change::None, "nothing before the first step");
        assert_eq!(
            r.done(0),
            Change::Step,
            "done without starting counts the full time"
        );
        assert_eq!(r.record.steps[0].done_s, r.steps[0].seconds);
        r.play(10_000);
        let at = r.stop_pain(12_000).unwrap();
        assert_eq!(at, r.steps[1].at);
        assert_eq!(r.record.steps[1].outcome, StepOutcome::StoppedPain);
        assert_eq!(r.record.steps[1].done_s, 2);
    }

    #[test]
    fn the_end_rerates_done_steps_and_finish_gives_the_record() {
        let mut r = started();
        let first = r.steps[0].at;
        r.done(0);
        r.skip(0);
        while !r.at_end() {
            r.done(0);
        }
        assert_eq!(r.stop_pain(0), None);
        assert_eq!(r.play(0), Change::None);
        let rr = r.to_rerate();
        assert_eq!(
            rr.len(),
            r.steps.len() - 1,
            "the skipped step is not re-rated"
        );
        assert_eq!(rr[0].at, first);
        assert_eq!(rr[0].before, Severity::STRONG);
        let steps = r.record.steps.clone();
        let s = r.finish(&[(first, Severity::MILD)], "2026-11-21T08:20:00Z".into());
        assert!(s.is_finished());
        assert_eq!(s.id, "s1");
        assert_eq!(s.started_at, "2026-11-21T08:00:00Z");
        assert_eq!(s.steps, steps);
        assert_eq!(s.ratings.len(), rr.len());
        assert_eq!(s.ratings[0].after, Some(Severity::MILD));
        assert_eq!(s.ratings[1].after, None);
    }

    #[test]
    fn commands_do_what_their_methods_do() {
        let mut a = started();
        let mut b = a.clone();
        let script = [
            (Command::Play, 0),
            (Command::Tick, 1_000),
            (Command::Pause, 2_000),
            (Command::Done, 2_500),
            (Command::Skip, 3_000),
            (Command::Back, 3_500),
            (Command::Play, 4_000),
            (Command::EndEarly, 9_000),
        ];
        for (c, t) in script {
            let by_method = match c {
                Command::Play => b.play(t),
                Command::Pause => b.pause(t),
                Command::Tick => b.tick(t),
                Command::Done => b.done(t),
                Command::Skip => b.skip(t),
                Command::Back => b.back(),
                Command::EndEarly => b.end_early(t),
                Command::GoOn => b.go_on(),
            };
            assert_eq!(a.command(c, t), by_method, "{c:?}");
            assert_eq!(a, b, "{c:?}");
        }
        assert!(a.at_end());
    }

    #[test]
    fn end_early_keeps_what_was_done() {
        let mut r = started();
        r.done(0);
        r.play(0);
        assert_eq!(r.end_early(7_000), Change::Step);
        assert!(r.at_end());
        assert_eq!(r.record.steps.len(), 2);
        assert_eq!(r.record.steps[1].done_s, 7);
        assert_eq!(r.end_early(8_000), Change::None);
        assert_eq!(r.back(), Change::Step);
        assert_eq!(r.index, r.steps.len() - 1);
    }

    #[test]
    fn times_read_plainly() {
        assert_eq!(duration_words(45), "45 s");
        assert_eq!(duration_words(60), "1 min");
        assert_eq!(duration_words(90), "1 min 30 s");
        assert_eq!(clock_text(90), "1:30");
        assert_eq!(clock_text(5), "0:05");
        assert_eq!(position_words(Position::Wall), "Standing at a wall");
        assert_eq!(motion_words(Motion::Press), "press and hold");
    }

    #[test]
    fn no_session_without_steps() {
        let m = BodyMap::default();
        assert!(Running::start(&plan_for(&m), &m, "x".into(), "t".into()).is_none());
    }

    #[test]
    fn a_sharp_pain_stop_waits_for_the_person_and_nothing_moves_on_by_itself() {
        let mut r = started();
        r.play(0);
        let at = r.stop_pain(5_000).expect("a step is showing");
        assert_eq!(at, r.steps[0].at);
        assert!(
            r.is_halted() && !r.is_running(),
            "the clock stops with the stop"
        );
        assert_eq!(r.index, 1, "the stopped step is recorded");
        // Minutes later nothing has moved: no tick, start, done, skip or back gets through.
        for (c, t) in [
            (Command::Tick, 600_000),
            (Command::Play, 600_000),
            (Command::Tick, 900_000),
            (Command::Done, 900_000),
            (Command::Skip, 900_000),
            (Command::Back, 900_000),
            (Command::Pause, 900_000),
        ] {
            assert_eq!(r.command(c, t), Change::None, "{c:?} while the stop shows");
        }
        assert_eq!(r.index, 1);
        assert_eq!(r.record.steps.len(), 1);
        assert_eq!(r.elapsed_ms(900_000), 0, "no time counted on the next step");
        assert_eq!(r.stop_pain(900_000), None, "one stop at a time");
        // "Go on": the next step shows, ready, with its clock still stopped.
        assert_eq!(r.command(Command::GoOn, 901_000), Change::Step);
        assert!(!r.is_halted() && !r.is_running());
        assert_eq!(r.remaining_s(990_000), u64::from(r.steps[1].seconds));
        assert_eq!(r.go_on(), Change::None, "nothing to leave");
        assert_eq!(
            r.play(991_000),
            Change::Clock,
            "now the person may start it"
        );
    }

    #[test]
    fn ending_from_a_sharp_pain_stop_goes_to_the_end_and_a_stop_on_the_last_step_waits_too() {
        let mut r = started();
        r.stop_pain(0);
        assert_eq!(r.command(Command::EndEarly, 1_000), Change::Step);
        assert!(r.at_end() && !r.is_halted());
        assert_eq!(
            r.record.steps.len(),
            1,
            "the steps not reached are not recorded"
        );

        let mut r = started();
        while r.index + 1 < r.steps.len() {
            r.done(0);
        }
        r.stop_pain(0);
        assert!(
            r.at_end() && r.is_halted(),
            "the calm screen shows before the end"
        );
        assert_eq!(r.command(Command::EndEarly, 0), Change::Step);
        assert!(r.at_end() && !r.is_halted());
        assert_eq!(r.command(Command::EndEarly, 0), Change::None);
    }

    #[test]
    fn a_stop_showing_survives_a_reload() {
        let mut r = started();
        r.stop_pain(0);
        let text = serde_json::to_string(&r).expect("serialises");
        let back: Running = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, r);
        assert!(back.is_halted());
        // Older stored sessions have no such field.
        let mut plain = started();
        plain.halted = None;
        let text = serde_json::to_string(&plain).expect("serialises");
        assert!(!text.contains("halted"));
    }
}
