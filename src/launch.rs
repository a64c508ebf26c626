//! Where the app opens: the web app manifest's shortcuts (long-press the installed icon:
//! "Today's map", "Today's session", "Progress") open `./?open=map|session|progress`.
//! The query is read once at start, mapped to a screen, and removed from the address bar so a
//! reload or a shared address does not keep it. Unknown values open the map as usual.

use crate::state::{AppState, Tab};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The screen a shortcut asks for, from the page's query string (`?open=…`).
pub fn requested(search: &str) -> Option<Tab> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("open="))
        .and_then(|v| match v {
            "map" => Some(Tab::Map),
            // The plan screen holds today's steps and the "Start guided session" button.
            "session" => Some(Tab::Plan),
            "progress" => Some(Tab::Progress),
            _ => None,
        })
}

/// Opens the screen a shortcut asked for and tidies the address bar. Returns true when the
/// page was opened through a shortcut (which then wins over the first-visit welcome).
pub fn open_shortcut(state: AppState) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let Some(tab) = requested(&search) else {
        return false;
    };
    if tab != Tab::Map {
        state.tab.set(tab);
    }
    let path = loc.pathname().unwrap_or_default() + &loc.hash().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    true
}
