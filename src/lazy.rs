//! The parts of the app that are not needed to show and tap the body map, cut out of the first
//! download.
//!
//! Each split function below ends up in its own small wasm file: scripts/build/bin/wasm-bindgen
//! cuts the build at these functions, and functions that name the same module share one file
//! (`editor`: the sheet a tap on the map opens, with what the map says above the drawing and the
//! tighter side's triangles; `map_extras`: what else the map screen offers, with the "Check my
//! legs" walk;
//! `plan`: the engine and every screen built on it; `progress`: history, trends, the programme
//! and backups; `share`: share links, QR code and shared maps; `poses`: the drawings of
//! positions, fetched when a step first shows one). Calling one the first time fetches its
//! file; later calls return at once. Screens show them through the [`Deferred`] component;
//! [`prefetch_editor`] fetches the editor sheet once the map is drawn and [`preload`] the
//! map's other extras once the browser is idle, so a tap on the map does not wait on the
//! network, and the service worker caches every part for offline use. A failed fetch
//! (offline before the app was cached) is an ordinary error with a retry, never a crash.

use crate::components::{
    AboutScreen, BackFigure, ClinicianSummary, ExportReminder, LegCheckScreen, MapNotes, MapStatus,
    MarkEditor, MoreScreen, PlanScreen, ProfileScreen, ProgressScreen, RegionList, SafetyScreen,
    SessionScreen, ShareScreen, SharedView, StepPose, StorageBanner, TighterMarks, UpdateBanner,
    WelcomeScreen,
};
use crate::pose_art::Picture;
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
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

/// Fetching the code of a part (done once; later calls return at once).
pub type Fetch = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// A lazily loaded view: how to fetch its code, and how to make the view once it is there.
#[derive(Clone, Copy)]
pub struct Part {
    /// Fetches the part's code.
    pub fetch: fn() -> Fetch,
    /// Makes the view. Its future is ready at once after `fetch` succeeded (see [`now`]).
    pub show: fn() -> Pin<Box<dyn Future<Output = Loaded>>>,
}

/// A lazily loaded view, as a plain function so components can take it as a prop.
pub type Loader = fn() -> Part;

/// Declares one lazily loaded view: a split function `$split` in `$module` that renders
/// `$component`, its fetch function `$fetch`, and the public loader `$name` that screens pass to
/// [`Deferred`].
macro_rules! lazy_view {
    ($(#[$doc:meta])* $module:ident, $name:ident, $split:ident, $fetch:ident, $component:ident) => {
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        fn $split() -> Loaded {
            Ok(view! { <$component/> }.into_any())
        }

        $(#[$doc])*
        pub fn $name() -> Part {
            Part {
                fetch: || Box::pin($fetch()),
                show: || Box::pin($split()),
            }
        }
    };
}

/// Polls a future once: its output if it is ready now. The view of a part whose code is in is
/// made this way, inside the render closure, so it belongs to the component tree (its contexts
/// and effects) like any other view.
fn now<T>(fut: Pin<Box<dyn Future<Output = T>>>) -> Option<T> {
    let mut fut = fut;
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}

lazy_view!(
    /// The list of every region with left and right side by side.
    map_extras, region_list, region_list_split, region_list_fetch, RegionList
);
lazy_view!(
    /// The sheet that edits one region-side: a part of its own, the smallest one, fetched as soon
    /// as the map is drawn ([`prefetch_editor`]) so that a first tap on the map waits for as
    /// little as possible.
    editor, mark_editor, mark_editor_split, mark_editor_fetch, MarkEditor
);
lazy_view!(
    /// What the map says above the drawing, and "See my plan" (with the editor's code).
    editor, map_status, map_status_split, map_status_fetch, MapStatus
);
lazy_view!(
    /// The triangles that mark the tighter side on the drawing (with the editor's code).
    editor, tighter_marks, tighter_marks_split, tighter_marks_fetch, TighterMarks
);
lazy_view!(
    /// The drawing of the back view.
    map_extras, back_figure, back_figure_split, back_figure_fetch, BackFigure
);
lazy_view!(
    /// Under the map: the note on how changes reach the history, and the symptom picker.
    map_extras, map_notes, map_notes_split, map_notes_fetch, MapNotes
);
lazy_view!(
    /// The first-visit welcome and "What brings you here?" (with the symptom picker it uses).
    map_extras, welcome_screen, welcome_screen_split, welcome_screen_fetch, WelcomeScreen
);
lazy_view!(
    /// "Check my legs" (issue #14): the guided left/right walk through the leg groups.
    map_extras, leg_check_screen, leg_check_screen_split, leg_check_screen_fetch, LegCheckScreen
);
lazy_view!(
    /// The banner about storage problems.
    map_extras, storage_banner, storage_banner_split, storage_banner_fetch, StorageBanner
);
lazy_view!(
    /// The reminder to export a backup (shown once the browser is idle).
    map_extras, export_reminder, export_reminder_split, export_reminder_fetch, ExportReminder
);
lazy_view!(
    /// "A new version is ready".
    store, update_banner, update_banner_split, update_banner_fetch, UpdateBanner
);
lazy_view!(
    /// History, trends, the 28-day programme and backups.
    progress, progress_screen, progress_screen_split, progress_screen_fetch, ProgressScreen
);
lazy_view!(
    /// Sharing the map as a link or QR code, and the maps saved from links.
    share, share_screen, share_screen_split, share_screen_fetch, ShareScreen
);
lazy_view!(
    /// A shared map opened from a link (or saved earlier), read-only, with its plan.
    share, shared_view, shared_view_split, shared_view_fetch, SharedView
);
lazy_view!(
    /// The plan (or the safety questions when they are due).
    plan, plan_screen, plan_screen_split, plan_screen_fetch, PlanScreen
);
lazy_view!(
    /// The guided session.
    plan, session_screen, session_screen_split, session_screen_fetch, SessionScreen
);
lazy_view!(
    /// The safety questions.
    plan, safety_screen, safety_screen_split, safety_screen_fetch, SafetyScreen
);
lazy_view!(
    /// The profile.
    plan, profile_screen, profile_screen_split, profile_screen_fetch, ProfileScreen
);
lazy_view!(
    /// "How this works".
    plan, about_screen, about_screen_split, about_screen_fetch, AboutScreen
);
lazy_view!(
    /// The list of further screens.
    plan, more_screen, more_screen_split, more_screen_fetch, MoreScreen
);
lazy_view!(
    /// The summary to print for a physiotherapist or doctor (built on the engine's plan, so in
    /// the `plan` part: a part of its own would add shared chunks, and the split loader that
    /// lists them is in the first download).
    plan, clinician_summary, clinician_summary_split, clinician_summary_fetch, ClinicianSummary
);

/// The drawing of a step's position (issue #14), composed in a part of its own: the pose
/// catalogue and the drawing code, pure Rust that gives plain data (the view that shows it
/// is [`crate::components::PositionFigure`]). Boxed: a split function's arguments cross the
/// module boundary as plain words.
#[wasm_split(poses, wasm_split_path = ::leptos::wasm_split, fallible, preload(pose_picture_fetch))]
fn pose_picture_split(step: Box<StepPose>) -> Result<Option<Box<Picture>>, NotLoaded> {
    Ok(step.picture().map(Box::new))
}

thread_local! {
    /// The `poses` part is in.
    static POSES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetches the drawings of positions (once; later calls return at once).
pub async fn fetch_poses() -> Result<(), NotLoaded> {
    pose_picture_fetch().await?;
    POSES.with(|p| p.set(true));
    Ok(())
}

/// True once [`fetch_poses`] succeeded: a drawing can be made at once.
pub fn poses_ready() -> bool {
    POSES.with(std::cell::Cell::get)
}

/// The picture of a step once its part is in ([`fetch_poses`]); `None` before, or when the
/// step cannot be drawn safely.
pub fn pose_picture(step: StepPose) -> Option<Picture> {
    match now(Box::pin(pose_picture_split(Box::new(step)))) {
        Some(Ok(picture)) => picture.map(|p| *p),
        _ => None,
    }
}

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

/// Settles once the first frame of the app has been painted (at once after that): what comes
/// next is requested only then, so nothing competes with the first paint (and page-load
/// metrics do not count it as part of it).
async fn after_first_paint() {
    thread_local! {
        static PAINTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if PAINTED.with(std::cell::Cell::get) {
        return;
    }
    let painted = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        crate::browser::after_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
    PAINTED.with(|p| p.set(true));
}

/// Settles after the first paint and, when the map is the screen shown, once the editor
/// sheet's code is in (or could not be fetched). On the map every other part waits for it: a
/// tap there needs the sheet first, and on a slow line the parts would otherwise share the
/// connection with it (the list and the notes under the map, and the storage part they need,
/// are three times its size). Elsewhere (the welcome of a first visit, a shared map) nothing
/// waits for a sheet that nobody can open yet.
async fn after_editor(state: AppState) {
    after_first_paint().await;
    if state.tab.get_untracked() == crate::state::Tab::Map {
        let _ = mark_editor_fetch().await;
    }
}

/// Gets everything a lazily loaded view needs: storage opened for real
/// ([`crate::storage::open`]: the whole document, saving, other tabs, share links; app updates
/// are followed from then on, [`crate::pwa::watch`]), and the second stylesheet
/// ([`crate::style::later`]). Both are asked for as the app starts (a stylesheet added by
/// script holds up no paint); on the map, storage waits for the editor sheet's code, which a
/// tap needs first. Every [`Deferred`] view waits for it, since each may read or change the
/// whole document.
pub async fn open_storage(state: AppState) -> Result<(), NotLoaded> {
    let css = crate::style::later();
    // The editor sheet's code first: a tap on the map needs it, not the rest of the document
    // (its changes are held until that is in), and the two would share a slow connection.
    after_editor(state).await;
    open_storage_split(state).await?;
    let _ = css.await;
    Ok(())
}

/// Fetches the code a tap on the map needs (the editor sheet) as soon as the app has drawn the
/// map, without waiting for that frame to be painted: the map is already on screen (index.html
/// draws it before the app), so a person may tap it at any moment, and the fetch only waits on
/// the network, which the first download has finished with by then. (It is not requested
/// before the app's map is drawn: it is not part of the first download.) The other screens are
/// not fetched here: compiling them would keep the phone busy just after start, and the
/// service worker already keeps them in its cache, so they open at once when asked for. Errors
/// are ignored: a part is fetched again when it is opened.
///
/// `then` is set once the code is in and the browser is idle (at once when the loading page's
/// sheet waits to be taken over): the app then mounts the sheet (closed), which from then on
/// also answers finger taps that touch several areas (see [`crate::components::MarkEditor`]).
pub fn prefetch_editor(then: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        // The second stylesheet styles the sheet: asked for side by side with its code.
        let _css = crate::style::later();
        if mark_editor_fetch().await.is_ok() {
            if crate::browser::boot_sheet_used() {
                // The loading page's sheet waits to be taken over.
                then.set(true);
            } else {
                // Drawing the sheet keeps the phone busy for a moment: not while a tap is
                // waiting (until then the loading page's sheet answers taps on the map).
                request_idle_callback(move || then.set(true));
            }
        } else {
            // Without the editor's code the loading page's sheet cannot be taken over: the app's
            // map takes the loading page's place now (a tap on it fetches the code again).
            crate::browser::boot_map_gives_way();
        }
    });
}

/// Fetches, once the browser is idle, the rest of what the map screen offers (the list, the
/// back view, the symptoms). Errors are ignored: a part is fetched again when it is opened.
pub fn preload(state: AppState) {
    leptos::task::spawn_local(async move {
        after_editor(state).await;
        let _ = region_list_fetch().await;
    });
}

/// Shows a lazily loaded view once storage is open ([`open_storage`]) and its code is in,
/// `loading` until then (usually a few milliseconds), and a plain message with a retry button if
/// it cannot be fetched.
///
/// No `<Suspense>`: the code is fetched in a task, and the view is made in the render closure
/// once it is there (the split function is then ready at once, see [`now`]), which keeps the
/// async machinery of Suspense out of the first download.
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
    /// Shown as soon as its code is in, before storage has opened: for the editor sheet, whose
    /// changes [`AppState::dispatch`] holds until the document is in, so the first tap on the
    /// map is answered without waiting for the rest of storage.
    #[prop(optional)]
    early: bool,
) -> impl IntoView {
    let state = use_state();
    let part = load();
    // None while fetching; then whether the code is in.
    let fetched = RwSignal::new(None::<bool>);
    let fetch = move || {
        fetched.set(None);
        // The part's code and the whole document are fetched side by side, both after the
        // first paint; the view waits for what it needs.
        let pending = std::rc::Rc::new(std::cell::Cell::new(if early { 1u8 } else { 2 }));
        let good = std::rc::Rc::new(std::cell::Cell::new(true));
        let finish = move |pending: &std::rc::Rc<std::cell::Cell<u8>>,
                           good: &std::rc::Rc<std::cell::Cell<bool>>,
                           ok: bool| {
            good.set(good.get() && ok);
            pending.set(pending.get().saturating_sub(1));
            if pending.get() == 0 {
                // The component may be gone by now (another screen was chosen): then nothing to do.
                let _ = fetched.try_set(Some(good.get()));
            }
        };
        {
            let (pending, good) = (pending.clone(), good.clone());
            leptos::task::spawn_local(async move {
                if early {
                    after_first_paint().await;
                } else {
                    after_editor(state).await;
                }
                // An early view waits for the second stylesheet itself (storage does otherwise).
                let css = early.then(crate::style::later);
                let ok = (part.fetch)().await.is_ok();
                if let Some(css) = css {
                    let _ = css.await;
                }
                finish(&pending, &good, ok);
            });
        }
        if !early {
            leptos::task::spawn_local(async move {
                let ok = open_storage(state).await.is_ok();
                finish(&pending, &good, ok);
            });
        }
    };
    fetch();
    move || match fetched.get() {
        None => (!loading.is_empty())
            .then(|| view! { <p class="loading">{loading}</p> })
            .into_any(),
        Some(true) => match now((part.show)()) {
            Some(Ok(view)) => view,
            _ => failed(fetch, quiet),
        },
        Some(false) => failed(fetch, quiet),
    }
}

/// The message shown when a part could not be fetched, with a retry (nothing when `quiet`).
fn failed(retry: impl Fn() + Copy + 'static, quiet: bool) -> AnyView {
    if quiet {
        return ().into_any();
    }
    // The message must be seen: the loading page's welcome gives way.
    crate::browser::remove_boot();
    view! {
        <div class="load-failed" role="alert">
            <p>"This part of FasciaMap could not be loaded. Check that you are online, then try again."</p>
            <button type="button" class="secondary" on:click=move |_| retry()>"Try again"</button>
        </div>
    }
    .into_any()
}
