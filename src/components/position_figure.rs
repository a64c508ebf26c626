use crate::domain::knowledge::pose::for_step;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::technique::{Position, Tool, Zone};
use crate::domain::planner::engine::Step;
use crate::domain::records::guide::PlannedStep;
use crate::pose_art::{scene, VIEW_BOX};
use leptos::prelude::*;

/// What a drawing of a step is made from: what both a plan step and a guided session's step
/// keep (the session keeps no more), and how large to draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPose {
    /// Region.
    pub region: RegionId,
    /// Side.
    pub side: Side,
    /// Position.
    pub position: Position,
    /// Tool.
    pub tool: Tool,
    /// The step's words (they tell apart variants with the same position and tool).
    pub cue: String,
    /// Part of the region only, near a protected joint (shortens the arrow).
    pub zone: Option<Zone>,
    /// Large (the session screen) or plan size (120 px tall).
    pub large: bool,
}

impl StepPose {
    /// The drawing of a plan step.
    pub fn of_step(s: &Step, large: bool) -> StepPose {
        StepPose {
            region: s.region,
            side: s.side,
            position: s.position,
            tool: s.tool,
            cue: s.cue.clone(),
            zone: s.zone,
            large,
        }
    }

    /// The drawing of a guided session's step.
    pub fn of_planned(s: &PlannedStep, large: bool) -> StepPose {
        let RegionSide { region, side } = s.at;
        StepPose {
            region,
            side,
            position: s.position,
            tool: s.tool,
            cue: s.cue.clone(),
            zone: s.zone,
            large,
        }
    }
}

/// The drawing of a step's position: a line figure in the position, the tool where it goes,
/// the worked area highlighted on the right side and an arrow for the motion, with a text
/// alternative that says it all in words (and which side). Nothing when the step cannot be
/// drawn safely (words saved by an older version that match no variant; see
/// `domain::knowledge::pose::variant_for`). Lives in the lazily loaded `poses` part; screens
/// show it through [`crate::components::StepDrawing`].
#[component]
pub fn PositionFigure(
    /// The step to draw.
    step: StepPose,
) -> impl IntoView {
    let drawing = for_step(
        step.region,
        step.side,
        step.position,
        step.tool,
        &step.cue,
        step.zone,
    )?;
    let sc = scene(&drawing);
    let marks = sc
        .marks
        .into_iter()
        .map(|m| {
            let w = (m.width > 0.0).then(|| m.width.to_string());
            view! { <path class=m.class d=m.d stroke-width=w/> }
        })
        .collect_view();
    let transform = sc.mirrored.then_some("matrix(-1 0 0 1 180 0)");
    let label = (!sc.label.is_empty()).then(|| {
        let anchor = if sc.label_end { "end" } else { "start" };
        view! {
            <text class="pf-label" x=sc.label_at.0 y=sc.label_at.1 text-anchor=anchor aria-hidden="true">
                {sc.label}
            </text>
        }
    });
    let class = if step.large {
        "pose-wrap large"
    } else {
        "pose-wrap"
    };
    Some(view! {
        <div class=class data-pose=format!("{:?}", drawing.pose)>
            <svg class="pose-figure" viewBox=VIEW_BOX role="img" aria-label=drawing.words()
                preserveAspectRatio="xMidYMid meet">
                <g transform=transform>{marks}</g>
                {label}
            </svg>
        </div>
    })
}
