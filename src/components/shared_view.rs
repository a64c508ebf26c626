use crate::components::{SharedFigure, SharedPlan};
use crate::domain::records::body_map::describe;
use crate::domain::records::document::Imported;
use crate::domain::records::history::map_summary;
use crate::domain::records::shared::{about_them, their_condition, SharedMap};
use crate::share::clear_fragment;
use crate::state::{moment, use_state, Incoming, Notice, Tab};
use leptos::prelude::*;

/// A shared map, read-only: opened from a link in the address bar or from the maps the person
/// saved. Shows the map, what is marked, and the plan computed on the spot. "Save to my
/// history" asks first and only ever adds an entry: the person's own map is never replaced.
/// A link that cannot be opened gets one plain sentence and changes nothing. The fragment is
/// removed from the address bar when the person saves or closes. Every side and sentence
/// speaks of the person who shared it ("their left"), as the figure does. Reads
/// `AppState::incoming`.
#[component]
pub fn SharedView() -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(false);
    let saved = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| {
        state.incoming.track();
        confirming.set(false);
        saved.set(None);
        crate::browser::scroll_to_top();
    });
    let close = move || {
        if matches!(state.incoming.get_untracked(), Some(Incoming::Link(_))) {
            clear_fragment();
        }
        let back = match state.incoming.get_untracked() {
            Some(Incoming::Saved(_)) => Tab::Share,
            _ => Tab::Map,
        };
        state.incoming.set(None);
        state.tab.set(back);
    };
    let save = move |shared: &SharedMap| {
        if state
            .notice
            .with_untracked(|n| *n == Some(Notice::NewerVersion))
        {
            saved.set(Some("Not saved: your saved data comes from a newer version of FasciaMap, so this one does not write to it. Reload to update first."));
            return;
        }
        let mut outcome = None;
        let now = moment();
        state.edit(|d| {
            let o = d.import_shared(shared, now);
            outcome = Some(o);
            o == Imported::Added
        });
        let text = match outcome {
            Some(Imported::Added) => "Saved to your history. Your own map is unchanged.",
            Some(Imported::AlreadySaved) => "This map is already in your history.",
            // Nothing may change (data from a newer version, or storage not open yet).
            None => "Nothing can be saved here just now: this browser holds data from a newer version of FasciaMap.",
        };
        clear_fragment();
        confirming.set(false);
        saved.set(Some(text));
        state.say(text.to_string());
    };

    move || {
        let incoming = state.incoming.get()?;
        let (shared, from_link) = match incoming {
            Incoming::Link(Err(e)) => {
                return Some(view! {
                    <section class="shared" aria-labelledby="shared-title">
                        <h2 id="shared-title">"This link can't be opened"</h2>
                        <p class="card shared-error" role="alert">{e.to_string()}</p>
                        <p>"Nothing was changed: your own map and history are as they were."</p>
                        <button type="button" class="primary wide" on:click=move |_| close()>"Go to my map"</button>
                    </section>
                }.into_any());
            }
            Incoming::Link(Ok(s)) => (s, true),
            Incoming::Saved(i) => (
                state
                    .doc
                    .with_untracked(|d| d.imported.get(i).map(|m| m.shared.clone()))?,
                false,
            ),
        };
        let when = shared.day.map_or("No date given".to_string(), |d| {
            format!("Map of {}", d.plain())
        });
        let count = shared.map.len();
        let summary = map_summary(&shared.map);
        let marks = shared
            .map
            .marks()
            .map(|m| {
                let at = m.at();
                let text = about_them(&describe(
                    at,
                    shared.map.get(at),
                    shared.map.tighter_side(at.region) == Some(at.side),
                ));
                view! { <li>{text}</li> }
            })
            .collect_view();
        let symptoms: Vec<&'static str> = shared.map.symptoms.iter().map(|s| s.label()).collect();
        let flare = shared.map.acute_flare;
        let conditions: Vec<String> = shared.conditions.iter().map(their_condition).collect();
        let case = shared.to_case();
        let for_save = StoredValue::new(shared.clone());
        Some(view! {
            <section class="shared" aria-labelledby="shared-title">
                <h2 id="shared-title">{if from_link { "A shared body map" } else { "A map saved from a link" }}</h2>
                <p class="muted">{when} ". " {summary}</p>
                <p class="card note">"Read-only: this map came from a link. Your own map is not changed by looking at it."</p>
                <SharedFigure map=shared.map.clone()/>
                <h3>"What is marked"</h3>
                {if count == 0 { view! { <p>"Nothing is marked."</p> }.into_any() } else { view! { <ul class="marks">{marks}</ul> }.into_any() }}
                {(!symptoms.is_empty()).then(|| view! {
                    <h3>"Also ticked"</h3>
                    <ul>{symptoms.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                        {flare.then(|| view! { <li>"Low back in a flare-up right now"</li> })}</ul>
                })}
                {(!conditions.is_empty()).then(|| view! {
                    <h3>"Health conditions shared"</h3>
                    <ul>{conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
                <h3>"Plan for this map"</h3>
                <p class="muted">"Worked out on this device just now, with standard settings (no tools or preferences of the sender). \"Their left\" and \"they\" mean the person who shared this map."</p>
                <SharedPlan case=case/>
                <div class="shared-actions">
                    {move || match saved.get() {
                        Some(text) => view! {
                            <p class="card saved" role="status">{text}</p>
                            <button type="button" class="primary wide" on:click=move |_| close()>"Go to my map"</button>
                        }.into_any(),
                        None if confirming.get() => view! {
                            <div class="card confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                                <h3 id="confirm-title">"Save this map to your history?"</h3>
                                <p id="confirm-text">"It is kept as a separate entry. Your own map stays exactly as it is."</p>
                                <div class="sheet-actions">
                                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                                    <button type="button" class="primary" on:click=move |_| for_save.with_value(save)>"Save"</button>
                                </div>
                            </div>
                        }.into_any(),
                        None => view! {
                            <div class="sheet-actions">
                                <button type="button" class="secondary" on:click=move |_| close()>"Close"</button>
                                {from_link.then(|| view! {
                                    <button type="button" class="primary" on:click=move |_| confirming.set(true)>"Save to my history"</button>
                                })}
                            </div>
                        }.into_any(),
                    }}
                </div>
            </section>
        }.into_any())
    }
}
