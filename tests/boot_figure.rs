//! The outline of the front figure is drawn into `index.html`, so a person sees the body map
//! before the app's code has arrived (issue #16). The drawing lives in `src/figure.rs`; this test
//! fails when the copy in `index.html` differs from it, and rewrites it with
//! `UPDATE_FIXTURES=1 cargo test --test boot_figure`.
//!
//! Only the outline and its details are copied (about 1.3 KiB brotli): the tappable areas come
//! with the app, which replaces the loading page in the same place (tests/e2e/boot_figure.spec.ts
//! checks that nothing moves).

use fasciamap::figure::FRONT;
use std::fs;

const BEGIN: &str = "<!-- figure:begin (tests/boot_figure.rs) -->";
const END: &str = "<!-- figure:end -->";

/// The SVG content the app draws under the front view's tappable areas, as `BodyMap` does.
fn outline() -> String {
    let mut s = format!(r#"<path class="silhouette" d="{}"/>"#, FRONT.silhouette);
    for d in FRONT.details {
        s.push_str(&format!(r#"<path class="detail" d="{d}"/>"#));
    }
    s
}

#[test]
fn index_html_draws_the_front_outline_of_src_figure_rs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let html = fs::read_to_string(path).expect("index.html is readable");
    let start = html
        .find(BEGIN)
        .expect("index.html has the figure:begin marker")
        + BEGIN.len();
    let end = start
        + html[start..]
            .find(END)
            .expect("index.html has the figure:end marker");
    let want = outline();
    if html[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let updated = format!("{}{}{}", &html[..start], want, &html[end..]);
        fs::write(path, updated).expect("index.html is writable");
        return;
    }
    panic!(
        "index.html's figure outline differs from src/figure.rs: run \
         `UPDATE_FIXTURES=1 cargo test --test boot_figure`"
    );
}

#[test]
fn the_outline_holds_no_tappable_area_and_no_script() {
    let o = outline();
    assert!(!o.contains("region"), "only the outline is copied");
    assert!(!o.contains('<') || o.matches('<').count() == 1 + FRONT.details.len());
    assert!(!o.to_lowercase().contains("script"));
}
