use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// What the map says above the drawing once its code is in (the `editor` part, right after
/// the first paint): how many spots are marked and, once there are any, a "See my plan"
/// button. It lies over the first download's hint ([`super::MapScreen`]), which then stays
/// as a hidden copy that keeps the row's height, so the figure never moves under the finger
/// when the first spot is marked and the button appears.
#[component]
pub fn MapStatus() -> impl IntoView {
    let state = use_state();
    let count = Memo::new(move |_| state.doc.with(|d| d.map.len()));
    view! {
        <div class="map-now">
            <p class="hint">{move || match count.get() {
                0 => state.map_hint.get().unwrap_or(super::map_screen::HINT).to_string(),
                1 => "1 spot marked. Check your other side too.".to_string(),
                n => format!("{n} spots marked."),
            }}</p>
            {move || (count.get() > 0).then(|| view! {
                <button type="button" class="primary see-plan" on:click=move |_| state.go(Tab::Plan)>
                    "See my plan"
                </button>
            })}
        </div>
    }
}
