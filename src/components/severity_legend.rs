use crate::components::sev_class;
use crate::domain::knowledge::mark::Severity;
use leptos::prelude::*;

/// Key to the drawing: what each colour and number means, how sore spots and the tighter
/// side are shown. Static.
#[component]
pub fn SeverityLegend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Key">
            {Severity::ALL.into_iter().map(|s| view! {
                <li><span class=format!("swatch {}", sev_class(Some(s))) aria-hidden="true">
                    {if s.get() == 0 { "✓".to_string() } else { s.get().to_string() }}
                </span>{s.word()}</li>
            }).collect_view()}
            <li><span class="swatch sore-swatch" aria-hidden="true"></span>"stripes: sore"</li>
            <li><span class="swatch tighter-swatch" aria-hidden="true">"▲"</span>"triangle and thick edge: tighter side"</li>
        </ul>
    }
}
