use crate::domain::records::voice::breath_word;
use leptos::prelude::*;
use std::time::Duration;

/// The breathing words for a moment `ms` into the 12-second cycle (in 4, hold 2, out 6).
fn phase(ms: f64) -> (&'static str, u32) {
    let t = (ms / 1000.0).rem_euclid(12.0);
    let (word, left) = if t < 4.0 {
        ("Breathe in", 4.0 - t)
    } else if t < 6.0 {
        ("Hold", 6.0 - t)
    } else {
        ("Breathe out", 12.0 - t)
    };
    (word, left.ceil() as u32)
}

/// A breathing guide: a circle that grows while you breathe in for 4, stays for 2 and
/// shrinks while you breathe out for 6, with the same in words and a count, and said aloud
/// ("In", "Hold", "Out") when spoken cues are on. With reduced motion the circle stands still
/// and only the words change.
#[component]
pub fn BreathPacer() -> impl IntoView {
    let start = js_sys::Date::now();
    let now = RwSignal::new(start);
    let state = crate::state::use_state();
    // With spoken cues on, the words of each phase as it begins, unless the voice is still
    // busy with a step's words (those matter more; a breath is skipped, never late).
    let speech = move || state.doc.with_untracked(|d| d.profile.cues.speech);
    if speech() {
        crate::device::speak("In", false);
    }
    if let Ok(h) = set_interval_with_handle(
        move || {
            let before = now.get_untracked() - start;
            let t = js_sys::Date::now();
            now.set(t);
            if let Some(word) = breath_word(before as u64, (t - start) as u64) {
                if speech() && !crate::device::speaking() {
                    crate::device::speak(word, false);
                }
            }
        },
        Duration::from_millis(250),
    ) {
        on_cleanup(move || h.clear());
    }
    view! {
        <div class="pacer">
            <div class="pacer-ring" aria-hidden="true"><div class="pacer-dot"></div></div>
            <p class="pacer-text" aria-hidden="true">
                {move || { let (w, n) = phase(now.get() - start); format!("{w} · {n}") }}
            </p>
            <p class="sr-only">"Breathing guide: breathe in for 4, hold for 2, breathe out slowly for 6."</p>
        </div>
    }
}
