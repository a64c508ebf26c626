//! Malformed cases are errors, never panics: the JSON contract (§7), unvalidated typed
//! cases handed straight to `plan()`, and the `plan` example's exit codes.

use fasciamap::domain::knowledge::mark::{Kind, Mark, Severity};
use fasciamap::domain::knowledge::region::{RegionId, Side};
use fasciamap::domain::planner::case::{Case, CaseError, LocalFinding, LocalKind};
use fasciamap::domain::planner::engine::{plan, Status};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

const VALID: &str = r#"{"symptoms":["low_back_pain"],"conditions":[{"id":"osteoporosis"}],
"red_flags":["A2"],"local":[{"region":"achilles","side":"right","kind":"inflamed"}],
"tools":["tennis_ball"],"marks":[{"region":"quadriceps","side":"right","severity":3,"kind":"sore"},
{"region":"calf","side":"left","severity":1}]}"#;

fn error_of(text: &str) -> CaseError {
    Case::from_json(text).expect_err(text)
}

#[test]
fn the_issue_examples_are_rejected_with_one_clear_line() {
    for (text, want) in [
        ("{not json", "invalid json"),
        (
            r#"{"marks":[{"region":"elbow_nose","side":"left","severity":1}]}"#,
            "unknown region id `elbow_nose`",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"left","severity":7}]}"#,
            "severity 7",
        ),
        (
            r#"{"marks":[{"region":"sternum","side":"left","severity":1}]}"#,
            "side `left` does not fit midline region `sternum`",
        ),
        (r#"{"marks":[],"unknown":true}"#, "unknown field `unknown`"),
        (
            r#"{"red_flags":["RF7"],"marks":[],"red_flags":["A2"]}"#,
            "duplicate key `red_flags`",
        ),
        (
            r#"{"conditions":[{"id":"joint_replacement","joint":"knee","side":"left","side":"right"}],"marks":[]}"#,
            "duplicate key conditions[0].side",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"left","severity":1.5}]}"#,
            "severity 1.5",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"left","severity":-1}]}"#,
            "severity -1",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"left","severity":"2"}]}"#,
            "marks[0]",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"up","severity":2}]}"#,
            "unknown variant `up`",
        ),
        (
            r#"{"marks":[{"region":"calf","side":"left","severity":2,"kind":"itchy"}]}"#,
            "unknown variant `itchy`",
        ),
        (r#"{"red_flags":["RF13"],"marks":[]}"#, "red_flags[0]"),
        (
            r#"{"tools":["hammer"],"marks":[]}"#,
            "tools[0]: unknown variant `hammer`",
        ),
        (
            r#"{"conditions":[{"id":"gout"}],"marks":[]}"#,
            "conditions[0]: unknown variant `gout`",
        ),
        (
            r#"{"conditions":[{"id":"joint_replacement","joint":"elbow","side":"left"}],"marks":[]}"#,
            "conditions[0]",
        ),
        (
            r#"{"conditions":[{"id":"joint_replacement","joint":"knee","side":"mid"}],"marks":[]}"#,
            "not `mid`",
        ),
        (r#"{"acute_flare":1,"marks":[]}"#, "acute_flare"),
        ("null", "must be a json object"),
        (r#"{"marks":[]} trailing"#, "invalid json"),
    ] {
        let line = error_of(text).to_string();
        assert!(line.contains(want), "{text}\n got: {line}\nwant: {want}");
        assert!(!line.contains('\n') && !line.ends_with('.'), "{line}");
        assert_eq!(
            format!("{:?}", error_of(text)),
            line,
            "Debug forwards to Display"
        );
    }
}

#[test]
fn the_first_problem_is_named_by_its_position_in_the_list() {
    let text = r#"{"marks":[{"region":"calf","side":"left","severity":1},
        {"region":"calf","side":"right","severity":2},
        {"region":"sternum","side":"left","severity":1}]}"#;
    assert_eq!(
        error_of(text).to_string(),
        "marks[2]: side `left` does not fit midline region `sternum` (use `mid`)"
    );
}

#[test]
fn plan_never_panics_on_unvalidated_cases() {
    // Every region with every side, including the ones that do not fit.
    let mut case = Case::default();
    for id in RegionId::all() {
        for side in [Side::Left, Side::Right, Side::Mid] {
            case.marks.push(Mark {
                region: id,
                side,
                severity: Severity::STRONG,
                kind: Kind::Sore,
            });
            case.local.push(LocalFinding {
                region: id,
                side,
                kind: LocalKind::Surgery,
            });
        }
    }
    assert!(case.validate().is_err());
    let p = plan(&case);
    assert_eq!(p.status, Status::Plan);
    assert!(p.steps.is_empty(), "every region has a local surgery");
    case.local.clear();
    let p = plan(&case);
    assert!(!p.steps.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        if let Err(e) = Case::from_json(&text) {
            prop_assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn mutated_valid_cases_never_panic(pos in 0usize..VALID.len(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = VALID.as_bytes().to_vec();
        if cut { bytes.truncate(pos) } else { bytes[pos] = byte }
        if let Ok(text) = String::from_utf8(bytes) {
            match Case::from_json(&text) {
                Ok(case) => { let _ = plan(&case); }
                Err(e) => prop_assert!(!e.to_string().is_empty() && !e.to_string().contains('\n')),
            }
        }
    }
}

/// The example binary built by `cargo test` (target/<profile>/examples/plan).
fn example_binary() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("plan{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

fn run_example(bin: &std::path::Path, input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_example_prints_a_plan_or_one_error_line_with_exit_2() {
    let Some(bin) = example_binary() else {
        eprintln!("note: examples/plan not built; run `cargo test` (not `--test`) to include it");
        return;
    };
    let (code, out, err) = run_example(&bin, VALID.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], "plan");
    assert!(err.is_empty());
    for bad in [
        &b"{\"marks\":[{\"region\":\"calf\",\"side\":\"left\",\"severity\":7}]}"[..],
        b"{\"marks\":[{\"region\":\"sternum\",\"side\":\"left\",\"severity\":1}]}",
        b"{\"marks\":[{\"region\":\"elbow_nose\",\"side\":\"left\",\"severity\":1}]}",
        b"not json",
        b"",
        b"\xff\xfe{}",
        // §3.11 strict input: the urgent stop must not be lost to a repeated key.
        b"{\"red_flags\":[\"RF7\"],\"marks\":[],\"red_flags\":[\"A2\"]}",
    ] {
        let (code, out, err) = run_example(&bin, bad);
        assert_eq!(code, 2, "{}", String::from_utf8_lossy(bad));
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"));
    }
}
