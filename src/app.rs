//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{AppHeader, MapScreen};
use crate::lazy::{self, Deferred};
use crate::state::{provide_state, Tab};
use crate::storage;
use leptos::prelude::*;

/// The whole app. Owns the [`crate::state::AppState`] context and the storage effect.
///
/// Only the map itself is in the first download; the list, the editor sheet and the storage
/// banner come from [`crate::lazy`] (fetched when the browser is idle, or on first use).
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let state = provide_state(loaded.doc, loaded.notice);
    storage::persist(state);

    // The editor sheet is mounted from the first time a region is opened on.
    let editor_wanted = RwSignal::new(false);
    Effect::new(move |_| {
        if state.selected.with(Option::is_some) {
            editor_wanted.set(true);
        }
    });
    request_idle_callback(lazy::preload);

    view! {
        <a class="skip" href="#main">"Skip to the map"</a>
        <AppHeader/>
        <Show when=move || state.notice.with(Option::is_some)>
            <Deferred load=lazy::storage_banner/>
        </Show>
        <main id="main" tabindex="-1">
            {move || match state.tab.get() {
                Tab::Map => view! { <MapScreen/> }.into_any(),
                Tab::List => view! {
                    <Deferred load=lazy::region_list fallback=|| view! { <p class="loading">"Loading the list…"</p> }/>
                }
                .into_any(),
            }}
        </main>
        <Show when=move || editor_wanted.get()>
            <Deferred load=lazy::mark_editor/>
        </Show>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
