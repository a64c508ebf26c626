//! The front figure is drawn into `index.html`, with its tappable areas, so a person sees the body
//! map before the app's code has arrived and a tap on it is answered at once (issue #16): the
//! loading page's own small sheet opens for the area, names it, shows its safety line and holds
//! the rating until the app takes over. The drawing lives in `src/figure.rs`, the names and
//! safety lines in the region catalogue, the words of the rating scale in `mark.rs`; this test
//! fails when the copies in `index.html` differ from them, and rewrites them with
//! `UPDATE_FIXTURES=1 cargo test --test boot_figure`.
//!
//! The app replaces the loading page in the same place (tests/e2e/boot_figure.spec.ts checks
//! that nothing moves, and that a rating given on the loading page is kept).

use fasciamap::domain::knowledge::mark::{Kind, Severity};
use fasciamap::domain::knowledge::region::RegionSide;
use fasciamap::figure::FRONT;
use std::fs;

/// Escapes text for a double-quoted attribute or element content.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The SVG content the app draws for the front view, as `BodyMap` does: outline, details, and
/// one group per tappable area (with the larger invisible hit shape of a small one). Each area
/// says which region-side it is (`data-a`, the app's shape id without `r-f-`), its name
/// (`data-n`) and the editor's safety line for it (`data-c`, when it has one).
fn figure() -> String {
    let mut s = format!(r#"<path class="silhouette" d="{}"/>"#, FRONT.silhouette);
    for d in FRONT.details {
        s.push_str(&format!(r#"<path class="detail" d="{d}"/>"#));
    }
    for shape in FRONT.shapes {
        let at = RegionSide {
            region: shape.region,
            side: shape.side,
        };
        let def = shape.region.def();
        s.push_str(&format!(
            r#"<g class="region{}" data-a="{}-{}" data-n="{}"{}>"#,
            if shape.small { " small" } else { "" },
            def.key,
            shape.side.key(),
            esc(&at.label()),
            def.editor_caution()
                .map(|c| format!(r#" data-c="{}""#, esc(c)))
                .unwrap_or_default(),
        ));
        if shape.small {
            s.push_str(&format!(r#"<path class="hit" d="{}"/>"#, shape.d));
        }
        s.push_str(&format!(r#"<path class="shape" d="{}"/></g>"#, shape.d));
    }
    s
}

/// The loading page's sheet's two rows of choices, as the app's editor shows them: the rating
/// scale in words, then tight or sore. `data-v` is what the app reads back (`Severity::get`,
/// `Kind::word`).
fn choices() -> String {
    let mut s = String::from(r#"<fieldset class="choices severity"><legend>How strong?</legend>"#);
    for sev in Severity::ALL {
        let n = sev.get();
        s.push_str(&format!(
            r#"<button type="button" class="sev-btn sev-{n}" aria-pressed="false" data-v="{n}"><span class="num">{n}</span><span class="word">{}</span></button>"#,
            sev.word()
        ));
    }
    s.push_str(r#"</fieldset><fieldset class="choices kind"><legend>What is it like?</legend>"#);
    for (kind, label) in [(Kind::Tight, "Tight"), (Kind::Sore, "Sore")] {
        s.push_str(&format!(
            r#"<button type="button" aria-pressed="false" data-v="{}">{label}</button>"#,
            kind.word()
        ));
    }
    s.push_str("</fieldset>");
    s
}

/// Checks (or with `UPDATE_FIXTURES`, rewrites) what index.html holds between the markers
/// `<!-- {name}:begin (tests/boot_figure.rs) -->` and `<!-- {name}:end -->`.
fn check(name: &str, want: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let html = fs::read_to_string(path).expect("index.html is readable");
    let begin = format!("<!-- {name}:begin (tests/boot_figure.rs) -->");
    let end_marker = format!("<!-- {name}:end -->");
    let start = html
        .find(&begin)
        .unwrap_or_else(|| panic!("index.html has the {name}:begin marker"))
        + begin.len();
    let end = start
        + html[start..]
            .find(&end_marker)
            .unwrap_or_else(|| panic!("index.html has the {name}:end marker"));
    if html[start..end] == *want {
        return;
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let updated = format!("{}{}{}", &html[..start], want, &html[end..]);
        fs::write(path, updated).expect("index.html is writable");
        return;
    }
    panic!(
        "index.html's {name} differs from the app's: run \
         `UPDATE_FIXTURES=1 cargo test --test boot_figure`"
    );
}

#[test]
fn index_html_draws_the_front_figure_of_src_figure_rs() {
    check("figure", &figure());
}

#[test]
fn index_html_sheet_offers_the_editors_choices() {
    check("choices", &choices());
}

#[test]
fn every_front_area_is_copied_once_and_nothing_runs_from_the_drawing() {
    let f = figure();
    assert_eq!(f.matches("<g class=\"region").count(), FRONT.shapes.len());
    for shape in FRONT.shapes {
        let key = format!("data-a=\"{}-{}\"", shape.region.def().key, shape.side.key());
        assert_eq!(f.matches(&key).count(), 1, "{key}");
    }
    let lower = f.to_lowercase();
    assert!(!lower.contains("script"));
    // No event handler attribute (`onclick=` …): the page's one script does the answering.
    assert!(!lower
        .split([' ', '<'])
        .any(|t| t.starts_with("on") && t.contains('=')));
}

#[test]
fn areas_to_keep_off_carry_their_safety_line() {
    let f = figure();
    // The front of the neck, the kneecap and the belly are never pressed: their line is there.
    for (area, line) in [
        ("neck_front-mid", "never press here"),
        ("kneecap-left", "Joint: never press."),
        ("upper_abdomen-mid", "never press"),
    ] {
        let at = f
            .find(&format!("data-a=\"{area}\""))
            .unwrap_or_else(|| panic!("{area} is drawn"));
        let group = &f[at..at + f[at..].find('>').unwrap_or(0)];
        assert!(group.contains(line), "{area}: {group}");
    }
}
