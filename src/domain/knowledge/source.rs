//! The sources list (knowledge base §0): every key that a rule, message, technique, chain or
//! screen question may cite, with the source's real title and a plain kind the UI can show
//! under "why this step" (§3.11: real titles and a plain kind, never internal labels).
//!
//! Sources are cited by their bracketed key from the knowledge base (`"S004"`, `"WILKE16"`),
//! so a plan's `sources` field can be checked against the document by eye. `"S000"` and
//! `"S004"` are the two articles this app is based on, `"D"` marks a design choice of the
//! knowledge base (not a published source) and `"SECONDARY"` the health and exercise web pages
//! the knowledge base uses only for wording or as a cross-check. The keys are internal: the
//! person only ever sees [`Source::title`] and [`SourceKind::words`].
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - keys are unique, non-empty, uppercase ASCII letters, digits and `-`;
//! - titles are non-empty single lines of at most 110 characters, shaped "Authors year, real
//!   (possibly shortened) title" for journal items, and never use the knowledge base's
//!   internal labels ("seed", "secondary", "lower-quality");
//! - the table has at most 64 rows, because the engine collects a step's sources in a `u64`
//!   bit set indexed by the row number (add a wider set before going past that); so new rows
//!   go at the end and existing rows never move;
//! - removing a key breaks the tables that cite it: their own tests will fail.

/// What kind of source a row is, in words a lay reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A single study: a trial, a dissection or lab study, a survey of experts.
    Study,
    /// A systematic, scoping or narrative review, or a meta-analysis, of many studies.
    Review,
    /// Experts' views: a clinical commentary or an expert consensus.
    ExpertOpinion,
    /// A clinical guideline, or an official health service leaflet or summary.
    Guideline,
    /// A book.
    Book,
    /// Consumer health or practitioner web pages and magazine articles.
    HealthPages,
    /// One of the two articles this app is based on (S000, S004).
    BasedOn,
    /// A design choice of FasciaMap's knowledge base, not a published source.
    DesignChoice,
}

impl SourceKind {
    /// Every kind, for tests and legends.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::Study,
        SourceKind::Review,
        SourceKind::ExpertOpinion,
        SourceKind::Guideline,
        SourceKind::Book,
        SourceKind::HealthPages,
        SourceKind::BasedOn,
        SourceKind::DesignChoice,
    ];

    /// The kind in plain lowercase words, e.g. "review of studies".
    pub const fn words(self) -> &'static str {
        match self {
            SourceKind::Study => "study",
            SourceKind::Review => "review of studies",
            SourceKind::ExpertOpinion => "expert opinion",
            SourceKind::Guideline => "clinical guideline",
            SourceKind::Book => "book",
            SourceKind::HealthPages => "health web pages",
            SourceKind::BasedOn => "the article this app is based on",
            SourceKind::DesignChoice => "the app's own design choice",
        }
    }
}

/// One entry of the sources list.
#[derive(Debug)]
pub struct Source {
    /// Key as written in the knowledge base, e.g. `"S004"`; internal, never shown.
    pub key: &'static str,
    /// The title a person sees: authors, year and the real (possibly shortened) title.
    pub title: &'static str,
    /// What kind of source it is.
    pub kind: SourceKind,
}

use SourceKind::{
    BasedOn, Book, DesignChoice, ExpertOpinion, Guideline, HealthPages, Review, Study,
};

/// All sources, in the order of §0 (the two articles first, then external ones). The row
/// order is part of the engine's bit sets: never reorder, only append.
#[rustfmt::skip]
pub const SOURCES: &[Source] = &[
    Source { key: "S000", kind: BasedOn, title: "Blog article on fascia and chronic back pain, written for people over 55" },
    Source { key: "S004", kind: BasedOn, title: "“Why I NEVER Recommend Foam Rolling The Low Back (And What To Do Instead)”, mobilitymastery.com" },
    Source { key: "MYERS", kind: Book, title: "Myers 2009, Anatomy Trains: Myofascial Meridians for Manual and Movement Therapists" },
    Source { key: "WILKE16", kind: Review, title: "Wilke et al. 2016, What is evidence-based about myofascial chains: a systematic review" },
    Source { key: "KRAUSE16", kind: Review, title: "Krause et al. 2016, Intermuscular force transmission along myofascial chains" },
    Source { key: "WILKE16-ITT", kind: Study, title: "Wilke et al. 2016, Continuity between the iliotibial tract and the fibularis longus fascia" },
    Source { key: "WILKE20-ANK", kind: Study, title: "Wilke et al. 2020, Ankle motion is associated with soft tissue displacement in the dorsal thigh" },
    Source { key: "GRIEVE15", kind: Study, title: "Grieve et al. 2015, Self myofascial release on the soles of the feet and hamstring and lumbar flexibility" },
    Source { key: "WILKE17-REM", kind: Study, title: "Wilke et al. 2017, Is remote stretching based on myofascial chains as effective as local exercise?" },
    Source { key: "BURK20", kind: Review, title: "Burk et al. 2020, Can myofascial interventions have a remote effect on range of motion?" },
    Source { key: "JOSHI18", kind: Study, title: "Joshi et al. 2018, Effect of remote myofascial release on hamstring flexibility" },
    Source { key: "CALGARO23", kind: Study, title: "Calgaro et al. 2023, Effects of lower limbs stretching on the neck range of motion" },
    Source { key: "WILKE20-SM", kind: Review, title: "Wilke et al. 2020, Acute effects of foam rolling on range of motion in healthy adults" },
    Source { key: "KONRAD22", kind: Review, title: "Konrad et al. 2022, Foam rolling training effects on range of motion" },
    Source { key: "KONRAD23", kind: Review, title: "Konrad et al. 2023, The contralateral effects of foam rolling on range of motion and muscle performance" },
    Source { key: "KONRAD24", kind: Study, title: "Konrad et al. 2024, Non-local effects of foot sole stretching and foam rolling on shoulder range of motion" },
    Source { key: "WIEWEL19", kind: Review, title: "Wiewelhove et al. 2019, A meta-analysis of the effects of foam rolling on performance and recovery" },
    Source { key: "BEHM20", kind: ExpertOpinion, title: "Behm et al. 2020, Foam rolling prescription: a clinical commentary" },
    Source { key: "FIJAVZ24", kind: Study, title: "Fijavž et al. 2024, Effects of lower back foam rolling on pain threshold and lumbar range of motion" },
    Source { key: "OZSOY19", kind: Study, title: "Ozsoy et al. 2019, Myofascial release with core stabilization exercise in elderly with low back pain" },
    Source { key: "SUAREZ22", kind: Review, title: "Suarez-Rodriguez et al. 2022, Fascial innervation: a systematic review of the literature" },
    Source { key: "WILKE17-LF", kind: Review, title: "Wilke et al. 2017, The lumbodorsal fascia as a potential source of low back pain" },
    Source { key: "SINHORIM21", kind: Review, title: "Sinhorim et al. 2021, Potential nociceptive role of the thoracolumbar fascia" },
    Source { key: "BARTSCH21", kind: ExpertOpinion, title: "Bartsch et al. 2021, Expert consensus on the contraindications and cautions of foam rolling" },
    Source { key: "NG59", kind: Guideline, title: "NICE guideline NG59, Low back pain and sciatica in over 16s: assessment and management" },
    Source { key: "CKS", kind: Guideline, title: "NICE Clinical Knowledge Summaries, Sciatica: interpreting red flags" },
    Source { key: "CES-NHS", kind: Guideline, title: "NHS leaflets on the warning signs of cauda equina syndrome" },
    Source { key: "RF-LISTS", kind: HealthPages, title: "Lists of back pain warning signs (Verywell Health; Chiropractic & Manual Therapies)" },
    Source { key: "NG65", kind: Guideline, title: "NICE guideline NG65, Spondyloarthritis in over 16s: diagnosis and management" },
    Source { key: "BHOF", kind: HealthPages, title: "Bone Health & Osteoporosis Foundation, Protecting your spine" },
    Source { key: "WERNER", kind: HealthPages, title: "Werner, Take the danger out of endangerment sites (Massage & Bodywork magazine)" },
    Source { key: "CECA17", kind: Study, title: "Ceca et al. 2017, Self-myofascial release program and quality of life in people with fibromyalgia" },
    Source { key: "PELVIS", kind: Study, title: "Studies of hamstring length and pelvic tilt (Reis et al. 2015, a 2017 study, Shamsi et al. 2020)" },
    Source { key: "SECONDARY", kind: HealthPages, title: "Health and exercise web pages (used only for wording and as a cross-check)" },
    Source { key: "D", kind: DesignChoice, title: "FasciaMap's own design choice (not a published source)" },
];

/// The row number of `key`, used by the engine's source bit sets.
pub fn index(key: &str) -> Option<usize> {
    SOURCES.iter().position(|s| s.key == key)
}

/// True when `key` is in the table.
pub fn exists(key: &str) -> bool {
    index(key).is_some()
}

fn row(key: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.key == key)
}

/// The title of `key` as a person sees it, or `None` for an unknown key.
pub fn title(key: &str) -> Option<&'static str> {
    row(key).map(|s| s.title)
}

/// The kind of `key`, or `None` for an unknown key.
pub fn kind(key: &str) -> Option<SourceKind> {
    row(key).map(|s| s.kind)
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
            assert!(s.title.chars().count() <= 110, "{} title too long", s.key);
        }
    }

    #[test]
    fn titles_never_show_internal_labels() {
        for s in SOURCES {
            let lower = s.title.to_lowercase();
            for label in ["seed article", "seed", "lower-quality", "secondary"] {
                assert!(!lower.contains(label), "{} title shows {label:?}", s.key);
            }
        }
    }

    #[test]
    fn every_kind_has_plain_words() {
        for k in SourceKind::ALL {
            let w = k.words();
            assert!(!w.is_empty(), "{k:?} has no words");
            assert_eq!(w, w.to_lowercase(), "{k:?} words are not lowercase");
            assert!(w.len() <= 40, "{k:?} words too long");
        }
        let used: HashSet<SourceKind> = SOURCES.iter().map(|s| s.kind).collect();
        assert_eq!(used.len(), SourceKind::ALL.len(), "a kind is never used");
    }

    #[test]
    fn the_two_base_articles_and_the_design_choice_keep_their_kinds() {
        assert_eq!(kind("S000"), Some(SourceKind::BasedOn));
        assert_eq!(kind("S004"), Some(SourceKind::BasedOn));
        assert_eq!(kind("D"), Some(SourceKind::DesignChoice));
        assert_eq!(kind("SECONDARY"), Some(SourceKind::HealthPages));
        assert_eq!(kind("MYERS"), Some(SourceKind::Book));
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
        assert!(kind("S999").is_none());
        assert!(!exists("s004"));
        assert_eq!(
            kind("KONRAD22").map(SourceKind::words),
            Some("review of studies")
        );
    }
}
