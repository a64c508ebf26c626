use crate::components::{ExportImport, ProgrammeView, Timeline, TrendsView};
use crate::domain::records::programme;
use crate::state::{local_offset, today_day, use_state, Tab};
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
/// segmented switch. While a 28-day programme runs and today has no session yet, a line on
/// top says so plainly, with a way to today's plan (the programme part says it itself).
#[component]
pub fn ProgressScreen() -> impl IntoView {
    let state = use_state();
    let part = RwSignal::new(Part::History);
    // The day of the programme when today's session is still to do.
    let due = Memo::new(move |_| {
        let today = today_day();
        state.doc.with(|d| {
            let p = programme::progress(d.programme.as_ref()?, &d.sessions, today, &local_offset)?;
            (p.day >= 1 && !p.is_over() && !p.today_done).then_some(p.day)
        })
    });
    let btn = move |p: Part, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (part.get() == p).to_string()
                on:click=move |_| part.set(p)>{label}</button>
        }
    };
    view! {
        <section class="progress-screen" aria-labelledby="progress-title">
            <h2 id="progress-title">"Your progress"</h2>
            {move || due.get().filter(|_| part.get() != Part::Programme).map(|day| view! {
                <div class="due-today" role="note">
                    <p><strong>{format!("Day {day} of 28: today's session is still to do.")}</strong></p>
                    <button type="button" class="primary" on:click=move |_| state.go(Tab::Plan)>"Go to today's plan"</button>
                </div>
            })}
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
