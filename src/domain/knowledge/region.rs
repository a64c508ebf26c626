//! The region catalogue (knowledge base §1): every place a person can tap on the body map.
//!
//! A region is a base id (`quadriceps`); a *bilateral* region exists once per side of the
//! person (`quadriceps` left and right), a *midline* region once (`sternum`, side `mid`).
//! Left and right are always the **person's own** sides, never the viewer's.
//!
//! The table is typed data, not JSON read at run time. Editing rules, enforced by the tests
//! at the bottom of this file:
//! - one row per base id, in catalogue order, and `REGIONS[i].id as usize == i`;
//! - `key` is the snake_case id of the catalogue; it is what storage, links and the engine's
//!   JSON use, so renaming a key needs a storage migration;
//! - every row is in at least one view; pressure `none` rows are never targets;
//! - the counts of the catalogue hold: 71 ids, 59 bilateral, 12 midline, 27 targets,
//!   43 in each view, 34 with pressure `none`;
//! - **rows are append-only**: share links carry a region as its index in this catalogue
//!   (`crate::domain::persistence::link`), so reordering or removing a row would change what
//!   every link already sent means. Add new regions at the end.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which drawing of the body a region appears on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Seen from the front.
    Front,
    /// Seen from behind.
    Back,
}

/// Whether a region exists once per side or once in the middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Laterality {
    /// One instance per side: `_left` and `_right`.
    Bilateral,
    /// One instance on the midline.
    Midline,
}

/// The person's own side of a region instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The person's left.
    Left,
    /// The person's right.
    Right,
    /// A midline region.
    Mid,
}

impl Side {
    /// The other side (`mid` stays `mid`).
    pub const fn mirror(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
            Side::Mid => Side::Mid,
        }
    }

    /// The lowercase key used in JSON and storage.
    pub const fn key(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Mid => "mid",
        }
    }

    /// Parses `left`, `right` or `mid`.
    pub fn from_key(s: &str) -> Option<Side> {
        match s {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            "mid" => Some(Side::Mid),
            _ => None,
        }
    }
}

/// Static safety class of a region (§1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pressure {
    /// Direct tool pressure is allowed, subject to condition rules.
    Ok,
    /// Only light, static or slow pressure with a soft tool.
    Gentle,
    /// No direct pressure, ever: the engine never prescribes a tool here.
    None,
}

/// What the engine may do with a region (§1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The engine may prescribe work here.
    Target,
    /// Marks feed inference but the region is never worked (for example the low back).
    Symptom,
    /// Map-only landmark and chain node; never worked.
    Map,
}

/// One row of the catalogue.
#[derive(Debug)]
pub struct RegionDef {
    /// Typed id.
    pub id: RegionId,
    /// Catalogue id as written in JSON, storage and links.
    pub key: &'static str,
    /// Plain-language name shown to the person.
    pub name: &'static str,
    /// Views the region is drawn on (side structures are on both).
    pub views: &'static [View],
    /// One per side, or one on the midline.
    pub laterality: Laterality,
    /// Static pressure class.
    pub pressure: Pressure,
    /// Target, symptom site or map landmark.
    pub role: Role,
}

impl RegionDef {
    /// True for regions with a left and a right instance.
    pub const fn is_bilateral(&self) -> bool {
        matches!(self.laterality, Laterality::Bilateral)
    }

    /// The safety line the editor shows while this region is rated: its caution, for regions
    /// that are not plain targets for pressure (an avoid or gentle-only area, a joint, a bone);
    /// `None` for the others. The app's editor and the loading page's (index.html, written by
    /// `tests/boot_figure.rs`) both show this.
    pub fn editor_caution(&self) -> Option<&'static str> {
        let c = self.id.caution();
        (!c.is_empty() && (self.pressure != Pressure::Ok || self.role != Role::Target)).then_some(c)
    }

    /// The sides this region has: `[Left, Right]` or `[Mid]`.
    pub const fn sides(&self) -> &'static [Side] {
        match self.laterality {
            Laterality::Bilateral => &[Side::Left, Side::Right],
            Laterality::Midline => &[Side::Mid],
        }
    }

    /// True when `side` fits this region (left/right on bilateral, mid on midline).
    pub const fn accepts(&self, side: Side) -> bool {
        match self.laterality {
            Laterality::Bilateral => !matches!(side, Side::Mid),
            Laterality::Midline => matches!(side, Side::Mid),
        }
    }

    /// True when the region is drawn on `view`.
    pub fn in_view(&self, view: View) -> bool {
        self.views.contains(&view)
    }
}

/// Typed base id of every region in the catalogue, in catalogue order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionId {
    /// Top and back of head
    Scalp,
    /// Forehead and brow
    ForeheadBrow,
    /// Jaw and temple
    JawTemple,
    /// Front of neck
    NeckFront,
    /// Side of neck
    NeckSide,
    /// Back of neck
    NeckBack,
    /// Neck spine
    CervicalSpine,
    /// Base of skull
    Suboccipital,
    /// Collarbone
    Collarbone,
    /// Upper chest
    UpperChest,
    /// Chest
    Chest,
    /// Breastbone
    Sternum,
    /// Front of shoulder
    ShoulderFront,
    /// Armpit
    Armpit,
    /// Side of rib cage
    SideRibs,
    /// Lower front ribs
    LowerRibsFront,
    /// Front of upper arm
    UpperArmFront,
    /// Inner upper arm
    UpperArmInner,
    /// Outer upper arm
    UpperArmOuter,
    /// Elbow crease
    ElbowFront,
    /// Inner forearm
    ForearmFront,
    /// Inner wrist
    WristFront,
    /// Palm
    Palm,
    /// Upper belly
    UpperAbdomen,
    /// Lower belly
    LowerAbdomen,
    /// Waist
    AbdomenSide,
    /// Front hip bone
    HipBoneFront,
    /// Front of hip
    HipFlexor,
    /// Front-outer hip
    Tfl,
    /// Groin crease
    Groin,
    /// Pubic bone
    Pubic,
    /// Front of thigh
    Quadriceps,
    /// Inner thigh
    Adductors,
    /// Outer thigh
    OuterThigh,
    /// Kneecap
    Kneecap,
    /// Inner knee
    KneeInner,
    /// Outer knee
    KneeOuter,
    /// Shin bone
    ShinBone,
    /// Shin muscle
    ShinMuscle,
    /// Outer lower leg
    LowerLegOuter,
    /// Front of ankle
    AnkleFront,
    /// Ankle bones
    AnkleBones,
    /// Top of foot
    FootTop,
    /// Top of shoulder
    UpperTrapezius,
    /// Between the shoulder blades
    BetweenShoulderBlades,
    /// Shoulder blade
    ShoulderBlade,
    /// Back of shoulder
    ShoulderBack,
    /// Side of back (lats)
    Lats,
    /// Mid-back spine
    ThoracicSpine,
    /// Lower back ribs
    LowerRibsBack,
    /// Low-back spine
    LumbarSpine,
    /// Low-back muscles
    LowBackMuscles,
    /// Flank above the pelvis
    QlFlank,
    /// Sacrum (flat bone at the base of the spine)
    Sacrum,
    /// Tailbone
    Tailbone,
    /// Buttock
    GluteMax,
    /// Upper-outer buttock
    GluteMed,
    /// Deep buttock (piriformis)
    DeepGlute,
    /// Outer hip bone
    HipOuterBone,
    /// Sitting bone
    SitBone,
    /// Back of thigh
    Hamstrings,
    /// Back of knee
    BackOfKnee,
    /// Calf
    Calf,
    /// Inner edge of calf
    CalfInnerEdge,
    /// Achilles tendon
    Achilles,
    /// Heel
    Heel,
    /// Sole of foot
    Sole,
    /// Back of upper arm
    UpperArmBack,
    /// Point of elbow
    ElbowBack,
    /// Outer forearm
    ForearmBack,
    /// Back of hand
    HandBack,
}

impl RegionId {
    /// Every region in catalogue order.
    pub fn all() -> impl Iterator<Item = RegionId> {
        REGIONS.iter().map(|d| d.id)
    }

    /// The catalogue row of this region.
    pub fn def(self) -> &'static RegionDef {
        // The table test guarantees REGIONS[i].id as usize == i for every variant.
        &REGIONS[self as usize]
    }

    /// The catalogue key (`"quadriceps"`).
    pub fn key(self) -> &'static str {
        self.def().key
    }

    /// One plain sentence on why pressure is restricted here; empty when it is not.
    ///
    /// Kept out of [`RegionDef`]: the map of the first download needs the names, not these
    /// (only the editor sheet and the plan show them, and they come later).
    pub const fn caution(self) -> &'static str {
        match self {
            RegionId::Scalp => "Not a place for a roller or ball.",
            RegionId::ForeheadBrow => "Face: light touch with the hands only.",
            RegionId::JawTemple => "Face: hands only, light touch.",
            RegionId::NeckFront => "Airway and major blood vessels: never press here.",
            RegionId::NeckSide => "Major blood vessels and arm nerves run here: never press.",
            RegionId::NeckBack => "No roller on the neck; hands only, gently.",
            RegionId::CervicalSpine => "Bony spine: never press on it.",
            RegionId::Suboccipital => "Soft ball only, lying down, no rolling.",
            RegionId::Collarbone => "Bone: nothing to release here.",
            RegionId::UpperChest => "Close to the armpit nerves: light pressure only.",
            RegionId::Chest => "Keep off breast tissue.",
            RegionId::Sternum => "Bone: nothing to release here.",
            RegionId::ShoulderFront => "Stay off the joint itself.",
            RegionId::Armpit => "Nerves and blood vessels to the arm: never press.",
            RegionId::SideRibs => "Ribs: no self-release technique here.",
            RegionId::LowerRibsFront => "Lower ribs are never rolled.",
            RegionId::UpperArmInner => "Main artery and nerves of the arm: never press.",
            RegionId::UpperArmOuter => "A nerve runs close to the bone here: gentle only.",
            RegionId::ElbowFront => "Nerves and vessels in the crease: never press.",
            RegionId::WristFront => "A nerve runs through the wrist: never press.",
            RegionId::Palm => "Gentle pressure only.",
            RegionId::UpperAbdomen => "Organs and a main artery: never press.",
            RegionId::LowerAbdomen => "Organs: never press.",
            RegionId::AbdomenSide => "Organs and kidneys: never press.",
            RegionId::HipBoneFront => "Bone: nothing to release here.",
            RegionId::HipFlexor => "Gentle only; move off at once if you feel a pulse.",
            RegionId::Groin => "Major blood vessels in the groin: never press.",
            RegionId::Pubic => "Bone: nothing to release here.",
            RegionId::Adductors => "The top third near the groin is gentle only.",
            RegionId::OuterThigh => "Press and hold, do not roll; stay above the knee.",
            RegionId::Kneecap => "Joint: never press.",
            RegionId::KneeInner => "Joint: never press.",
            RegionId::KneeOuter => "Joint and a nerve near the bone: never press.",
            RegionId::ShinBone => "Bone: keep off it.",
            RegionId::AnkleFront => "Joint and tendons: never press.",
            RegionId::AnkleBones => "Bone: keep off it.",
            RegionId::FootTop => "Thin tissue: fingers only, gently.",
            RegionId::ShoulderBack => "Stay off the joint; no self-release technique here.",
            RegionId::ThoracicSpine => "Bony spine: no ball on it.",
            RegionId::LowerRibsBack => "Lower ribs with kidneys below: never pressed.",
            RegionId::LumbarSpine => "Low-back spine: never pressed.",
            RegionId::LowBackMuscles => {
                "The low back is never rolled: it is the alarm, not the cause."
            }
            RegionId::QlFlank => "Never rolled: the low back is the alarm, not the cause.",
            RegionId::Sacrum => "Bone: nothing to release here.",
            RegionId::Tailbone => "Bone: nothing to release here.",
            RegionId::DeepGlute => "A large nerve runs here: gentle only, stop at any tingling.",
            RegionId::HipOuterBone => "Bone and bursa: keep off it.",
            RegionId::SitBone => "Bone: keep off it.",
            RegionId::BackOfKnee => "Artery, vein and nerve behind the knee: never press.",
            RegionId::CalfInnerEdge => "Deep vessels: gentle only.",
            RegionId::Achilles => "Tendon: no rolling.",
            RegionId::Heel => "Bone: nothing to release here.",
            RegionId::ElbowBack => "Bone and a nerve: keep off it.",
            RegionId::HandBack => "Gentle touch only.",
            _ => "",
        }
    }

    /// Looks a key up; `None` for anything that is not a catalogue id.
    pub fn from_key(key: &str) -> Option<RegionId> {
        REGIONS.iter().find(|d| d.key == key).map(|d| d.id)
    }

    /// Position in the catalogue, used as the last tie-breaker in plan ordering.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Serialize for RegionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for RegionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = std::borrow::Cow::<'de, str>::deserialize(d)?;
        RegionId::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown region id `{key}`")))
    }
}

/// One tappable instance: a region on one side of the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RegionSide {
    /// The base region.
    pub region: RegionId,
    /// The person's side (`mid` for midline regions).
    pub side: Side,
}

impl RegionSide {
    /// Builds an instance; `None` when the side does not fit the region.
    pub fn new(region: RegionId, side: Side) -> Option<RegionSide> {
        region
            .def()
            .accepts(side)
            .then_some(RegionSide { region, side })
    }

    /// The same region on the other side of the body.
    pub fn mirror(self) -> RegionSide {
        RegionSide {
            region: self.region,
            side: self.side.mirror(),
        }
    }

    /// Every region instance of the catalogue (130), in catalogue order, left before right.
    pub fn all() -> impl Iterator<Item = RegionSide> {
        REGIONS.iter().flat_map(|d| {
            d.sides()
                .iter()
                .map(move |&side| RegionSide { region: d.id, side })
        })
    }

    /// A short label such as "Calf, your left" or "Breastbone".
    pub fn label(self) -> String {
        let name = self.region.def().name;
        match self.side {
            Side::Left => format!("{name}, your left"),
            Side::Right => format!("{name}, your right"),
            Side::Mid => name.to_string(),
        }
    }
}

/// The catalogue, in catalogue order (§1.2 of the knowledge base).
#[rustfmt::skip]
pub const REGIONS: &[RegionDef] = &[
    RegionDef { id: RegionId::Scalp, key: "scalp", name: "Top and back of head", views: &[View::Front, View::Back], laterality: Laterality::Midline, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::ForeheadBrow, key: "forehead_brow", name: "Forehead and brow", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::JawTemple, key: "jaw_temple", name: "Jaw and temple", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::NeckFront, key: "neck_front", name: "Front of neck", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::NeckSide, key: "neck_side", name: "Side of neck", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::NeckBack, key: "neck_back", name: "Back of neck", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::CervicalSpine, key: "cervical_spine", name: "Neck spine", views: &[View::Back], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Suboccipital, key: "suboccipital", name: "Base of skull", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::Collarbone, key: "collarbone", name: "Collarbone", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::UpperChest, key: "upper_chest", name: "Upper chest", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::Chest, key: "chest", name: "Chest", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::Sternum, key: "sternum", name: "Breastbone", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::ShoulderFront, key: "shoulder_front", name: "Front of shoulder", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::Armpit, key: "armpit", name: "Armpit", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::SideRibs, key: "side_ribs", name: "Side of rib cage", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::LowerRibsFront, key: "lower_ribs_front", name: "Lower front ribs", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::UpperArmFront, key: "upper_arm_front", name: "Front of upper arm", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::UpperArmInner, key: "upper_arm_inner", name: "Inner upper arm", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::UpperArmOuter, key: "upper_arm_outer", name: "Outer upper arm", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::ElbowFront, key: "elbow_front", name: "Elbow crease", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::ForearmFront, key: "forearm_front", name: "Inner forearm", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::WristFront, key: "wrist_front", name: "Inner wrist", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Palm, key: "palm", name: "Palm", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::UpperAbdomen, key: "upper_abdomen", name: "Upper belly", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::LowerAbdomen, key: "lower_abdomen", name: "Lower belly", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::AbdomenSide, key: "abdomen_side", name: "Waist", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::HipBoneFront, key: "hip_bone_front", name: "Front hip bone", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::HipFlexor, key: "hip_flexor", name: "Front of hip", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::Tfl, key: "tfl", name: "Front-outer hip", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::Groin, key: "groin", name: "Groin crease", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Pubic, key: "pubic", name: "Pubic bone", views: &[View::Front], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Quadriceps, key: "quadriceps", name: "Front of thigh", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::Adductors, key: "adductors", name: "Inner thigh", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::OuterThigh, key: "outer_thigh", name: "Outer thigh", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::Kneecap, key: "kneecap", name: "Kneecap", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::KneeInner, key: "knee_inner", name: "Inner knee", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::KneeOuter, key: "knee_outer", name: "Outer knee", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::ShinBone, key: "shin_bone", name: "Shin bone", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::ShinMuscle, key: "shin_muscle", name: "Shin muscle", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::LowerLegOuter, key: "lower_leg_outer", name: "Outer lower leg", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::AnkleFront, key: "ankle_front", name: "Front of ankle", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::AnkleBones, key: "ankle_bones", name: "Ankle bones", views: &[View::Front, View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::FootTop, key: "foot_top", name: "Top of foot", views: &[View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::UpperTrapezius, key: "upper_trapezius", name: "Top of shoulder", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::BetweenShoulderBlades, key: "between_shoulder_blades", name: "Between the shoulder blades", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::ShoulderBlade, key: "shoulder_blade", name: "Shoulder blade", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::ShoulderBack, key: "shoulder_back", name: "Back of shoulder", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::Lats, key: "lats", name: "Side of back (lats)", views: &[View::Back, View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::ThoracicSpine, key: "thoracic_spine", name: "Mid-back spine", views: &[View::Back], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::LowerRibsBack, key: "lower_ribs_back", name: "Lower back ribs", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::LumbarSpine, key: "lumbar_spine", name: "Low-back spine", views: &[View::Back], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Symptom },
    RegionDef { id: RegionId::LowBackMuscles, key: "low_back_muscles", name: "Low-back muscles", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Symptom },
    RegionDef { id: RegionId::QlFlank, key: "ql_flank", name: "Flank above the pelvis", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Symptom },
    RegionDef { id: RegionId::Sacrum, key: "sacrum", name: "Sacrum (flat bone at the base of the spine)", views: &[View::Back], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Tailbone, key: "tailbone", name: "Tailbone", views: &[View::Back], laterality: Laterality::Midline, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::GluteMax, key: "glute_max", name: "Buttock", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::GluteMed, key: "glute_med", name: "Upper-outer buttock", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::DeepGlute, key: "deep_glute", name: "Deep buttock (piriformis)", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::HipOuterBone, key: "hip_outer_bone", name: "Outer hip bone", views: &[View::Back, View::Front], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::SitBone, key: "sit_bone", name: "Sitting bone", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Hamstrings, key: "hamstrings", name: "Back of thigh", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::BackOfKnee, key: "back_of_knee", name: "Back of knee", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Calf, key: "calf", name: "Calf", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::CalfInnerEdge, key: "calf_inner_edge", name: "Inner edge of calf", views: &[View::Back, View::Front], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Target },
    RegionDef { id: RegionId::Achilles, key: "achilles", name: "Achilles tendon", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
    RegionDef { id: RegionId::Heel, key: "heel", name: "Heel", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::Sole, key: "sole", name: "Sole of foot", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::UpperArmBack, key: "upper_arm_back", name: "Back of upper arm", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::ElbowBack, key: "elbow_back", name: "Point of elbow", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::None, role: Role::Map },
    RegionDef { id: RegionId::ForearmBack, key: "forearm_back", name: "Outer forearm", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Ok, role: Role::Target },
    RegionDef { id: RegionId::HandBack, key: "hand_back", name: "Back of hand", views: &[View::Back], laterality: Laterality::Bilateral, pressure: Pressure::Gentle, role: Role::Map },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_index_matches_enum_discriminant() {
        for (i, d) in REGIONS.iter().enumerate() {
            assert_eq!(d.id as usize, i, "{} is out of place", d.key);
        }
    }

    #[test]
    fn every_catalogue_id_is_present_exactly_once() {
        let keys: HashSet<_> = REGIONS.iter().map(|d| d.key).collect();
        assert_eq!(keys.len(), REGIONS.len());
        assert_eq!(REGIONS.len(), 71);
    }

    #[test]
    fn catalogue_counts_hold() {
        let bi = REGIONS.iter().filter(|d| d.is_bilateral()).count();
        assert_eq!((bi, REGIONS.len() - bi), (59, 12));
        assert_eq!(
            REGIONS.iter().filter(|d| d.role == Role::Target).count(),
            27
        );
        assert_eq!(
            REGIONS
                .iter()
                .filter(|d| d.pressure == Pressure::None)
                .count(),
            34
        );
        assert_eq!(
            REGIONS.iter().filter(|d| d.in_view(View::Front)).count(),
            43
        );
        assert_eq!(REGIONS.iter().filter(|d| d.in_view(View::Back)).count(), 43);
        let both = REGIONS.iter().filter(|d| d.views.len() == 2).count();
        assert_eq!(both, 15);
        assert_eq!(RegionSide::all().count(), 130);
    }

    #[test]
    fn tap_areas_per_view_match_the_catalogue() {
        let per_view = |v| {
            RegionSide::all()
                .filter(|rs| rs.region.def().in_view(v))
                .count()
        };
        assert_eq!(per_view(View::Front), 79);
        assert_eq!(per_view(View::Back), 80);
    }

    #[test]
    fn no_pressure_region_is_ever_a_target() {
        for d in REGIONS {
            if d.pressure == Pressure::None {
                assert_ne!(d.role, Role::Target, "{}", d.key);
                assert!(!d.id.caution().is_empty(), "{} needs a caution", d.key);
            }
        }
    }

    #[test]
    fn the_editor_shows_a_safety_line_for_every_area_not_plainly_pressed() {
        for d in REGIONS {
            let plain = d.pressure == Pressure::Ok && d.role == Role::Target;
            assert_eq!(d.editor_caution().is_none(), plain, "{}", d.key);
        }
        assert_eq!(
            RegionId::NeckFront.def().editor_caution(),
            Some(RegionId::NeckFront.caution())
        );
    }

    #[test]
    fn keys_round_trip_through_serde() {
        for id in RegionId::all() {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.key()));
            assert_eq!(serde_json::from_str::<RegionId>(&json).unwrap(), id);
        }
        assert!(serde_json::from_str::<RegionId>("\"elbow_nose\"").is_err());
    }

    #[test]
    fn sides_fit_laterality() {
        let quad = RegionId::Quadriceps.def();
        assert!(quad.accepts(Side::Left) && !quad.accepts(Side::Mid));
        let sternum = RegionId::Sternum.def();
        assert!(sternum.accepts(Side::Mid) && !sternum.accepts(Side::Right));
        assert!(RegionSide::new(RegionId::Sternum, Side::Left).is_none());
    }

    #[test]
    fn names_are_plain_and_unique() {
        let names: HashSet<_> = REGIONS.iter().map(|d| d.name).collect();
        assert_eq!(names.len(), REGIONS.len());
        for d in REGIONS {
            assert!(d.name.len() <= 48, "{} name too long", d.key);
        }
    }
}
