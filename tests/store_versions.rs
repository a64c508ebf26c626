//! Every stored format ever released keeps opening: each `tests/fixtures/store/vN.json` is
//! decoded (migrated to the current schema) and compared with `vN.expected.json`, the
//! document it must become. Fixtures are kept forever; a new schema version adds a file.

use fasciamap::domain::persistence::store::{self, SCHEMA};
use fasciamap::domain::records::document::Document;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store")
}

fn read(name: &str) -> String {
    let path = dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_version_has_a_fixture_and_migrates_to_its_expected_document() {
    for v in 1..=SCHEMA {
        let raw = read(&format!("v{v}.json"));
        let stored = store::decode(raw.trim_end()).unwrap_or_else(|e| panic!("v{v}: {e}"));
        assert_eq!(stored.version, v);
        let expected: Document = serde_json::from_str(&read(&format!("v{v}.expected.json")))
            .unwrap_or_else(|e| panic!("v{v}.expected.json: {e}"));
        assert_eq!(
            stored.doc,
            expected,
            "v{v} migrated to:\n{}",
            serde_json::to_string_pretty(&stored.doc).unwrap()
        );
        // Re-encoding the migrated document gives current-format text that reads back the same.
        let again = store::decode(&store::encode(
            &stored.doc,
            stored.rev + 1,
            "2026-12-01T00:00:00Z",
        ))
        .unwrap();
        assert_eq!((again.doc, again.version), (expected, SCHEMA));
    }
}

#[test]
fn the_v1_map_becomes_the_first_checkin() {
    let stored = store::decode(read("v1.json").trim_end()).unwrap();
    assert_eq!(stored.rev, 12);
    assert_eq!(stored.doc.checkins.len(), 1);
    let first = &stored.doc.checkins[0];
    assert_eq!(first.at, "2026-11-20T19:02:10.977Z");
    assert_eq!(first.id, "v1-2026-11-20T19:02:10.977Z");
    assert_eq!(
        first.map, stored.doc.map,
        "the same map, in the compact form"
    );
    assert_eq!(stored.doc.map.len(), 5);
}

#[test]
fn a_migration_is_pure() {
    let raw = read("v1.json");
    assert_eq!(store::decode(raw.trim_end()), store::decode(raw.trim_end()));
}

/// The welcome flag (`profile.welcomed`) is an optional field added within v2, like the profile
/// itself: documents written before it open as returning people (they have something saved),
/// a document with it survives saving and reloading, and an empty document that never passed
/// the welcome is the only first visit.
#[test]
fn the_welcome_flag_is_kept_and_older_documents_are_returning_people() {
    for v in 1..=SCHEMA {
        let stored = store::decode(read(&format!("v{v}.json")).trim_end()).unwrap();
        assert!(!stored.doc.profile.welcomed, "v{v} has no flag");
        assert!(
            !stored.doc.first_visit(),
            "v{v} holds a map: straight to it"
        );
    }
    let mut doc = Document::default();
    assert!(doc.first_visit());
    let text = store::encode(&doc, 1, "2026-12-01T00:00:00Z");
    assert!(!text.contains("welcomed"), "nothing written while false");
    doc.profile
        .apply(fasciamap::domain::records::profile::ProfileAction::Welcomed);
    let text = store::encode(&doc, 2, "2026-12-01T00:00:00Z");
    let back = store::decode(&text).unwrap();
    assert!(back.doc.profile.welcomed);
    assert!(
        !back.doc.first_visit(),
        "after a reload the welcome stays passed"
    );
    assert_eq!(back.version, SCHEMA);
}

/// The "Check my legs" walk (`leg_check`) is an optional field added within v2: no fixture has
/// it and none gains it, nothing is written while there is none, a walk in progress survives
/// saving and reloading, and a walk this version cannot read is dropped without losing the
/// document around it.
#[test]
fn the_leg_check_walk_is_optional_and_never_costs_the_document() {
    use fasciamap::domain::knowledge::mark::Severity;
    use fasciamap::domain::records::document::Moment;
    use fasciamap::domain::records::leg_check::{Command, Group, Stage};
    for v in 1..=SCHEMA {
        let stored = store::decode(read(&format!("v{v}.json")).trim_end()).unwrap();
        assert_eq!(stored.doc.leg_check, None, "v{v}");
        let text = store::encode(&stored.doc, 1, "2026-12-01T00:00:00Z");
        assert!(
            !text.contains("leg_check"),
            "v{v}: nothing written while none"
        );
    }
    let mut doc = store::decode(read("v2.json").trim_end()).unwrap().doc;
    let now = Moment {
        ms: 1_796_000_000_000,
        salt: 7,
    };
    doc.leg_check(
        Command::Answer {
            group: Group::FrontThigh,
            left: Severity::FINE,
            right: Severity::MILD,
        },
        now,
    )
    .unwrap();
    let text = store::encode(&doc, 3, "2026-12-01T00:00:00Z");
    let back = store::decode(&text).unwrap();
    assert_eq!(back.doc, doc);
    assert_eq!(
        back.doc.leg_check.as_ref().map(|w| w.stage()),
        Some(Stage::Group(Group::InnerThigh))
    );
    // A walk from a newer version (a sixth group, unknown here): dropped, the rest kept.
    let mut value: serde_json::Value = serde_json::to_value(&doc).unwrap();
    let six = serde_json::json!({"left": 1, "right": 1});
    value["leg_check"] =
        serde_json::json!({"at": 1, "answers": [null, null, null, null, null, six]});
    let odd: Document = serde_json::from_value(value).unwrap();
    assert_eq!(odd.leg_check, None);
    assert_eq!(odd.map, doc.map);
}
