//! Entry point of the browser app: panic hook, then mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let window = web_sys::window();
    // The static loading page of index.html gives way to the app, which draws the map in the
    // same place.
    if let Some(boot) = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(fasciamap::App);
    if let Some(w) = window {
        answer_boot_tap(&w);
    }
}

/// A tap on the loading page's outline of the body (index.html keeps where it fell in
/// `fmBootTap`) reaches the tappable area now drawn under that point, as if the person had
/// tapped it just now. A tap that fell beside every area is simply dropped.
#[cfg(target_arch = "wasm32")]
fn answer_boot_tap(window: &web_sys::Window) {
    use js_sys::Reflect;
    let Ok(tap) = Reflect::get(window, &"fmBootTap".into()) else {
        return;
    };
    let at = |k: &str| Reflect::get(&tap, &k.into()).ok().and_then(|v| v.as_f64());
    let (Some(x), Some(y)) = (at("x"), at("y")) else {
        return;
    };
    let area = window
        .document()
        .and_then(|d| d.element_from_point(x as f32, y as f32))
        .and_then(|e| e.closest("g.region").ok().flatten());
    if let (Some(area), Ok(click)) = (area, web_sys::Event::new("click")) {
        let _ = area.dispatch_event(&click);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("FasciaMap runs in the browser: use `scripts/serve.sh`.");
}
