use crate::pwa::{prompt_install, use_pwa, Install};
use leptos::prelude::*;

/// Putting FasciaMap on the home screen: an "Install" button where the browser offers
/// installation, and the two steps to do it by hand on iPhone and iPad, where it does not.
/// Shows nothing once installed. Reads `Pwa::install`.
#[component]
pub fn InstallOffer() -> impl IntoView {
    let pwa = use_pwa();
    move || {
        match pwa.install.get() {
        Install::Unavailable => None,
        Install::Prompt => Some(view! {
            <section class="card install" aria-labelledby="install-title">
                <h3 id="install-title">"Keep FasciaMap on your home screen"</h3>
                <p>"It then opens like any app and works without a connection."</p>
                <button type="button" class="primary" on:click=move |_| prompt_install(pwa)>"Install"</button>
            </section>
        }.into_any()),
        Install::Ios => Some(view! {
            <section class="card install" aria-labelledby="install-title">
                <h3 id="install-title">"Keep FasciaMap on your home screen"</h3>
                <p>"It then opens like any app, works without a connection, and Safari keeps your data."</p>
                <ol>
                    <li>"Tap the Share button " <span class="ios-share" aria-hidden="true">"⬆"</span> " at the bottom of Safari."</li>
                    <li>"Choose " <strong>"Add to Home Screen"</strong> "."</li>
                </ol>
            </section>
        }.into_any()),
    }
    }
}
