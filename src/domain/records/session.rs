//! A guided release session as it is kept on the device.
//!
//! The session screen builds one [`SessionRecord`] while the person works through the plan and
//! saves it in the document as each step is confirmed, so a reload loses nothing already done.
//! History and trends read the same records. The format is part of the stored document: add
//! fields only with `#[serde(default)]`, never rename or remove one.

use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use serde::{Deserialize, Serialize};

/// How one step of a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// Worked through to the end of its time (or ended early by the person as done).
    Done,
    /// Skipped by the person.
    Skipped,
    /// Stopped with the "sharp pain / tingling" button; the region-side is then paused.
    StoppedPain,
}

/// One worked step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    /// The region and side worked.
    pub at: RegionSide,
    /// Technique id from the technique table (e.g. `"roll"`), as the plan named it.
    #[serde(default)]
    pub technique: String,
    /// Seconds the plan gave the step.
    pub planned_s: u16,
    /// Seconds actually spent.
    pub done_s: u16,
    /// How it ended.
    pub outcome: StepOutcome,
}

/// A region-side rated before and after a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rerate {
    /// The region and side.
    pub at: RegionSide,
    /// Severity on the map when the session started.
    pub before: Severity,
    /// Severity the person gave at the end; `None` when not re-rated.
    #[serde(default)]
    pub after: Option<Severity>,
}

/// One guided session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Unique id (stable across export and import; merge uses it).
    pub id: String,
    /// Start time, ISO 8601.
    pub started_at: String,
    /// End time, ISO 8601; `None` while the session is still running.
    #[serde(default)]
    pub finished_at: Option<String>,
    /// The steps worked so far, in order.
    #[serde(default)]
    pub steps: Vec<StepRecord>,
    /// Before and after ratings of the worked region-sides.
    #[serde(default)]
    pub ratings: Vec<Rerate>,
}

impl SessionRecord {
    /// True once the person finished the session (the end screen was reached).
    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// True when something was done: a step worked (even a few seconds of a skipped one) or
    /// a sharp-pain stop, which the history and the summary for a clinician must show. A
    /// session where every step was skipped untouched, or that ended before any step, has
    /// nothing to keep.
    pub fn has_work(&self) -> bool {
        self.steps
            .iter()
            .any(|s| s.done_s > 0 || s.outcome != StepOutcome::Skipped)
    }

    /// Seconds spent on all steps.
    pub fn total_s(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.done_s)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::{RegionId, Side};

    #[test]
    fn record_round_trips_and_tolerates_missing_optional_fields() {
        let at = RegionSide::new(RegionId::Calf, Side::Left).expect("calf has a left side");
        let rec = SessionRecord {
            id: "s1".into(),
            started_at: "2026-11-21T08:00:00.000Z".into(),
            finished_at: None,
            steps: vec![StepRecord {
                at,
                technique: "roll".into(),
                planned_s: 60,
                done_s: 45,
                outcome: StepOutcome::StoppedPain,
            }],
            ratings: vec![],
        };
        let text = serde_json::to_string(&rec).expect("serialises");
        let back: SessionRecord = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, rec);
        assert_eq!(back.total_s(), 45);
        assert!(!back.is_finished());
        let minimal: SessionRecord =
            serde_json::from_str(r#"{"id":"x","started_at":"2026-01-01T00:00:00Z"}"#)
                .expect("optional fields default");
        assert!(minimal.steps.is_empty() && minimal.finished_at.is_none());
    }

    #[test]
    fn a_session_has_work_when_a_step_was_worked_or_stopped_for_pain() {
        let at = RegionSide::new(RegionId::Calf, Side::Left).expect("calf has a left side");
        let step = |done_s: u16, outcome: StepOutcome| StepRecord {
            at,
            technique: "roll".into(),
            planned_s: 60,
            done_s,
            outcome,
        };
        let mut rec = SessionRecord {
            id: "s1".into(),
            started_at: "2026-11-21T08:00:00.000Z".into(),
            finished_at: None,
            steps: vec![],
            ratings: vec![],
        };
        assert!(!rec.has_work(), "ended before any step");
        rec.steps = vec![step(0, StepOutcome::Skipped), step(0, StepOutcome::Skipped)];
        assert!(!rec.has_work(), "every step skipped untouched");
        rec.steps.push(step(12, StepOutcome::Skipped));
        assert!(rec.has_work(), "twelve seconds before skipping count");
        rec.steps = vec![step(0, StepOutcome::StoppedPain)];
        assert!(rec.has_work(), "a sharp-pain stop is kept, even at once");
        rec.steps = vec![step(60, StepOutcome::Done)];
        assert!(rec.has_work());
    }
}
