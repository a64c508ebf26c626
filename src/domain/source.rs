//! The sources list (knowledge base §0): every key that a rule, message, technique, chain or
//! screen question may cite, with a short title the UI can show under "why this step".
//!
//! Sources are cited by their bracketed key from the knowledge base (`"S004"`, `"WILKE16"`),
//! so a plan's `sources` field can be checked against the document by eye. `"D"` marks a
//! design choice of the knowledge base (not a published source) and `"SECONDARY"` the
//! lower-quality web pages the knowledge base uses only for wording or corroboration.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - keys are unique, non-empty, uppercase ASCII letters, digits and `-`;
//! - titles are non-empty single lines of at most 110 characters;
//! - the table has at most 64 rows, because the engine collects a step's sources in a `u64`
//!   bit set indexed by the row number (add a wider set before going past that);
//! - removing a key breaks the tables that cite it: their own tests will fail.

/// One entry of the sources list.
#[derive(Debug)]
pub struct Source {
    /// Key as written in the knowledge base, e.g. `"S004"`.
    pub key: &'static str,
    /// Short human title.
    pub title: &'static str,
}

/// All sources, in the order of §0 (seed documents first, then external ones).
#[rustfmt::skip]
pub const SOURCES: &[Source] = &[
    Source { key: "S000", title: "Seed article: fascia and chronic back pain for people over 55" },
    Source { key: "S004", title: "Seed article (mobilitymastery.com): against rolling the low back; legs first" },
    Source { key: "MYERS", title: "Myers, Anatomy Trains, 2nd edition (2009)" },
    Source { key: "WILKE16", title: "Wilke et al. 2016, evidence for myofascial chains (systematic review)" },
    Source { key: "KRAUSE16", title: "Krause et al. 2016, force transmission along myofascial chains (review)" },
    Source { key: "WILKE16-ITT", title: "Wilke et al. 2016, iliotibial tract and fibularis fascia continuity" },
    Source { key: "WILKE20-ANK", title: "Wilke et al. 2020, ankle motion moves tissue in the back of the thigh" },
    Source { key: "GRIEVE15", title: "Grieve et al. 2015, rolling the soles and hamstring and low-back flexibility" },
    Source { key: "WILKE17-REM", title: "Wilke et al. 2017, remote stretching along a chain versus local exercise" },
    Source { key: "BURK20", title: "Burk et al. 2020, remote effects of myofascial work on range of motion (meta-analysis)" },
    Source { key: "JOSHI18", title: "Joshi et al. 2018, remote myofascial release and hamstring flexibility" },
    Source { key: "CALGARO23", title: "Calgaro et al. 2023, leg stretching and neck range of motion" },
    Source { key: "WILKE20-SM", title: "Wilke et al. 2020, acute effects of foam rolling on range of motion (meta-analysis)" },
    Source { key: "KONRAD22", title: "Konrad et al. 2022, foam rolling training and range of motion (meta-analysis)" },
    Source { key: "KONRAD23", title: "Konrad et al. 2023, effects of foam rolling on the other side of the body" },
    Source { key: "KONRAD24", title: "Konrad et al. 2024, foot-sole training and shoulder range of motion" },
    Source { key: "WIEWEL19", title: "Wiewelhove et al. 2019, foam rolling, performance and recovery (meta-analysis)" },
    Source { key: "BEHM20", title: "Behm et al. 2020, foam rolling prescription (clinical commentary)" },
    Source { key: "FIJAVZ24", title: "Fijavž et al. 2024, lower-back foam rolling in healthy adults (trial)" },
    Source { key: "OZSOY19", title: "Ozsoy et al. 2019, myofascial release plus core work in older adults with back pain" },
    Source { key: "SUAREZ22", title: "Suarez-Rodriguez et al. 2022, nerve supply of fascia (review)" },
    Source { key: "WILKE17-LF", title: "Wilke et al. 2017, the lumbodorsal fascia as a source of low back pain" },
    Source { key: "SINHORIM21", title: "Sinhorim et al. 2021, pain role of the thoracolumbar fascia (review)" },
    Source { key: "BARTSCH21", title: "Bartsch et al. 2021, expert consensus on when not to foam roll" },
    Source { key: "NG59", title: "NICE guideline NG59, low back pain and sciatica in over 16s" },
    Source { key: "CKS", title: "NICE CKS, sciatica: interpreting red flags" },
    Source { key: "CES-NHS", title: "NHS leaflets on cauda equina warning signs" },
    Source { key: "RF-LISTS", title: "General back-pain red-flag lists" },
    Source { key: "NG65", title: "NICE guideline NG65, spondyloarthritis" },
    Source { key: "BHOF", title: "Bone Health & Osteoporosis Foundation, protecting your spine" },
    Source { key: "WERNER", title: "Werner, endangerment sites in bodywork (ABMP)" },
    Source { key: "CECA17", title: "Ceca et al. 2017, self-release programme in fibromyalgia (trial)" },
    Source { key: "PELVIS", title: "Studies on hamstring length and pelvic tilt (2015 to 2020)" },
    Source { key: "SECONDARY", title: "Lower-quality web pages, used only for wording or to corroborate" },
    Source { key: "D", title: "Design choice of the FasciaMap knowledge base (not a published source)" },
];

/// The row number of `key`, used by the engine's source bit sets.
pub fn index(key: &str) -> Option<usize> {
    SOURCES.iter().position(|s| s.key == key)
}

/// True when `key` is in the table.
pub fn exists(key: &str) -> bool {
    index(key).is_some()
}

/// The short title of `key`, or `None` for an unknown key.
pub fn title(key: &str) -> Option<&'static str> {
    SOURCES.iter().find(|s| s.key == key).map(|s| s.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for s in SOURCES {
            assert!(seen.insert(s.key), "duplicate source key {}", s.key);
            assert!(!s.key.is_empty());
            assert!(
                s.key
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{} is not an uppercase key",
                s.key
            );
        }
    }

    #[test]
    fn titles_are_short_single_lines() {
        for s in SOURCES {
            assert!(!s.title.is_empty(), "{} has no title", s.key);
            assert!(!s.title.contains('\n'), "{} title spans lines", s.key);
            assert!(s.title.len() <= 110, "{} title too long", s.key);
        }
    }

    #[test]
    fn the_table_fits_the_engine_bit_set() {
        assert!(SOURCES.len() <= 64);
    }

    #[test]
    fn lookups_work() {
        assert_eq!(index("S000"), Some(0));
        assert!(title("S004").is_some());
        assert!(title("S999").is_none());
        assert!(!exists("s004"));
    }
}
