//! Browser side of sharing: reading and removing the URL fragment of share links, building the
//! link, and handing it to the Web Share API or the clipboard (the link format itself is
//! [`crate::domain::persistence::link`]); and handing a file (the backup) to the phone's share
//! sheet, where the browser can share files.

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

/// How handing a file to the share sheet went, once it was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileHanded {
    /// The share sheet took it.
    Shared,
    /// The person closed the share sheet (an `AbortError`): not an error, say nothing.
    Cancelled,
    /// The browser refused after all: offer the file another way.
    Failed,
}

/// A file that can be handed to the share sheet: a name and a type for the same text.
#[derive(Clone, Copy, Debug)]
pub struct FileForm<'a> {
    /// File name, with its extension.
    pub name: &'a str,
    /// Its media type.
    pub mime: &'a str,
}

fn file(text: &str, form: FileForm<'_>) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(form.mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, form.name, &opts).ok()
}

/// Opens the share sheet with `text` as one file, in the first of `forms` that the browser
/// says it can share (`navigator.canShare({ files })`; browsers share only some file types,
/// Chromium for example no `.json`). Call it straight from the tap: the share sheet needs the
/// tap's user activation. `None` when no form can be shared here (no `navigator.share` or
/// `canShare`, a refusal, or a synchronous error): then the caller offers a download.
/// Otherwise the future says how it went.
pub fn share_file(
    forms: &[FileForm<'_>],
    text: &str,
) -> Option<impl std::future::Future<Output = FileHanded> + use<>> {
    let nav = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&nav, &JsValue::from_str("share"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let can = js_sys::Reflect::get(&nav, &JsValue::from_str("canShare"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let data = forms.iter().find_map(|form| {
        let data = js_sys::Object::new();
        let files = js_sys::Array::of1(&file(text, *form)?.into());
        js_sys::Reflect::set(&data, &"files".into(), &files).ok()?;
        let yes = can.call1(&nav, &data).ok()?.as_bool() == Some(true);
        yes.then_some(data)
    })?;
    let promise = share.call1(&nav, &data).ok()?;
    let promise = js_sys::Promise::resolve(&promise);
    Some(async move {
        match JsFuture::from(promise).await {
            Ok(_) => FileHanded::Shared,
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    FileHanded::Cancelled
                } else {
                    FileHanded::Failed
                }
            }
        }
    })
}
