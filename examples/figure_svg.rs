//! Prints a standalone HTML page with the body figure, for looking at the drawing.
//!
//! ```sh
//! cargo run --example figure_svg > /tmp/fig.html            # both views side by side
//! cargo run --example figure_svg -- phone back > /tmp/p.html # one view, 360 px wide
//! ```
//! Each region is filled in a soft colour of its own, with thin white borders; the dot in
//! each shape is where the severity badge sits. Small shapes get a dashed outline.

use fasciamap::domain::knowledge::region::{View, REGIONS};
use fasciamap::figure::{figure, VIEW_BOX};
use std::fmt::Write;

/// A soft colour per base region, spread around the hue circle.
fn colour(index: usize) -> String {
    let hue = (index * 137) % 360;
    format!("hsl({hue} 55% 80%)")
}

fn svg(view: View, width: u32) -> String {
    let fig = figure(view);
    let mut s = String::new();
    let (left, right) = match view {
        View::Front => ("Your right", "Your left"),
        View::Back => ("Your left", "Your right"),
    };
    let title = match view {
        View::Front => "Front",
        View::Back => "Back",
    };
    write!(
        s,
        r#"<figure><figcaption><span>◀ {left}</span><b>{title}</b><span>{right} ▶</span></figcaption><svg viewBox="{VIEW_BOX}" width="{width}" xmlns="http://www.w3.org/2000/svg">"#
    )
    .unwrap();
    write!(
        s,
        r##"<path d="{}" fill="#f4e6da" stroke="#c8ad98" stroke-width="1.2"/>"##,
        fig.silhouette
    )
    .unwrap();
    for d in fig.details {
        write!(s, r##"<path d="{d}" fill="none" stroke="#b59a86" stroke-width="1" stroke-linecap="round"/>"##).unwrap();
    }
    for sh in fig.shapes {
        let fill = colour(REGIONS.iter().position(|r| r.id == sh.region).unwrap_or(0));
        let dash = if sh.small {
            r#" stroke-dasharray="1.5 1""#
        } else {
            ""
        };
        write!(
            s,
            r#"<path d="{}" fill="{fill}" stroke="white" stroke-width="0.8"{dash}><title>{} ({})</title></path>"#,
            sh.d,
            sh.region.def().name,
            sh.side.key()
        )
        .unwrap();
    }
    for sh in fig.shapes {
        let (x, y) = sh.at;
        write!(s, r##"<circle cx="{x}" cy="{y}" r="1.6" fill="#444"/>"##).unwrap();
    }
    s.push_str("</svg></figure>");
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let phone = args.iter().any(|a| a == "phone");
    let views: Vec<View> = if args.iter().any(|a| a == "back") {
        vec![View::Back]
    } else if args.iter().any(|a| a == "front") || phone {
        vec![View::Front]
    } else {
        vec![View::Front, View::Back]
    };
    let width = if phone { 360 } else { 370 };
    let mut page = String::from(
        "<!doctype html><meta charset=\"utf-8\"><title>FasciaMap figure</title><style>\
         body{margin:8px;font:14px sans-serif;color:#555;background:#fff}\
         .views{display:flex;gap:8px}figure{margin:0}\
         figcaption{display:flex;justify-content:space-between;padding:0 4px}</style><div class=\"views\">",
    );
    for v in views {
        page.push_str(&svg(v, width));
    }
    page.push_str("</div>\n");
    print!("{page}");
}
