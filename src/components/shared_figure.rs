use crate::components::{badge, sev_class};
use crate::domain::knowledge::region::{RegionSide, View};
use crate::domain::records::body_map::BodyMap;
use crate::figure::{figure, VIEW_BOX};
use leptos::prelude::*;

/// A body map drawn read-only: the same figure, colours, stripes and badges as the editable
/// map, but nothing can be tapped. Has its own front/back switch. Used for shared maps.
#[component]
pub fn SharedFigure(
    /// The map to draw.
    map: BodyMap,
) -> impl IntoView {
    let view = RwSignal::new(View::Front);
    let map = StoredValue::new(map);
    let btn = move |v: View, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (view.get() == v).to_string()
                on:click=move |_| view.set(v)>{label}</button>
        }
    };
    view! {
        <div class="figure-wrap shared-figure">
            <div class="segmented" role="group" aria-label="Which side of the body">
                {btn(View::Front, "Front")}
                {btn(View::Back, "Back")}
            </div>
            <div class="side-labels" aria-hidden="true">
                <span>{move || if view.get() == View::Front { "◀ Their right" } else { "◀ Their left" }}</span>
                <span>{move || if view.get() == View::Front { "Their left ▶" } else { "Their right ▶" }}</span>
            </div>
            {move || {
                let fig = figure(view.get());
                let label = match fig.view { View::Front => "Shared map, body seen from the front", View::Back => "Shared map, body seen from the back" };
                map.with_value(|map| {
                    let mark = |s: &crate::figure::Shape| map.get(RegionSide { region: s.region, side: s.side });
                    view! {
                        <svg class="figure readonly" viewBox=VIEW_BOX preserveAspectRatio="xMidYMid meet"
                            role="img" aria-label=label>
                            <path class="silhouette" d=fig.silhouette/>
                            {fig.details.iter().map(|d| view! { <path class="detail" d=*d/> }).collect_view()}
                            {fig.shapes.iter().map(|s| {
                                let m = mark(s);
                                let sev = sev_class(m.map(|m| m.severity));
                                let tight = if map.tighter_side(s.region) == Some(s.side) { " tighter" } else { "" };
                                let sore = m.is_some_and(|m| m.kind == crate::domain::knowledge::mark::Kind::Sore);
                                view! {
                                    <g class=format!("region {sev}{tight}")>
                                        <path class="shape" d=s.d/>
                                        {sore.then(|| view! { <path class="hatch" d=s.d/> })}
                                    </g>
                                }
                            }).collect_view()}
                            <g class="badges">
                                {fig.shapes.iter().filter_map(|s| Some(badge(s, mark(s)?.severity))).collect_view()}
                            </g>
                        </svg>
                    }
                })
            }}
        </div>
    }
}
