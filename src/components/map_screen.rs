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
    let any = Memo::new(move |_| count.get() > 0);
    view! {
        <section class="map-screen" aria-labelledby="map-title">
            <h2 id="map-title" class="sr-only">"Body map"</h2>
            // One row of reserved height above the drawing, so the figure never moves under
            // the finger when the words change or the button appears.
            <div class="map-status">
                <p class="hint">
                    {move || match count.get() {
                        0 => state.map_hint.get().unwrap_or("Tap where you feel tight or sore. Mark both sides to compare them.").to_string(),
                        1 => "1 spot marked. Check your other side too.".to_string(),
                        n => format!("{n} spots marked. Your plan says where to start."),
                    }}
                </p>
                {move || any.get().then(|| view! {
                    <button type="button" class="primary see-plan" on:click=move |_| state.go(Tab::Plan)>
                        "See my plan"
                    </button>
                })}
            </div>
            <ViewSwitch/>
            <BodyMap/>
            <SeverityLegend/>
            <Deferred load=lazy::checkin_note/>
            <Deferred load=lazy::symptom_picker/>
        </section>
    }
}
