use crate::domain::knowledge::region::{Side, View};
use crate::domain::records::leg_check::{Group, Test};
use crate::figure::figure;
use leptos::prelude::*;

/// How tall a part of the drawing the walk shows (in the drawing's units; the whole is 520).
const HEIGHT: f32 = 235.0;

/// Where to press for one step of "Check my legs": the legs of the body drawing (from the front
/// or the back, whichever shows the group best) with the group's areas filled in on both
/// sides, a dot on each where a finger presses (or the hand squeezes), and "Left" and "Right" written under the person's own left and right leg (on the
/// front view the person faces us, so their right leg is on our left). One image for screen
/// readers; the words next to it say the same.
#[component]
pub fn LegCheckFigure(
    /// The leg group of the step.
    group: Group,
) -> impl IntoView {
    let def = group.def();
    let fig = figure(def.view);
    let mine = || {
        fig.shapes
            .iter()
            .filter(|s| def.regions.contains(&s.region))
    };
    // From a little above the group's highest area, so the hips (or the knees) show for
    // orientation, down as far as the drawing goes.
    let top = (mine().map(|s| s.at.1).fold(520.0, f32::min) - 100.0).clamp(0.0, 520.0 - HEIGHT);
    let view_box = format!("0 {top} 240 {HEIGHT}");
    let label_y = top + HEIGHT - 22.0;
    let shapes = mine()
        .map(|s| {
            let (x, y) = s.at;
            view! {
                <path class="lc-area" d=s.d/>
                <circle class="lc-press" cx=x cy=y r="7"/>
            }
        })
        .collect_view();
    // The x of the middle of each of the person's legs on this view.
    let (left_x, right_x) = match def.view {
        View::Front => (188, 52),
        View::Back => (52, 188),
    };
    let seen = match def.view {
        View::Front => "seen from the front",
        View::Back => "seen from the back",
    };
    let label = format!(
        "Where to check: {}, on both legs, {seen}.",
        def.title.to_lowercase()
    );
    let word = |side: Side| match side {
        Side::Left => "Left",
        _ => "Right",
    };
    view! {
        <figure class="lc-figure">
            <svg viewBox=view_box preserveAspectRatio="xMidYMid meet" role="img" aria-label=label>
                <path class="silhouette" d=fig.silhouette/>
                {shapes}
                <text class="lc-side" x=left_x y=label_y text-anchor="middle">{word(Side::Left)}</text>
                <text class="lc-side" x=right_x y=label_y text-anchor="middle">{word(Side::Right)}</text>
            </svg>
            <figcaption>{format!("Your legs, {seen}. The dots: {} here, on each side.", match def.test {
                Test::Press => "press gently",
                Test::Squeeze => "squeeze gently",
            })}</figcaption>
        </figure>
    }
}
