use crate::pwa::{apply_update, use_pwa, Update};
use crate::state::use_state;
use leptos::prelude::*;

/// "A new version is ready": offered, never forced. The page reloads only when the person
/// taps "Update now", and the banner stays hidden during a guided session and its end screen
/// (`AppState::in_session`), so an update never interrupts one or pushes its controls down.
/// Reads `Pwa::update`.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_state();
    let pwa = use_pwa();
    let dismissed = RwSignal::new(false);
    move || {
        let update = pwa.update.get();
        if update == Update::None || dismissed.get() || state.in_session() {
            return None;
        }
        let text = match update {
            Update::ReloadNeeded => "FasciaMap was updated in another window. Reload to use the new version; your map stays as it is.",
            _ => "A new version of FasciaMap is ready. Your map and history stay as they are.",
        };
        let applying = update == Update::Applying;
        Some(view! {
            <div class="banner update-banner" role="status">
                <p>{text}</p>
                <div class="banner-actions">
                    <button type="button" class="primary" disabled=applying
                        on:click=move |_| apply_update(state, pwa)>
                        {if applying { "Updating…" } else if update == Update::ReloadNeeded { "Reload now" } else { "Update now" }}
                    </button>
                    <button type="button" class="link" on:click=move |_| dismissed.set(true)>"Later"</button>
                </div>
            </div>
        })
    }
}
