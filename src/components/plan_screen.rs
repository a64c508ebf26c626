use crate::components::{CheckNext, FirstPlanQuestions, PlanStep, SafetyScreen};
use crate::domain::knowledge::message::MessageId;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::knowledge::screen::Tier;
use crate::domain::planner::engine::{plan as make_plan, Plan, Status};
use crate::domain::records::document::PAUSED_REASON;
use crate::domain::records::evidence;
use crate::domain::records::guide::duration_words;
use crate::domain::records::profile::needs_screen;
use crate::state::{moment, today, use_state, AppState, Tab};
use leptos::prelude::*;

/// Where a message of the plan is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The amber banner at the top.
    Banner,
    /// Right above the steps (what shapes this plan).
    Top,
    /// With the areas left alone.
    Leave,
    /// With the areas to check next.
    Check,
    /// "Good to know" under the steps.
    Notes,
    /// Not shown as a note (the stop messages have their own screen).
    Nowhere,
}

fn place(m: MessageId) -> Place {
    use MessageId as M;
    match m {
        M::StopEmergency | M::StopUrgent => Place::Nowhere,
        M::AmberCheck => Place::Banner,
        M::BackIsAlarm
        | M::NoLrDifference
        | M::BreathingFirst
        | M::OsteoporosisCaution
        | M::FallHeightLossQuestion
        | M::FibromyalgiaGentle
        | M::BloodThinnersLight
        | M::BloodPressureSlow
        | M::JointReplacementCaution
        | M::SurgeryCheck
        | M::StabilityWithPt
        | M::NoFloorAlternatives
        | M::SeeClinicianLocal
        | M::NoChangeSeePhysio => Place::Top,
        M::NoDirectLowBack | M::ThoracicRollerExcluded | M::GlutesLater => Place::Leave,
        M::MapLegsFirst => Place::Check,
        _ => Place::Notes,
    }
}

fn notes(plan: &Plan, at: Place) -> impl IntoView {
    plan.messages
        .iter()
        .filter(|m| place(**m) == at)
        .map(|m| view! { <p class="note" data-message=m.key()>{plan.message_text(*m)}</p> })
        .collect_view()
}

/// Asks the safety questions again (the person ticked "new or changed symptoms").
fn recheck(state: AppState) {
    state.edit(|d| d.ask_screen_again());
    state.go(Tab::Plan);
}

/// Starts a guided session on the current plan.
fn start_session(state: AppState, plan: Memo<Plan>) {
    let now = moment();
    state.edit(|d| plan.with_untracked(|p| d.start_session(p, now)));
    state.go(Tab::Session);
}

/// The plan screen. Asks first what changes every plan when it is unanswered (the tools at
/// home and the floor, [`FirstPlanQuestions`]), then the safety questions when they are due;
/// then either the stop message alone, or the plan: banners, the ordered steps with their reasons, the
/// areas left alone and why, areas to check next, and notes. It is recomputed from the
/// document (map, symptoms, profile, screen answers, paused areas) on every change.
#[component]
pub fn PlanScreen() -> impl IntoView {
    let state = use_state();
    let due = Memo::new(move |_| {
        state
            .doc
            .with(|d| needs_screen(d.screen.as_ref(), &today()))
    });
    // The engine runs here (not in the app state), so this screen can later load on demand.
    let plan = Memo::new(move |_| state.doc.with(|d| make_plan(&d.case())));
    let setup = Memo::new(move |_| state.doc.with(|d| d.profile.needs_setup()));
    move || {
        if setup.get() {
            view! { <FirstPlanQuestions/> }.into_any()
        } else if due.get() {
            view! { <SafetyScreen/> }.into_any()
        } else {
            view! { <PlanView plan=plan/> }.into_any()
        }
    }
}

/// The stop screen: only what to do now.
fn stop_view(state: AppState, status: Status) -> AnyView {
    let (title, msg) = match status {
        Status::StopEmergency => ("Please get help now", MessageId::StopEmergency),
        _ => ("Please see a doctor first", MessageId::StopUrgent),
    };
    view! {
        <div class="stop" role="alert" data-message=msg.key()>
            <h3 id="stop-title" tabindex="-1">{title}</h3>
            <p>{msg.text()}</p>
        </div>
        <p class="muted">"Tapped yes by mistake?"</p>
        <button type="button" class="secondary wide" on:click=move |_| recheck(state)>
            "Answer the safety questions again"
        </button>
    }
    .into_any()
}

#[component]
fn PlanView(
    /// The plan for the current document.
    plan: Memo<Plan>,
) -> impl IntoView {
    let state = use_state();
    let flash = state.flash.get_untracked();
    if flash.is_some() {
        // Shown once.
        state.flash.set(None);
    }
    let plan_memo = plan;
    let body = move || {
        let plan = plan_memo.get();
        if plan.status != Status::Plan {
            return stop_view(state, plan.status);
        }
        let (marked, running, amber_reasons, paused) = state.doc.with(|d| {
            let reasons: Vec<&'static str> = d
                .screen
                .as_ref()
                .map(|s| {
                    s.yes
                        .iter()
                        .filter(|f| f.tier() == Tier::Amber)
                        .map(|f| f.question().reason)
                        .collect()
                })
                .unwrap_or_default();
            (
                d.map.marks().any(|m| m.severity.get() >= 1),
                d.running.is_some(),
                reasons,
                d.paused.clone(),
            )
        });
        let total: u32 = plan.steps.iter().map(|s| u32::from(s.seconds)).sum();
        let n = plan.steps.len();
        let banner = plan.has_message(MessageId::AmberCheck).then(|| view! {
            <div class="banner amber" role="note" data-message="amber_check">
                <p>{MessageId::AmberCheck.text()}</p>
                <ul>{amber_reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        });
        let start = if running {
            view! {
                <div class="start-box">
                    <p>"You have a session in progress."</p>
                    <button type="button" class="primary wide" on:click=move |_| state.go(Tab::Session)>
                        "Continue your session"
                    </button>
                </div>
            }
            .into_any()
        } else if n > 0 {
            view! {
                <div class="start-box">
                    <p class="plan-summary">{format!("{n} {} · about {}", if n == 1 { "step" } else { "steps" }, duration_words(total))}</p>
                    <button type="button" class="primary wide" on:click=move |_| start_session(state, plan_memo)>
                        "Start guided session"
                    </button>
                </div>
            }
            .into_any()
        } else if !marked {
            view! {
                <div class="empty-start">
                    <h3>"Let's start with your map"</h3>
                    <p>"Your plan is built from where you feel tight or sore. Tap those spots on the body map, "
                       "and check the same spot on your other side too: the difference between left and right guides the order."</p>
                    <p>"Have low back pain? Tick it under the map, then check the front, inside, outside and back of both thighs."</p>
                    <button type="button" class="primary wide" on:click=move |_| state.go(Tab::Map)>"Go to the body map"</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="empty-start">
                    <h3>"Nothing to work on today"</h3>
                    <p>"None of the areas you marked can be worked safely with a tool right now. The list below says why. "
                       "Checking the suggested areas may give you something to work on."</p>
                </div>
            }
            .into_any()
        };
        let steps = (n > 0).then(|| view! {
            <ol class="plan-steps">
                {plan.steps.iter().enumerate().map(|(i, s)| {
                    let at = RegionSide { region: s.region, side: s.side };
                    let history = state.doc.with_untracked(|d| evidence::for_side(&d.sessions, at).hint());
                    view! { <PlanStep number=i + 1 step=s.clone() history=history/> }
                }).collect_view()}
            </ol>
        });
        let later = (!plan.later.is_empty()).then(|| view! {
            <section aria-labelledby="later-title">
                <h3 id="later-title">"Kept for next time"</h3>
                <ul class="plain-list">
                    {plan.later.iter().map(|l| view! {
                        <li><strong>{RegionSide { region: l.region, side: l.side }.label()}</strong>" " <span class="muted">{l.reason}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        });
        let leave = (!plan.avoid.is_empty() || plan.messages.iter().any(|m| place(*m) == Place::Leave)).then(|| view! {
            <section aria-labelledby="leave-title">
                <h3 id="leave-title">"Areas we leave alone"</h3>
                {notes(&plan, Place::Leave)}
                <ul class="leave-list">
                    {plan.avoid.iter().map(|a| {
                        let at = RegionSide { region: a.region, side: a.side };
                        let is_paused = paused.contains(&at);
                        view! {
                            <li data-region=a.region.key() data-side=a.side.key()>
                                <strong>{at.label()}</strong>
                                <span>{if is_paused { PAUSED_REASON } else { a.reason }}</span>
                                {is_paused.then(|| view! {
                                    <button type="button" class="secondary small"
                                        on:click=move |_| { state.edit(|d| d.clear_pause(at)); state.say(format!("{} is back in the plan", at.label())); }>
                                        "It feels fine again"
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        });
        let check = (!plan.to_map.is_empty()
            || plan.messages.iter().any(|m| place(*m) == Place::Check))
        .then(|| {
            view! {
                <section aria-labelledby="check-title">
                    <h3 id="check-title">"Check these next"</h3>
                    {notes(&plan, Place::Check)}
                    {(!plan.to_map.is_empty()).then(|| view! { <CheckNext plan=plan.clone()/> })}
                </section>
            }
        });
        let good = plan
            .messages
            .iter()
            .any(|m| place(*m) == Place::Notes)
            .then(|| {
                view! {
                    <section aria-labelledby="notes-title">
                        <h3 id="notes-title">"Good to know"</h3>
                        {notes(&plan, Place::Notes)}
                    </section>
                }
            });
        view! {
            {banner}
            {notes(&plan, Place::Top)}
            {start}
            <button type="button" class="link change-answers" on:click=move |_| state.go(Tab::Profile)>
                "Change your tools, floor or health answers"
            </button>
            {steps}
            {later}
            {leave}
            {check}
            {good}
            <button type="button" class="secondary wide" on:click=move |_| recheck(state)>
                "I have new or changed symptoms"
            </button>
        }
        .into_any()
    };
    view! {
        <section class="plan-screen" aria-labelledby="plan-title">
            <h2 id="plan-title" tabindex="-1">"Your plan"</h2>
            {flash.map(|f| view! { <p class="flash" role="status">{f}</p> })}
            {body}
        </section>
    }
}
