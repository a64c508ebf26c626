use crate::domain::knowledge::mark::Symptom;
use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// The way into "Check my legs" under the map: a big button, which says "Continue" with
/// the step when a walk is in progress (a reload resumes it there). With low back pain ticked
/// a line above it says why the legs come first.
#[component]
pub fn LegCheckOffer() -> impl IntoView {
    let state = use_state();
    let info = Memo::new(move |_| {
        state.doc.with(|d| {
            let going = d
                .leg_check
                .as_ref()
                .filter(|w| !w.is_done())
                .map(|w| w.step_number());
            (going, d.map.symptoms.contains(&Symptom::LowBackPain))
        })
    });
    view! {
        <div class="lc-offer">
            {move || info.get().1.then(|| view! {
                <p class="why-line">"For low back pain this method looks at the legs first."</p>
            })}
            <button type="button" class="secondary wide lc-open" on:click=move |_| state.go(Tab::LegCheck)>
                {move || match info.get().0 {
                    Some(n) => format!("Continue checking my legs (step {n} of {})", crate::domain::records::leg_check::STEPS),
                    None => "Check my legs, left against right".to_string(),
                }}
            </button>
        </div>
    }
}
