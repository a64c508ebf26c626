//! Trends from the check-ins (a list of [`CheckIn`]s, oldest first as kept): total tension and how far apart the two sides are per day, one
//! region's left and right over time, first map against latest, and the geometry of the
//! charts (whole SVG units, so the UI only draws what is computed and tested here).
//!
//! - **Total tension** of a map is the sum of the severities (0–3) of all its marks.
//! - **Side gap** is Σ|left − right| over the regions whose two sides are both marked, in
//!   severity points: 0 means both sides feel the same, and it can only grow when the sides
//!   move apart. (It replaced a ratio, Σ|left − right| / Σ(left + right), that jumped toward
//!   100 % as a person improved: left 2 and right 1 is 33 %, left 1 and right 0 is 100 %;
//!   issue #13.) No such pair means no value (not 0), since an unmarked side is unknown, not
//!   fine.
//! - A day's value is that of its **latest** check-in (how the day ended).

use crate::domain::calendar::{self, LocalTime};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::history::CheckIn;

/// Sum of severities of all marks.
pub fn total(map: &BodyMap) -> u32 {
    map.marks().map(|m| u32::from(m.severity.get())).sum()
}

fn pairs(map: &BodyMap) -> impl Iterator<Item = (u8, u8)> + '_ {
    RegionId::all()
        .filter(|r| r.def().is_bilateral())
        .filter_map(move |region| {
            let l = map.get(RegionSide {
                region,
                side: Side::Left,
            })?;
            let r = map.get(RegionSide {
                region,
                side: Side::Right,
            })?;
            Some((l.severity.get(), r.severity.get()))
        })
}

/// Number of regions whose two sides are marked differently.
pub fn uneven_pairs(map: &BodyMap) -> usize {
    pairs(map).filter(|(l, r)| l != r).count()
}

/// How far apart the two sides are, in severity points: Σ|left − right| over the regions
/// whose two sides are both marked; `None` when no region has both sides marked. Lower is
/// better, 0 means both sides feel the same.
pub fn side_gap(map: &BodyMap) -> Option<u32> {
    let mut gap = None;
    for (l, r) in pairs(map) {
        *gap.get_or_insert(0) += u32::from(l.abs_diff(r));
    }
    gap
}

/// One day's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayPoint {
    /// Local day number.
    pub day: i64,
    /// Total tension of the day's latest check-in.
    pub total: u32,
    /// How far apart its two sides are ([`side_gap`]), if any pair was marked.
    pub gap: Option<u32>,
}

/// Check-ins with a readable time, oldest first, with their local day.
fn dated<'a>(checkins: &'a [CheckIn], tz: LocalTime<'_>) -> Vec<(i64, i64, &'a CheckIn)> {
    let mut v: Vec<(i64, i64, &CheckIn)> = checkins
        .iter()
        .filter_map(|c| {
            let ms = calendar::parse_iso_ms(&c.at)?;
            Some((calendar::local_day(ms, tz), ms, c))
        })
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.2.id.cmp(&b.2.id)));
    v
}

/// The latest check-in of each day, oldest day first.
fn per_day<'a>(checkins: &'a [CheckIn], tz: LocalTime<'_>) -> Vec<(i64, &'a CheckIn)> {
    let mut out: Vec<(i64, &CheckIn)> = Vec::new();
    for (day, _, c) in dated(checkins, tz) {
        match out.last_mut() {
            Some(last) if last.0 == day => last.1 = c,
            _ => out.push((day, c)),
        }
    }
    out
}

/// Total tension and side gap per day, oldest first.
pub fn daily(checkins: &[CheckIn], tz: LocalTime<'_>) -> Vec<DayPoint> {
    per_day(checkins, tz)
        .into_iter()
        .map(|(day, c)| DayPoint {
            day,
            total: total(&c.map),
            gap: side_gap(&c.map),
        })
        .collect()
}

/// One region's two sides on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SidePoint {
    /// Local day number.
    pub day: i64,
    /// Severity of the left side, if marked.
    pub left: Option<u8>,
    /// Severity of the right side, if marked.
    pub right: Option<u8>,
}

/// Left and right of `region` per day (days where neither side is marked are left out).
pub fn region_series(checkins: &[CheckIn], region: RegionId, tz: LocalTime<'_>) -> Vec<SidePoint> {
    let side = |c: &CheckIn, side| {
        c.map
            .get(RegionSide { region, side })
            .map(|m| m.severity.get())
    };
    per_day(checkins, tz)
        .into_iter()
        .map(|(day, c)| SidePoint {
            day,
            left: side(c, Side::Left),
            right: side(c, Side::Right),
        })
        .filter(|p| p.left.is_some() || p.right.is_some())
        .collect()
}

/// Bilateral regions marked in any check-in, most often marked first (catalogue order on ties).
pub fn tracked_regions(checkins: &[CheckIn]) -> Vec<RegionId> {
    let mut counts: Vec<(RegionId, usize)> = RegionId::all()
        .filter(|r| r.def().is_bilateral())
        .map(|region| {
            let n = checkins
                .iter()
                .filter(|c| {
                    [Side::Left, Side::Right]
                        .iter()
                        .any(|&side| c.map.get(RegionSide { region, side }).is_some())
                })
                .count();
            (region, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(r, _)| r).collect()
}

/// The first and the latest check-in (by time); `None` with fewer than one.
pub fn first_and_latest<'a>(
    checkins: &'a [CheckIn],
    tz: LocalTime<'_>,
) -> Option<(&'a CheckIn, &'a CheckIn)> {
    let v = dated(checkins, tz);
    Some((v.first()?.2, v.last()?.2))
}

fn change_words(from: u32, to: u32, unit: &str) -> String {
    match to.cmp(&from) {
        std::cmp::Ordering::Less => format!("down {}{unit}", from - to),
        std::cmp::Ordering::Greater => format!("up {}{unit}", to - from),
        std::cmp::Ordering::Equal => "no change".to_string(),
    }
}

/// A plain summary of the daily totals for screen readers and as a caption.
pub fn summary_daily(points: &[DayPoint], this_year: Option<i64>) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return "No check-ins yet.".to_string();
    };
    let d = |p: &DayPoint| calendar::short_date(p.day, this_year);
    if points.len() == 1 {
        return format!(
            "One day so far: total tension {} on {}. Lower is better.",
            first.total,
            d(first)
        );
    }
    let mut s = format!(
        "{} days with a check-in. Total tension went from {} on {} to {} on {} ({}).",
        points.len(),
        first.total,
        d(first),
        last.total,
        d(last),
        change_words(first.total, last.total, "")
    );
    if let Some(low) = points.iter().min_by_key(|p| (p.total, -p.day)) {
        s.push_str(&format!(" Lowest total: {} on {}.", low.total, d(low)));
    }
    s.push_str(" Lower is better.");
    s
}

/// A plain summary of how far apart the sides were, day by day, saying which way is better.
pub fn summary_gap(points: &[DayPoint], this_year: Option<i64>) -> String {
    let gaps: Vec<(&DayPoint, u32)> = points
        .iter()
        .filter_map(|p| p.gap.map(|g| (p, g)))
        .collect();
    let d = |p: &DayPoint| calendar::short_date(p.day, this_year);
    let apart = |n: u32| match n {
        0 => "the same on both sides".to_string(),
        1 => "1 point apart".to_string(),
        n => format!("{n} points apart"),
    };
    match (gaps.first(), gaps.last()) {
        (Some((pf, gf)), Some((pl, gl))) if gaps.len() > 1 => {
            let trend = match gl.cmp(gf) {
                std::cmp::Ordering::Less => "your sides are closer now",
                std::cmp::Ordering::Greater => "your sides are further apart now",
                std::cmp::Ordering::Equal => "no change",
            };
            format!(
                "{} days with both sides of an area marked. Your left and right went from {} on {} to {} on {} ({trend}). Lower is better.",
                gaps.len(),
                apart(*gf),
                d(pf),
                apart(*gl),
                d(pl),
            )
        }
        (Some((p, g)), _) => format!(
            "One day with both sides of an area marked: {} on {}. Lower is better.",
            apart(*g),
            d(p)
        ),
        _ => "No day has both sides of an area marked yet.".to_string(),
    }
}

/// A plain summary of one region's two sides.
pub fn summary_region(region: RegionId, series: &[SidePoint], this_year: Option<i64>) -> String {
    let name = region.def().name;
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return format!("{name}: not marked in any check-in.");
    };
    let side = |v: Option<u8>| v.map_or("not marked".to_string(), |v| v.to_string());
    format!(
        "{name}: on {} your left was {} and your right {}; on {} your left was {} and your right {} (0 fine to 3 strong).",
        calendar::short_date(first.day, this_year),
        side(first.left),
        side(first.right),
        calendar::short_date(last.day, this_year),
        side(last.left),
        side(last.right)
    )
}

/// A tick on an axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// Position along the axis in SVG units.
    pub pos: i32,
    /// Label.
    pub label: String,
}

/// A point drawn as a dot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dot {
    /// x in SVG units.
    pub x: i32,
    /// y in SVG units.
    pub y: i32,
    /// What the point says (for its `<title>`).
    pub label: String,
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Legend name.
    pub name: &'static str,
    /// CSS class (colour and dash pattern).
    pub class: &'static str,
    /// SVG path data; gaps where a value is missing.
    pub path: String,
    /// Dots (only when there are few enough points to tell apart).
    pub dots: Vec<Dot>,
}

/// A line chart, all in whole SVG units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// viewBox width.
    pub width: i32,
    /// viewBox height.
    pub height: i32,
    /// Plot area: left, top, right, bottom.
    pub plot: (i32, i32, i32, i32),
    /// Ticks along the bottom (x positions).
    pub x_ticks: Vec<Tick>,
    /// Ticks along the left (y positions).
    pub y_ticks: Vec<Tick>,
    /// The lines.
    pub lines: Vec<Line>,
}

/// Chart size: wide enough to read on a phone when scaled to its width.
pub const CHART_W: i32 = 340;
/// Chart height.
pub const CHART_H: i32 = 190;
const PAD_L: i32 = 34;
const PAD_R: i32 = 10;
const PAD_T: i32 = 10;
const PAD_B: i32 = 26;
/// Draw dots only up to this many days.
pub const MAX_DOTS: usize = 45;

/// One series of a chart: legend name, CSS class, one value per day (or none).
pub struct Series<'a> {
    /// Legend name.
    pub name: &'static str,
    /// CSS class.
    pub class: &'static str,
    /// Values, one per entry of the `days` slice.
    pub values: &'a [Option<u32>],
    /// Unit appended in dot labels (`""`, `"%"`).
    pub unit: &'static str,
}

/// Lays out a line chart of `series` over `days` (ascending day numbers), y from 0 to
/// `y_max` (at least 1). x is proportional to time, so gaps between check-ins show.
pub fn line_chart(
    days: &[i64],
    series: &[Series<'_>],
    y_max: u32,
    this_year: Option<i64>,
) -> Chart {
    let (x0, y0, x1, y1) = (PAD_L, PAD_T, CHART_W - PAD_R, CHART_H - PAD_B);
    let y_max = y_max.max(1);
    let first = days.first().copied().unwrap_or(0);
    let last = days.last().copied().unwrap_or(first);
    let span = (last - first).max(1);
    let x_of = |day: i64| -> i32 {
        if last == first {
            (x0 + x1) / 2
        } else {
            x0 + (((day - first) * i64::from(x1 - x0) + span / 2) / span) as i32
        }
    };
    let y_of = |v: u32| -> i32 {
        let v = v.min(y_max);
        y1 - ((i64::from(v) * i64::from(y1 - y0) + i64::from(y_max) / 2) / i64::from(y_max)) as i32
    };
    let lines = series
        .iter()
        .map(|s| {
            let mut path = String::new();
            let mut pen_down = false;
            let mut dots = Vec::new();
            for (i, &day) in days.iter().enumerate() {
                match s.values.get(i).copied().flatten() {
                    Some(v) => {
                        let (x, y) = (x_of(day), y_of(v));
                        path.push_str(&format!("{}{x} {y}", if pen_down { "L" } else { "M" }));
                        pen_down = true;
                        if days.len() <= MAX_DOTS {
                            dots.push(Dot {
                                x,
                                y,
                                label: format!(
                                    "{}: {} {v}{}",
                                    calendar::short_date(day, this_year),
                                    s.name,
                                    s.unit
                                ),
                            });
                        }
                    }
                    None => pen_down = false,
                }
            }
            Line {
                name: s.name,
                class: s.class,
                path,
                dots,
            }
        })
        .collect();
    let mut x_ticks = Vec::new();
    if let (Some(&a), Some(&b)) = (days.first(), days.last()) {
        let n = if b - a >= 3 { 3 } else { (b - a) as i32 };
        for k in 0..=n {
            let day = if n == 0 {
                a
            } else {
                a + (b - a) * i64::from(k) / i64::from(n)
            };
            x_ticks.push(Tick {
                pos: x_of(day),
                label: calendar::short_date(day, this_year),
            });
        }
    }
    let step = nice_step(y_max);
    let y_ticks = (0..=y_max)
        .step_by(step as usize)
        .map(|v| Tick {
            pos: y_of(v),
            label: v.to_string(),
        })
        .collect();
    Chart {
        width: CHART_W,
        height: CHART_H,
        plot: (x0, y0, x1, y1),
        x_ticks,
        y_ticks,
        lines,
    }
}

fn nice_step(max: u32) -> u32 {
    for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 500] {
        if max / step <= 5 {
            return step;
        }
    }
    1000
}

/// A round upper bound for a y axis holding `v`.
pub fn nice_max(v: u32) -> u32 {
    let v = v.max(1);
    let step = nice_step(v);
    v.div_ceil(step) * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::utc;
    use crate::domain::knowledge::mark::Severity;
    use crate::domain::records::body_map::Action;

    fn set(map: &mut BodyMap, region: RegionId, side: Side, s: u8) {
        map.apply(Action::SetSeverity(
            RegionSide { region, side },
            Severity::new(s).unwrap(),
        ));
    }

    fn checkin(id: &str, at: &str, map: BodyMap) -> CheckIn {
        CheckIn {
            id: id.into(),
            at: at.into(),
            map,
        }
    }

    #[test]
    fn totals_and_side_gap() {
        let mut m = BodyMap::default();
        assert_eq!(side_gap(&m), None);
        set(&mut m, RegionId::Calf, Side::Left, 3);
        assert_eq!(side_gap(&m), None, "one side only is unknown, not uneven");
        set(&mut m, RegionId::Calf, Side::Right, 1);
        set(&mut m, RegionId::Hamstrings, Side::Left, 2);
        set(&mut m, RegionId::Hamstrings, Side::Right, 2);
        set(&mut m, RegionId::Sternum, Side::Mid, 1);
        assert_eq!(total(&m), 9);
        // |3-1| + |2-2| = 2 points.
        assert_eq!(side_gap(&m), Some(2));
        assert_eq!(uneven_pairs(&m), 1);
        let mut fine = BodyMap::default();
        set(&mut fine, RegionId::Calf, Side::Left, 0);
        set(&mut fine, RegionId::Calf, Side::Right, 0);
        assert_eq!(side_gap(&fine), Some(0));
    }

    /// The ratio the chart used to show, kept here only to show what it did.
    fn ratio(map: &BodyMap) -> Option<u32> {
        let (mut diff, mut sum, mut any) = (0u32, 0u32, false);
        for (l, r) in pairs(map) {
            any = true;
            diff += u32::from(l.abs_diff(r));
            sum += u32::from(l) + u32::from(r);
        }
        any.then(|| (diff * 100).checked_div(sum).unwrap_or(0))
    }

    /// Issue #13: the old ratio read 33 %, then 100 %, for a person whose both sides got
    /// better (left 2 / right 1, then left 1 / right 0), so the chart looked like it got worse.
    /// The gap in points never rises while the sides improve together, and the summary says
    /// which way is better.
    #[test]
    fn side_gap_never_reads_worse_when_both_sides_improve() {
        let steps = [(3, 2), (2, 1), (1, 0), (0, 0)];
        let checkins: Vec<CheckIn> = steps
            .iter()
            .enumerate()
            .map(|(i, &(l, r))| {
                let mut m = BodyMap::default();
                set(&mut m, RegionId::Quadriceps, Side::Left, l);
                set(&mut m, RegionId::Quadriceps, Side::Right, r);
                set(&mut m, RegionId::Calf, Side::Left, l.saturating_sub(1));
                set(&mut m, RegionId::Calf, Side::Right, r);
                checkin(&format!("{i}"), &format!("2026-11-0{}T08:00:00Z", i + 1), m)
            })
            .collect();
        let d = daily(&checkins, &utc);
        let gaps: Vec<u32> = d.iter().filter_map(|p| p.gap).collect();
        assert_eq!(gaps.len(), steps.len());
        assert!(
            gaps.windows(2).all(|w| w[1] <= w[0]),
            "both sides improved every day, yet the gap rose: {gaps:?}"
        );
        assert_eq!(gaps.last(), Some(&0));
        let old_ratio: Vec<Option<u32>> = checkins.iter().map(|c| ratio(&c.map)).collect();
        assert!(
            old_ratio.windows(2).any(|w| w[1] > w[0]),
            "the case shows the old bug: {old_ratio:?}"
        );
        let s = summary_gap(&d, Some(2026));
        assert!(s.contains("your sides are closer now"), "{s}");
        assert!(s.contains("Lower is better."), "{s}");
        assert!(!s.contains('%'), "{s}");
    }

    #[test]
    fn a_day_is_its_latest_checkin() {
        let mut checkins = Vec::new();
        let mut a = BodyMap::default();
        set(&mut a, RegionId::Calf, Side::Left, 3);
        set(&mut a, RegionId::Calf, Side::Right, 1);
        let mut b = a.clone();
        set(&mut b, RegionId::Calf, Side::Left, 1);
        // Stored out of order on purpose (a merge can do that).
        checkins.push(checkin("2", "2026-11-01T20:00:00Z", b.clone()));
        checkins.push(checkin("1", "2026-11-01T08:00:00Z", a.clone()));
        checkins.push(checkin("3", "2026-11-03T08:00:00Z", a));
        checkins.push(checkin("x", "not a time", b));
        let d = daily(&checkins, &utc);
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].total, d[0].gap), (2, Some(0)));
        assert_eq!((d[1].total, d[1].gap), (4, Some(2)));
        let s = summary_daily(&d, Some(2026));
        assert!(
            s.contains("went from 2 on 1 Nov to 4 on 3 Nov (up 2)"),
            "{s}"
        );
        assert!(s.ends_with(" Lower is better."), "{s}");
        let a = summary_gap(&d, Some(2026));
        assert!(
            a.contains("went from the same on both sides on 1 Nov to 2 points apart on 3 Nov (your sides are further apart now). Lower is better."),
            "{a}"
        );
        let r = region_series(&checkins, RegionId::Calf, &utc);
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].left, r[0].right), (Some(1), Some(1)));
        assert_eq!(tracked_regions(&checkins), vec![RegionId::Calf]);
        let (f, l) = first_and_latest(&checkins, &utc).unwrap();
        assert_eq!((f.id.as_str(), l.id.as_str()), ("1", "3"));
    }

    #[test]
    fn chart_geometry_is_inside_the_plot_with_gaps() {
        let days = [100, 101, 105, 110];
        let vals = [Some(4), None, Some(8), Some(0)];
        let c = line_chart(
            &days,
            &[Series {
                name: "Total",
                class: "total",
                values: &vals,
                unit: "",
            }],
            nice_max(8),
            None,
        );
        let line = &c.lines[0];
        assert_eq!(
            line.path.matches('M').count(),
            2,
            "gap after the missing day: {}",
            line.path
        );
        assert_eq!(line.dots.len(), 3);
        let (x0, y0, x1, y1) = c.plot;
        for d in &line.dots {
            assert!(
                (x0..=x1).contains(&d.x) && (y0..=y1).contains(&d.y),
                "{d:?}"
            );
        }
        assert_eq!(line.dots[0].x, x0);
        assert_eq!(line.dots[2].x, x1);
        assert_eq!(line.dots[2].y, y1, "0 sits on the axis");
        assert_eq!(c.x_ticks.len(), 4);
        assert_eq!(c.y_ticks.first().map(|t| t.label.as_str()), Some("0"));
        let single = line_chart(
            &[5],
            &[Series {
                name: "T",
                class: "t",
                values: &[Some(1)],
                unit: "",
            }],
            1,
            None,
        );
        assert_eq!(single.lines[0].dots[0].x, (x0 + x1) / 2);
        let empty = line_chart(&[], &[], 0, None);
        assert!(empty.x_ticks.is_empty());
    }

    #[test]
    fn nice_axis_bounds() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(7), 8);
        assert_eq!(nice_max(23), 25);
        assert_eq!(nice_max(100), 100);
    }
}
