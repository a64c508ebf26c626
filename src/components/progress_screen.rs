use crate::components::{ExportImport, ProgrammeView, Timeline, TrendsView};
use leptos::prelude::*;

/// The parts of the progress screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    History,
    Trends,
    Programme,
    Backup,
}

/// The progress screen, the single entry of everything about history: the timeline of
/// check-ins and sessions, trends as charts, the 28-day programme and backups, behind a
/// segmented switch.
#[component]
pub fn ProgressScreen() -> impl IntoView {
    let part = RwSignal::new(Part::History);
    let btn = move |p: Part, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (part.get() == p).to_string()
                on:click=move |_| part.set(p)>{label}</button>
        }
    };
    view! {
        <section class="progress-screen" aria-labelledby="progress-title">
            <h2 id="progress-title">"Your progress"</h2>
            <div class="segmented parts" role="group" aria-label="Show">
                {btn(Part::History, "History")}
                {btn(Part::Trends, "Trends")}
                {btn(Part::Programme, "28 days")}
                {btn(Part::Backup, "Backup")}
            </div>
            {move || match part.get() {
                Part::History => view! { <Timeline/> }.into_any(),
                Part::Trends => view! { <TrendsView/> }.into_any(),
                Part::Programme => view! { <ProgrammeView/> }.into_any(),
                Part::Backup => view! { <ExportImport/> }.into_any(),
            }}
        </section>
    }
}
