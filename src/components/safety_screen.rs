use crate::domain::knowledge::screen::{FlagId, Tier, GROUPS, QUESTIONS};
use crate::state::{today, use_state, AppState, Tab};
use leptos::prelude::*;

/// Saves the answers with today's date and shows the plan (or its stop message), with focus
/// on the heading of what follows.
fn save(state: AppState, answers: &[Option<bool>]) {
    let yes: Vec<FlagId> = QUESTIONS
        .iter()
        .zip(answers)
        .filter(|(_, a)| **a == Some(true))
        .map(|(q, _)| q.id)
        .collect();
    let today = today();
    state.edit(|d| {
        d.answer_screen(yes, &today);
        true
    });
    state.go(Tab::Plan);
    crate::browser::focus_after_paint(&["stop-title", "plan-title"]);
}

/// The red-flag questions (knowledge base §5) in plain words, in five short steps
/// ([`GROUPS`]: "Step 2 of 5"), each question a pair of big Yes and No buttons. A yes to a
/// question that needs care today or a doctor first is saved at once and shows only what to
/// do now; otherwise "Next" moves on once every question of the step is answered, and the
/// last step saves them all with the date. "Next" and "Save" are never greyed out: pressed
/// with a question unanswered, they move focus to it and say "Please answer this one" beside
/// it. Asked before the first plan, after 7 days, and after "new or changed symptoms".
#[component]
pub fn SafetyScreen() -> impl IntoView {
    let state = use_state();
    let answers = RwSignal::new(vec![None::<bool>; QUESTIONS.len()]);
    let step = RwSignal::new(0usize);
    let missing = RwSignal::new(None::<usize>);
    let last = GROUPS.len() - 1;
    let to_step = move |n: usize| {
        step.set(n);
        missing.set(None);
        crate::browser::scroll_to_top();
        crate::browser::focus_after_paint(&["safety-step"]);
    };
    let next = move |_| {
        let n = step.get_untracked();
        let Some(g) = GROUPS.get(n) else { return };
        let open = answers
            .with_untracked(|a| (g.first..g.end).find(|i| a.get(*i).copied().flatten().is_none()));
        if let Some(i) = open {
            missing.set(Some(i));
            if let Some(q) = QUESTIONS.get(i) {
                crate::browser::focus(&format!("q-{}-group", q.key));
            }
        } else if n < last {
            to_step(n + 1);
        } else {
            answers.with_untracked(|a| save(state, a));
        }
    };
    let question = move |i: usize| {
        let q = QUESTIONS.get(i)?;
        let label_id = format!("q-{}", q.key);
        let note_id = format!("q-{}-missing", q.key);
        let labelled = label_id.clone();
        let note = note_id.clone();
        let tier = q.tier;
        let pick = move |yes: bool| {
            answers.update(|a| {
                if let Some(x) = a.get_mut(i) {
                    *x = Some(yes);
                }
            });
            if missing.get_untracked() == Some(i) {
                missing.set(None);
            }
            // Care today or a doctor first: saved at once, and only what to do now is shown.
            if yes && tier != Tier::Amber {
                answers.with_untracked(|a| save(state, a));
            }
        };
        let is = move |v: bool| answers.with(|a| a.get(i).copied().flatten() == Some(v));
        let is_missing = move || missing.get() == Some(i);
        Some(view! {
            <div class="question" role="group" id=format!("q-{}-group", q.key) tabindex="-1"
                class:is-missing=is_missing
                aria-labelledby=labelled
                aria-describedby=move || is_missing().then(|| note.clone())>
                // Above the question, so it is in view when focus lands on the question.
                <Show when=is_missing>
                    <p class="missing-note" id=note_id.clone()>"Please answer this one"</p>
                </Show>
                <p id=label_id>{q.text}</p>
                <div class="yes-no">
                    <button type="button" class="answer" aria-pressed=move || is(true).to_string()
                        on:click=move |_| pick(true)>"Yes"</button>
                    <button type="button" class="answer" aria-pressed=move || is(false).to_string()
                        on:click=move |_| pick(false)>"No"</button>
                </div>
            </div>
        })
    };
    let body = move || {
        let n = step.get();
        let g = GROUPS.get(n)?;
        Some(view! {
            <p class="step-count">{format!("Step {} of {}", n + 1, GROUPS.len())}</p>
            <section class="screen-group" aria-labelledby="safety-step">
                <h3 id="safety-step" tabindex="-1">{g.title}</h3>
                <p class="muted">{g.intro}</p>
                {(g.first..g.end).filter_map(question).collect_view()}
            </section>
            <div class="step-actions">
                {(n > 0).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| to_step(n - 1)>"Back"</button>
                })}
                <button type="button" class="primary" on:click=next>
                    {if n < last { "Next" } else { "Save my answers" }}
                </button>
            </div>
        })
    };
    view! {
        <section class="safety-screen" aria-labelledby="safety-title">
            <h2 id="safety-title" tabindex="-1">"A few safety questions first"</h2>
            <Show when=move || step.get() == 0>
                <p>"Please answer these before your plan. Most people answer no to all of them. "
                   "A yes does not mean something is wrong: it means a doctor should look first, or that the plan needs to be gentler. "
                   "We ask again every week, and whenever your symptoms change."</p>
            </Show>
            {body}
        </section>
    }
}
