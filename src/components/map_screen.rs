use crate::components::{BodyMap, SeverityLegend, ViewSwitch};
use crate::lazy::{self, Deferred};
use crate::state::use_state;
use leptos::prelude::*;

/// The map screen: front/back and zoom switches, the drawing, the legend, and (lazily loaded,
/// below them) the way into "Check my legs", the note on check-ins and the symptoms.
#[component]
pub fn MapScreen() -> impl IntoView {
    let state = use_state();
    let count = Memo::new(move |_| state.doc.with(|d| d.map.len()));

    view! {
        <section class="map-screen" aria-labelledby="map-title">
            <h2 id="map-title" class="sr-only">"Body map"</h2>
            <p class="hint">
                {move || match count.get() {
                    0 => state.map_hint.get().unwrap_or("Tap where you feel tight or sore. Mark both sides to compare them.").to_string(),
                    1 => "1 spot marked. Check the same spot on your other side too.".to_string(),
                    n => format!("{n} spots marked."),
                }}
            </p>
            <ViewSwitch/>
            <BodyMap/>
            <SeverityLegend/>
            <Deferred load=lazy::map_notes/>
        </section>
    }
}
