use crate::components::StepFigure;
use crate::domain::chain::ChainLink;
use crate::domain::engine::Step;
use crate::domain::guide::{duration_words, motion_words, position_words};
use crate::domain::region::{RegionId, RegionSide, Side};
use crate::domain::source;
use leptos::prelude::*;

/// "calf → back of thigh, Superficial Back Line, strong evidence" for a chain link ending at
/// `to`.
pub fn chain_path(link: &ChainLink, to: RegionId) -> String {
    let mut parts = vec![name_side(link.from, link.from_side)];
    if let Some(via) = link.via {
        parts.push(via.def().name.to_lowercase());
    }
    parts.push(to.def().name.to_lowercase());
    format!(
        "{}, {}, {}",
        parts.join(" → "),
        link.chain.def().name,
        link.grade.words()
    )
}

fn name_side(region: RegionId, side: Side) -> String {
    let name = region.def().name.to_lowercase();
    match side {
        Side::Left => format!("{name} (left)"),
        Side::Right => format!("{name} (right)"),
        Side::Mid => name,
    }
}

/// One step of the plan: number, a small figure with the area highlighted, the area and
/// side, position, tool, time and the plain reason, with a "Why?" that unfolds the rules,
/// the chain path (where one links it to another marked area) and the sources with titles.
#[component]
pub fn PlanStep(
    /// 1-based position in the plan.
    number: usize,
    /// The step from the engine.
    step: Step,
) -> impl IntoView {
    let at = RegionSide {
        region: step.region,
        side: step.side,
    };
    let meta = format!(
        "{}, {}, {} · {}",
        position_words(step.position),
        step.tool.name(),
        motion_words(step.motion),
        duration_words(u32::from(step.seconds))
    );
    let chain = step.chain.map(|c| chain_path(&c, step.region));
    let title_id = format!("step-{number}");
    let labelled = title_id.clone();
    view! {
        <li class="plan-step" aria-labelledby=labelled
            data-region=step.region.key() data-side=step.side.key() data-tool=step.tool.key()
            data-position=format!("{:?}", step.position).to_lowercase() data-seconds=step.seconds>
            <div class="plan-step-head">
                <span class="step-num" aria-hidden="true">{number}</span>
                <StepFigure at=at/>
                <div>
                    <h3 id=title_id>{at.label()}{step.lighter.then_some(" (the lighter side, shorter)")}</h3>
                    <p class="step-meta">{meta}</p>
                </div>
            </div>
            <p class="step-why">{step.why.clone()}</p>
            {step.zone.map(|z| view! { <p class="step-note">{z.text()}</p> })}
            {step.suggested_tool.map(|t| view! {
                <p class="step-note">{format!("None of your tools fits here yet: {} would do. Use your hands for now.", t.name())}</p>
            })}
            <details class="why">
                <summary>"Why?"</summary>
                {chain.map(|c| view! { <p><strong>"Linked along a chain: "</strong>{c}</p> })}
                <p><strong>"Rules behind this step"</strong></p>
                <ul>
                    {step.rules.iter().map(|r| view! { <li>{r.rule().summary}</li> }).collect_view()}
                </ul>
                <p><strong>"Sources"</strong></p>
                <ul class="sources">
                    {step.sources.iter().filter_map(|k| source::title(k)).map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            </details>
        </li>
    }
}
