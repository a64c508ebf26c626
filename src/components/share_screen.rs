use crate::components::{InstallOffer, QrCode};
use crate::domain::calendar::Day;
use crate::domain::persistence::link;
use crate::domain::planner::case::Condition;
use crate::domain::records::document::Document;
use crate::domain::records::shared::SharedMap;
use crate::share::{can_share, copy, link_for, share, Handed};
use crate::state::{use_state, Incoming};
use leptos::prelude::*;

/// A link up to this long fits in one text message (SMS); longer ones still work when sent
/// whole, which is what the line under the link says instead of a character count.
const SMS_CHARS: usize = 160;

/// The person's health conditions from their profile, offered by "include my health
/// conditions" (never shared unless ticked; the box is disabled when there are none).
fn my_conditions(doc: &Document) -> Vec<Condition> {
    doc.profile.conditions.clone()
}

/// Today in the device's own time zone.
fn today() -> Option<Day> {
    Day::from_calendar(crate::state::today_day())
}

/// Share the current map as a link: through the phone's share sheet where there is one,
/// otherwise copied; the link itself to copy by hand; a QR code to show across a room. Health
/// conditions go in only when ticked. Below: installing, and the maps saved from links.
/// Reads `AppState::doc`.
#[component]
pub fn ShareScreen() -> impl IntoView {
    let state = use_state();
    let include = RwSignal::new(false);
    let show_qr = RwSignal::new(false);
    let feedback = RwSignal::new(String::new());
    let conditions = Memo::new(move |_| state.doc.with(my_conditions));
    let url = Memo::new(move |_| {
        let shared = state.doc.with(|d| {
            let day = d
                .map_updated
                .as_deref()
                .and_then(Day::parse_iso)
                .or_else(today);
            SharedMap::new(&d.map, day, &conditions.get(), include.get())
        });
        link_for(&link::encode(&shared))
    });
    let count = Memo::new(move |_| state.doc.with(|d| d.map.len()));
    let empty = Memo::new(move |_| state.doc.with(|d| d.map.is_empty()));
    let report = move |h: Handed| {
        let text = match h {
            Handed::Shared => "Link shared.",
            Handed::Copied => "Link copied. Paste it into a message.",
            Handed::Cancelled => "",
            Handed::Failed => "Could not copy by itself: select the link below and copy it.",
        };
        feedback.set(text.to_string());
    };
    let on_share = move |_| {
        let u = url.get_untracked();
        leptos::task::spawn_local(async move { report(share(&u, "My FasciaMap body map").await) });
    };
    let on_copy = move |_| {
        let u = url.get_untracked();
        leptos::task::spawn_local(async move { report(copy(&u).await) });
    };
    let saved = move || {
        state.doc.with(|d| {
            d.imported.iter().enumerate().rev().map(|(i, m)| {
                let when = m.shared.day.map_or("No date".to_string(), |d| d.plain());
                let n = m.shared.map.len();
                let text = format!("{when}: {n} area{} marked", if n == 1 { "" } else { "s" });
                view! {
                    <li><button type="button" class="secondary wide"
                        on:click=move |_| state.incoming.set(Some(Incoming::Saved(i)))>{text}</button></li>
                }
            }).collect_view()
        })
    };
    let has_saved = move || state.doc.with(|d| !d.imported.is_empty());

    view! {
        <section class="share-screen" aria-labelledby="share-title">
            <h2 id="share-title">"Share your map"</h2>
            {move || if empty.get() {
                view! { <p class="card">"Mark at least one spot on the body map first; then you can share it from here."</p> }.into_any()
            } else {
                view! {
                    <p>{move || format!("The link holds the map itself: {} marked area{}, your ticked symptoms and the date.", count.get(), if count.get() == 1 { "" } else { "s" })}</p>
                    <p class="card note">"Anyone with this link can see this body map. It isn't stored on any server."</p>
                    <label class="toggle">
                        <input type="checkbox" prop:checked=move || include.get()
                            disabled=move || conditions.with(Vec::is_empty)
                            on:change=move |ev| include.set(event_target_checked(&ev))/>
                        "Include my health conditions"
                    </label>
                    {move || conditions.with(Vec::is_empty).then(|| view! {
                        <p class="muted small">"You have not entered any health conditions, so none are shared."</p>
                    })}
                    <div class="share-actions">
                        {can_share().then(|| view! { <button type="button" class="primary" on:click=on_share>"Share…"</button> })}
                        <button type="button" class=if can_share() { "secondary" } else { "primary" } on:click=on_copy>"Copy link"</button>
                    </div>
                    <p class="feedback" role="status">{move || feedback.get()}</p>
                    <label class="field-label" for="share-link">"The link"</label>
                    <input id="share-link" class="link-field" type="text" readonly prop:value=move || url.get()
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                el.select();
                            }
                        }/>
                    <p class="muted small link-length">{move || if url.with(|u| u.chars().count()) <= SMS_CHARS {
                        "Short enough for a text message."
                    } else {
                        "Send the whole link: a link cut short will not open."
                    }}</p>
                    <button type="button" class="secondary wide" aria-expanded=move || show_qr.get().to_string()
                        on:click=move |_| show_qr.update(|s| *s = !*s)>
                        {move || if show_qr.get() { "Hide QR code" } else { "Show QR code" }}
                    </button>
                    {move || show_qr.get().then(|| view! {
                        <div class="qr-wrap"><QrCode text=url.get()/></div>
                        <p class="muted small">"Let the other person scan this with their phone camera."</p>
                    })}
                }.into_any()
            }}
            <InstallOffer/>
            {move || has_saved().then(|| view! {
                <h3>"Maps saved from links"</h3>
                <ul class="saved-list">{saved}</ul>
            })}
        </section>
    }
}
