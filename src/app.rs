//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{AppHeader, AppNav, MapScreen, UpdateBanner};
use crate::lazy::{self, Deferred};
use crate::state::{provide_state, Tab};
use crate::storage;
use leptos::prelude::*;

/// The whole app. Owns the [`crate::state::AppState`] context and the storage effect.
///
/// Only the map, the header and the bottom bar are in the first download; every other screen,
/// the list, the editor sheet, the banners and reminders come from [`crate::lazy`] (fetched when
/// the browser is idle, or on first use).
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let state = provide_state(loaded.doc, loaded.notice, loaded.read_only);
    storage::persist(state);
    crate::pwa::start(state);
    crate::share::follow_links(state);
    // A guided session in progress is never interrupted by an update reload.
    Effect::new(move |_| state.busy.set(state.doc.with(|d| d.running.is_some())));

    // The editor sheet is mounted from the first time a region is opened on.
    let editor_wanted = RwSignal::new(false);
    Effect::new(move |_| {
        if state.selected.with(Option::is_some) {
            editor_wanted.set(true);
        }
    });
    // Once the map is up and the browser idle: fetch the other parts, and show what may wait
    // (the reminder to export a backup).
    let idle = RwSignal::new(false);
    request_idle_callback(move || {
        idle.set(true);
        lazy::preload();
    });

    let loading = |what: &'static str| move || view! { <p class="loading">{what}</p> };
    view! {
        <a class="skip" href="#main">"Skip to the content"</a>
        <AppHeader/>
        <Show when=move || state.notice.with(Option::is_some)>
            <Deferred load=lazy::storage_banner/>
        </Show>
        <Show when=move || idle.get()>
            <Deferred load=lazy::export_reminder quiet=true/>
        </Show>
        <UpdateBanner/>
        <main id="main" tabindex="-1">
            {move || match state.tab.get() {
                _ if state.incoming.with(Option::is_some) => view! {
                    <Deferred load=lazy::shared_view fallback=loading("Opening the shared map…")/>
                }
                .into_any(),
                Tab::Map => view! { <MapScreen/> }.into_any(),
                Tab::List => view! { <Deferred load=lazy::region_list fallback=loading("Loading the list…")/> }.into_any(),
                Tab::Plan => view! { <Deferred load=lazy::plan_screen fallback=loading("Loading your plan…")/> }.into_any(),
                Tab::Session => view! { <Deferred load=lazy::session_screen fallback=loading("Loading the session…")/> }.into_any(),
                Tab::Safety => view! { <Deferred load=lazy::safety_screen fallback=loading("Loading…")/> }.into_any(),
                Tab::Profile => view! { <Deferred load=lazy::profile_screen fallback=loading("Loading your profile…")/> }.into_any(),
                Tab::About => view! { <Deferred load=lazy::about_screen fallback=loading("Loading…")/> }.into_any(),
                Tab::More => view! { <Deferred load=lazy::more_screen fallback=loading("Loading…")/> }.into_any(),
                Tab::Progress => view! { <Deferred load=lazy::progress_screen fallback=loading("Loading your progress…")/> }.into_any(),
                Tab::Share => view! { <Deferred load=lazy::share_screen fallback=loading("Loading…")/> }.into_any(),
            }}
        </main>
        <AppNav/>
        <Show when=move || editor_wanted.get()>
            <Deferred load=lazy::mark_editor/>
        </Show>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
