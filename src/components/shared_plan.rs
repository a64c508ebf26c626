use crate::components::{StepDrawing, StepPose};
use crate::domain::knowledge::region::RegionSide;
use crate::domain::planner::case::Case;
use crate::domain::planner::engine::plan;
use crate::domain::records::shared::about_them;
use leptos::prelude::*;

/// The plan for a shared map, computed here on the spot by the same engine: the steps in
/// order with region and side, tool and time and a drawing of the position, then what to
/// leave alone. Read-only. Every word speaks of the person who shared the map ("their left",
/// "they marked"), as the figure does, through [`about_them`].
#[component]
pub fn SharedPlan(
    /// The engine input built from the shared map.
    case: Case,
) -> impl IntoView {
    let p = plan(&case);
    let label = |region, side| about_them(&RegionSide { region, side }.label());
    let steps = p
        .steps
        .iter()
        .map(|s| {
            let what = format!(
                "{}: {}, {} s",
                label(s.region, s.side),
                s.tool.name(),
                s.seconds
            );
            view! {
                <li>
                    <strong>{what}</strong>
                    <StepDrawing step=StepPose::of_step(s) theirs=true/>
                    <p class="muted">{about_them(&s.why)}</p>
                </li>
            }
        })
        .collect_view();
    let avoid = p
        .avoid
        .iter()
        .map(|a| view! { <li><strong>{label(a.region, a.side)}</strong>": " {about_them(a.reason)}</li> })
        .collect_view();
    let notes = p
        .messages
        .iter()
        .take(4)
        .map(|m| view! { <li>{about_them(p.message_text(*m))}</li> })
        .collect_view();
    let empty = p.steps.is_empty();
    let has_avoid = !p.avoid.is_empty();
    view! {
        <div class="shared-plan">
            {if empty {
                view! { <p>"Nothing in this map calls for a release step."</p> }.into_any()
            } else {
                view! { <ol class="steps">{steps}</ol> }.into_any()
            }}
            {has_avoid.then(|| view! {
                <h4>"Leave alone"</h4>
                <ul class="avoid">{avoid}</ul>
            })}
            <ul class="notes">{notes}</ul>
        </div>
    }
}
