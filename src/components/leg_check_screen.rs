use crate::components::{sev_class, LegCheckFigure};
use crate::domain::knowledge::mark::Severity;
use crate::domain::records::leg_check::{Command, FrontBack, Group, Stage, STEPS};
use crate::state::{moment, use_state, AppState, Tab};
use leptos::prelude::*;

/// Carries out one command of the walk (the answers go on the map at once), then shows the
/// next step from its top with the focus on its heading.
fn send(state: AppState, command: Command) {
    let now = moment();
    if state.edit(|d| d.leg_check(command, now).is_ok()) {
        crate::browser::scroll_to_top();
        crate::browser::focus_after_paint(&["lc-title"]);
    }
}

/// One row of four big buttons, fine to strong, for one side (`"left"` or `"right"`) of a
/// group.
fn side_row(side: &'static str, chosen: RwSignal<Option<Severity>>) -> impl IntoView {
    view! {
        <fieldset class="choices severity lc-row">
            <legend>{format!("How did your {side} side feel?")}</legend>
            {Severity::ALL.iter().map(|&s| view! {
                <button type="button" class=format!("sev-btn {}", sev_class(Some(s)))
                    aria-pressed=move || (chosen.get() == Some(s)).to_string()
                    on:click=move |_| chosen.set(Some(s))>
                    <span class="num">{s.get()}</span>
                    <span class="word">{s.word()}</span>
                </button>
            }).collect_view()}
        </fieldset>
    }
}

/// One leg group: where and how to check it, the drawing, then left and right.
fn group_step(state: AppState, group: Group, number: usize) -> AnyView {
    let def = group.def();
    let before = state
        .doc
        .with_untracked(|d| d.leg_check.as_ref().and_then(|w| w.answer(group)));
    let left = RwSignal::new(before.map(|a| a.left));
    let right = RwSignal::new(before.map(|a| a.right));
    let missing = RwSignal::new(false);
    let cautions: Vec<&'static str> = def
        .regions
        .iter()
        .map(|r| r.caution())
        .chain([def.care])
        .filter(|c| !c.is_empty())
        .collect();
    let next = move |_| match (left.get_untracked(), right.get_untracked()) {
        (Some(left), Some(right)) => send(state, Command::Answer { group, left, right }),
        _ => missing.set(true),
    };
    view! {
        <p class="lc-progress">{format!("Step {number} of {STEPS}")}</p>
        <h2 id="lc-title" tabindex="-1">{def.title}</h2>
        {(number == 1).then(|| view! {
            <p class="lc-intro">"This method compares your left and right leg, one area at a time, and starts with the tighter side. Your answers go on your body map."</p>
        })}
        <LegCheckFigure group/>
        <p class="lc-how">{def.how}</p>
        <ul class="lc-care">
            {cautions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            <li>"Press only as firmly as feels comfortable. Stop if it hurts sharply or tingles."</li>
        </ul>
        {side_row("left", left)}
        {side_row("right", right)}
        <Show when=move || missing.get() && (left.get().is_none() || right.get().is_none())>
            <p class="lc-missing" role="alert">"Choose one number for each side, or skip this step."</p>
        </Show>
        <div class="lc-actions">
            <button type="button" class="primary wide big" on:click=next>"Next"</button>
            <button type="button" class="secondary wide" on:click=move |_| send(state, Command::Skip)>"Skip this step"</button>
            {(number > 1).then(|| view! {
                <button type="button" class="link" on:click=move |_| send(state, Command::Back)>"Back"</button>
            })}
        </div>
    }
    .into_any()
}

/// Front against back, after the groups.
fn front_back_step(state: AppState) -> AnyView {
    let choice = |label: &'static str, c: FrontBack| {
        view! {
            <button type="button" class="secondary wide big" on:click=move |_| send(state, Command::FrontBack(c))>{label}</button>
        }
    };
    view! {
        <p class="lc-progress">{format!("Step {STEPS} of {STEPS}")}</p>
        <h2 id="lc-title" tabindex="-1">"Front or back?"</h2>
        <p class="lc-how">"Think of the front of your thighs and hips, then the back of your thighs and your calves. Which felt tighter overall?"</p>
        <div class="lc-actions">
            {choice("The front of my legs", FrontBack::Front)}
            {choice("The back of my legs", FrontBack::Back)}
            {choice("About the same", FrontBack::Same)}
            <button type="button" class="link" on:click=move |_| send(state, Command::Skip)>"Skip this step"</button>
            <button type="button" class="link" on:click=move |_| send(state, Command::Back)>"Back"</button>
        </div>
    }
    .into_any()
}

/// The end: what the walk found, and the way to the plan.
fn end_step(state: AppState) -> AnyView {
    let (lines, uneven) = state.doc.with_untracked(|d| {
        d.leg_check
            .as_ref()
            .map(|w| (w.summary(), w.most_uneven().is_some()))
            .unwrap_or_default()
    });
    let nothing = lines.is_empty();
    view! {
        <h2 id="lc-title" tabindex="-1">"Your legs are checked"</h2>
        {if nothing {
            view! { <p class="lc-how">"You skipped every step, so nothing was added to your map."</p> }.into_any()
        } else {
            view! {
                <ul class="lc-summary">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <p class="lc-how">{if uneven {
                    "Your answers are on your body map. Your plan starts with the tighter side."
                } else {
                    "Your answers are on your body map."
                }}</p>
            }.into_any()
        }}
        <div class="lc-actions">
            <button type="button" class="primary wide big" on:click=move |_| state.go(Tab::Plan)>"Open my plan"</button>
            <button type="button" class="secondary wide" on:click=move |_| state.go(Tab::Map)>"Back to the map"</button>
            <button type="button" class="link" on:click=move |_| send(state, Command::Back)>"Change an answer"</button>
        </div>
    }
    .into_any()
}

/// "Check my legs" (issue #14): the guided left/right walk through the method's leg groups,
/// one screen each (where and how to check, a drawing, then how the left and the right felt,
/// fine to strong), then front against back, then what it found and the way to the plan.
/// Every answer goes on the body map at once and the walk is kept in the document, so leaving
/// or reloading resumes it on the same step. Opening it starts a new walk only when none is
/// in progress.
#[component]
pub fn LegCheckScreen() -> impl IntoView {
    let state = use_state();
    state.edit(|d| d.start_leg_check());
    crate::browser::focus_after_paint(&["lc-title"]);
    let stage = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.leg_check.as_ref().map(|w| (w.stage(), w.step_number())))
    });
    view! {
        <section class="leg-check" aria-labelledby="lc-title">
            {move || match stage.get() {
                None => view! {
                    <h2 id="lc-title" tabindex="-1">"Check my legs"</h2>
                    <p class="lc-how">"This check cannot start while your saved data is read-only."</p>
                    <button type="button" class="secondary wide" on:click=move |_| state.go(Tab::Map)>"Back to the map"</button>
                }.into_any(),
                Some((Stage::Group(g), n)) => group_step(state, g, n),
                Some((Stage::FrontBack, _)) => front_back_step(state),
                Some((Stage::Done, _)) => end_step(state),
            }}
        </section>
    }
}
