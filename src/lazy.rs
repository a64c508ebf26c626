//! The parts of the app that are not needed to show and tap the body map, cut out of the first
//! download.
//!
//! Each split function below ends up in its own small wasm file: scripts/bin/wasm-bindgen cuts
//! the build at these functions, and functions that name the same module share one file.
//! Calling one the first time fetches its file; later calls return at once. Screens show them
//! through the [`Deferred`] component, and [`preload`] fetches the parts a person is likely to
//! need next once the map is on screen, so a tap does not wait on the network. A failed fetch
//! (offline before the app was cached) is an ordinary error with a retry, never a crash.

use crate::components::{MarkEditor, RegionList, StorageBanner, SymptomPicker};
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

/// A lazily loaded view, as a plain function so components can take it as a prop.
pub type Loader = fn() -> Lazy;

/// The pending result of a [`Loader`].
pub type Lazy = SendWrapper<Pin<Box<dyn Future<Output = Loaded>>>>;

#[wasm_split(map_extras, wasm_split_path = ::leptos::wasm_split, preload(preload_map_extras), fallible)]
fn region_list_split() -> Loaded {
    Ok(view! { <RegionList/> }.into_any())
}

#[wasm_split(map_extras, wasm_split_path = ::leptos::wasm_split, fallible)]
fn mark_editor_split() -> Loaded {
    Ok(view! { <MarkEditor/> }.into_any())
}

#[wasm_split(map_extras, wasm_split_path = ::leptos::wasm_split, fallible)]
fn storage_banner_split() -> Loaded {
    Ok(view! { <StorageBanner/> }.into_any())
}

#[wasm_split(map_extras, wasm_split_path = ::leptos::wasm_split, fallible)]
fn symptom_picker_split() -> Loaded {
    Ok(view! { <SymptomPicker/> }.into_any())
}

/// The symptom picker under the map.
pub fn symptom_picker() -> Lazy {
    SendWrapper::new(Box::pin(symptom_picker_split()))
}

/// The list of every region with left and right side by side.
pub fn region_list() -> Lazy {
    SendWrapper::new(Box::pin(region_list_split()))
}

/// The sheet that edits one region-side.
pub fn mark_editor() -> Lazy {
    SendWrapper::new(Box::pin(mark_editor_split()))
}

/// The banner about storage problems.
pub fn storage_banner() -> Lazy {
    SendWrapper::new(Box::pin(storage_banner_split()))
}

/// Fetches the code a person is likely to need next (the mark editor, the list and the
/// symptom picker), without
/// showing anything. Errors are ignored here: the part is fetched again when it is opened.
pub fn preload() {
    leptos::task::spawn_local(async {
        let _ = preload_map_extras().await;
    });
}

/// Shows a lazily loaded view, `fallback` while its code arrives (usually a few milliseconds),
/// and a plain message with a retry button if it cannot be fetched.
#[component]
pub fn Deferred(
    /// Which view to load.
    load: Loader,
    /// Shown while loading; nothing by default.
    #[prop(optional, into)]
    fallback: ViewFnOnce,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match load().await {
                        Ok(view) => view,
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
