//! Entry point of the browser app: panic hook, then mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The static loading page of index.html gives way to the app, which draws the map in the
    // same place. A first visit's welcome stays until the app's own is there (the app hides
    // behind it until then and takes it away: `browser::remove_boot`). The loading page's own
    // sheet, if a tap on its map opened it, stays until the app's editor takes it over
    // (`components::MarkEditor`).
    fasciamap::boot_gives_way();
    leptos::mount::mount_to_body(fasciamap::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("FasciaMap runs in the browser: use `scripts/serve.sh`.");
}
