use crate::components::badge;
use crate::domain::knowledge::region::RegionSide;
use crate::figure::Figure;
use crate::state::use_state;
use leptos::prelude::*;

/// The number badges of a drawing's marked region-sides (✓ for "fine"), in a layer above every
/// shape so no neighbour covers it, in the drawing's order. Decorative for screen readers: each
/// shape's name already says its severity.
///
/// One list for the whole drawing, from one memo, drawn again when the marks change: a map has
/// far fewer marks than areas, so the app's start and each change of the map make one memo run
/// instead of one per area.
#[component]
pub fn RegionBadges(
    /// The drawing whose badges these are.
    fig: &'static Figure,
) -> impl IntoView {
    let state = use_state();
    // The marked areas (their place in the drawing's shapes), in the drawing's order, with their
    // severity.
    let badges = Memo::new(move |_| {
        state.doc.with(|d| {
            fig.shapes
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let at = RegionSide {
                        region: s.region,
                        side: s.side,
                    };
                    Some((i, d.map.get(at)?.severity))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <g class="badges" aria-hidden="true">
            {move || badges.get().into_iter().map(|(i, sev)| badge(&fig.shapes[i], sev)).collect_view()}
        </g>
    }
}
