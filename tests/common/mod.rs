//! Generators shared by the property tests and the history benchmark.
#![allow(dead_code)]

use fasciamap::domain::calendar::{self, DAY_MS};
use fasciamap::domain::knowledge::mark::{Kind, Severity, Symptom};
use fasciamap::domain::knowledge::region::{RegionId, RegionSide, REGIONS};
use fasciamap::domain::planner::case::Case;
use fasciamap::domain::planner::engine::plan;
use fasciamap::domain::records::body_map::{Action, BodyMap};
use fasciamap::domain::records::document::Document;
use fasciamap::domain::records::history::CheckIn;
use fasciamap::domain::records::programme::Programme;
use fasciamap::domain::records::session::{Rerate, SessionRecord, StepOutcome, StepRecord};
use proptest::test_runner::Config as ProptestConfig;

/// Property-test settings: `default` cases unless the environment variable `var` gives another
/// count (the big reported runs set it); failures are printed, not written to files.
pub fn proptest_config(var: &str, default: u32) -> ProptestConfig {
    let cases = std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A small deterministic PRNG (xorshift64*), so seeds reproduce.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

pub fn iso(ms: i64) -> String {
    calendar::iso_from_ms(ms)
}

pub fn random_region_side(rng: &mut Rng) -> RegionSide {
    let def = &REGIONS[rng.below(REGIONS.len() as u64) as usize];
    let sides = def.sides();
    RegionSide {
        region: def.id,
        side: sides[rng.below(sides.len() as u64) as usize],
    }
}

pub fn random_map(rng: &mut Rng, max_marks: u64) -> BodyMap {
    let mut m = BodyMap::default();
    for _ in 0..rng.below(max_marks + 1) {
        let at = random_region_side(rng);
        let sev = Severity::ALL[rng.below(4) as usize];
        m.apply(Action::SetSeverity(at, sev));
        if rng.chance(20) {
            m.apply(Action::SetKind(at, Kind::Sore));
        }
    }
    if rng.chance(40) {
        m.apply(Action::ToggleSymptom(Symptom::ALL[rng.below(5) as usize]));
    }
    m
}

pub fn random_session(rng: &mut Rng, id: String, start_ms: i64) -> SessionRecord {
    let steps = (0..rng.below(7))
        .map(|_| StepRecord {
            at: random_region_side(rng),
            technique: ["roll", "ball", "hands", "stretch"][rng.below(4) as usize].into(),
            planned_s: 60 + 30 * rng.below(3) as u16,
            done_s: rng.below(120) as u16,
            outcome: [
                StepOutcome::Done,
                StepOutcome::Skipped,
                StepOutcome::StoppedPain,
            ][rng.below(3) as usize],
        })
        .collect::<Vec<_>>();
    let ratings = steps
        .iter()
        .map(|s: &StepRecord| Rerate {
            at: s.at,
            before: Severity::ALL[rng.below(4) as usize],
            after: rng.chance(70).then(|| Severity::ALL[rng.below(4) as usize]),
        })
        .collect();
    SessionRecord {
        id,
        started_at: iso(start_ms),
        finished_at: rng.chance(80).then(|| iso(start_ms + 600_000)),
        steps,
        ratings,
    }
}

/// A random document; ids come from a small pool so two documents share some.
pub fn random_doc(rng: &mut Rng) -> Document {
    let base = 1_790_000_000_000i64;
    let mut d = Document {
        map: random_map(rng, 8),
        ..Document::default()
    };
    for _ in 0..rng.below(6) {
        let id = format!("c{}", rng.below(12));
        if d.checkins.iter().any(|c| c.id == id) {
            continue;
        }
        d.checkins.push(CheckIn {
            id,
            at: iso(base + rng.below(60) as i64 * DAY_MS / 3),
            map: random_map(rng, 6),
        });
    }
    for _ in 0..rng.below(4) {
        let id = format!("s{}", rng.below(8));
        if d.sessions.iter().any(|s| s.id == id) {
            continue;
        }
        let start = base + rng.below(60) as i64 * DAY_MS / 3;
        d.sessions.push(random_session(rng, id, start));
    }
    if rng.chance(30) {
        d.programme = Some(Programme {
            start: calendar::format_day(base / DAY_MS),
        });
    }
    if rng.chance(30) {
        d.last_export = Some(iso(base));
    }
    d.checkins
        .sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
    d.sessions
        .sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    d
}

/// Two years of daily use: one check-in and one guided session a day. The map drifts a
/// little each day (about ten region-sides marked), and each session works the steps that
/// `plan()` gives for that day's map, with before/after ratings.
pub fn two_years() -> Document {
    daily_use(730, calendar::parse_day("2025-01-01").unwrap_or(0), 2026)
}

/// `days` days of daily use from local day `first_day` (see [`two_years`]).
pub fn daily_use(days: i64, first_day: i64, seed: u64) -> Document {
    let mut rng = Rng::new(seed);
    let start = first_day * DAY_MS;
    let mut map = BodyMap::default();
    map.apply(Action::ToggleSymptom(Symptom::LowBackPain));
    let tracked: Vec<RegionSide> = [
        RegionId::Hamstrings,
        RegionId::Calf,
        RegionId::GluteMed,
        RegionId::Quadriceps,
        RegionId::HipFlexor,
    ]
    .iter()
    .flat_map(|&r| {
        r.def()
            .sides()
            .iter()
            .map(move |&side| RegionSide { region: r, side })
    })
    .collect();
    let mut doc = Document::default();
    for day in 0..days {
        for &at in &tracked {
            let now = map.get(at).map_or(2, |m| m.severity.get());
            let next = match rng.below(10) {
                0 | 1 => now.saturating_sub(1),
                2 => (now + 1).min(3),
                _ => now,
            };
            map.apply(Action::SetSeverity(at, Severity::ALL[next as usize]));
        }
        let morning = start + day * DAY_MS + 7 * 3_600_000 + rng.below(3_600_000) as i64;
        doc.checkins.push(CheckIn {
            id: format!("c{day:04}x{}", rng.below(1 << 20)),
            at: iso(morning),
            map: map.clone(),
        });
        let case = Case {
            symptoms: map.symptoms.iter().copied().collect(),
            marks: map.marks().collect(),
            ..Case::default()
        };
        let p = plan(&case);
        let s_start = morning + 600_000;
        let steps: Vec<StepRecord> = p
            .steps
            .iter()
            .map(|s| StepRecord {
                at: RegionSide {
                    region: s.region,
                    side: s.side,
                },
                technique: s.tool.key().to_string(),
                planned_s: s.seconds,
                done_s: s.seconds,
                outcome: StepOutcome::Done,
            })
            .collect();
        let ratings = steps
            .iter()
            .map(|st| Rerate {
                at: st.at,
                before: map.get(st.at).map_or(Severity::MILD, |m| m.severity),
                after: Some(Severity::MILD),
            })
            .collect();
        doc.sessions.push(SessionRecord {
            id: format!("s{day:04}x{}", rng.below(1 << 20)),
            started_at: iso(s_start),
            finished_at: Some(iso(s_start + 540_000)),
            steps,
            ratings,
        });
    }
    doc.map_updated = doc.checkins.last().map(|c| c.at.clone());
    doc.map = map;
    doc.programme = Some(Programme {
        start: calendar::format_day(first_day + (days - 10).max(0)),
    });
    doc
}
