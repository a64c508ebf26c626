use crate::domain::knowledge::mark::Symptom;
use crate::domain::records::body_map::Action;
use crate::state::use_state;
use leptos::prelude::*;

/// Big toggle buttons for the symptoms of the catalogue, and, with low back pain, whether it
/// is flaring up right now (shown right under it). Dispatches `ToggleSymptom` and `SetFlare`.
///
/// On the first visit (`stiffness` given) a last choice, "Just stiffness or tension", stands for
/// none of the symptoms: it unticks them, and ticking a symptom unticks it.
#[component]
pub fn SymptomPicker(
    /// The legend of the group ("What brings you here?" under the map).
    #[prop(default = "What brings you here?")]
    legend: &'static str,
    /// Offers "Just stiffness or tension" and keeps its choice here (first visit only).
    #[prop(optional)]
    stiffness: Option<RwSignal<bool>>,
) -> impl IntoView {
    let state = use_state();
    let has = move |s: Symptom| state.doc.with(|d| d.map.symptoms.contains(&s));
    let flare = move || state.doc.with(|d| d.map.acute_flare);
    let button = move |s: Symptom| {
        view! {
            <button type="button" class="check" aria-pressed=move || has(s).to_string()
                on:click=move |_| {
                    state.dispatch(Action::ToggleSymptom(s));
                    if let Some(st) = stiffness { st.set(false); }
                }>
                <span class="box" aria-hidden="true">{move || if has(s) { "✓" } else { "" }}</span>
                {s.label()}
            </button>
        }
    };
    let just_stiff = stiffness.map(|st| {
        let on = move || st.get();
        view! {
            <button type="button" class="check" aria-pressed=move || on().to_string()
                on:click=move |_| {
                    let now = !st.get_untracked();
                    st.set(now);
                    if now {
                        for s in Symptom::ALL {
                            if state.doc.with_untracked(|d| d.map.symptoms.contains(&s)) {
                                state.dispatch(Action::ToggleSymptom(s));
                            }
                        }
                    }
                }>
                <span class="box" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                "Just stiffness or tension"
            </button>
        }
    });
    view! {
        <fieldset class="symptoms">
            <legend>{legend}</legend>
            {button(Symptom::LowBackPain)}
            <Show when=move || has(Symptom::LowBackPain)>
                <button type="button" class="check flare" aria-pressed=move || flare().to_string()
                    on:click=move |_| { state.dispatch(Action::SetFlare(!flare())); }>
                    <span class="box" aria-hidden="true">{move || if flare() { "✓" } else { "" }}</span>
                    "My back is flaring up right now (a bad spell)"
                </button>
            </Show>
            {Symptom::ALL.into_iter().filter(|s| *s != Symptom::LowBackPain).map(button).collect_view()}
            {just_stiff}
        </fieldset>
    }
}
