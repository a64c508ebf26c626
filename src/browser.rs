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

/// Calls `target.method()` through JS (for the DOM methods that would otherwise each need a
/// typed web-sys interface, and a binding of its own in the first download). `None` where
/// there is no such method or it threw.
pub fn call0(target: &JsValue, method: &str) -> Option<JsValue> {
    js_method(target, method)?.call0(target).ok()
}

/// Calls `target.method(arg)` through JS, like [`call0`].
pub fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    js_method(target, method)?.call1(target, arg).ok()
}

fn js_method(target: &JsValue, method: &str) -> Option<js_sys::Function> {
    if !target.is_object() {
        return None;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
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
    call0(&el, "focus");
}

/// Shows a new screen from its top: scrolls the page to the top and gives `<main>` focus without
/// scrolling again, after the next paint. (Focus alone would bring `<main>` to the page's
/// scroll padding, which is less than the header's height when the header takes two rows.)
pub fn focus_screen_top() {
    after_paint(|| {
        scroll_to_top();
        let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
        else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
        call1(&main, "focus", &options);
    });
}

/// Takes focus off whatever has it inside the element `id` (a button about to be redrawn
/// away): removing the element that has focus costs the browser a layout of the page at once,
/// in the middle of drawing what replaces it.
pub fn let_go_of_focus_in(id: &str) {
    let selector = format!("#{id}");
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = js_sys::Reflect::get(&doc, &"activeElement".into())
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.closest(&selector).ok().flatten().is_some())
    {
        call0(&el, "blur");
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
    let call = |name: &str, arg: &JsValue| call1(&el, name, arg);
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

/// Where a finger or pen tap landed, in viewport coordinates: `Some` only for a real touch or
/// pen click (`pointerType`, and `detail` > 0, which a click made by the keyboard or a screen
/// reader does not have). A mouse is precise enough to take its click as meant.
pub fn finger_at(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    (ev.detail() > 0 && by_finger(ev)).then(|| (f64::from(ev.client_x()), f64::from(ev.client_y())))
}

/// True when the event came from a finger or a pen (its `pointerType`).
fn by_finger(ev: &web_sys::MouseEvent) -> bool {
    js_sys::Reflect::get(ev, &"pointerType".into())
        .ok()
        .and_then(|k| k.as_string())
        .is_some_and(|k| k == "touch" || k == "pen")
}

/// A finger or pen tap on the map: where it landed (viewport px) and the id of the area under
/// it, `None` when it landed beside every area.
pub type FingerTap = ((f64, f64), Option<String>);

/// What a click was, if it was on the map's drawing (`None` for any other click): `Some(None)`
/// for a mouse, the keyboard or a screen reader, `Some(Some(tap))` for a finger or pen.
pub fn map_click(ev: &web_sys::MouseEvent) -> Option<Option<FingerTap>> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(".map-screen svg.figure").ok()??;
    let area = target
        .closest("g[role=\"button\"]")
        .ok()
        .flatten()
        .map(|g| g.id());
    Some(finger_at(ev).map(|f| (f, area)))
}

/// Runs `f` for every `event` (a mouse or pointer event: `"click"`, `"pointerdown"`) on the
/// page before any other handler sees it (in the window's capture phase), so that what it reads
/// of the page is still the layout of the last frame: nothing a handler changes has to be laid
/// out first. Returns the listener, for [`stop_first`].
pub fn on_first(
    event: &'static str,
    f: impl FnMut(web_sys::MouseEvent) + 'static,
) -> Option<(&'static str, JsValue)> {
    let cb =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MouseEvent)>::new(f).into_js_value();
    web_sys::window()?
        .add_event_listener_with_callback_and_bool(event, cb.unchecked_ref(), true)
        .ok()?;
    Some((event, cb))
}

/// Stops a listener added by [`on_first`].
pub fn stop_first(listener: &(&'static str, JsValue)) {
    if let Some(w) = web_sys::window() {
        let _ = w.remove_event_listener_with_callback_and_bool(
            listener.0,
            listener.1.unchecked_ref(),
            true,
        );
    }
}

/// Where a finger or pen went down on the map's drawing (viewport px), from a `pointerdown`;
/// `None` for a mouse or anywhere else.
pub fn map_press(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    by_finger(ev).then_some(())?;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(".map-screen svg.figure").ok()??;
    Some((f64::from(ev.client_x()), f64::from(ev.client_y())))
}

/// Radius of a fingertip in CSS px: a tap reaches every area within it. A contact patch is
/// 8–10 mm across (about 30–38 px), so 14 px (28 px across; WCAG 2.5.8 asks 24) is modest.
pub const FINGER_RADIUS: f64 = 14.0;

/// Takes the loading page of index.html off the screen (once; later calls do nothing). The app
/// calls it when it mounts, except on a first visit, where the loading page shows the welcome:
/// that stays until the app's own welcome (or another screen, or a message that a part could
/// not be loaded) is there, so the words never give way to a "Loading…" line in between.
pub fn remove_boot() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Gets the loading page of index.html out of the app's way as it mounts: taken away, except
/// when it shows a first visit's welcome (index.html's script marked the page `fm-welcome`).
/// That stays, without its hidden map screen (only one `<main>` on the page), until the app's
/// own welcome is there ([`remove_boot`]); the app mounts behind it (style/main.css).
///
/// When a tap on the loading page's map has opened its own sheet, the loading page stays too,
/// with the colours of the ratings given on it, until the app's editor takes the sheet over
/// ([`boot_map_gives_way`]): the app's map would show them only from then on.
pub fn boot_gives_way() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let welcome = doc
        .document_element()
        .is_some_and(|html| html.class_list().contains("fm-welcome"));
    if !welcome {
        boot_gives_way_to_map();
        return;
    }
    while let Ok(Some(hidden)) = doc.query_selector("#boot .boot-map") {
        hidden.remove();
    }
}

/// True once a tap on the loading page's map has opened its sheet (index.html sets
/// `fmBootOpen`, to the area or to `null` once closed).
pub fn boot_sheet_used() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("fmBootOpen")).ok())
        .is_some_and(|open| !open.is_undefined())
}

/// Takes the loading page away as the app's map screen is drawn (also a first visit's welcome,
/// after "Skip"), except while the loading page's sheet waits for the app's editor (see
/// [`boot_gives_way`]).
pub fn boot_gives_way_to_map() {
    if !boot_sheet_used() {
        remove_boot();
    }
}

/// Takes the loading page away when it shows the map (kept by [`boot_gives_way`] while its
/// sheet waits for the app's editor); a first visit's welcome is left to the welcome screen.
pub fn boot_map_gives_way() {
    let map = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.class_list().contains("fm-map"));
    if map {
        remove_boot();
    }
}

/// Which button of the loading page's welcome (index.html) was tapped before the app was there
/// (`"start"` or `"skip"`), at most once: it is forgotten as it is read.
pub fn take_boot_choice() -> Option<String> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("fmBootWelcome");
    let choice = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(choice)
}

/// The ratings given on the loading page's own sheet (index.html), in order, as (area, value)
/// pairs: an area like `quadriceps-right`, a value `"0"`–`"3"` or a kind's word. Taken once, as
/// the app's editor takes the sheet over ([`take_boot_sheet`], in the same task).
pub fn take_boot_marks() -> Vec<(String, String)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let key = JsValue::from_str("fmBootMarks");
    let marks = js_sys::Reflect::get(&window, &key).unwrap_or(JsValue::UNDEFINED);
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let Ok(marks) = marks.dyn_into::<js_sys::Array>() else {
        return Vec::new();
    };
    marks
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Takes the loading page's sheet off the page, so the app's editor opens in its place, and
/// returns the area it was open on (none when it was closed or never opened). Its room below
/// the page goes once the editor's own is drawn (the page keeps its height, so nothing jumps).
pub fn take_boot_sheet() -> Option<String> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("fmBootOpen");
    let open = js_sys::Reflect::get(&window, &key).ok()?.as_string();
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let doc = window.document()?;
    if let Some(sheet) = doc.get_element_by_id("boot-sheet") {
        sheet.remove();
    }
    if let Some(html) = doc.document_element() {
        after_paint(move || {
            call1(&html.class_list(), "remove", &JsValue::from_str("fm-room"));
        });
    }
    open
}

/// The ids of the tappable areas of the drawing under a fingertip of `radius` px centred on
/// (`x`, `y`) (viewport coordinates), most covered first. The browser's own hit testing at 25
/// points (the centre, 8 at half the radius, 16 on the rim), so what counts is exactly what a tap
/// there would reach; every area under a point counts, also one lying under a small
/// neighbour's larger invisible hit shape.
pub fn regions_near(x: f64, y: f64, radius: f64) -> Vec<String> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    // Points of the fingertip as (dx, dy) in radii with a weight: the centre counts most. The
    // rim's 16 directions are every 22.5°, the inner ring every 45° (a table, not trigonometry).
    const C: f64 = 0.924; // cos 22.5°
    const S: f64 = 0.383; // sin 22.5°
    const D: f64 = std::f64::consts::FRAC_1_SQRT_2;
    const RIM: [(f64, f64); 16] = [
        (1.0, 0.0),
        (C, S),
        (D, D),
        (S, C),
        (0.0, 1.0),
        (-S, C),
        (-D, D),
        (-C, S),
        (-1.0, 0.0),
        (-C, -S),
        (-D, -D),
        (-S, -C),
        (0.0, -1.0),
        (S, -C),
        (D, -D),
        (C, -S),
    ];
    let points = std::iter::once((0.0, 0.0, 4))
        .chain(
            RIM.iter()
                .step_by(2)
                .map(|&(dx, dy)| (dx / 2.0, dy / 2.0, 2)),
        )
        .chain(RIM.iter().map(|&(dx, dy)| (dx, dy, 1)));
    // The drawing: the elements under a point come topmost first, so from the drawing on there
    // are only its ancestors (no area), and each element looked at is a call into the page.
    let figure: Option<wasm_bindgen::JsValue> = doc
        .query_selector(".map-screen svg.figure")
        .ok()
        .flatten()
        .map(Into::into);
    let mut found: Vec<(String, u32)> = Vec::new();
    for (dx, dy, weight) in points {
        let (px, py) = (x + dx * radius, y + dy * radius);
        let mut here: Vec<String> = Vec::new();
        for el in doc.elements_from_point(px as f32, py as f32).iter() {
            if figure.as_ref() == Some(&el) {
                break;
            }
            let id = el
                .dyn_into::<web_sys::Element>()
                .ok()
                .and_then(|el| el.closest("svg.figure g[role=\"button\"]").ok().flatten())
                .map(|g| g.id())
                .filter(|id| !id.is_empty() && !here.contains(id));
            if let Some(id) = id {
                here.push(id);
            }
        }
        for id in here {
            match found.iter().position(|(f, _)| *f == id) {
                Some(i) => {
                    found[i].1 += weight;
                    // Keep the list ordered by weight (it is a handful of entries): move up
                    // past lighter ones, equal weights keep the order they were met in.
                    let mut i = i;
                    while i > 0 && found[i - 1].1 < found[i].1 {
                        found.swap(i - 1, i);
                        i -= 1;
                    }
                }
                None => found.push((id, weight)),
            }
        }
    }
    found.into_iter().map(|(id, _)| id).collect()
}

/// The `(top, bottom)` of an element's box in the viewport, read through JS (no typed `DOMRect`
/// is needed for two numbers).
fn top_bottom(el: &web_sys::Element) -> Option<(f64, f64)> {
    let rect = call0(el, "getBoundingClientRect")?;
    let get = |k: &str| js_sys::Reflect::get(&rect, &k.into()).ok()?.as_f64();
    Some((get("top")?, get("bottom")?))
}

/// Scrolls the page so that the element `id` sits fully above the element `cover` (the editor
/// sheet at the bottom of the screen), when it is hidden behind it and there is room to scroll.
/// Never scrolls the other way: what is already in view stays where the finger left it.
/// Returns where the page was before when it scrolled, so it can go back when the sheet closes.
pub fn keep_above(id: &str, cover: &str) -> Option<f64> {
    let w = web_sys::window()?;
    let doc = w.document()?;
    let (el, sheet) = (doc.get_element_by_id(id)?, doc.get_element_by_id(cover)?);
    let ((top, bottom), (top_of_sheet, _)) = (top_bottom(&el)?, top_bottom(&sheet)?);
    let hidden = bottom + 12.0 - top_of_sheet;
    if hidden <= 0.0 {
        return None;
    }
    // No further than keeps the area's top below the sticky header (about 64 px).
    let by = hidden.min((top - 64.0).max(0.0));
    let before = w.scroll_y().ok()?;
    w.scroll_by_with_x_and_y(0.0, by);
    Some(before)
}

/// Scrolls the page to `y` px from its top.
pub fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}
