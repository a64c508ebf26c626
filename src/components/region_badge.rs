use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use crate::figure::Shape;
use crate::state::use_state;
use leptos::prelude::*;

/// The number badge of a marked region-side (✓ for "fine"), drawn in a layer above every
/// shape so no neighbour covers it. Decorative for screen readers: the shape's name already
/// says the severity.
#[component]
pub fn RegionBadge(
    /// The shape whose badge this is.
    shape: &'static Shape,
) -> impl IntoView {
    let state = use_state();
    let at = RegionSide {
        region: shape.region,
        side: shape.side,
    };
    let sev = Memo::new(move |_| state.doc.with(|d| d.map.get(at).map(|m| m.severity)));
    // Whole units are plenty for placement and avoid float formatting code in the bundle.
    let (x, y) = (shape.at.0 as i32, shape.at.1 as i32);
    move || {
        sev.get().map(|s: Severity| {
            view! {
                <g class="badge">
                    <circle cx=x cy=y r="6.5"/>
                    <text x=x y=y>{if s.get() == 0 { "✓".to_string() } else { s.get().to_string() }}</text>
                </g>
            }
        })
    }
}
