//! Browser adapter for localStorage: moves strings in and out, never panics.
//!
//! The meaning of the stored text (envelope, versions, migrations) is in
//! [`crate::domain::store`]. This file only deals with what the browser can do wrong:
//! storage missing or blocked (reading `localStorage` throws), full (`QuotaExceededError`),
//! unreadable content (set aside under its own key, never deleted), data from a newer app
//! version (read-only, never written back), and another tab writing (the `storage` event).

use crate::domain::store::{self, Document, LoadError, BACKUP_KEY, KEY, QUARANTINE_PREFIX};
use crate::state::{AppState, Notice};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Write counter of the copy this tab last read or wrote.
    static REV: Cell<u64> = const { Cell::new(0) };
    /// Set when the stored data must never be written (newer version).
    static READ_ONLY: Cell<bool> = const { Cell::new(false) };
}

/// localStorage, or `None` when it is missing or blocked.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What [`load`] found.
pub struct Loaded {
    /// The document to start with.
    pub doc: Document,
    /// What the banner should say.
    pub notice: Option<Notice>,
}

/// Reads the saved document once at start.
pub fn load() -> Loaded {
    let Some(ls) = local() else {
        return Loaded {
            doc: Document::default(),
            notice: Some(Notice::NotSaving),
        };
    };
    let raw = match ls.get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                doc: Document::default(),
                notice: None,
            }
        }
        Err(_) => {
            return Loaded {
                doc: Document::default(),
                notice: Some(Notice::NotSaving),
            }
        }
    };
    match store::decode(&raw) {
        Ok(s) => {
            REV.with(|r| r.set(s.rev));
            Loaded {
                doc: s.doc,
                notice: None,
            }
        }
        Err(LoadError::NewerVersion(_)) => {
            READ_ONLY.with(|r| r.set(true));
            Loaded {
                doc: Document::default(),
                notice: Some(Notice::NewerVersion),
            }
        }
        Err(err) => recover(&ls, &raw, &err),
    }
}

/// Sets unreadable text aside under its own key and falls back to the backup copy.
fn recover(ls: &web_sys::Storage, raw: &str, err: &LoadError) -> Loaded {
    let key = format!("{QUARANTINE_PREFIX}{}", js_sys::Date::now() as u64);
    if ls.set_item(&key, raw).is_err() {
        // Could not keep a copy: never overwrite the original, run read-only in memory.
        READ_ONLY.with(|r| r.set(true));
        return Loaded {
            doc: Document::default(),
            notice: Some(Notice::NotSaving),
        };
    }
    let backup = ls
        .get_item(BACKUP_KEY)
        .ok()
        .flatten()
        .and_then(|b| store::decode(&b).ok());
    let restored_backup = backup.is_some();
    let doc = backup.map(|s| s.doc).unwrap_or_default();
    let notice = Notice::SetAside {
        key,
        reason: err.to_string(),
        restored_backup,
        raw: raw.to_string(),
    };
    Loaded {
        doc,
        notice: Some(notice),
    }
}

/// Why a save did not happen.
enum SaveError {
    Blocked,
    Full,
}

/// Writes the document if it differs from what is stored: the current good copy moves to the
/// backup key first, and the write counter goes up by one.
fn save(doc: &Document) -> Result<(), SaveError> {
    if READ_ONLY.with(Cell::get) {
        return Ok(());
    }
    let ls = local().ok_or(SaveError::Blocked)?;
    let current = ls.get_item(KEY).map_err(|_| SaveError::Blocked)?;
    let mut rev = REV.with(Cell::get);
    if let Some(cur) = &current {
        match store::decode(cur) {
            Ok(stored) if stored.doc == *doc => {
                REV.with(|r| r.set(stored.rev));
                return Ok(());
            }
            Ok(stored) => {
                rev = rev.max(stored.rev);
                ls.set_item(BACKUP_KEY, cur).map_err(classify)?;
            }
            // Never overwrite data we cannot read (a newer tab may have written it).
            Err(LoadError::NewerVersion(_)) => {
                READ_ONLY.with(|r| r.set(true));
                return Ok(());
            }
            Err(_) => {}
        }
    }
    let text = store::encode(doc, rev + 1, &crate::state::now_iso());
    ls.set_item(KEY, &text).map_err(classify)?;
    REV.with(|r| r.set(rev + 1));
    Ok(())
}

fn classify(err: JsValue) -> SaveError {
    match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => SaveError::Full,
        _ => SaveError::Blocked,
    }
}

/// Saves every change of the document at once and follows writes from other tabs.
pub fn persist(state: AppState) {
    // "save document": runs after every change (not for the initial value).
    Effect::new(move |prev: Option<()>| {
        if prev.is_none() {
            state.doc.track();
            return;
        }
        let result = state.doc.with(save);
        let notice = state.notice.get_untracked();
        match result {
            Ok(()) => {
                if matches!(notice, Some(Notice::NotSaving | Notice::Full)) && local().is_some() {
                    state.notice.set(None);
                }
            }
            Err(SaveError::Blocked) => state.notice.set(Some(Notice::NotSaving)),
            Err(SaveError::Full) => state.notice.set(Some(Notice::Full)),
        }
    });

    // "follow other tabs": a newer copy written elsewhere replaces ours.
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() != Some(KEY) {
                return;
            }
            let Some(raw) = ev.new_value() else { return };
            if let Ok(stored) = store::decode(&raw) {
                if stored.rev > REV.with(Cell::get) {
                    REV.with(|r| r.set(stored.rev));
                    state.doc.set(stored.doc);
                }
            }
        });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    on_storage.forget();
}
