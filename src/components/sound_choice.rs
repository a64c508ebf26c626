use crate::device;
use crate::domain::records::profile::ProfileAction;
use crate::state::use_state;
use leptos::prelude::*;

/// The session's sound and vibration, always in view under the controls (never folded away).
///
/// At the first session, while the person has not chosen, it asks in plain words whether to
/// keep the soft sound at the end of each step, with "yes" already chosen (two large radio
/// buttons); the question stays for the rest of that session, so the choice can be changed
/// in the same place. Later sessions show a switch instead. Each change is said to screen
/// readers and kept in the profile; turning the sound on counts as the tap that lets the
/// browser play it.
#[component]
pub fn SoundChoice() -> impl IntoView {
    let state = use_state();
    let cues = Memo::new(move |_| state.doc.with(|d| d.profile.cues));
    // Asked in this session: the question form stays until the screen goes.
    let asking = cues.get_untracked().ask_about_sound();
    if asking {
        state.say(
            "A soft sound will tell you when each step ends. It is on; you can turn it off under the Start button."
                .to_string(),
        );
    }
    let set_sound = move |on: bool| {
        if on {
            device::unlock_sound();
        }
        state.edit(|d| d.profile.apply(ProfileAction::SetSound(on)));
        state.say(
            if on {
                "Sound on: a soft tone when each step ends."
            } else {
                "Sound off."
            }
            .to_string(),
        );
    };
    let vibrate = view! {
        <label class="toggle">
            <input type="checkbox" prop:checked=move || cues.get().vibrate
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.edit(|d| d.profile.apply(ProfileAction::SetVibrate(on)));
                    if on {
                        device::buzz();
                    }
                    state.say(if on { "Vibration on." } else { "Vibration off." }.to_string());
                }/>
            " Vibrate too"
        </label>
    };
    let sound = if asking {
        view! {
            <fieldset class="sound-ask">
                <legend>"A soft sound tells you when to move on. Keep it on?"</legend>
                <div class="sound-options">
                    <label class="radio-card">
                        <input type="radio" name="sound" prop:checked=move || cues.get().sound_on()
                            on:change=move |_| set_sound(true)/>
                        " Yes, keep the sound"
                    </label>
                    <label class="radio-card">
                        <input type="radio" name="sound" prop:checked=move || !cues.get().sound_on()
                            on:change=move |_| set_sound(false)/>
                        " No sound"
                    </label>
                </div>
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <label class="toggle">
                <input type="checkbox" role="switch" prop:checked=move || cues.get().sound_on()
                    on:change=move |ev| set_sound(event_target_checked(&ev))/>
                " Soft sound when a step ends"
            </label>
        }
        .into_any()
    };
    // Spoken cues: offered where the browser can speak, off until the person turns them on,
    // and only with a voice of the phone itself (never one that sends the words away).
    let speech = device::can_speak().then(|| {
        view! {
            <label class="toggle">
                <input type="checkbox" role="switch" prop:checked=move || cues.get().speech
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit(|d| d.profile.apply(ProfileAction::SetSpeech(on)));
                        let said = if !on {
                            "Spoken cues off."
                        } else if device::speak("Spoken cues on.", true) {
                            "Spoken cues on: the phone says each step, halfway, ten seconds left and the breathing."
                        } else {
                            "This phone has no voice of its own for spoken cues, so nothing will be said. The soft sound and the vibration still work."
                        };
                        state.say(said.to_string());
                    }/>
                " Say the steps aloud"
            </label>
        }
    });
    view! {
        <div class="cue-choice">
            {sound}
            {vibrate}
            {speech}
        </div>
    }
}
