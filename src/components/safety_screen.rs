use crate::domain::knowledge::screen::{FlagId, Tier, QUESTIONS};
use crate::state::{today, use_state, AppState, Tab};
use leptos::prelude::*;

/// Saves the answers with today's date and shows the plan (or its stop message).
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
}

/// The red-flag questions (knowledge base §5) in plain words, each with big Yes and No
/// buttons. A yes to a question that needs care today or a doctor first is saved at once and
/// shows only what to do now; otherwise the answers are saved with the date once all are
/// given. Asked before the first plan, after 7 days, and after "new or changed symptoms".
#[component]
pub fn SafetyScreen() -> impl IntoView {
    let state = use_state();
    let answers = RwSignal::new(vec![None::<bool>; QUESTIONS.len()]);
    let answered = move || answers.with(|a| a.iter().filter(|x| x.is_some()).count());
    let group = move |tier: Tier, title: &'static str, intro: &'static str| {
        view! {
            <section class="screen-group" aria-labelledby=format!("tier-{tier:?}")>
                <h3 id=format!("tier-{tier:?}")>{title}</h3>
                <p class="muted">{intro}</p>
                {QUESTIONS.iter().enumerate().filter(|(_, q)| q.tier == tier).map(|(i, q)| {
                    let label_id = format!("q-{}", q.key);
                    let labelled = label_id.clone();
                    let pick = move |yes: bool| {
                        answers.update(|a| if let Some(x) = a.get_mut(i) { *x = Some(yes) });
                        if yes && tier != Tier::Amber {
                            answers.with_untracked(|a| save(state, a));
                        }
                    };
                    let is = move |v: bool| answers.with(|a| a.get(i).copied().flatten() == Some(v));
                    view! {
                        <div class="question" role="group" aria-labelledby=labelled>
                            <p id=label_id>{q.text}</p>
                            <div class="yes-no">
                                <button type="button" class="answer" aria-pressed=move || is(true).to_string()
                                    on:click=move |_| pick(true)>"Yes"</button>
                                <button type="button" class="answer" aria-pressed=move || is(false).to_string()
                                    on:click=move |_| pick(false)>"No"</button>
                            </div>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    };
    view! {
        <section class="safety-screen" aria-labelledby="safety-title">
            <h2 id="safety-title">"A few safety questions first"</h2>
            <p>"Please answer these before your plan. Most people answer no to all of them. "
               "A yes does not mean something is wrong: it means a doctor should look first, or that the plan needs to be gentler. "
               "We ask again every week, and whenever your symptoms change."</p>
            {group(Tier::Emergency, "Signs that need help today", "Think about the last few days.")}
            {group(Tier::Urgent, "Signs a doctor should check first", "These are about your back pain and your health in general.")}
            {group(Tier::Amber, "Things your doctor should know about", "With a yes here you still get a gentle plan.")}
            <p class="muted">{move || format!("{} of {} answered", answered(), QUESTIONS.len())}</p>
            <button type="button" class="primary wide"
                disabled=move || answered() < QUESTIONS.len()
                on:click=move |_| answers.with_untracked(|a| save(state, a))>
                "Save my answers"
            </button>
        </section>
    }
}
