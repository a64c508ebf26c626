use crate::components::{ChainFigure, StepDrawing, StepFigure, StepPose};
use crate::domain::knowledge::region::RegionSide;
use crate::domain::knowledge::rule::RuleId;
use crate::domain::knowledge::source;
use crate::domain::planner::engine::Step;
use crate::domain::records::guide::{duration_words, motion_words, position_words};
use leptos::prelude::*;

/// One step of the plan: number, a small figure with the area highlighted, the area and
/// side, position, tool, time, a drawing of the position, and the plain reason, with a "Why?" that unfolds, in this order:
/// the rules that decided this step, the chain path (where one links it to another marked
/// area: drawn on a small figure and said in words), the sources by title and plain kind, and a nested list of the other rules checked.
#[component]
pub fn PlanStep(
    /// 1-based position in the plan.
    number: usize,
    /// The step from the engine.
    step: Step,
    /// What this person's own sessions say about the area ("Last 3 times: from 3 to 1 on
    /// average."), if they rated it before.
    #[prop(default = None)]
    history: Option<String>,
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
    let chain = step.chain.map(|c| (c, c.sentence(step.region)));
    let decided = step.decided_by.clone();
    let others: Vec<RuleId> = step
        .rules
        .iter()
        .copied()
        .filter(|r| !decided.contains(r))
        .collect();
    // Until the engine names the deciding rules, every rule is simply "checked".
    let others_label = if decided.is_empty() {
        "Rules checked"
    } else {
        "Other rules checked"
    };
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
            <StepDrawing step=StepPose::of_step(&step)/>
            <p class="step-why">{step.why.clone()}</p>
            {history.map(|h| view! { <p class="step-history">{h}</p> })}
            <details class="why">
                <summary>"Why?"</summary>
                {(!decided.is_empty()).then(|| view! {
                    <h4>"What decided this step"</h4>
                    <RuleList rules=decided/>
                })}
                {chain.map(|(link, words)| view! {
                    <div class="why-chain">
                        <ChainFigure link=link to=at/>
                        <p>{words}</p>
                    </div>
                })}
                <h4>"Sources"</h4>
                <ul class="sources">
                    {step.sources.iter().filter_map(|k| Some((source::title(k)?, source::kind(k)?))).map(|(title, kind)| view! {
                        <li>{title}<span class="source-kind">" — "{kind.words()}</span></li>
                    }).collect_view()}
                </ul>
                {(!others.is_empty()).then(|| view! {
                    <details class="why-more">
                        <summary>{others_label}</summary>
                        <RuleList rules=others/>
                    </details>
                })}
            </details>
        </li>
    }
}

/// A plain list of rule summaries, one line each.
#[component]
fn RuleList(
    /// The rules, in the engine's order.
    rules: Vec<RuleId>,
) -> impl IntoView {
    view! {
        <ul class="why-rules">
            {rules.into_iter().map(|r| view! { <li>{r.rule().summary}</li> }).collect_view()}
        </ul>
    }
}
