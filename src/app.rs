//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{
    AppHeader, ExportReminder, MapScreen, MarkEditor, ProgressScreen, RegionList, StorageBanner,
};
use crate::state::{provide_state, Tab};
use crate::storage;
use leptos::prelude::*;

/// The whole app. Owns the [`crate::state::AppState`] context and the storage effect.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let state = provide_state(loaded.doc, loaded.notice, loaded.read_only);
    storage::persist(state);

    view! {
        <a class="skip" href="#main">"Skip to the map"</a>
        <AppHeader/>
        <StorageBanner/>
        <ExportReminder/>
        <main id="main" tabindex="-1">
            {move || match state.tab.get() {
                Tab::Map => view! { <MapScreen/> }.into_any(),
                Tab::List => view! { <RegionList/> }.into_any(),
                Tab::Progress => view! { <ProgressScreen/> }.into_any(),
            }}
        </main>
        <MarkEditor/>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
