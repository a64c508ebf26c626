//! Entry point of the browser app: panic hook, then mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let window = web_sys::window();
    // The static loading page of index.html gives way to the app, which draws the map in the
    // same place. A first visit's welcome stays until the app's own is there (the app hides
    // behind it until then and takes it away: `browser::remove_boot`).
    fasciamap::boot_gives_way();
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
