//! Keeps the browser test's vignette fixtures (`tests/e2e/fixtures/vignettes.json`) in step
//! with the engine: for every case in `tests/vignettes/*.json` the fixture holds the document
//! the app would store for it ([`Document::from_case`]) and the engine's plan for the case. The
//! Playwright spec `plan_vignettes.spec.ts` seeds each document into localStorage and checks
//! that the plan screen shows exactly these steps.
//!
//! If the engine changes, regenerate with `UPDATE_FIXTURES=1 cargo test --test vignette_fixtures`
//! and review the diff.

use fasciamap::domain::planner::case::Case;
use fasciamap::domain::planner::engine::plan;
use fasciamap::domain::records::document::{Document, NotStorable};
use serde_json::{json, Value};

/// A date the spec replaces with the browser's local date before seeding.
const PLACEHOLDER_DAY: &str = "2000-01-01";

fn build() -> String {
    let dir = format!("{}/tests/vignettes", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut out = serde_json::Map::new();
    for name in names {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let case = Case::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The app has no input for local findings yet (a wound, a recent break…), so those
        // vignettes are checked natively only (tests/vignettes.rs).
        let doc = match Document::from_case(&case, PLACEHOLDER_DAY) {
            Err(NotStorable::Local) => continue,
            other => other.unwrap_or_else(|e| panic!("{name}: {e:?}")),
        };
        let expected = plan(&case);
        // The app's own input for the stored document gives the same plan as the case.
        assert_eq!(
            plan(&doc.case()),
            expected,
            "{name}: document and case disagree"
        );
        let plan_json: Value = serde_json::from_str(&expected.to_json()).unwrap();
        let steps: Vec<Value> = plan_json["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                json!({
                    "region": s["region"], "side": s["side"], "tool": s["tool"],
                    "position": s["position"], "seconds": s["seconds"],
                })
            })
            .collect();
        let avoid: Vec<Value> = plan_json["avoid"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| json!({"region": a["region"], "side": a["side"]}))
            .collect();
        out.insert(
            name.trim_end_matches(".json").to_string(),
            json!({
                "doc": serde_json::to_value(&doc).unwrap(),
                "status": plan_json["status"],
                "messages": plan_json["messages"],
                "steps": steps,
                "avoid": avoid,
            }),
        );
    }
    serde_json::to_string_pretty(&Value::Object(out)).unwrap() + "\n"
}

#[test]
fn browser_vignette_fixtures_match_the_engine() {
    let path = format!(
        "{}/tests/e2e/fixtures/vignettes.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let fresh = build();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == fresh,
        "{path} is out of date: run `UPDATE_FIXTURES=1 cargo test --test vignette_fixtures`"
    );
}
