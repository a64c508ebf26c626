use crate::components::{
    sev_class, BreathPacer, PainStop, SessionEnd, SoundChoice, StepDrawing, StepFigure, StepPose,
};
use crate::device;
use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::records::document::Finished;
use crate::domain::records::guide::{
    clock_text, duration_words, motion_words, position_words, Change, Command,
};
use crate::domain::records::profile::ProfileAction;
use crate::domain::records::voice::{self, Beat};
use crate::state::{moment, use_state, AppState, Notice, Tab};
use leptos::prelude::*;
use std::time::Duration;

/// The session screen's own state, handed to its parts: the session clock (updated by the
/// screen's timer) and what the last finished session gave (the end screen shows it once the
/// running session is gone).
#[derive(Clone, Copy)]
pub struct Session {
    /// The session clock in ms ([`device::clock_ms`]).
    pub now: RwSignal<u64>,
    /// The result of finishing, for the end screen.
    pub ended: RwSignal<Option<Finished>>,
    /// The session as the voice last saw it ([`speak_cue`]).
    pub heard: StoredValue<Option<Beat>>,
}

/// Says what changed since the voice last looked (the step, start, halfway, ten seconds left,
/// switch sides, the stop, the end: [`voice::cue`]) when the person turned spoken cues on.
/// Called after every command and timer tick; it only queues words and never waits for them.
pub(crate) fn speak_cue(state: AppState, s: Session, t: u64) {
    let said = state.doc.with_untracked(|d| {
        let now = d.running.as_ref().map(|r| Beat::of(r, t));
        let before = s.heard.get_value();
        s.heard.set_value(now);
        if !d.profile.cues.speech {
            return None;
        }
        let steps = d.running.as_ref().map_or(&[][..], |r| &r.steps[..]);
        voice::cue(before, now, steps)
    });
    if let Some(text) = said {
        device::speak(&text, true);
    }
}

/// Sound and/or vibration at the end of a step, as the person set them.
fn cue(state: AppState) {
    let cues = state.doc.with_untracked(|d| d.profile.cues);
    if cues.vibrate {
        device::buzz();
    }
    if cues.sound_on() {
        device::chime();
    }
}

/// Moves focus to the heading of what the session screen shows now (the old buttons are
/// gone), once it is painted.
pub(crate) fn focus_heading() {
    crate::browser::after_paint(|| crate::browser::focus("session-title"));
}

/// Prepares the sound inside a tap when the person wants it (browsers start audio only
/// after a gesture), so the tone at the end of the step can play.
pub(crate) fn ready_sound(state: AppState) {
    if state.doc.with_untracked(|d| d.profile.cues.sound_on()) {
        device::unlock_sound();
    }
}

/// Finishes the session (saving it, or dropping it when nothing was done, as the document
/// decides) and shows the end screen.
pub(crate) fn finish(
    state: AppState,
    s: Session,
    afters: &[(RegionSide, Severity)],
    update_map: bool,
) {
    let mut result = Finished::NotRunning;
    state.edit(|d| {
        result = d.finish_session(afters, update_map, moment());
        result != Finished::NotRunning
    });
    if result == Finished::NotRunning {
        return;
    }
    // The end screen says "Session saved" (or that nothing was saved) in its own status
    // line, and focus goes to its heading: no second announcement here.
    s.ended.set(Some(result));
    focus_heading();
}

/// Sends a command to the running session at the current clock; on a step change it cues
/// (the end of a step: time up, done, skip or back; not leaving a stop or ending) and moves
/// focus. At the end, with nothing to re-rate, the session finishes at once.
pub(crate) fn command(state: AppState, s: Session, c: Command) -> Change {
    let t = device::clock_ms();
    let mut change = Change::None;
    state.edit(|d| {
        change = d.guide(c, t);
        change != Change::None
    });
    s.now.set(t);
    speak_cue(state, s, t);
    if change == Change::Step {
        if !matches!(c, Command::GoOn | Command::EndEarly) {
            cue(state);
        }
        let nothing_to_rate = state.doc.with_untracked(|d| {
            d.running
                .as_ref()
                .is_some_and(|r| r.at_end() && !r.is_halted() && r.to_rerate().is_empty())
        });
        if nothing_to_rate {
            finish(state, s, &[], false);
        } else {
            focus_heading();
        }
    }
    change
}

/// A button's command: the tap also prepares the sound (see [`ready_sound`]).
fn tap(state: AppState, s: Session, c: Command) {
    ready_sound(state);
    command(state, s, c);
}

/// What the session screen shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// A step, ready or running.
    Step,
    /// The calm screen after a sharp-pain stop.
    Stopped,
    /// After the last step: how do the areas feel now.
    Rerate,
}

/// The guided session: one step at a time with a countdown, the technique in a few lines, a
/// breathing guide, start/pause, back, skip, a soft sound at the end of each step (on unless
/// the person turned it off; asked once at the first session) and a big "sharp pain or
/// tingling" stop that shows a calm screen ([`PainStop`]) and waits; then the re-rating,
/// and the end screen ([`SessionEnd`]) with what was done and what comes next. Focus goes to
/// the heading of each new view. Keeps the screen awake while it shows (where the browser
/// allows it).
#[component]
pub fn SessionScreen() -> impl IntoView {
    let state = use_state();
    let ended = RwSignal::new(None::<Finished>);
    let s = Session {
        now: RwSignal::new(device::clock_ms()),
        ended,
        heard: StoredValue::new(None),
    };
    let tick = move || {
        if command(state, s, Command::Tick) == Change::Step {
            state.say("Time is up. Next step.".to_string());
        }
    };
    if let Ok(h) = set_interval_with_handle(tick, Duration::from_millis(250)) {
        on_cleanup(move || h.clear());
    }
    let awake = device::stay_awake();
    on_cleanup(move || {
        awake.remove();
        device::let_sleep();
    });
    // Arriving here (from "Start" on the plan or the programme): focus on the heading.
    focus_heading();

    let phase = Memo::new(move |_| {
        state.doc.with(|d| {
            d.running.as_ref().map(|r| {
                if r.is_halted() {
                    Phase::Stopped
                } else if r.at_end() {
                    Phase::Rerate
                } else {
                    Phase::Step
                }
            })
        })
    });
    move || {
        match phase.get() {
        Some(Phase::Step) => view! { <StepView s=s/> }.into_any(),
        Some(Phase::Stopped) => view! { <PainStop s=s/> }.into_any(),
        Some(Phase::Rerate) => view! { <RerateView s=s/> }.into_any(),
        None => match ended.get() {
            Some(result) => view! { <SessionEnd result=result/> }.into_any(),
            None => view! {
                <section class="session-screen" aria-labelledby="session-title">
                    <h2 id="session-title" tabindex="-1">"No session running"</h2>
                    <p>"Start a guided session from your plan."</p>
                    <button type="button" class="primary wide" on:click=move |_| state.go(Tab::Plan)>"Go to your plan"</button>
                </section>
            }
            .into_any(),
        },
    }
    }
}

/// A storage problem that means this session is not being kept, said at the bottom of the
/// session screen (the banners wait until the session is over, so nothing pushes the
/// controls down).
#[component]
pub fn SavingNote() -> impl IntoView {
    let state = use_state();
    move || {
        let text = match state.notice.get()? {
            Notice::NotSaving => "This browser is not saving right now: you can finish the session, but it will not be kept after you close the page.",
            Notice::Full => "This browser's storage is full, so this session may not be kept. You can still finish it.",
            _ => return None,
        };
        Some(view! { <p class="saving-note" role="alert">{text}</p> })
    }
}

/// One step of the running session.
#[component]
fn StepView(
    /// The session's clock and end slot.
    s: Session,
) -> impl IntoView {
    let now = s.now;
    let state = use_state();
    let current = Memo::new(move |_| {
        state.doc.with(|d| {
            d.running
                .as_ref()
                .and_then(|r| r.current().cloned().map(|s| (r.index, r.steps.len(), s)))
        })
    });
    let running = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.running.as_ref().is_some_and(|r| r.is_running()))
    });
    let remaining = move || {
        let t = now.get();
        state
            .doc
            .with(|d| d.running.as_ref().map_or(0, |r| r.remaining_s(t)))
    };
    move || {
        let (index, total, step) = current.get()?;
        let at = step.at;
        let title = at.label();
        let how = format!(
            "{}, {}, {}.",
            position_words(step.position),
            step.tool.name(),
            motion_words(step.motion)
        );
        let cue_text = step.cue.clone();
        let zone = step.zone.map(|z| z.text());
        let caution = step.cautions.first().cloned();
        let planned = duration_words(u32::from(step.seconds));
        Some(view! {
            <section class="session-screen" aria-labelledby="session-title">
                <p class="session-progress">
                    <span>{format!("Step {} of {}", index + 1, total)}</span>
                    <progress max=total value=index aria-hidden="true"></progress>
                </p>
                <div class="session-head">
                    <StepFigure at=at/>
                    <div>
                        <h2 id="session-title" tabindex="-1">{title}</h2>
                        <p class="step-meta">{format!("{planned} in all")}</p>
                    </div>
                </div>
                <StepDrawing step=StepPose::of_planned(&step) large=true/>
                <div class="timer-row">
                    <p class="countdown" role="timer" aria-label="Time left">{move || clock_text(remaining())}</p>
                    // The hint and the breathing guide share one slot as tall as the guide,
                    // so tapping Start does not move the buttons under the finger.
                    <div class="pacer-slot">
                        // An invisible copy of the guide at its widest words holds the height.
                        <div class="pacer pacer-sizer" aria-hidden="true">
                            <div class="pacer-ring"></div>
                            <p>"Breathe out · 6"</p>
                        </div>
                        <p class=move || if running.get() { "pacer-hint hidden" } else { "pacer-hint" }>"Get into position, then tap Start."</p>
                        <Show when=move || running.get()>
                            <BreathPacer/>
                        </Show>
                    </div>
                </div>
                <div class="session-controls">
                    <button type="button" class="secondary" disabled=move || index == 0
                        on:click=move |_| tap(state, s, Command::Back)>"Back"</button>
                    <button type="button" class="primary big"
                        on:click=move |_| {
                            if running.get_untracked() {
                                command(state, s, Command::Pause);
                            } else {
                                // Starting with the sound question unanswered keeps its
                                // preselected answer: the sound stays on.
                                if state.doc.with_untracked(|d| d.profile.cues.ask_about_sound()) {
                                    state.edit(|d| d.profile.apply(ProfileAction::SetSound(true)));
                                }
                                ready_sound(state);
                                command(state, s, Command::Play);
                            }
                        }>
                        {move || if running.get() { "Pause" } else if state.doc.with(|d| d.running.as_ref().is_some_and(|r| r.spent_ms > 0)) { "Resume" } else { "Start" }}
                    </button>
                    <button type="button" class="secondary"
                        on:click=move |_| tap(state, s, Command::Skip)>"Skip"</button>
                </div>
                <button type="button" class="pain"
                    on:click=move |_| {
                        let t = device::clock_ms();
                        if state.edit(|d| d.stop_for_pain(t).is_some()) {
                            now.set(t);
                            focus_heading();
                            state.say(format!(
                                "Stopped. The timer is stopped and nothing moves on until you choose. {} is left out of your plan until it feels fine.",
                                at.label()
                            ));
                        }
                    }>
                    "Sharp pain or tingling: stop"
                </button>
                <SoundChoice/>
                <ul class="how">
                    <li>{how}</li>
                    <li>{cue_text}</li>
                    {zone.map(|z| view! { <li>{z}</li> })}
                    {caution.map(|c| view! { <li class="muted">{c}</li> })}
                    <li>"Breathe in for 4, hold for 2, breathe out slowly for 6."</li>
                </ul>
                <button type="button" class="secondary wide"
                    on:click=move |_| tap(state, s, Command::Done)>"Done with this one"</button>
                <button type="button" class="link" on:click=move |_| { command(state, s, Command::EndEarly); }>
                    "End the session here"
                </button>
                <SavingNote/>
            </section>
        })
    }
}

/// The end of the session: re-rate the worked areas (before and after side by side), then
/// save; the end screen follows.
#[component]
fn RerateView(
    /// The session's clock and end slot.
    s: Session,
) -> impl IntoView {
    let state = use_state();
    let (items, worked) = state.doc.with_untracked(|d| {
        d.running
            .as_ref()
            .map_or((Vec::new(), 0), |r| (r.to_rerate(), r.record.total_s()))
    });
    let afters = RwSignal::new(Vec::<(RegionSide, Severity)>::new());
    let update_map = RwSignal::new(true);
    let has_items = !items.is_empty();
    let save = move |_| {
        let list = afters.get_untracked();
        finish(state, s, &list, update_map.get_untracked());
    };
    view! {
        <section class="session-screen" aria-labelledby="session-title">
            <h2 id="session-title" tabindex="-1">"Well done"</h2>
            <p>{format!("You worked for {}.", duration_words(worked))}</p>
            {has_items.then(|| view! { <p>"How do the areas you worked feel now? Press them gently and pick a number. You can leave any of them out."</p> })}
            <ul class="rerate-list">
                {items.into_iter().map(|item| {
                    let at = item.at;
                    let name = at.label();
                    let group = format!("Now: {name}");
                    let is = move |s: Severity| afters.with(|a| a.iter().any(|(x, v)| *x == at && *v == s));
                    view! {
                        <li class="rerate" data-region=at.region.key() data-side=at.side.key()>
                            <h3>{name}</h3>
                            <div class="before-after">
                                <div class="before">
                                    <span class="muted">"Before"</span>
                                    <span class=format!("chip {}", sev_class(Some(item.before)))>{format!("{} {}", item.before.get(), item.before.word())}</span>
                                </div>
                                <div class="after" role="group" aria-label=group>
                                    <span class="muted">"Now"</span>
                                    <div class="after-buttons">
                                        {Severity::ALL.into_iter().map(|s| view! {
                                            <button type="button" class=format!("sev-btn {}", sev_class(Some(s)))
                                                aria-pressed=move || is(s).to_string()
                                                on:click=move |_| afters.update(|a| {
                                                    a.retain(|(x, _)| *x != at);
                                                    a.push((at, s));
                                                })>
                                                <span class="num">{s.get()}</span>
                                                <span class="word">{s.word()}</span>
                                            </button>
                                        }).collect_view()}
                                    </div>
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {has_items.then(|| view! {
                <label class="toggle">
                    <input type="checkbox" bind:checked=update_map/>
                    " Also put the new ratings on my body map"
                </label>
            })}
            <button type="button" class="primary wide big" on:click=save>"Save session"</button>
            <button type="button" class="link" on:click=move |_| { command(state, s, Command::Back); }>
                "Back to the last step"
            </button>
            <SavingNote/>
        </section>
    }
}
