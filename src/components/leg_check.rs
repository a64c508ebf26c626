use crate::components::{LegCheckOffer, LegCheckScreen};
use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// "Check my legs" as one lazily loaded view: the walk on its own screen
/// ([`LegCheckScreen`]), and the way into it anywhere else (the map screen,
/// [`LegCheckOffer`]). One split function for both keeps the first download as it was.
#[component]
pub fn LegCheck() -> impl IntoView {
    let state = use_state();
    move || {
        if state.tab.get() == Tab::LegCheck {
            view! { <LegCheckScreen/> }.into_any()
        } else {
            view! { <LegCheckOffer/> }.into_any()
        }
    }
}
