//! Times `plan()` on every vignette case: `cargo bench --bench plan`.
//!
//! A small std-only harness (no criterion, to keep dependencies out): for each vignette it
//! warms up, then takes 31 samples of a batch of calls and prints the median and mean time
//! per call in microseconds. `plan()` runs on every tap in the browser, so the budget is
//! "tens of microseconds" on a desktop machine (wasm is slower by a small factor).

use fasciamap::domain::planner::case::Case;
use fasciamap::domain::planner::engine::plan;
use std::hint::black_box;
use std::time::Instant;

const VIGNETTES: &[&str] = &[
    "v01", "v02", "v04", "v06", "v07", "v08", "v11", "v13", "v14", "v18", "v21", "v22", "v23",
    "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31", "v32",
];
const SAMPLES: usize = 31;

fn main() {
    println!(
        "{:<6} {:>12} {:>12} {:>8}",
        "case", "median µs", "mean µs", "steps"
    );
    let mut medians = Vec::new();
    for name in VIGNETTES {
        let path = format!("{}/tests/vignettes/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let case = match Case::from_json(&text) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        // Size a batch to about 5 ms.
        let start = Instant::now();
        let mut batch = 0u32;
        while start.elapsed().as_millis() < 5 {
            black_box(plan(black_box(&case)));
            batch += 1;
        }
        let mut per_call = Vec::with_capacity(SAMPLES);
        for _ in 0..SAMPLES {
            let t = Instant::now();
            for _ in 0..batch {
                black_box(plan(black_box(&case)));
            }
            per_call.push(t.elapsed().as_secs_f64() * 1e6 / f64::from(batch));
        }
        per_call.sort_by(f64::total_cmp);
        let median = per_call[SAMPLES / 2];
        let mean = per_call.iter().sum::<f64>() / SAMPLES as f64;
        let steps = plan(&case).steps.len();
        println!("{name:<6} {median:>12.2} {mean:>12.2} {steps:>8}");
        medians.push(median);
    }
    let worst = medians.iter().copied().fold(0.0, f64::max);
    println!("worst median: {worst:.2} µs per plan()");
}
