use crate::components::StepPose;
use leptos::prelude::*;

/// Shows the drawing of a step's position ([`crate::components::PositionFigure`]) once its
/// lazily loaded part (`poses`) is in: at once when it was fetched before, otherwise after a
/// moment, in a space of the drawing's size so the page does not jump. If the part cannot be
/// fetched (offline before the app was cached), the step's words stand alone.
#[component]
pub fn StepDrawing(
    /// The step to draw, and how large.
    step: StepPose,
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
    let large = step.large;
    move || {
        if ready.get() {
            crate::lazy::position_figure(step.clone())
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
