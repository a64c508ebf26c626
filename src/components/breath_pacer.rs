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
/// shrinks while you breathe out for 6, with the same in words and a count. With reduced
/// motion the circle stands still and only the words change.
#[component]
pub fn BreathPacer() -> impl IntoView {
    let start = js_sys::Date::now();
    let now = RwSignal::new(start);
    if let Ok(h) = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
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
