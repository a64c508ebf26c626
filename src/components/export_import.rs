use crate::domain::calendar::{self, short_date};
use crate::domain::persistence::export::{self, ImportMode, Preview, MAX_FILE};
use crate::domain::records::document::Document;
use crate::share::{share_file, FileForm, FileHanded};
use crate::state::{local_offset, now_iso, today_day, use_state, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Said after every import error: the file changed nothing.
const KEPT: &str = "Nothing was changed, and nothing already saved was lost.";

/// The backup's media type.
const BACKUP_TYPE: &str = "application/json";

/// Makes the backup text and notes the time in the document (not while read-only, when the
/// data must not change). The time goes into the file too, so a restored backup is identical
/// to what was here. Gives the text and the time noted before, to put back when a share is
/// cancelled.
fn backup_text(state: AppState) -> (String, Option<String>, String) {
    let now = now_iso();
    let before = state.doc.with_untracked(|d| d.last_export.clone());
    state.change(|d| d.last_export = Some(now.clone()));
    let text = state.doc.with_untracked(|d| export::encode(d, &now));
    (text, before, now)
}

/// Downloads a backup file of everything and notes the time.
pub(crate) fn download_backup(state: AppState) {
    let (text, _, _) = backup_text(state);
    crate::browser::download(&export::file_name(today_day()), BACKUP_TYPE, &text);
    state.say("Backup file saved.".to_string());
}

/// What became of "Send my backup", for the line under the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sent {
    /// The share sheet took the file.
    Handed,
    /// Sharing files is not possible here: the file was downloaded instead.
    Downloaded,
}

/// Hands the backup file (the same text as the download) to the phone's share sheet, so
/// AirDrop, Nearby Share, a messenger or an e-mail can carry it to another phone. Where the
/// browser cannot share files the file is downloaded instead. A closed share sheet is not an
/// error: nothing is said, and the backup time noted for it is taken back.
fn send_backup(state: AppState, sent: RwSignal<Option<Sent>>) {
    sent.set(None);
    let (text, before, now) = backup_text(state);
    let name = export::file_name(today_day());
    // Chromium (Android's Nearby Share and messengers included) shares only some file types,
    // not `.json`, so the same text is offered as a text file when the first form is refused.
    // The import reads the content, whatever the name.
    let as_text = name.replace(".json", ".txt");
    let forms = [
        FileForm {
            name: &name,
            mime: BACKUP_TYPE,
        },
        FileForm {
            name: &as_text,
            mime: "text/plain",
        },
    ];
    let handed = share_file(&forms, &text);
    let download = move || {
        crate::browser::download(&name, BACKUP_TYPE, &text);
        sent.set(Some(Sent::Downloaded));
    };
    match handed {
        None => download(),
        Some(handed) => spawn_local(async move {
            match handed.await {
                FileHanded::Shared => {
                    sent.set(Some(Sent::Handed));
                }
                FileHanded::Cancelled => {
                    // Nothing left the phone: the last backup is still the one before.
                    if state
                        .doc
                        .with_untracked(|d| d.last_export.as_deref() == Some(&now))
                    {
                        state.change(|d| d.last_export = before);
                    }
                }
                FileHanded::Failed => download(),
            }
        }),
    }
}

/// A file picked or dropped and read, waiting for the person to confirm.
#[derive(Clone)]
struct Pending {
    name: String,
    doc: Document,
    preview: Preview,
}

/// Backups: download one file with everything, or send it to another phone through the
/// phone's share sheet (with the steps to take there); import one by picking or dropping it,
/// with a preview, a choice to add to what is here (merge) or replace it, and a confirmation.
/// A damaged or foreign file is named as such and changes nothing. Also says whether the
/// browser agreed to keep the data (`navigator.storage.persist()`).
#[component]
pub fn ExportImport() -> impl IntoView {
    let state = use_state();
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let mode = RwSignal::new(ImportMode::Merge);
    let dragging = RwSignal::new(false);
    let sent = RwSignal::new(None::<Sent>);
    let this_year = Some(calendar::year_of(today_day()));
    // An error is shown right under the button, brought into view and focused, so the person
    // sees it where they are looking (issue #13: it used to appear below the fold).
    let fail = move |text: String| {
        error.set(Some(text));
        crate::browser::after_paint(|| crate::browser::reveal("import-error"));
    };

    let take_text = move |name: String, text: String| {
        done.set(None);
        match export::decode(&text) {
            Ok(doc) => {
                let preview = state
                    .doc
                    .with_untracked(|d| export::preview(d, &doc, &local_offset));
                error.set(None);
                mode.set(ImportMode::Merge);
                pending.set(Some(Pending { name, doc, preview }));
            }
            Err(e) => {
                pending.set(None);
                fail(format!("“{name}”: {e} {KEPT}"));
            }
        }
    };
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_FILE as f64 {
            fail(format!(
                "“{name}” is far larger than any FasciaMap backup, so it was not opened. {KEPT}"
            ));
            pending.set(None);
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            fail(format!("This browser cannot read files here. {KEPT}"));
            return;
        };
        let r = reader.clone();
        let onload = Closure::once_into_js(move || {
            let text = r
                .result()
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            take_text(name, text);
        });
        reader.set_onload(Some(onload.unchecked_ref()));
        let onerror = Closure::once_into_js(move || {
            fail(format!("The file could not be read. {KEPT}"));
        });
        reader.set_onerror(Some(onerror.unchecked_ref()));
        let _ = reader.read_as_text(&file);
    };

    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let m = mode.get_untracked();
        if state.change(|d| *d = export::apply(d, &p.doc, m)) {
            crate::storage::save_now(state);
            let msg = match m {
                ImportMode::Merge => format!(
                    "Added {} new entr{} from “{}”.",
                    p.preview.new_entries,
                    if p.preview.new_entries == 1 {
                        "y"
                    } else {
                        "ies"
                    },
                    p.name
                ),
                ImportMode::Replace => format!("Replaced your data with “{}”.", p.name),
            };
            state.say(msg.clone());
            done.set(Some(msg));
        } else {
            fail(format!("Your data comes from a newer version and cannot be changed here, so nothing was imported. {KEPT}"));
        }
        pending.set(None);
    };

    let last_export = move || {
        state.doc.with(|d| {
            d.last_export
                .as_deref()
                .and_then(calendar::parse_iso_ms)
                .map(|ms| short_date(calendar::local_day(ms, &local_offset), this_year))
        })
    };

    view! {
        <section class="backup" aria-labelledby="backup-title">
            <h3 id="backup-title">"Back up your history"</h3>
            <p>"Your map and history live only in this browser. A backup file is the copy that survives a new phone or cleared browser data."</p>
            <p class="muted">{move || match last_export() {
                Some(d) => format!("Last backup: {d}."),
                None => "No backup yet.".to_string(),
            }}</p>
            {move || state.persisted.get().map(|p| view! {
                <p class="muted">{if p {
                    "This browser has agreed to keep FasciaMap's data."
                } else {
                    "This browser may clear FasciaMap's data when space runs low, so a backup file matters."
                }}</p>
            })}
            <button type="button" class="primary wide" on:click=move |_| download_backup(state)>"Download a backup file"</button>

            <h3>"Moving to a new phone"</h3>
            <p>"Send the backup to your new phone: by AirDrop, Nearby Share, a message or an e-mail to yourself."</p>
            <button type="button" class="primary wide" on:click=move |_| send_backup(state, sent)>"Send my backup"</button>
            <p class="muted">"The file holds your map and history. Send it only to yourself or to someone you trust."</p>
            <div role="status" class="sent-note">
                {move || sent.get().map(|s| match s {
                    Sent::Handed => view! {
                        <p><strong class="ok">"Backup handed over."</strong>" Now do the steps below on the new phone."</p>
                    },
                    Sent::Downloaded => view! {
                        <p><strong class="ok">"Backup file saved to your downloads."</strong>" This phone cannot send files from FasciaMap, so send it from your downloads, for example in an e-mail to yourself."</p>
                    },
                })}
            </div>
            <p class="then">"Then, on the new phone:"</p>
            <ol class="move-steps">
                <li>"Save the file you sent."</li>
                <li>"Open FasciaMap there, tap Progress, then Backup, then “Choose a backup file”, and pick the file."</li>
                <li>"Tap “Add them”. Your history is added to what is on the new phone: nothing there is lost or doubled."</li>
            </ol>

            <h3>"Bring a backup back"</h3>
            <div class=move || if dragging.get() { "drop dragging" } else { "drop" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    if let Some(f) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|l| l.get(0)) {
                        read_file(f);
                    }
                }>
                <label class="secondary file-pick">
                    "Choose a backup file"
                    <input type="file" accept=".json,application/json,.txt,text/plain" class="sr-only"
                        on:change=move |ev| {
                            let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
                            if let Some(input) = input {
                                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                                    read_file(f);
                                }
                                input.set_value("");
                            }
                        }/>
                </label>
                <div role="alert" id="import-error" class="import-error" tabindex="-1">
                    {move || error.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
                <p class="muted">"or drop it here. Nothing changes until you confirm."</p>
            </div>
            <div role="status">
                {move || done.get().map(|m| view! { <p class="ok">{m}</p> })}
            </div>
            {move || pending.get().map(|p| {
                let span = p.preview.span.map(|(a, b)| format!(" from {} to {}", short_date(a, this_year), short_date(b, this_year))).unwrap_or_default();
                let new = match p.preview.new_entries {
                    0 => "All of them are already on this device.".to_string(),
                    1 => "1 of them is not on this device yet.".to_string(),
                    n => format!("{n} of them are not on this device yet."),
                };
                let summary = format!(
                    "“{}” holds {} check-in{} and {} session{}{span}. {new}",
                    p.name,
                    p.preview.checkins, if p.preview.checkins == 1 { "" } else { "s" },
                    p.preview.sessions, if p.preview.sessions == 1 { "" } else { "s" },
                );
                view! {
                    <div class="card preview">
                        <h3>"Check before importing"</h3>
                        <p>{summary}</p>
                        <fieldset class="choices">
                            <legend>"What should happen?"</legend>
                            <label class="radio">
                                <input type="radio" name="import-mode" checked=move || mode.get() == ImportMode::Merge
                                    on:change=move |_| mode.set(ImportMode::Merge)/>
                                <span><strong>"Add to what is here"</strong><br/>
                                <span class="muted">"Entries from the file are added; nothing here is lost or doubled."</span></span>
                            </label>
                            <label class="radio">
                                <input type="radio" name="import-mode" checked=move || mode.get() == ImportMode::Replace
                                    on:change=move |_| mode.set(ImportMode::Replace)/>
                                <span><strong>"Replace what is here"</strong><br/>
                                <span class="muted">"Everything on this device is swapped for the file."</span></span>
                            </label>
                        </fieldset>
                        <div class="sheet-actions">
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                            <button type="button" class="primary" on:click=confirm>
                                {move || match mode.get() {
                                    ImportMode::Merge => "Add them",
                                    ImportMode::Replace => "Replace everything",
                                }}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
