//! Reactive glue between the domain core and the components.
//!
//! One [`AppState`] is provided as context at the root. It owns the whole [`Document`] in one
//! signal; components read it through memos and change it only through [`AppState::dispatch`]
//! (map actions), [`AppState::edit`] and [`AppState::change`], each running one call on the
//! document: a [`Document`] method (start or finish a session, import a shared map, delete an
//! entry, pause or clear a side, answer the screen…) or a record's own `apply` (the profile);
//! a backup file replaces it through persistence's `export::apply`. So state flows one way: tap → action → document → memos → view (and the storage effect).
//! The clock and the random numbers the records need are read here, once per action
//! ([`moment`]); the domain makes every time stamp and id from them.

use crate::domain::knowledge::region::{RegionSide, View};
use crate::domain::records::body_map::Action;
use crate::domain::records::document::{Document, Moment};
use leptos::prelude::*;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The body map drawing.
    Map,
    /// The first-visit welcome and "What brings you here?" (`WelcomeScreen`).
    Welcome,
    /// The list of every region with left and right side by side.
    List,
    /// The plan (or the safety questions when they are due).
    Plan,
    /// The guided session.
    Session,
    /// The safety questions, opened from "More".
    Safety,
    /// The profile.
    Profile,
    /// "How this works".
    About,
    /// The list of further screens.
    More,
    /// History, trends, the 28-day programme and backups (`ProgressScreen`).
    Progress,
    /// Sharing the map as a link or QR code, and the maps saved from links.
    Share,
    /// A page to print for a physiotherapist or doctor (`ClinicianSummary`).
    Summary,
}

/// A shared map being looked at (read-only), or why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Opened from the address bar; "save to my history" is offered.
    Link(
        Result<
            crate::domain::records::shared::SharedMap,
            crate::domain::persistence::link::LinkError,
        >,
    ),
    /// One the person saved earlier (index into `Document::imported`).
    Saved(usize),
}

/// How much of the figure the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    /// Head to toe.
    Whole,
    /// Head to hips, larger.
    Upper,
    /// Hips to feet, larger.
    Lower,
}

/// What the storage banner should say, if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage is blocked: nothing is being saved.
    NotSaving,
    /// Storage is full: the last change was not saved.
    Full,
    /// Saved data was unreadable; its raw text was kept under `key`.
    SetAside {
        /// localStorage key holding the raw text.
        key: String,
        /// Plain reason.
        reason: String,
        /// True when the previous good copy was restored instead of starting empty.
        restored_backup: bool,
        /// The unreadable text itself, offered for download.
        raw: String,
    },
    /// Saved data comes from a newer app version: shown read-only, never written back.
    NewerVersion,
}

/// The app's shared state (all fields are `Copy` signals).
#[derive(Clone, Copy)]
pub struct AppState {
    /// Everything kept on the device.
    pub doc: RwSignal<Document>,
    /// The region-side whose editor is open.
    pub selected: RwSignal<Option<RegionSide>>,
    /// Id of the element that opened the editor, to give focus back on close.
    pub opener: RwSignal<Option<String>>,
    /// Front or back drawing.
    pub view: RwSignal<View>,
    /// Zoom of the drawing.
    pub zoom: RwSignal<Zoom>,
    /// Current screen.
    pub tab: RwSignal<Tab>,
    /// Storage banner.
    pub notice: RwSignal<Option<Notice>>,
    /// Text for the polite live region read by screen readers.
    pub announce: RwSignal<String>,
    /// A short note shown once at the top of the next screen (e.g. "Session saved").
    pub flash: RwSignal<Option<String>>,
    /// What the empty map says instead of its usual hint (set by the welcome: why the map
    /// opens on the legs with low back pain).
    pub map_hint: RwSignal<Option<&'static str>>,
    /// The stored data comes from a newer app version: nothing may change.
    pub read_only: RwSignal<bool>,
    /// The browser's answer to `navigator.storage.persist()`, once asked.
    pub persisted: RwSignal<Option<bool>>,
    /// True while the person is in the middle of something that must not be interrupted
    /// (a guided session): the app then never offers or performs an update reload.
    pub busy: RwSignal<bool>,
    /// A shared map shown read-only instead of the current screen.
    pub incoming: RwSignal<Option<Incoming>>,
    /// The whole saved document is in and saving works (see [`crate::storage::open`]); until
    /// then the map shows only what the first paint read, and nothing can change.
    pub ready: RwSignal<bool>,
    /// Map changes made before the whole document was in (a tap answered at once, see
    /// [`AppState::dispatch`]), with their moments, to be applied to it when it is.
    held: StoredValue<Vec<(Action, Moment)>>,
}

impl AppState {
    /// Applies a map action ([`Document::edit_map`]: the change time and the check-in come
    /// with it); returns true when something changed.
    ///
    /// Before the whole document is in (the first moments after start, while storage opens),
    /// the change is shown on the map the first paint read and held; [`AppState::replay_held`]
    /// applies it to the document once it is in, with its own moment, so a first tap is
    /// answered at once and nothing is written half-read or lost.
    pub fn dispatch(&self, action: Action) -> bool {
        let now = moment();
        if !self.ready.get_untracked() && !self.read_only.get_untracked() {
            let mut changed = false;
            self.doc.maybe_update(|d| {
                changed = d.edit_map(action, now);
                changed
            });
            if changed {
                self.held.update_value(|h| h.push((action, now)));
            }
            return changed;
        }
        self.edit(|d| d.edit_map(action, now))
    }

    /// Applies the map changes held while storage opened to the document now in (nothing
    /// when it may not change, e.g. it comes from a newer app version: the banner says so).
    /// Returns true when something changed and must be saved.
    pub fn replay_held(&self) -> bool {
        let held = self
            .held
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if held.is_empty() {
            return false;
        }
        let mut changed = false;
        for (action, at) in held {
            changed |= self.edit(|d| d.edit_map(action, at));
        }
        changed
    }

    /// True while nothing may change (storage not open yet, or the stored data comes from a
    /// newer app version).
    fn locked(&self) -> bool {
        !self.ready.get_untracked()
            || self.read_only.get_untracked()
            || self
                .notice
                .with_untracked(|n| *n == Some(Notice::NewerVersion))
    }

    /// Applies any other change to the document (profile, screen, session, shared map): `f` is
    /// one call on the document and returns true when it changed something. Nothing is
    /// changed while the data is read-only.
    pub fn edit(&self, f: impl FnOnce(&mut Document) -> bool) -> bool {
        if self.locked() {
            return false;
        }
        let mut changed = false;
        self.doc.maybe_update(|d| {
            changed = f(d);
            changed
        });
        changed
    }

    /// Shows another screen, scrolled to the top (closing a shared map shown read-only).
    pub fn go(&self, tab: Tab) {
        // Leaving a shared map that is open read-only (it stays in the address bar).
        self.incoming.set(None);
        self.tab.set(tab);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Changes the document other than through a map action (history, programme, a backup
    /// import), with one call on it; does nothing while the data is read-only. Returns true
    /// when `f` ran.
    pub fn change(&self, f: impl FnOnce(&mut Document)) -> bool {
        if self.locked() {
            return false;
        }
        self.doc.update(f);
        true
    }

    /// Opens the editor for `at`, remembering which element asked.
    pub fn open_editor(&self, at: RegionSide, opener_id: String) {
        self.opener.set(Some(opener_id));
        self.selected.set(Some(at));
    }

    /// Says `text` to screen readers.
    pub fn say(&self, text: String) {
        self.announce.set(text);
    }

    /// True while the person is in a guided session (one is running, or its screen shows, up
    /// to its end screen): banners wait until after it, so nothing pushes the session's
    /// controls down (tracked).
    pub fn in_session(&self) -> bool {
        self.busy.get() || self.tab.get() == Tab::Session
    }
}

/// Current time as ISO 8601.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The moment of an action that changes the document: the clock and a random number, the
/// only place the UI reads them for the records (the domain makes the time stamps and ids
/// from it, see [`Moment`]).
pub fn moment() -> Moment {
    Moment {
        ms: js_sys::Date::now() as i64,
        salt: (js_sys::Math::random() * 46_656.0) as u32,
    }
}

/// The local UTC offset in minutes (east positive) at an instant, from the browser's time
/// zone rules (so summer time is right for every date). Pass as a
/// [`crate::domain::calendar::LocalTime`].
pub fn local_offset(ms: i64) -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset() as i32)
}

/// Today's local day number (see [`crate::domain::calendar`]).
pub fn today_day() -> i64 {
    crate::domain::calendar::local_day(js_sys::Date::now() as i64, &local_offset)
}

/// Today's local date as `YYYY-MM-DD`.
pub fn today() -> String {
    crate::domain::calendar::format_day(today_day())
}

/// Provides the app state at the root, with the document of the first paint
/// ([`crate::storage::boot`]); [`AppState::adopt`] brings in the whole one.
pub fn provide_state(doc: Document) -> AppState {
    let state = AppState {
        doc: RwSignal::new(doc),
        selected: RwSignal::new(None),
        opener: RwSignal::new(None),
        view: RwSignal::new(View::Front),
        zoom: RwSignal::new(Zoom::Whole),
        tab: RwSignal::new(Tab::Map),
        notice: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        flash: RwSignal::new(None),
        map_hint: RwSignal::new(None),
        read_only: RwSignal::new(false),
        persisted: RwSignal::new(None),
        busy: RwSignal::new(false),
        incoming: RwSignal::new(None),
        ready: RwSignal::new(false),
        held: StoredValue::new(Vec::new()),
    };
    provide_context(state);
    state
}

impl AppState {
    /// Takes the whole saved document. A session that was running when the page closed comes
    /// back paused, on its own screen (unless the person has already gone elsewhere). The
    /// welcome gives way to the map when the document shows a returning person (another tab
    /// may have saved since the first paint).
    pub fn adopt(&self, mut doc: Document, notice: Option<Notice>, read_only: bool) {
        if self.tab.get_untracked() == Tab::Welcome && (!doc.first_visit() || read_only) {
            self.tab.set(Tab::Map);
        }
        if doc.suspend_session() && self.tab.get_untracked() == Tab::Map {
            self.tab.set(Tab::Session);
        }
        self.doc.set(doc);
        self.notice.set(notice);
        self.read_only.set(read_only);
    }
}

/// The app state provided by [`provide_state`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
