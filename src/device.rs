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

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static WAKE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static AUDIO: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
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

fn call0(target: &JsValue, method: &str) -> Option<JsValue> {
    if !target.is_object() {
        return None;
    }
    let f = get(target, method)?.dyn_into::<js_sys::Function>().ok()?;
    f.call0(target).ok()
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f = get(target, method)?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(target, arg).ok()
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

/// Prepares sound inside a tap (browsers only start audio after a gesture).
pub fn unlock_sound() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
        if let Some(ctx) = a.as_ref() {
            if let Ok(p) = ctx.resume() {
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

fn tone(ctx: &web_sys::AudioContext) -> Result<(), JsValue> {
    let osc = ctx.create_oscillator()?;
    let gain = ctx.create_gain()?;
    osc.set_type(web_sys::OscillatorType::Sine);
    osc.frequency().set_value(660.0);
    let t = ctx.current_time();
    let g = gain.gain();
    g.set_value_at_time(0.0, t)?;
    g.linear_ramp_to_value_at_time(0.12, t + 0.04)?;
    g.linear_ramp_to_value_at_time(0.0, t + 0.4)?;
    osc.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&ctx.destination())?;
    osc.start()?;
    osc.stop_with_when(t + 0.45)?;
    Ok(())
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
