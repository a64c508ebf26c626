//! The mid-back roller (§3.10 rule 18): a marked mid-back may be rolled on a soft roller
//! when the person opted in and nothing rules it out. An eligible roller turns the mid-back
//! mark into a candidate of its own instead of an exclusion (stage 3).

use super::exclude::exclusion;
use super::facts::Facts;
use super::positions::closed;
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::technique::{Tool, THORACIC_ROLLER};

/// The thoracic spine, where the roller works.
pub(super) const THORACIC: RegionSide = RegionSide {
    region: RegionId::ThoracicSpine,
    side: Side::Mid,
};

/// Whether the roller is in today's plan.
pub(super) struct Roller {
    /// The roller may be used: the thoracic mark becomes the roller's candidate.
    pub(super) ok: bool,
    /// The mid-back is marked but the roller may not be used (a message says so).
    pub(super) refused: bool,
    /// The roller candidate's severity: the stronger of the mid-back marks.
    pub(super) sev: u8,
}

impl Roller {
    pub(super) fn new(f: &Facts) -> Roller {
        let case = f.case;
        // A mark that settled in the person's own history is no reason to roll (it goes to
        // "check these next"); a settled mid-back is not rolled at all, whatever else is marked.
        let settled = |rs: RegionSide| case.history.settled.contains(&rs);
        let live = |rs: RegionSide| f.hurts(rs).filter(|_| !settled(rs));
        let thor_settled = settled(THORACIC);
        let thor_sev = live(THORACIC);
        let bsb_sev = [Side::Left, Side::Right]
            .iter()
            .filter_map(|s| {
                live(RegionSide {
                    region: RegionId::BetweenShoulderBlades,
                    side: *s,
                })
            })
            .max();
        let mid_back_marked = thor_sev.is_some() || bsb_sev.is_some();
        let ok = case.prefs.thoracic_roller_opt_in
            && !f.osteo
            && !case.acute_flare
            && case.floor_ok
            && f.owned & Tool::SoftRoller.bit() != 0
            && !f.spine_surgery()
            && exclusion(f, THORACIC, false).is_none()
            && mid_back_marked
            && !thor_settled
            // §3.11: its position (weight on the upper back) must be open, e.g. not in pregnancy.
            && THORACIC_ROLLER
                .variants
                .iter()
                .all(|v| closed(f, Side::Mid, v.loads, THORACIC_ROLLER.cap_seconds, false).is_none())
            // D5: painful spots are skipped with fibromyalgia.
            && !(f.fibro && thor_sev.max(bsb_sev).unwrap_or(0) >= 3);
        Roller {
            ok,
            refused: mid_back_marked && !ok && !thor_settled,
            sev: thor_sev.max(bsb_sev).unwrap_or(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::knowledge::message::MessageId;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::knowledge::rule::RuleId;
    use crate::domain::knowledge::technique::{Position, Tool};
    use crate::domain::planner::case::{Case, Condition, ConditionId};
    use crate::domain::planner::engine::plan;

    #[test]
    fn the_thoracic_roller_needs_the_opt_in() {
        let mut c = Case::default().mark(RegionId::ThoracicSpine, Side::Mid, 2);
        let p = plan(&c);
        assert!(p.steps.is_empty());
        assert!(p.has_message(MessageId::ThoracicRollerExcluded));
        c.prefs.thoracic_roller_opt_in = true;
        let p = plan(&c);
        let s = &p.steps[0];
        assert_eq!(
            (s.region, s.side, s.tool, s.position),
            (
                RegionId::ThoracicSpine,
                Side::Mid,
                Tool::SoftRoller,
                Position::Floor
            )
        );
        assert!(s.seconds <= 60);
        c.conditions
            .push(Condition::plain(ConditionId::Osteoporosis));
        let p = plan(&c);
        assert!(p.steps.is_empty());
        assert!(p.avoid[0].rules.contains(&RuleId::C1));
    }

    #[test]
    fn a_settled_mid_back_is_not_rolled() {
        use crate::domain::knowledge::region::RegionSide;
        let mut c = Case::default()
            .mark(RegionId::ThoracicSpine, Side::Mid, 2)
            .mark(RegionId::BetweenShoulderBlades, Side::Left, 2);
        c.prefs.thoracic_roller_opt_in = true;
        let rolled = |c: &Case| {
            plan(c)
                .steps
                .iter()
                .any(|s| s.region == RegionId::ThoracicSpine)
        };
        assert!(rolled(&c));
        // The mid-back settled in this person's history: no roller, and no "roller refused"
        // message either, whatever else of the upper back is marked.
        c.history.settled.push(RegionSide {
            region: RegionId::ThoracicSpine,
            side: Side::Mid,
        });
        let p = plan(&c);
        assert!(
            p.steps.iter().all(|s| s.region != RegionId::ThoracicSpine),
            "{:?}",
            p.steps
        );
        assert!(!p.has_message(MessageId::ThoracicRollerExcluded));
        // Only the area between the shoulder blades settled: the mid-back mark still asks for
        // the roller.
        c.history.settled = vec![RegionSide {
            region: RegionId::BetweenShoulderBlades,
            side: Side::Left,
        }];
        assert!(rolled(&c));
    }
}
