//! The root component: loads storage once, provides state, lays out the screens.

use crate::components::{
    AboutScreen, AppHeader, AppNav, MapScreen, MarkEditor, MoreScreen, PlanScreen, ProfileScreen,
    RegionList, SafetyScreen, SessionScreen, StorageBanner,
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

    view! {
        <a class="skip" href="#main">"Skip to the content"</a>
        <AppHeader/>
        <StorageBanner/>
        <main id="main" tabindex="-1">
            {move || match state.tab.get() {
                Tab::Map => view! { <MapScreen/> }.into_any(),
                Tab::List => view! { <RegionList/> }.into_any(),
                Tab::Plan => view! { <PlanScreen/> }.into_any(),
                Tab::Session => view! { <SessionScreen/> }.into_any(),
                Tab::Safety => view! { <SafetyScreen/> }.into_any(),
                Tab::Profile => view! { <ProfileScreen/> }.into_any(),
                Tab::About => view! { <AboutScreen/> }.into_any(),
                Tab::More => view! { <MoreScreen/> }.into_any(),
            }}
        </main>
        <AppNav/>
        <MarkEditor/>
        <div class="sr-only" role="status" aria-live="polite">{move || state.announce.get()}</div>
    }
}
