//! The domain's house rules, read from the source text: the four wings only import downward
//! (knowledge ← planner ← records ← persistence; the calendar at the root is open to all),
//! nothing in `src/domain` reaches the browser, the UI framework or the rest of the app, and
//! in the records wing only the roof (`records/document.rs`) works on the whole `Document`.
//!
//! What is checked is the code of each file up to its `#[cfg(test)]` module, without
//! comments: a test module may build a document through persistence to check a record, and a
//! doc comment may point readers to another wing, but the code itself may not lean upward.

use std::path::{Path, PathBuf};

/// The wings, lowest first. A wing may import the wings before it, never those after it.
const WINGS: [&str; 4] = ["knowledge", "planner", "records", "persistence"];
/// Root modules every wing may use.
const ROOT: [&str; 1] = ["calendar"];
/// Crates the domain never names.
const BROWSER: [&str; 6] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "gloo",
    "gloo_storage",
];

fn domain() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain")
}

/// The code of a file: everything before its test module, comment lines and trailing
/// comments removed.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        let line = match line.find(" //") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every `crate::<path>` the code names, as its first two segments (`domain::records`).
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let segs: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
        out.push(segs.iter().take(2).copied().collect::<Vec<_>>().join("::"));
    }
    out
}

/// The files of a wing: its face file and its folder.
fn wing_files(wing: &str) -> Vec<PathBuf> {
    let mut files = vec![domain().join(format!("{wing}.rs"))];
    let dir = domain().join(wing);
    let mut inner: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    // Stage folders one level down (e.g. planner/engine/).
    let mut nested = Vec::new();
    for p in &inner {
        if p.is_dir() {
            nested.extend(
                std::fs::read_dir(p)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.ok().map(|e| e.path())),
            );
        }
    }
    inner.extend(nested);
    files.extend(
        inner
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "rs")),
    );
    files.sort();
    files
}

/// What is wrong with the imports of one wing's files.
fn violations(wing: &str, files: &[(String, String)]) -> Vec<String> {
    let rank = WINGS.iter().position(|w| *w == wing).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for (name, code) in files {
        for path in crate_paths(code) {
            let mut segs = path.split("::");
            let (Some(first), second) = (segs.next(), segs.next()) else {
                continue;
            };
            if first != "domain" {
                out.push(format!("{name}: names `crate::{path}` outside the domain"));
                continue;
            }
            let Some(target) = second else { continue };
            if ROOT.contains(&target) {
                continue;
            }
            match WINGS.iter().position(|w| *w == target) {
                Some(r) if r > rank => out.push(format!(
                    "{name}: the {wing} wing imports `{target}`, a wing above it (order: {})",
                    WINGS.join(" ← ")
                )),
                Some(_) => {}
                None => out.push(format!(
                    "{name}: names `crate::domain::{target}`, which is no wing"
                )),
            }
        }
        for b in BROWSER {
            let used = code
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w == b);
            if used {
                out.push(format!("{name}: names `{b}`; the domain stays pure Rust"));
            }
        }
    }
    out
}

fn read_wing(wing: &str) -> Vec<(String, String)> {
    wing_files(wing)
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(domain())
                .map(|r| r.display().to_string())
                .unwrap_or_default();
            let c = code(&p);
            (name, c)
        })
        .collect()
}

#[test]
fn each_wing_imports_only_the_wings_below_it() {
    let mut all = Vec::new();
    for wing in WINGS {
        all.extend(violations(wing, &read_wing(wing)));
    }
    assert!(
        all.is_empty(),
        "architecture broken:\n  {}",
        all.join("\n  ")
    );
}

#[test]
fn the_root_holds_only_the_wings_and_the_calendar() {
    let mut names: Vec<String> = std::fs::read_dir(domain())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = WINGS
        .iter()
        .flat_map(|w| [w.to_string(), format!("{w}.rs")])
        .chain(ROOT.iter().map(|r| format!("{r}.rs")))
        .collect();
    want.sort();
    assert_eq!(
        names, want,
        "src/domain holds only the four wings and the calendar"
    );
    let calendar = code(&domain().join("calendar.rs"));
    assert!(
        crate_paths(&calendar).is_empty(),
        "the calendar imports nothing of the app"
    );
}

#[test]
fn the_check_catches_an_upward_import() {
    let planted = vec![(
        "knowledge/region.rs".to_string(),
        "use crate::domain::records::document::Document;\nuse leptos::prelude::*;\n".to_string(),
    )];
    let v = violations("knowledge", &planted);
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].contains("imports `records`"), "{v:?}");
    assert!(v[1].contains("leptos"), "{v:?}");
    // Downward and root imports are fine; comments and test modules are not code.
    let fine = vec![(
        "persistence/link.rs".to_string(),
        "use crate::domain::records::shared::SharedMap;\nuse crate::domain::calendar::Day;\n"
            .to_string(),
    )];
    assert!(violations("persistence", &fine).is_empty());
    let text = "/// see [`crate::domain::persistence::store`]\nfn a() {}\n#[cfg(test)]\nmod t { use crate::domain::persistence::store; }\n";
    let dir = std::env::temp_dir().join(format!("fm-arch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.rs");
    std::fs::write(&f, text).unwrap();
    assert!(crate_paths(&code(&f)).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Record files other than the roof that name the whole document in their code.
fn whole_document_users(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(name, _)| name.starts_with("records/") && name != "records/document.rs")
        .filter(|(_, code)| {
            code.contains("records::document")
                || code
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .any(|w| w == "Document")
        })
        .map(|(name, _)| format!("{name}: works on the whole Document; that belongs on the roof (records/document.rs)"))
        .collect()
}

#[test]
fn a_record_file_keeps_to_its_record() {
    // Only `records/document.rs` works on the whole `Document`: every other record file
    // defines its record and the operations on that record, and reads alone.
    let v = whole_document_users(&read_wing("records"));
    assert!(v.is_empty(), "records broken:\n  {}", v.join("\n  "));
    let planted = vec![
        (
            "records/history.rs".to_string(),
            "pub fn timeline(doc: &Document) {}\n".to_string(),
        ),
        (
            "records/document.rs".to_string(),
            "pub struct Document;\n".to_string(),
        ),
    ];
    assert_eq!(whole_document_users(&planted).len(), 1);
}
