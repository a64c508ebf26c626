//! Two years of daily use, stored and loaded: `cargo bench --bench history`.
//!
//! Builds 730 map check-ins and 730 guided sessions (each session holds the steps `plan()`
//! gives for that day's map, with ratings), encodes them as stored, and prints the stored
//! size and the time to load and decode it (the median of 31 runs of `store::decode`, and of
//! a full `Syncer::open` on an in-memory store, which adds the read). Targets: under 1 MB
//! stored, under 10 ms to load natively. Also times building the timeline and the daily
//! trend over the whole history.

#[path = "../tests/common/mod.rs"]
mod common;

use fasciamap::domain::calendar::utc;
use fasciamap::domain::persistence::store::{self, KEY};
use fasciamap::domain::persistence::sync::{MemStore, Syncer};
use fasciamap::domain::records::trends;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLES: usize = 31;

fn median(mut f: impl FnMut()) -> Duration {
    f();
    let mut t: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    t[SAMPLES / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let doc = common::two_years();
    let steps: usize = doc.sessions.iter().map(|s| s.steps.len()).sum();
    let text = store::encode(&doc, 1460, "2026-12-31T20:00:00.000Z");
    let utf16_units = text.encode_utf16().count();
    println!(
        "check-ins: {}, sessions: {}, session steps: {steps}",
        doc.checkins.len(),
        doc.sessions.len()
    );
    println!(
        "stored size: {} bytes UTF-8 ({:.1} KiB), {} UTF-16 code units",
        text.len(),
        text.len() as f64 / 1024.0,
        utf16_units
    );
    let decode = median(|| {
        black_box(store::decode(black_box(&text)).ok());
    });
    let mut kv = MemStore::default();
    kv.items.insert(KEY.into(), text.clone());
    let open = median(|| {
        black_box(Syncer::open(&mut kv, 1));
    });
    let encode = median(|| {
        black_box(store::encode(
            black_box(&doc),
            1461,
            "2026-12-31T20:00:00.000Z",
        ));
    });
    let timeline = median(|| {
        black_box(black_box(&doc).timeline(&utc));
    });
    let daily = median(|| {
        black_box(trends::daily(black_box(&doc.checkins), &utc));
    });
    println!(
        "load+decode (store::decode), median of {SAMPLES}: {:.2} ms",
        ms(decode)
    );
    println!(
        "load+decode (Syncer::open from a store), median: {:.2} ms",
        ms(open)
    );
    println!("encode (one save), median: {:.2} ms", ms(encode));
    println!("timeline over all entries, median: {:.2} ms", ms(timeline));
    println!(
        "daily trend over all check-ins, median: {:.2} ms",
        ms(daily)
    );
    let ok_size = text.len() < 1_000_000;
    let ok_time = decode < Duration::from_millis(10);
    println!(
        "targets: size < 1 MB {}, load < 10 ms {}",
        if ok_size { "met" } else { "MISSED" },
        if ok_time { "met" } else { "MISSED" }
    );
    assert_eq!(
        store::decode(&text).map(|s| s.doc).ok().as_ref(),
        Some(&doc),
        "round trip"
    );
}
