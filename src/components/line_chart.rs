use crate::domain::records::trends::Chart;
use leptos::prelude::*;

/// A line chart drawn from geometry computed in the domain ([`crate::domain::records::trends`]): axes,
/// ticks, lines with gaps, dots with their values as tooltips, and a legend in text. The
/// SVG is one image for screen readers, named by its `<title>` and described by `summary`
/// (also shown as the caption), so nothing is told by colour or position alone.
#[component]
pub fn LineChart(
    /// The laid-out chart.
    chart: Chart,
    /// Short title, e.g. "Total tension per day".
    title: String,
    /// Plain summary of what the chart shows.
    summary: String,
    /// Unique id prefix for `aria-labelledby` / `aria-describedby`.
    id: &'static str,
) -> impl IntoView {
    let (x0, y0, x1, y1) = chart.plot;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (title_ref, desc_ref) = (title_id.clone(), desc_id.clone());
    let legend = chart
        .lines
        .iter()
        .map(|l| {
            let class = format!("key {}", l.class);
            view! { <li><span class=class aria-hidden="true"></span>{l.name}</li> }
        })
        .collect_view();
    let lines = chart
        .lines
        .into_iter()
        .map(|l| {
            let class = format!("line {}", l.class);
            let dot_class = format!("dot {}", l.class);
            view! {
                <path class=class d=l.path/>
                {l.dots.into_iter().map(|d| view! {
                    <circle class=dot_class.clone() cx=d.x cy=d.y r="4"><title>{d.label}</title></circle>
                }).collect_view()}
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img"
                aria-labelledby=title_ref aria-describedby=desc_ref>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{summary.clone()}</desc>
                {chart.y_ticks.into_iter().map(|t| view! {
                    <line class="grid" x1=x0 x2=x1 y1=t.pos y2=t.pos/>
                    <text class="tick y" x=x0 - 6 y=t.pos>{t.label}</text>
                }).collect_view()}
                <line class="axis" x1=x0 x2=x1 y1=y1 y2=y1/>
                <line class="axis" x1=x0 x2=x0 y1=y0 y2=y1/>
                {chart.x_ticks.into_iter().map(|t| view! {
                    <text class="tick x" x=t.pos y=y1 + 17>{t.label}</text>
                }).collect_view()}
                {lines}
            </svg>
            <ul class="chart-legend" aria-hidden="true">{legend}</ul>
            <figcaption aria-hidden="true">{summary}</figcaption>
        </figure>
    }
}
