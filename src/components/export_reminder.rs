use crate::components::export_import::download_backup;
use crate::domain::persistence::export;
use crate::pwa::installed;
use crate::state::use_state;
use leptos::prelude::*;

/// A gentle reminder to save a backup file, shown when the app is not installed and the last
/// backup is more than a week old (or there never was one): Safari clears a site's data after
/// seven days without a visit (an installed app, [`installed`], keeps its data). It says
/// which of the two it is: "You have not saved a backup yet" to someone who never made one,
/// the week-old wording only for a real old backup. "Later" hides it until the app is
/// opened again. It waits while a guided session is on screen
/// ([`crate::state::AppState::in_session`]) and appears after it.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let state = use_state();
    let later = RwSignal::new(false);
    let is_installed = installed();
    // `Some(true)` when due and no backup was ever saved, `Some(false)` when the last one is
    // old, `None` when not due.
    let due = Memo::new(move |_| {
        let now = js_sys::Date::now() as i64;
        state
            .doc
            .with(|d| export::reminder_due(d, now, is_installed).then_some(d.last_export.is_none()))
    });
    move || {
        let never = due.get().filter(|_| !later.get() && !state.in_session())?;
        Some({
            view! {
                <aside class="reminder" aria-label="Backup reminder">
                    {if never {
                        view! {
                            <p><strong>"You have not saved a backup yet."</strong>" Your history is only in this browser: "
                               "if the browser clears its data or the phone is lost, a backup file is the only copy."</p>
                        }.into_any()
                    } else {
                        view! {
                            <p>"Your history is only in this browser, and your last backup is more than a week old. Save a fresh copy now and then."</p>
                        }.into_any()
                    }}
                    <div class="banner-actions">
                        <button type="button" class="secondary" on:click=move |_| download_backup(state)>"Download a backup"</button>
                        <button type="button" class="link" on:click=move |_| later.set(true)>"Later"</button>
                    </div>
                </aside>
            }
        })
    }
}
