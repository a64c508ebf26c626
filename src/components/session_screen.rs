use crate::components::{sev_class, BreathPacer, StepDrawing, StepFigure, StepPose};
use crate::device;
use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::records::guide::{
    clock_text, duration_words, motion_words, position_words, Change, Command,
};
use crate::domain::records::profile::ProfileAction;
use crate::domain::records::session::StepOutcome;
use crate::state::{moment, use_state, AppState, Tab};
use leptos::prelude::*;
use std::time::Duration;

/// Sound and/or vibration at a step change, as the person set them.
fn cue(state: AppState) {
    let cues = state.doc.with_untracked(|d| d.profile.cues);
    if cues.vibrate {
        device::buzz();
    }
    if cues.sound {
        device::chime();
    }
}

/// Moves focus to the session heading after the step changed (the old buttons are gone).
fn focus_heading() {
    request_animation_frame(|| crate::browser::focus("session-title"));
}

/// Sends a command to the running session at the current clock; saves and cues on a step
/// change.
fn command(state: AppState, now: RwSignal<u64>, c: Command) -> Change {
    let t = device::clock_ms();
    let mut change = Change::None;
    state.edit(|d| {
        change = d.guide(c, t);
        change != Change::None
    });
    now.set(t);
    if change == Change::Step {
        cue(state);
        focus_heading();
    }
    change
}

/// The guided session: one step at a time with a countdown, the technique in a few lines, a
/// breathing guide, start/pause, back, skip and a big "sharp pain or tingling" stop that
/// leaves that area out of the plan until it is cleared; then the re-rating at the end.
/// Keeps the screen awake while it shows (where the browser allows it).
#[component]
pub fn SessionScreen() -> impl IntoView {
    let state = use_state();
    let now = RwSignal::new(device::clock_ms());
    let tick = move || {
        if command(state, now, Command::Tick) == Change::Step {
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

    let phase = Memo::new(move |_| state.doc.with(|d| d.running.as_ref().map(|r| r.at_end())));
    move || {
        match phase.get() {
        None => view! {
            <section class="session-screen" aria-labelledby="session-title">
                <h2 id="session-title">"No session running"</h2>
                <p>"Start a guided session from your plan."</p>
                <button type="button" class="primary wide" on:click=move |_| state.go(Tab::Plan)>"Go to your plan"</button>
            </section>
        }.into_any(),
        Some(false) => view! { <StepView now=now/> }.into_any(),
        Some(true) => view! { <RerateView now=now/> }.into_any(),
    }
    }
}

/// One step of the running session.
#[component]
fn StepView(
    /// The session clock, updated by the screen's timer.
    now: RwSignal<u64>,
) -> impl IntoView {
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
    let cues = move || state.doc.with(|d| d.profile.cues);
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
                    <Show when=move || running.get() fallback=|| view! {
                        <p class="pacer-hint">"Get into position, then tap Start."</p>
                    }>
                        <BreathPacer/>
                    </Show>
                </div>
                <div class="session-controls">
                    <button type="button" class="secondary" disabled=move || index == 0
                        on:click=move |_| { command(state, now, Command::Back); }>"Back"</button>
                    <button type="button" class="primary big"
                        on:click=move |_| {
                            if running.get_untracked() {
                                command(state, now, Command::Pause);
                            } else {
                                if state.doc.with_untracked(|d| d.profile.cues.sound) { device::unlock_sound(); }
                                command(state, now, Command::Play);
                            }
                        }>
                        {move || if running.get() { "Pause" } else if state.doc.with(|d| d.running.as_ref().is_some_and(|r| r.spent_ms > 0)) { "Resume" } else { "Start" }}
                    </button>
                    <button type="button" class="secondary"
                        on:click=move |_| { command(state, now, Command::Skip); }>"Skip"</button>
                </div>
                <button type="button" class="pain"
                    on:click=move |_| {
                        let t = device::clock_ms();
                        state.edit(|d| d.stop_for_pain(t).is_some());
                        now.set(t);
                        focus_heading();
                        state.say(format!("Stopped. {} is left out of your plan until you say it feels fine.", at.label()));
                    }>
                    "Sharp pain or tingling: stop"
                </button>
                <ul class="how">
                    <li>{how}</li>
                    <li>{cue_text}</li>
                    {zone.map(|z| view! { <li>{z}</li> })}
                    {caution.map(|c| view! { <li class="muted">{c}</li> })}
                    <li>"Breathe in for 4, hold for 2, breathe out slowly for 6."</li>
                </ul>
                <button type="button" class="secondary wide"
                    on:click=move |_| { command(state, now, Command::Done); }>"Done with this one"</button>
                <details class="cue-settings">
                    <summary>"Sound and vibration"</summary>
                    <label class="toggle">
                        <input type="checkbox" prop:checked=move || cues().sound
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                if on { device::unlock_sound(); }
                                state.edit(|d| d.profile.apply(ProfileAction::SetSound(on)));
                            }/>
                        " A soft sound when a step changes"
                    </label>
                    <label class="toggle">
                        <input type="checkbox" prop:checked=move || cues().vibrate
                            on:change=move |ev| { let on = event_target_checked(&ev); state.edit(|d| d.profile.apply(ProfileAction::SetVibrate(on))); }/>
                        " A short vibration when a step changes"
                    </label>
                </details>
                <button type="button" class="link" on:click=move |_| { command(state, now, Command::EndEarly); }>
                    "End the session here"
                </button>
            </section>
        })
    }
}

/// The end of the session: re-rate the worked areas (before and after side by side), then save.
#[component]
fn RerateView(
    /// The session clock.
    now: RwSignal<u64>,
) -> impl IntoView {
    let state = use_state();
    let (items, worked, stopped) = state.doc.with_untracked(|d| {
        d.running.as_ref().map_or((Vec::new(), 0, 0), |r| {
            (
                r.to_rerate(),
                r.record.total_s(),
                r.record
                    .steps
                    .iter()
                    .filter(|s| s.outcome == StepOutcome::StoppedPain)
                    .count(),
            )
        })
    });
    let afters = RwSignal::new(Vec::<(RegionSide, Severity)>::new());
    let update_map = RwSignal::new(true);
    let has_items = !items.is_empty();
    let save = move |_| {
        let list = afters.get_untracked();
        let update = update_map.get_untracked();
        state.edit(|d| d.finish_session(&list, update, moment()));
        state
            .flash
            .set(Some("Session saved. Well done!".to_string()));
        state.go(Tab::Plan);
    };
    view! {
        <section class="session-screen" aria-labelledby="session-title">
            <h2 id="session-title" tabindex="-1">"Well done"</h2>
            <p>{format!("You worked for {}.", duration_words(worked))}
               {(stopped > 0).then_some(" Areas where you stopped are left out of the plan until you clear them.")}</p>
            {has_items.then(|| view! { <p>"How do the areas you worked feel now?"</p> })}
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
            <button type="button" class="primary wide" on:click=save>"Save session"</button>
            <button type="button" class="link" on:click=move |_| { command(state, now, Command::Back); }>
                "Back to the last step"
            </button>
        </section>
    }
}
