use crate::domain::knowledge::technique::Tool;
use leptos::prelude::*;

/// The outline drawing of one tool: a few plain strokes in the text colour (so it reads in
/// light and dark), 64 × 40, beside its name. Decorative: the name next to it says what it is.
fn shapes(tool: Tool) -> AnyView {
    match tool {
        // A long cylinder seen from the side, with its round end.
        Tool::SoftRoller => view! {
            <rect x="8" y="11" width="48" height="18" rx="9"/>
            <ellipse cx="14" cy="20" rx="4" ry="9"/>
        }
        .into_any(),
        // The same, with the ridges of a firmer roller.
        Tool::MediumRoller => view! {
            <rect x="8" y="11" width="48" height="18" rx="9"/>
            <ellipse cx="14" cy="20" rx="4" ry="9"/>
            <path d="M26 11v18M34 11v18M42 11v18M50 12v16"/>
        }
        .into_any(),
        // A ball with the curved seam of a tennis ball.
        Tool::TennisBall => view! {
            <circle cx="32" cy="20" r="15"/>
            <path d="M19 12c7 4 7 12 0 16M45 12c-7 4-7 12 0 16"/>
        }
        .into_any(),
        // A ball with the knobs of a massage ball.
        Tool::RubberBall => view! {
            <circle cx="32" cy="20" r="14"/>
            <path d="M32 3v3M32 34v3M15 20h3M46 20h3M20 8l2 2M44 8l-2 2M20 32l2-2M44 32l-2-2"/>
            <circle cx="27" cy="16" r="1.5"/>
            <circle cx="37" cy="16" r="1.5"/>
            <circle cx="32" cy="24" r="1.5"/>
        }
        .into_any(),
        // A smaller, solid ball.
        Tool::LacrosseBall => view! {
            <circle cx="32" cy="20" r="11" class="solid"/>
        }
        .into_any(),
        // A barrel with a handle at each end.
        Tool::RollingPin => view! {
            <rect x="14" y="13" width="36" height="14" rx="6"/>
            <path d="M4 20h10M50 20h10"/>
        }
        .into_any(),
        // An open hand, for completeness (hands are never ticked: they always count).
        Tool::Hands => view! {
            <path d="M24 36V18c0-3 4-3 4 0v-8c0-3 4-3 4 0v8-10c0-3 4-3 4 0v10-6c0-3 4-3 4 0v14c0 6-4 10-10 10z"/>
        }
        .into_any(),
    }
}

/// A small simple picture of a tool (foam roller, ball, rolling pin), hidden from screen
/// readers because its name is always written beside it.
#[component]
pub fn ToolPicture(
    /// The tool to draw.
    tool: Tool,
) -> impl IntoView {
    view! {
        <svg class="tool-picture" viewBox="0 0 64 40" width="64" height="40"
            aria-hidden="true" focusable="false" data-tool=tool.key()>
            {shapes(tool)}
        </svg>
    }
}
