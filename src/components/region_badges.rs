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
    // Where each badge sits and its number. Whole units are plenty for placement and avoid
    // float formatting code in the bundle.
    let badges = Memo::new(move |_| {
        state.doc.with(|d| {
            fig.shapes
                .iter()
                .filter_map(|s| {
                    let at = RegionSide {
                        region: s.region,
                        side: s.side,
                    };
                    let m = d.map.get(at)?;
                    Some((s.at.0 as i32, s.at.1 as i32, m.severity.get()))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <g class="badges" aria-hidden="true">
            {move || badges.get().into_iter().map(|(x, y, n)| view! {
                <g class="badge">
                    <circle cx=x cy=y r="6.5"/>
                    <text x=x y=y>{if n == 0 { "✓".to_string() } else { n.to_string() }}</text>
                </g>
            }).collect_view()}
        </g>
    }
}
