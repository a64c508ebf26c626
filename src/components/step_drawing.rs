use crate::components::{PositionFigure, StepPose};
use leptos::prelude::*;

/// Shows the drawing of a step's position ([`crate::components::PositionFigure`]) once the
/// lazily loaded part that composes it (`poses`) is in: at once when it was fetched before,
/// otherwise after a moment, in a space of the drawing's size so the page does not jump. If
/// the part cannot be fetched (offline before the app was cached), or the step cannot be drawn
/// safely, the step's words stand alone.
#[component]
pub fn StepDrawing(
    /// The step to draw.
    step: StepPose,
    /// Large (the session screen) or plan size (120 px tall).
    #[prop(optional)]
    large: bool,
    /// On a shared map: the words speak of the person who shared it ("their right thigh").
    #[prop(optional)]
    theirs: bool,
) -> impl IntoView {
    let ready = RwSignal::new(crate::lazy::poses_ready());
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            if crate::lazy::fetch_poses().await.is_ok() {
                // The step may be gone by now (another screen was chosen).
                let _ = ready.try_set(true);
            }
        });
    }
    move || {
        if ready.get() {
            crate::lazy::pose_picture(step.clone())
                .map(
                    |picture| view! { <PositionFigure picture=picture large=large theirs=theirs/> },
                )
                .into_any()
        } else {
            let class = if large {
                "pose-wrap large pending"
            } else {
                "pose-wrap pending"
            };
            view! { <div class=class aria-hidden="true"></div> }.into_any()
        }
    }
}
