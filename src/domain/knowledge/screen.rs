//! The red-flag screen (knowledge base §5): the yes/no questions asked before the first plan.
//!
//! A yes to any of RF1–RF6 stops everything with the emergency message, a yes to RF7–RF12
//! stops with the urgent message, and a yes to A1–A5 still allows a gentle plan under an
//! amber banner (G1, G2, G6). The questions are our own plain wording of the NHS and NICE
//! material the knowledge base cites; the UI shows [`Question::text`] and, for amber
//! answers, [`Question::reason`] inside the banner.
//!
//! Editing rules, enforced by the tests at the bottom of this file:
//! - `QUESTIONS[i].id as usize == i`; RF1–RF6 are `Emergency`, RF7–RF12 `Urgent`, A1–A5
//!   `Amber`; the serde id is the key (`"RF7"`);
//! - every question is one line ending in `?`, at most 220 bytes, with at least one source
//!   key that exists; every amber question has a non-empty reason.

use crate::domain::knowledge::message::MessageId;
use serde::{Deserialize, Serialize};

/// Id of a screen question, serialized as in §5 (`"RF1"`, `"A2"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlagId {
    /// Emergency: Is there numbness, tingling or an odd feeling around your genitals, back passage,…?
    RF1,
    /// Emergency: Is it newly hard to start or stop peeing, are you leaking, or can you no longer tell…?
    RF2,
    /// Emergency: Have you newly lost control of your bowels, or stopped feeling when you open them?
    RF3,
    /// Emergency: Along with the back pain, has your sexual function changed, or has feeling in your…?
    RF4,
    /// Emergency: Is weakness or numbness in a leg severe or getting worse, or do you have pain or…?
    RF5,
    /// Emergency: Are you suddenly short of breath or have chest pain, especially together with a…?
    RF6,
    /// Urgent: Is one calf or thigh swollen, warm, red or darker than the other, or does it throb or…?
    RF7,
    /// Urgent: Do you have a fever, chills or feel generally ill with the back pain, or a recent…?
    RF8,
    /// Urgent: Did the pain start after a bad fall or accident, or after a small fall or lift if you…?
    RF9,
    /// Urgent: Have you ever had cancer, or have you lost weight without knowing why?
    RF10,
    /// Urgent: Is the pain there all the time, worse at night or lying down, and not eased by rest or…?
    RF11,
    /// Urgent: Is weakness, a dropping foot or numbness in one leg getting worse?
    RF12,
    /// Amber: Did your back pain start before age 45 and last more than 3 months, with morning…?
    A1,
    /// Amber: Is this the first back pain you have ever had, and did it start after age 50?
    A2,
    /// Amber: Are you pregnant, or did you give birth recently?
    A3,
    /// Amber: Do you have diabetes with less feeling in your feet?
    A4,
    /// Amber: Does pain run down one leg to below the knee, without any weakness?
    A5,
}

impl FlagId {
    /// All ids in screen order.
    pub fn all() -> impl Iterator<Item = FlagId> {
        QUESTIONS.iter().map(|q| q.id)
    }

    /// The question row of this id.
    pub fn question(self) -> &'static Question {
        // The table test guarantees QUESTIONS[i].id as usize == i.
        &QUESTIONS[self as usize]
    }

    /// The key (`"RF1"`).
    pub fn key(self) -> &'static str {
        self.question().key
    }

    /// Looks an id up by key.
    pub fn from_key(key: &str) -> Option<FlagId> {
        QUESTIONS.iter().find(|q| q.key == key).map(|q| q.id)
    }

    /// The tier of this question.
    pub fn tier(self) -> Tier {
        self.question().tier
    }
}

/// How serious a yes is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// A plan is allowed under a banner (message `amber_check`).
    Amber,
    /// Stop; see a doctor within a day (message `stop_urgent`).
    Urgent,
    /// Stop; emergency care now (message `stop_emergency`).
    Emergency,
}

impl Tier {
    /// The message shown for a yes in this tier.
    pub const fn message(self) -> MessageId {
        match self {
            Tier::Amber => MessageId::AmberCheck,
            Tier::Urgent => MessageId::StopUrgent,
            Tier::Emergency => MessageId::StopEmergency,
        }
    }
}

/// One screen question.
#[derive(Debug)]
pub struct Question {
    /// Typed id.
    pub id: FlagId,
    /// Key as in §5.
    pub key: &'static str,
    /// Tier of a yes.
    pub tier: Tier,
    /// The question shown to the person, in plain words.
    pub text: &'static str,
    /// For amber questions, the reason to put in the banner; empty otherwise.
    pub reason: &'static str,
    /// Source keys.
    pub sources: &'static [&'static str],
}

/// The screen, in order.
#[rustfmt::skip]
pub const QUESTIONS: &[Question] = &[
    Question { id: FlagId::RF1, key: "RF1", tier: Tier::Emergency, reason: "", sources: &["CES-NHS"],
        text: "Is there numbness, tingling or an odd feeling around your genitals, back passage, buttocks or between your inner thighs, or does wiping feel different?" },
    Question { id: FlagId::RF2, key: "RF2", tier: Tier::Emergency, reason: "", sources: &["CES-NHS"],
        text: "Is it newly hard to start or stop peeing, are you leaking, or can you no longer tell whether your bladder is full?" },
    Question { id: FlagId::RF3, key: "RF3", tier: Tier::Emergency, reason: "", sources: &["CES-NHS"],
        text: "Have you newly lost control of your bowels, or stopped feeling when you open them?" },
    Question { id: FlagId::RF4, key: "RF4", tier: Tier::Emergency, reason: "", sources: &["CES-NHS"],
        text: "Along with the back pain, has your sexual function changed, or has feeling in your genitals gone during sex?" },
    Question { id: FlagId::RF5, key: "RF5", tier: Tier::Emergency, reason: "", sources: &["CES-NHS", "RF-LISTS"],
        text: "Is weakness or numbness in a leg severe or getting worse, or do you have pain or numbness down both legs?" },
    Question { id: FlagId::RF6, key: "RF6", tier: Tier::Emergency, reason: "", sources: &["SECONDARY"],
        text: "Are you suddenly short of breath or have chest pain, especially together with a swollen, painful leg?" },
    Question { id: FlagId::RF7, key: "RF7", tier: Tier::Urgent, reason: "", sources: &["BARTSCH21", "SECONDARY"],
        text: "Is one calf or thigh swollen, warm, red or darker than the other, or does it throb or cramp?" },
    Question { id: FlagId::RF8, key: "RF8", tier: Tier::Urgent, reason: "", sources: &["NG59", "RF-LISTS"],
        text: "Do you have a fever, chills or feel generally ill with the back pain, or a recent infection, injected drug use, or a weak immune system (for example long-term steroids or chemotherapy)?" },
    Question { id: FlagId::RF9, key: "RF9", tier: Tier::Urgent, reason: "", sources: &["RF-LISTS", "NG59"],
        text: "Did the pain start after a bad fall or accident, or after a small fall or lift if you have osteoporosis or are older?" },
    Question { id: FlagId::RF10, key: "RF10", tier: Tier::Urgent, reason: "", sources: &["NG59", "RF-LISTS"],
        text: "Have you ever had cancer, or have you lost weight without knowing why?" },
    Question { id: FlagId::RF11, key: "RF11", tier: Tier::Urgent, reason: "", sources: &["RF-LISTS"],
        text: "Is the pain there all the time, worse at night or lying down, and not eased by rest or by changing position?" },
    Question { id: FlagId::RF12, key: "RF12", tier: Tier::Urgent, reason: "", sources: &["RF-LISTS"],
        text: "Is weakness, a dropping foot or numbness in one leg getting worse?" },
    Question { id: FlagId::A1, key: "A1", tier: Tier::Amber, sources: &["NG65"],
        reason: "Back pain that began young and lasts, with morning stiffness that eases with movement, can be an inflammatory condition that a GP should assess.",
        text: "Did your back pain start before age 45 and last more than 3 months, with morning stiffness that eases as you move, or night pain that gets better when you get up?" },
    Question { id: FlagId::A2, key: "A2", tier: Tier::Amber, sources: &["RF-LISTS", "CKS"],
        reason: "A first episode of back pain after 50 is worth a routine check, even though it is usually harmless.",
        text: "Is this the first back pain you have ever had, and did it start after age 50?" },
    Question { id: FlagId::A3, key: "A3", tier: Tier::Amber, sources: &["D"],
        reason: "This app has no advice tailored to pregnancy or the months after birth.",
        text: "Are you pregnant, or did you give birth recently?" },
    Question { id: FlagId::A4, key: "A4", tier: Tier::Amber, sources: &["D"],
        reason: "With less feeling in the feet you may not notice too much pressure, so the feet are left out.",
        text: "Do you have diabetes with less feeling in your feet?" },
    Question { id: FlagId::A5, key: "A5", tier: Tier::Amber, sources: &["NG59", "D"],
        reason: "Pain running down the leg comes from an irritated nerve, which a clinician should assess; the deep buttock over that nerve is left out.",
        text: "Does pain run down one leg to below the knee, without any weakness?" },
];

/// One short step of the screen as it is asked: a few questions of one tier under a title.
#[derive(Debug)]
pub struct Group {
    /// Heading of the step.
    pub title: &'static str,
    /// One line under the heading.
    pub intro: &'static str,
    /// The questions of this step: indices into [`QUESTIONS`] (`first..end`).
    pub first: usize,
    /// One past the last question of this step.
    pub end: usize,
}

impl Group {
    /// The questions of this step, in order.
    pub fn questions(&self) -> &'static [Question] {
        QUESTIONS.get(self.first..self.end).unwrap_or(&[])
    }
}

/// The screen in short steps of three to five questions, in [`QUESTIONS`] order, each step
/// within one tier (so an emergency question is always among the first asked).
pub const GROUPS: [Group; 5] = [
    Group {
        title: "Signs that need help today",
        intro: "Think about the last few days.",
        first: 0,
        end: 3,
    },
    Group {
        title: "Signs that need help today",
        intro: "Still about the last few days.",
        first: 3,
        end: 6,
    },
    Group {
        title: "Signs a doctor should check first",
        intro: "These are about your back pain and your health in general.",
        first: 6,
        end: 9,
    },
    Group {
        title: "Signs a doctor should check first",
        intro: "A few more about your health in general.",
        first: 9,
        end: 12,
    },
    Group {
        title: "Things your doctor should know about",
        intro: "With a yes here you still get a gentle plan.",
        first: 12,
        end: 17,
    },
];

/// The result of the screen for a set of yes answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No yes answers.
    Clear,
    /// Only amber answers: plan with banner.
    Amber,
    /// At least one RF7–RF12 and no RF1–RF6: stop, urgent.
    Urgent,
    /// At least one RF1–RF6: stop, emergency (wins over urgent).
    Emergency,
}

/// Screens a list of yes answers (§3.10 rule 16: emergency wins over urgent).
pub fn screen(yes: &[FlagId]) -> Outcome {
    let worst = yes.iter().map(|f| f.tier()).max();
    match worst {
        None => Outcome::Clear,
        Some(Tier::Amber) => Outcome::Amber,
        Some(Tier::Urgent) => Outcome::Urgent,
        Some(Tier::Emergency) => Outcome::Emergency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::source;

    #[test]
    fn table_index_matches_the_id_and_tiers_follow_section_5() {
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(q.id as usize, i, "{} out of place", q.key);
            assert_eq!(
                serde_json::to_string(&q.id).unwrap(),
                format!("\"{}\"", q.key)
            );
            assert_eq!(FlagId::from_key(q.key), Some(q.id));
            let expected = if i < 6 {
                Tier::Emergency
            } else if i < 12 {
                Tier::Urgent
            } else {
                Tier::Amber
            };
            assert_eq!(q.tier, expected, "{}", q.key);
        }
        assert_eq!(QUESTIONS.len(), 17);
    }

    #[test]
    fn questions_are_plain_and_sourced() {
        for q in QUESTIONS {
            assert!(q.text.ends_with('?'), "{}", q.key);
            assert!(q.text.len() <= 220, "{} too long", q.key);
            assert!(!q.text.contains('\n'));
            assert!(!q.sources.is_empty());
            for s in q.sources {
                assert!(source::exists(s), "{} cites unknown {s}", q.key);
            }
            assert_eq!(q.tier == Tier::Amber, !q.reason.is_empty(), "{}", q.key);
        }
    }

    #[test]
    fn the_steps_ask_every_question_once_in_order_and_in_short_groups() {
        let mut next = 0;
        for (n, g) in GROUPS.iter().enumerate() {
            assert_eq!(g.first, next, "step {} starts where the last ended", n + 1);
            let qs = g.questions();
            assert_eq!(qs.len(), g.end - g.first);
            assert!(
                (3..=5).contains(&qs.len()),
                "step {} has {} questions",
                n + 1,
                qs.len()
            );
            assert!(
                qs.iter().all(|q| q.tier == qs[0].tier),
                "step {} mixes tiers",
                n + 1
            );
            assert!(!g.title.is_empty() && g.intro.ends_with('.'));
            next = g.end;
        }
        assert_eq!(next, QUESTIONS.len(), "every question is asked");
        assert_eq!(
            GROUPS[0].questions()[0].tier,
            Tier::Emergency,
            "emergencies first"
        );
    }

    #[test]
    fn emergency_wins_over_urgent_and_amber() {
        assert_eq!(screen(&[]), Outcome::Clear);
        assert_eq!(screen(&[FlagId::A2]), Outcome::Amber);
        assert_eq!(screen(&[FlagId::A2, FlagId::RF7]), Outcome::Urgent);
        assert_eq!(
            screen(&[FlagId::RF12, FlagId::RF1, FlagId::A1]),
            Outcome::Emergency
        );
        assert_eq!(Tier::Urgent.message(), MessageId::StopUrgent);
    }
}
