use crate::domain::calendar::{self, long_date, WEEKDAYS};
use crate::domain::persistence::ics;
use crate::domain::planner::engine::plan;
use crate::domain::records::profile::needs_screen;
use crate::domain::records::programme::{self, LENGTH};
use crate::state::{local_offset, moment, today_day, use_state, Tab};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A time of day as the person's phone writes it ("18:00" or "6:00 PM"), like the time box.
fn clock_words(at: ics::Clock) -> String {
    // That time on 1 January 1970 in UTC, written in UTC: no time zone can shift it.
    let ms = (u32::from(at.hour) * 60 + u32::from(at.minute)) * 60_000;
    let date = js_sys::Date::new(&JsValue::from_f64(f64::from(ms)));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"hour".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&opts, &"minute".into(), &"2-digit".into());
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    // `undefined` as the locale: the browser's own, as the time box uses.
    js_sys::Reflect::get(&date, &"toLocaleTimeString".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call2(&date, &JsValue::UNDEFINED, &opts).ok())
        .and_then(|s| s.as_string())
        .filter(|s| !s.is_empty())
        .map(|s| s.replace(' ', "\u{a0}")) // "6:00 PM" on one line
        .unwrap_or_else(|| format!("{:02}:{:02}", at.hour, at.minute))
}

/// The 28-day programme: start it, see "day N of 28", a calendar of the four weeks with the
/// done days ticked, the forgiving streak, today's suggested session (the steps of the Plan
/// screen's plan, from the same case, with a button that starts exactly that session, after
/// the safety questions when they are due), and daily reminders: a calendar file for the days still ahead
/// (`persistence::ics`), at a time the person picks, that their own calendar then sends.
/// Nothing runs in the background: it is worked out when the screen opens. Reads
/// `AppState::doc`; starting goes through `AppState::change`.
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
    // Today's session is the plan of the Plan screen: the same case (map, profile, safety
    // answers, paused areas), so the same steps, tools and positions.
    let plan_now = Memo::new(move |_| state.doc.with(|d| plan(&d.case())));
    let suggestion = Memo::new(move |_| plan_now.with(programme::suggestion));
    let screen_due = Memo::new(move |_| {
        state
            .doc
            .with(|d| needs_screen(d.screen.as_ref(), &crate::state::today()))
    });
    let running = Memo::new(move |_| state.doc.with(|d| d.running.is_some()));
    let start_today = move |_| {
        let now = moment();
        let started = state.edit(|d| plan_now.with_untracked(|p| d.start_session(p, now)));
        if started || running.get_untracked() {
            state.go(Tab::Session);
        }
    };

    let today_block = move || {
        let s = suggestion.get();
        let (body, action) = if s.stop {
            (
                view! { <p>"Your answers say to get checked by a doctor first. Your plan says what to do."</p> }.into_any(),
                view! { <button type="button" class="secondary wide" on:click=move |_| state.go(Tab::Plan)>"Open my plan"</button> }.into_any(),
            )
        } else if s.steps.is_empty() {
            (
                view! { <p>"Mark where you feel tight or sore on the body map, and today's steps appear here."</p> }.into_any(),
                view! { <button type="button" class="secondary wide" on:click=move |_| state.go(Tab::Map)>"Open the body map"</button> }.into_any(),
            )
        } else {
            let n = s.steps.len();
            let list = view! {
                <p>{format!("About {} min, {n} step{}, the same as your plan:", s.minutes, if n == 1 { "" } else { "s" })}</p>
                <ol class="today-steps">
                    {s.steps.into_iter().map(|x| view! {
                        <li data-region=x.at.region.key() data-side=x.at.side.key() data-tool=x.tool.key()
                            data-position=format!("{:?}", x.position).to_lowercase() data-seconds=x.seconds>
                            {x.text}
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any();
            let action = move || {
                if running.get() {
                    view! { <button type="button" class="primary big wide" on:click=move |_| state.go(Tab::Session)>"Back to your session"</button> }.into_any()
                } else if screen_due.get() {
                    // The safety questions come before any session, as on the Plan screen.
                    view! {
                        <p class="muted">"First, a few safety questions (about a minute)."</p>
                        <button type="button" class="primary big wide" on:click=move |_| state.go(Tab::Plan)>"Answer the safety questions"</button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="primary big wide" disabled=move || state.read_only.get() on:click=start_today>"Start today's session"</button> }.into_any()
                }
            };
            (list, action.into_any())
        };
        view! {
            <div class="card today">
                <h3>"Today's suggested session"</h3>
                {body}
                {action}
            </div>
        }
    };

    // Reminders: the time picked, and what the last download gave.
    let time = RwSignal::new(String::from("18:00"));
    let reminders = RwSignal::new(None::<Result<String, String>>);
    let add_reminders = move |_| {
        let Some(p) = progress.get_untracked() else {
            return;
        };
        let Some(at) = ics::Clock::parse(&time.get_untracked()) else {
            reminders.set(Some(Err(
                "Please pick a time first: tap the time box and choose hours and minutes."
                    .to_string(),
            )));
            return;
        };
        let (first_day, days) = ics::days_left(p.start, today, LENGTH);
        if days == 0 {
            return;
        }
        let text = ics::calendar_file(&ics::Reminders {
            first_day,
            days,
            at,
            alarm_before_min: 0,
            programme_start: p.start,
            stamp_utc: js_sys::Date::now() as i64,
        });
        crate::browser::download(ics::FILE_NAME, "text/calendar", &text);
        let last = long_date(first_day + i64::from(days) - 1, this_year);
        let clock = clock_words(at);
        let what = if days == 1 {
            format!("1 reminder, at {clock} on {last}")
        } else {
            format!("{days} daily reminders at {clock}, the last on {last}")
        };
        let them = if days == 1 { "it" } else { "them" };
        reminders.set(Some(Ok(format!(
            "{what}. To add {them}, open “{}” from your downloads and choose to add it to your calendar.",
            ics::FILE_NAME
        ))));
    };
    let reminder_block = move |p: &programme::Progress| {
        let (_, days) = ics::days_left(p.start, today, LENGTH);
        (days > 0).then(|| view! {
            <div class="card reminders">
                <h3>"A reminder each day"</h3>
                <p>{format!(
                    "Your phone's calendar can remind you. This makes a calendar file with one short event a day for the {} left of your 28 days.",
                    if days == 1 { "1 day".to_string() } else { format!("{days} days") }
                )}</p>
                <label class="time-pick" for="reminder-time">"Remind me each day at"</label>
                <input id="reminder-time" class="time-input" type="time" required=true
                    prop:value=move || time.get()
                    on:input=move |ev| time.set(event_target_value(&ev))/>
                <button type="button" class="primary wide" on:click=add_reminders>"Add reminders to my calendar"</button>
                <p class="muted">"Your phone's calendar sends the reminders, not FasciaMap. The file holds only the time and the words “FasciaMap session”: no health details."</p>
                <div role="status">
                    {move || reminders.get().map(|r| match r {
                        Ok(m) => view! { <p><strong class="ok">"Calendar file saved."</strong>" "{m}</p> }.into_any(),
                        Err(m) => view! { <p class="error">{m}</p> }.into_any(),
                    })}
                </div>
            </div>
        })
    };

    view! {
        <section class="programme" aria-labelledby="programme-title">
            <h3 id="programme-title" class="sr-only">"28-day programme"</h3>
            {move || match progress.get() {
                None => view! {
                    <div class="card">
                        <h3>"28 days, a little every day"</h3>
                        <p>"A short session most days for four weeks is how change shows up. Start today, and this page shows which day you are on, the days you have done and what to do today."</p>
                        <p>"Once you have started, you can also add a daily reminder to your phone's calendar here."</p>
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
                    let today_note = if p.today_done { "Today is done. Well done." } else if p.day >= 1 && !p.is_over() { "Today's session is still to do." } else { "" };
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
                                {WEEKDAYS.iter().map(|w| view! { <span>{&w[..1]}<span class="d2">{&w[1..]}</span></span> }).collect_view()}
                            </div>
                            <ol class="calendar" aria-label="The 28 days">{blanks}{cells}</ol>
                            <p class="hint">"A day counts as done when a session on it has at least one step worked to the end."</p>
                        </div>
                        {today_block}
                        {reminder_block(&p)}
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
