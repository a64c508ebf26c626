//! The chain graph (knowledge base §2): the twelve Anatomy Trains lines mapped onto regions,
//! with an evidence grade on every transition.
//!
//! The engine uses the chains for two things only: to suggest *connected areas worth
//! checking* (`to_map`), and to explain or break ties between marked areas. A chain never
//! turns an unmarked region into a step (§3.10 rule 5), because the evidence for effects
//! at a distance is weak (§8.5).
//!
//! ## Model
//! A chain is a list of nodes (foot → head; arm lines trunk → hand) and a list of links.
//! - A node is a region with a side *relative to where a walk starts*: `Same`, `Opp`
//!   (the line has crossed the midline) or `Mid` (a midline region).
//! - Nodes marked `Station` (a bony landmark such as the heel) or `Pass` (a place the line
//!   runs through, such as the back of the knee) are kept for anatomy and for the "via"
//!   of a link, but do not count as hops and neither start nor receive propagation
//!   (§3.10 rule 6). `[CHOICE]` Stations and pass nodes are bone or no-pressure landmarks,
//!   so leaving them out of `to_map` avoids asking people to feel for tightness on a bone.
//! - A link joins two listed nodes; it is one hop and carries the evidence grade of that
//!   transition. Lines that branch (the Lateral Line at the hip, the two arms of the Spiral
//!   Line) simply have several links from one node.
//!
//! The §2.3 sketch marks `low_back_muscles` as `pass_through`: that means "never a target"
//! (which its catalogue role already says). For hop counting it is a listed node, as in the
//! sketch's transitions.
//!
//! Path weight (§2.1, §3.10 rule 6): product of the grade weights × 0.7 per hop, at most two
//! hops, paths below 0.2 ignored. With these numbers only the strong lines (SBL, BFL, FFL)
//! reach two hops, the partial ones (LL, SPL) one hop, and the not-reviewed lines (DFL, arm
//! lines, IFL) and the SFL (no verified transition) do not propagate at all.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - `CHAINS[i].id as usize == i`; twelve chains; keys unique;
//! - a node's side is `Mid` exactly when its region is a midline region;
//! - link ends are listed nodes with `from < to`; `via` holds only station/pass nodes;
//! - every station/pass node is in some link's `via` or comes after the last link end;
//! - every listed node is in at least one link;
//! - grades follow §2.2: SBL/BFL/FFL strong where verified, SFL none verified, LL and SPL
//!   partial, DFL, arm lines and IFL not reviewed; every source key exists.

use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use serde::{Deserialize, Serialize};

/// Weight lost per hop (§2.1).
pub const HOP_DECAY: f32 = 0.7;
/// Longest path followed, in hops (§2.1).
pub const MAX_HOPS: u8 = 2;
/// Paths weaker than this are ignored (§3.10 rule 6).
pub const MIN_WEIGHT: f32 = 0.2;

/// Id of a chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChainId {
    /// Superficial Back Line.
    Sbl,
    /// Superficial Front Line.
    Sfl,
    /// Lateral Line.
    Ll,
    /// Spiral Line.
    Spl,
    /// Deep Front Line.
    Dfl,
    /// Superficial Front Arm Line.
    Sfal,
    /// Deep Front Arm Line.
    Dfal,
    /// Superficial Back Arm Line.
    Sbal,
    /// Deep Back Arm Line.
    Dbal,
    /// Back Functional Line.
    Bfl,
    /// Front Functional Line.
    Ffl,
    /// Ipsilateral Functional Line.
    Ifl,
}

impl ChainId {
    /// The table row of this chain.
    pub fn def(self) -> &'static Chain {
        // The table test guarantees CHAINS[i].id as usize == i.
        &CHAINS[self as usize]
    }
}

/// Evidence grade of one transition (§2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Verified in dissection studies, line rated strong (source `WILKE16`).
    Strong,
    /// Moderate evidence.
    Moderate,
    /// Part of the line verified; which transitions is not known here.
    Partial,
    /// Not examined by the review; anatomy description only.
    NotReviewed,
    /// Examined and not verified (the SFL).
    NoneVerified,
}

impl Grade {
    /// Propagation weight of §2.1.
    pub const fn weight(self) -> f32 {
        match self {
            Grade::Strong => 1.0,
            Grade::Moderate => 0.6,
            Grade::Partial => 0.4,
            Grade::NotReviewed => 0.25,
            Grade::NoneVerified => 0.0,
        }
    }

    /// Plain words for a lay reader, worded for what the grade grades: whether dissection
    /// studies found the areas anatomically connected, never whether a treatment works
    /// (§3.11). They follow "Anatomy studies find these areas connected: … (" in the UI
    /// and the step's explanation.
    pub const fn words(self) -> &'static str {
        match self {
            Grade::Strong => "a link confirmed in several anatomy studies",
            Grade::Moderate => "a link partly confirmed in anatomy studies",
            Grade::Partial => "parts of this line confirmed in anatomy studies",
            Grade::NotReviewed => "described in anatomy books, not yet checked in studies",
            Grade::NoneVerified => "not confirmed in anatomy studies",
        }
    }

    /// The weaker of two grades.
    pub fn weaker(self, other: Grade) -> Grade {
        if other.weight() < self.weight() {
            other
        } else {
            self
        }
    }
}

/// A node's side relative to the side a walk starts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// Same side as the start.
    Same,
    /// Opposite side (the line crossed the midline).
    Opp,
    /// A midline region.
    Mid,
}

/// What a node is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A listed node: counts as a hop, starts and receives propagation.
    Listed,
    /// A bony landmark the line attaches to (not counted).
    Station,
    /// A place the line runs through (not counted).
    Pass,
}

/// One node of a chain.
#[derive(Debug)]
pub struct Node {
    /// Region of the catalogue.
    pub region: RegionId,
    /// Side relative to the start of a walk.
    pub rel: Rel,
    /// Listed, station or pass-through.
    pub kind: NodeKind,
}

/// One transition between two listed nodes: one hop.
#[derive(Debug)]
pub struct Link {
    /// Index of the lower node.
    pub from: u8,
    /// Index of the upper node.
    pub to: u8,
    /// Evidence grade of this transition.
    pub grade: Grade,
    /// Station and pass nodes the transition runs through.
    pub via: &'static [u8],
}

/// One line.
#[derive(Debug)]
pub struct Chain {
    /// Typed id.
    pub id: ChainId,
    /// Short key used in JSON (`"sbl"`).
    pub key: &'static str,
    /// Anatomy Trains name.
    pub name: &'static str,
    /// Where it runs, in plain words.
    pub plain: &'static str,
    /// Source keys.
    pub sources: &'static [&'static str],
    /// Nodes, foot → head (arm lines: trunk → hand).
    pub nodes: &'static [Node],
    /// Transitions.
    pub links: &'static [Link],
}

const fn n(region: RegionId, rel: Rel) -> Node {
    Node {
        region,
        rel,
        kind: NodeKind::Listed,
    }
}
const fn st(region: RegionId, rel: Rel) -> Node {
    Node {
        region,
        rel,
        kind: NodeKind::Station,
    }
}
const fn ps(region: RegionId, rel: Rel) -> Node {
    Node {
        region,
        rel,
        kind: NodeKind::Pass,
    }
}
const fn l(from: u8, to: u8, grade: Grade, via: &'static [u8]) -> Link {
    Link {
        from,
        to,
        grade,
        via,
    }
}

use Grade::{NoneVerified as NV, NotReviewed as NR, Partial as P, Strong as S};
use RegionId as R;
use Rel::{Mid as M, Opp as O, Same as A};

/// The twelve lines of §2.2.
///
/// `[CHOICE]` Transitions the knowledge base leaves ungraded get the weakest grade that fits:
/// SBL row 4 (erector spinae → scalp) and the Lateral Line's start (sole → outer lower leg)
/// and its neck → scalp ends are `not_reviewed`.
#[rustfmt::skip]
pub const CHAINS: &[Chain] = &[
    Chain { id: ChainId::Sbl, key: "sbl", name: "Superficial Back Line",
        plain: "runs up the back of the body, from the soles over the calves, the back of the thighs and the back to the head",
        sources: &["MYERS", "WILKE16", "KRAUSE16"],
        nodes: &[
            n(R::Sole, A), st(R::Heel, A), st(R::Achilles, A), n(R::Calf, A), ps(R::BackOfKnee, A),
            n(R::Hamstrings, A), st(R::SitBone, A), st(R::Sacrum, M), n(R::LowBackMuscles, A),
            n(R::BetweenShoulderBlades, A), n(R::NeckBack, A), n(R::Suboccipital, A), n(R::Scalp, M),
            n(R::ForeheadBrow, M),
        ],
        links: &[
            l(0, 3, S, &[1, 2]), l(3, 5, S, &[4]), l(5, 8, S, &[6, 7]), l(8, 9, NR, &[]),
            l(9, 10, NR, &[]), l(10, 11, NR, &[]), l(11, 12, NR, &[]), l(12, 13, NR, &[]),
        ] },
    Chain { id: ChainId::Sfl, key: "sfl", name: "Superficial Front Line",
        plain: "runs up the front of the body, from the top of the foot over the shin, the front of the thigh and the belly to the neck",
        sources: &["MYERS", "WILKE16"],
        nodes: &[
            n(R::FootTop, A), n(R::ShinMuscle, A), st(R::Kneecap, A), n(R::Quadriceps, A), n(R::HipFlexor, A),
            st(R::Pubic, M), n(R::LowerAbdomen, M), n(R::UpperAbdomen, M), n(R::Sternum, M), n(R::NeckSide, A),
            n(R::Scalp, M),
        ],
        links: &[
            l(0, 1, NV, &[]), l(1, 3, NV, &[2]), l(3, 4, NV, &[]), l(4, 6, NV, &[5]), l(6, 7, NV, &[]),
            l(7, 8, NV, &[]), l(8, 9, NV, &[]), l(9, 10, NV, &[]),
        ] },
    Chain { id: ChainId::Ll, key: "ll", name: "Lateral Line",
        plain: "runs up the outside of the body, from the outer foot and lower leg over the outer thigh and hip, the waist and ribs to the neck",
        sources: &["MYERS", "WILKE16", "WILKE16-ITT"],
        nodes: &[
            n(R::Sole, A), n(R::LowerLegOuter, A), st(R::KneeOuter, A), n(R::OuterThigh, A), n(R::Tfl, A),
            n(R::GluteMax, A), n(R::GluteMed, A), n(R::AbdomenSide, A), n(R::SideRibs, A), n(R::NeckSide, A),
            n(R::NeckBack, A), n(R::Scalp, M),
        ],
        links: &[
            l(0, 1, NR, &[]), l(1, 3, P, &[2]), l(3, 4, P, &[]), l(3, 5, P, &[]), l(3, 6, P, &[]),
            l(4, 7, P, &[]), l(6, 7, P, &[]), l(7, 8, P, &[]), l(8, 9, P, &[]), l(8, 10, P, &[]),
            l(9, 11, NR, &[]), l(10, 11, NR, &[]),
        ] },
    Chain { id: ChainId::Spl, key: "spl", name: "Spiral Line",
        plain: "wraps around the body, from the arch of the foot up the front and outside of the leg, across the belly to the opposite shoulder blade, and back down the back of the leg",
        sources: &["MYERS", "WILKE16"],
        nodes: &[
            n(R::Sole, A), n(R::ShinMuscle, A), ps(R::KneeOuter, A), n(R::OuterThigh, A), n(R::Tfl, A),
            st(R::HipBoneFront, A), n(R::AbdomenSide, A), n(R::AbdomenSide, O), n(R::SideRibs, O),
            n(R::BetweenShoulderBlades, O), n(R::LowerLegOuter, A), n(R::Hamstrings, A), st(R::SitBone, A),
            st(R::Sacrum, M), n(R::LowBackMuscles, A), n(R::BetweenShoulderBlades, A), n(R::NeckBack, A),
            n(R::Scalp, M),
        ],
        links: &[
            // front arm
            l(0, 1, P, &[]), l(1, 3, P, &[2]), l(3, 4, P, &[]), l(4, 6, P, &[5]), l(6, 7, P, &[]),
            l(7, 8, P, &[]), l(8, 9, P, &[]), l(9, 16, P, &[]),
            // back arm
            l(0, 10, P, &[]), l(10, 11, P, &[2]), l(11, 14, P, &[12, 13]), l(14, 15, P, &[]),
            l(15, 16, P, &[]), l(16, 17, P, &[]),
        ] },
    Chain { id: ChainId::Dfl, key: "dfl", name: "Deep Front Line",
        plain: "runs through the deep core of the body, from the sole along the inner calf and inner thigh to the front of the hip, the diaphragm and the jaw",
        sources: &["MYERS"],
        nodes: &[
            n(R::Sole, A), n(R::CalfInnerEdge, A), ps(R::BackOfKnee, A), n(R::Adductors, A), ps(R::Groin, A),
            n(R::HipFlexor, A), n(R::LumbarSpine, M), n(R::LowerRibsFront, A), n(R::NeckFront, M),
            n(R::JawTemple, A),
        ],
        links: &[
            l(0, 1, NR, &[]), l(1, 3, NR, &[2]), l(3, 5, NR, &[4]), l(5, 6, NR, &[]), l(6, 7, NR, &[]),
            l(7, 8, NR, &[]), l(8, 9, NR, &[]),
        ] },
    Chain { id: ChainId::Sfal, key: "sfal", name: "Superficial Front Arm Line",
        plain: "runs from the chest and the side of the back along the inside of the arm to the palm",
        sources: &["MYERS"],
        nodes: &[
            n(R::Chest, A), n(R::Lats, A), n(R::UpperArmInner, A), ps(R::ElbowFront, A), n(R::ForearmFront, A),
            ps(R::WristFront, A), n(R::Palm, A),
        ],
        links: &[l(0, 2, NR, &[]), l(1, 2, NR, &[]), l(2, 4, NR, &[3]), l(4, 6, NR, &[5])] },
    Chain { id: ChainId::Dfal, key: "dfal", name: "Deep Front Arm Line",
        plain: "runs from the upper chest over the front of the shoulder along the front of the arm to the thumb",
        sources: &["MYERS"],
        nodes: &[
            n(R::UpperChest, A), n(R::ShoulderFront, A), n(R::UpperArmFront, A), n(R::ForearmFront, A),
            ps(R::WristFront, A), n(R::Palm, A),
        ],
        links: &[l(0, 1, NR, &[]), l(1, 2, NR, &[]), l(2, 3, NR, &[]), l(3, 5, NR, &[4])] },
    Chain { id: ChainId::Sbal, key: "sbal", name: "Superficial Back Arm Line",
        plain: "runs from the top of the shoulder over the back of the shoulder along the outer arm to the back of the hand",
        sources: &["MYERS"],
        nodes: &[
            n(R::UpperTrapezius, A), n(R::ShoulderBack, A), n(R::UpperArmOuter, A), n(R::ForearmBack, A),
            n(R::HandBack, A),
        ],
        links: &[l(0, 1, NR, &[]), l(1, 2, NR, &[]), l(2, 3, NR, &[]), l(3, 4, NR, &[])] },
    Chain { id: ChainId::Dbal, key: "dbal", name: "Deep Back Arm Line",
        plain: "runs from between the shoulder blades over the shoulder blade along the back of the arm to the little finger",
        sources: &["MYERS"],
        nodes: &[
            n(R::NeckSide, A), n(R::BetweenShoulderBlades, A), n(R::ShoulderBlade, A), n(R::UpperArmBack, A),
            ps(R::ElbowBack, A), n(R::ForearmBack, A), n(R::Palm, A),
        ],
        links: &[l(0, 1, NR, &[]), l(1, 2, NR, &[]), l(2, 3, NR, &[]), l(3, 5, NR, &[4]), l(5, 6, NR, &[])] },
    Chain { id: ChainId::Bfl, key: "bfl", name: "Back Functional Line",
        plain: "crosses the back, from the side of the back over the low back to the opposite buttock and outer thigh",
        sources: &["MYERS", "WILKE16", "KRAUSE16"],
        nodes: &[
            n(R::Lats, A), n(R::LowBackMuscles, A), st(R::Sacrum, M), n(R::GluteMax, O), n(R::OuterThigh, O),
            st(R::Kneecap, O), st(R::ShinBone, O),
        ],
        links: &[l(0, 1, S, &[]), l(1, 3, S, &[2]), l(3, 4, S, &[])] },
    Chain { id: ChainId::Ffl, key: "ffl", name: "Front Functional Line",
        plain: "crosses the front, from the chest over the belly to the opposite inner thigh",
        sources: &["MYERS", "WILKE16", "KRAUSE16"],
        nodes: &[
            n(R::Chest, A), n(R::UpperAbdomen, M), n(R::LowerAbdomen, M), st(R::Pubic, M), n(R::Adductors, O),
        ],
        links: &[l(0, 1, S, &[]), l(0, 2, S, &[]), l(1, 4, S, &[3]), l(2, 4, S, &[3])] },
    Chain { id: ChainId::Ifl, key: "ifl", name: "Ipsilateral Functional Line",
        plain: "runs down one side, from the side of the back over the waist to the inner thigh and knee",
        sources: &["MYERS"],
        nodes: &[
            n(R::Lats, A), n(R::AbdomenSide, A), st(R::HipBoneFront, A), n(R::Adductors, A), n(R::KneeInner, A),
        ],
        links: &[l(0, 1, NR, &[]), l(1, 3, NR, &[2]), l(3, 4, NR, &[])] },
];

/// How a region-side is connected to a marked one: the chain, where it starts, the weakest
/// grade on the way and the number of hops. Shown by the UI as "why" and drawn on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    /// The chain.
    pub chain: ChainId,
    /// The marked region the path starts from.
    pub from: RegionId,
    /// Its side.
    pub from_side: Side,
    /// The listed region in between, for a two-hop path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<RegionId>,
    /// The weakest grade on the path.
    pub grade: Grade,
    /// 1 or 2.
    pub hops: u8,
}

impl ChainLink {
    /// The link ending at `to` as one sentence a lay reader can follow, e.g. "Anatomy
    /// studies find these areas connected: sole of foot (left) → calf, along the Superficial
    /// Back Line (a link confirmed in several anatomy studies)." The grade words say how well
    /// dissection studies confirm the link between the areas, not whether a treatment works.
    pub fn sentence(&self, to: RegionId) -> String {
        let name = |r: RegionId| r.def().name.to_lowercase();
        let mut parts = vec![match self.from_side {
            Side::Left => format!("{} (left)", name(self.from)),
            Side::Right => format!("{} (right)", name(self.from)),
            Side::Mid => name(self.from),
        }];
        if let Some(via) = self.via {
            parts.push(name(via));
        }
        parts.push(name(to));
        format!(
            "Anatomy studies find these areas connected: {}, along the {} ({}).",
            parts.join(" → "),
            self.chain.def().name,
            self.grade.words()
        )
    }

    /// The region-sides along the link, from the marked area to `to` (two, or three with
    /// `via`), with the side of `via` taken from the chain's own table: a line that crosses
    /// the midline puts it on the other side. `None` when the link does not fit the chain
    /// (a link made by hand, not by [`reach`]).
    pub fn path(&self, to: RegionSide) -> Option<Vec<RegionSide>> {
        let chain = self.chain.def();
        let listed = |region: RegionId| {
            chain
                .nodes
                .iter()
                .filter(move |n| n.region == region && n.kind == NodeKind::Listed)
        };
        // The side the walk started on: the one that puts both ends where they are.
        let start = [Side::Left, Side::Right].into_iter().find(|&a| {
            listed(self.from).any(|n| side_of(n, a) == self.from_side)
                && listed(to.region).any(|n| side_of(n, a) == to.side)
        })?;
        let from = RegionSide {
            region: self.from,
            side: self.from_side,
        };
        let mut path = vec![from];
        if let Some(via) = self.via {
            let node = listed(via).next()?;
            path.push(RegionSide {
                region: via,
                side: side_of(node, start),
            });
        }
        path.push(to);
        Some(path)
    }
}

/// One region-side reached from a seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reach {
    /// The region-side reached.
    pub target: RegionSide,
    /// Path weight (≥ [`MIN_WEIGHT`]).
    pub weight: f32,
    /// The path.
    pub link: ChainLink,
}

/// Calls `f` for every region-side within [`MAX_HOPS`] of `seed` along any chain whose path
/// weight is at least [`MIN_WEIGHT`]. The seed itself is never reported; a region-side may
/// be reported several times (once per path). Order is fixed by the table, so results are
/// deterministic. A seed whose side does not fit its region reaches nothing.
pub fn reach(seed: RegionSide, mut f: impl FnMut(Reach)) {
    for chain in CHAINS {
        for (i, node) in chain.nodes.iter().enumerate() {
            if node.region != seed.region || node.kind != NodeKind::Listed {
                continue;
            }
            match (node.rel, seed.side) {
                (Rel::Mid, Side::Mid) => {
                    walk(chain, i, Side::Left, seed, &mut f);
                    walk(chain, i, Side::Right, seed, &mut f);
                }
                (Rel::Same, s @ (Side::Left | Side::Right)) => walk(chain, i, s, seed, &mut f),
                (Rel::Opp, s @ (Side::Left | Side::Right)) => {
                    walk(chain, i, s.mirror(), seed, &mut f)
                }
                _ => {}
            }
        }
    }
}

fn other_end(link: &Link, at: usize) -> Option<usize> {
    if link.from as usize == at {
        Some(link.to as usize)
    } else if link.to as usize == at {
        Some(link.from as usize)
    } else {
        None
    }
}

fn side_of(node: &Node, a: Side) -> Side {
    match node.rel {
        Rel::Mid => Side::Mid,
        Rel::Same => a,
        Rel::Opp => a.mirror(),
    }
}

/// Walks at most two hops from node `start`, with side `a` for `Same` nodes.
fn walk(chain: &Chain, start: usize, a: Side, seed: RegionSide, f: &mut impl FnMut(Reach)) {
    let mut emit = |node: &Node, weight: f32, grade: Grade, hops: u8, via: Option<RegionId>| {
        let target = RegionSide {
            region: node.region,
            side: side_of(node, a),
        };
        if weight >= MIN_WEIGHT && target != seed {
            f(Reach {
                target,
                weight,
                link: ChainLink {
                    chain: chain.id,
                    from: seed.region,
                    from_side: seed.side,
                    via,
                    grade,
                    hops,
                },
            });
        }
    };
    for (k1, l1) in chain.links.iter().enumerate() {
        let Some(n1) = other_end(l1, start) else {
            continue;
        };
        let Some(node1) = chain.nodes.get(n1) else {
            continue;
        };
        let w1 = l1.grade.weight() * HOP_DECAY;
        emit(node1, w1, l1.grade, 1, None);
        // The best a second hop can do is a strong link: stop early when even that is too weak.
        if MAX_HOPS < 2 || w1 * HOP_DECAY < MIN_WEIGHT {
            continue;
        }
        for (k2, l2) in chain.links.iter().enumerate() {
            if k2 == k1 {
                continue;
            }
            let Some(n2) = other_end(l2, n1) else {
                continue;
            };
            if n2 == start {
                continue;
            }
            let Some(node2) = chain.nodes.get(n2) else {
                continue;
            };
            let w2 = w1 * l2.grade.weight() * HOP_DECAY;
            emit(node2, w2, l1.grade.weaker(l2.grade), 2, Some(node1.region));
        }
    }
}

/// The strongest path from `seed` to `target`, if any (first found wins a tie).
pub fn strongest(seed: RegionSide, target: RegionSide) -> Option<(f32, ChainLink)> {
    let mut best: Option<(f32, ChainLink)> = None;
    reach(seed, |r| {
        if r.target == target && best.is_none_or(|(w, _)| r.weight > w) {
            best = Some((r.weight, r.link));
        }
    });
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::source;
    use std::collections::HashSet;

    fn rs(region: RegionId, side: Side) -> RegionSide {
        RegionSide { region, side }
    }

    const GRADES: [Grade; 5] = [
        Grade::Strong,
        Grade::Moderate,
        Grade::Partial,
        Grade::NotReviewed,
        Grade::NoneVerified,
    ];

    #[test]
    fn grade_words_speak_of_anatomy_not_of_evidence() {
        for g in GRADES {
            let w = g.words();
            assert!(
                w.contains("anatomy"),
                "{g:?}: {w:?} does not say what it grades"
            );
            assert!(
                !w.contains("evidence"),
                "{g:?}: {w:?} reads like a treatment effect"
            );
            assert_eq!(
                w,
                w.to_lowercase(),
                "{g:?}: follows an opening bracket, lowercase"
            );
        }
    }

    #[test]
    fn only_grades_checked_in_studies_can_link_a_step() {
        // The UI and the explanation open with "Anatomy studies find these areas
        // connected": true only for links a study confirmed, at least in part.
        for g in GRADES {
            if g.weight() * HOP_DECAY >= MIN_WEIGHT {
                let w = g.words();
                assert!(w.contains("confirmed in") && !w.starts_with("not"), "{g:?}");
            }
        }
    }

    #[test]
    fn twelve_chains_in_id_order_with_unique_keys() {
        assert_eq!(CHAINS.len(), 12);
        let keys: HashSet<_> = CHAINS.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), 12);
        for (i, c) in CHAINS.iter().enumerate() {
            assert_eq!(c.id as usize, i, "{} out of place", c.key);
            assert_eq!(
                serde_json::to_string(&c.id).unwrap(),
                format!("\"{}\"", c.key)
            );
            for s in c.sources {
                assert!(source::exists(s), "{} cites unknown {s}", c.key);
            }
        }
    }

    #[test]
    fn node_sides_fit_laterality() {
        for c in CHAINS {
            for node in c.nodes {
                assert_eq!(
                    node.rel == Rel::Mid,
                    !node.region.def().is_bilateral(),
                    "{}: {}",
                    c.key,
                    node.region.key()
                );
            }
        }
    }

    #[test]
    fn links_join_listed_nodes_and_via_holds_only_landmarks() {
        for c in CHAINS {
            let last_end = c.links.iter().map(|l| l.to.max(l.from)).max().unwrap() as usize;
            let mut in_via = HashSet::new();
            let mut linked = HashSet::new();
            for l in c.links {
                assert!(l.from < l.to, "{}: link {}-{}", c.key, l.from, l.to);
                for end in [l.from, l.to] {
                    let node = &c.nodes[end as usize];
                    assert_eq!(node.kind, NodeKind::Listed, "{}: {}", c.key, end);
                    linked.insert(end as usize);
                }
                for v in l.via {
                    assert_ne!(c.nodes[*v as usize].kind, NodeKind::Listed, "{}", c.key);
                    in_via.insert(*v as usize);
                }
            }
            for (i, node) in c.nodes.iter().enumerate() {
                match node.kind {
                    NodeKind::Listed => assert!(linked.contains(&i), "{}: {i} unlinked", c.key),
                    _ => assert!(
                        in_via.contains(&i) || i > last_end,
                        "{}: landmark {i} is on no link",
                        c.key
                    ),
                }
            }
        }
    }

    #[test]
    fn grades_follow_section_2() {
        for c in CHAINS {
            let grades: HashSet<Grade> = c.links.iter().map(|l| l.grade).collect();
            let allowed: &[Grade] = match c.id {
                ChainId::Sbl => &[Grade::Strong, Grade::NotReviewed],
                ChainId::Sfl => &[Grade::NoneVerified],
                ChainId::Ll => &[Grade::Partial, Grade::NotReviewed],
                ChainId::Spl => &[Grade::Partial],
                ChainId::Bfl | ChainId::Ffl => &[Grade::Strong],
                _ => &[Grade::NotReviewed],
            };
            for g in grades {
                assert!(allowed.contains(&g), "{} has {g:?}", c.key);
            }
        }
        // The three verified SBL transitions are strong.
        let sbl = ChainId::Sbl.def();
        assert!(sbl.links[..3].iter().all(|l| l.grade == Grade::Strong));
    }

    #[test]
    fn path_weights_follow_section_2_1() {
        let calf = rs(RegionId::Calf, Side::Left);
        let (w, link) = strongest(calf, rs(RegionId::Hamstrings, Side::Left)).unwrap();
        assert!((w - 0.7).abs() < 1e-6);
        assert_eq!(
            (link.chain, link.grade, link.hops),
            (ChainId::Sbl, Grade::Strong, 1)
        );
        let sole = rs(RegionId::Sole, Side::Right);
        let (w, link) = strongest(sole, rs(RegionId::Hamstrings, Side::Right)).unwrap();
        assert!((w - 0.49).abs() < 1e-6);
        assert_eq!(link.via, Some(RegionId::Calf));
        // The BFL crosses: right lats reach the left buttock in two strong hops.
        let lats = rs(RegionId::Lats, Side::Right);
        let (w, link) = strongest(lats, rs(RegionId::GluteMax, Side::Left)).unwrap();
        assert!((w - 0.49).abs() < 1e-6);
        assert_eq!(link.chain, ChainId::Bfl);
        assert!(strongest(lats, rs(RegionId::GluteMax, Side::Right)).is_none());
        // The FFL crosses at the pubic bone.
        let chest = rs(RegionId::Chest, Side::Right);
        assert!(strongest(chest, rs(RegionId::Adductors, Side::Left)).is_some());
        // Partial lines reach one hop only.
        let outer = rs(RegionId::OuterThigh, Side::Left);
        let (w, _) = strongest(outer, rs(RegionId::Tfl, Side::Left)).unwrap();
        assert!((w - 0.28).abs() < 1e-6);
        assert!(strongest(outer, rs(RegionId::AbdomenSide, Side::Left)).is_none());
    }

    #[test]
    fn a_path_names_every_region_side_it_passes() {
        // Every link reach() makes has a path from its seed to its target, through `via`.
        for region in crate::domain::knowledge::region::REGIONS {
            for &side in region.sides() {
                let seed = rs(region.id, side);
                reach(seed, |r| {
                    let path = r.link.path(r.target).expect("a path for every reach");
                    assert_eq!(path.first(), Some(&seed));
                    assert_eq!(path.last(), Some(&r.target));
                    assert_eq!(path.len(), usize::from(r.link.hops) + 1);
                    if let Some(via) = r.link.via {
                        assert_eq!(path[1].region, via);
                        assert!(
                            via.def().accepts(path[1].side),
                            "{via:?} on {:?}",
                            path[1].side
                        );
                    }
                });
            }
        }
        // The sole reaches the back of the thigh through the calf, on the same side.
        let sole = rs(RegionId::Sole, Side::Right);
        let (_, link) = strongest(sole, rs(RegionId::Hamstrings, Side::Right)).unwrap();
        assert_eq!(
            link.path(rs(RegionId::Hamstrings, Side::Right)),
            Some(vec![
                sole,
                rs(RegionId::Calf, Side::Right),
                rs(RegionId::Hamstrings, Side::Right)
            ])
        );
        // The back functional line crosses at the sacrum, after the low back of the start side.
        let lats = rs(RegionId::Lats, Side::Right);
        let glute = rs(RegionId::GluteMax, Side::Left);
        let (_, link) = strongest(lats, glute).unwrap();
        assert_eq!(
            link.path(glute),
            Some(vec![lats, rs(RegionId::LowBackMuscles, Side::Right), glute])
        );
        // Walking it the other way round, the low back is on the glute's far side.
        let (_, back) = strongest(glute, lats).unwrap();
        assert_eq!(
            back.path(lats),
            Some(vec![glute, rs(RegionId::LowBackMuscles, Side::Right), lats])
        );
        // A link that does not fit its chain has no path.
        let odd = ChainLink {
            from: RegionId::Sole,
            ..link
        };
        assert_eq!(odd.path(rs(RegionId::GluteMax, Side::Left)), None);
    }

    #[test]
    fn weak_lines_do_not_propagate() {
        // SFL: nothing verified, weight 0.
        let quad = rs(RegionId::Quadriceps, Side::Left);
        assert!(strongest(quad, rs(RegionId::ShinMuscle, Side::Left)).is_none());
        assert!(strongest(quad, rs(RegionId::HipFlexor, Side::Left)).is_none());
        // DFL and the arm lines: not reviewed, 0.25 × 0.7 < 0.2.
        let sole = rs(RegionId::Sole, Side::Left);
        assert!(strongest(sole, rs(RegionId::CalfInnerEdge, Side::Left)).is_none());
        let bsb = rs(RegionId::BetweenShoulderBlades, Side::Left);
        assert!(strongest(bsb, rs(RegionId::ShoulderBlade, Side::Left)).is_none());
    }

    #[test]
    fn landmarks_and_the_seed_are_never_reached() {
        for seed in RegionSide::all() {
            reach(seed, |r| {
                assert_ne!(r.target, seed);
                assert!(r.weight >= MIN_WEIGHT);
                assert!(r.link.hops >= 1 && r.link.hops <= MAX_HOPS);
                assert!(r.target.region.def().accepts(r.target.side));
                let chain = r.link.chain.def();
                assert!(
                    chain
                        .nodes
                        .iter()
                        .any(|n| n.kind == NodeKind::Listed && n.region == r.target.region),
                    "{} reached as a landmark",
                    r.target.region.key()
                );
            });
        }
    }

    #[test]
    fn reach_is_mirror_symmetric() {
        for seed in RegionSide::all() {
            let mut a = Vec::new();
            reach(seed, |r| a.push((r.target.mirror(), r.weight)));
            let mut b = Vec::new();
            reach(seed.mirror(), |r| b.push((r.target, r.weight)));
            let mut a: Vec<_> = a
                .into_iter()
                .map(|(t, w)| (t, (w * 1000.0) as u32))
                .collect();
            let mut b: Vec<_> = b
                .into_iter()
                .map(|(t, w)| (t, (w * 1000.0) as u32))
                .collect();
            a.sort();
            b.sort();
            assert_eq!(a, b, "{:?}", seed);
        }
    }
}
