use crate::components::{sev_class, InstallOffer};
use crate::domain::calendar::{self, long_date};
use crate::domain::records::document::Finished;
use crate::domain::records::guide::duration_words;
use crate::domain::records::programme::{self, Next};
use crate::domain::records::session::{SessionRecord, StepOutcome};
use crate::pwa::{use_pwa, Install};
use crate::state::{local_offset, today_day, use_state, Tab};
use leptos::prelude::*;

/// Plain words for how a step ended.
fn outcome_words(o: StepOutcome) -> &'static str {
    match o {
        StepOutcome::Done => "done",
        StepOutcome::Skipped => "skipped",
        StepOutcome::StoppedPain => "stopped: sharp pain or tingling",
    }
}

/// "3 steps on 2 areas" and the like.
fn summary_line(record: &SessionRecord) -> String {
    let worked = record
        .steps
        .iter()
        .filter(|s| s.outcome != StepOutcome::Skipped || s.done_s > 0)
        .count();
    let mut areas: Vec<_> = record.steps.iter().map(|s| s.at.region).collect();
    areas.sort_by_key(|r| r.key());
    areas.dedup();
    let steps = if worked == 1 {
        "1 step".to_string()
    } else {
        format!("{worked} steps")
    };
    let areas = match areas.len() {
        1 => "1 area".to_string(),
        n => format!("{n} areas"),
    };
    format!(
        "You worked {steps} on {areas}, for {} in all.",
        duration_words(record.total_s())
    )
}

/// The end screen of a guided session: what was done (each step with its side, time and how
/// it ended; before → after where the person re-rated), what comes next (the next day of
/// the 28-day programme, or how often to come back; checking the map again in a few days;
/// when to see a professional), and two big ways on: back to the map, or to the progress
/// screen. After the person's first kept session it offers to put the app on the home screen
/// ([`InstallOffer`], only where the browser offers it and the app is not installed yet).
/// When nothing was done, it says that nothing was saved.
#[component]
pub fn SessionEnd(
    /// What finishing the session gave.
    result: Finished,
) -> impl IntoView {
    let state = use_state();
    let pwa = use_pwa();
    let today = today_day();
    let this_year = Some(calendar::year_of(today));
    let buttons = move || {
        view! {
            <div class="end-actions">
                <button type="button" class="primary big wide" on:click=move |_| state.go(Tab::Map)>"Back to the map"</button>
                <button type="button" class="secondary big wide" on:click=move |_| state.go(Tab::Progress)>"See my progress"</button>
            </div>
        }
    };
    let Finished::Saved { record, first } = result else {
        return view! {
            <section class="session-screen session-end" aria-labelledby="session-title">
                <h2 id="session-title" tabindex="-1">"Session ended"</h2>
                <p role="status">"No step was worked this time, so nothing was added to your history."</p>
                <p>"Whenever you are ready, your plan is waiting: even one step counts."</p>
                {buttons}
                <button type="button" class="link" on:click=move |_| state.go(Tab::Plan)>"Go to your plan"</button>
            </section>
        }
        .into_any();
    };
    let next = state.doc.with_untracked(|d| {
        d.programme.as_ref().and_then(|p| {
            programme::progress(p, &d.sessions, today, &local_offset)
                .map(|p| programme::next_session(&p))
        })
    });
    let next_line = match next {
        Some(Next::Tomorrow(day)) => format!(
            "Next session: tomorrow, {}, day {day} of your 28 days. A day off now and then is fine.",
            long_date(today + 1, this_year)
        ),
        Some(Next::StartsOn(day)) => format!(
            "Your 28 days start on {}.",
            long_date(day, this_year)
        ),
        Some(Next::Over) => "That was the last of your 28 days. Keep a short session going on the days you can.".to_string(),
        None => "Next session: tomorrow, or whenever you can. A short session most days works best; the 28-day programme under Progress keeps count for you.".to_string(),
    };
    let stopped: Vec<String> = record
        .steps
        .iter()
        .filter(|s| s.outcome == StepOutcome::StoppedPain)
        .map(|s| s.at.label())
        .collect();
    let rated: Vec<_> = record
        .ratings
        .iter()
        .filter_map(|r| r.after.map(|a| (r.at, r.before, a)))
        .collect();
    let offer_install = first && pwa.install.get_untracked() != Install::Unavailable;
    view! {
        <section class="session-screen session-end" aria-labelledby="session-title">
            <h2 id="session-title" tabindex="-1">"Session done"</h2>
            <p class="flash" role="status">"Session saved."</p>
            <p>{summary_line(&record)}</p>
            <h3>"What you did"</h3>
            <ul class="done-list">
                {record.steps.iter().map(|s| view! {
                    <li data-region=s.at.region.key() data-side=s.at.side.key() data-outcome=format!("{:?}", s.outcome).to_lowercase()>
                        <strong>{s.at.label()}</strong>
                        <span>{format!("{}, {}", duration_words(u32::from(s.done_s)), outcome_words(s.outcome))}</span>
                    </li>
                }).collect_view()}
            </ul>
            {(!rated.is_empty()).then(|| view! {
                <h3>"Before and now"</h3>
                <ul class="done-list before-now">
                    {rated.into_iter().map(|(at, before, after)| view! {
                        <li data-region=at.region.key() data-side=at.side.key()>
                            <strong>{at.label()}</strong>
                            <span class="change">
                                <span class=format!("chip small {}", sev_class(Some(before)))>{format!("{} {}", before.get(), before.word())}</span>
                                <span aria-hidden="true">" → "</span>
                                <span class="sr-only">" now "</span>
                                <span class=format!("chip small {}", sev_class(Some(after)))>{format!("{} {}", after.get(), after.word())}</span>
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(!stopped.is_empty()).then(|| view! {
                <p class="note">{format!(
                    "Left out of your plan until it feels fine: {}. If the pain or tingling has not settled in a few hours, see your doctor or a physiotherapist.",
                    stopped.join(", ")
                )}</p>
            })}
            <div class="card next">
                <h3>"What comes next"</h3>
                <ul class="plain-list">
                    <li>{next_line}</li>
                    <li>"In a few days, check your map again: press the same spots on both sides and change how they feel. Your plan follows your map."</li>
                    <li>"Keep moving between sessions: walking and everyday activity matter more than any tool."</li>
                    <li>"If your pain is no better after about six sessions, or it gets worse, see a physiotherapist or your doctor."</li>
                </ul>
            </div>
            {offer_install.then(|| view! { <InstallOffer/> })}
            {buttons}
        </section>
    }
    .into_any()
}
