//! Browser adapter for localStorage: moves strings in and out, never panics.
//!
//! Two steps: [`boot`] (in the first download) reads only the body map, with the small
//! scanner of [`crate::domain::persistence::peek`], so the map is drawn at once; [`open`] (in the lazily
//! loaded `store` part, fetched right after the first paint, see [`crate::lazy::open_storage`])
//! then reads the whole document and starts saving. Nothing can change before that: every
//! screen and the editor sheet wait for it, and [`AppState::edit`] refuses changes until
//! `AppState::ready`.
//!
//! The rules (envelope, versions, migrations, backup, quarantine, merging with other tabs) are
//! in [`crate::domain::persistence::store`] and [`crate::domain::persistence::sync`], tested natively. This file only
//! connects them to the browser:
//! - localStorage, its handle taken through gloo-storage (except for [`boot`]'s one read), as
//!   a [`KvStore`] of raw text: a missing or blocked store, `SecurityError` or
//!   `QuotaExceededError` become [`KvError`]s, never exceptions;
//! - saves are debounced ([`DEBOUNCE_MS`]) and flushed at once when the page is hidden
//!   (`visibilitychange` → hidden, `pagehide`), since mobile browsers may kill a hidden page;
//! - the `storage` event brings in what another tab wrote;
//! - `navigator.storage.persist()` is asked for once there is history worth keeping.

use crate::domain::persistence::peek;
use crate::domain::persistence::store::KEY;
use crate::domain::persistence::sync::{External, KvError, KvStore, LoadNote, Mode, Saved, Syncer};
use crate::domain::records::document::Document;
use crate::state::{now_iso, AppState, Notice};
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Quiet time after the last change before it is written.
pub const DEBOUNCE_MS: i32 = 300;

thread_local! {
    /// This tab's view of the store.
    static SYNCER: RefCell<Syncer> = RefCell::new(Syncer::memory_only());
    /// A change waits to be written.
    static DIRTY: Cell<bool> = const { Cell::new(false) };
    /// The pending debounce timer.
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    /// `navigator.storage.persist()` was asked for on this page.
    static PERSIST_ASKED: Cell<bool> = const { Cell::new(false) };
    /// [`open`] has run.
    static OPENED: Cell<bool> = const { Cell::new(false) };
}

/// The page's localStorage, or `None` where the browser refuses it (private mode, blocked
/// site data: the `localStorage` getter itself throws a `SecurityError`).
fn web_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// localStorage for the store: the same, with the handle taken through gloo-storage's
/// [`LocalStorage::raw`]. That one throws a JavaScript exception instead of returning an error
/// when there is no storage, so [`web_storage`] asks first. Only gloo's raw handle is used,
/// never its `get`/`set`, which would pass the text through JSON: the envelope's CRC-32, the
/// backup and the quarantine need the stored text exactly as it is.
fn local_storage() -> Option<web_sys::Storage> {
    web_storage()?;
    Some(LocalStorage::raw())
}

/// A refused write as the store's rules know it: a full store, or one that cannot be used.
///
/// By the exception's name, not through gloo-storage's `StorageError`: making one reads the
/// exception's name, message and text, two more JavaScript imports, and every import stays
/// in the first download, even those only the lazily loaded parts call.
fn classify(err: JsValue) -> KvError {
    match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => KvError::Full,
        _ => KvError::Blocked,
    }
}

/// localStorage as a key-value store (raw text in and out, see [`local_storage`]).
struct Local(Option<web_sys::Storage>);

impl Local {
    fn get() -> Local {
        Local(local_storage())
    }
}

impl KvStore for Local {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0
            .as_ref()
            .ok_or(KvError::Blocked)?
            .get_item(key)
            .map_err(|_| KvError::Blocked)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.0
            .as_ref()
            .ok_or(KvError::Blocked)?
            .set_item(key, value)
            .map_err(classify)
    }
}

/// The document for the first paint: the saved body map when [`peek::map`] can read it, empty
/// otherwise. The rest of the document comes with [`open`].
///
/// The one read not through gloo-storage ([`web_storage`] alone): this is in the first
/// download, and gloo's handle would bring its second lookup and its messages into it, for a
/// read whose refusal only means an empty map until [`open`] says why.
///
/// Also says whether something may be stored: false only when storage could be read and
/// holds nothing, which may be a first visit (it opens on the welcome, see [`crate::App`]).
/// Storage that is blocked cannot tell, and could not keep "welcome passed" either: it opens
/// on the map, whose banner says nothing is saved.
pub fn boot() -> (Document, bool) {
    let store = web_storage();
    let read = store.as_ref().map(|s| s.get_item(KEY));
    let raw = match &read {
        Some(Ok(text)) => text.clone(),
        _ => None,
    };
    let doc = Document {
        map: raw.as_deref().and_then(peek::map).unwrap_or_default(),
        ..Document::default()
    };
    (doc, !matches!(read, Some(Ok(None))))
}

/// Reads the whole saved document into the app (with its notices), starts saving and
/// following other tabs and share links, then sets `AppState::ready`. Runs once: returns true
/// the first time, and at once with false later.
pub fn open(state: AppState) -> bool {
    if OPENED.with(|o| o.replace(true)) {
        return false;
    }
    let loaded = load();
    state.adopt(loaded.doc, loaded.notice, loaded.read_only);
    persist(state);
    crate::share::follow_links(state);
    state.ready.set(true);
    // Taps answered before the document was in: applied to it now, and saved.
    if state.replay_held() {
        schedule(state);
    }
    true
}

/// What [`load`] found.
struct Loaded {
    /// The document to start with.
    doc: Document,
    /// What the banner should say.
    notice: Option<Notice>,
    /// The data must not be changed (it comes from a newer app version).
    read_only: bool,
}

/// Reads the saved document once at start.
fn load() -> Loaded {
    let (syncer, doc, note) = Syncer::open(&mut Local::get(), js_sys::Date::now() as i64);
    let read_only = syncer.mode() == Mode::ReadOnlyNewer;
    SYNCER.with(|s| *s.borrow_mut() = syncer);
    let notice = note.map(|n| match n {
        LoadNote::Blocked => Notice::NotSaving,
        LoadNote::Newer => Notice::NewerVersion,
        LoadNote::SetAside {
            key,
            reason,
            restored_backup,
            raw,
        } => Notice::SetAside {
            key,
            reason,
            restored_backup,
            raw,
        },
        LoadNote::SetAsideFailed { reason, raw } => Notice::SetAside {
            key: String::new(),
            reason,
            restored_backup: false,
            raw,
        },
    });
    Loaded {
        doc,
        notice,
        read_only,
    }
}

/// Writes the pending change now, if there is one.
fn flush(state: AppState) {
    if let Some(id) = TIMER.with(Cell::take) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(id);
        }
    }
    if !DIRTY.with(Cell::get) {
        return;
    }
    let now_ms = js_sys::Date::now() as i64;
    let result = state.doc.with_untracked(|doc| {
        SYNCER.with(|s| {
            s.borrow_mut()
                .save(&mut Local::get(), doc, &now_iso(), now_ms)
        })
    });
    let notice = state.notice.get_untracked();
    match result {
        Ok(saved) => {
            DIRTY.with(|d| d.set(false));
            if matches!(notice, Some(Notice::NotSaving | Notice::Full))
                && SYNCER.with(|s| s.borrow().mode()) == Mode::Normal
            {
                state.notice.set(None);
            }
            match saved {
                Saved::Merged(doc) => state.doc.set(*doc),
                Saved::NowReadOnly => {
                    state.read_only.set(true);
                    state.notice.set(Some(Notice::NewerVersion));
                }
                Saved::Skipped => {
                    if SYNCER.with(|s| s.borrow().mode()) == Mode::MemoryOnly
                        && !matches!(notice, Some(Notice::SetAside { .. }))
                    {
                        state.notice.set(Some(Notice::NotSaving));
                    }
                }
                Saved::Written | Saved::Unchanged => {}
            }
            ask_persist(state);
        }
        // The document stays in memory and dirty: the next change or flush tries again.
        Err(KvError::Blocked) => state.notice.set(Some(Notice::NotSaving)),
        Err(KvError::Full) => state.notice.set(Some(Notice::Full)),
    }
}

/// Asks the browser to keep this site's data (not cleared under storage pressure) once
/// there is history worth keeping. Reports the answer in `AppState::persisted`.
fn ask_persist(state: AppState) {
    if PERSIST_ASKED.with(Cell::get)
        || state
            .doc
            .with_untracked(|d| d.checkins.is_empty() && d.sessions.is_empty())
    {
        return;
    }
    PERSIST_ASKED.with(|a| a.set(true));
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    // Older browsers lack the method: calling it would throw.
    let has = js_sys::Reflect::get(&manager, &JsValue::from_str("persist"))
        .map(|f| f.is_function())
        .unwrap_or(false);
    if !has {
        return;
    }
    let Ok(promise) = manager.persist() else {
        return;
    };
    let done = Closure::once(move |v: JsValue| state.persisted.set(v.as_bool()));
    let failed = Closure::once(move |_: JsValue| {});
    let _ = promise.then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// Writes `doc` at once (used before a download of a backup, so the file and the stored copy
/// agree). Returns true when it is stored.
pub fn save_now(state: AppState) -> bool {
    DIRTY.with(|d| d.set(true));
    flush(state);
    !DIRTY.with(Cell::get)
}

fn schedule(state: AppState) {
    DIRTY.with(|d| d.set(true));
    let Some(w) = web_sys::window() else { return };
    if let Some(id) = TIMER.with(Cell::take) {
        w.clear_timeout_with_handle(id);
    }
    let cb = Closure::once_into_js(move || {
        TIMER.with(|t| t.set(None));
        flush(state);
    });
    if let Ok(id) =
        w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), DEBOUNCE_MS)
    {
        TIMER.with(|t| t.set(Some(id)));
    }
}

/// Saves changes of the document (debounced, flushed when the page is hidden) and follows
/// writes from other tabs.
fn persist(state: AppState) {
    // "save document": runs after every change (not for the initial value).
    Effect::new(move |prev: Option<()>| {
        state.doc.track();
        if prev.is_some() {
            schedule(state);
        }
    });

    let Some(w) = web_sys::window() else { return };

    // "flush when hidden": the page may be frozen or killed from here on.
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if !crate::browser::page_visible() {
            flush(state);
        }
    });
    if let Some(doc) = w.document() {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    }
    on_hide.forget();
    let on_pagehide = Closure::<dyn Fn()>::new(move || flush(state));
    let _ = w.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();

    // "follow other tabs": their copy replaces ours, or merges with our unsaved change.
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() != Some(KEY) {
                return;
            }
            let raw = ev.new_value();
            let dirty = DIRTY.with(Cell::get);
            let outcome = state.doc.with_untracked(|doc| {
                SYNCER.with(|s| s.borrow_mut().external(raw.as_deref(), doc, dirty))
            });
            match outcome {
                External::Replace(doc) => state.doc.set(doc),
                External::Merge(doc) => state.doc.set(doc),
                External::NowReadOnly => {
                    state.read_only.set(true);
                    state.notice.set(Some(Notice::NewerVersion));
                }
                External::Ignore => {}
            }
        });
    let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();

    // Ask for persistent storage on start when there is history already.
    ask_persist(state);
}
