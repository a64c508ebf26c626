use leptos::prelude::*;

/// A QR code of `text`, drawn here as SVG (dark modules on white, with the quiet zone), large
/// enough to scan from a phone screen across a room. Shows a short note instead when the text
/// is too long for a code.
#[component]
pub fn QrCode(
    /// What the code holds (the share link).
    text: String,
) -> impl IntoView {
    match crate::qr::encode(&text) {
        Some(qr) => {
            let view_box = qr.view_box();
            view! {
            <svg class="qr" viewBox=view_box role="img" shape-rendering="crispEdges"
                aria-label="QR code of the share link">
                <rect width="100%" height="100%" fill="#fff"/>
                <path d=qr.path fill="#000"/>
            </svg>
            }
            .into_any()
        }
        None => view! { <p class="muted">"This link is too long for a QR code."</p> }.into_any(),
    }
}
