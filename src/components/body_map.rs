use crate::components::{RegionBadges, RegionShape};
use crate::domain::knowledge::region::View;
use crate::figure::{Figure, FRONT, VIEW_BOX};
use crate::lazy::{self, Deferred};
use crate::state::{use_state, Zoom};
use leptos::prelude::*;

/// The `viewBox` for a zoom level.
fn view_box(zoom: Zoom) -> &'static str {
    match zoom {
        Zoom::Whole => VIEW_BOX,
        Zoom::Upper => "0 0 240 275",
        Zoom::Lower => "20 235 200 285",
    }
}

/// The drawing of the body for the current view and zoom, with one tappable shape per
/// region-side. Reads `AppState::{view, zoom}`; the shapes read the document themselves.
#[component]
pub fn BodyMap() -> impl IntoView {
    let state = use_state();
    let sides = move || match state.view.get() {
        View::Front => ("Your right", "Your left"),
        View::Back => ("Your left", "Your right"),
    };
    view! {
        <div class="figure-wrap">
            <div class="side-labels" aria-hidden="true">
                <span>"◀ " {move || sides().0}</span>
                <span class="view-name">{move || match state.view.get() { View::Front => "Front", View::Back => "Back" }}</span>
                <span>{move || sides().1} " ▶"</span>
            </div>
            // The front is in the first download; the back comes with the map's other parts
            // (fetched as soon as the browser is idle, so it is usually there before it is asked for).
            {move || match state.view.get() {
                View::Front => drawing(&FRONT).into_any(),
                View::Back => view! { <Deferred load=lazy::back_figure loading="Loading the back view…"/> }.into_any(),
            }}
        </div>
    }
}

/// The drawing of one view: the outline, the tappable shapes and their badges, at the current zoom.
pub fn drawing(fig: &'static Figure) -> impl IntoView {
    let state = use_state();
    let view = fig.view;
    view! {
        <svg class="figure" viewBox=move || view_box(state.zoom.get())
            preserveAspectRatio="xMidYMid meet" role="group"
            aria-label=match view { View::Front => "Body seen from the front", View::Back => "Body seen from the back" }>
            <path class="silhouette" d=fig.silhouette aria-hidden="true"/>
            {fig.details.iter().map(|d| view! { <path class="detail" d=*d aria-hidden="true"/> }).collect_view()}
            {fig.shapes.iter().map(|s| view! { <RegionShape shape=s view=view/> }).collect_view()}
            <RegionBadges fig=fig/>
            // The tighter side's triangles, with the editor's code (right after the first paint).
            <Deferred load=lazy::tighter_marks early=true quiet=true/>
        </svg>
    }
}
