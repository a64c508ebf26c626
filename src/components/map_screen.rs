use crate::components::{BodyMap, SeverityLegend, ViewSwitch};
use crate::lazy::{self, Deferred};
use crate::state::use_state;
use leptos::prelude::*;

/// What the empty map says above the drawing.
pub const HINT: &str = "Tap where you feel tight or sore. Mark both sides to compare them.";

/// The map screen: front/back and zoom switches, the drawing, the legend, and (lazily loaded,
/// below them) the way into "Check my legs", the note on check-ins and the symptoms.
#[component]
pub fn MapScreen() -> impl IntoView {
    let state = use_state();
    // A first visit's loading page (its welcome) gives way to the map too: after "Skip", or when
    // another tab passed the welcome meanwhile. (On a first visit no other screen can come
    // before the welcome's own, which takes it away too; an effect on the screen shown would
    // cost the first download 0.3 KiB.) When a tap on the loading page's map opened its own
    // sheet, the loading page stays until the editor takes that sheet over.
    crate::browser::boot_gives_way_to_map();
    view! {
        <section class="map-screen" aria-labelledby="map-title">
            <h2 id="map-title" class="sr-only">"Body map"</h2>
            // The row above the drawing: the hint of the empty map; once the editor's code is in
            // (right after the first paint) what the map says now lies over it, with "See my
            // plan" once a spot is marked, and the hint stays hidden beneath to keep the row's
            // height, so the figure never moves under the finger (`MapStatus`).
            <div class="map-status">
                <p class="hint">{move || state.map_hint.get().unwrap_or(HINT)}</p>
                <Deferred load=lazy::map_status early=true quiet=true/>
            </div>
            <ViewSwitch/>
            <BodyMap/>
            <SeverityLegend/>
            <Deferred load=lazy::map_notes/>
        </section>
    }
}
