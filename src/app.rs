//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{AppHeader, AppNav, MapScreen};
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
    // First paint: the map alone. The whole document, saving and share links come with the
    // `store` part, fetched at once (see crate::storage).
    let (doc, saved) = storage::boot();
    let state = provide_state(doc);
    let link_pending = crate::share::link_in_address();
    let shortcut = crate::launch::open_shortcut(state);
    // Nothing stored: perhaps a first visit, which starts on the welcome. A shared link or a
    // shortcut always opens what it asks for; once the whole document is in, anyone with
    // something saved (or who passed the welcome) goes to the map (AppState::adopt).
    if !saved && !link_pending && !shortcut {
        state.tab.set(Tab::Welcome);
    }
    let pwa = crate::pwa::start();
    lazy::set_root_owner();
    leptos::task::spawn_local(async move {
        let _ = lazy::open_storage(state).await;
    });
    // A guided session in progress is never interrupted by an update reload.
    Effect::new(move |_| state.busy.set(state.doc.with(|d| d.running.is_some())));

    // The editor sheet is mounted from the first time a region is opened on, or once its code
    // is in (it then also answers finger taps that touch several areas).
    let editor_wanted = RwSignal::new(false);
    Effect::new(move |_| {
        if state.selected.with(Option::is_some) {
            editor_wanted.set(true);
        }
    });
    // The code a tap on the map needs, as soon as the map is painted.
    lazy::prefetch_editor(editor_wanted);
    // Once the map is up and the browser idle: fetch the other parts, and show what may wait
    // (the reminder to export a backup).
    let idle = RwSignal::new(false);
    request_idle_callback(move || {
        idle.set(true);
        lazy::preload(state);
    });

    view! {
        <a class="skip" href="#main">"Skip to the content"</a>
        <AppHeader/>
        <Show when=move || state.notice.with(Option::is_some)>
            <Deferred load=lazy::storage_banner/>
        </Show>
        <Show when=move || idle.get()>
            <Deferred load=lazy::export_reminder quiet=true/>
        </Show>
        <Show when=move || pwa.update.get() != crate::pwa::Update::None>
            <Deferred load=lazy::update_banner quiet=true/>
        </Show>
        // Busy until the whole saved document is in (a moment after the first paint).
        <main id="main" tabindex="-1" aria-busy=move || (!state.ready.get()).to_string()>
            {move || {
                // A shared link in the address bar opens read-only over the current screen.
                let (load, loading): (lazy::Loader, &str) = if (link_pending && !state.ready.get())
                    || state.incoming.with(Option::is_some)
                {
                    (lazy::shared_view, "Opening the shared map…")
                } else {
                    match state.tab.get() {
                        Tab::Map => return view! { <MapScreen/> }.into_any(),
                        Tab::Welcome => (lazy::welcome_screen, "Loading…"),
                        Tab::List => (lazy::region_list, "Loading the list…"),
                        Tab::LegCheck => (lazy::leg_check_screen, "Loading…"),
                        Tab::Plan => (lazy::plan_screen, "Loading your plan…"),
                        Tab::Session => (lazy::session_screen, "Loading the session…"),
                        Tab::Safety => (lazy::safety_screen, "Loading…"),
                        Tab::Profile => (lazy::profile_screen, "Loading your profile…"),
                        Tab::About => (lazy::about_screen, "Loading…"),
                        Tab::More => (lazy::more_screen, "Loading…"),
                        Tab::Progress => (lazy::progress_screen, "Loading your progress…"),
                        Tab::Share => (lazy::share_screen, "Loading…"),
                        Tab::Summary => (lazy::clinician_summary, "Loading…"),
                    }
                };
                view! { <Deferred load loading/> }.into_any()
            }}
        </main>
        <AppNav/>
        <Show when=move || editor_wanted.get()>
            <Deferred load=lazy::mark_editor early=true/>
        </Show>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
