use crate::state::{use_state, Notice};
use leptos::prelude::*;

/// Tells the person plainly when their map is not being saved, or when saved data could not
/// be read (where its copy was kept, with a download of it). Reads `AppState::notice`.
/// During a guided session it waits (`AppState::in_session`), so it never pushes the
/// session's controls down; a notice that means the session is not being kept is said at the
/// bottom of the session screen instead (`SavingNote`), and this banner shows after it.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_state();
    move || {
        if state.in_session() {
            return None;
        }
        let notice = state.notice.get()?;
        let raw = match &notice {
            Notice::SetAside { raw, .. } => Some(raw.clone()),
            _ => None,
        };
        let (title, body) = match notice {
            Notice::NotSaving => (
                "Not saving".to_string(),
                "This browser is not letting FasciaMap save. Your marks work normally but will be gone when you close the page.".to_string(),
            ),
            Notice::Full => (
                "Storage is full".to_string(),
                "Your last change could not be saved because this browser's storage is full. Everything on screen is still here.".to_string(),
            ),
            Notice::SetAside { key, reason, .. } if key.is_empty() => (
                "Saved data could not be read".to_string(),
                format!(
                    "{}. It could not be copied aside, so FasciaMap leaves it untouched and saves nothing until this is sorted out. Download the copy to keep it.",
                    capitalise(&reason)
                ),
            ),
            Notice::SetAside { key, reason, restored_backup, .. } => (
                "Saved data could not be read".to_string(),
                format!(
                    "{}. We kept an untouched copy of it under “{key}” and {}.",
                    capitalise(&reason),
                    if restored_backup { "opened your previous saved copy" } else { "started a fresh map" }
                ),
            ),
            Notice::NewerVersion => (
                "Made by a newer version".to_string(),
                "Your saved data comes from a newer version of FasciaMap. It is shown read-only: reload to update; until then nothing is changed or saved, so nothing is lost.".to_string(),
            ),
        };
        Some(view! {
            <div class="banner" role="alert">
                <strong>{title}</strong>
                <p>{body}</p>
                <div class="banner-actions">
                    {raw.map(|raw| view! {
                        <button type="button" class="link"
                            on:click=move |_| crate::browser::download("fasciamap-unreadable-data.txt", "text/plain", &raw)>
                            "Download the copy"
                        </button>
                    })}
                    <button type="button" class="link" on:click=move |_| state.notice.set(None)>"OK"</button>
                </div>
            </div>
        })
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
