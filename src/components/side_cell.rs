use crate::components::sev_class;
use crate::domain::knowledge::region::RegionSide;
use crate::state::use_state;
use leptos::prelude::*;

/// One cell of the list view: a button showing how a region-side feels, with the same cues as
/// the drawing (colour, number, "sore" and "tighter" words). Tapping opens the editor.
#[component]
pub fn SideCell(
    /// The region-side this cell edits.
    at: RegionSide,
) -> impl IntoView {
    let state = use_state();
    let mark = Memo::new(move |_| state.doc.with(|d| d.map.get(at)));
    let tighter =
        Memo::new(move |_| state.doc.with(|d| d.map.tighter_side(at.region)) == Some(at.side));
    // The accessible name is the visible text plus a hidden "Calf, your left:" prefix, so
    // what a screen reader says and what a voice-control user sees are the same words.
    let id = format!("c-{}-{}", at.region.key(), at.side.key());
    let open_id = id.clone();
    view! {
        <button type="button" id=id
            class=move || format!("cell {}", sev_class(mark.get().map(|m| m.severity)))
            on:click=move |_| state.open_editor(at, open_id.clone())>
            <span class="sr-only">{format!("{}: ", at.label())}</span>
            {move || match mark.get() {
                None => view! { <span class="muted" aria-hidden="true">"–"</span><span class="sr-only">"not marked"</span> }.into_any(),
                Some(m) => view! {
                    <span class="num">{m.severity.get()}</span>
                    " "
                    <span class="word">{m.severity.word()}</span>
                    {(m.kind == crate::domain::knowledge::mark::Kind::Tight).then_some(view! { <span class="sr-only">" tight"</span> })}
                    {(m.kind == crate::domain::knowledge::mark::Kind::Sore).then_some(view! { <span class="tag">" sore"</span> })}
                    {tighter.get().then_some(view! { <span class="tag tighter-tag"><span aria-hidden="true">" ▲"</span>" tighter"</span> })}
                }.into_any(),
            }}
        </button>
    }
}
