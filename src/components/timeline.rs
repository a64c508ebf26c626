use crate::components::MapFigure;
use crate::domain::calendar::{self, long_date};
use crate::domain::knowledge::region::View;
use crate::domain::records::body_map::describe;
use crate::domain::records::document::Removed;
use crate::domain::records::history::{EntryKind, TimelineItem};
use crate::domain::records::session::StepOutcome;
use crate::state::{local_offset, today_day, use_state};
use leptos::prelude::*;

/// Days shown at first and added by "Show older days".
const PAGE_DAYS: usize = 14;

/// The history timeline: every map check-in and session, grouped by day, newest first. Each
/// entry opens read-only (a past map is drawn front and back with its marks listed; a session
/// lists its steps) and can be deleted, with an undo that stays until the next deletion.
/// Reads `AppState::doc`; deleting and undoing go through `AppState::edit`.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let days = Memo::new(move |_| state.doc.with(|d| d.timeline(&local_offset)));
    let shown = RwSignal::new(PAGE_DAYS);
    let open = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<(Removed, String)>);
    let this_year = calendar::year_of(today_day());

    let delete = move |item: &TimelineItem, when: String| {
        let id = item.id.clone();
        let what = format!(
            "{} of {when}",
            if item.kind == EntryKind::CheckIn {
                "Map check-in"
            } else {
                "Session"
            }
        );
        let mut out = None;
        state.change(|d| out = d.delete_entry(&id));
        if let Some(r) = out {
            removed.set(Some((r, what)));
        }
    };
    let undo = move |_| {
        if let Some((r, what)) = removed.get_untracked() {
            if state.change(|d| d.undo_delete(r)) {
                removed.set(None);
                state.say(format!("{what} is back."));
            }
        }
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title" class="sr-only">"Timeline"</h3>
            <div role="status" class="undo-slot">
                {move || removed.get().map(|(_, what)| view! {
                    <div class="undo">
                        <span>"Deleted: " {what}</span>
                        <button type="button" class="secondary" on:click=undo>"Undo"</button>
                    </div>
                })}
            </div>
            {move || days.with(|d| d.is_empty()).then(|| view! {
                <p class="empty">
                    "Nothing here yet. Each time you change your body map it is kept here as a check-in "
                    "(changes within half an hour count as one), and every session you do is listed too."
                </p>
            })}
            {move || {
                let all = days.get();
                let more = all.len() > shown.get();
                let list = all.into_iter().take(shown.get()).map(|day| {
                    let date = long_date(day.day, Some(this_year));
                    let items = day.items.into_iter().map(|item| {
                        let id = item.id.clone();
                        let id_open = id.clone();
                        let is_open = Memo::new(move |_| open.get().as_deref() == Some(id_open.as_str()));
                        let when = format!("{date}, {}", item.clock);
                        let del_label = format!("Delete the {} of {when}", item.title.to_lowercase());
                        let what_when = format!("the {} of {when}", item.title.to_lowercase());
                        let kind_class = if item.kind == EntryKind::CheckIn { "entry checkin" } else { "entry session" };
                        let item_del = item.clone();
                        let toggle_id = id.clone();
                        let detail_id = id.clone();
                        let panel_id = format!("entry-{id}");
                        view! {
                            <li class=kind_class>
                                <div class="entry-row">
                                    <span class="clock">{item.clock.clone()}</span>
                                    <span class="entry-text">
                                        <strong>{item.title}</strong>
                                        <span class="muted">{item.detail.clone()}</span>
                                    </span>
                                </div>
                                <div class="entry-actions">
                                    <button type="button" class="secondary small-btn"
                                        aria-expanded=move || is_open.get().to_string()
                                        aria-controls=panel_id.clone()
                                        aria-label=move || format!("{} {what_when}", if is_open.get() { "Close" } else { "Open" })
                                        on:click=move |_| {
                                            let id = toggle_id.clone();
                                            open.update(|o| *o = if o.as_deref() == Some(id.as_str()) { None } else { Some(id) });
                                        }>
                                        {move || if is_open.get() { "Close" } else { "Open" }}
                                    </button>
                                    <button type="button" class="link danger" aria-label=del_label
                                        disabled=move || state.read_only.get()
                                        on:click=move |_| delete(&item_del, when.clone())>
                                        "Delete"
                                    </button>
                                </div>
                                <div id=format!("entry-{id}") class="entry-detail">
                                    {move || is_open.get().then(|| view! { <EntryDetail id=detail_id.clone()/> })}
                                </div>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <li class="day">
                            <h4>{date.clone()}</h4>
                            <ul class="entries">{items}</ul>
                        </li>
                    }
                }).collect_view();
                view! {
                    <ul class="days">{list}</ul>
                    {more.then(|| view! {
                        <button type="button" class="secondary wide"
                            on:click=move |_| shown.update(|n| *n += PAGE_DAYS)>"Show older days"</button>
                    })}
                }
            }}
        </section>
    }
}

/// The read-only content of one opened entry.
#[component]
fn EntryDetail(
    /// Entry id.
    id: String,
) -> impl IntoView {
    let state = use_state();
    state.doc.with_untracked(|d| {
        if let Some(c) = d.checkin(&id) {
            let when = calendar::parse_iso_ms(&c.at)
                .map(|ms| calendar::short_date(calendar::local_day(ms, &local_offset), None))
                .unwrap_or_default();
            let marks: Vec<String> = c
                .map
                .marks()
                .map(|m| {
                    let tighter = c.map.tighter_side(m.region) == Some(m.side);
                    describe(m.at(), c.map.get(m.at()), tighter)
                })
                .collect();
            let symptoms: Vec<&str> = c.map.symptoms.iter().map(|s| s.label()).collect();
            let map = c.map.clone();
            view! {
                <div class="past-map">
                    <p class="note">"A past map: read-only."</p>
                    <div class="pair">
                        <MapFigure map=map.clone() view=View::Front label=format!("Map of {when}, front")/>
                        <MapFigure map=map view=View::Back label=format!("Map of {when}, back")/>
                    </div>
                    <ul class="mark-list">{marks.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    {(!symptoms.is_empty()).then(|| view! {
                        <p class="muted">"Ticked: " {symptoms.join("; ")}</p>
                    })}
                </div>
            }
            .into_any()
        } else if let Some(s) = d.session(&id) {
            let steps = s
                .steps
                .iter()
                .map(|st| {
                    let how = match st.outcome {
                        StepOutcome::Done => "done",
                        StepOutcome::Skipped => "skipped",
                        StepOutcome::StoppedPain => "stopped (pain)",
                    };
                    format!("{}: {} s of {} s, {how}", st.at.label(), st.done_s, st.planned_s)
                })
                .collect::<Vec<_>>();
            let ratings = s
                .ratings
                .iter()
                .filter_map(|r| {
                    let after = r.after?;
                    Some(format!(
                        "{}: {} before, {} after",
                        r.at.label(),
                        r.before.word(),
                        after.word()
                    ))
                })
                .collect::<Vec<_>>();
            view! {
                <div class="past-session">
                    {if steps.is_empty() {
                        view! { <p class="muted">"No steps were worked."</p> }.into_any()
                    } else {
                        view! { <ol class="mark-list">{steps.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ol> }.into_any()
                    }}
                    {(!ratings.is_empty()).then(|| view! {
                        <p class="muted">"How it felt"</p>
                        <ul class="mark-list">{ratings.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
            .into_any()
        } else {
            view! { <p class="muted">"This entry is no longer here."</p> }.into_any()
        }
    })
}
