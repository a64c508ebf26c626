use crate::domain::calendar::{self, long_date, WEEKDAYS};
use crate::domain::planner::case::Case;
use crate::domain::planner::engine::plan;
use crate::domain::records::programme::{self, LENGTH};
use crate::state::{local_offset, today_day, use_state, Tab};
use leptos::prelude::*;

/// The 28-day programme: start it, see "day N of 28", a calendar of the four weeks with the
/// done days ticked, the forgiving streak, and today's suggested session (the first steps of
/// the plan for the current map). Nothing runs in the background: it is worked out when the
/// screen opens. Reads `AppState::doc`; starting goes through `AppState::edit`.
#[component]
pub fn ProgrammeView() -> impl IntoView {
    let state = use_state();
    let today = today_day();
    let this_year = Some(calendar::year_of(today));
    let confirm_restart = RwSignal::new(false);
    let progress = Memo::new(move |_| {
        state.doc.with(|d| {
            d.programme
                .as_ref()
                .and_then(|p| programme::progress(p, &d.sessions, today, &local_offset))
        })
    });
    let start = move |_| {
        if state.change(|d| d.start_programme(today)) {
            confirm_restart.set(false);
            state.say("Programme started: day 1 of 28.".to_string());
        }
    };
    let suggestion = Memo::new(move |_| {
        state.doc.with(|d| {
            let case = Case {
                symptoms: d.map.symptoms.iter().copied().collect(),
                acute_flare: d.map.acute_flare,
                marks: d.map.marks().collect(),
                ..Case::default()
            };
            programme::suggestion(&plan(&case))
        })
    });

    let today_block = move || {
        let s = suggestion.get();
        let body = if s.stop {
            view! { <p>"Your answers say to get checked by a doctor first. Open the body map for what to do."</p> }.into_any()
        } else if s.steps.is_empty() {
            view! { <p>"Mark where you feel tight or sore on the body map, and today's steps appear here."</p> }.into_any()
        } else {
            let n = s.steps.len();
            view! {
                <p>{format!("About {} min, {n} step{}:", s.minutes, if n == 1 { "" } else { "s" })}</p>
                <ol class="mark-list">{s.steps.into_iter().take(4).map(|x| view! { <li>{x}</li> }).collect_view()}</ol>
                {(n > 4).then(|| view! { <p class="muted">{format!("and {} more.", n - 4)}</p> })}
            }.into_any()
        };
        view! {
            <div class="card today">
                <h3>"Today's suggested session"</h3>
                {body}
                <button type="button" class="secondary" on:click=move |_| state.tab.set(Tab::Map)>"Open the body map"</button>
            </div>
        }
    };

    view! {
        <section class="programme" aria-labelledby="programme-title">
            <h3 id="programme-title" class="sr-only">"28-day programme"</h3>
            {move || match progress.get() {
                None => view! {
                    <div class="card">
                        <h3>"28 days, a little every day"</h3>
                        <p>"A short session most days for four weeks is how change shows up. Start today, and this page shows which day you are on, the days you have done and what to do today."</p>
                        <p class="muted">"Missing a day is fine: your streak only ends after two missed days in a row."</p>
                        <button type="button" class="primary wide" disabled=move || state.read_only.get() on:click=start>"Start the 28 days today"</button>
                    </div>
                }.into_any(),
                Some(p) => {
                    let heading = if p.is_over() {
                        format!("Your 28 days are done: {} of 28 days with a session", p.done_count)
                    } else if p.day < 1 {
                        format!("Starts on {}", long_date(p.start, this_year))
                    } else {
                        format!("Day {} of 28", p.day)
                    };
                    let streak = match p.streak {
                        0 => "No streak yet: do a session today to start one.".to_string(),
                        1 => "Streak: 1 day.".to_string(),
                        n => format!("Streak: {n} days."),
                    };
                    let today_note = if p.today_done { "Today is done. Well done." } else { "Today is still open." };
                    let offset = calendar::weekday(p.start);
                    let cells = (0..LENGTH).map(|i| {
                        let day = p.start + i;
                        let done = p.done[i as usize];
                        let is_today = day == today;
                        let future = day > today;
                        let label = format!("Day {}, {}: {}", i + 1, long_date(day, this_year),
                            if done { "done" } else if future { "to come" } else if is_today { "today, not done yet" } else { "no session" });
                        let class = format!("cal-day{}{}{}", if done { " done" } else { "" }, if is_today { " today" } else { "" }, if future { " future" } else { "" });
                        view! {
                            <li class=class>
                                <span class="num" aria-hidden="true">{i + 1}</span>
                                <span class="mark" aria-hidden="true">{if done { "✓" } else { "" }}</span>
                                <span class="sr-only">{label}</span>
                            </li>
                        }
                    }).collect_view();
                    let blanks = (0..offset).map(|_| view! { <li class="cal-blank" aria-hidden="true"></li> }).collect_view();
                    view! {
                        <div class="card">
                            <h3>{heading}</h3>
                            <p><strong>{streak}</strong> " " {today_note}</p>
                            <p class="muted">{format!("Started {}. {} of 28 days done so far.", long_date(p.start, this_year), p.done_count)}</p>
                            <div class="cal-head" aria-hidden="true">
                                {WEEKDAYS.iter().map(|w| view! { <span>{*w}</span> }).collect_view()}
                            </div>
                            <ol class="calendar" aria-label="The 28 days">{blanks}{cells}</ol>
                            <p class="hint">"A day counts as done when a session on it has at least one step worked to the end."</p>
                        </div>
                        {today_block}
                        <div class="restart">
                            {move || if confirm_restart.get() {
                                view! {
                                    <p>"Start again from today? Your history stays; only the 28-day count restarts."</p>
                                    <div class="sheet-actions">
                                        <button type="button" class="secondary" on:click=move |_| confirm_restart.set(false)>"Keep going"</button>
                                        <button type="button" class="primary" on:click=start>"Start again"</button>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="link" disabled=move || state.read_only.get()
                                        on:click=move |_| confirm_restart.set(true)>"Start the 28 days again"</button>
                                }.into_any()
                            }}
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
