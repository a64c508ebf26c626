use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// One entry of the bottom bar: its label, the screen it opens and the screens it stands for.
struct Item {
    label: &'static str,
    icon: &'static str,
    open: Tab,
    covers: &'static [Tab],
}

/// The entries, left to right.
const ITEMS: [Item; 4] = [
    Item {
        label: "Map",
        icon: "M12 2a3 3 0 1 1 0 6a3 3 0 0 1 0-6M8 9h8l-1 7h-2l-.5 6h-1L11 16H9z",
        open: Tab::Map,
        covers: &[Tab::Map, Tab::List, Tab::LegCheck],
    },
    Item {
        label: "Plan",
        icon: "M5 4h14v17H5zM8 8h8M8 12h8M8 16h5",
        open: Tab::Plan,
        covers: &[Tab::Plan, Tab::Session],
    },
    Item {
        label: "Progress",
        icon: "M4 20h16M6 16l4-5l3 3l5-7",
        open: Tab::Progress,
        covers: &[Tab::Progress],
    },
    Item {
        label: "More",
        icon: "M5 12a1.5 1.5 0 1 0 .01 0M12 12a1.5 1.5 0 1 0 .01 0M19 12a1.5 1.5 0 1 0 .01 0",
        open: Tab::More,
        covers: &[
            Tab::More,
            Tab::Profile,
            Tab::Safety,
            Tab::About,
            Tab::Share,
            Tab::Summary,
        ],
    },
];

/// The bottom navigation bar: big buttons for the map, the plan, progress and everything else, with
/// `aria-current` on the one showing. Navigation lives in `AppState::tab`, never in the URL.
#[component]
pub fn AppNav() -> impl IntoView {
    let state = use_state();
    view! {
        <nav class="app-nav" aria-label="Main">
            {ITEMS.iter().map(|item| {
                let current = move || item.covers.contains(&state.tab.get());
                view! {
                    <button type="button" class="nav-item"
                        aria-current=move || current().then_some("page")
                        on:click=move |_| state.go(item.open)>
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=item.icon/></svg>
                        <span>{item.label}</span>
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}
