//! Prints a backup file with `DAYS` days of daily use (one check-in and one session a day)
//! ending on `END` (`YYYY-MM-DD`, default today in UTC), for screenshots and browser tests:
//! `cargo run --example history_seed -- 42 2026-11-21 > seed.json`.

#[path = "../tests/common/mod.rs"]
mod common;

use fasciamap::domain::calendar::{self, DAY_MS};
use fasciamap::domain::persistence::export;

fn main() {
    let mut args = std::env::args().skip(1);
    let days: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let end = args
        .next()
        .and_then(|a| calendar::parse_day(&a))
        .unwrap_or(now_ms / DAY_MS);
    let doc = common::daily_use(days, end - days + 1, 7);
    println!("{}", export::encode(&doc, &common::iso(now_ms)));
}
