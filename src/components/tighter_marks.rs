use crate::figure::figure;
use crate::state::use_state;
use leptos::prelude::*;

/// The tighter side of each uneven pair on the drawing now shown: a solid triangle on the
/// shoulder of its number badge, a shape rather than a colour or a thin line (the sheet and the
/// list say it in words). Drawn inside the drawing's `<svg>`, above the badges; its code is the
/// `editor` part, so nothing of it is in the first download. Decorative for screen readers:
/// each area's name already says "the tighter side".
#[component]
pub fn TighterMarks() -> impl IntoView {
    let state = use_state();
    let marks = move || {
        let fig = figure(state.view.get_untracked());
        state.doc.with(|d| {
            fig.shapes
                .iter()
                .filter(|s| d.map.tighter_side(s.region) == Some(s.side))
                .map(|s| {
                    let (x, y) = (s.at.0 as i32 + 10, s.at.1 as i32 - 8);
                    view! { <text class="tm" x=x y=y>"▲"</text> }
                })
                .collect_view()
        })
    };
    view! { <g class="badges" aria-hidden="true">{marks}</g> }
}
