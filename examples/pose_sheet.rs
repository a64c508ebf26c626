//! Prints a standalone HTML contact sheet of the position drawings (issue #14), every variant
//! of every technique with its words, in the light and the dark theme, for looking at them.
//!
//! ```sh
//! cargo run --example pose_sheet > /tmp/poses.html          # right side, light and dark
//! cargo run --example pose_sheet -- left > /tmp/poses.html  # the left side (mirrored)
//! ```
//! The colours are the app's theme variables and the `.pf-*` rules of `style/later.css`.

use fasciamap::domain::knowledge::pose::for_variant;
use fasciamap::domain::knowledge::region::{Laterality, Side};
use fasciamap::domain::knowledge::technique::{HANDS_FALLBACK, TECHNIQUES, THORACIC_ROLLER};
use fasciamap::pose_art::scene;
use std::fmt::Write;

const LIGHT: &str = "--bg:#f7f5f1;--surface:#fff;--text:#1d2421;--muted:#55605b;--accent:#2f6f62;--border:#c9c3b8;--skin:#ebe4d9;--skin-edge:#b9ae9d;--region:#e3dbcd;--sev2:#ee9345";
const DARK: &str = "--bg:#141917;--surface:#1e2522;--text:#eef2ef;--muted:#aab5af;--accent:#7cc4b2;--border:#3b4642;--skin:#2a312e;--skin-edge:#5d6863;--region:#36403c;--sev2:#d9782e";

fn main() {
    let left = std::env::args().any(|a| a == "left");
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/later.css"))
        .unwrap_or_default();
    let rules: String = css
        .lines()
        .skip_while(|l| !l.contains("==== position_figure"))
        .take_while(|l| !l.contains("==== end position_figure"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut cells = String::new();
    for t in TECHNIQUES.iter().chain(std::iter::once(&THORACIC_ROLLER)) {
        let side = match (t.region.def().laterality, left) {
            (Laterality::Midline, _) => Side::Mid,
            (_, true) => Side::Left,
            _ => Side::Right,
        };
        let fallback = std::iter::once(&HANDS_FALLBACK).filter(|_| t.region.key() == "calf");
        for v in t.variants.iter().chain(fallback) {
            let Some(d) = for_variant(t.region, side, v, v.tools[0], &[]) else {
                continue;
            };
            let sc = scene(&d);
            let mut svg = format!(
                r#"<svg class="pose-figure" viewBox="{}" role="img" aria-label="{}">"#,
                sc.view_box,
                d.words()
            );
            let open = if sc.mirrored {
                r#"<g transform="matrix(-1 0 0 1 180 0)">"#
            } else {
                "<g>"
            };
            svg.push_str(open);
            for m in &sc.marks {
                let _ = write!(
                    svg,
                    r#"<path class="{}" d="{}" stroke-width="{}"/>"#,
                    m.class, m.d, m.width
                );
            }
            svg.push_str("</g>");
            svg.push_str("</svg>");
            let _ = write!(
                cells,
                r#"<figure><b>{}</b>{svg}<figcaption><b>{} · {:?}</b><br>{}</figcaption></figure>"#,
                sc.label,
                t.region.key(),
                d.pose,
                d.words()
            );
        }
    }
    println!(
        r#"<!doctype html><meta charset="utf-8"><title>Position drawings</title>
<style>
body {{ margin: 0; font: 12px system-ui, sans-serif; }}
section {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; padding: 8px; background: var(--bg); color: var(--text); }}
figure {{ margin: 0; }}
.light {{ {LIGHT} }} .dark {{ {DARK} }}
{rules}
</style>
<section class="light">{cells}</section><section class="dark">{cells}</section>"#
    );
}
