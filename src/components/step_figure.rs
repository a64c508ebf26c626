use crate::domain::knowledge::region::RegionSide;
use crate::figure::{figure, Shape, VIEW_BOX};
use leptos::prelude::*;

/// The figure view and shape that show `at` (front first, as the catalogue lists views).
fn find(at: RegionSide) -> Option<(&'static crate::figure::Figure, &'static Shape)> {
    at.region.def().views.iter().find_map(|v| {
        let fig = figure(*v);
        fig.shapes
            .iter()
            .find(|s| s.region == at.region && s.side == at.side)
            .map(|s| (fig, s))
    })
}

/// A small drawing of the whole body with one region-side filled in and ringed, so even a
/// small area such as the sole is easy to spot. Decorative: the step's text names the area.
#[component]
pub fn StepFigure(
    /// The region-side to highlight.
    at: RegionSide,
) -> impl IntoView {
    find(at).map(|(fig, shape)| {
        let (x, y) = shape.at;
        view! {
            <svg class="step-figure" viewBox=VIEW_BOX aria-hidden="true" focusable="false">
                <path class="silhouette" d=fig.silhouette/>
                <path class="target" d=shape.d/>
                <circle class="target-ring" cx=x cy=y r="22"/>
            </svg>
        }
    })
}
