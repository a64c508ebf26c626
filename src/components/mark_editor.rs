use crate::browser::{after_paint, focus};
use crate::components::sev_class;
use crate::domain::knowledge::mark::{Kind, Severity};
use crate::domain::knowledge::region::{Pressure, RegionSide, Role, Side};
use crate::domain::records::body_map::{describe, Action};
use crate::state::use_state;
use leptos::prelude::*;

/// Bottom sheet that edits one region-side: severity 0–3 in words, tight or sore, the other
/// side's value beside it, and one-tap clearing. Opens when `AppState::selected` is set.
#[component]
pub fn MarkEditor() -> impl IntoView {
    let state = use_state();
    let close = move || {
        state.selected.set(None);
        if let Some(id) = state.opener.get_untracked() {
            focus(&id);
        }
    };
    // Move focus into the sheet whenever it opens on a new region-side: just after the frame
    // that shows it, so the tap repaints first and the focus styles come in the next frame.
    Effect::new(move |_| {
        if state.selected.get().is_some() {
            after_paint(|| focus("editor-title"));
        }
    });

    let sheet = move || {
        let at: RegionSide = state.selected.get()?;
        let def = at.region.def();
        let mark = move || state.doc.with(|d| d.map.get(at));
        let other = at.mirror();
        let other_mark = move || state.doc.with(|d| d.map.get(other));
        let set_sev = move |s: Severity| {
            if state.dispatch(Action::SetSeverity(at, s)) {
                state.say(describe(at, mark(), false));
            }
        };
        let set_kind = move |k: Kind| {
            if state.dispatch(Action::SetKind(at, k)) {
                state.say(describe(at, mark(), false));
            }
        };
        let caution = (def.pressure != Pressure::Ok || def.role != Role::Target)
            .then_some(def.id.caution())
            .filter(|c| !c.is_empty());
        Some(view! {
            <div class="sheet" role="dialog" aria-labelledby="editor-title"
                on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                <div class="sheet-head">
                    <h2 id="editor-title" tabindex="-1">{at.label()}</h2>
                    <button type="button" class="close" aria-label="Close" on:click=move |_| close()>"✕"</button>
                </div>
                {caution.map(|c| view! { <p class="caution">{c}</p> })}
                <fieldset class="choices severity">
                    <legend>"How strong?"</legend>
                    {Severity::ALL.into_iter().map(|s| view! {
                        <button type="button" class=format!("sev-btn {}", sev_class(Some(s)))
                            aria-pressed=move || (mark().map(|m| m.severity) == Some(s)).to_string()
                            on:click=move |_| set_sev(s)>
                            <span class="num">{s.get()}</span>
                            <span class="word">{s.word()}</span>
                        </button>
                    }).collect_view()}
                </fieldset>
                <fieldset class="choices kind">
                    <legend>"What is it like?"</legend>
                    {[Kind::Tight, Kind::Sore].into_iter().map(|k| view! {
                        <button type="button"
                            aria-pressed=move || (mark().map(|m| m.kind) == Some(k)).to_string()
                            on:click=move |_| set_kind(k)>
                            {match k { Kind::Tight => "Tight", Kind::Sore => "Sore" }}
                        </button>
                    }).collect_view()}
                </fieldset>
                {(at.side != Side::Mid).then(|| view! {
                    <div class="compare">
                        <p>{move || {
                            let tighter = state.doc.with(|d| d.map.tighter_side(at.region));
                            let text = describe(other, other_mark(), tighter == Some(other.side));
                            let mine = if tighter == Some(at.side) { " This side is the tighter one." } else { "" };
                            format!("Other side: {}.{mine}", text.split_once(": ").map_or(text.as_str(), |(_, v)| v))
                        }}</p>
                        <button type="button" class="link"
                            on:click=move |_| state.selected.set(Some(other))>
                            {format!("Go to your {} side", other.side.key())}
                        </button>
                    </div>
                })}
                <div class="sheet-actions">
                    <button type="button" class="secondary"
                        disabled=move || mark().is_none()
                        on:click=move |_| {
                            if state.dispatch(Action::Clear(at)) {
                                state.say(format!("{} cleared", at.label()));
                            }
                        }>"Remove mark"</button>
                    <button type="button" class="primary" on:click=move |_| close()>"Done"</button>
                </div>
            </div>
        })
    };
    view! {
        // Room below the page so every part of the figure can be scrolled above the sheet. It
        // stays once the sheet has been opened, so opening and closing never change the page's
        // height (a layout of the whole page on every tap).
        <div class="sheet-spacer" aria-hidden="true"></div>
        {sheet}
    }
}
