use crate::components::{BodyMap, SeverityLegend, ViewSwitch};
use crate::lazy::{self, Deferred};
use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// The map screen: what to do now (and, once a spot is marked, a "See my plan" button),
/// front/back and zoom switches, the drawing, the legend, and (lazily loaded,
/// below them) the note on check-ins and the symptoms.
#[component]
pub fn MapScreen() -> impl IntoView {
    let state = use_state();
    let count = Memo::new(move |_| state.doc.with(|d| d.map.len()));
    let empty = move || {
        state
            .map_hint
            .get()
            .unwrap_or("Tap where you feel tight or sore. Mark both sides to compare them.")
            .to_string()
    };
    view! {
        <section class="map-screen" aria-labelledby="map-title">
            <h2 id="map-title" class="sr-only">"Body map"</h2>
            // The row above the drawing keeps its height whatever it says: what it says lies
            // over a hidden copy of the empty map's (longest) hint, so the figure never moves
            // under the finger when the first spot is marked and "See my plan" appears.
            <div class="map-status">
                <p class="hint reserve" aria-hidden="true">{empty}</p>
                <div class="map-now">
                    <p class="hint">{move || match count.get() {
                        0 => empty(),
                        1 => "1 spot marked.".to_string(),
                        n => format!("{n} spots marked."),
                    }}</p>
                    <button type="button" class=move || if count.get() == 0 { "primary see-plan none" } else { "primary see-plan" }
                        on:click=move |_| state.go(Tab::Plan)>"See my plan"</button>
                </div>
            </div>
            <ViewSwitch/>
            <BodyMap/>
            <SeverityLegend/>
            <Deferred load=lazy::checkin_note/>
            <Deferred load=lazy::symptom_picker/>
        </section>
    }
}
