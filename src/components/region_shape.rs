use crate::components::sev_class;
use crate::domain::knowledge::region::{RegionSide, View};
use crate::domain::records::body_map::describe;
use crate::figure::Shape;
use crate::state::use_state;
use leptos::prelude::*;

/// The element id of a region-side's shape on a view, e.g. `r-f-calf-left`.
pub fn shape_id(view: View, at: RegionSide) -> String {
    format!(
        "r-{}-{}-{}",
        if view == View::Front { "f" } else { "b" },
        at.region.key(),
        at.side.key()
    )
}

/// The region-side whose shape has the element id `id` (the inverse of [`shape_id`]).
pub fn shape_at(id: &str) -> Option<RegionSide> {
    let rest = id
        .strip_prefix("r-f-")
        .or_else(|| id.strip_prefix("r-b-"))?;
    let (region, side) = rest.rsplit_once('-')?;
    Some(RegionSide {
        region: crate::domain::knowledge::region::RegionId::from_key(region)?,
        side: crate::domain::knowledge::region::Side::from_key(side)?,
    })
}

/// One tappable region-side on the drawing: a focusable button with its severity shown by
/// colour (the number badge is [`super::RegionBadges`]) and, for sore spots, a hatch, and a thick outline on the tighter
/// side of an uneven pair. Enter or Space opens the editor, as a tap does; a finger tap that also
/// touched a neighbour makes the editor ask which one was meant (see [`super::MarkEditor`]).
#[component]
pub fn RegionShape(
    /// The shape to draw (from the figure tables).
    shape: &'static Shape,
    /// The view it is drawn on (keeps element ids unique).
    view: View,
) -> impl IntoView {
    let state = use_state();
    let at = RegionSide {
        region: shape.region,
        side: shape.side,
    };
    // Its mark, and whether it is the tighter side of an uneven pair: one memo per area (the
    // app's start makes 79 of them, and each change of the map runs them all).
    let look = Memo::new(move |_| {
        state.doc.with(|d| {
            (
                d.map.get(at),
                d.map.tighter_side(at.region) == Some(at.side),
            )
        })
    });
    let mark = move || look.get().0;
    let tighter = move || look.get().1;
    let id = shape_id(view, at);
    let open = {
        let id = id.clone();
        move || state.open_editor(at, id.clone())
    };
    let open_key = open.clone();
    let class = move || {
        let sev = sev_class(mark().map(|m| m.severity));
        let small = if shape.small { " small" } else { "" };
        let tight = if tighter() { " tighter" } else { "" };
        format!("region {sev}{small}{tight}")
    };
    view! {
        <g id=id class=class role="button" tabindex="0"
            aria-label=move || { let (m, t) = look.get(); describe(at, m, t) }
            on:click=move |_| open()
            on:keydown=move |ev| {
                let k = ev.key();
                if k == "Enter" || k == " " {
                    ev.prevent_default();
                    open_key();
                }
            }>
            {shape.small.then(|| view! { <path class="hit" d=shape.d/> })}
            <path class="shape" d=shape.d/>
            {move || mark().filter(|m| m.kind == crate::domain::knowledge::mark::Kind::Sore)
                .map(|_| view! { <path class="hatch" d=shape.d/> })}
        </g>
    }
}
