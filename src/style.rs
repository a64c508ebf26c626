//! The second stylesheet, `style/later.css`: everything the first paint does not need.
//!
//! `index.html` lists it as `<meta name="fm-later-css">` (scripts/build/post-build.mjs turns
//! Trunk's `<link>` into that), so it never holds up the first paint. [`later`] adds it as a real
//! stylesheet the first time it is called and settles once it has loaded; every lazily loaded
//! view waits for it (see [`crate::lazy::open_storage`]), so no screen is ever shown unstyled while
//! it arrives. If it cannot be loaded (offline before it was ever cached), the screens still come,
//! plain rather than not at all.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Settles once the stylesheet has loaded or failed (shared by every caller).
    static LOADED: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Adds the second stylesheet (at once, the first time) and gives a future that settles when
/// it is in (its output, `Ok` or `Err`, does not matter: either way the wait is over).
pub fn later() -> JsFuture {
    JsFuture::from(LOADED.with(|l| l.borrow_mut().get_or_insert_with(add).clone()))
}

fn add() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let done = move || {
            let _ = resolve.call0(&JsValue::NULL);
        };
        let link = (|| {
            let doc = web_sys::window()?.document()?;
            let meta = doc.query_selector("meta[name=fm-later-css]").ok()??;
            let href = meta.get_attribute("content")?;
            let link = doc.create_element("link").ok()?;
            link.set_attribute("rel", "stylesheet").ok()?;
            if let Some(sri) = meta
                .get_attribute("data-integrity")
                .filter(|s| !s.is_empty())
            {
                link.set_attribute("integrity", &sri).ok()?;
            }
            link.set_attribute("href", &href).ok()?;
            Some((doc.head()?, link))
        })();
        // No stylesheet to add (a development build without the post-build step): nothing to wait for.
        let Some((head, link)) = link else {
            done();
            return;
        };
        let settle = Closure::once_into_js(done);
        for event in ["load", "error"] {
            let _ = link.add_event_listener_with_callback(event, settle.unchecked_ref());
        }
        let _ = head.append_child(&link);
    })
}
