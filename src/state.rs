//! Reactive glue between the domain core and the components.
//!
//! One [`AppState`] is provided as context at the root. It owns the whole [`Document`] in one
//! signal; components read it through memos and change it only with [`AppState::dispatch`], so
//! state flows one way: tap → action → document → memos → view (and the storage effect).

use crate::domain::body_map::Action;
use crate::domain::region::{RegionSide, View};
use crate::domain::store::Document;
use leptos::prelude::*;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The body map drawing.
    Map,
    /// The list of every region with left and right side by side.
    List,
    /// Sharing the map as a link or QR code, and the maps saved from links.
    Share,
}

/// A shared map being looked at (read-only), or why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Opened from the address bar; "save to my history" is offered.
    Link(Result<crate::domain::link::SharedMap, crate::domain::link::LinkError>),
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
    /// True while the person is in the middle of something that must not be interrupted
    /// (a guided session): the app then never offers or performs an update reload.
    pub busy: RwSignal<bool>,
    /// A shared map shown read-only instead of the current screen.
    pub incoming: RwSignal<Option<Incoming>>,
}

impl AppState {
    /// Applies a map action and stamps the change time; returns true when something changed.
    pub fn dispatch(&self, action: Action) -> bool {
        if self
            .notice
            .with_untracked(|n| *n == Some(Notice::NewerVersion))
        {
            return false;
        }
        let mut changed = false;
        self.doc.update(|d| {
            changed = d.map.apply(action);
            if changed {
                d.map_updated = Some(now_iso());
            }
        });
        changed
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
}

/// Current time as ISO 8601.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Provides the app state at the root.
pub fn provide_state(doc: Document, notice: Option<Notice>) -> AppState {
    let state = AppState {
        doc: RwSignal::new(doc),
        selected: RwSignal::new(None),
        opener: RwSignal::new(None),
        view: RwSignal::new(View::Front),
        zoom: RwSignal::new(Zoom::Whole),
        tab: RwSignal::new(Tab::Map),
        notice: RwSignal::new(notice),
        announce: RwSignal::new(String::new()),
        busy: RwSignal::new(false),
        incoming: RwSignal::new(None),
    };
    provide_context(state);
    state
}

/// The app state provided by [`provide_state`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
