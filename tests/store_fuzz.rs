//! The decoders never panic, whatever is in storage or in a file.
//!
//! Three generators, each run `PROPTEST_CASES` times (default 3,000 per property so a plain
//! `cargo test` stays quick; the reported run uses `PROPTEST_CASES=40000`, i.e. 120,000
//! inputs in all):
//! - random text, including JSON-looking fragments;
//! - valid stored and exported documents (random content) mutated: bytes flipped, cut,
//!   spliced, digits and quotes changed, ranges repeated or removed;
//! - well-formed envelopes (correct check value) around random JSON data of every shape,
//!   which reaches the typed deserializers and the v1 migration.
//!
//! Every input goes through the first-paint reader of the marks (`peek`, which must agree with
//! the full decoder whenever both read them), storage decode, the lenient newer-version reader, the write
//! counter peek, import decode and a full `Syncer::open`; anything accepted must survive a
//! re-encode unchanged.

mod common;

use common::{random_doc, Rng};
use fasciamap::domain::persistence::store::{self, crc32, KEY};
use fasciamap::domain::persistence::sync::{MemStore, Syncer};
use fasciamap::domain::{persistence::export, persistence::peek};
use proptest::prelude::*;
use serde_json::{json, Value};

static CHECKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn check(raw: &str) {
    let n = CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    if n % 20_000 == 0 {
        eprintln!("{n} inputs checked, no panic");
    }
    if let Ok(s) = store::decode(raw) {
        let again = store::decode(&store::encode(&s.doc, s.rev, "2026-01-01T00:00:00Z"));
        assert_eq!(
            again.map(|a| a.doc),
            Ok(s.doc.clone()),
            "re-encode changed an accepted document"
        );
    }
    // The first-paint reader never shows a map other than the one the full decoder reads.
    // (Text with a correct check value but wrong types elsewhere, which only a hand-made file
    // can have, may be previewed and then set aside by the full decoder.)
    match (peek::map(raw), store::decode(raw)) {
        (Some(map), Ok(full)) => assert!(
            full.doc.map.marks().eq(map.marks()),
            "peek and the full decoder disagree"
        ),
        (Some(_), Err(e)) => assert!(
            matches!(e, store::LoadError::Damaged(_)),
            "peek read a map from text the full decoder refuses as {e:?}"
        ),
        _ => {}
    }
    let _ = store::decode_newer_leniently(raw);
    let _ = store::peek_rev(raw);
    if let Ok(doc) = export::decode(raw) {
        assert_eq!(
            export::decode(&export::encode(&doc, "2026-01-01T00:00:00Z")),
            Ok(doc)
        );
    }
    let mut kv = MemStore::default();
    kv.items.insert(KEY.into(), raw.to_string());
    let (_, _, _) = Syncer::open(&mut kv, 1);
    // Whatever happened, the original text is still somewhere in the store.
    assert!(kv.items.values().any(|v| v == raw), "stored text lost");
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut b = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        if b.is_empty() {
            b.push(b'{');
        }
        let i = rng.below(b.len() as u64) as usize;
        match rng.below(9) {
            0 => b[i] ^= 1 << rng.below(8),
            1 => b.truncate(i),
            2 => {
                b.remove(i);
            }
            3 => b.insert(i, b"{}[]\",:0123456789-.eE\\tnul"[rng.below(26) as usize]),
            4 => {
                let j = (i + rng.below(40) as usize).min(b.len());
                let chunk = b[i..j].to_vec();
                let k = rng.below(b.len() as u64) as usize;
                b.splice(k..k, chunk);
            }
            5 => {
                let j = (i + rng.below(40) as usize).min(b.len());
                b.drain(i..j);
            }
            6 => {
                if b[i].is_ascii_digit() {
                    b[i] = b'0' + rng.below(10) as u8
                }
            }
            7 => b[i] = b'"',
            _ => {
                let s = [
                    "null",
                    "-1",
                    "1e999",
                    "\"x\"",
                    "[]",
                    "{}",
                    "true",
                    "18446744073709551616",
                    "\"\\ud800\"",
                ][rng.below(9) as usize];
                b.splice(i..i, s.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn random_value(rng: &mut Rng, depth: u32) -> Value {
    let leaf = depth >= 4 || rng.chance(40);
    if leaf {
        return match rng.below(9) {
            0 => Value::Null,
            1 => Value::Bool(rng.chance(50)),
            2 => json!(rng.below(5)),
            3 => json!(-(rng.below(5) as i64)),
            4 => json!(1.5),
            5 => json!(
                [
                    "calf",
                    "left",
                    "mid",
                    "sore",
                    "tight",
                    "low_back_pain",
                    "calf.l2",
                    "2026-11-21T08:00:00Z",
                    "done",
                    "roll",
                    ""
                ][rng.below(11) as usize]
            ),
            6 => json!(u64::MAX),
            7 => json!("hamstrings.r3s"),
            _ => json!("2026-12-01"),
        };
    }
    if rng.chance(50) {
        Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        )
    } else {
        let keys = [
            "map",
            "marks",
            "region",
            "side",
            "severity",
            "kind",
            "symptoms",
            "acute_flare",
            "map_updated",
            "checkins",
            "sessions",
            "id",
            "at",
            "m",
            "s",
            "f",
            "started_at",
            "finished_at",
            "steps",
            "ratings",
            "technique",
            "planned_s",
            "done_s",
            "outcome",
            "before",
            "after",
            "programme",
            "start",
            "last_export",
            "zz",
        ];
        let mut o = serde_json::Map::new();
        for _ in 0..rng.below(6) {
            o.insert(
                keys[rng.below(keys.len() as u64) as usize].into(),
                random_value(rng, depth + 1),
            );
        }
        Value::Object(o)
    }
}

fn envelope(fmt: &str, v: u64, data: &Value) -> String {
    let text = data.to_string();
    format!(
        "{{\"fmt\":\"{fmt}\",\"v\":{v},\"rev\":3,\"crc\":{},\"data\":{text}}}",
        crc32(text.as_bytes())
    )
}

proptest! {
    #![proptest_config(common::proptest_config("PROPTEST_CASES", 3000))]

    #[test]
    fn random_text_never_panics(s in "(\\PC|[{}\\[\\]\":,0-9]){0,200}", prefix in prop::sample::select(vec!["", "{\"fmt\":\"fasciamap\",\"v\":2,\"data\":", "{\"fmt\":\"fasciamap-export\",\"v\":1,\"data\":{\"map\":"])) {
        check(&format!("{prefix}{s}"));
    }

    #[test]
    fn mutated_documents_never_panic(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let doc = random_doc(&mut rng);
        let valid = if rng.chance(50) {
            store::encode(&doc, rng.below(100), "2026-11-21T08:00:00Z")
        } else {
            export::encode(&doc, "2026-11-21T08:00:00Z")
        };
        prop_assert_eq!(&export::decode(&valid).unwrap(), &doc);
        if valid.starts_with("{\"fmt\":\"fasciamap\",") {
            // What the app stores, the first paint reads in full.
            let marks = peek::map(&valid).map(|m| m.marks().collect::<Vec<_>>());
            prop_assert_eq!(marks, Some(doc.map.marks().collect::<Vec<_>>()));
        }
        check(&mutate(&valid, &mut rng));
    }

    #[test]
    fn random_shapes_in_a_valid_envelope_never_panic(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let data = random_value(&mut rng, 0);
        let v = [1, 2, 3][rng.below(3) as usize];
        check(&envelope("fasciamap", v, &data));
        check(&envelope("fasciamap-export", v, &data));
    }
}
