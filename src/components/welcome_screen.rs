use crate::components::SymptomPicker;
use crate::domain::knowledge::mark::Symptom;
use crate::domain::knowledge::region::View;
use crate::domain::records::profile::ProfileAction;
use crate::state::{use_state, AppState, Tab, Zoom};
use leptos::prelude::*;

/// Where the map should open for the symptoms ticked: the legs for low back pain (the method
/// checks the thighs first), the legs from behind for a sore heel, the legs for stiff hips, the
/// upper body from behind for the mid back or the neck and shoulders, the whole body otherwise.
/// Low back pain wins when several are ticked.
fn start_for(symptoms: &[Symptom]) -> (Zoom, View) {
    let has = |s| symptoms.contains(&s);
    if has(Symptom::LowBackPain) || has(Symptom::HipStiffness) {
        (Zoom::Lower, View::Front)
    } else if has(Symptom::MorningHeelPain) {
        (Zoom::Lower, View::Back)
    } else if has(Symptom::MidBackAche) || has(Symptom::NeckShoulderTension) {
        (Zoom::Upper, View::Back)
    } else {
        (Zoom::Whole, View::Front)
    }
}

/// Records that the welcome was passed (so it is never shown again) and opens the map, at the
/// place that suits the symptoms ticked when `placed`.
fn finish(state: AppState, placed: bool) {
    state.edit(|d| d.profile.apply(ProfileAction::Welcomed));
    let symptoms: Vec<Symptom> = state
        .doc
        .with_untracked(|d| d.map.symptoms.iter().copied().collect());
    let (zoom, view) = if placed {
        start_for(&symptoms)
    } else {
        (Zoom::Whole, View::Front)
    };
    state.zoom.set(zoom);
    state.view.set(view);
    if placed && symptoms.contains(&Symptom::LowBackPain) {
        state.map_hint.set(Some(
            "Low back pain: this method checks the legs first. Tap both thighs, or use “Check my legs” under the map.",
        ));
    }
    state.go(Tab::Map);
    state.say(match zoom {
        Zoom::Lower => {
            "Your body map is open on the legs. Tap where you feel tight or sore.".into()
        }
        Zoom::Upper => {
            "Your body map is open on the upper body. Tap where you feel tight or sore.".into()
        }
        Zoom::Whole => "Your body map is open. Tap where you feel tight or sore.".into(),
    });
    // The map starts at the top of the page, right under the header.
    crate::browser::focus_screen_top();
}

/// The first visit: one short screen on what FasciaMap does (find where to release rather than
/// rub where it hurts), that it is self-help and not a diagnosis, and that nothing leaves the
/// phone; then "What brings you here?" with the symptoms as big choices, after which the map
/// opens where this person should start (with low back pain, "Check my legs" is offered
/// straight away too). "Skip" is on both steps. Passing it (either way) is
/// kept in the profile, so it is shown once.
#[component]
pub fn WelcomeScreen() -> impl IntoView {
    let state = use_state();
    // 0: what FasciaMap is; 1: what brings you here.
    let step = RwSignal::new(0u8);
    let stiffness = RwSignal::new(false);
    let to_step = move |n: u8| {
        step.set(n);
        crate::browser::scroll_to_top();
        crate::browser::focus_after_paint(&["welcome-title"]);
    };
    // The loading page's welcome (index.html) showed these very words: this screen takes its
    // place, in the same spot.
    crate::browser::remove_boot();
    // A button of the loading page's welcome tapped while the app was on its way: done now,
    // once this screen is up.
    if let Some(choice) = crate::browser::take_boot_choice() {
        leptos::task::spawn_local(async move {
            match choice.as_str() {
                "start" => to_step(1),
                "skip" => finish(state, false),
                _ => {}
            }
        });
    }
    let lbp = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.map.symptoms.contains(&Symptom::LowBackPain))
    });
    move || {
        if step.get() == 0 {
            view! {
                <section class="welcome" aria-labelledby="welcome-title">
                    <h2 id="welcome-title" tabindex="-1">"Welcome to FasciaMap"</h2>
                    <p class="welcome-lead">"Find where to release tension, instead of only rubbing the spot that hurts."</p>
                    <ul class="welcome-points">
                        <li>
                            <strong>"How it works. "</strong>
                            "Tap where you feel tight or sore, on both sides. FasciaMap suggests where to start, "
                            "with which tool and how, and says why."
                        </li>
                        <li>
                            <strong>"Self-help, not a diagnosis. "</strong>
                            "It does not replace a doctor or physio. See a doctor first for pain after a fall or "
                            "accident, pain that wakes you at night, fever or weight loss, numbness or weakness, or "
                            "bladder or bowel trouble."
                        </li>
                        <li>
                            <strong>"Private. "</strong>
                            "What you enter stays on this phone. Nothing is sent unless you share a link yourself."
                        </li>
                    </ul>
                    <div class="welcome-actions">
                        <button type="button" class="primary wide big" on:click=move |_| to_step(1)>"Get started"</button>
                        <button type="button" class="secondary wide" on:click=move |_| finish(state, false)>"Skip to the body map"</button>
                    </div>
                </section>
            }
            .into_any()
        } else {
            view! {
                <section class="welcome" aria-labelledby="welcome-title">
                    <h2 id="welcome-title" tabindex="-1">"What brings you here?"</h2>
                    <p class="welcome-lead">"Choose all that fit. It decides where your map opens and what your plan looks at first. You can change it later under the map."</p>
                    <SymptomPicker legend="Choose all that fit" stiffness=stiffness/>
                    <Show when=move || lbp.get()>
                        <p class="why-line">"With low back pain the map opens on your legs: this method checks the thighs first."</p>
                    </Show>
                    <div class="welcome-actions">
                        <button type="button" class="primary wide big" on:click=move |_| finish(state, true)>"Show my body map"</button>
                        <Show when=move || lbp.get()>
                            <button type="button" class="secondary wide big" on:click=move |_| {
                                finish(state, true);
                                state.go(Tab::LegCheck);
                            }>"Check my legs, left against right"</button>
                        </Show>
                        <button type="button" class="secondary wide" on:click=move |_| to_step(0)>"Back"</button>
                        <button type="button" class="link" on:click=move |_| finish(state, false)>"Skip"</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
