//! Small browser helpers that are not storage: file downloads, running after a paint, focus,
//! scrolling and page visibility. Components reach the page beyond their own element only
//! through helpers like these (see [`crate::components`]).

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` to the person as a file download: a Blob, an object URL and a click on an
/// `<a download>`. Does nothing where the browser refuses.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let _ = try_download(file_name, mime, text);
}

/// How long an object URL of a download is kept: some browsers (Safari) read it after the
/// click has returned, so it is not revoked at once.
const KEEP_URL: std::time::Duration = std::time::Duration::from_secs(60);

fn try_download(file_name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    a.set_href(&url);
    a.set_download(file_name);
    // In the page while it is clicked (older Firefox ignores clicks on detached links); it has
    // no content, so it is never seen.
    let body = document.body()?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        KEEP_URL,
    );
    Some(())
}

/// Runs `f` just after the next frame has been painted: the animation frame comes before the
/// paint, and a task queued from it runs after.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Gives focus to the element with `id`, if there is one. HTML elements and the SVG region
/// groups both have `focus()`, so it is called through JS rather than a typed interface.
pub fn focus(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Some(f) = js_sys::Reflect::get(&el, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call0(&el);
    }
}

/// Brings the element with `id` to the middle of the screen and gives it focus, for a message
/// the person must see where they are looking (an import error under the button they just
/// used, clear of the sticky header and bottom bar). Called through JS like [`focus`], so no
/// extra web-sys interfaces are needed; does nothing where there is no such element.
pub fn reveal(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let call = |name: &str, arg: &JsValue| {
        if let Some(f) = js_sys::Reflect::get(&el, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = f.call1(&el, arg);
        }
    };
    let center = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&center, &"block".into(), &"center".into());
    call("scrollIntoView", &center);
    let still = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&still, &"preventScroll".into(), &JsValue::TRUE);
    call("focus", &still);
}

/// After the next paint, gives focus to the first of `ids` that is on the page: for the heading
/// of a screen that has just replaced another (several ids when it depends on what shows).
pub fn focus_after_paint(ids: &'static [&'static str]) {
    after_paint(move || {
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(id) = ids.iter().find(|id| d.get_element_by_id(id).is_some()) {
            focus(id);
        }
    });
}

/// Scrolls the page back to its top (a new screen starts at its heading).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// True while the page can be seen (`document.visibilityState` is `visible`); false when it
/// is hidden or there is no document.
pub fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}
