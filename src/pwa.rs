//! Installing and updating the app in the browser: the service worker (release builds only),
//! the "a new version is ready" flow, and the browser's install prompt.
//!
//! Update rule: a new service worker installs in the background and then waits. The app shows
//! a banner; only when the person chooses "Update now" does it ask the worker to take over
//! (`SKIP_WAITING`) and reload once control has passed. Nothing reloads on its own, and no
//! banner is shown while [`AppState::busy`] is set (a guided session).

use crate::state::AppState;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the update flow stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Update {
    /// Nothing to do.
    None,
    /// A new version is installed and waiting for the person's choice.
    Ready,
    /// The person chose to update; waiting for the new version to take over.
    Applying,
    /// Another tab applied an update: this page runs the old version until reloaded.
    ReloadNeeded,
}

/// What installing looks like on this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Install {
    /// Already installed, or the browser offers no way (desktop Firefox).
    Unavailable,
    /// The browser offered installation: an "Install" button can show its prompt.
    Prompt,
    /// iOS Safari: installing is done by hand through the Share menu.
    Ios,
}

/// Install and update state, provided as context by [`start`].
#[derive(Clone, Copy)]
pub struct Pwa {
    /// The update flow.
    pub update: RwSignal<Update>,
    /// The install offer.
    pub install: RwSignal<Install>,
}

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static INSTALL_EVENT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static UPDATE_CHOSEN: Cell<bool> = const { Cell::new(false) };
    /// The context provided by [`start`], for [`watch`] (which runs outside the component tree).
    static PWA: Cell<Option<Pwa>> = const { Cell::new(None) };
}

/// The context provided by [`start`].
pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// True when the page runs as an installed app (home-screen or standalone window).
fn standalone(window: &web_sys::Window) -> bool {
    let ios = get(&window.navigator(), "standalone").as_bool() == Some(true);
    let media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    ios || media
}

/// True when the page runs as an installed app (see [`standalone`]); false without a window.
pub fn installed() -> bool {
    web_sys::window().is_some_and(|w| standalone(&w))
}

/// iPhone or iPad Safari (iPadOS reports itself as a Mac with touch).
fn is_ios(window: &web_sys::Window) -> bool {
    let nav = window.navigator();
    let ua = nav.user_agent().unwrap_or_default();
    let touch_mac = ua.contains("Macintosh") && get(&nav, "maxTouchPoints").as_f64() > Some(1.0);
    ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod") || touch_mac
}

/// Provides [`Pwa`] and listens for the browser's install offer (which may come early). The
/// rest ([`watch`]: the iOS install steps, the service worker and updates) waits for the
/// `store` part, after the first paint.
pub fn start() -> Pwa {
    let pwa = Pwa {
        update: RwSignal::new(Update::None),
        install: RwSignal::new(Install::Unavailable),
    };
    provide_context(pwa);
    PWA.with(|p| p.set(Some(pwa)));
    let Some(window) = web_sys::window() else {
        return pwa;
    };
    listen(&window, "beforeinstallprompt", move |ev| {
        ev.prevent_default();
        INSTALL_EVENT.with(|e| *e.borrow_mut() = Some(ev.into()));
        pwa.install.set(Install::Prompt);
    });
    listen(&window, "appinstalled", move |_| {
        INSTALL_EVENT.with(|e| e.borrow_mut().take());
        pwa.install.set(Install::Unavailable);
    });
    pwa
}

/// Offers the iOS install steps where they apply and (release builds) registers the service
/// worker and follows updates. Called once, from the `store` part.
pub fn watch(state: AppState) {
    let (Some(pwa), Some(window)) = (PWA.with(Cell::get), web_sys::window()) else {
        return;
    };
    if !standalone(&window)
        && is_ios(&window)
        && pwa.install.get_untracked() == Install::Unavailable
    {
        pwa.install.set(Install::Ios);
    }
    // Development builds have no sw.js (scripts/build/post-build.mjs writes it for release only).
    if cfg!(debug_assertions) {
        return;
    }
    register(&window, state, pwa);
}

fn register(window: &web_sys::Window, state: AppState, pwa: Pwa) {
    let nav = window.navigator();
    if !js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = nav.service_worker();
    let had_controller = container.controller().is_some();
    listen(&container, "controllerchange", move |_| {
        if UPDATE_CHOSEN.with(Cell::get) {
            reload();
        } else if had_controller {
            pwa.update.set(Update::ReloadNeeded);
        }
    });
    let opts = web_sys::RegistrationOptions::new();
    opts.set_scope("./");
    let promise = container.register_with_options("sw.js", &opts);
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = move || {
            web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
        };
        if reg.waiting().is_some() && controlled() {
            pwa.update.set(Update::Ready);
        }
        let r = reg.clone();
        listen(&reg, "updatefound", move |_| {
            let Some(worker) = r.installing() else { return };
            let w = worker.clone();
            listen(&worker, "statechange", move |_| {
                if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    pwa.update.set(Update::Ready);
                }
            });
        });
        REGISTRATION.with(|slot| *slot.borrow_mut() = Some(reg));
    });
    // Look for a new version whenever the person comes back to the app.
    if let Some(doc) = window.document() {
        listen(&doc, "visibilitychange", move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible && !state.busy.get_untracked() {
                check_for_update();
            }
        });
    }
}

/// Asks the browser to look for a new service worker now.
pub fn check_for_update() {
    REGISTRATION.with(|slot| {
        if let Some(reg) = slot.borrow().as_ref() {
            if let Ok(p) = reg.update() {
                // A failed check (offline) is not an error worth showing.
                let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
                let _ = p.catch(&ignore);
                ignore.forget();
            }
        }
    });
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The person chose "Update now": the waiting worker takes over, then the page reloads.
/// Refused while the app is busy.
pub fn apply_update(state: AppState, pwa: Pwa) {
    if state.busy.get_untracked() {
        return;
    }
    if pwa.update.get_untracked() == Update::ReloadNeeded {
        reload();
        return;
    }
    let waiting = REGISTRATION.with(|slot| slot.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(worker) = waiting else {
        // Already activated elsewhere: a reload picks the new version up.
        reload();
        return;
    };
    UPDATE_CHOSEN.with(|c| c.set(true));
    pwa.update.set(Update::Applying);
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
    if worker.post_message(&msg).is_err() {
        reload();
    }
}

/// Shows the browser's install prompt (only after it offered one).
pub fn prompt_install(pwa: Pwa) {
    let Some(ev) = INSTALL_EVENT.with(|e| e.borrow_mut().take()) else {
        return;
    };
    if let Ok(f) = get(&ev, "prompt").dyn_into::<js_sys::Function>() {
        let _ = f.call0(&ev);
    }
    // The event can prompt only once; the browser fires a new one if it offers again.
    pwa.install.set(Install::Unavailable);
}
