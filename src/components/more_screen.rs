use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// "More": the profile, the safety questions, "how this works", sharing and the summary for a
/// clinician, as big list buttons.
#[component]
pub fn MoreScreen() -> impl IntoView {
    let state = use_state();
    let item = move |tab: Tab, title: &'static str, line: &'static str| {
        view! {
            <li>
                <button type="button" class="more-item" on:click=move |_| state.go(tab)>
                    <strong>{title}</strong>
                    <span>{line}</span>
                </button>
            </li>
        }
    };
    view! {
        <section class="more-screen" aria-labelledby="more-title">
            <h2 id="more-title">"More"</h2>
            <ul class="more-list">
                {item(Tab::Profile, "About you", "Health, floor, pressure and the tools you have")}
                {item(Tab::Safety, "Safety questions", "Answer them again, for example when something changed")}
                {item(Tab::About, "How this works", "Left and right, chains, and what the plan leaves alone")}
                {item(Tab::Share, "Share my map", "A link or QR code for your physiotherapist, and maps others sent you")}
                {item(Tab::Summary, "Summary for my clinician", "A page to print or save as a PDF: your maps, changes, plan and answers")}
            </ul>
        </section>
    }
}
