use crate::components::{badge, sev_class};
use crate::domain::knowledge::mark::Kind;
use crate::domain::knowledge::region::{RegionSide, View};
use crate::domain::records::body_map::BodyMap;
use crate::figure::{figure, VIEW_BOX};
use leptos::prelude::*;

/// A read-only drawing of a stored map (a past check-in): the figure with each marked
/// region-side coloured by severity, number badges and hatching for sore spots, nothing
/// tappable. One image for screen readers, named by `label`; the marks themselves are
/// listed in text next to it by the caller.
#[component]
pub fn MapFigure(
    /// The map to draw.
    map: BodyMap,
    /// Front or back.
    view: View,
    /// Accessible name of the image, e.g. "Your map of 3 Nov, front".
    label: String,
) -> impl IntoView {
    let fig = figure(view);
    let shapes = fig
        .shapes
        .iter()
        .map(|s| {
            let mark = map.get(RegionSide {
                region: s.region,
                side: s.side,
            });
            let class = format!("region {}", sev_class(mark.map(|m| m.severity)));
            let sore = mark.is_some_and(|m| m.kind == Kind::Sore);
            view! {
                <g class=class>
                    <path class="shape" d=s.d/>
                    {sore.then(|| view! { <path class="hatch" d=s.d/> })}
                </g>
            }
        })
        .collect_view();
    let badges = fig
        .shapes
        .iter()
        .filter_map(|s| {
            let m = map.get(RegionSide {
                region: s.region,
                side: s.side,
            })?;
            Some(badge(s, m.severity))
        })
        .collect_view();
    view! {
        <svg class="figure past" viewBox=VIEW_BOX preserveAspectRatio="xMidYMid meet" role="img"
            aria-label=label>
            <path class="silhouette" d=fig.silhouette/>
            {fig.details.iter().map(|d| view! { <path class="detail" d=*d/> }).collect_view()}
            {shapes}
            <g class="badges">{badges}</g>
        </svg>
    }
}
