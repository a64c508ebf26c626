use crate::components::body_map::drawing;
use crate::figure::BACK;
use leptos::prelude::*;

/// The drawing of the body seen from the back, shown by [`super::BodyMap`]. A component of its
/// own so that its path data comes with the map's lazily loaded part, not the first download.
#[component]
pub fn BackFigure() -> impl IntoView {
    drawing(&BACK)
}
