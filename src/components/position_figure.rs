use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::technique::{Position, Tool, Zone};
use crate::domain::planner::engine::Step;
use crate::domain::records::guide::PlannedStep;
use crate::pose_art::Picture;
use leptos::prelude::*;

/// What a drawing of a step is made from: what both a plan step and a guided session's step
/// keep (the session keeps no more).
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
}

impl StepPose {
    /// The drawing of a plan step.
    pub fn of_step(s: &Step) -> StepPose {
        StepPose {
            region: s.region,
            side: s.side,
            position: s.position,
            tool: s.tool,
            cue: s.cue.clone(),
            zone: s.zone,
        }
    }

    /// The drawing of a guided session's step.
    pub fn of_planned(s: &PlannedStep) -> StepPose {
        let RegionSide { region, side } = s.at;
        StepPose {
            region,
            side,
            position: s.position,
            tool: s.tool,
            cue: s.cue.clone(),
            zone: s.zone,
        }
    }

    /// The picture of this step (composed in the lazily loaded `poses` part, see
    /// [`crate::lazy::pose_picture`]).
    pub fn picture(&self) -> Option<Picture> {
        crate::pose_art::picture(
            self.region,
            self.side,
            self.position,
            self.tool,
            &self.cue,
            self.zone,
        )
    }
}

/// The drawing of a step's position: a line figure in the position, the tool where it goes,
/// the worked area highlighted on the right side and an arrow for the motion, with a text
/// alternative that says it all in words (and which side). The picture is composed in the
/// lazily loaded `poses` part; screens show it through [`crate::components::StepDrawing`].
#[component]
pub fn PositionFigure(
    /// The composed picture.
    picture: Picture,
    /// Large (the session screen) or plan size (120 px tall).
    #[prop(optional)]
    large: bool,
    /// On a shared map: the text alternative speaks of the person who shared it ("their
    /// right thigh"), as the rest of the shared view does.
    #[prop(optional)]
    theirs: bool,
) -> impl IntoView {
    let Picture {
        words,
        pose,
        scene,
        widths,
    } = picture;
    let marks = scene
        .marks
        .into_iter()
        .zip(widths)
        .map(|(m, w)| {
            let w = (!w.is_empty()).then_some(w);
            view! { <path class=m.class d=m.d stroke-width=w/> }
        })
        .collect_view();
    let words = if theirs {
        crate::domain::records::shared::about_them(&words)
    } else {
        words
    };
    let transform = scene.mirrored.then_some("matrix(-1 0 0 1 180 0)");
    // The side, also written out (the image's name says it too, so screen readers skip it);
    // on the side away from a wall.
    let side = (!scene.label.is_empty()).then(|| {
        let class = if scene.label_end {
            "pose-side end"
        } else {
            "pose-side"
        };
        view! { <p class=class aria-hidden="true">{scene.label}</p> }
    });
    let class = if large {
        "pose-wrap large"
    } else {
        "pose-wrap"
    };
    view! {
        <div class=class data-pose=pose>
            {side}
            <svg class="pose-figure" viewBox=scene.view_box role="img" aria-label=words
                preserveAspectRatio="xMidYMid meet">
                <g transform=transform>{marks}</g>
            </svg>
        </div>
    }
}
