use crate::domain::knowledge::mark::Symptom;
use crate::domain::records::body_map::Action;
use crate::state::use_state;
use leptos::prelude::*;

/// Big toggle buttons for the symptoms of the catalogue, and, with low back pain, whether it
/// is flaring up right now (shown right under it). Dispatches `ToggleSymptom` and `SetFlare`.
#[component]
pub fn SymptomPicker() -> impl IntoView {
    let state = use_state();
    let has = move |s: Symptom| state.doc.with(|d| d.map.symptoms.contains(&s));
    let flare = move || state.doc.with(|d| d.map.acute_flare);
    let button = move |s: Symptom| {
        view! {
            <button type="button" class="check" aria-pressed=move || has(s).to_string()
                on:click=move |_| { state.dispatch(Action::ToggleSymptom(s)); }>
                <span class="box" aria-hidden="true">{move || if has(s) { "✓" } else { "" }}</span>
                {s.label()}
            </button>
        }
    };
    view! {
        <fieldset class="symptoms">
            <legend>"What brings you here?"</legend>
            {button(Symptom::LowBackPain)}
            <Show when=move || has(Symptom::LowBackPain)>
                <button type="button" class="check flare" aria-pressed=move || flare().to_string()
                    on:click=move |_| { state.dispatch(Action::SetFlare(!flare())); }>
                    <span class="box" aria-hidden="true">{move || if flare() { "✓" } else { "" }}</span>
                    "My back is flaring up right now (a bad spell)"
                </button>
            </Show>
            {Symptom::ALL.into_iter().filter(|s| *s != Symptom::LowBackPain).map(button).collect_view()}
        </fieldset>
    }
}
