//! Entry point of the browser app: panic hook, then mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The app is drawn in a task of its own, right after this one: drawing it keeps the phone
    // busy for a moment (about 0.1 s on a slow one), and a tap already waiting on the loading
    // page is answered first, by the loading page's own sheet (index.html), instead of after it.
    leptos::prelude::set_timeout(
        || {
            // The static loading page of index.html gives way to the app, which draws the map
            // in the same place. A first visit's welcome stays until the app's own is there
            // (the app hides behind it until then and takes it away: `browser::remove_boot`).
            // The loading page's sheet, if a tap opened it, stays until the app's editor takes
            // it over (`components::MarkEditor`).
            fasciamap::boot_gives_way();
            leptos::mount::mount_to_body(fasciamap::App);
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("FasciaMap runs in the browser: use `scripts/serve.sh`.");
}
