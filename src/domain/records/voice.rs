//! What the guided session says aloud, for someone on the floor who cannot read the phone
//! (issue #14's spoken cues). Pure: the session screen compares the session a moment ago with
//! the session now ([`Beat`]) and speaks what [`cue`] returns; the breathing words come from
//! [`breath_word`] in time with the breathing guide. The clock drives the session and the
//! words only follow it: nothing here waits for speech, and a voice that never finishes
//! changes nothing.

use crate::domain::records::guide::{position_words, PlannedStep, Running};

/// A step shorter than this gets no "halfway".
const HALFWAY_FROM_S: u64 = 40;
/// A step shorter than this gets no "ten seconds left".
const TEN_LEFT_FROM_S: u64 = 20;

/// The session as the voice sees it at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beat {
    /// The step showing (`steps.len()` at the end).
    pub index: usize,
    /// The clock runs.
    pub running: bool,
    /// The calm screen after a sharp-pain stop shows.
    pub halted: bool,
    /// Whole seconds left in the step.
    pub remaining_s: u64,
    /// Time already counted in this step (0 before its first start).
    pub spent_ms: u64,
    /// After the last step (the re-rating).
    pub at_end: bool,
}

impl Beat {
    /// The running session at clock `now`.
    pub fn of(r: &Running, now: u64) -> Beat {
        Beat {
            index: r.index,
            running: r.is_running(),
            halted: r.is_halted(),
            remaining_s: r.remaining_s(now),
            spent_ms: r.elapsed_ms(now),
            at_end: r.at_end(),
        }
    }
}

/// "Front of thigh, your right. Lying on the floor. Get into position, then tap Start."
fn get_ready(step: &PlannedStep) -> String {
    format!(
        "{}. {}. Get into position, then tap Start.",
        step.at.label(),
        capitalised(position_words(step.position))
    )
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// What to say when the session goes from `before` to `after` (`None`: no session, or the
/// screen has just opened). At most one sentence; `None` when nothing is worth saying.
pub fn cue(before: Option<Beat>, after: Option<Beat>, steps: &[PlannedStep]) -> Option<String> {
    let Some(after) = after else {
        // The session has just ended early (after the last step "well done" was said).
        return before
            .filter(|b| !b.at_end)
            .map(|_| "The session is over. Well done.".to_string());
    };
    if after.halted {
        // The calm screen speaks for itself; the voice only stops.
        return (!before.is_some_and(|b| b.halted))
            .then(|| "Stopped. Come off the tool slowly, and breathe.".to_string());
    }
    let step = steps.get(after.index);
    let Some(before) = before.filter(|b| !b.halted || b.index == after.index) else {
        // The screen has just opened on a step.
        return step.map(get_ready);
    };
    if after.index != before.index {
        let Some(next) = step else {
            return Some("Well done. That was the last step.".to_string());
        };
        // Time up on one side of an area, and the other side comes next.
        let switch = steps
            .get(before.index)
            .is_some_and(|prev| prev.at.region == next.at.region && prev.at.side != next.at.side);
        return Some(if switch {
            format!("Switch sides. {}", get_ready(next))
        } else {
            format!("Next step. {}", get_ready(next))
        });
    }
    let step = step?;
    let total = u64::from(step.seconds);
    if after.running && !before.running {
        return Some(
            if before.spent_ms == 0 {
                "Start. Breathe slowly."
            } else {
                "Go on."
            }
            .to_string(),
        );
    }
    if !after.running && before.running {
        return Some("Paused.".to_string());
    }
    if after.running {
        let crossed = |mark: u64| before.remaining_s > mark && after.remaining_s <= mark;
        if total >= TEN_LEFT_FROM_S && crossed(10) {
            return Some("Ten seconds left.".to_string());
        }
        if total >= HALFWAY_FROM_S && crossed(total / 2) {
            return Some("Halfway.".to_string());
        }
    }
    None
}

/// The breathing word to say when the guide moves from `before_ms` to `after_ms` into its
/// 12-second cycle (in for 4, hold for 2, out for 6): "In", "Hold" or "Out" as a phase
/// begins, nothing in between.
pub fn breath_word(before_ms: u64, after_ms: u64) -> Option<&'static str> {
    let phase = |ms: u64| match ms % 12_000 {
        0..=3_999 => 0,
        4_000..=5_999 => 1,
        _ => 2,
    };
    let cycle = |ms: u64| ms / 12_000;
    if after_ms < before_ms
        || (phase(after_ms) == phase(before_ms) && cycle(after_ms) == cycle(before_ms))
    {
        return None;
    }
    Some(match phase(after_ms) {
        0 => "In",
        1 => "Hold",
        _ => "Out",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
    use crate::domain::knowledge::technique::{Motion, Position, Tool};

    fn step(region: RegionId, side: Side, seconds: u16) -> PlannedStep {
        PlannedStep {
            at: RegionSide { region, side },
            tool: Tool::SoftRoller,
            position: Position::Floor,
            motion: Motion::Roll,
            seconds,
            cue: String::new(),
            cautions: Vec::new(),
            zone: None,
            before: None,
        }
    }

    fn beat(index: usize, running: bool, remaining_s: u64, spent_ms: u64) -> Beat {
        Beat {
            index,
            running,
            halted: false,
            remaining_s,
            spent_ms,
            at_end: index >= 3,
        }
    }

    #[test]
    fn a_step_is_announced_started_timed_and_ended() {
        let steps = [
            step(RegionId::Quadriceps, Side::Right, 60),
            step(RegionId::Quadriceps, Side::Left, 30),
            step(RegionId::Calf, Side::Left, 15),
        ];
        let said = |b: Option<Beat>, a: Beat| cue(b, Some(a), &steps);
        assert_eq!(
            said(None, beat(0, false, 60, 0)).as_deref(),
            Some("Front of thigh, your right. On the floor. Get into position, then tap Start.")
        );
        assert_eq!(
            said(Some(beat(0, false, 60, 0)), beat(0, true, 60, 0)).as_deref(),
            Some("Start. Breathe slowly.")
        );
        assert_eq!(
            said(Some(beat(0, true, 60, 100)), beat(0, true, 59, 1_000)),
            None
        );
        assert_eq!(
            said(Some(beat(0, true, 31, 29_000)), beat(0, true, 30, 30_000)).as_deref(),
            Some("Halfway.")
        );
        assert_eq!(
            said(Some(beat(0, true, 11, 49_000)), beat(0, true, 10, 50_000)).as_deref(),
            Some("Ten seconds left.")
        );
        assert_eq!(
            said(Some(beat(0, true, 8, 52_000)), beat(0, false, 8, 52_000)).as_deref(),
            Some("Paused.")
        );
        assert_eq!(
            said(Some(beat(0, false, 8, 52_000)), beat(0, true, 8, 52_000)).as_deref(),
            Some("Go on.")
        );
        // The same area on the other side comes next.
        assert_eq!(
            said(Some(beat(0, true, 1, 59_500)), beat(1, false, 30, 0)).as_deref(),
            Some("Switch sides. Front of thigh, your left. On the floor. Get into position, then tap Start.")
        );
        // A 30-second step has no "halfway"; a 15-second one no "ten seconds left" either.
        assert_eq!(
            said(Some(beat(1, true, 16, 14_000)), beat(1, true, 15, 15_000)),
            None
        );
        assert_eq!(
            said(Some(beat(1, true, 11, 19_000)), beat(1, true, 10, 20_000)).as_deref(),
            Some("Ten seconds left.")
        );
        assert_eq!(
            said(Some(beat(1, true, 1, 29_500)), beat(2, false, 15, 0)).as_deref(),
            Some("Next step. Calf, your left. On the floor. Get into position, then tap Start.")
        );
        assert_eq!(
            said(Some(beat(2, true, 11, 4_000)), beat(2, true, 10, 5_000)),
            None
        );
        assert_eq!(
            said(Some(beat(2, true, 1, 14_500)), beat(3, false, 0, 0)).as_deref(),
            Some("Well done. That was the last step.")
        );
        // Saved after the re-rating: nothing more to say.
        assert_eq!(cue(Some(beat(3, false, 0, 0)), None, &steps), None);
    }

    #[test]
    fn a_sharp_pain_stop_is_said_once_and_nothing_else_while_it_shows() {
        let steps = [step(RegionId::Calf, Side::Right, 60)];
        let halted = Beat {
            halted: true,
            ..beat(0, false, 40, 20_000)
        };
        assert_eq!(
            cue(Some(beat(0, true, 40, 20_000)), Some(halted), &steps).as_deref(),
            Some("Stopped. Come off the tool slowly, and breathe.")
        );
        assert_eq!(cue(Some(halted), Some(halted), &steps), None);
        assert_eq!(cue(None, None, &steps), None);
        // Ending it from the calm screen.
        assert_eq!(
            cue(Some(halted), None, &steps).as_deref(),
            Some("The session is over. Well done.")
        );
    }

    #[test]
    fn the_breathing_words_come_as_each_phase_begins() {
        let words: Vec<(u64, &str)> = (0..=24_000u64)
            .step_by(250)
            .zip((0..=24_000u64).step_by(250).skip(1))
            .filter_map(|(a, b)| breath_word(a, b).map(|w| (b, w)))
            .collect();
        assert_eq!(
            words,
            vec![
                (4_000, "Hold"),
                (6_000, "Out"),
                (12_000, "In"),
                (16_000, "Hold"),
                (18_000, "Out"),
                (24_000, "In")
            ]
        );
        // A tick that skips a phase still says where the guide is now; going back says nothing.
        assert_eq!(breath_word(3_000, 7_000), Some("Out"));
        assert_eq!(breath_word(7_000, 3_000), None);
    }
}
