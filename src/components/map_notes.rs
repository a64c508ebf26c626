use crate::components::{CheckinNote, LegCheckOffer, SymptomPicker};
use leptos::prelude::*;

/// What the map screen shows under the drawing once the `map_extras` part is in: the way into
/// "Check my legs" ([`LegCheckOffer`]), the note on how changes reach the history
/// ([`CheckinNote`]) and the symptoms ([`SymptomPicker`]). One lazily loaded view for all
/// three (they always come together): one split function in the first download, not three.
#[component]
pub fn MapNotes() -> impl IntoView {
    view! {
        <LegCheckOffer/>
        <CheckinNote/>
        <SymptomPicker/>
    }
}
