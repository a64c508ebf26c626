use crate::domain::calendar;
use crate::state::{local_offset, today_day, use_state, Tab};
use leptos::prelude::*;

/// One line under the map saying how changes reach the history: the time of today's latest
/// check-in (changes within half an hour of it update it), or how one is made. A link opens
/// the progress screen.
#[component]
pub fn CheckinNote() -> impl IntoView {
    let state = use_state();
    let latest_today = Memo::new(move |_| {
        let today = today_day();
        state.doc.with(|d| {
            let c = d.checkins.last()?;
            let ms = calendar::parse_iso_ms(&c.at)?;
            (calendar::local_day(ms, &local_offset) == today)
                .then(|| calendar::local_clock(ms, &local_offset))
        })
    });
    view! {
        <p class="checkin-note">
            {move || match latest_today.get() {
                Some(t) => format!("Kept in your history as today's check-in of {t}. "),
                None => "Each change is kept in your history as a dated check-in. ".to_string(),
            }}
            <button type="button" class="link" on:click=move |_| state.tab.set(Tab::Progress)>"See your progress"</button>
        </p>
    }
}
