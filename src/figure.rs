//! The drawing of the body map: a stylised figure seen from the front and from the back.
//!
//! Pure data (SVG path strings) so it is tested natively: every region instance of the
//! catalogue has a shape on each view it belongs to, and nothing else is drawn as tappable.
//! Coordinates are in the user space of [`VIEW_BOX`]. On the front view the person faces the
//! viewer, so the person's **right** is on the viewer's left (x < 120); on the back view the
//! person's right is on the viewer's right.
//!
//! The path data is generated (one half of the body designed, the other mirrored about
//! x = 120) and kept compact: integers or one decimal, relative commands where shorter.
//! Side structures (lats, outer thigh, ankle bones…) are drawn on both views at the edge
//! where they really are; small landmarks (kneecap excepted) are ellipses drawn last, on top.

use crate::domain::knowledge::region::{RegionId, Side, View};

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

/// Table helper: keeps the rows of the shape tables short.
const fn sh(region: RegionId, side: Side, x: f32, y: f32, small: bool, d: &'static str) -> Shape {
    Shape {
        region,
        side,
        d,
        at: (x, y),
        small,
    }
}

/// Front view.
#[rustfmt::skip]
pub const FRONT: Figure = Figure {
    view: View::Front,
    silhouette: "M120 12q-8-1-15 2.5Q99 19 97 27q-2 6-2 13q0 6 1 11q1 4 2.5 8.5q2.5 3.5 5 6.5l0 11q-.5 4-2.5 8.5Q100 89 97.5 91q-5.5 4-12 6Q80 99 75 100q-4 2-7.5 5Q63 112 61 120.5L59.5 129L58 138.5L56.5 151l-3 21.5L51 186l-1 8l-1 5.5l-2.5 12l-2 18.5L42 248l-.5 10.5q-.5 4.5-1.5 8q-1 2.5-3.5 5.5l-5 7L27 286.5q-2 3.5-3 7.5q-2 3-.5 6q.5 2 2.5 1.5q2-1.5 2.5-4.5l3.5-6.5l-1.5 6l-2 9q-1.5 3.5-1.5 7q0 2.5 2 3.5q2 0 3-2.5l.5-1.5q-1.5 3-1.5 5.5q0 2.5 2 3.5q2 0 3-2.5l1-3l-.5 1.5q.5 3 2 3.5q1.5-.5 3-2.5q1.5-3 1.5-7l-.5 1.5q.5 2.5 2 3.5q1.5 0 3-2.5q1.5-2.5 2-6l1.5-7l4-17l1-14l1.5-8l2.5-10L64 234l5.5-18L72 204l1-6l1.5-8L77 176.5L81.5 155L86 131l-1.5 15q.5 14 2 28q1.5 9 3 18q.5 9-1 17q-1.5 9-4 18.5L79 244q-3 9-5 18.5l0 7l1.5 15L79 313l3 28.5L84 359l1 11l-.5 13l-1 14q.5 14 1.5 27.5L87.5 449l.5 16.5q1 7.5.5 14.5q-1.5 4-3 8L83 497.5q-1 2.5 0 5q0 1.5 2 1.5q1 0 1.5-1.5l0-.5l0 2.5q.5 1.5 2 1.5q1.5 0 2-1.5l0-.5l0 2q.5 1 2 1.5Q94 507 95 506l0-1l0 1.5q1 1.5 2 1.5q2 0 2.5-1.5l0-.5l.5 1q1 1 3.5 1.5q2.5-.5 4-1.5q2.5-4 1.5-9q0-5-1-10q-1-4-2.5-8q-.5-7 .5-14l2-16.5l3.5-24Q114 412 115 398q0-7-1-14.5l0-13.5l-.5-11.5l0-17.5l1-29l1.5-28.5l1.5-12l2.5-6l2.5 6l1.5 12l1.5 28.5l1 29l0 17.5L126 370l0 13.5q-1 7.5-1 14.5q1 14 3.5 27.5l3.5 24l2 16.5q1 7 .5 14q-1.5 4-2.5 8q-1 5-1 10q-1 5 1.5 9q1.5 1 4 1.5q2.5-.5 3.5-1.5l.5-1l0 .5q.5 1.5 2.5 1.5q1 0 2-1.5l0-1.5l0 1q1 1 2.5 1.5q1.5-.5 2-1.5l0-2l0 .5q.5 1.5 2 1.5q1.5 0 2-1.5l0-2.5l0 .5q.5 1.5 1.5 1.5q2 0 2-1.5q1-2.5 0-5l-2.5-9.5q-1.5-4-3-8q-.5-7 .5-14.5l.5-16.5l2.5-24.5q1-13.5 1.5-27.5l-1-14l-.5-13l1-11l2-17.5l3-28.5l3.5-28.5l1.5-15l0-7q-2-9.5-5-18.5l-5.5-16.5q-2.5-9.5-4-18.5q-1.5-8-1-17q1.5-9 3-18q1.5-14 2-28L154 131l4.5 24l4.5 21.5l2.5 13.5l1.5 8l1 6l2.5 12l5.5 18l4 17.5l2.5 10l1.5 8l1 14l4 17l1.5 7q.5 3.5 2 6q1.5 2.5 3 2.5q1.5-1 2-3.5L197 311q0 4 1.5 7q1.5 2 3 2.5q1.5-.5 2-3.5l-.5-1.5l1 3q1 2.5 3 2.5q2-1 2-3.5q0-2.5-1.5-5.5l.5 1.5q1 2.5 3 2.5q2-1 2-3.5q0-3.5-1.5-7l-2-9l-1.5-6l3.5 6.5q.5 3 2.5 4.5q2 .5 2.5-1.5q1.5-3-.5-6q-1-4-3-7.5l-4.5-7.5l-5-7q-2.5-3-3.5-5.5q-1-3.5-1.5-8L198 248l-2.5-18l-2-18.5l-2.5-12l-1-5.5l-1-8l-2.5-13.5l-3-21.5L182 138.5l-1.5-9.5l-1.5-8.5q-2-8.5-6.5-15.5q-3.5-3-7.5-5q-5-1-10.5-3q-6.5-2-12-6q-2.5-2-3.5-5.5q-2-4.5-2.5-8.5l0-11q2.5-3 5-6.5Q143 55 144 51q1-5 1-11q0-7-2-13q-2-8-8-12.5Q128 11 120 12Z",
    details: &[
        "M107.5 50q3.5-3 7 0M125.5 50q3.5-3 7 0M114 63q6 4 12 0",
        "M32.5 312L34 305.5M207.5 312L206 305.5M37 315.5L38.5 308.5M203 315.5L201.5 308.5M43 311L44.5 304.5M197 311L195.5 304.5",
        "M86.5 502v-2.5M153.5 502v-2.5M90.5 504v-2.5M149.5 504v-2.5M95 505v-2.5M145 505v-2.5M99.5 506v-2.5M140.5 506v-2.5",
    ],
    shapes: &[
        sh(RegionId::Quadriceps, Side::Left, 145.0, 274.5, false, "M155.5 269l-1 15l-2 29L150 341.5l-1 14l-7.5-1.5l-6.5.5l0-13.5l0-28.5l0-29l-.5-17c-2.5-2.5-.5-7.5 2-9c3.5-1.5 5.5 3.5 9 5.5Z"),
        sh(RegionId::Quadriceps, Side::Right, 95.0, 274.5, false, "M84.5 269l1 15l2 29L90 341.5l1 14l7.5-1.5l6.5.5l0-13.5l0-28.5l0-29l.5-17c2.5-2.5.5-7.5-2-9c-3.5-1.5-5.5 3.5-9 5.5Z"),
        sh(RegionId::LowerAbdomen, Side::Mid, 120.0, 223.5, false, "M120 203.5l-19.5-.5l-.5 15l.5 13.5l6 8q2.5 4.5 7 6.5q3.5 1 6.5 1q3 0 6.5-1q4.5-2 7-6.5l6-8L140 218l-.5-15Z"),
        sh(RegionId::UpperAbdomen, Side::Mid, 120.0, 185.0, false, "M120 164.5l-12 7l-6.5 5l-1 26.5l19.5.5l19.5-.5l-1-26.5l-6.5-5Z"),
        sh(RegionId::ForearmFront, Side::Left, 182.5, 217.0, false, "M191 199.5l2.5 12l2 18.5l2.5 18l.5 10.5l-16 3l-2.5-10L176 234l-5.5-18L168 204l4.5 0l4.5-.5l5-1l4.5-1Z"),
        sh(RegionId::ForearmFront, Side::Right, 57.5, 217.0, false, "M49 199.5l-2.5 12l-2 18.5L42 248l-.5 10.5l16 3l2.5-10L64 234l5.5-18L72 204l-4.5 0l-4.5-.5l-5-1l-4.5-1Z"),
        sh(RegionId::Adductors, Side::Left, 129.0, 274.5, false, "M134.5 266.5l.5 17l0 29l0 28.5l0 13.5l-4.5 1.5l-4 2.5l0-17.5l-1-29L124 283.5l-1.5-12l-2.5-6q3-1.5 5-4.5Z"),
        sh(RegionId::Adductors, Side::Right, 111.0, 274.5, false, "M105.5 266.5l-.5 17l0 29l0 28.5l0 13.5l4.5 1.5l4 2.5l0-17.5l1-29l1.5-28.5l1.5-12l2.5-6q-3-1.5-5-4.5Z"),
        sh(RegionId::ShoulderFront, Side::Right, 70.0, 125.0, false, "M85.5 97Q80 99 75 100q-4 2-7.5 5Q63 112 61 120.5L59.5 129L58 138.5l3.5 3l3.5 2l6 2l5.5 0L79 130l3-14.5q0-5.5 1.5-9.5l3-3.5Z"),
        sh(RegionId::ShoulderFront, Side::Left, 170.0, 125.0, false, "M154.5 97q5.5 2 10.5 3q4 2 7.5 5q4.5 7 6.5 15.5l1.5 8.5l1.5 9.5l-3.5 3l-3.5 2l-6 2l-5.5 0L161 130l-3-14.5q0-5.5-1.5-9.5l-3-3.5Z"),
        sh(RegionId::CalfInnerEdge, Side::Right, 109.5, 399.5, false, "M104 387.5l0 10L102.5 425l-2 27.5L100 466l-.5 14l6 0q-.5-7 .5-14l2-16.5l3.5-24Q114 412 115 398q0-7-1-14.5l-4.5 2l-4 1.5Z"),
        sh(RegionId::CalfInnerEdge, Side::Left, 130.5, 399.5, false, "M136 387.5l0 10l1.5 27.5l2 27.5L140 466l.5 14l-6 0q.5-7-.5-14l-2-16.5l-3.5-24Q126 412 125 398q0-7 1-14.5l4.5 2l4 1.5Z"),
        sh(RegionId::Palm, Side::Right, 42.5, 284.0, false, "M40 266.5q-1 2.5-3.5 5.5l-5 7L27 286.5q-2 3.5-3 7.5q-2 3-.5 6q.5 2 2.5 1.5q2-1.5 2.5-4.5l3.5-6.5l-1.5 6q6.5 3.5 13 4l7.5 0l4-17l1-14Z"),
        sh(RegionId::Palm, Side::Left, 197.5, 284.0, false, "M200 266.5q1 2.5 3.5 5.5l5 7l4.5 7.5q2 3.5 3 7.5q2 3 .5 6q-.5 2-2.5 1.5q-2-1.5-2.5-4.5l-3.5-6.5l1.5 6q-6.5 3.5-13 4l-7.5 0l-4-17l-1-14Z"),
        sh(RegionId::OuterThigh, Side::Left, 159.0, 287.5, false, "M166 269.5l-1.5 15L161 313l-3 28.5L156 359l-7-3.5l1-14l2.5-28.5l2-29l1-15Z"),
        sh(RegionId::OuterThigh, Side::Right, 81.0, 287.5, false, "M74 269.5l1.5 15L79 313l3 28.5L84 359l7-3.5l-1-14L87.5 313l-2-29l-1-15Z"),
        sh(RegionId::Sternum, Side::Mid, 120.0, 132.5, false, "M120 99.5l-5.5-1v5l-1 11.5q-.5 17 0 35l6.5 14.5l6.5-14.5q.5-18 0-35l-1-11.5v-5Z"),
        sh(RegionId::AbdomenSide, Side::Right, 93.5, 220.0, false, "M86.5 174l5.5 1l5.5 3.5l4-2l-1 26.5l-.5 15l.5 13.5l-7.5-1l-8.5-3q2.5-9.5 4-18.5q1.5-8 1-17q-1.5-9-3-18Z"),
        sh(RegionId::AbdomenSide, Side::Left, 146.5, 220.0, false, "M153.5 174l-5.5 1l-5.5 3.5l-4-2l1 26.5l.5 15l-.5 13.5l7.5-1l8.5-3q-2.5-9.5-4-18.5q-1.5-8-1-17q1.5-9 3-18Z"),
        sh(RegionId::Chest, Side::Left, 137.5, 130.0, false, "M126.5 115q.5 17 0 35q3.5 3 9 2q4.5-1 8-5.5q2.5-4.5 4-10.5q1.5-6 1.5-13c-4 0-8-5-12-6q-5-2-10.5-2Z"),
        sh(RegionId::Chest, Side::Right, 102.5, 130.0, false, "M113.5 115q-.5 17 0 35q-3.5 3-9 2q-4.5-1-8-5.5Q94 142 92.5 136Q91 130 91 123c4 0 8-5 12-6q5-2 10.5-2Z"),
        sh(RegionId::ForeheadBrow, Side::Mid, 120.0, 32.0, false, "M120 23.5l-10.5.5l-8 1.5L103 41q3-2 7.5-3q4.5 1 9.5 2.5q5-1.5 9.5-2.5q4.5 1 7.5 3l1.5-15.5l-8-1.5Z"),
        sh(RegionId::UpperChest, Side::Left, 147.5, 111.5, false, "M153.5 102.5L145 101q-5-1-10 0q-5 0-9.5 2.5l1 11.5q5.5 0 10.5 2c4 1 8 6 12 6q7-1 9-7.5q0-5.5-1.5-9.5Z"),
        sh(RegionId::UpperChest, Side::Right, 92.5, 111.5, false, "M86.5 102.5L95 101q5-1 10 0q5 0 9.5 2.5l-1 11.5q-5.5 0-10.5 2c-4 1-8 6-12 6q-7-1-9-7.5q0-5.5 1.5-9.5Z"),
        sh(RegionId::LowerLegOuter, Side::Left, 153.0, 393.0, false, "M155.5 383l1 14q-.5 14-1.5 27.5L152.5 449l-.5 16.5q-1 7.5-.5 14.5l-4 0l0-14.5l0-13L149 425l.5-27.5L149 386Z"),
        sh(RegionId::LowerLegOuter, Side::Right, 87.0, 393.0, false, "M84.5 383l-1 14q.5 14 1.5 27.5L87.5 449l.5 16.5q1 7.5.5 14.5l4 0l0-14.5l0-13L91 425l-.5-27.5L91 386Z"),
        sh(RegionId::ShinMuscle, Side::Left, 145.5, 393.0, false, "M149 386l.5 11.5L149 425l-1.5 27.5l0 13l-4.5 0l-.5-13L142 425l-.5-27.5l-.5-10Z"),
        sh(RegionId::ShinMuscle, Side::Right, 94.5, 393.0, false, "M91 386l-.5 11.5L91 425l1.5 27.5l0 13l4.5 0l.5-13L98 425l.5-27.5l.5-10Z"),
        sh(RegionId::FootTop, Side::Left, 143.0, 491.5, false, "M151.5 480q1.5 4 3 8l2.5 9.5q-4 2.5-9 4q-5 1.5-10 1q-4-1.5-7-4.5q0-5 1-10q1-4 2.5-8l6 0l7 0Z"),
        sh(RegionId::FootTop, Side::Right, 97.0, 491.5, false, "M88.5 480q-1.5 4-3 8L83 497.5q4 2.5 9 4q5 1.5 10 1q4-1.5 7-4.5q0-5-1-10q-1-4-2.5-8l-6 0l-7 0Z"),
        sh(RegionId::UpperArmFront, Side::Right, 69.0, 155.5, false, "M65 143.5L63.5 152L60 173.5L58 186l5.5.5l5 1.5L71 175.5L75 154l1.5-8.5l-5.5 0Z"),
        sh(RegionId::UpperArmFront, Side::Left, 171.0, 155.5, false, "M175 143.5l1.5 8.5l3.5 21.5l2 12.5l-5.5.5l-5 1.5L169 175.5L165 154l-1.5-8.5l5.5 0Z"),
        sh(RegionId::Kneecap, Side::Right, 98.5, 361.0, false, "M91 355.5l.5 14.5L91 386l8 1.5l5 0l1.5-.5l0-17l-.5-15.5l-6.5-.5Z"),
        sh(RegionId::Kneecap, Side::Left, 141.5, 361.0, false, "M149 355.5l-.5 14.5l.5 16l-8 1.5l-5 0l-1.5-.5l0-17l.5-15.5l6.5-.5Z"),
        sh(RegionId::Tfl, Side::Left, 158.5, 258.0, false, "M155.5 227.5L161 244q3 9 5 18.5l0 7l-10.5-.5L150 246l-3-15.5Z"),
        sh(RegionId::Tfl, Side::Right, 81.5, 258.0, false, "M84.5 227.5L79 244q-3 9-5 18.5l0 7l10.5-.5L90 246l3-15.5Z"),
        sh(RegionId::Scalp, Side::Mid, 120.0, 17.5, false, "M120 12q-8-1-15 2.5Q99 19 97 27l4.5-1.5l8-1.5l10.5-.5l10.5.5l8 1.5L143 27q-2-8-8-12.5Q128 11 120 12Z"),
        sh(RegionId::LowerRibsFront, Side::Left, 133.0, 161.5, false, "M126.5 150q3.5 3 9 2q4.5-1 8-5.5L142 163l.5 15.5l-4-2l-6.5-5l-12-7Z"),
        sh(RegionId::LowerRibsFront, Side::Right, 107.0, 161.5, false, "M113.5 150q-3.5 3-9 2q-4.5-1-8-5.5L98 163l-.5 15.5l4-2l6.5-5l12-7Z"),
        sh(RegionId::HipFlexor, Side::Right, 96.0, 252.5, false, "M93 230.5l7.5 1l3 26c-3.5-1.5-5.5 3.5-9 5.5l-10 6L90 246Z"),
        sh(RegionId::HipFlexor, Side::Left, 144.0, 252.5, false, "M147 230.5l-7.5 1l-3 26c3.5-1.5 5.5 3.5 9 5.5l10 6L150 246Z"),
        sh(RegionId::UpperArmInner, Side::Left, 158.5, 135.5, false, "M161 130l2.5 15.5L165 154l4 21.5l2.5 12.5l-3 1l-3 1L163 176.5L158.5 155L154 131Z"),
        sh(RegionId::UpperArmInner, Side::Right, 81.5, 135.5, false, "M79 130l-2.5 15.5L75 154l-4 21.5L68.5 188l3 1l3 1L77 176.5L81.5 155L86 131Z"),
        sh(RegionId::ElbowFront, Side::Left, 177.5, 195.0, false, "M189 186l1 8l1 5.5l-4.5 2l-4.5 1l-5 1l-4.5.5l-4.5 0l-1-6l-1.5-8l3-1l3-1l5-1.5l5.5-.5l3.5 0Z"),
        sh(RegionId::ElbowFront, Side::Right, 62.5, 195.0, false, "M51 186l-1 8l-1 5.5l4.5 2l4.5 1l5 1l4.5.5l4.5 0l1-6l1.5-8l-3-1l-3-1l-5-1.5L58 186l-3.5 0Z"),
        sh(RegionId::ShinBone, Side::Right, 101.0, 403.0, false, "M99 387.5l-.5 10L98 425l-.5 27.5l-.5 13l3 .5l.5-13.5l2-27.5l1.5-27.5l0-10Z"),
        sh(RegionId::ShinBone, Side::Left, 139.0, 403.0, false, "M141 387.5l.5 10L142 425l.5 27.5l.5 13l-3 .5l-.5-13.5l-2-27.5L136 397.5l0-10Z"),
        sh(RegionId::NeckSide, Side::Left, 133.5, 89.5, false, "M136.5 66L131 71.5l-4.5 2L127 86l-1.5 12.5Q130 96 135 96q5 0 10 0l9.5 1q-6.5-2-12-6q-2.5-2-3.5-5.5q-2-4.5-2.5-8.5Z"),
        sh(RegionId::NeckSide, Side::Right, 106.5, 89.5, false, "M103.5 66l5.5 5.5l4.5 2L113 86l1.5 12.5Q110 96 105 96q-5 0-10 0l-9.5 1q6.5-2 12-6q2.5-2 3.5-5.5q2-4.5 2.5-8.5Z"),
        sh(RegionId::NeckFront, Side::Mid, 120.0, 81.5, false, "M120 74.5l-6.5-1L113 86l1.5 12.5l5.5 1l5.5-1L127 86l-.5-12.5Z"),
        sh(RegionId::UpperArmOuter, Side::Right, 60.5, 150.0, false, "M58 138.5L56.5 151l-3 21.5L51 186l3.5 0l3.5 0l2-12.5L63.5 152l1.5-8.5l-3.5-2Z"),
        sh(RegionId::UpperArmOuter, Side::Left, 179.5, 150.0, false, "M182 138.5l1.5 12.5l3 21.5L189 186l-3.5 0l-3.5 0l-2-12.5L176.5 152l-1.5-8.5l3.5-2Z"),
        sh(RegionId::SideRibs, Side::Right, 93.0, 148.0, false, "M86 131l3.5 19L92 175l5.5 3.5L98 163l-1.5-16.5Q94 142 92.5 136Q91 130 91 123Z"),
        sh(RegionId::SideRibs, Side::Left, 147.0, 148.0, false, "M154 131l-3.5 19L148 175l-5.5 3.5L142 163l1.5-16.5q2.5-4.5 4-10.5q1.5-6 1.5-13Z"),
        sh(RegionId::JawTemple, Side::Left, 140.5, 49.5, false, "M143 27q2 6 2 13q0 6-1 11q-1 4-2.5 8.5q-2.5 3.5-5 6.5L131 71.5l3-9.5l2-11l1-10l1.5-15.5Z"),
        sh(RegionId::JawTemple, Side::Right, 99.5, 49.5, false, "M97 27q-2 6-2 13q0 6 1 11q1 4 2.5 8.5q2.5 3.5 5 6.5l5.5 5.5L106 62l-2-11l-1-10l-1.5-15.5Z"),
        sh(RegionId::KneeInner, Side::Left, 130.5, 363.0, false, "M135 354.5l-.5 15.5l0 17l-4-1.5l-4.5-2l0-13.5l.5-11.5l4-2.5Z"),
        sh(RegionId::KneeInner, Side::Right, 109.5, 363.0, false, "M105 354.5l.5 15.5l0 17l4-1.5l4.5-2l0-13.5l-.5-11.5l-4-2.5Z"),
        sh(RegionId::Groin, Side::Left, 132.0, 248.5, false, "M139.5 231.5l-6 8q-2.5 4.5-7 6.5q2.5 8-1.5 15l9.5 5.5c-2.5-2.5-.5-7.5 2-9Z"),
        sh(RegionId::Groin, Side::Right, 108.0, 248.5, false, "M100.5 231.5l6 8q2.5 4.5 7 6.5q-2.5 8 1.5 15l-9.5 5.5c2.5-2.5.5-7.5-2-9Z"),
        sh(RegionId::Pubic, Side::Mid, 120.0, 254.5, false, "M120 247q-3 0-6.5-1q-2.5 8 1.5 15q2 3 5 4.5q3-1.5 5-4.5q4-7 1.5-15q-3.5 1-6.5 1Z"),
        sh(RegionId::KneeOuter, Side::Right, 88.0, 362.5, false, "M84 359l1 11l-.5 13l6.5 3l.5-16L91 355.5Z"),
        sh(RegionId::KneeOuter, Side::Left, 152.0, 362.5, false, "M156 359l-1 11l.5 13l-6.5 3l-.5-16l.5-14.5Z"),
        sh(RegionId::Lats, Side::Left, 152.0, 163.0, false, "M154 131l1.5 15q-.5 14-2 28l-5.5 1l2.5-25Z"),
        sh(RegionId::Lats, Side::Right, 88.0, 163.0, false, "M86 131l-1.5 15q.5 14 2 28l5.5 1l-2.5-25Z"),
        sh(RegionId::Collarbone, Side::Right, 92.0, 99.0, true, "M114.5 98.5Q110 96 105 96q-5 0-10 0l-9.5 1l1 5.5L95 101q5-1 10 0q5 0 9.5 2.5Z"),
        sh(RegionId::Collarbone, Side::Left, 148.0, 99.0, true, "M125.5 98.5Q130 96 135 96q5 0 10 0l9.5 1l-1 5.5L145 101q-5-1-10 0q-5 0-9.5 2.5Z"),
        sh(RegionId::WristFront, Side::Right, 48.5, 264.0, true, "M41.5 258.5q-.5 4.5-1.5 8l16 3l1.5-8Z"),
        sh(RegionId::WristFront, Side::Left, 191.5, 264.0, true, "M198.5 258.5q.5 4.5 1.5 8l-16 3l-1.5-8Z"),
        sh(RegionId::AnkleBones, Side::Left, 150.0, 476.0, true, "M145.5 476q.5 4 4.5 4.5q4-.5 4-4.5q0-4-4-4.5q-4 .5-4.5 4.5ZM132 472q0 4 4 4.5q4-.5 4-4.5q0-4-4-4.5q-4 .5-4 4.5Z"),
        sh(RegionId::AnkleBones, Side::Right, 90.0, 476.0, true, "M94.5 476q-.5 4-4.5 4.5q-4-.5-4-4.5q0-4 4-4.5q4 .5 4.5 4.5ZM108 472q0 4-4 4.5q-4-.5-4-4.5q0-4 4-4.5q4 .5 4 4.5Z"),
        sh(RegionId::AnkleFront, Side::Right, 96.0, 469.5, true, "M92.5 465.5l0 14.5l7 0l.5-14l-3-.5Z"),
        sh(RegionId::AnkleFront, Side::Left, 144.0, 469.5, true, "M147.5 465.5l0 14.5l-7 0l-.5-14l3-.5Z"),
        sh(RegionId::Armpit, Side::Right, 84.5, 125.0, true, "M82 115.5q2 6.5 9 7.5l-5 8l-7-1Z"),
        sh(RegionId::Armpit, Side::Left, 155.5, 125.0, true, "M158 115.5q-2 6.5-9 7.5l5 8l7-1Z"),
        sh(RegionId::HipOuterBone, Side::Right, 78.5, 271.5, true, "M83.5 271.5q-.5 5.5-5 5.5q-4.5 0-4.5-5.5q0-4.5 4.5-5.5q4.5 1 5 5.5Z"),
        sh(RegionId::HipOuterBone, Side::Left, 161.5, 271.5, true, "M156.5 271.5q.5 5.5 5 5.5q4.5 0 4.5-5.5q0-4.5-4.5-5.5q-4.5 1-5 5.5Z"),
        sh(RegionId::HipBoneFront, Side::Right, 93.5, 231.0, true, "M98 231q0 4-4.5 4q-4.5 0-4.5-4q0-4 4.5-4q4.5 0 4.5 4Z"),
        sh(RegionId::HipBoneFront, Side::Left, 146.5, 231.0, true, "M142 231q0 4 4.5 4q4.5 0 4.5-4q0-4-4.5-4q-4.5 0-4.5 4Z"),
    ],
};

/// Back view.
#[rustfmt::skip]
pub const BACK: Figure = Figure {
    view: View::Back,
    silhouette: "M120 12q-8-1-15 2.5Q99 19 97 27q-2 6-2 13q0 6 1 11q1 4 2.5 8.5q2.5 3.5 5 6.5l0 11q-.5 4-2.5 8.5Q100 89 97.5 91q-5.5 4-12 6Q80 99 75 100q-4 2-7.5 5Q63 112 61 120.5L59.5 129L58 138.5L56.5 151l-3 21.5L51 186l-1 8l-1 5.5l-2.5 12l-2 18.5L42 248l-.5 10.5q-.5 4.5-1.5 8q-1 2.5-3.5 5.5l-5 7L27 286.5q-2 3.5-3 7.5q-2 3-.5 6q.5 2 2.5 1.5q2-1.5 2.5-4.5l3.5-6.5l-1.5 6l-2 9q-1.5 3.5-1.5 7q0 2.5 2 3.5q2 0 3-2.5l.5-1.5q-1.5 3-1.5 5.5q0 2.5 2 3.5q2 0 3-2.5l1-3l-.5 1.5q.5 3 2 3.5q1.5-.5 3-2.5q1.5-3 1.5-7l-.5 1.5q.5 2.5 2 3.5q1.5 0 3-2.5q1.5-2.5 2-6l1.5-7l4-17l1-14l1.5-8l2.5-10L64 234l5.5-18L72 204l1-6l1.5-8L77 176.5L81.5 155L86 131l-1.5 15q.5 14 2 28q1.5 9 3 18q.5 9-1 17q-1.5 9-4 18.5L79 244q-3 9-5 18.5l0 7l1.5 15L79 313l3 28.5L84 359l1 11l-.5 13l-1 14q.5 14 1.5 27.5L87.5 449l.5 16.5q1 7.5.5 14.5q-1.5 4-2.5 9q-1 4-1.5 9q-.5 4 2 6.5q3.5 2.5 8.5 2l7-.5q4 0 6-2q2-3 1.5-7q-.5-5-1.5-9q-2-4-2.5-8q-.5-7 .5-14l2-16.5l3.5-24Q114 412 115 398q0-7-1-14.5l0-13.5l-.5-11.5l0-17.5l1-29q-.5-5 .5-10.5q2-4.5 5-8.5q3 4 5 8.5q1 5.5.5 10.5l1 29l0 17.5L126 370l0 13.5q-1 7.5-1 14.5q1 14 3.5 27.5l3.5 24l2 16.5q1 7 .5 14q-.5 4-2.5 8q-1 4-1.5 9q-.5 4 1.5 7q2 2 6 2l7 .5q5 .5 8.5-2q2.5-2.5 2-6.5q-.5-5-1.5-9q-1-5-2.5-9q-.5-7 .5-14.5l.5-16.5l2.5-24.5q1-13.5 1.5-27.5l-1-14l-.5-13l1-11l2-17.5l3-28.5l3.5-28.5l1.5-15l0-7q-2-9.5-5-18.5l-5.5-16.5q-2.5-9.5-4-18.5q-1.5-8-1-17q1.5-9 3-18q1.5-14 2-28L154 131l4.5 24l4.5 21.5l2.5 13.5l1.5 8l1 6l2.5 12l5.5 18l4 17.5l2.5 10l1.5 8l1 14l4 17l1.5 7q.5 3.5 2 6q1.5 2.5 3 2.5q1.5-1 2-3.5L197 311q0 4 1.5 7q1.5 2 3 2.5q1.5-.5 2-3.5l-.5-1.5l1 3q1 2.5 3 2.5q2-1 2-3.5q0-2.5-1.5-5.5l.5 1.5q1 2.5 3 2.5q2-1 2-3.5q0-3.5-1.5-7l-2-9l-1.5-6l3.5 6.5q.5 3 2.5 4.5q2 .5 2.5-1.5q1.5-3-.5-6q-1-4-3-7.5l-4.5-7.5l-5-7q-2.5-3-3.5-5.5q-1-3.5-1.5-8L198 248l-2.5-18l-2-18.5l-2.5-12l-1-5.5l-1-8l-2.5-13.5l-3-21.5L182 138.5l-1.5-9.5l-1.5-8.5q-2-8.5-6.5-15.5q-3.5-3-7.5-5q-5-1-10.5-3q-6.5-2-12-6q-2.5-2-3.5-5.5q-2-4.5-2.5-8.5l0-11q2.5-3 5-6.5Q143 55 144 51q1-5 1-11q0-7-2-13q-2-8-8-12.5Q128 11 120 12Z",
    details: &[
        "M32.5 312L34 305.5M207.5 312L206 305.5M37 315.5L38.5 308.5M203 315.5L201.5 308.5M43 311L44.5 304.5M197 311L195.5 304.5",
    ],
    shapes: &[
        sh(RegionId::Scalp, Side::Mid, 120.0, 39.0, false, "M120 12q-8-1-15 2.5Q99 19 97 27q-2 6-2 13q0 6 1 11q1 4 2.5 8.5l10 3.5l3 .5l5.5.5l3 0l3 0l5.5-.5l3-.5l10-3.5Q143 55 144 51q1-5 1-11q0-7-2-13q-2-8-8-12.5Q128 11 120 12Z"),
        sh(RegionId::ForearmBack, Side::Right, 184.0, 223.5, false, "M191 199.5l2.5 12l2 18.5l2.5 18l.5 10.5q.5 4.5 1.5 8l-16 3l-1.5-8l-2.5-10L176 234l-5.5-18L168 204l4.5 0l4.5-.5l5-1l4.5-1Z"),
        sh(RegionId::ForearmBack, Side::Left, 56.0, 223.5, false, "M49 199.5l-2.5 12l-2 18.5L42 248l-.5 10.5q-.5 4.5-1.5 8l16 3l1.5-8l2.5-10L64 234l5.5-18L72 204l-4.5 0l-4.5-.5l-5-1l-4.5-1Z"),
        sh(RegionId::GluteMax, Side::Left, 102.5, 275.0, false, "M114 257.5q-8 1.5-15 4Q91 265 84.5 269L86 291l10.5 3l8.5 3.5l5 2l5 2q2-4.5 5-8.5v-6l-2.5-7l-2-11.5Z"),
        sh(RegionId::GluteMax, Side::Right, 137.5, 275.0, false, "M126 257.5q8 1.5 15 4q8 3.5 14.5 7.5L154 291l-10.5 3l-8.5 3.5l-5 2l-5 2q-2-4.5-5-8.5v-6l2.5-7l2-11.5Z"),
        sh(RegionId::Hamstrings, Side::Right, 144.0, 303.5, false, "M154 291l-1.5 22L150 341.5l-1 14l-7.5-1.5l-6.5.5l0-13.5l0-28.5l0-15l8.5-3.5Z"),
        sh(RegionId::Hamstrings, Side::Left, 96.0, 303.5, false, "M86 291l1.5 22L90 341.5l1 14l7.5-1.5l6.5.5l0-13.5l0-28.5l0-15L96.5 294Z"),
        sh(RegionId::Calf, Side::Right, 142.0, 397.5, false, "M149.5 386l.5 11l-.5 28q.5 14-1.5 27.5l-3.5 2l-3 0l-3.5-1q-2-13.5-2.5-28.5l-2-27.5L134 387l.5 0l7 .5L149 386Z"),
        sh(RegionId::Calf, Side::Left, 98.0, 397.5, false, "M90.5 386L90 397l.5 28Q90 439 92 452.5l3.5 2l3 0l3.5-1q2-13.5 2.5-28.5l2-27.5L106 387l-.5 0l-7 .5L91 386Z"),
        sh(RegionId::ShoulderBlade, Side::Left, 94.0, 121.0, false, "M83.5 106l-1 5L79 130l7 1l7.5 10c2.5 3 3.5 10 7.5 9.5c3-.5 6-6.5 4.5-9.5l1-17L105 106.5q-5-.5-10-.5q-6 1-11.5 0Z"),
        sh(RegionId::ShoulderBlade, Side::Right, 146.0, 121.0, false, "M156.5 106l1 5l3.5 19l-7 1l-7.5 10c-2.5 3-3.5 10-7.5 9.5c-3-.5-6-6.5-4.5-9.5l-1-17l1.5-17.5q5-.5 10-.5q6 1 11.5 0Z"),
        sh(RegionId::UpperArmBack, Side::Right, 168.0, 156.0, false, "M175 143.5l1.5 8.5l3.5 21.5l2 12.5l-6 .5l-5.5 1.5l-5 2L163 176.5L158.5 155L154 131l7-1l2.5 15.5l5.5 0Z"),
        sh(RegionId::UpperArmBack, Side::Left, 72.0, 156.0, false, "M65 143.5L63.5 152L60 173.5L58 186l6 .5l5.5 1.5l5 2L77 176.5L81.5 155L86 131l-7-1l-2.5 15.5l-5.5 0Z"),
        sh(RegionId::HandBack, Side::Left, 42.5, 284.0, false, "M40 266.5q-1 2.5-3.5 5.5l-5 7L27 286.5q-2 3.5-3 7.5q-2 3-.5 6q.5 2 2.5 1.5q2-1.5 2.5-4.5l3.5-6.5l-1.5 6q6.5 3.5 13 4l7.5 0l4-17l1-14Z"),
        sh(RegionId::HandBack, Side::Right, 197.5, 284.0, false, "M200 266.5q1 2.5 3.5 5.5l5 7l4.5 7.5q2 3.5 3 7.5q2 3 .5 6q-.5 2-2.5 1.5q-2-1.5-2.5-4.5l-3.5-6.5l1.5 6q-6.5 3.5-13 4l-7.5 0l-4-17l-1-14Z"),
        sh(RegionId::ShoulderBack, Side::Left, 68.5, 133.5, false, "M75 100q-4 2-7.5 5Q63 112 61 120.5L59.5 129L58 138.5l3.5 3l3.5 2l6 2l5.5 0L79 130l3.5-19l1-5q-5.5-2-8.5-6Z"),
        sh(RegionId::ShoulderBack, Side::Right, 171.5, 133.5, false, "M165 100q4 2 7.5 5q4.5 7 6.5 15.5l1.5 8.5l1.5 9.5l-3.5 3l-3.5 2l-6 2l-5.5 0L161 130l-3.5-19l-1-5q5.5-2 8.5-6Z"),
        sh(RegionId::OuterThigh, Side::Right, 159.0, 288.5, false, "M166 269.5l-1.5 15L161 313l-3 28.5L156 359l-7-3.5l1-14l2.5-28.5l1.5-22l1.5-22Z"),
        sh(RegionId::OuterThigh, Side::Left, 81.0, 288.5, false, "M74 269.5l1.5 15L79 313l3 28.5L84 359l7-3.5l-1-14L87.5 313L86 291l-1.5-22Z"),
        sh(RegionId::Lats, Side::Right, 142.5, 157.5, false, "M154 131l-3.5 19L148 175q-1 10-2.5 21q-1.5 2-4.5 2.5q-3 .5-5-.5l0-16l-.5-17l-1-24c-1.5 3 1.5 9 4.5 9.5c4 .5 5-6.5 7.5-9.5Z"),
        sh(RegionId::Lats, Side::Left, 97.5, 157.5, false, "M86 131l3.5 19L92 175q1 10 2.5 21q1.5 2 4.5 2.5q3 .5 5-.5l0-16l.5-17l1-24c1.5 3-1.5 9-4.5 9.5c-4 .5-5-6.5-7.5-9.5Z"),
        sh(RegionId::BetweenShoulderBlades, Side::Left, 111.0, 159.0, false, "M117 104.5l-6 .5l-6 1.5l1.5 17.5l-1 17l-1 24H117Z"),
        sh(RegionId::BetweenShoulderBlades, Side::Right, 129.0, 159.0, false, "M123 104.5l6 .5l6 1.5L133.5 124l1 17l1 24H123Z"),
        sh(RegionId::CalfInnerEdge, Side::Left, 109.5, 411.5, false, "M106 387l.5 10.5l-2 27.5q-.5 15-2.5 28.5l-1.5 4.5q-2.5 11-1 22h6q-.5-7 .5-14l2-16.5l3.5-24Q114 412 115 398q0-7-1-14.5l-4 2Z"),
        sh(RegionId::CalfInnerEdge, Side::Right, 130.5, 411.5, false, "M134 387l-.5 10.5l2 27.5q.5 15 2.5 28.5l1.5 4.5q2.5 11 1 22h-6q.5-7-.5-14l-2-16.5l-3.5-24Q126 412 125 398q0-7 1-14.5l4 2Z"),
        sh(RegionId::ThoracicSpine, Side::Mid, 120.0, 102.0, false, "M120 99l-3-.5l0 6l0 60.5l0 33.5l3 .5l3-.5l0-33.5l0-60.5l0-6Z"),
        sh(RegionId::GluteMed, Side::Right, 143.5, 239.0, false, "M150.5 228q4.5 6 6 14q.5 7-.5 14l-14.5-5.5l-13.5-3l2-7.5c2-1 1-6 3.5-8q4.5-4 10.5-5.5q3 .5 6.5 1.5Z"),
        sh(RegionId::GluteMed, Side::Left, 96.5, 239.0, false, "M89.5 228q-4.5 6-6 14q-.5 7 .5 14l14.5-5.5l13.5-3l-2-7.5c-2-1-1-6-3.5-8q-4.5-4-10.5-5.5q-3 .5-6.5 1.5Z"),
        sh(RegionId::LowerLegOuter, Side::Right, 148.5, 461.0, false, "M155.5 383l1 14q-.5 14-1.5 27.5L152.5 449l-.5 16.5q-1 7.5-.5 14.5H146q-2-11 0-22l2-5.5q2-13.5 1.5-27.5l.5-28l-.5-11Z"),
        sh(RegionId::LowerLegOuter, Side::Left, 91.5, 461.0, false, "M84.5 383l-1 14q.5 14 1.5 27.5L87.5 449l.5 16.5q1 7.5.5 14.5H94q2-11 0-22l-2-5.5Q90 439 90.5 425L90 397l.5-11Z"),
        sh(RegionId::Adductors, Side::Left, 109.5, 305.5, false, "M105 297.5l0 15l0 28.5l0 13.5l4.5 1.5l4 2.5l0-17.5l1-29q-.5-5 .5-10.5l-5-2Z"),
        sh(RegionId::Adductors, Side::Right, 130.5, 305.5, false, "M135 297.5l0 15l0 28.5l0 13.5l-4.5 1.5l-4 2.5l0-17.5l-1-29q.5-5-.5-10.5l5-2Z"),
        sh(RegionId::LowBackMuscles, Side::Right, 129.5, 204.5, false, "M136 198l-.5 18l-2 16c-2.5 2-1.5 7-3.5 8q-4 2-7 .5l0-42Z"),
        sh(RegionId::LowBackMuscles, Side::Left, 110.5, 204.5, false, "M104 198l.5 18l2 16c2.5 2 1.5 7 3.5 8q4 2 7 .5l0-42Z"),
        sh(RegionId::UpperTrapezius, Side::Left, 103.5, 98.5, false, "M97.5 91q-5.5 4-12 6Q80 99 75 100q3 4 8.5 6q5.5 1 11.5 0q5 0 10 .5l6-1.5l6-.5l0-6l0-7l-9-1Z"),
        sh(RegionId::UpperTrapezius, Side::Right, 136.5, 98.5, false, "M142.5 91q5.5 4 12 6q5.5 2 10.5 3q-3 4-8.5 6q-5.5 1-11.5 0q-5 0-10 .5l-6-1.5l-6-.5l0-6l0-7l9-1Z"),
        sh(RegionId::BackOfKnee, Side::Left, 98.5, 361.0, false, "M91 355.5l.5 14.5L91 386l7.5 1.5l7-.5l0-17l-.5-15.5l-6.5-.5Z"),
        sh(RegionId::BackOfKnee, Side::Right, 141.5, 361.0, false, "M149 355.5l-.5 14.5l.5 16l-7.5 1.5l-7-.5l0-17l.5-15.5l6.5-.5Z"),
        sh(RegionId::Sole, Side::Left, 97.0, 499.5, false, "M88.5 480q-1.5 4-2.5 9q-1 4-1.5 9q-.5 4 2 6.5q3.5 2.5 8.5 2l7-.5q4 0 6-2q2-3 1.5-7q-.5-5-1.5-9q-2-4-2.5-8h-6q4.5 1 4.5 5.5q-1 5.5-6.5 7q-5.5-.5-7.5-7q0-3.5 4-5.5Z"),
        sh(RegionId::Sole, Side::Right, 143.0, 499.5, false, "M151.5 480q1.5 4 2.5 9q1 4 1.5 9q.5 4-2 6.5q-3.5 2.5-8.5 2l-7-.5q-4 0-6-2q-2-3-1.5-7q.5-5 1.5-9q2-4 2.5-8h6q-4.5 1-4.5 5.5q1 5.5 6.5 7q5.5-.5 7.5-7q0-3.5-4-5.5Z"),
        sh(RegionId::LowerRibsBack, Side::Left, 110.5, 190.0, false, "M117 165H104.5l-.5 17l0 16l13 .5Z"),
        sh(RegionId::LowerRibsBack, Side::Right, 129.5, 190.0, false, "M123 165h12.5l.5 17l0 16l-13 .5Z"),
        sh(RegionId::Sacrum, Side::Mid, 120.0, 248.5, false, "M120 241l-10-1l2 7.5l2 10l1.5 11l4.5 1l4.5-1l1.5-11l2-10l2-7.5Z"),
        sh(RegionId::ElbowBack, Side::Right, 177.5, 195.0, false, "M189 186l1 8l1 5.5l-4.5 2l-4.5 1l-5 1l-4.5.5l-4.5 0l-1-6l-1.5-8l5-2l5.5-1.5l6-.5l3.5 0Z"),
        sh(RegionId::ElbowBack, Side::Left, 62.5, 195.0, false, "M51 186l-1 8l-1 5.5l4.5 2l4.5 1l5 1l4.5.5l4.5 0l1-6l1.5-8l-5-2L64 186.5l-6-.5l-3.5 0Z"),
        sh(RegionId::QlFlank, Side::Left, 98.5, 220.5, false, "M94.5 196q.5 8-.5 16q-1 8-4.5 16q3.5-1 6.5-1.5q6 1.5 10.5 5.5l-2-16l-.5-18q-2 1-5 .5q-3-.5-4.5-2.5Z"),
        sh(RegionId::QlFlank, Side::Right, 141.5, 220.5, false, "M145.5 196q-.5 8 .5 16q1 8 4.5 16q-3.5-1-6.5-1.5q-6 1.5-10.5 5.5l2-16l.5-18q2 1 5 .5q3-.5 4.5-2.5Z"),
        sh(RegionId::DeepGlute, Side::Right, 149.0, 259.0, false, "M128 247.5l13.5 3L156 256l-.5 13q-6.5-4-14.5-7.5q-7-2.5-15-4Z"),
        sh(RegionId::DeepGlute, Side::Left, 91.0, 259.0, false, "M112 247.5l-13.5 3L84 256l.5 13q6.5-4 14.5-7.5q7-2.5 15-4Z"),
        sh(RegionId::UpperArmOuter, Side::Left, 60.5, 150.0, false, "M58 138.5L56.5 151l-3 21.5L51 186l3.5 0l3.5 0l2-12.5L63.5 152l1.5-8.5l-3.5-2Z"),
        sh(RegionId::UpperArmOuter, Side::Right, 179.5, 150.0, false, "M182 138.5l1.5 12.5l3 21.5L189 186l-3.5 0l-3.5 0l-2-12.5L176.5 152l-1.5-8.5l3.5-2Z"),
        sh(RegionId::AbdomenSide, Side::Right, 148.5, 209.5, false, "M153.5 174q-1.5 9-3 18q-.5 9 1 17q1.5 9 4 18.5l-5 .5q-3.5-8-4.5-16q-1-8-.5-16q1.5-11 2.5-21Z"),
        sh(RegionId::AbdomenSide, Side::Left, 91.5, 209.5, false, "M86.5 174q1.5 9 3 18q.5 9-1 17q-1.5 9-4 18.5l5 .5q3.5-8 4.5-16q1-8 .5-16Q93 185 92 175Z"),
        sh(RegionId::Tfl, Side::Left, 79.0, 261.5, false, "M84.5 227.5L79 244q-3 9-5 18.5l0 7l10.5-.5L84 256q-1-7-.5-14q1.5-8 6-14Z"),
        sh(RegionId::Tfl, Side::Right, 161.0, 261.5, false, "M155.5 227.5L161 244q3 9 5 18.5l0 7l-10.5-.5l.5-13q1-7 .5-14q-1.5-8-6-14Z"),
        sh(RegionId::LumbarSpine, Side::Mid, 120.0, 202.0, false, "M120 199l-3-.5l0 42l3 .5l3-.5l0-42Z"),
        sh(RegionId::KneeInner, Side::Left, 109.5, 363.0, false, "M105 354.5l.5 15.5l0 17l.5 0l4-1.5l4-2l0-13.5l-.5-11.5l-4-2.5Z"),
        sh(RegionId::KneeInner, Side::Right, 130.5, 363.0, false, "M135 354.5l-.5 15.5l0 17l-.5 0l-4-1.5l-4-2l0-13.5l.5-11.5l4-2.5Z"),
        sh(RegionId::CervicalSpine, Side::Mid, 120.0, 67.0, false, "M120 64l-3 0l0 8l0 19.5l0 7l3 .5l3-.5l0-7L123 72l0-8Z"),
        sh(RegionId::NeckBack, Side::Right, 128.5, 85.0, false, "M130.5 71.5L123 72l0 19.5l9-1l10.5.5Q136 87 132 80.5q-2-4.5-1.5-9Z"),
        sh(RegionId::NeckBack, Side::Left, 111.5, 85.0, false, "M109.5 71.5l7.5.5l0 19.5l-9-1L97.5 91Q104 87 108 80.5q2-4.5 1.5-9Z"),
        sh(RegionId::KneeOuter, Side::Left, 88.0, 362.5, false, "M84 359l1 11l-.5 13l6 3l.5 0l.5-16L91 355.5Z"),
        sh(RegionId::KneeOuter, Side::Right, 152.0, 362.5, false, "M156 359l-1 11l.5 13l-6 3l-.5 0l-.5-16l.5-14.5Z"),
        sh(RegionId::SideRibs, Side::Right, 152.5, 156.5, false, "M154 131l1.5 15q-.5 14-2 28l-5.5 1l2.5-25Z"),
        sh(RegionId::SideRibs, Side::Left, 87.5, 156.5, false, "M86 131l-1.5 15q.5 14 2 28l5.5 1l-2.5-25Z"),
        sh(RegionId::NeckSide, Side::Right, 133.5, 75.0, true, "M141.5 59.5q-2.5 3.5-5 6.5l0 11q.5 4 2.5 8.5q1 3.5 3.5 5.5Q136 87 132 80.5q-2-4.5-1.5-9l1-8.5Z"),
        sh(RegionId::NeckSide, Side::Left, 106.5, 75.0, true, "M98.5 59.5q2.5 3.5 5 6.5l0 11q-.5 4-2.5 8.5Q100 89 97.5 91Q104 87 108 80.5q2-4.5 1.5-9l-1-8.5Z"),
        sh(RegionId::Heel, Side::Left, 97.0, 486.0, true, "M94 480q-4 2-4 5.5q2 6.5 7.5 7q5.5-1.5 6.5-7q0-4.5-4.5-5.5Z"),
        sh(RegionId::Heel, Side::Right, 143.0, 486.0, true, "M146 480q4 2 4 5.5q-2 6.5-7.5 7q-5.5-1.5-6.5-7q0-4.5 4.5-5.5Z"),
        sh(RegionId::Achilles, Side::Right, 142.5, 457.5, true, "M148 452.5l-2 5.5q-2 11 0 22h-5.5q1.5-11-1-22l-1.5-4.5l3.5 1l3 0Z"),
        sh(RegionId::Achilles, Side::Left, 97.5, 457.5, true, "M92 452.5l2 5.5q2 11 0 22h5.5q-1.5-11 1-22l1.5-4.5l-3.5 1l-3 0Z"),
        sh(RegionId::AnkleBones, Side::Right, 150.0, 476.0, true, "M145.5 476q.5 4 4.5 4.5q4-.5 4-4.5q0-4-4-4.5q-4 .5-4.5 4.5ZM132 472q0 4 4 4.5q4-.5 4-4.5q0-4-4-4.5q-4 .5-4 4.5Z"),
        sh(RegionId::AnkleBones, Side::Left, 90.0, 476.0, true, "M94.5 476q-.5 4-4.5 4.5q-4-.5-4-4.5q0-4 4-4.5q4 .5 4.5 4.5ZM108 472q0 4-4 4.5q-4-.5-4-4.5q0-4 4-4.5q4 .5 4 4.5Z"),
        sh(RegionId::Tailbone, Side::Mid, 120.0, 273.5, true, "M120 269.5l-4.5-1l2 11.5l2.5 7l2.5-7l2-11.5Z"),
        sh(RegionId::HipOuterBone, Side::Left, 78.5, 271.5, true, "M83.5 271.5q-.5 5.5-5 5.5q-4.5 0-4.5-5.5q0-4.5 4.5-5.5q4.5 1 5 5.5Z"),
        sh(RegionId::HipOuterBone, Side::Right, 161.5, 271.5, true, "M156.5 271.5q.5 5.5 5 5.5q4.5 0 4.5-5.5q0-4.5-4.5-5.5q-4.5 1-5 5.5Z"),
        sh(RegionId::SitBone, Side::Left, 105.5, 293.0, true, "M110.5 293q-.5 4-5 4q-4.5 0-5-4q.5-4 5-4.5q4.5.5 5 4.5Z"),
        sh(RegionId::SitBone, Side::Right, 134.5, 293.0, true, "M129.5 293q.5 4 5 4q4.5 0 5-4q-.5-4-5-4.5q-4.5.5-5 4.5Z"),
        sh(RegionId::Suboccipital, Side::Right, 127.0, 67.5, true, "M131.5 63l-3 .5L123 64l0 8l7.5-.5Z"),
        sh(RegionId::Suboccipital, Side::Left, 113.0, 67.5, true, "M108.5 63l3 .5l5.5.5l0 8l-7.5-.5Z"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::RegionSide;
    use std::collections::{BTreeSet, HashSet};

    const VIEWS: [View; 2] = [View::Front, View::Back];

    /// Absolute coordinates of every end and control point of a path (enough for a
    /// bounding box). Supports the commands the tables use (M L H V C S Q T Z, both cases).
    fn points(d: &str) -> Vec<(f32, f32)> {
        let b = d.as_bytes();
        let mut i = 0;
        let mut cmd = b'M';
        let mut cur = (0.0f32, 0.0f32);
        let mut start = cur;
        let mut out = Vec::new();
        let num = |i: &mut usize| -> f32 {
            while *i < b.len() && (b[*i] == b' ' || b[*i] == b',') {
                *i += 1;
            }
            let s = *i;
            if *i < b.len() && (b[*i] == b'-' || b[*i] == b'+') {
                *i += 1;
            }
            let mut dot = false;
            while *i < b.len() && (b[*i].is_ascii_digit() || (b[*i] == b'.' && !dot)) {
                dot |= b[*i] == b'.';
                *i += 1;
            }
            d[s..*i]
                .parse()
                .unwrap_or_else(|_| panic!("bad number at {s} in {d}"))
        };
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                cmd = c;
                i += 1;
                if c == b'Z' || c == b'z' {
                    cur = start;
                    continue;
                }
            } else if c == b' ' || c == b',' {
                i += 1;
                continue;
            }
            let rel = cmd.is_ascii_lowercase();
            let (ox, oy) = if rel { cur } else { (0.0, 0.0) };
            let n = match cmd.to_ascii_uppercase() {
                b'M' | b'L' | b'T' => 2,
                b'H' | b'V' => 1,
                b'C' => 6,
                b'S' | b'Q' => 4,
                other => panic!("unexpected command {} in {d}", other as char),
            };
            let v: Vec<f32> = (0..n).map(|_| num(&mut i)).collect();
            match cmd.to_ascii_uppercase() {
                b'H' => cur = (v[0] + ox, cur.1),
                b'V' => cur = (cur.0, v[0] + oy),
                _ => {
                    for p in v.chunks(2) {
                        out.push((p[0] + ox, p[1] + oy));
                    }
                    cur = *out.last().unwrap();
                }
            }
            out.push(cur);
            if cmd == b'M' || cmd == b'm' {
                start = cur;
                cmd = if rel { b'l' } else { b'L' };
            }
        }
        out
    }

    fn bbox(d: &str) -> (f32, f32, f32, f32) {
        let p = points(d);
        let f = |g: fn(&(f32, f32)) -> f32, min: bool| {
            p.iter()
                .map(g)
                .fold(if min { f32::MAX } else { f32::MIN }, |a, b| {
                    if min {
                        a.min(b)
                    } else {
                        a.max(b)
                    }
                })
        };
        (
            f(|p| p.0, true),
            f(|p| p.1, true),
            f(|p| p.0, false),
            f(|p| p.1, false),
        )
    }

    fn assert_valid_path(d: &str, what: &str) {
        assert!(d.starts_with('M'), "{what}: must start with M");
        assert!(d.ends_with('Z'), "{what}: must be closed");
        assert!(
            d.chars()
                .all(|c| "MmLlHhVvCcSsQqTtZz0123456789.- ".contains(c)),
            "{what}: unexpected character in {d}"
        );
        for (x, y) in points(d) {
            assert!(
                (-1.0..=241.0).contains(&x) && (-1.0..=521.0).contains(&y),
                "{what}: ({x}, {y}) off the view box"
            );
        }
    }

    #[test]
    fn every_instance_of_a_view_has_exactly_one_shape() {
        for view in VIEWS {
            let fig = figure(view);
            assert_eq!(fig.view, view);
            let want: BTreeSet<RegionSide> = RegionSide::all()
                .filter(|rs| rs.region.def().in_view(view))
                .collect();
            let mut got = BTreeSet::new();
            for s in fig.shapes {
                let rs = RegionSide::new(s.region, s.side).expect("side fits the region");
                assert!(got.insert(rs), "{view:?}: {} drawn twice", rs.label());
            }
            assert_eq!(got, want, "{view:?}: shapes differ from the catalogue");
        }
        assert_eq!(FRONT.shapes.len(), 79);
        assert_eq!(BACK.shapes.len(), 80);
    }

    #[test]
    fn paths_are_closed_and_well_formed() {
        for view in VIEWS {
            let fig = figure(view);
            assert!(!fig.silhouette.is_empty());
            assert_valid_path(fig.silhouette, "silhouette");
            for d in fig.details {
                assert!(d.starts_with('M') && !d.is_empty(), "detail {d}");
                points(d);
            }
            for s in fig.shapes {
                assert_valid_path(s.d, &format!("{view:?} {:?} {:?}", s.region, s.side));
            }
        }
    }

    #[test]
    fn badge_sits_inside_its_shape() {
        for view in VIEWS {
            for s in figure(view).shapes {
                let (x, y) = s.at;
                assert!(
                    (6.0..=234.0).contains(&x) && (6.0..=514.0).contains(&y),
                    "{:?} badge off the view",
                    s.region
                );
                let (x0, y0, x1, y1) = bbox(s.d);
                assert!(
                    x > x0 + 1.0 && x < x1 - 1.0 && y > y0 + 1.0 && y < y1 - 1.0,
                    "{view:?} {:?} {:?}: badge {:?} outside {:?}",
                    s.region,
                    s.side,
                    s.at,
                    (x0, y0, x1, y1)
                );
            }
        }
    }

    #[test]
    fn person_right_is_viewer_left_on_the_front_and_viewer_right_on_the_back() {
        for view in VIEWS {
            for s in figure(view).shapes {
                let (x0, _, x1, _) = bbox(s.d);
                let cx = (x0 + x1) / 2.0;
                let viewer_left = match (view, s.side) {
                    (_, Side::Mid) => {
                        assert!((cx - 120.0).abs() < 0.6, "{:?} is not centred", s.region);
                        assert!(x0 < 120.0 && x1 > 120.0);
                        continue;
                    }
                    (View::Front, Side::Right) | (View::Back, Side::Left) => true,
                    (View::Front, Side::Left) | (View::Back, Side::Right) => false,
                };
                assert_eq!(
                    s.at.0 < 120.0,
                    viewer_left,
                    "{view:?} {:?} {:?}: badge on the wrong side",
                    s.region,
                    s.side
                );
                assert_eq!(
                    x1 <= 120.5,
                    viewer_left,
                    "{view:?} {:?} {:?}: shape on the wrong side",
                    s.region,
                    s.side
                );
                assert_eq!(
                    x0 >= 119.5,
                    !viewer_left,
                    "{view:?} {:?} {:?}: shape on the wrong side",
                    s.region,
                    s.side
                );
            }
        }
    }

    #[test]
    fn left_and_right_shapes_are_mirror_images() {
        for view in VIEWS {
            let shapes = figure(view).shapes;
            for s in shapes.iter().filter(|s| s.side == Side::Left) {
                let m = shapes
                    .iter()
                    .find(|o| o.region == s.region && o.side == Side::Right)
                    .unwrap();
                assert!(
                    (s.at.0 + m.at.0 - 240.0).abs() < 0.11 && (s.at.1 - m.at.1).abs() < 0.01,
                    "{:?}",
                    s.region
                );
                let (a, b) = (bbox(s.d), bbox(m.d));
                assert!(
                    (a.0 + b.2 - 240.0).abs() < 1.1 && (a.1 - b.1).abs() < 0.6,
                    "{:?}: {a:?} vs {b:?}",
                    s.region
                );
                assert_eq!(s.small, m.small);
            }
        }
    }

    #[test]
    fn small_shapes_are_drawn_last() {
        for view in VIEWS {
            let shapes = figure(view).shapes;
            let first_small = shapes.iter().position(|s| s.small).unwrap_or(shapes.len());
            assert!(
                shapes[first_small..].iter().all(|s| s.small),
                "{view:?}: a large shape after a small one"
            );
        }
    }

    #[test]
    fn landmarks_sit_where_the_anatomy_is() {
        let at = |view, region, side| {
            figure(view)
                .shapes
                .iter()
                .find(|s| s.region == region && s.side == side)
                .unwrap()
                .at
        };
        for view in VIEWS {
            let side = if view == View::Front {
                Side::Right
            } else {
                Side::Left
            };
            // Head above neck above chest or shoulder blades above hips above knees above ankles.
            let knee = at(view, RegionId::KneeOuter, side);
            let ankle = at(view, RegionId::AnkleBones, side);
            let thigh = at(view, RegionId::OuterThigh, side);
            let hip = at(view, RegionId::HipOuterBone, side);
            let neck = at(view, RegionId::NeckSide, side);
            assert!(neck.1 < hip.1 && hip.1 < thigh.1 && thigh.1 < knee.1 && knee.1 < ankle.1);
            // The outer thigh is lateral of the inner thigh.
            let inner = at(view, RegionId::Adductors, side);
            assert!(
                thigh.0 < inner.0,
                "{view:?}: outer thigh must be further out than the inner thigh"
            );
            let calf_in = at(view, RegionId::CalfInnerEdge, side);
            let leg_out = at(view, RegionId::LowerLegOuter, side);
            assert!(leg_out.0 < calf_in.0);
        }
        let f = |r| at(View::Front, r, Side::Right);
        assert!(
            f(RegionId::ShinMuscle).0 < f(RegionId::ShinBone).0,
            "shin muscle is lateral of the bone"
        );
        assert!(f(RegionId::Kneecap).1 > f(RegionId::Quadriceps).1);
        assert!(
            f(RegionId::Palm).1 > f(RegionId::WristFront).1
                && f(RegionId::WristFront).1 > f(RegionId::ForearmFront).1
        );
        let b = |r| at(View::Back, r, Side::Left);
        assert!(
            b(RegionId::Heel).1 > b(RegionId::Achilles).1
                && b(RegionId::Achilles).1 > b(RegionId::Calf).1
        );
        assert!(
            b(RegionId::GluteMed).1 < b(RegionId::GluteMax).1
                && b(RegionId::SitBone).1 > b(RegionId::DeepGlute).1
        );
    }

    #[test]
    fn path_data_stays_within_its_size_budget() {
        let total: usize = VIEWS
            .iter()
            .map(|&v| {
                let f = figure(v);
                f.silhouette.len()
                    + f.details.iter().map(|d| d.len()).sum::<usize>()
                    + f.shapes.iter().map(|s| s.d.len()).sum::<usize>()
            })
            .sum();
        assert!(total < 25_000, "path data is {total} bytes");
        for v in VIEWS {
            let shapes = figure(v).shapes;
            let unique: HashSet<&str> = shapes.iter().map(|s| s.d).collect();
            assert_eq!(
                unique.len(),
                shapes.len(),
                "{v:?}: two shapes share one drawing"
            );
        }
    }
}
