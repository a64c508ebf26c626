//! Merges lose nothing and are idempotent; two tabs editing through one store keep every
//! acknowledged change (a seeded model test in the style of tldraw's).

mod common;

use common::{random_doc, random_map, Rng};
use fasciamap::domain::persistence::store::{self, KEY};
use fasciamap::domain::persistence::sync::{
    merge3, merge_import, External, MemStore, Saved, Syncer,
};
use fasciamap::domain::records::document::Document;
use fasciamap::domain::records::history::CheckIn;
use std::collections::BTreeSet;

fn ids(d: &Document) -> BTreeSet<String> {
    d.checkins
        .iter()
        .map(|c| c.id.clone())
        .chain(d.sessions.iter().map(|s| s.id.clone()))
        .collect()
}

#[test]
fn import_merge_keeps_every_entry_once_and_is_idempotent() {
    for seed in 0..3000 {
        let mut rng = Rng::new(seed);
        let (a, b) = (random_doc(&mut rng), random_doc(&mut rng));
        let m = merge_import(&a, &b);
        let expected: BTreeSet<String> = ids(&a).union(&ids(&b)).cloned().collect();
        assert_eq!(ids(&m), expected, "seed {seed}: an entry was lost");
        assert_eq!(
            m.checkins.len() + m.sessions.len(),
            expected.len(),
            "seed {seed}: duplicate"
        );
        for c in &a.checkins {
            assert!(
                m.checkins.contains(c),
                "seed {seed}: local check-in changed"
            );
        }
        assert_eq!(merge_import(&m, &b), m, "seed {seed}: not idempotent");
        assert_eq!(
            merge_import(&m, &a),
            m,
            "seed {seed}: not idempotent (local again)"
        );
        assert_eq!(
            merge_import(&a, &a),
            a,
            "seed {seed}: self-merge changed something"
        );
        if !a.map.is_empty() {
            assert_eq!(m.map, a.map, "seed {seed}: local map replaced");
        }
    }
}

#[test]
fn three_way_merge_keeps_both_sides_additions() {
    for seed in 0..3000 {
        let mut rng = Rng::new(seed);
        let base = random_doc(&mut rng);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.checkins.push(CheckIn {
            id: "mine".into(),
            at: "2027-01-01T00:00:00.000Z".into(),
            map: random_map(&mut rng, 4),
        });
        theirs.checkins.push(CheckIn {
            id: "theirs".into(),
            at: "2027-01-02T00:00:00.000Z".into(),
            map: random_map(&mut rng, 4),
        });
        let gone = base.checkins.first().map(|c| c.id.clone());
        if let Some(g) = &gone {
            theirs.checkins.retain(|c| &c.id != g);
        }
        let m = merge3(&base, &mine, &theirs);
        let got = ids(&m);
        assert!(
            got.contains("mine") && got.contains("theirs"),
            "seed {seed}"
        );
        if let Some(g) = gone {
            assert!(!got.contains(&g), "seed {seed}: a deletion came back");
        }
        assert_eq!(
            merge3(&base, &mine, &base),
            mine,
            "seed {seed}: merging with an untouched copy changes nothing"
        );
        assert_eq!(merge3(&base, &base, &theirs), theirs, "seed {seed}");
    }
}

/// Two tabs, one store, 100 random operations per seed: add a check-in, delete one, change
/// the map, save, or deliver the other tab's storage event (possibly late). At the end both
/// tabs save and hear each other; the stored document must hold every added entry that was
/// not deleted, no deleted one, and both tabs must agree with it.
#[test]
fn two_tabs_model_never_loses_an_acknowledged_entry() {
    let mut ops_run = 0;
    for seed in 0..200u64 {
        let mut rng = Rng::new(seed);
        let mut kv = MemStore::default();
        let mut tabs: Vec<(Syncer, Document, bool)> = (0..2)
            .map(|_| {
                let (s, d, _) = Syncer::open(&mut kv, 1);
                (s, d, false)
            })
            .collect();
        let mut added: BTreeSet<String> = BTreeSet::new();
        let mut deleted: BTreeSet<String> = BTreeSet::new();
        let mut n = 0;
        for step in 0..100 {
            ops_run += 1;
            let t = rng.below(2) as usize;
            let (sync, doc, dirty) = &mut tabs[t];
            match rng.below(6) {
                0 => {
                    n += 1;
                    let id = format!("t{t}-{n}");
                    doc.checkins.push(CheckIn {
                        id: id.clone(),
                        at: format!("2026-11-{:02}T08:00:00.000Z", 1 + step % 28),
                        map: random_map(&mut rng, 3),
                    });
                    added.insert(id);
                    *dirty = true;
                }
                1 => {
                    if !doc.checkins.is_empty() {
                        let i = rng.below(doc.checkins.len() as u64) as usize;
                        deleted.insert(doc.checkins.remove(i).id);
                        *dirty = true;
                    }
                }
                2 => {
                    doc.map = random_map(&mut rng, 4);
                    *dirty = true;
                }
                3 | 4 => {
                    match sync
                        .save(&mut kv, doc, "2026-11-21T10:00:00Z", 5)
                        .expect("memory store")
                    {
                        Saved::Merged(m) => *doc = *m,
                        Saved::Written | Saved::Unchanged => {}
                        other => panic!("seed {seed}: {other:?}"),
                    }
                    *dirty = false;
                }
                _ => {
                    let raw = kv.items.get(KEY).cloned();
                    match sync.external(raw.as_deref(), doc, *dirty) {
                        External::Replace(d) => *doc = d,
                        External::Merge(d) => *doc = d,
                        External::Ignore => {}
                        External::NowReadOnly => panic!("seed {seed}"),
                    }
                }
            }
        }
        for _ in 0..2 {
            for (sync, doc, dirty) in tabs.iter_mut() {
                if let Saved::Merged(m) = sync
                    .save(&mut kv, doc, "2026-11-21T10:00:00Z", 5)
                    .expect("memory store")
                {
                    *doc = *m;
                }
                *dirty = false;
            }
        }
        let stored = store::decode(&kv.items[KEY]).expect("readable").doc;
        let got = ids(&stored);
        let want: BTreeSet<String> = added.difference(&deleted).cloned().collect();
        assert_eq!(got, want, "seed {seed}");
        for (sync, doc, _) in tabs.iter_mut() {
            if let External::Replace(d) =
                sync.external(kv.items.get(KEY).map(String::as_str), doc, false)
            {
                *doc = d;
            }
            assert_eq!(*doc, stored, "seed {seed}: a tab disagrees with the store");
        }
    }
    assert_eq!(ops_run, 20_000);
}
