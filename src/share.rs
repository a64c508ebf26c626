//! Browser side of share links: reading and removing the URL fragment, building the link,
//! and handing it to the Web Share API or the clipboard. The format itself is
//! [`crate::domain::persistence::link`].

use crate::domain::persistence::link;
use crate::state::{AppState, Incoming};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The current fragment, with its `#` (empty when there is none).
fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// True when the address bar holds a share link (a cheap look, no decoding).
pub fn link_in_address() -> bool {
    link::looks_like_link(&fragment())
}

/// Removes the fragment from the address bar without a reload or a new history entry, so the
/// map does not linger there or in a re-shared address.
pub fn clear_fragment() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default() + &loc.search().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// The full link for a fragment: this page's address (any host, any subpath) plus `#…`.
pub fn link_for(fragment: &str) -> String {
    let base = web_sys::window()
        .map(|w| {
            let loc = w.location();
            loc.origin().unwrap_or_default() + &loc.pathname().unwrap_or_default()
        })
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Opens a share link in the address bar, now and whenever the fragment changes (a link
/// pasted into an open app). In-page anchors such as `#main` are left alone.
pub fn follow_links(state: AppState) {
    let open = move || {
        let frag = fragment();
        if link::looks_like_link(&frag) {
            state.selected.set(None);
            state
                .incoming
                .set(Some(Incoming::Link(link::decode(&frag))));
        }
    };
    open();
    let cb = Closure::<dyn Fn()>::new(open);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    }
    cb.forget();
}

/// How handing a link over went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handed {
    /// The system share sheet took it.
    Shared,
    /// The person closed the share sheet: say nothing.
    Cancelled,
    /// Copied to the clipboard.
    Copied,
    /// Neither worked: the link field is there to copy by hand.
    Failed,
}

/// True when the browser has the Web Share API (phones, mostly).
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false)
    })
}

/// Hands `url` to the system share sheet.
pub async fn share(url: &str, title: &str) -> Handed {
    let Some(w) = web_sys::window() else {
        return Handed::Failed;
    };
    let nav = w.navigator();
    let Ok(f) = js_sys::Reflect::get(&nav, &JsValue::from_str("share"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return copy(url).await;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Ok(promise) = f.call1(&nav, &data) else {
        return copy(url).await;
    };
    match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Handed::Shared,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Handed::Cancelled
            } else {
                copy(url).await
            }
        }
    }
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Handed {
    let Some(w) = web_sys::window() else {
        return Handed::Failed;
    };
    let nav = w.navigator();
    if !js_sys::Reflect::has(&nav, &JsValue::from_str("clipboard")).unwrap_or(false) {
        return Handed::Failed;
    }
    match JsFuture::from(nav.clipboard().write_text(text)).await {
        Ok(_) => Handed::Copied,
        Err(_) => Handed::Failed,
    }
}
