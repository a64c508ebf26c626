//! FasciaMap: an offline body map that suggests where to release along fascial chains.
//!
//! The [`domain`] core and the [`figure`] drawing are pure Rust and build everywhere. The
//! browser app (components, state, storage adapter) is compiled only for `wasm32`, so native
//! tests never build the UI stack.

pub mod domain;
pub mod figure;
pub mod pose_art;
pub mod qr;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod device;
#[cfg(target_arch = "wasm32")]
mod launch;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
mod share;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod style;

#[cfg(target_arch = "wasm32")]
pub use app::App;
/// The loading page of index.html gives way as the app mounts (called by `main.rs`).
#[cfg(target_arch = "wasm32")]
pub use browser::boot_gives_way;
