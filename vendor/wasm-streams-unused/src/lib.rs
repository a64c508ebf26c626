//! A stand-in for the `wasm-streams` crate, which Leptos pulls in through `server_fn` to stream
//! the bodies of server functions.
//!
//! FasciaMap has no server and calls no server function, so that code is never run. The real
//! crate, though, exports its stream adapters to JavaScript (`#[wasm_bindgen]` classes with
//! their promise glue), and exports can never be dropped as dead code: they cost the first
//! download about 5 KiB brotli. This crate keeps the few items `server_fn` names, with the same
//! signatures, and exports nothing. Should a server function ever be called, its stream simply
//! ends with an error instead of data.

use core::pin::Pin;
use core::task::{Context, Poll};
use futures_core::Stream;
use wasm_bindgen::{JsCast, JsValue};

/// A browser `ReadableStream`, as `server_fn` uses it.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a browser stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Would turn a Rust stream into a browser stream; here it gives an empty browser stream
    /// (the app never sends a streaming request).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let raw = web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        Self { raw }
    }

    /// The browser stream inside.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Would read the browser stream; here it yields one error and ends.
    pub fn into_stream(self) -> Unavailable {
        Unavailable { done: false }
    }
}

/// The stream `into_stream` returns: one error, then the end.
pub struct Unavailable {
    done: bool,
}

impl Stream for Unavailable {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        self.done = true;
        Poll::Ready(Some(Err(JsValue::from_str("FasciaMap has no server to stream from"))))
    }
}
