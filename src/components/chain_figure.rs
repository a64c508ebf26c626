use crate::domain::knowledge::chain::ChainLink;
use crate::domain::knowledge::region::{RegionSide, View};
use crate::figure::{figure, Figure, Shape};
use leptos::prelude::*;

/// Width of one view in the drawing's user space (see [`crate::figure::VIEW_BOX`]).
const WIDTH: f32 = 240.0;

/// The shape of `at` on `view`, if it is drawn there.
fn shape_on(view: View, at: RegionSide) -> Option<&'static Shape> {
    figure(view)
        .shapes
        .iter()
        .find(|s| s.region == at.region && s.side == at.side)
}

/// One stop of the path placed on a drawing: its shape, and how far right its view sits.
struct Stop {
    shape: &'static Shape,
    dx: f32,
}

/// The views to draw (one, or front and back side by side) and each stop on them: the view
/// that shows most of the path, and the other one only for stops it does not show.
fn layout(path: &[RegionSide]) -> Option<(Vec<&'static Figure>, Vec<Stop>)> {
    let on = |v: View| path.iter().filter(|&&at| shape_on(v, at).is_some()).count();
    let (main, other) = if on(View::Back) > on(View::Front) {
        (View::Back, View::Front)
    } else {
        (View::Front, View::Back)
    };
    let both = on(main) < path.len();
    let mut stops = Vec::with_capacity(path.len());
    for &at in path {
        let stop = match shape_on(main, at) {
            Some(shape) => Stop { shape, dx: 0.0 },
            None => Stop {
                shape: shape_on(other, at)?,
                dx: WIDTH,
            },
        };
        stops.push(stop);
    }
    let views = if both {
        vec![figure(main), figure(other)]
    } else {
        vec![figure(main)]
    };
    Some((views, stops))
}

/// The part of the figure around the path: its full width, and from a little above its highest
/// stop to a little below its lowest (at least [`MIN_HEIGHT`] tall), so a short path such as
/// sole → calf is drawn large enough to see.
fn crop(stops: &[Stop], width: f32) -> String {
    const FULL: f32 = 520.0;
    const MIN_HEIGHT: f32 = 240.0;
    const MARGIN: f32 = 70.0;
    let ys = stops.iter().map(|s| s.shape.at.1);
    let top = ys.clone().fold(FULL, f32::min) - MARGIN;
    let bottom = ys.fold(0.0, f32::max) + MARGIN;
    let grow = (MIN_HEIGHT - (bottom - top)).max(0.0) / 2.0;
    let (mut top, mut bottom) = (top - grow, bottom + grow);
    if top < 0.0 {
        bottom -= top;
        top = 0.0;
    }
    if bottom > FULL {
        top = (top - (bottom - FULL)).max(0.0);
        bottom = FULL;
    }
    format!("0 {top} {width} {}", bottom - top)
}

/// The chain path of a plan step drawn on a small figure: the areas it passes filled in and
/// numbered in order, joined by a line, from the marked area (1) to the one this step releases
/// (ringed). Front and back stand side by side when the path goes round the body. Its name
/// lists the stops; the sentence next to it says which line it is and how well it is known.
#[component]
pub fn ChainFigure(
    /// The link from the engine's step.
    link: ChainLink,
    /// The region-side the step works (the end of the path).
    to: RegionSide,
) -> impl IntoView {
    drawing(link, to)
}

/// The drawing, or nothing when the link has no path on the figure.
fn drawing(link: ChainLink, to: RegionSide) -> Option<AnyView> {
    let path = link.path(to)?;
    let (views, stops) = layout(&path)?;
    let width = WIDTH * views.len() as f32;
    let label = format!(
        "Where the link runs: {}",
        path.iter()
            .map(|at| at.label())
            .collect::<Vec<_>>()
            .join(", then ")
    );
    let points = stops
        .iter()
        .map(|s| format!("{},{}", s.shape.at.0 + s.dx, s.shape.at.1))
        .collect::<Vec<_>>()
        .join(" ");
    let last = stops.len().saturating_sub(1);
    let view_box = crop(&stops, width);
    Some(view! {
        <svg class="chain-figure" viewBox=view_box role="img" aria-label=label>
            {views.iter().enumerate().map(|(i, f)| view! {
                <path class="silhouette" d=f.silhouette transform=format!("translate({} 0)", WIDTH * i as f32)/>
            }).collect_view()}
            {stops.iter().enumerate().map(|(i, s)| view! {
                <path class=if i == last { "chain-stop chain-end" } else { "chain-stop" } d=s.shape.d
                    transform=format!("translate({} 0)", s.dx)/>
            }).collect_view()}
            <polyline class="chain-line" points=points/>
            {stops.iter().enumerate().map(|(i, s)| {
                let (x, y) = (s.shape.at.0 + s.dx, s.shape.at.1);
                view! {
                    {(i == last).then(|| view! { <circle class="chain-ring" cx=x cy=y r="24"/> })}
                    <circle class="chain-dot" cx=x cy=y r="13"/>
                    <text class="chain-num" x=x y=y + 6.0 text-anchor="middle">{i + 1}</text>
                }
            }).collect_view()}
        </svg>
    }
    .into_any())
}
