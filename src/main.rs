//! Entry point of the browser app: panic hook, then mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The static loading shell of index.html gives way to the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(fasciamap::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("FasciaMap runs in the browser: use `scripts/serve.sh`.");
}
