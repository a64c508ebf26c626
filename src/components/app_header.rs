use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// Top bar: the app's name and, on the map, the switch between the drawing and the list.
/// Reads and sets `AppState::tab`.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_state();
    let tab_button = move |tab: Tab, label: &'static str| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || (state.tab.get() == tab && state.incoming.with(Option::is_none)).to_string()
                on:click=move |_| {
                    state.incoming.set(None);
                    state.tab.set(tab);
                    crate::browser::scroll_to_top();
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="app-header">
            <h1>"FasciaMap"</h1>
            <Show when=move || matches!(state.tab.get(), Tab::Map | Tab::List)>
                <nav class="tabs" aria-label="Map or list">
                    {tab_button(Tab::Map, "Body map")}
                    {tab_button(Tab::List, "List")}
                </nav>
            </Show>
        </header>
    }
}
