//! FasciaMap: an offline body map that suggests where to release along fascial chains.
//!
//! The [`domain`] core is pure Rust and builds everywhere. The browser app (components, state,
//! storage adapter) is compiled only for `wasm32`, so native tests never build the UI stack.

pub mod domain;
pub mod figure;
