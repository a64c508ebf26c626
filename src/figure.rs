//! The drawing of the body map: a stylised figure seen from the front and from the back.
//!
//! Pure data (SVG path strings) so it is tested natively: every region instance of the
//! catalogue has a shape on each view it belongs to, and nothing else is drawn as tappable.
//! Coordinates are in the user space of [`VIEW_BOX`]. On the front view the person faces the
//! viewer, so the person's **right** is on the viewer's left (x < 120); on the back view the
//! person's right is on the viewer's right.

use crate::domain::region::{RegionId, Side, View};

/// `viewBox` of both drawings.
pub const VIEW_BOX: &str = "0 0 240 520";

/// One tappable area: a region instance drawn on one view.
#[derive(Debug)]
pub struct Shape {
    /// Base region.
    pub region: RegionId,
    /// The person's side.
    pub side: Side,
    /// SVG path data, closed.
    pub d: &'static str,
    /// Where the severity badge sits (inside the shape).
    pub at: (f32, f32),
    /// True for areas too small for a finger: the UI gives them a larger hit area.
    pub small: bool,
}

/// One view of the figure.
#[derive(Debug)]
pub struct Figure {
    /// Which view this is.
    pub view: View,
    /// Outline of the whole body, drawn under the regions.
    pub silhouette: &'static str,
    /// Non-tappable decorative strokes (face hint, hands, feet lines).
    pub details: &'static [&'static str],
    /// Tappable areas, drawn in this order (small ones last, so they sit on top).
    pub shapes: &'static [Shape],
}

/// The drawing for `view`.
pub fn figure(view: View) -> &'static Figure {
    match view {
        View::Front => &FRONT,
        View::Back => &BACK,
    }
}

/// Front view.
pub const FRONT: Figure = Figure { view: View::Front, silhouette: "", details: &[], shapes: &[] };

/// Back view.
pub const BACK: Figure = Figure { view: View::Back, silhouette: "", details: &[], shapes: &[] };
