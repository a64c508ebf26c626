use crate::domain::knowledge::region::View;
use crate::state::{use_state, Zoom};
use leptos::prelude::*;

/// Two segmented switches: front or back view, and how much of the body to show.
/// Sets `AppState::view` and `AppState::zoom`.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let state = use_state();
    let view_btn = move |v: View, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (state.view.get() == v).to_string()
                on:click=move |_| state.view.set(v)>{label}</button>
        }
    };
    let zoom_btn = move |z: Zoom, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (state.zoom.get() == z).to_string()
                on:click=move |_| state.zoom.set(z)>{label}</button>
        }
    };
    view! {
        <div class="switches">
            <div class="segmented" role="group" aria-label="Which side of the body">
                {view_btn(View::Front, "Front")}
                {view_btn(View::Back, "Back")}
            </div>
            <div class="segmented" role="group" aria-label="Zoom">
                {zoom_btn(Zoom::Whole, "Whole")}
                {zoom_btn(Zoom::Upper, "Upper")}
                {zoom_btn(Zoom::Lower, "Legs")}
            </div>
        </div>
    }
}
