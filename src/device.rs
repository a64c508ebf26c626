//! Device helpers for the guided session: keep the screen awake, a short vibration or a soft
//! tone at step changes, and the step clock; and printing (the summary for a clinician). Each
//! one fails silently where the browser does not allow it; none of them asks for a permission
//! prompt or touches the network.
//!
//! The screen wake lock (`navigator.wakeLock`) is reached through `js_sys::Reflect`, because
//! web-sys only offers it behind `--cfg=web_sys_unstable_apis`. The browser drops the lock
//! whenever the page is hidden, so the session screen asks again when it becomes visible.
//!
//! ## Test speed-up
//! [`clock_ms`] is the session clock: wall-clock milliseconds times a speed factor that is 1
//! for every real user. Browser tests set `window.__fasciamapTestSpeed = N` in an init script
//! to run step times N times faster; it is honoured only when the page is served from
//! `localhost` or `127.0.0.1`, so a public page can never be sped up.

use crate::browser::{call0, call1};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static WAKE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static AUDIO: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static SPEED: Cell<f64> = const { Cell::new(0.0) };
    /// Swallows a rejection (a refused lock or audio start is not an error worth a log line).
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
    /// Releases a wake-lock sentinel once its request has resolved.
    static RELEASE: Closure<dyn FnMut(JsValue)> = Closure::new(|sentinel: JsValue| {
        if let Some(p) = call0(&sentinel, "release").and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
            IGNORE.with(|ig| { let _ = p.catch(ig); });
        }
    });
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Asks the browser to keep the screen on (no-op where unsupported or refused).
pub fn keep_awake() {
    if WAKE.with(|w| w.borrow().is_some()) {
        return;
    }
    let Some(nav) = web_sys::window().map(|w| JsValue::from(w.navigator())) else {
        return;
    };
    let Some(lock) = get(&nav, "wakeLock") else {
        return;
    };
    let Some(promise) = call1(&lock, "request", &JsValue::from_str("screen"))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    // A refusal (page hidden, policy) must not surface as an unhandled rejection.
    let promise = IGNORE.with(|ig| promise.catch(ig));
    WAKE.with(|w| *w.borrow_mut() = Some(promise));
}

/// Keeps the screen awake until [`let_sleep`]: asks now, and again each time the page comes
/// back into view, since the browser drops the lock whenever the page is hidden. Gives the
/// page listener, to remove when the screen goes.
pub fn stay_awake() -> leptos::prelude::WindowListenerHandle {
    keep_awake();
    // `visibilitychange` bubbles from the document to the window.
    leptos::prelude::window_event_listener_untyped("visibilitychange", |_| {
        if crate::browser::page_visible() {
            forget_wake_lock();
            keep_awake();
        }
    })
}

/// Lets the screen sleep again.
pub fn let_sleep() {
    let Some(promise) = WAKE.with(|w| w.borrow_mut().take()) else {
        return;
    };
    let _ = RELEASE.with(|rel| promise.then(rel));
}

/// Forgets a lock the browser already dropped (the page was hidden), so the next
/// [`keep_awake`] asks again.
pub fn forget_wake_lock() {
    WAKE.with(|w| w.borrow_mut().take());
}

/// A short vibration, where the device can.
pub fn buzz() {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().vibrate_with_duration(180);
    }
}

/// Calls `target.method(...args)`; `None` where there is no such method or it throws.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = get(target, method)?.dyn_into::<js_sys::Function>().ok()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
        .ok()
}

/// Prepares sound inside a tap (browsers only start audio after a gesture).
///
/// Web Audio is reached through `js_sys::Reflect` rather than web-sys: its dozen bindings
/// would all sit in the first download's glue, for a sound that only the session plays.
pub fn unlock_sound() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::window()
                .and_then(|w| get(&w.into(), "AudioContext"))
                .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
                .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::new()).ok());
        }
        if let Some(ctx) = a.as_ref() {
            if let Some(p) =
                call(ctx, "resume", &[]).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            {
                IGNORE.with(|ig| {
                    let _ = p.catch(ig);
                });
            }
        }
    });
}

/// A soft, short tone (about a third of a second), if sound was prepared.
pub fn chime() {
    AUDIO.with(|a| {
        let a = a.borrow();
        let Some(ctx) = a.as_ref() else { return };
        let _ = tone(ctx);
    });
}

/// A sine at 660 Hz that swells in 40 ms and fades out by 0.4 s.
fn tone(ctx: &JsValue) -> Option<()> {
    let osc = call(ctx, "createOscillator", &[])?;
    let gain = call(ctx, "createGain", &[])?;
    js_sys::Reflect::set(&osc, &"type".into(), &"sine".into()).ok()?;
    js_sys::Reflect::set(&get(&osc, "frequency")?, &"value".into(), &660.0.into()).ok()?;
    let t = get(ctx, "currentTime")?.as_f64()?;
    let g = get(&gain, "gain")?;
    call(&g, "setValueAtTime", &[0.0.into(), t.into()])?;
    call(
        &g,
        "linearRampToValueAtTime",
        &[0.12.into(), (t + 0.04).into()],
    )?;
    call(
        &g,
        "linearRampToValueAtTime",
        &[0.0.into(), (t + 0.4).into()],
    )?;
    call(&osc, "connect", std::slice::from_ref(&gain))?;
    call(&gain, "connect", &[get(ctx, "destination")?])?;
    call(&osc, "start", &[])?;
    call(&osc, "stop", &[(t + 0.45).into()])?;
    Some(())
}

/// The test speed factor (1 for real users; see the module docs).
fn speed() -> f64 {
    let cached = SPEED.with(Cell::get);
    if cached > 0.0 {
        return cached;
    }
    let s = web_sys::window()
        .and_then(|w| {
            let host = w.location().hostname().ok()?;
            if host != "localhost" && host != "127.0.0.1" {
                return None;
            }
            get(&w.into(), "__fasciamapTestSpeed")?.as_f64()
        })
        .filter(|v| v.is_finite() && *v >= 1.0 && *v <= 1000.0)
        .unwrap_or(1.0);
    SPEED.with(|c| c.set(s));
    s
}

/// The session clock in milliseconds (see the module docs).
pub fn clock_ms() -> u64 {
    let ms = js_sys::Date::now() * speed();
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// True when this browser can open its print dialog: `window.print` is there, and the page is
/// not an app added to the home screen on iPhone or iPad (`navigator.standalone`, which only
/// iOS sets), where printing does not open.
pub fn can_print() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let has_print = get(&w.clone().into(), "print").is_some_and(|f| f.is_function());
    let ios_app = get(&w.navigator().into(), "standalone").and_then(|v| v.as_bool()) == Some(true);
    has_print && !ios_app
}

/// Opens the browser's print dialog (print, or save as PDF); does nothing where it cannot.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The browser's speech synthesis (`window.speechSynthesis`), if it has one.
fn synth() -> Option<JsValue> {
    get(&web_sys::window()?.into(), "speechSynthesis")
}

/// True when this browser can speak at all (the switch for spoken cues is offered then).
pub fn can_speak() -> bool {
    synth().is_some()
}

/// A voice of the phone itself for the page's language: `localService` true (never a network
/// voice, which would send the words to a server), its language the page's (`lang` of the
/// document, "en" here) or a regional form of it.
fn local_voice(synth: &JsValue) -> Option<JsValue> {
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_else(|| "en".to_string())
        .to_lowercase();
    let f = get(synth, "getVoices")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let voices: js_sys::Array = f.call0(synth).ok()?.dyn_into().ok()?;
    voices.iter().find(|v| {
        let local = get(v, "localService").and_then(|l| l.as_bool()) == Some(true);
        let vl = get(v, "lang")
            .and_then(|l| l.as_string())
            .unwrap_or_default()
            .to_lowercase()
            .replace('_', "-");
        local && (vl == lang || vl.starts_with(&format!("{lang}-")))
    })
}

/// True while the voice is still saying something.
pub fn speaking() -> bool {
    synth()
        .and_then(|s| get(&s, "speaking"))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Says `text` with a voice of the phone itself, in the page's language; `urgent` first
/// drops whatever is still waiting to be said (a new step's words replace old ones). Returns
/// at once: the words are queued and nothing waits for them, so a voice that never finishes
/// holds nothing up. Does nothing (returns false) without speech or without a local voice.
pub fn speak(text: &str, urgent: bool) -> bool {
    let Some(synth) = synth() else { return false };
    let Some(voice) = local_voice(&synth) else {
        return false;
    };
    let Some(ctor) = web_sys::window()
        .and_then(|w| get(&w.into(), "SpeechSynthesisUtterance"))
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Ok(utterance) = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&text.into())) else {
        return false;
    };
    let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
    if let Some(lang) = get(&voice, "lang") {
        let _ = js_sys::Reflect::set(&utterance, &"lang".into(), &lang);
    }
    let _ = js_sys::Reflect::set(&utterance, &"rate".into(), &JsValue::from_f64(0.9));
    if urgent {
        if let Some(cancel) =
            get(&synth, "cancel").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = cancel.call0(&synth);
        }
    }
    call1(&synth, "speak", &utterance).is_some()
}
