use crate::components::session_screen::{command, SavingNote, Session};
use crate::domain::records::guide::Command;
use crate::state::use_state;
use leptos::prelude::*;

/// The calm screen after "Sharp pain or tingling: stop" (knowledge base rule G7).
///
/// The step is over and its clock stopped; nothing moves on until the person chooses "Go on
/// with the next step" or "End the session" (the running session is held, see
/// `guide::Running::halted`, and that survives a reload). It says, in plain words, what
/// happened and what to do now (stop pressing, come off the tool slowly, breathe), that the
/// area is left out of the plan until it feels fine, and when to get help: tingling or pain
/// that does not settle means a doctor or physiotherapist before working there again, and
/// the signs that need urgent or emergency care are those of the safety questions (§5).
#[component]
pub fn PainStop(
    /// The session's clock and end slot.
    s: Session,
) -> impl IntoView {
    let state = use_state();
    let info = Memo::new(move |_| {
        state.doc.with(|d| {
            d.running.as_ref().and_then(|r| {
                let at = r.halted?;
                Some((at, r.current().map(|n| n.at)))
            })
        })
    });
    move || {
        let (at, next) = info.get()?;
        let area = at.label();
        Some(view! {
            <section class="session-screen pain-stop" aria-labelledby="session-title">
                <h2 id="session-title" tabindex="-1">"You stopped. That was the right thing to do."</h2>
                <p class="stopped-area">
                    <strong>{area}</strong>
                    " is left out of your plan until it feels fine again. The timer is stopped: nothing goes on until you choose below."
                </p>
                <h3>"What to do now"</h3>
                <ol class="calm-steps">
                    <li>"Stop pressing. Take your weight off the roller or ball."</li>
                    <li>"Come off it slowly. On the floor, roll onto your side first and rest there before you sit up."</li>
                    <li>"Breathe slowly: in for 4, out for 6, a few times."</li>
                </ol>
                <h3>"When to get help"</h3>
                <ul class="help-list">
                    <li>"Tingling, numbness or sharp pain that has not settled after a few hours, or that comes back whenever you press there: see your doctor or a physiotherapist before you work this area again."</li>
                    <li>"A calf or thigh that turns swollen, warm, red or throbbing: call your doctor today."</li>
                    <li><strong>"Call your emergency number now"</strong>" for weakness in a leg that is getting worse, numbness between your legs or around your bottom, new trouble passing or holding urine, chest pain or sudden breathlessness."</li>
                </ul>
                <p class="muted">"When it feels fine again, tap \u{201c}It feels fine again\u{201d} under \u{201c}Areas we leave alone\u{201d} on your plan, and it comes back."</p>
                <div class="stop-actions">
                    {match next {
                        Some(n) => view! {
                            <button type="button" class="primary big wide"
                                on:click=move |_| {
                                    command(state, s, Command::GoOn);
                                    state.say(format!("Next step: {}. Tap Start when you are ready.", n.label()));
                                }>
                                "Go on with the next step"
                            </button>
                            <p class="muted next-name">{format!("Next: {}", n.label())}</p>
                            <button type="button" class="secondary big wide"
                                on:click=move |_| { command(state, s, Command::EndEarly); }>
                                "End the session"
                            </button>
                        }.into_any(),
                        None => view! {
                            <p class="muted">"That was the last step."</p>
                            <button type="button" class="primary big wide"
                                on:click=move |_| { command(state, s, Command::EndEarly); }>
                                "End the session"
                            </button>
                        }.into_any(),
                    }}
                </div>
                <SavingNote/>
            </section>
        })
    }
}
