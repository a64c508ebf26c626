//! Share-link codec properties: every public vignette's map round-trips, random maps
//! round-trip and stay short, and the decoder never panics on random or mutated input.
//!
//! Case counts: `PROPTEST_CASES` for the round trips (default 2000) and `LINK_FUZZ_CASES` for
//! each no-panic property (default 5000). The reported big run:
//! `LINK_FUZZ_CASES=200000 cargo test --release --test link_props`.

use fasciamap::domain::calendar::Day;
use fasciamap::domain::knowledge::mark::{Kind, Mark, Severity, Symptom};
use fasciamap::domain::knowledge::region::{RegionId, RegionSide, Side};
use fasciamap::domain::knowledge::rule::Joint;
use fasciamap::domain::persistence::link::{self, LinkError};
use fasciamap::domain::planner::case::{Case, Condition, ConditionId};
use fasciamap::domain::planner::engine::plan;
use fasciamap::domain::records::body_map::BodyMap;
use fasciamap::domain::records::shared::SharedMap;
use proptest::prelude::*;

mod common;
use common::proptest_config as config;

/// The map part of a case, as the share screen would send it (conditions included).
fn shared_of(case: &Case, day: Option<Day>) -> SharedMap {
    let (mut map, rejected) = BodyMap::from_marks(case.marks.iter().copied());
    assert!(rejected.is_empty());
    map.symptoms = case.symptoms.iter().copied().collect();
    map.acute_flare = case.acute_flare;
    SharedMap::new(&map, day, &case.conditions, true)
}

#[test]
fn every_vignette_map_round_trips_and_plans_the_same() {
    let dir = format!("{}/tests/vignettes", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "vignettes missing");
    for path in files {
        let case = Case::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let shared = shared_of(&case, Day::from_ymd(2026, 11, 21));
        assert_eq!(
            shared.conditions, case.conditions,
            "{path:?}: conditions kept"
        );
        let text = link::encode(&shared);
        let back = link::decode(&format!("#{text}")).unwrap();
        assert_eq!(back, shared, "{path:?}");
        // The receiver's plan equals the sender's for the same map and conditions.
        let sender = Case {
            red_flags: Vec::new(),
            floor_ok: true,
            sensitivity: Default::default(),
            local: Vec::new(),
            prefs: Default::default(),
            tools: None,
            ..case.clone()
        };
        let mut sorted = sender.clone();
        sorted.marks = back.map.marks().collect();
        assert_eq!(plan(&back.to_case()), plan(&sorted), "{path:?}");
        assert!(text.len() < 60, "{path:?}: {} chars", text.len());
    }
}

fn instance() -> impl Strategy<Value = RegionSide> {
    let all: Vec<RegionSide> = RegionSide::all().collect();
    (0..all.len()).prop_map(move |i| all[i])
}

fn mark() -> impl Strategy<Value = Mark> {
    (instance(), 0u8..=3, any::<bool>()).prop_map(|(at, sev, sore)| Mark {
        region: at.region,
        side: at.side,
        severity: Severity::new(sev).unwrap(),
        kind: if sore { Kind::Sore } else { Kind::Tight },
    })
}

fn condition() -> impl Strategy<Value = Condition> {
    let joint = prop_oneof![Just(Joint::Knee), Just(Joint::Hip), Just(Joint::Shoulder)];
    let lr = prop_oneof![Just(Side::Left), Just(Side::Right)];
    prop_oneof![
        (0usize..5).prop_map(|i| Condition::plain(
            [
                ConditionId::Osteoporosis,
                ConditionId::Fibromyalgia,
                ConditionId::BloodThinners,
                ConditionId::BloodPressure,
                ConditionId::Pregnancy
            ][i]
        )),
        (joint.clone(), lr.clone()).prop_map(|(j, s)| Condition::at_joint(
            ConditionId::JointReplacement,
            j,
            s
        )),
        (joint, lr).prop_map(|(j, s)| Condition::at_joint(ConditionId::PreviousSurgery, j, s)),
        instance().prop_map(|at| Condition {
            id: ConditionId::PreviousSurgery,
            joint: None,
            side: Some(at.side),
            region: Some(at.region),
        }),
    ]
}

fn shared(max_marks: usize) -> impl Strategy<Value = SharedMap> {
    (
        prop::collection::vec(mark(), 0..=max_marks),
        prop::collection::btree_set(0usize..5, 0..=5),
        any::<bool>(),
        prop::option::of(any::<u16>()),
        prop::collection::vec(condition(), 0..=4),
    )
        .prop_map(|(marks, symptoms, flare, day, conditions)| {
            let (mut map, _) = BodyMap::from_marks(marks);
            map.symptoms = symptoms.into_iter().map(|i| Symptom::ALL[i]).collect();
            map.acute_flare = flare;
            SharedMap::new(&map, day.map(Day), &conditions, true)
        })
}

/// Exactly `n` distinct marked region-sides.
fn map_with(n: usize) -> impl Strategy<Value = SharedMap> {
    let all: Vec<RegionSide> = RegionSide::all().collect();
    (
        Just(all).prop_shuffle(),
        prop::collection::vec((0u8..=3, any::<bool>()), n),
        prop::collection::btree_set(0usize..5, 0..=2),
    )
        .prop_map(move |(order, values, symptoms)| {
            let marks = order.iter().zip(values).map(|(at, (sev, sore))| Mark {
                region: at.region,
                side: at.side,
                severity: Severity::new(sev).unwrap(),
                kind: if sore { Kind::Sore } else { Kind::Tight },
            });
            let (mut map, _) = BodyMap::from_marks(marks);
            map.symptoms = symptoms.into_iter().map(|i| Symptom::ALL[i]).collect();
            SharedMap::new(&map, Day::from_ymd(2026, 11, 21), &[], false)
        })
}

proptest! {
    #![proptest_config(config("PROPTEST_CASES", 2000))]

    #[test]
    fn random_maps_round_trip(s in shared(130)) {
        let text = link::encode(&s);
        prop_assert_eq!(link::decode(&text), Ok(s));
    }

    /// A typical map (30 marked spots) fits in 300 characters with the address in front.
    #[test]
    fn thirty_spots_fit_in_300_characters(s in map_with(30)) {
        prop_assert_eq!(s.map.len(), 30);
        let url = format!("https://people.example.org/fasciamap/#{}", link::encode(&s));
        prop_assert!(url.len() <= 300, "{} chars", url.len());
        prop_assert_eq!(link::decode(url.split_once('#').unwrap().1), Ok(s));
    }
}

/// A seeded mutation of a valid link, cheap and varied: flip, insert, delete, replace,
/// truncate, duplicate, and swap in hostile characters.
fn mutate(text: &str, ops: &[(u8, usize, u8)]) -> String {
    let mut b: Vec<u8> = text.as_bytes().to_vec();
    for &(op, pos, byte) in ops {
        let at = if b.is_empty() { 0 } else { pos % (b.len() + 1) };
        match op % 7 {
            0 if at < b.len() => b[at] ^= 1 << (byte % 8),
            1 => b.insert(at, byte),
            2 if at < b.len() => {
                b.remove(at);
            }
            3 if at < b.len() => b[at] = b"AZaz09-_+/=%. \n#"[usize::from(byte) % 16],
            4 => b.truncate(at),
            5 => {
                let tail = b[at..].to_vec();
                b.extend_from_slice(&tail);
            }
            _ => {
                let s = String::from_utf8_lossy(&b).into_owned();
                let mut s: String = s;
                let idx = s
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(at % (s.chars().count() + 1));
                s.insert_str(
                    idx.unwrap_or(s.len()),
                    ["%E2%80%AE", "\u{202e}", "é", "%", "%zz", "\0"][usize::from(byte) % 6],
                );
                b = s.into_bytes();
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

proptest! {
    #![proptest_config(config("LINK_FUZZ_CASES", 5000))]

    #[test]
    fn decode_never_panics_on_random_text(s in ".{0,700}") {
        let _ = link::decode(&s);
        let _ = link::decode(&format!("b1.{s}"));
    }

    #[test]
    fn decode_never_panics_on_random_base64url(s in "[A-Za-z0-9_-]{0,500}") {
        let r = link::decode(&format!("#b1.{s}"));
        // Random bytes pass the checksum about once in 4 billion tries.
        prop_assert!(r.is_err() || s.len() >= 11);
    }

    #[test]
    fn from_bytes_never_panics_on_random_bytes(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = link::from_bytes(&b);
    }

    /// Random bytes with a valid checksum reach every field check.
    #[test]
    fn sealed_random_bodies_are_decoded_or_refused_without_panic(
        mut body in prop::collection::vec(any::<u8>(), 0..300), sym in 0u8..32, flags in 0u8..8
    ) {
        let mut head = vec![1u8, flags];
        if flags & 1 != 0 { head.extend_from_slice(&[0x10, 0x27]); }
        head.push(sym);
        head.append(&mut body);
        let crc = fasciamap::domain::persistence::store::crc32(&head);
        head.extend_from_slice(&crc.to_le_bytes());
        if let Ok(s) = link::from_bytes(&head) {
            // Whatever is accepted is canonical: it encodes back to the same bytes.
            prop_assert_eq!(link::to_bytes(&s), head);
        }
    }

    /// Mutated valid links: an error, or (when the mutation only added tolerated noise) the
    /// original map. Never a different map.
    #[test]
    fn mutated_links_give_an_error_or_the_same_map(
        s in shared(40),
        ops in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..4)
    ) {
        let text = link::encode(&s);
        let bad = mutate(&text, &ops);
        match link::decode(&bad) {
            Ok(got) => prop_assert_eq!(got, s, "{} -> {}", text, bad),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn the_fuzz_catalogue_of_hostile_inputs_gives_plain_errors() {
    let good = link::encode(&SharedMap::new(
        &BodyMap::from_marks([Mark {
            region: RegionId::Calf,
            side: Side::Left,
            severity: Severity::MODERATE,
            kind: Kind::Tight,
        }])
        .0,
        None,
        &[],
        false,
    ));
    let inputs = [
        "<script>alert(1)</script>".to_string(),
        "#b1.<img src=x onerror=alert(1)>".to_string(),
        "javascript:alert(1)".to_string(),
        format!("#{good}\u{202e}"),
        "#b1.".to_string() + &"\u{1F600}".repeat(100),
        "#".repeat(5000),
        "%".repeat(10),
        "#b1.%ZZ".to_string(),
    ];
    for i in inputs {
        let e = link::decode(&i).unwrap_err();
        assert!(
            matches!(
                e,
                LinkError::BadCharacters | LinkError::NotALink | LinkError::TooLong
            ),
            "{i}: {e:?}"
        );
    }
}
