//! The drawings of positions (issue #14): a line figure in a [`Pose`] with the tool where it
//! goes, the worked area highlighted and an arrow for the motion, composed at run time from a
//! [`Drawing`] of the domain (pose, placement, tool, region, side, motion, path).
//!
//! Pure (tested natively, like [`crate::figure`]): [`scene`] gives a list of [`Mark`]s (SVG
//! path data with a style class and a stroke width) on the canvas [`VIEW_BOX`] and a `viewBox` cropped to the figure, which
//! `components/position_figure.rs` turns into `<path>` elements. Colours come from CSS
//! (`.pf-*` classes in `style/later.css`), so dark mode follows the page.
//!
//! Each pose is a skeleton (head, neck, hips, knees, ankles, toes, elbows, wrists) drawn as
//! thick round-capped strokes with an outline, in the style of the body map's silhouette.
//! Side views show the person's **right** side nearest to the viewer; a left-side step is
//! the same picture mirrored, so the worked side is always the near one. Front views (the
//! wall at the side) put the person's right on the viewer's left, as the body map does. The
//! tool is placed between the worked area and what it rests on (floor, seat, footstool, table,
//! bed or wall), or in the hand; hands reach for it with a two-bone arm.

use crate::domain::knowledge::pose::{Drawing, Face, Part, Placement, Pose};
use crate::domain::knowledge::region::Side;
use crate::domain::knowledge::technique::{Motion, Point, Tool};

/// `viewBox` of every drawing.
pub const VIEW_BOX: &str = "0 0 180 120";
const W: f32 = 180.0;
const FLOOR: f32 = 112.0;

type P = (f32, f32);

/// One stroke or shape of a drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Style class (`pf-edge`, `pf-body`, `pf-far`, `pf-area`, `pf-tool`, `pf-arrow`, …).
    pub class: &'static str,
    /// SVG path data.
    pub d: String,
    /// Stroke width in user units (0: the class decides).
    pub width: f32,
}

/// A composed drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Everything to draw, back to front, inside a group mirrored for the left side.
    pub marks: Vec<Mark>,
    /// Mirror the figure (a left-side step).
    pub mirrored: bool,
    /// The side label ("Right side"), shown as a caption; empty for midline steps.
    pub label: &'static str,
    /// The label goes on the side away from any wall (the right-hand corner).
    pub label_end: bool,
    /// The drawing's own `viewBox`: the figure and its props with a small margin, so a lying
    /// figure is drawn wide and low and a standing one tall and narrow.
    pub view_box: String,
}

#[derive(Clone, Copy, PartialEq)]
enum View {
    /// Seen from the right side.
    Side,
    /// Seen from the front; the person's right on the viewer's left.
    Front,
}

#[derive(Clone, Copy)]
enum Prop {
    /// A wall at x; `left`: the wall stands on the left of the figure (hatching outside).
    Wall(f32, bool),
    /// A chair: back rest x, seat from x0 to x1 at y; `back_left`: the back rest is on the left.
    Chair(f32, f32, f32, bool),
    /// A footstool from x0 to x1, top at y.
    Stool(f32, f32, f32),
    /// A table from x0 to x1, top at y.
    Table(f32, f32, f32),
    /// A bed from x0 to x1, top at y.
    Bed(f32, f32, f32),
}

/// A skeleton. Side views: proximal to distal, the near limbs first in each pair.
#[derive(Clone, Copy)]
struct Body {
    view: View,
    head: P,
    /// Base of the neck, between the shoulders (side view: the shoulders).
    neck: P,
    /// Front view only: the two shoulders (near = the person's right).
    shoulders: (P, P),
    /// Hips (side view: the same point twice, or nearly).
    hips: (P, P),
    /// Spine bend: how far the middle of the back bows out backwards (a rounded back).
    bow: f32,
    legs: ([P; 3], [P; 3]),
    arms: ([P; 2], [P; 2]),
    /// Draw the far (other-side) leg in front: the top leg of a side-lying person.
    far_leg_front: bool,
    /// The near arm is drawn in front of the body (it reaches forward).
    props: &'static [Prop],
}

const fn side(
    head: P,
    neck: P,
    hip: P,
    bow: f32,
    legs: ([P; 3], [P; 3]),
    arms: ([P; 2], [P; 2]),
    props: &'static [Prop],
) -> Body {
    Body {
        view: View::Side,
        head,
        neck,
        shoulders: (neck, neck),
        hips: (hip, hip),
        bow,
        legs,
        arms,
        far_leg_front: false,
        props,
    }
}

const CHAIR: Prop = Prop::Chair(38.0, 38.0, 66.0, true);

#[rustfmt::skip]
/// The skeleton of a pose (the person's right side near, facing right when upright).
fn body(pose: Pose) -> Body {
    use Pose::*;
    match pose {
        BackOnFloor => side(
            (38.0, 94.0), (50.0, 97.0), (92.0, 104.0), 0.0,
            ([(114.0, 82.0), (134.0, 105.0), (145.0, 110.0)], [(117.0, 83.0), (138.0, 105.0), (149.0, 110.0)]),
            ([(68.0, 103.0), (84.0, 106.0)], [(66.0, 102.0), (82.0, 105.0)]),
            &[],
        ),
        BackHandsBehindHead => side(
            (38.0, 94.0), (50.0, 97.0), (92.0, 104.0), 0.0,
            ([(114.0, 82.0), (134.0, 105.0), (145.0, 110.0)], [(117.0, 83.0), (138.0, 105.0), (149.0, 110.0)]),
            ([(46.0, 79.0), (33.0, 92.0)], [(43.0, 80.0), (31.0, 93.0)]),
            &[],
        ),
        BackAnkleOnKnee => side(
            (38.0, 100.0), (50.0, 102.0), (92.0, 98.0), 0.0,
            ([(105.0, 90.0), (116.0, 77.0), (125.0, 73.0)], [(114.0, 80.0), (134.0, 105.0), (145.0, 110.0)]),
            ([(68.0, 104.0), (84.0, 107.0)], [(66.0, 103.0), (82.0, 106.0)]),
            &[],
        ),
        BackOnBed => side(
            (34.0, 72.0), (46.0, 76.0), (86.0, 80.0), 0.0,
            ([(111.0, 81.0), (136.0, 82.0), (141.0, 73.0)], [(112.0, 80.0), (137.0, 81.0), (142.0, 72.0)]),
            ([(64.0, 81.0), (80.0, 83.0)], [(62.0, 80.0), (78.0, 82.0)]),
            &[Prop::Bed(18.0, 162.0, 88.0)],
        ),
        FaceDownHeadOnHands => side(
            (143.0, 93.0), (128.0, 97.0), (84.0, 97.0), 0.0,
            ([(58.0, 102.0), (33.0, 104.0), (26.0, 110.0)], [(57.0, 101.0), (32.0, 103.0), (25.0, 109.0)]),
            ([(124.0, 108.0), (143.0, 104.0)], [(122.0, 107.0), (141.0, 103.0)]),
            &[],
        ),
        FaceDownForearms => side(
            (142.0, 79.0), (128.0, 89.0), (84.0, 95.0), 0.0,
            ([(59.0, 96.0), (34.0, 101.0), (27.0, 109.0)], [(58.0, 97.0), (33.0, 102.0), (26.0, 110.0)]),
            ([(129.0, 108.0), (150.0, 108.0)], [(126.0, 108.0), (147.0, 108.0)]),
            &[],
        ),
        FaceDownKneeOut => side(
            (142.0, 79.0), (128.0, 89.0), (84.0, 95.0), 0.0,
            ([(68.0, 99.0), (46.0, 104.0), (38.0, 108.0)], [(58.0, 99.0), (33.0, 103.0), (26.0, 110.0)]),
            ([(129.0, 108.0), (150.0, 108.0)], [(126.0, 108.0), (147.0, 108.0)]),
            &[],
        ),
        SideLyingForearm => Body {
            far_leg_front: true,
            ..side(
                (36.0, 80.0), (48.0, 89.0), (96.0, 96.0), 0.0,
                ([(122.0, 96.0), (148.0, 99.0), (156.0, 94.0)], [(119.0, 80.0), (133.0, 104.0), (142.0, 109.0)]),
                ([(50.0, 108.0), (32.0, 109.0)], [(68.0, 86.0), (88.0, 88.0)]),
                &[],
            )
        },
        SideLyingArmOverhead => Body {
            far_leg_front: true,
            ..side(
                (36.0, 87.0), (50.0, 93.0), (100.0, 100.0), 0.0,
                ([(126.0, 102.0), (152.0, 104.0), (159.0, 99.0)], [(123.0, 85.0), (137.0, 106.0), (146.0, 110.0)]),
                ([(32.0, 101.0), (16.0, 104.0)], [(70.0, 90.0), (90.0, 92.0)]),
                &[],
            )
        },
        LegsOutHandsBehind => side(
            (47.0, 49.0), (48.0, 60.0), (62.0, 92.0), 3.0,
            ([(87.0, 95.0), (112.0, 97.0), (117.0, 89.0)], [(88.0, 94.0), (113.0, 96.0), (118.0, 88.0)]),
            ([(40.0, 84.0), (32.0, 108.0)], [(38.0, 84.0), (30.0, 108.0)]),
            &[],
        ),
        LegsOut => side(
            (72.0, 58.0), (66.0, 68.0), (46.0, 102.0), 6.0,
            ([(71.0, 104.0), (96.0, 104.0), (100.0, 96.0)], [(72.0, 103.0), (97.0, 103.0), (101.0, 95.0)]),
            ([(70.0, 86.0), (84.0, 96.0)], [(66.0, 85.0), (78.0, 96.0)]),
            &[],
        ),
        SittingAnkleOnKnee => side(
            (51.0, 50.0), (50.0, 61.0), (60.0, 92.0), 0.0,
            ([(74.0, 86.0), (86.0, 73.0), (94.0, 69.0)], [(82.0, 74.0), (96.0, 106.0), (106.0, 110.0)]),
            ([(40.0, 84.0), (32.0, 108.0)], [(38.0, 84.0), (30.0, 108.0)]),
            &[],
        ),
        AllFours => side(
            (137.0, 66.0), (124.0, 72.0), (82.0, 74.0), -2.0,
            ([(84.0, 100.0), (56.0, 97.0), (48.0, 100.0)], [(86.0, 101.0), (58.0, 98.0), (50.0, 101.0)]),
            ([(125.0, 91.0), (127.0, 110.0)], [(122.0, 91.0), (124.0, 110.0)]),
            &[],
        ),
        LegsOutOnBed => side(
            (56.0, 41.0), (54.0, 52.0), (52.0, 82.0), 4.0,
            ([(77.0, 80.0), (102.0, 78.0), (106.0, 70.0)], [(78.0, 79.0), (103.0, 77.0), (107.0, 69.0)]),
            ([(62.0, 68.0), (74.0, 76.0)], [(60.0, 68.0), (72.0, 76.0)]),
            &[Prop::Bed(28.0, 150.0, 88.0)],
        ),
        SittingUpright => side(
            (57.0, 39.0), (54.0, 50.0), (52.0, 81.0), 0.0,
            ([(77.0, 81.0), (79.0, 106.0), (90.0, 110.0)], [(78.0, 80.0), (81.0, 106.0), (92.0, 110.0)]),
            ([(56.0, 68.0), (70.0, 77.0)], [(55.0, 68.0), (69.0, 77.0)]),
            &[CHAIR],
        ),
        LegOnStool => side(
            (57.0, 39.0), (54.0, 50.0), (52.0, 81.0), 0.0,
            ([(76.0, 80.0), (99.0, 88.0), (104.0, 80.0)], [(78.0, 80.0), (81.0, 106.0), (92.0, 110.0)]),
            ([(56.0, 68.0), (70.0, 77.0)], [(55.0, 68.0), (69.0, 77.0)]),
            &[CHAIR, Prop::Stool(84.0, 112.0, 94.0)],
        ),
        LeaningForward => side(
            (80.0, 50.0), (70.0, 57.0), (52.0, 81.0), 5.0,
            ([(77.0, 81.0), (79.0, 106.0), (90.0, 110.0)], [(78.0, 80.0), (81.0, 106.0), (92.0, 110.0)]),
            ([(70.0, 76.0), (74.0, 92.0)], [(68.0, 76.0), (72.0, 92.0)]),
            &[CHAIR],
        ),
        FootOnKnee => side(
            (64.0, 40.0), (59.0, 51.0), (52.0, 81.0), 3.0,
            ([(70.0, 90.0), (81.0, 76.0), (91.0, 73.0)], [(77.0, 79.0), (80.0, 106.0), (91.0, 110.0)]),
            ([(64.0, 68.0), (78.0, 74.0)], [(62.0, 68.0), (76.0, 74.0)]),
            &[CHAIR],
        ),
        AtTable => side(
            (57.0, 39.0), (54.0, 50.0), (52.0, 81.0), 0.0,
            ([(77.0, 81.0), (79.0, 106.0), (90.0, 110.0)], [(78.0, 80.0), (81.0, 106.0), (92.0, 110.0)]),
            ([(72.0, 61.0), (87.0, 64.0)], [(57.0, 68.0), (70.0, 70.0)]),
            &[CHAIR, Prop::Table(60.0, 150.0, 69.0)],
        ),
        FacingWall => side(
            (96.0, 16.0), (94.0, 27.0), (90.0, 58.0), 0.0,
            ([(87.0, 83.0), (84.0, 108.0), (95.0, 110.0)], [(88.0, 83.0), (86.0, 108.0), (97.0, 110.0)]),
            ([(101.0, 43.0), (107.0, 30.0)], [(99.0, 44.0), (106.0, 32.0)]),
            &[Prop::Wall(109.0, false)],
        ),
        BackToWall => side(
            (58.0, 16.0), (57.0, 27.0), (59.0, 58.0), 0.0,
            ([(65.0, 83.0), (67.0, 108.0), (78.0, 110.0)], [(64.0, 83.0), (65.0, 108.0), (76.0, 110.0)]),
            ([(60.0, 45.0), (66.0, 60.0)], [(59.0, 45.0), (64.0, 60.0)]),
            &[Prop::Wall(40.0, true)],
        ),
        SidewaysToWall | AtDoorFrame => Body {
            view: View::Front,
            head: (if pose == AtDoorFrame { 72.0 } else { 74.0 }, 15.0),
            neck: (72.0, 27.0),
            shoulders: ((61.0, 30.0), (84.0, 31.0)),
            hips: ((65.0, 59.0), (81.0, 60.0)),
            bow: 0.0,
            legs: (
                [(68.0, 84.0), (71.0, 108.0), (64.0, 110.0)],
                [(83.0, 84.0), (86.0, 108.0), (93.0, 110.0)],
            ),
            arms: (
                if pose == AtDoorFrame { [(58.0, 48.0), (62.0, 63.0)] } else { [(57.0, 47.0), (58.0, 62.0)] },
                [(87.0, 48.0), (89.0, 63.0)],
            ),
            far_leg_front: false,
            props: if pose == AtDoorFrame { &[Prop::Wall(46.0, true)] } else { &[Prop::Wall(44.0, true)] },
        },
        StandingHoldingChair => side(
            (72.0, 16.0), (71.0, 27.0), (70.0, 58.0), 0.0,
            ([(78.0, 81.0), (85.0, 99.0), (96.0, 100.0)], [(70.0, 83.0), (70.0, 108.0), (81.0, 110.0)]),
            ([(84.0, 43.0), (100.0, 50.0)], [(82.0, 44.0), (98.0, 51.0)]),
            &[Prop::Chair(104.0, 104.0, 130.0, true)],
        ),
    }
}

fn add(a: P, b: P) -> P {
    (a.0 + b.0, a.1 + b.1)
}
fn sub(a: P, b: P) -> P {
    (a.0 - b.0, a.1 - b.1)
}
fn mul(a: P, k: f32) -> P {
    (a.0 * k, a.1 * k)
}
fn len(a: P) -> f32 {
    (a.0 * a.0 + a.1 * a.1).sqrt()
}
fn unit(a: P) -> P {
    let l = len(a);
    if l < 1e-3 {
        (0.0, 1.0)
    } else {
        mul(a, 1.0 / l)
    }
}
fn lerp(a: P, b: P, t: f32) -> P {
    add(a, mul(sub(b, a), t))
}
/// The front normal of a segment drawn from proximal to distal (right side near).
fn front(a: P, b: P) -> P {
    let d = unit(sub(b, a));
    (d.1, -d.0)
}

/// A coordinate with at most one decimal, written with integer formatting only (float
/// formatting would be one more thing for the drawings' part to share with others).
fn num(v: f32) -> String {
    let tenths = (v * 10.0).round() as i32;
    let (sign, t) = if tenths < 0 {
        ("-", -tenths)
    } else {
        ("", tenths)
    };
    match t % 10 {
        0 => format!("{sign}{}", t / 10),
        d => format!("{sign}{}.{d}", t / 10),
    }
}
fn pt(p: P) -> String {
    format!("{} {}", num(p.0), num(p.1))
}
fn line(points: &[P]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&pt(*p));
    }
    d
}
fn circle(c: P, r: f32) -> String {
    format!(
        "M{}a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0",
        pt((c.0 - r, c.1)),
        r = num(r),
        d = num(2.0 * r)
    )
}

/// Limb thicknesses.
const TORSO: f32 = 15.0;
const THIGH: f32 = 10.0;
const SHIN: f32 = 7.5;
const FOOT: f32 = 5.0;
const UPPER_ARM: f32 = 6.5;
const FOREARM: f32 = 5.5;
const HEAD_R: f32 = 7.0;
const EDGE: f32 = 2.4;

/// A segment of the figure, for the highlight and the tool.
struct Seg {
    a: P,
    b: P,
    w: f32,
}

/// Where the worked part is on the skeleton: its segment (proximal to distal).
fn part_seg(b: &Body, part: Part) -> Seg {
    let (near_leg, _) = b.legs;
    let (near_arm, _) = b.arms;
    let hip = b.hips.0;
    let shoulder = b.shoulders.0;
    let torso_top = if b.view == View::Front {
        shoulder
    } else {
        b.neck
    };
    let torso = |t0: f32, t1: f32| Seg {
        a: lerp(torso_top, hip, t0),
        b: lerp(torso_top, hip, t1),
        w: TORSO,
    };
    match part {
        Part::SkullBase => Seg {
            a: b.head,
            b: b.neck,
            w: HEAD_R,
        },
        Part::ShoulderTop => Seg {
            a: lerp(b.neck, shoulder, 0.2),
            b: shoulder,
            w: TORSO,
        },
        Part::UpperChest => torso(0.05, 0.2),
        Part::Chest => torso(0.12, 0.35),
        Part::UpperBack => torso(0.1, 0.4),
        Part::SideOfChest => torso(0.15, 0.45),
        Part::UpperArm => Seg {
            a: shoulder,
            b: near_arm[0],
            w: UPPER_ARM,
        },
        Part::Forearm => Seg {
            a: near_arm[0],
            b: near_arm[1],
            w: FOREARM,
        },
        Part::Palm => {
            let d = unit(sub(near_arm[1], near_arm[0]));
            Seg {
                a: near_arm[1],
                b: add(near_arm[1], mul(d, 7.0)),
                w: FOREARM,
            }
        }
        Part::HipFront | Part::Buttock => Seg {
            a: lerp(hip, near_leg[0], -0.1),
            b: lerp(hip, near_leg[0], 0.25),
            w: THIGH + 3.0,
        },
        Part::Thigh => Seg {
            a: hip,
            b: near_leg[0],
            w: THIGH,
        },
        Part::LowerLeg => Seg {
            a: near_leg[0],
            b: near_leg[1],
            w: SHIN,
        },
        Part::Foot => Seg {
            a: near_leg[1],
            b: near_leg[2],
            w: FOOT + 2.0,
        },
    }
}

/// How far along its segment (proximal to distal) a landmark lies.
fn along(p: Point, part: Part) -> f32 {
    match (p, part) {
        // The upper arm runs from the shoulder to the elbow.
        (Point::Elbow, Part::UpperArm) => return 0.88,
        (Point::HandFromElbow, Part::UpperArm) => return 0.68,
        (Point::BelowShoulder, _) => return 0.12,
        (Point::HandBelowShoulder, _) => return 0.32,
        _ => {}
    }
    match p {
        Point::HipCrease => 0.1,
        Point::BelowHipBone => 0.18,
        Point::AboveKnee => 0.8,
        Point::TwoHandsAboveKnee => 0.6,
        Point::MidThigh => 0.5,
        Point::BelowSittingBone => 0.12,
        Point::AboveAnkle => 0.85,
        Point::MidCalf => 0.5,
        Point::BelowKnee => 0.15,
        Point::HandBelowKnee => 0.32,
        Point::Heel => 0.0,
        Point::MidFoot => 0.5,
        Point::Toes => 0.95,
        Point::Wrist => 0.88,
        Point::HandAboveWrist => 0.68,
        Point::Elbow => 0.12,
        Point::HandFromElbow => 0.32,
        Point::BelowShoulder => 0.12,
        Point::HandBelowShoulder => 0.32,
    }
}

/// The horizontal surfaces things rest on: (x0, x1, y).
fn surfaces(b: &Body) -> Vec<(f32, f32, f32)> {
    let mut out = vec![(0.0, W, FLOOR)];
    for p in b.props {
        match *p {
            Prop::Chair(_, x0, x1, _) => out.push((x0, x1, chair_seat(p))),
            Prop::Stool(x0, x1, y) | Prop::Table(x0, x1, y) | Prop::Bed(x0, x1, y) => {
                out.push((x0, x1, y))
            }
            Prop::Wall(..) => {}
        }
    }
    out
}

fn chair_seat(p: &Prop) -> f32 {
    match p {
        Prop::Chair(..) => 87.0,
        _ => FLOOR,
    }
}

fn wall_x(b: &Body) -> Option<(f32, bool)> {
    b.props.iter().find_map(|p| match *p {
        Prop::Wall(x, left) => Some((x, left)),
        _ => None,
    })
}

/// Two-bone arm: the elbow for a hand at `target` (clamped to reach), elbow bent downward.
fn reach(shoulder: P, target: P, upper: f32, fore: f32) -> (P, P) {
    let d = sub(target, shoulder);
    // A schematic arm may stretch a little rather than leave the hand short of its place.
    let k = (len(d) / (upper + fore - 0.5)).clamp(1.0, 1.3);
    let (upper, fore) = (upper * k, fore * k);
    let dist = len(d).clamp(1.0, upper + fore - 0.5);
    let u = unit(d);
    let hand = add(shoulder, mul(u, dist));
    let a = (upper * upper - fore * fore + dist * dist) / (2.0 * dist);
    let h = (upper * upper - a * a).max(0.0).sqrt();
    let mid = add(shoulder, mul(u, a));
    let n1 = (-u.1, u.0);
    let e1 = add(mid, mul(n1, h));
    let e2 = sub(mid, mul(n1, h));
    let elbow = if e1.1 >= e2.1 { e1 } else { e2 };
    (elbow, hand)
}

/// Lifts a seated body by `dy` above a ball under a buttock or thigh (feet stay down).
fn lift_seated(b: &mut Body, dy: f32) {
    let up = |p: &mut P| p.1 -= dy;
    up(&mut b.head);
    up(&mut b.neck);
    up(&mut b.shoulders.0);
    up(&mut b.shoulders.1);
    up(&mut b.hips.0);
    up(&mut b.hips.1);
    up(&mut b.legs.0[0]);
    up(&mut b.legs.1[0]);
    for arm in [&mut b.arms.0, &mut b.arms.1] {
        for p in arm.iter_mut() {
            p.1 -= dy;
        }
    }
}

fn stroke(marks: &mut Vec<Mark>, class: &'static str, pts: &[P], w: f32) {
    marks.push(Mark {
        class,
        d: line(pts),
        width: w,
    });
}

/// A body part drawn as an outlined capsule chain, in two passes (edges, then fills) so
/// joined parts read as one silhouette.
struct Layer {
    parts: Vec<(Vec<P>, f32)>,
    heads: Vec<(P, f32)>,
}

impl Layer {
    fn new() -> Layer {
        Layer {
            parts: Vec::new(),
            heads: Vec::new(),
        }
    }
    fn add(&mut self, pts: &[P], w: f32) {
        self.parts.push((pts.to_vec(), w));
    }
    fn draw(&self, marks: &mut Vec<Mark>, fill: &'static str) {
        for (pts, w) in &self.parts {
            stroke(marks, "pf-edge", pts, w + EDGE);
        }
        for (c, r) in &self.heads {
            marks.push(Mark {
                class: "pf-edge-fill",
                d: circle(*c, r + EDGE / 2.0),
                width: 0.0,
            });
        }
        for (pts, w) in &self.parts {
            stroke(marks, fill, pts, *w);
        }
        for (c, r) in &self.heads {
            marks.push(Mark {
                class: if fill == "pf-far" {
                    "pf-far-fill"
                } else {
                    "pf-body-fill"
                },
                d: circle(*c, *r),
                width: 0.0,
            });
        }
    }
}

fn leg(l: &mut Layer, hip: P, leg: [P; 3]) {
    l.add(&[hip, leg[0]], THIGH);
    l.add(&[leg[0], leg[1]], SHIN);
    l.add(&[leg[1], leg[2]], FOOT);
}

fn arm(l: &mut Layer, shoulder: P, arm: [P; 2]) {
    l.add(&[shoulder, arm[0]], UPPER_ARM);
    l.add(&[arm[0], arm[1]], FOREARM);
    let d = unit(sub(arm[1], arm[0]));
    l.add(&[arm[1], add(arm[1], mul(d, 5.0))], FOREARM + 1.0);
}

/// The extent of a drawing: (min x, min y, max x, max y).
type Bounds = (f32, f32, f32, f32);

fn grow(bx: &mut Bounds, p: P, r: f32) {
    bx.0 = bx.0.min(p.0 - r);
    bx.1 = bx.1.min(p.1 - r);
    bx.2 = bx.2.max(p.0 + r);
    bx.3 = bx.3.max(p.1 + r);
}

/// The extent of the figure, its props and the tool.
fn bounds(b: &Body, tool: Option<(P, f32)>) -> Bounds {
    let mut bx = (W, FLOOR, 0.0, FLOOR);
    grow(&mut bx, b.head, HEAD_R + 2.0);
    for p in [b.neck, b.shoulders.0, b.shoulders.1, b.hips.0, b.hips.1] {
        grow(&mut bx, p, 9.0);
    }
    for p in b.legs.0.iter().chain(b.legs.1.iter()) {
        grow(&mut bx, *p, 6.0);
    }
    for p in b.arms.0.iter().chain(b.arms.1.iter()) {
        grow(&mut bx, *p, 9.0);
    }
    if let Some((c, r)) = tool {
        grow(&mut bx, c, r + 5.0);
    }
    for p in b.props {
        match *p {
            Prop::Wall(x, _) => grow(&mut bx, (x, FLOOR), 9.0),
            Prop::Chair(back, x0, x1, _) => {
                let seat = chair_seat(p);
                grow(&mut bx, (back, seat - 40.0), 3.0);
                grow(&mut bx, (x0, seat), 3.0);
                grow(&mut bx, (x1, seat), 3.0);
            }
            Prop::Stool(x0, x1, y) | Prop::Table(x0, x1, y) | Prop::Bed(x0, x1, y) => {
                grow(&mut bx, (x0, y), 3.0);
                grow(&mut bx, (x1, y), 3.0);
            }
        }
    }
    (bx.0.max(0.0), (bx.1 - 4.0).max(0.0), bx.2.min(W), FLOOR)
}

fn props(marks: &mut Vec<Mark>, b: &Body, bx: Bounds) {
    stroke(
        marks,
        "pf-ground",
        &[(bx.0 + 2.0, FLOOR), (bx.2 - 2.0, FLOOR)],
        2.0,
    );
    for p in b.props {
        match *p {
            Prop::Wall(x, left) => {
                let top = bx.1;
                stroke(marks, "pf-ground", &[(x, top), (x, FLOOR)], 2.0);
                let s = if left { -1.0 } else { 1.0 };
                let mut d = String::new();
                let mut y = top + 6.0;
                while y < FLOOR {
                    d.push_str(&format!("M{}L{}", pt((x, y)), pt((x + 6.0 * s, y - 6.0))));
                    y += 10.0;
                }
                marks.push(Mark {
                    class: "pf-hatch",
                    d,
                    width: 1.2,
                });
            }
            Prop::Chair(back, x0, x1, back_left) => {
                let seat = chair_seat(p);
                let (bx, fx) = if back_left { (x0, x1) } else { (x1, x0) };
                stroke(
                    marks,
                    "pf-prop",
                    &[(back, seat - 40.0), (bx, seat), (fx, seat)],
                    3.0,
                );
                stroke(
                    marks,
                    "pf-prop",
                    &[
                        (bx + 2.0 * if back_left { 1.0 } else { -1.0 }, seat),
                        (bx + 2.0 * if back_left { 1.0 } else { -1.0 }, FLOOR),
                    ],
                    2.5,
                );
                stroke(
                    marks,
                    "pf-prop",
                    &[
                        (fx - 2.0 * if back_left { 1.0 } else { -1.0 }, seat),
                        (fx - 2.0 * if back_left { 1.0 } else { -1.0 }, FLOOR),
                    ],
                    2.5,
                );
            }
            Prop::Stool(x0, x1, y) => {
                stroke(marks, "pf-prop", &[(x0, y), (x1, y)], 3.0);
                stroke(marks, "pf-prop", &[(x0 + 3.0, y), (x0 + 3.0, FLOOR)], 2.5);
                stroke(marks, "pf-prop", &[(x1 - 3.0, y), (x1 - 3.0, FLOOR)], 2.5);
            }
            Prop::Table(x0, x1, y) => {
                stroke(marks, "pf-prop", &[(x0, y), (x1, y)], 3.0);
                stroke(marks, "pf-prop", &[(x1 - 4.0, y), (x1 - 4.0, FLOOR)], 2.5);
            }
            Prop::Bed(x0, x1, y) => {
                marks.push(Mark {
                    class: "pf-bed",
                    d: format!("M{}H{}V{}H{}Z", pt((x0, y)), num(x1), num(y + 9.0), num(x0)),
                    width: 2.0,
                });
                stroke(
                    marks,
                    "pf-prop",
                    &[(x0 + 4.0, y + 9.0), (x0 + 4.0, FLOOR)],
                    2.5,
                );
                stroke(
                    marks,
                    "pf-prop",
                    &[(x1 - 4.0, y + 9.0), (x1 - 4.0, FLOOR)],
                    2.5,
                );
            }
        }
    }
}

fn tool_marks(marks: &mut Vec<Mark>, tool: Tool, c: P, r: f32, along_dir: P) {
    match tool {
        Tool::SoftRoller | Tool::MediumRoller => {
            marks.push(Mark {
                class: "pf-tool",
                d: circle(c, r),
                width: 1.8,
            });
            marks.push(Mark {
                class: "pf-tool-line",
                d: circle(c, r * 0.45),
                width: 1.2,
            });
        }
        Tool::RollingPin => {
            marks.push(Mark {
                class: "pf-tool",
                d: circle(c, r),
                width: 1.8,
            });
            let h = mul(unit(along_dir), r + 4.0);
            stroke(marks, "pf-tool-line", &[sub(c, h), add(c, h)], 2.0);
        }
        Tool::TennisBall | Tool::RubberBall | Tool::LacrosseBall => {
            marks.push(Mark {
                class: "pf-tool",
                d: circle(c, r),
                width: 1.8,
            });
            if tool == Tool::TennisBall {
                let s = r * 0.75;
                marks.push(Mark {
                    class: "pf-tool-line",
                    d: format!(
                        "M{}q{} {} 0 {}",
                        pt((c.0 - s * 0.4, c.1 - s)),
                        num(s * 0.9),
                        num(s),
                        num(2.0 * s)
                    ),
                    width: 1.1,
                });
            }
        }
        Tool::Hands => {}
    }
}

/// An arrow from `a` to `b`, with a head at `b` (and at `a` when `both`).
fn arrow(marks: &mut Vec<Mark>, a: P, b: P, both: bool) {
    stroke(marks, "pf-arrow", &[a, b], 2.2);
    let head = |tip: P, from: P| {
        let d = unit(sub(tip, from));
        let n = (-d.1, d.0);
        let base = sub(tip, mul(d, 6.0));
        format!(
            "M{}L{}L{}Z",
            pt(tip),
            pt(add(base, mul(n, 3.6))),
            pt(sub(base, mul(n, 3.6)))
        )
    };
    let mut d = head(b, a);
    if both {
        d.push_str(&head(a, b));
    }
    marks.push(Mark {
        class: "pf-arrowhead",
        d,
        width: 0.0,
    });
}

/// Composes the drawing.
pub fn scene(dr: &Drawing) -> Scene {
    let mut b = body(dr.pose);
    let area = dr.area();
    let part = area.map_or(Part::Thigh, |a| a.part);
    let face = area.map_or(Face::Outer, |a| a.face);
    // A ball under a buttock or thigh on a chair lifts the body a little; one under the foot
    // lifts the foot.
    if dr.placement == Placement::Under && matches!(dr.pose, Pose::SittingUpright) {
        match part {
            Part::Buttock | Part::Thigh => lift_seated(&mut b, 8.0),
            Part::Foot => {
                b.legs.0[1] = (81.0, 97.0);
                b.legs.0[2] = (93.0, 99.0);
                b.legs.0[0].1 -= 2.0;
            }
            _ => {}
        }
    }
    if dr.pose == Pose::AtTable {
        // The worked arm rests forward on the table (on the ball).
        b.arms.0 = if part == Part::UpperArm {
            [(71.0, 61.0), (88.0, 61.0)]
        } else {
            [(71.0, 58.0), (89.0, 57.0)]
        };
    }
    let mut seg = part_seg(&b, part);
    let (t0, t1) = match dr.path {
        Some(p) => (along(p.from, part), along(p.to, part)),
        None => (0.2, 0.8),
    };
    let tm = (t0 + t1) / 2.0;
    // On the floor or a bed, the body rests on the tool: the worked part is lifted by the
    // tool's size, the rest of the body following softly (hands and feet stay down).
    let nominal = match dr.tool {
        Tool::SoftRoller | Tool::MediumRoller => 14.0,
        Tool::RollingPin => 8.0,
        _ => 10.0,
    };
    let on_ground = dr.pose.lying()
        || matches!(
            dr.pose,
            Pose::LegsOutHandsBehind
                | Pose::LegsOut
                | Pose::SittingAnkleOnKnee
                | Pose::AllFours
                | Pose::LegsOutOnBed
        );
    for _ in 0..4 {
        if dr.placement != Placement::Under || !on_ground {
            break;
        }
        let c = lerp(seg.a, seg.b, tm);
        let support = surfaces(&b)
            .into_iter()
            .filter(|(x0, x1, y)| *x0 <= c.0 && c.0 <= *x1 && *y >= c.1)
            .map(|(_, _, y)| y)
            .fold(FLOOR, f32::min);
        let need = nominal - (support - (c.1 + seg.w / 2.0));
        if need > 0.5 {
            let lift = |p: &mut P| {
                let k = (1.0 - len(sub(*p, c)) / 55.0).clamp(0.0, 1.0);
                p.1 -= need * k;
            };
            lift(&mut b.head);
            lift(&mut b.neck);
            lift(&mut b.shoulders.0);
            lift(&mut b.shoulders.1);
            lift(&mut b.hips.0);
            lift(&mut b.hips.1);
            for l in [&mut b.legs.0, &mut b.legs.1] {
                lift(&mut l[0]);
                if part == Part::LowerLeg || part == Part::Foot {
                    lift(&mut l[1]);
                    lift(&mut l[2]);
                }
            }
            for a in [&mut b.arms.0, &mut b.arms.1] {
                if !matches!(
                    dr.pose,
                    Pose::LegsOutHandsBehind
                        | Pose::SittingAnkleOnKnee
                        | Pose::AllFours
                        | Pose::FaceDownForearms
                        | Pose::FaceDownKneeOut
                        | Pose::SideLyingForearm
                        | Pose::SideLyingArmOverhead
                ) {
                    lift(&mut a[0]);
                    lift(&mut a[1]);
                }
            }
            seg = part_seg(&b, part);
        } else {
            break;
        }
    }
    let dir = unit(sub(seg.b, seg.a));
    let fnorm = match b.view {
        View::Side => front(seg.a, seg.b),
        // Seen from the front: "outward" for the person's right is the viewer's left.
        View::Front => (-1.0, 0.0),
    };
    let anat = match face {
        Face::Front | Face::Top => fnorm,
        Face::Back | Face::Under => mul(fnorm, -1.0),
        Face::Inner | Face::Outer if b.view == View::Front => fnorm,
        Face::Inner | Face::Outer => fnorm,
    };
    let center = lerp(seg.a, seg.b, tm);
    let half = seg.w / 2.0;

    // Where the tool (or hand) goes, and which way the area faces it.
    let mut tool_at: Option<(P, f32)> = None;
    let toward: P;
    match dr.placement {
        Placement::Under => {
            let x = center.0;
            let top = center.1 + half;
            let y = surfaces(&b)
                .into_iter()
                .filter(|(x0, x1, y)| *x0 <= x && x <= *x1 && *y >= top - 2.0)
                .map(|(_, _, y)| y)
                .fold(FLOOR, f32::min);
            let r = if on_ground {
                nominal / 2.0
            } else {
                ((y - top) / 2.0).clamp(3.8, 7.5)
            };
            tool_at = Some(((x, y - r), r));
            toward = (0.0, 1.0);
        }
        Placement::Against => {
            let (wx, left) = wall_x(&b).unwrap_or((0.0, true));
            let s = if left { -1.0 } else { 1.0 };
            let edge = center.0 + s * half;
            let r = ((wx - edge).abs() / 2.0).clamp(3.8, 7.5);
            let y = if part == Part::ShoulderTop {
                center.1 - 4.0
            } else {
                center.1
            };
            tool_at = Some(((wx - s * r, y), r));
            toward = (s, 0.0);
        }
        Placement::InHand => {
            let r = if matches!(dr.tool, Tool::RollingPin) {
                3.8
            } else {
                4.5
            };
            tool_at = Some((add(center, mul(anat, half + r - 0.5)), r));
            toward = anat;
        }
        Placement::Hands => toward = anat,
    }

    // The working hand: the near one, or the far one for the near arm itself and the chest.
    let other_hand = matches!(
        part,
        Part::UpperArm
            | Part::Forearm
            | Part::Palm
            | Part::Chest
            | Part::UpperChest
            | Part::ShoulderTop
    );
    let reachable = !dr.fallback
        || matches!(
            part,
            Part::UpperChest
                | Part::Chest
                | Part::ShoulderTop
                | Part::UpperArm
                | Part::Forearm
                | Part::Palm
                | Part::HipFront
                | Part::Thigh
                | Part::SkullBase
        );
    let hand_target = match dr.placement {
        Placement::InHand => tool_at.map(|(c, _)| c),
        Placement::Hands if reachable => Some(add(center, mul(anat, half + 4.0))),
        _ => None,
    };
    if let Some(target) = hand_target {
        let shoulder = if b.view == View::Front {
            b.shoulders.0
        } else {
            b.neck
        };
        let shoulder = add(shoulder, (0.0, 2.0));
        let (elbow, hand) = reach(shoulder, target, 19.0, 16.0);
        if other_hand {
            b.arms.1 = [elbow, hand];
        } else {
            b.arms.0 = [elbow, hand];
            if dr.placement == Placement::InHand && matches!(part, Part::Thigh | Part::LowerLeg) {
                let (e2, h2) = reach(
                    add(shoulder, (-1.5, 0.5)),
                    add(target, mul(dir, 5.0)),
                    19.0,
                    16.0,
                );
                b.arms.1 = [e2, h2];
            }
        }
    }

    let bx = bounds(&b, tool_at);
    let mut marks = Vec::new();
    props(&mut marks, &b, bx);

    // Back layer: the far limbs (lighter).
    let (near_leg, far_leg) = b.legs;
    let far_arm = b.arms.1;
    let mut back = Layer::new();
    let mut main = Layer::new();
    let mut front_layer = Layer::new();
    let far_shoulder = if b.view == View::Front {
        b.shoulders.1
    } else {
        add(b.neck, (0.0, 1.0))
    };
    let near_shoulder = if b.view == View::Front {
        b.shoulders.0
    } else {
        b.neck
    };
    if b.view == View::Front {
        leg(&mut main, b.hips.1, far_leg);
        arm(&mut main, far_shoulder, far_arm);
    } else if b.far_leg_front {
        leg(&mut front_layer, b.hips.1, far_leg);
        arm(&mut front_layer, far_shoulder, far_arm);
    } else {
        leg(&mut back, b.hips.1, far_leg);
        arm(&mut back, far_shoulder, far_arm);
    }
    back.draw(&mut marks, "pf-far");

    // Main layer: torso, head, near leg (and in a front view everything).
    let hip_mid = if b.view == View::Front {
        lerp(b.hips.0, b.hips.1, 0.5)
    } else {
        b.hips.0
    };
    if b.view == View::Front {
        let (s0, s1) = b.shoulders;
        let (h0, h1) = b.hips;
        main.add(&[lerp(s0, s1, 0.5), lerp(h0, h1, 0.5)], 18.0);
        main.add(&[s0, s1], 8.0);
        main.add(&[h0, h1], 10.0);
    } else {
        // The spine as a bowed line: neck to hip through a point pushed backwards.
        let mid = lerp(b.neck, hip_mid, 0.5);
        let back_dir = mul(front(b.neck, hip_mid), -1.0);
        let bowed = add(mid, mul(back_dir, b.bow));
        main.add(
            &[
                b.neck,
                lerp(b.neck, bowed, 0.9),
                bowed,
                lerp(bowed, hip_mid, 0.1),
                hip_mid,
            ],
            TORSO,
        );
    }
    main.add(&[b.neck, lerp(b.neck, b.head, 0.6)], 6.0);
    main.heads.push((b.head, HEAD_R));
    leg(&mut main, b.hips.0, near_leg);
    // The near arm is in the main layer unless it does the work (then it comes in front).
    let near_works = hand_target.is_some() && !other_hand;
    if !near_works && !b.far_leg_front {
        arm(&mut main, near_shoulder, b.arms.0);
    }
    main.draw(&mut marks, "pf-body");

    // The worked area, on the face that meets the tool (or the hand).
    let hl_n = match dr.placement {
        Placement::Under | Placement::Against => toward,
        _ => anat,
    };
    let offset = if matches!(part, Part::SkullBase) {
        HEAD_R * 0.55
    } else {
        half * 0.45
    };
    let a0 = add(lerp(seg.a, seg.b, t0.min(t1).max(0.0)), mul(hl_n, offset));
    let a1 = add(lerp(seg.a, seg.b, t1.max(t0).min(1.0)), mul(hl_n, offset));
    let hw = if matches!(part, Part::SkullBase) {
        4.5
    } else {
        (half * 0.9).max(4.0)
    };
    let (a0, a1) = if len(sub(a1, a0)) < 4.0 {
        (sub(a0, mul(dir, 2.5)), add(a1, mul(dir, 2.5)))
    } else {
        (a0, a1)
    };
    let by_hand = matches!(dr.placement, Placement::InHand | Placement::Hands);
    let highlight = |marks: &mut Vec<Mark>| {
        stroke(marks, "pf-area-edge", &[a0, a1], hw + 2.0);
        stroke(marks, "pf-area", &[a0, a1], hw);
    };
    if !by_hand {
        highlight(&mut marks);
    }
    // A tool under or against the body, touching the worked area.
    if let (Some((c, r)), Placement::Under | Placement::Against) = (tool_at, dr.placement) {
        tool_marks(&mut marks, dr.tool, c, r, dir);
    }

    if b.far_leg_front {
        arm(&mut front_layer, near_shoulder, b.arms.0);
    }
    if hand_target.is_some() {
        if other_hand {
            arm(&mut front_layer, far_shoulder, b.arms.1);
        } else {
            arm(&mut front_layer, near_shoulder, b.arms.0);
            if dr.placement == Placement::InHand && matches!(part, Part::Thigh | Part::LowerLeg) {
                arm(&mut front_layer, far_shoulder, b.arms.1);
            }
        }
    }
    front_layer.draw(&mut marks, "pf-body");
    if by_hand {
        highlight(&mut marks);
    }
    if let (Some((c, r)), Placement::InHand) = (tool_at, dr.placement) {
        tool_marks(&mut marks, dr.tool, c, r, dir);
    }

    // The motion.
    let away = mul(hl_n, -1.0);
    let beyond = match (dr.placement, tool_at) {
        (Placement::InHand, Some((_, r))) => half + 2.0 * r + 5.0,
        (Placement::Hands, _) => half + 9.0,
        _ => half + 5.0,
    };
    let by_hand = matches!(dr.placement, Placement::InHand | Placement::Hands);
    let out_dir = if by_hand { anat } else { away };
    match (dr.motion, dr.path) {
        (Motion::Hold, _) => {}
        (Motion::Roll, _) | (Motion::Press, Some(_)) => {
            let (u0, u1) = if dr.path.is_some() {
                (t0, t1)
            } else {
                (tm - 0.22, tm + 0.22)
            };
            let l = len(sub(seg.b, seg.a));
            let (u0, u1) = if (u1 - u0).abs() * l < 14.0 {
                (tm - 7.0 / l, tm + 7.0 / l)
            } else {
                (u0, u1)
            };
            let p0 = add(lerp(seg.a, seg.b, u0), mul(out_dir, beyond));
            let p1 = add(lerp(seg.a, seg.b, u1), mul(out_dir, beyond));
            arrow(&mut marks, p0, p1, true);
        }
        (Motion::Press, None) => {
            // Toward the tool: the body presses into it, or the hand presses it in.
            let tip = add(center, mul(out_dir, beyond - 3.0));
            let tail = add(tip, mul(out_dir, 11.0));
            arrow(&mut marks, tail, tip, false);
        }
    }

    let mirrored = dr.side == Side::Left;
    let label = match dr.side {
        Side::Left => "Left side",
        Side::Right => "Right side",
        Side::Mid => "",
    };
    // The label goes in the top corner away from a wall (walls swap sides when mirrored).
    let wall_left = wall_x(&b).is_some_and(|(x, _)| x < W / 2.0);
    let label_end = wall_left != mirrored;
    // The frame: the figure's extent with a margin; a mirrored figure lies at W - x.
    let (x0, x1) = ((bx.0 - 6.0).max(0.0), (bx.2 + 6.0).min(W));
    let (vx, vw) = if mirrored {
        (W - x1, x1 - x0)
    } else {
        (x0, x1 - x0)
    };
    let vy = (bx.1 - 3.0).max(0.0);
    let vh = FLOOR + 3.0 - vy;
    let view_box = format!("{} {} {} {}", num(vx), num(vy), num(vw), num(vh));
    Scene {
        marks,
        mirrored,
        label,
        label_end,
        view_box,
    }
}

/// A drawing ready to show: its text alternative, its pose (for tests and styling) and what
/// to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// The text alternative: the position, the tool and where it goes, the motion, the side.
    pub words: String,
    /// The pose, by name.
    pub pose: &'static str,
    /// What to draw.
    pub scene: Scene,
    /// The stroke width of each mark, written out (empty: the class decides).
    pub widths: Vec<String>,
}

/// The picture of a step as a plan or a guided session keeps it, or `None` when it cannot be
/// drawn safely (see [`crate::domain::knowledge::pose::variant_for`]).
pub fn picture(
    region: crate::domain::knowledge::region::RegionId,
    side: Side,
    position: crate::domain::knowledge::technique::Position,
    tool: Tool,
    cue: &str,
    zone: Option<crate::domain::knowledge::technique::Zone>,
) -> Option<Picture> {
    let d = crate::domain::knowledge::pose::for_step(region, side, position, tool, cue, zone)?;
    let scene = scene(&d);
    let widths = scene
        .marks
        .iter()
        .map(|m| {
            if m.width > 0.0 {
                num(m.width)
            } else {
                String::new()
            }
        })
        .collect();
    Some(Picture {
        words: d.words(),
        pose: pose_name(d.pose),
        scene,
        widths,
    })
}

/// The name of a pose, as the `data-pose` attribute gives it.
pub const fn pose_name(p: Pose) -> &'static str {
    match p {
        Pose::BackOnFloor => "BackOnFloor",
        Pose::BackHandsBehindHead => "BackHandsBehindHead",
        Pose::BackAnkleOnKnee => "BackAnkleOnKnee",
        Pose::BackOnBed => "BackOnBed",
        Pose::FaceDownHeadOnHands => "FaceDownHeadOnHands",
        Pose::FaceDownForearms => "FaceDownForearms",
        Pose::FaceDownKneeOut => "FaceDownKneeOut",
        Pose::SideLyingForearm => "SideLyingForearm",
        Pose::SideLyingArmOverhead => "SideLyingArmOverhead",
        Pose::LegsOutHandsBehind => "LegsOutHandsBehind",
        Pose::LegsOut => "LegsOut",
        Pose::SittingAnkleOnKnee => "SittingAnkleOnKnee",
        Pose::AllFours => "AllFours",
        Pose::LegsOutOnBed => "LegsOutOnBed",
        Pose::SittingUpright => "SittingUpright",
        Pose::LegOnStool => "LegOnStool",
        Pose::LeaningForward => "LeaningForward",
        Pose::FootOnKnee => "FootOnKnee",
        Pose::AtTable => "AtTable",
        Pose::FacingWall => "FacingWall",
        Pose::SidewaysToWall => "SidewaysToWall",
        Pose::BackToWall => "BackToWall",
        Pose::AtDoorFrame => "AtDoorFrame",
        Pose::StandingHoldingChair => "StandingHoldingChair",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::pose::for_variant;
    use crate::domain::knowledge::region::Laterality;
    use crate::domain::knowledge::technique::{HANDS_FALLBACK, TECHNIQUES, THORACIC_ROLLER};

    fn numbers(d: &str) -> Vec<f32> {
        d.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|s| s.parse().ok())
            .collect()
    }

    #[test]
    fn every_drawing_composes_inside_the_frame() {
        for t in TECHNIQUES.iter().chain(std::iter::once(&THORACIC_ROLLER)) {
            let sides: &[Side] = match t.region.def().laterality {
                Laterality::Bilateral => &[Side::Left, Side::Right],
                Laterality::Midline => &[Side::Mid],
            };
            for v in t.variants.iter().chain(std::iter::once(&HANDS_FALLBACK)) {
                for s in sides {
                    for tool in v.tools {
                        let d = for_variant(t.region, *s, v, *tool, &[]);
                        let d = d.unwrap_or_else(|| panic!("{}", t.region.key()));
                        let sc = scene(&d);
                        assert!(
                            sc.marks.iter().any(|m| m.class == "pf-area"),
                            "{}",
                            t.region.key()
                        );
                        assert_eq!(sc.mirrored, *s == Side::Left);
                        if *tool != Tool::Hands {
                            assert!(
                                sc.marks.iter().any(|m| m.class == "pf-tool"),
                                "{} {:?}",
                                t.region.key(),
                                d.pose
                            );
                        }
                        if v.motion != Motion::Hold {
                            assert!(sc.marks.iter().any(|m| m.class == "pf-arrow"));
                        }
                        for m in &sc.marks {
                            assert!(!m.d.contains("NaN") && !m.d.contains("inf"), "{}", m.d);
                            if m.d.contains('a') || m.d.contains('q') {
                                continue;
                            }
                            for n in numbers(&m.d) {
                                assert!(
                                    (-2.0..=W + 2.0).contains(&n),
                                    "{} {:?}: {n} in {}",
                                    t.region.key(),
                                    d.pose,
                                    m.d
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_with_one_decimal_at_most() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.46), "-0.5");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(0.04), "0");
    }

    #[test]
    fn pose_names_are_the_variant_names() {
        for p in Pose::ALL {
            assert_eq!(pose_name(p), format!("{p:?}"));
        }
    }

    #[test]
    fn an_arm_reaches_what_it_can() {
        let (e, h) = reach((0.0, 0.0), (20.0, 20.0), 19.0, 16.0);
        assert!((len(sub(e, (0.0, 0.0))) - 19.0).abs() < 0.1);
        assert!((len(sub(h, e)) - 16.0).abs() < 0.1);
        assert!(len(sub(h, (20.0, 20.0))) < 0.1);
        // A little beyond reach, the arm stretches to the target; far beyond, it stops at
        // 1.3 times its length.
        let (_, near) = reach((0.0, 0.0), (40.0, 0.0), 19.0, 16.0);
        assert!((near.0 - 40.0).abs() < 0.1);
        let (_, far) = reach((0.0, 0.0), (100.0, 0.0), 19.0, 16.0);
        assert!(far.0 <= 45.01 && far.0 > 44.0, "{far:?}");
    }
}
