use crate::components::{LineChart, MapFigure};
use crate::domain::calendar::{self, short_date};
use crate::domain::knowledge::region::{RegionId, View};
use crate::domain::records::history;
use crate::domain::records::trends::{self, line_chart, nice_max, Series};
use crate::state::{local_offset, today_day, use_state};
use leptos::prelude::*;

/// How far back the charts look.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Range {
    Weeks4,
    Months3,
    All,
}

impl Range {
    fn days(self) -> Option<i64> {
        match self {
            Range::Weeks4 => Some(28),
            Range::Months3 => Some(91),
            Range::All => None,
        }
    }
}

/// Trends as pictures: total tension and how far apart the two sides are per day (in points,
/// lower is better), one region's
/// left and right over time (pick the region), and the first map next to the latest. Every
/// chart has a text summary; the period can be four weeks, three months or everything.
/// Reads `AppState::doc`.
#[component]
pub fn TrendsView() -> impl IntoView {
    let state = use_state();
    let range = RwSignal::new(Range::Weeks4);
    let this_year = Some(calendar::year_of(today_day()));
    let from_day = move || range.get().days().map(|n| today_day() - n + 1);
    let daily = Memo::new(move |_| {
        let from = from_day();
        state.doc.with(|d| {
            trends::daily(&d.checkins, &local_offset)
                .into_iter()
                .filter(|p| from.is_none_or(|f| p.day >= f))
                .collect::<Vec<_>>()
        })
    });
    let regions = Memo::new(move |_| state.doc.with(|d| trends::tracked_regions(&d.checkins)));
    let region = RwSignal::new(None::<RegionId>);
    let chosen = move || {
        region
            .get()
            .or_else(|| regions.with(|r| r.first().copied()))
    };
    let fb_view = RwSignal::new(View::Front);

    let range_btn = move |r: Range, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (range.get() == r).to_string()
                on:click=move |_| range.set(r)>{label}</button>
        }
    };

    let totals_chart = move || {
        let points = daily.get();
        if points.is_empty() {
            return view! {
                <p class="empty">"No check-ins in this period. Mark your map on a few days and the trends appear here."</p>
            }
            .into_any();
        }
        let days: Vec<i64> = points.iter().map(|p| p.day).collect();
        let totals: Vec<Option<u32>> = points.iter().map(|p| Some(p.total)).collect();
        let gap: Vec<Option<u32>> = points.iter().map(|p| p.gap).collect();
        let max = nice_max(points.iter().map(|p| p.total).max().unwrap_or(1));
        let summary = trends::summary_daily(&points, this_year);
        let summary_gap = trends::summary_gap(&points, this_year);
        let gap_max = nice_max(
            points
                .iter()
                .filter_map(|p| p.gap)
                .max()
                .unwrap_or(0)
                .max(3),
        );
        let total_chart = line_chart(
            &days,
            &[Series {
                name: "Total tension",
                class: "s-total",
                values: &totals,
                unit: "",
            }],
            max,
            this_year,
        );
        let gap_chart = line_chart(
            &days,
            &[Series {
                name: "Difference between your sides",
                class: "s-asym",
                values: &gap,
                unit: " points",
            }],
            gap_max,
            this_year,
        );
        let gap_note = if gap.iter().all(Option::is_none) {
            "Mark both sides of an area to see how far apart your sides are."
        } else {
            "How many points apart your left and right are, added up over the areas you marked on both sides. Lower is better: 0 means both sides feel the same."
        };
        view! {
            <h3>"Total tension per day"</h3>
            <p class="hint">"The sum of all your marks (0 fine to 3 strong each) on the last check-in of each day. Lower is better."</p>
            <LineChart chart=total_chart title="Total tension per day".to_string() summary=summary id="chart-total"/>
            <h3>"Difference between your sides per day"</h3>
            <p class="hint">{gap_note}</p>
            <LineChart chart=gap_chart title="Difference between your sides per day".to_string() summary=summary_gap id="chart-asym"/>
        }
        .into_any()
    };

    let region_chart = move || {
        let r = chosen()?;
        let from = from_day();
        let series: Vec<_> = state.doc.with(|d| {
            trends::region_series(&d.checkins, r, &local_offset)
                .into_iter()
                .filter(|p| from.is_none_or(|f| p.day >= f))
                .collect()
        });
        let summary = trends::summary_region(r, &series, this_year);
        let days: Vec<i64> = series.iter().map(|p| p.day).collect();
        let left: Vec<Option<u32>> = series.iter().map(|p| p.left.map(u32::from)).collect();
        let right: Vec<Option<u32>> = series.iter().map(|p| p.right.map(u32::from)).collect();
        let chart = line_chart(
            &days,
            &[
                Series {
                    name: "Your left",
                    class: "s-left",
                    values: &left,
                    unit: "",
                },
                Series {
                    name: "Your right",
                    class: "s-right",
                    values: &right,
                    unit: "",
                },
            ],
            3,
            this_year,
        );
        Some(view! {
            <LineChart chart=chart title=format!("{}: left and right", r.def().name) summary=summary id="chart-region"/>
        })
    };

    let first_latest = move || {
        state.doc.with(|d| {
            let (first, latest) = trends::first_and_latest(&d.checkins, &local_offset)?;
            if first.id == latest.id {
                return None;
            }
            let date = |at: &str| {
                calendar::parse_iso_ms(at)
                    .map(|ms| short_date(calendar::local_day(ms, &local_offset), this_year))
                    .unwrap_or_default()
            };
            let (fd, ld) = (date(&first.at), date(&latest.at));
            let v = fb_view.get();
            let side = if v == View::Front { "front" } else { "back" };
            Some(view! {
                <div class="pair compare-maps">
                    <div>
                        <p class="pair-title"><strong>"First: " {fd.clone()}</strong><br/>
                            <span class="muted">{history::map_summary(&first.map)}</span></p>
                        <MapFigure map=first.map.clone() view=v label=format!("First map, {fd}, {side}")/>
                    </div>
                    <div>
                        <p class="pair-title"><strong>"Latest: " {ld.clone()}</strong><br/>
                            <span class="muted">{history::map_summary(&latest.map)}</span></p>
                        <MapFigure map=latest.map.clone() view=v label=format!("Latest map, {ld}, {side}")/>
                    </div>
                </div>
            })
        })
    };

    view! {
        <section class="trends" aria-labelledby="trends-title">
            <h3 id="trends-title" class="sr-only">"Trends"</h3>
            <div class="segmented" role="group" aria-label="Period">
                {range_btn(Range::Weeks4, "4 weeks")}
                {range_btn(Range::Months3, "3 months")}
                {range_btn(Range::All, "All")}
            </div>
            {totals_chart}
            {move || (!regions.with(Vec::is_empty)).then(|| view! {
                <h3>"One area, left and right"</h3>
                <label class="field">
                    <span>"Area"</span>
                    <select on:change=move |ev| {
                        let key = event_target_value(&ev);
                        region.set(RegionId::from_key(&key));
                    }>
                        {move || regions.get().into_iter().map(|r| {
                            let selected = chosen() == Some(r);
                            view! { <option value=r.key() selected=selected>{r.def().name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {region_chart}
            })}
            <h3>"First map and latest map"</h3>
            <div class="segmented" role="group" aria-label="Which side of the body">
                <button type="button" aria-pressed=move || (fb_view.get() == View::Front).to_string()
                    on:click=move |_| fb_view.set(View::Front)>"Front"</button>
                <button type="button" aria-pressed=move || (fb_view.get() == View::Back).to_string()
                    on:click=move |_| fb_view.set(View::Back)>"Back"</button>
            </div>
            {move || first_latest().map(IntoAny::into_any).unwrap_or_else(|| view! {
                <p class="empty">"After a second check-in your first and latest maps appear here side by side."</p>
            }.into_any())}
        </section>
    }
}
