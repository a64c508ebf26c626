//! The message catalogue (knowledge base §7.3): the notes and banners a plan can carry.
//!
//! A plan lists message ids only; the UI shows [`text`] for each. Keeping the wording here,
//! next to the rule and source it comes from, means a reviewer can check all user-facing
//! advice in one place, and the engine's tests can check ids without comparing prose.
//!
//! All text is written in our own plain words for a lay reader (no copying from the seed
//! articles). Editing rules, enforced by the tests at the bottom of this file:
//! - `MESSAGES[i].id as usize == i`; the serde id equals [`MessageId::key`] and is exactly
//!   the id of §7.3 (`breathing_426`, `explain_X1`, …);
//! - every message has non-empty text (one paragraph, no line breaks, at most 400 bytes),
//!   at least one source key that exists in [`crate::domain::knowledge::source`], and rule ids that
//!   exist;
//! - at most 64 messages (the engine collects them in a `u64` bit set).

use crate::domain::knowledge::rule::RuleId;
use serde::{Deserialize, Serialize};

/// Id of a message, serialized exactly as in §7.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MessageId {
    /// A red-emergency answer: message E.
    #[serde(rename = "stop_emergency")]
    StopEmergency,
    /// A red-urgent answer: message U.
    #[serde(rename = "stop_urgent")]
    StopUrgent,
    /// An amber answer: banner A.
    #[serde(rename = "amber_check")]
    AmberCheck,
    /// Low back pain: the back is the alarm.
    #[serde(rename = "back_is_alarm")]
    BackIsAlarm,
    /// Low back pain with unmapped leg areas.
    #[serde(rename = "map_legs_first")]
    MapLegsFirst,
    /// Marked pairs show no left/right difference.
    #[serde(rename = "no_lr_difference")]
    NoLrDifference,
    /// Acute flare: glutes later.
    #[serde(rename = "glutes_later")]
    GlutesLater,
    /// A low-back, spine or rib mark was left out.
    #[serde(rename = "no_direct_low_back")]
    NoDirectLowBack,
    /// The 4-2-6 breathing cue.
    #[serde(rename = "breathing_426")]
    Breathing426,
    /// A breathing minute first.
    #[serde(rename = "breathing_first")]
    BreathingFirst,
    /// Stop on sharp pain.
    #[serde(rename = "stop_on_sharp_pain")]
    StopOnSharpPain,
    /// Check with a doctor.
    #[serde(rename = "check_with_doctor")]
    CheckWithDoctor,
    /// Osteoporosis caution.
    #[serde(rename = "osteoporosis_caution")]
    OsteoporosisCaution,
    /// Osteoporosis with low back pain: ask about falls and height loss.
    #[serde(rename = "fall_height_loss_question")]
    FallHeightLossQuestion,
    /// Fibromyalgia: gentle and short.
    #[serde(rename = "fibromyalgia_gentle")]
    FibromyalgiaGentle,
    /// Blood thinners: light pressure.
    #[serde(rename = "blood_thinners_light")]
    BloodThinnersLight,
    /// Blood pressure: move slowly.
    #[serde(rename = "blood_pressure_slow")]
    BloodPressureSlow,
    /// Joint replacement caution.
    #[serde(rename = "joint_replacement_caution")]
    JointReplacementCaution,
    /// Previous surgery: check with the surgeon.
    #[serde(rename = "surgery_check")]
    SurgeryCheck,
    /// Hip or spine surgery: stability work with a physiotherapist.
    #[serde(rename = "stability_with_pt")]
    StabilityWithPt,
    /// No floor: alternatives.
    #[serde(rename = "no_floor_alternatives")]
    NoFloorAlternatives,
    /// A local finding needs a clinician.
    #[serde(rename = "see_clinician_local")]
    SeeClinicianLocal,
    /// Stress and tension (preliminary).
    #[serde(rename = "stress_tension")]
    StressTension,
    /// Explanatory link X1 (hamstrings and pelvis).
    #[serde(rename = "explain_X1")]
    ExplainX1,
    /// Explanatory link X2 (hip flexors, quads and pelvis).
    #[serde(rename = "explain_X2")]
    ExplainX2,
    /// Explanatory link X3 (glutes and hip mobility).
    #[serde(rename = "explain_X3")]
    ExplainX3,
    /// Explanatory link X4 (low-back fascia).
    #[serde(rename = "explain_X4")]
    ExplainX4,
    /// Explanatory link X5 (soles and calves).
    #[serde(rename = "explain_X5")]
    ExplainX5,
    /// Explanatory link X6 (stress); §3.10 rule 19 says it is not used.
    #[serde(rename = "explain_X6")]
    ExplainX6,
    /// The thoracic roller variant is not used.
    #[serde(rename = "thoracic_roller_excluded")]
    ThoracicRollerExcluded,
    /// Long holds asked for but capped.
    #[serde(rename = "hold_capped")]
    HoldCapped,
    /// Stay active.
    #[serde(rename = "stay_active")]
    StayActive,
    /// An area was released about six times without a lasting change (L11, from the
    /// person's own history).
    #[serde(rename = "no_change_see_physio")]
    NoChangeSeePhysio,
}

impl MessageId {
    /// Every message id, in catalogue order.
    pub fn all() -> impl Iterator<Item = MessageId> {
        MESSAGES.iter().map(|m| m.id)
    }

    /// The catalogue row of this message.
    pub fn def(self) -> &'static Message {
        // The table test guarantees MESSAGES[i].id as usize == i for every variant.
        &MESSAGES[self as usize]
    }

    /// The §7.3 id (`"breathing_426"`).
    pub fn key(self) -> &'static str {
        self.def().key
    }

    /// Looks an id up by its key.
    pub fn from_key(key: &str) -> Option<MessageId> {
        MESSAGES.iter().find(|m| m.key == key).map(|m| m.id)
    }

    /// Bit of this message in a `u64` message set.
    pub const fn bit(self) -> u64 {
        1u64 << (self as u32)
    }

    /// The plain-language text.
    pub fn text(self) -> &'static str {
        self.def().text
    }
}

/// One catalogue row.
#[derive(Debug)]
pub struct Message {
    /// Typed id.
    pub id: MessageId,
    /// The §7.3 id.
    pub key: &'static str,
    /// Plain-language text shown to the person.
    pub text: &'static str,
    /// Rules this message carries out.
    pub rules: &'static [RuleId],
    /// Source keys.
    pub sources: &'static [&'static str],
}

/// The plain-language text of a message, for a plan with leg steps (see [`text_for`]).
pub fn text(id: MessageId) -> &'static str {
    id.text()
}

/// The text of a message in a plan that has leg steps or not (§3.11: the low-back messages
/// speak of working the legs only when the plan does). Use this for a plan on screen.
pub fn text_for(id: MessageId, leg_steps: bool) -> &'static str {
    match (id, leg_steps) {
        (MessageId::BackIsAlarm, false) => "Your low back is most likely sounding the alarm rather than being the cause: it often tightens because tissue elsewhere, most often in the legs, pulls on it. The back itself is left alone.",
        (MessageId::NoDirectLowBack, false) => "Nothing here presses on your low back, flank, spine or lower ribs: there is little padding and many nerves there, and pressure can make the pain worse. Tightness there is read as a warning sign.",
        _ => id.text(),
    }
}

/// The catalogue, in `MessageId` order.
#[rustfmt::skip]
pub const MESSAGES: &[Message] = &[
    Message { id: MessageId::StopEmergency, key: "stop_emergency", rules: &[RuleId::G1], sources: &["CES-NHS", "NG59", "CKS"],
        text: "Please stop here. What you ticked can be a sign of a nerve or blood-vessel emergency that needs help today. Go to an emergency department or call your local emergency number now. Leave the roller and ball alone until a doctor has examined you." },
    Message { id: MessageId::StopUrgent, key: "stop_urgent", rules: &[RuleId::G1, RuleId::G6], sources: &["NG59", "RF-LISTS", "BARTSCH21"],
        text: "Please don't start self-release yet. With what you ticked, a doctor should first rule out causes such as a clot, an infection or a broken bone. Contact your doctor or an urgent care service within the next 24 hours. Most back pain is harmless, but these signs need a check first." },
    Message { id: MessageId::AmberCheck, key: "amber_check", rules: &[RuleId::G2], sources: &["NG65", "RF-LISTS", "D"],
        text: "You can try the gentle plan below, but please book an appointment with your doctor or physiotherapist about what you ticked. If anything gets worse, stop and get help." },
    Message { id: MessageId::BackIsAlarm, key: "back_is_alarm", rules: &[RuleId::L1], sources: &["S004"],
        text: "Your low back is most likely sounding the alarm rather than being the cause. It often tightens because tissue in the legs pulls on it, so this plan works on your legs and leaves your back alone." },
    Message { id: MessageId::MapLegsFirst, key: "map_legs_first", rules: &[RuleId::L2], sources: &["S004"],
        text: "Some leg areas are not checked yet. Press into the front of each thigh and hip, the inner thigh, the outer thigh and the back of the thigh, compare your left leg with your right and the front with the back, and mark what you find." },
    Message { id: MessageId::NoLrDifference, key: "no_lr_difference", rules: &[RuleId::L3], sources: &["S004", "D"],
        text: "Your left and right sides feel the same, so both get equal time today. At your next check, compare the front of your legs with the back instead." },
    Message { id: MessageId::GlutesLater, key: "glutes_later", rules: &[RuleId::L7, RuleId::R4], sources: &["S004"],
        text: "The buttock and outer hip areas are left out while your back is flaring up. Add them back once the flare has calmed down." },
    Message { id: MessageId::NoDirectLowBack, key: "no_direct_low_back", rules: &[RuleId::G3, RuleId::L8, RuleId::R1], sources: &["S004", "FIJAVZ24", "OZSOY19"],
        text: "Nothing here presses on your low back, flank, spine or lower ribs: there is little padding and many nerves there, and pressure can make the pain worse. Tightness there is read as a warning sign, and which side of your legs goes first is decided from your leg marks, not from your back." },
    Message { id: MessageId::Breathing426, key: "breathing_426", rules: &[RuleId::B1], sources: &["S000"],
        text: "While you work, breathe in while counting to 4, pause for 2, then let the air out slowly over 6. Let the tool sink in a little more on each out-breath, and don't hold your breath." },
    Message { id: MessageId::BreathingFirst, key: "breathing_first", rules: &[RuleId::B2], sources: &["S000", "D"],
        text: "Begin with one quiet minute of slow breathing before the first area: in for 4, hold for 2, out for 6." },
    Message { id: MessageId::StopOnSharpPain, key: "stop_on_sharp_pain", rules: &[RuleId::G7], sources: &["S000"],
        text: "It should feel like a firm massage, never like sharp pain. If you feel sharp, burning or electric pain, or pins and needles, stop that area and use less pressure; skip it if the feeling keeps coming back." },
    Message { id: MessageId::CheckWithDoctor, key: "check_with_doctor", rules: &[RuleId::G8], sources: &["S000"],
        text: "If you have a health condition, take medicines regularly or are unsure, ask your doctor before you start." },
    Message { id: MessageId::OsteoporosisCaution, key: "osteoporosis_caution", rules: &[RuleId::C1], sources: &["S000", "BHOF"],
        text: "With osteoporosis: use only soft tools on well-padded muscle, keep all pressure off your spine, ribs and hip bones, and don't bend forward or twist while you work." },
    Message { id: MessageId::FallHeightLossQuestion, key: "fall_height_loss_question", rules: &[RuleId::C1], sources: &["BHOF", "RF-LISTS"],
        text: "Have you fallen recently, or got shorter? With osteoporosis and back pain, tell your doctor, because it can point to a small break in the spine." },
    Message { id: MessageId::FibromyalgiaGentle, key: "fibromyalgia_gentle", rules: &[RuleId::C2, RuleId::D5], sources: &["S000", "CECA17"],
        text: "With fibromyalgia or chronic fatigue, keep sessions short and very soft: four areas at most, a minute each, and skip any spot that hurts." },
    Message { id: MessageId::BloodThinnersLight, key: "blood_thinners_light", rules: &[RuleId::C3], sources: &["S000", "SECONDARY"],
        text: "With blood thinners, ask your doctor first. Use light pressure with soft tools only, keep each hold short and look out for bruises." },
    Message { id: MessageId::BloodPressureSlow, key: "blood_pressure_slow", rules: &[RuleId::C4], sources: &["S000"],
        text: "With blood-pressure problems, ask your doctor first. Get up and down slowly, and prefer the chair and wall positions." },
    Message { id: MessageId::JointReplacementCaution, key: "joint_replacement_caution", rules: &[RuleId::C5], sources: &["S000"],
        text: "Keep tools away from your replaced joint: no rolling close to it or across it. Check with your surgeon or physiotherapist before you start." },
    Message { id: MessageId::SurgeryCheck, key: "surgery_check", rules: &[RuleId::C7, RuleId::L12], sources: &["S000", "S004"],
        text: "Ask your surgeon or physiotherapist before working anywhere near the operated area, and never press on the scar." },
    Message { id: MessageId::StabilityWithPt, key: "stability_with_pt", rules: &[RuleId::L12], sources: &["S004"],
        text: "After an operation on the hip or spine, the area often needs steadiness and strength more than loosening. A physiotherapist can give you exercises for that." },
    Message { id: MessageId::NoFloorAlternatives, key: "no_floor_alternatives", rules: &[RuleId::C6, RuleId::T3], sources: &["S000"],
        text: "Every position here works without getting down on the floor. A physiotherapist or a certified trainer can show you more options." },
    Message { id: MessageId::SeeClinicianLocal, key: "see_clinician_local", rules: &[RuleId::G4, RuleId::G5], sources: &["BARTSCH21"],
        text: "Have the injured, swollen or inflamed spot looked at by a clinician. Until then, keep every tool well away from it." },
    Message { id: MessageId::StressTension, key: "stress_tension", rules: &[RuleId::X6, RuleId::B2], sources: &["S000"],
        text: "Stress can add tension to the neck, shoulders and back. The evidence for this is still early, but slow breathing helps many people let go." },
    Message { id: MessageId::ExplainX1, key: "explain_X1", rules: &[RuleId::X1], sources: &["S000", "PELVIS"],
        text: "A tight back of thigh may pull the pelvis into a backward tilt and load the low back. Studies have not confirmed this well." },
    Message { id: MessageId::ExplainX2, key: "explain_X2", rules: &[RuleId::X2], sources: &["S000"],
        text: "A tight front of hip or thigh, for example after long hours of sitting, may tip the pelvis forward. This makes sense but is not proven." },
    Message { id: MessageId::ExplainX3, key: "explain_X3", rules: &[RuleId::X3], sources: &["S000"],
        text: "Tight buttocks may stop the hips from moving freely, so the low back ends up moving more. This is an idea, not a tested fact." },
    Message { id: MessageId::ExplainX4, key: "explain_X4", rules: &[RuleId::X4], sources: &["S000", "SUAREZ22", "WILKE17-LF"],
        text: "Stiff tissue over the low back may make turning and bending sideways harder. That tissue holds many nerve endings and can hurt by itself, which is one more reason not to press on it." },
    Message { id: MessageId::ExplainX5, key: "explain_X5", rules: &[RuleId::X5], sources: &["S000", "GRIEVE15", "BURK20"],
        text: "Tight soles and calves may change the way you walk and stand, and that can affect areas higher up. The effect measured in studies is small." },
    Message { id: MessageId::ExplainX6, key: "explain_X6", rules: &[RuleId::X6], sources: &["S000"],
        text: "Stress may raise tension in the neck, shoulders and low back. This is an early idea rather than an established fact." },
    Message { id: MessageId::ThoracicRollerExcluded, key: "thoracic_roller_excluded", rules: &[RuleId::R2], sources: &["S000", "S004", "D"],
        text: "There is no roller across the spine in this plan. For the mid-back, lean a ball into a wall on the muscle beside the spine, never on the spine itself." },
    Message { id: MessageId::HoldCapped, key: "hold_capped", rules: &[RuleId::D4, RuleId::R7], sources: &["S000", "D"],
        text: "Holds stay within the times shown, even if you enjoy long holds: pressing longer does not help more and can irritate the tissue." },
    Message { id: MessageId::StayActive, key: "stay_active", rules: &[RuleId::L13], sources: &["NG59"],
        text: "Keep moving and exercising. Self-release is an extra on top of regular activity, not a replacement for it." },
    Message { id: MessageId::NoChangeSeePhysio, key: "no_change_see_physio", rules: &[RuleId::L11], sources: &["S004", "NG59"],
        text: "You have released an area about six times and it feels no better at the start of a session than it did. Most people notice a change within a few sessions, so please ask a physiotherapist or your doctor to have a look." },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::source;
    use std::collections::HashSet;

    #[test]
    fn table_index_matches_the_id_and_serde_name() {
        for (i, m) in MESSAGES.iter().enumerate() {
            assert_eq!(m.id as usize, i, "{} is out of place", m.key);
            assert_eq!(
                serde_json::to_string(&m.id).unwrap(),
                format!("\"{}\"", m.key)
            );
            let back: MessageId = serde_json::from_str(&format!("\"{}\"", m.key)).unwrap();
            assert_eq!(back, m.id);
            assert_eq!(MessageId::from_key(m.key), Some(m.id));
        }
        assert!(MESSAGES.len() <= 64);
    }

    #[test]
    fn ids_are_exactly_those_of_the_contract() {
        let keys: HashSet<_> = MESSAGES.iter().map(|m| m.key).collect();
        assert_eq!(keys.len(), MESSAGES.len());
        for k in [
            "stop_emergency",
            "stop_urgent",
            "amber_check",
            "back_is_alarm",
            "map_legs_first",
            "no_lr_difference",
            "glutes_later",
            "no_direct_low_back",
            "breathing_426",
            "breathing_first",
            "stop_on_sharp_pain",
            "check_with_doctor",
            "osteoporosis_caution",
            "fall_height_loss_question",
            "fibromyalgia_gentle",
            "blood_thinners_light",
            "blood_pressure_slow",
            "joint_replacement_caution",
            "surgery_check",
            "stability_with_pt",
            "no_floor_alternatives",
            "see_clinician_local",
            "stress_tension",
            "explain_X1",
            "explain_X2",
            "explain_X3",
            "explain_X4",
            "explain_X5",
            "explain_X6",
            "thoracic_roller_excluded",
            "hold_capped",
            "stay_active",
            "no_change_see_physio",
        ] {
            assert!(keys.contains(k), "missing {k}");
        }
        assert_eq!(keys.len(), 33);
    }

    #[test]
    fn every_message_has_text_rules_and_existing_sources() {
        for m in MESSAGES {
            assert!(!m.text.is_empty(), "{}", m.key);
            assert!(m.text.len() <= 400, "{} text too long", m.key);
            assert!(!m.text.contains('\n'));
            assert!(!m.rules.is_empty(), "{} has no rule", m.key);
            assert!(!m.sources.is_empty(), "{} has no source", m.key);
            for s in m.sources {
                assert!(source::exists(s), "{} cites unknown source {s}", m.key);
            }
        }
        assert!(text(MessageId::BackIsAlarm).contains("alarm"));
        for m in MESSAGES {
            let t = text_for(m.id, false);
            assert!(
                !t.is_empty() && t.len() <= 400 && !t.contains('\n'),
                "{}",
                m.key
            );
        }
    }

    #[test]
    fn low_back_messages_promise_leg_work_only_with_leg_steps() {
        for id in [MessageId::BackIsAlarm, MessageId::NoDirectLowBack] {
            let without = text_for(id, false);
            assert!(
                !without.contains("works on your legs") && !without.contains("leg marks"),
                "{without}"
            );
            assert_eq!(text_for(id, true), id.text());
        }
        assert!(text_for(MessageId::BackIsAlarm, true).contains("works on your legs"));
    }
}
