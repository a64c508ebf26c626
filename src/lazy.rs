//! The parts of the app that are not needed to show and tap the body map, cut out of the first
//! download.
//!
//! Each split function below ends up in its own small wasm file: scripts/bin/wasm-bindgen cuts
//! the build at these functions, and functions that name the same module share one file
//! (`map_extras`: what the map screen needs next; `plan`: the engine and every screen built on
//! it; `progress`: history, trends, the programme and backups; `share`: share links, QR code
//! and shared maps). Calling one the first time fetches its file; later calls return at once.
//! Screens show them through the [`Deferred`] component; [`preload`] fetches the map's own
//! extras once the map is on screen and the browser is idle, so a tap on the map does not wait
//! on the network, and the service worker caches every part for offline use. A failed fetch
//! (offline before the app was cached) is an ordinary error with a retry, never a crash.

use crate::components::{
    AboutScreen, CheckinNote, ExportReminder, MarkEditor, MoreScreen, PlanScreen, ProfileScreen,
    ProgressScreen, RegionList, SafetyScreen, SessionScreen, ShareScreen, SharedView,
    StorageBanner, SymptomPicker, UpdateBanner,
};
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A part of the app could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> NotLoaded {
        NotLoaded
    }
}

/// What a split function gives back.
pub type Loaded = Result<AnyView, NotLoaded>;

/// The pending result of a [`Loader`].
pub type Lazy = SendWrapper<Pin<Box<dyn Future<Output = Loaded>>>>;

/// A lazily loaded view, as a plain function so components can take it as a prop.
pub type Loader = fn() -> Lazy;

/// Declares one lazily loaded view: a split function in `$module` that renders `$component`,
/// and the public loader `$name` that screens pass to [`Deferred`].
macro_rules! lazy_view {
    ($(#[$doc:meta])* $module:ident, $name:ident, $split:ident, $component:ident) => {
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split() -> Loaded {
            Ok(view! { <$component/> }.into_any())
        }

        $(#[$doc])*
        pub fn $name() -> Lazy {
            SendWrapper::new(Box::pin($split()))
        }
    };
}

lazy_view!(
    /// The list of every region with left and right side by side.
    map_extras, region_list, region_list_split, RegionList
);
lazy_view!(
    /// The sheet that edits one region-side.
    map_extras, mark_editor, mark_editor_split, MarkEditor
);
lazy_view!(
    /// The note under the map on how changes reach the history.
    map_extras, checkin_note, checkin_note_split, CheckinNote
);
lazy_view!(
    /// The symptom picker under the map.
    map_extras, symptom_picker, symptom_picker_split, SymptomPicker
);
lazy_view!(
    /// The banner about storage problems.
    map_extras, storage_banner, storage_banner_split, StorageBanner
);
lazy_view!(
    /// The reminder to export a backup (shown once the browser is idle).
    map_extras, export_reminder, export_reminder_split, ExportReminder
);
lazy_view!(
    /// "A new version is ready".
    store, update_banner, update_banner_split, UpdateBanner
);
lazy_view!(
    /// History, trends, the 28-day programme and backups.
    progress, progress_screen, progress_screen_split, ProgressScreen
);
lazy_view!(
    /// Sharing the map as a link or QR code, and the maps saved from links.
    share, share_screen, share_screen_split, ShareScreen
);
lazy_view!(
    /// A shared map opened from a link (or saved earlier), read-only, with its plan.
    share, shared_view, shared_view_split, SharedView
);
lazy_view!(
    /// The plan (or the safety questions when they are due).
    plan, plan_screen, plan_screen_split, PlanScreen
);
lazy_view!(
    /// The guided session.
    plan, session_screen, session_screen_split, SessionScreen
);
lazy_view!(
    /// The safety questions.
    plan, safety_screen, safety_screen_split, SafetyScreen
);
lazy_view!(
    /// The profile.
    plan, profile_screen, profile_screen_split, ProfileScreen
);
lazy_view!(
    /// "How this works".
    plan, about_screen, about_screen_split, AboutScreen
);
lazy_view!(
    /// The list of further screens.
    plan, more_screen, more_screen_split, MoreScreen
);

thread_local! {
    /// The root of the component tree ([`crate::App`]'s owner): what storage starts, its effects
    /// and listeners, lives as long as the app, whichever screen happened to ask first.
    static ROOT: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the current owner as the app's root (called once by [`crate::App`]).
pub fn set_root_owner() {
    ROOT.with(|r| *r.borrow_mut() = Owner::current());
}

#[wasm_split(store, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_storage_split(state: AppState) -> Result<(), NotLoaded> {
    let open = move || {
        if crate::storage::open(state) {
            crate::pwa::watch(state);
        }
    };
    match ROOT.with(|r| r.borrow().clone()) {
        Some(root) => root.with(open),
        None => open(),
    }
    Ok(())
}

/// Gets everything a lazily loaded view needs: storage opened for real
/// ([`crate::storage::open`]: the whole document, saving, other tabs, share links; app updates
/// are followed from then on, [`crate::pwa::watch`]), and the second stylesheet
/// ([`crate::style::later`]), both fetched at once after the first paint. Every [`Deferred`]
/// view waits for it, since each may read or change the whole document.
pub async fn open_storage(state: AppState) -> Result<(), NotLoaded> {
    let css = crate::style::later();
    open_storage_split(state).await?;
    let _ = css.await;
    Ok(())
}

/// Fetches the code a tap on the map needs next (the editor sheet, the list and the symptoms),
/// without showing anything. The other screens are not fetched here: compiling them would
/// keep the phone busy just after start, and the service worker already keeps them in its
/// cache, so they open at once when asked for. Errors are ignored: a part is fetched again when
/// it is opened.
pub fn preload() {
    leptos::task::spawn_local(async {
        let _ = __wasm_split_preload_region_list_split().await;
    });
}

/// Shows a lazily loaded view once storage is open ([`open_storage`]), `loading` while its
/// code arrives (usually a few milliseconds),
/// and a plain message with a retry button if it cannot be fetched.
#[component]
pub fn Deferred(
    /// Which view to load.
    load: Loader,
    /// Said while loading (`<p class="loading">`); nothing by default.
    #[prop(optional)]
    loading: &'static str,
    /// For parts that can wait (a reminder): if the fetch fails, show nothing instead of an
    /// error; the part is tried again the next time it is shown.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let state = use_state();
    view! {
        <Suspense fallback=move || (!loading.is_empty()).then(|| view! { <p class="loading">{loading}</p> })>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let loaded = match SendWrapper::new(Box::pin(open_storage(state))).await {
                        Ok(()) => load().await,
                        Err(e) => Err(e),
                    };
                    match loaded {
                        Ok(view) => view,
                        Err(NotLoaded) if quiet => ().into_any(),
                        Err(NotLoaded) => view! {
                            <div class="load-failed" role="alert">
                                <p>"This part of FasciaMap could not be loaded. Check that you are online, then try again."</p>
                                <button type="button" class="secondary" on:click=move |_| attempt.update(|n| *n += 1)>
                                    "Try again"
                                </button>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
