//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{
    AppHeader, MapScreen, MarkEditor, RegionList, ShareScreen, SharedView, StorageBanner,
    UpdateBanner,
};
use crate::state::{provide_state, Tab};
use crate::storage;
use leptos::prelude::*;

/// The whole app. Owns the [`crate::state::AppState`] context and the storage effect.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let state = provide_state(loaded.doc, loaded.notice);
    storage::persist(state);
    crate::pwa::start(state);
    crate::share::follow_links(state);

    view! {
        <a class="skip" href="#main">"Skip to the map"</a>
        <AppHeader/>
        <StorageBanner/>
        <UpdateBanner/>
        <main id="main" tabindex="-1">
            {move || match (state.incoming.with(Option::is_some), state.tab.get()) {
                (true, _) => view! { <SharedView/> }.into_any(),
                (false, Tab::Map) => view! { <MapScreen/> }.into_any(),
                (false, Tab::List) => view! { <RegionList/> }.into_any(),
                (false, Tab::Share) => view! { <ShareScreen/> }.into_any(),
            }}
        </main>
        <MarkEditor/>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
