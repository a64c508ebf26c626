//! The roof of the records: [`Document`], everything a person keeps on the device, and the
//! operations on the whole of it.
//!
//! Each field is a record of its own file (the map, check-ins, sessions, profile, programme,
//! the running session, saved shared maps), and each of those files keeps to its record. What
//! needs more than one record lives here:
//!
//! - [`Document::case`] is the only bridge from the records to the planner: the map (marks,
//!   symptoms, flare), the profile (conditions, floor, sensitivity, tools, the mid-back roller
//!   opt-in), the last screen answers, and the region-sides paused after a "sharp pain" stop.
//!   A paused region-side enters the case as a spot-only local finding of kind `wound`: that
//!   is the narrowest exclusion the §7.1 contract has (G4 keeps every tool off exactly that
//!   spot, leaves the other side's mark and the neighbours alone, and keeps it out of
//!   `to_map`). The UI shows its own reason for those entries ([`PAUSED_REASON`]).
//!   [`Document::from_case`] goes the other way, for test fixtures: a case becomes the
//!   document the app would have stored.
//! - **The map and its check-ins.** [`Document::edit_map`] applies a map action, stamps the
//!   change time and records it by the check-in rule ([`Document::check_in`]): the first
//!   change starts a check-in stamped with that time, and further changes within
//!   [`BURST_MS`] (30 minutes) of it update the same entry, so one sitting of tapping gives
//!   one entry, not twenty. A change after that, or after a session was started, starts a
//!   new check-in. Several per day are fine. A map cleared to nothing is not an entry
//!   (clearing during a sitting removes that sitting's entry).
//! - The history: the timeline over check-ins and sessions, finding an entry by id, and
//!   deleting one with undo ([`Document::delete_entry`], [`Document::undo_delete`]).
//! - Shared maps: [`Document::import_shared`] keeps one as a new check-in and in
//!   [`Document::imported`], never replacing the person's own map.
//! - The safety answers ([`Document::answer_screen`], [`Document::ask_screen_again`]) and
//!   starting the 28-day programme ([`Document::start_programme`]).
//! - The running session: starting it on a plan with the map of that moment, its commands,
//!   the sharp-pain stop that pauses a region-side ([`Document::stop_for_pain`],
//!   [`Document::clear_pause`]), and finishing it into the sessions (and, if asked, the map).
//!
//! Time and randomness come in from the caller as a [`Moment`], read once per action; every
//! time stamp and new id an action writes comes from it, and ids are made by
//! [`history::entry_id`] alone.
//!
//! How a document becomes text, and back, is persistence's business
//! ([`crate::domain::persistence::store`]).

use crate::domain::calendar::{self, LocalTime};
use crate::domain::knowledge::mark::Severity;
use crate::domain::knowledge::region::RegionSide;
use crate::domain::knowledge::screen::FlagId;
use crate::domain::planner::case::{Case, LocalFinding, LocalKind, Prefs};
use crate::domain::planner::engine::Plan;
use crate::domain::records::body_map::{Action, BodyMap};
use crate::domain::records::evidence;
use crate::domain::records::guide::{Change, Command, Running};
use crate::domain::records::history::{self, CheckIn, EntryKind, TimelineDay};
use crate::domain::records::leg_check::{Command as WalkCommand, Stage, Walk, WalkError};
use crate::domain::records::profile::{Cues, Profile, ScreenRecord};
use crate::domain::records::programme::Programme;
use crate::domain::records::session::SessionRecord;
use crate::domain::records::shared::{ImportedMap, SharedMap};
use serde::{Deserialize, Serialize};

/// Everything the app keeps on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The current body map.
    #[serde(default)]
    pub map: BodyMap,
    /// When the map was last changed (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_updated: Option<String>,
    /// Map check-ins, oldest first (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// Guided sessions, oldest first (v2; written by the session screen). Stored compactly,
    /// see [`crate::domain::records::history::stored_sessions`].
    #[serde(default, with = "crate::domain::records::history::stored_sessions")]
    pub sessions: Vec<SessionRecord>,
    /// The 28-day programme, once started (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// When the person last exported a backup file, ISO 8601 (v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<String>,
    /// What the person told the app about themselves.
    #[serde(default, skip_serializing_if = "is_default")]
    pub profile: Profile,
    /// The last answers to the safety questions, with their date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<ScreenRecord>,
    /// Region-sides left out of the plan after a "sharp pain" stop, until the person clears them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paused: Vec<RegionSide>,
    /// The guided session in progress, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<Running>,
    /// Maps received through share links and saved by the person, oldest first. Kept apart
    /// from their own map, which a shared map never replaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<ImportedMap>,
    /// The "Check my legs" walk, in progress or just finished, so a reload resumes it. Read
    /// leniently: a walk that cannot be read is dropped, never the document.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::records::leg_check::lenient"
    )]
    pub leg_check: Option<Walk>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Changes within this time of a check-in update it instead of starting a new one.
pub const BURST_MS: i64 = 30 * 60 * 1000;

/// The moment of one action, read by the caller once (the device's clock and random
/// numbers): every time stamp and new id the action writes comes from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Milliseconds since 1970-01-01 UTC.
    pub ms: i64,
    /// A random number for new ids (see [`history::entry_id`]).
    pub salt: u32,
}

impl Moment {
    /// The time as ISO 8601 in UTC (`2026-11-21T08:00:00.000Z`).
    pub fn iso(self) -> String {
        calendar::iso_from_ms(self.ms)
    }

    /// The id of an entry started at this moment.
    fn id(self, kind: EntryKind) -> String {
        history::entry_id(kind, self.ms, self.salt)
    }
}

/// What [`Document::import_shared`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imported {
    /// Added as a new entry; the person's own map and earlier entries are unchanged.
    Added,
    /// The same map is already kept: nothing was added.
    AlreadySaved,
}

/// What [`Document::finish_session`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finished {
    /// No session was running.
    NotRunning,
    /// The session ended with nothing done (no step worked, no sharp-pain stop): it is
    /// dropped, so the history never shows an empty "0 steps, 0 min" entry.
    NothingDone,
    /// The session was kept: its record as saved, and whether it is the person's first.
    Saved {
        /// The record now last in [`Document::sessions`].
        record: Box<SessionRecord>,
        /// True when no session had been kept before this one.
        first: bool,
    },
}

/// A deleted history entry, kept by the UI so the deletion can be undone
/// ([`Document::undo_delete`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    /// A check-in and where it was.
    CheckIn(usize, CheckIn),
    /// A session and where it was.
    Session(usize, SessionRecord),
}

/// Shown in the plan's "areas we leave alone" for a region-side paused by a sharp-pain stop.
pub const PAUSED_REASON: &str =
    "You stopped here because of sharp pain or tingling, so it is left out until you say it feels fine again.";

/// Why a case cannot be stored as a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotStorable {
    /// Local findings have no place in the app yet.
    Local,
    /// `prefs.long_holds` has no place in the app.
    LongHolds,
    /// A mark's side does not fit its region.
    Marks,
}

impl Document {
    /// True on a first visit: the welcome has not been passed and nothing at all is kept (no
    /// map, symptoms, history, profile answers, safety answers, programme or saved shared
    /// maps). Anyone with something saved is a returning person and goes straight to the map.
    pub fn first_visit(&self) -> bool {
        !self.profile.welcomed
            && self.profile == Profile::default()
            && self.map.is_empty()
            && self.map.symptoms.is_empty()
            && !self.map.acute_flare
            && self.checkins.is_empty()
            && self.sessions.is_empty()
            && self.programme.is_none()
            && self.screen.is_none()
            && self.paused.is_empty()
            && self.running.is_none()
            && self.imported.is_empty()
            && self.leg_check.is_none()
            && self.last_export.is_none()
    }

    /// The engine's input for everything the person has entered: the map (marks, symptoms,
    /// flare), the profile (conditions, floor, sensitivity, tools, the mid-back roller
    /// opt-in), the last screen answers, and the paused region-sides (see the module docs).
    /// This is the only bridge from the records to the planner.
    pub fn case(&self) -> Case {
        let p = &self.profile;
        let mut case = Case {
            symptoms: self.map.symptoms.iter().copied().collect(),
            acute_flare: self.map.acute_flare,
            conditions: p.conditions.clone(),
            // Never asked is not a yes: no floor position until the person says the floor is fine.
            floor_ok: p.floor_ok.unwrap_or(false),
            sensitivity: p.sensitivity,
            red_flags: self
                .screen
                .as_ref()
                .map(|s| s.yes.clone())
                .unwrap_or_default(),
            local: Vec::new(),
            prefs: Prefs {
                long_holds: false,
                thoracic_roller_opt_in: p.thoracic_roller,
            },
            tools: p.tools.clone(),
            history: evidence::hints(
                &self.sessions,
                &self.map,
                self.map_updated
                    .as_deref()
                    .and_then(crate::domain::calendar::parse_iso_ms),
            ),
            marks: self.map.marks().collect(),
        };
        case.red_flags.sort();
        case.red_flags.dedup();
        for at in &self.paused {
            if at.region.def().accepts(at.side) {
                case.local.push(LocalFinding {
                    region: at.region,
                    side: at.side,
                    kind: LocalKind::Wound,
                });
            }
        }
        case
    }

    /// The document the app would store for `case`, with the screen answered on `today`
    /// (the inverse of [`Document::case`] for the parts the app can enter; used by test
    /// fixtures).
    pub fn from_case(case: &Case, today: &str) -> Result<Document, NotStorable> {
        if !case.local.is_empty() {
            return Err(NotStorable::Local);
        }
        if case.prefs.long_holds {
            return Err(NotStorable::LongHolds);
        }
        let (mut map, rejected) = BodyMap::from_marks(case.marks.iter().copied());
        if !rejected.is_empty() {
            return Err(NotStorable::Marks);
        }
        map.symptoms = case.symptoms.iter().copied().collect();
        map.acute_flare = case.acute_flare;
        Ok(Document {
            map,
            profile: Profile {
                conditions: case.conditions.clone(),
                floor_ok: Some(case.floor_ok),
                sensitivity: case.sensitivity,
                // "Any tool" in a case is every tool a person can own: the app asks which
                // tools before the first plan, so a stored document always has an answer.
                tools: Some(case.tools.clone().unwrap_or_else(|| {
                    let mut all = crate::domain::records::profile::OWNABLE_TOOLS.to_vec();
                    all.sort();
                    all
                })),
                thoracic_roller: case.prefs.thoracic_roller_opt_in,
                cues: Cues::default(),
                welcomed: true,
            },
            screen: Some(ScreenRecord {
                date: today.to_string(),
                yes: case.red_flags.clone(),
                recheck: false,
            }),
            ..Document::default()
        })
    }

    /// Saves a shared map to the person's history without touching anything they had: it
    /// becomes a new map check-in (dated `now`, so it shows in the timeline and the trends)
    /// and is also kept with the link's own date in [`Document::imported`]. The person's
    /// current map and every earlier entry stay exactly as they were; a map already kept is
    /// not added again.
    pub fn import_shared(&mut self, shared: &SharedMap, now: Moment) -> Imported {
        if self.imported.iter().any(|i| i.shared == *shared) {
            return Imported::AlreadySaved;
        }
        let received = now.iso();
        self.imported.push(ImportedMap {
            received: received.clone(),
            shared: shared.clone(),
        });
        self.checkins.push(CheckIn {
            id: now.id(EntryKind::CheckIn),
            at: received,
            map: shared.map.clone(),
        });
        Imported::Added
    }

    /// Applies a map action at `now`: when the map changed, stamps [`Document::map_updated`]
    /// and records the change by the check-in rule ([`Document::check_in`]). True when the
    /// map changed.
    pub fn edit_map(&mut self, action: Action, now: Moment) -> bool {
        if !self.map.apply(action) {
            return false;
        }
        self.map_updated = Some(now.iso());
        self.check_in(now);
        true
    }

    /// The check-in rule (see the module docs): records the current map at `now`, as a new
    /// check-in or into the one of the same sitting. True when the history changed.
    pub fn check_in(&mut self, now: Moment) -> bool {
        let in_burst = self.checkins.last().is_some_and(|c| {
            calendar::parse_iso_ms(&c.at).is_some_and(|at| {
                let fresh = (0..BURST_MS).contains(&(now.ms - at));
                // A session started in between ends the sitting.
                let session_between = self.sessions.iter().any(|s| {
                    calendar::parse_iso_ms(&s.started_at).is_some_and(|t| at < t && t <= now.ms)
                });
                fresh && !session_between
            })
        });
        if in_burst {
            if self.map.is_empty() {
                self.checkins.pop();
                return true;
            }
            if let Some(last) = self.checkins.last_mut() {
                if last.map != self.map {
                    last.map = self.map.clone();
                    return true;
                }
            }
            return false;
        }
        if self.map.is_empty() {
            return false;
        }
        self.checkins.push(CheckIn {
            id: now.id(EntryKind::CheckIn),
            at: now.iso(),
            map: self.map.clone(),
        });
        true
    }

    /// Opens the "Check my legs" walk: the one in progress where it stopped, or a new one
    /// when there is none or the last one was finished. True when a new walk began.
    pub fn start_leg_check(&mut self) -> bool {
        if self.leg_check.as_ref().is_some_and(|w| !w.is_done()) {
            return false;
        }
        self.leg_check = Some(Walk::new());
        true
    }

    /// Carries out a command of the walk at `now` (starting a walk first if none is kept):
    /// an answer goes on the map at once, through [`Document::edit_map`] (so the check-in rule
    /// holds, and a 0 is "checked and fine"), and the walk is kept, so a reload loses nothing
    /// and resumes on the same step. The step now showing, or why the command did not fit
    /// (nothing changed then).
    pub fn leg_check(&mut self, command: WalkCommand, now: Moment) -> Result<Stage, WalkError> {
        let walk = self.leg_check.get_or_insert_with(Walk::new);
        let moved = walk.command(command)?;
        for action in moved.actions {
            self.edit_map(action, now);
        }
        Ok(moved.stage)
    }

    /// The history timeline of the check-ins and sessions ([`history::timeline`]).
    pub fn timeline(&self, tz: LocalTime<'_>) -> Vec<TimelineDay> {
        history::timeline(&self.checkins, &self.sessions, tz)
    }

    /// A check-in by id.
    pub fn checkin(&self, id: &str) -> Option<&CheckIn> {
        self.checkins.iter().find(|c| c.id == id)
    }

    /// A session by id.
    pub fn session(&self, id: &str) -> Option<&SessionRecord> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// Deletes the check-in or session with `id`; `None` when there is none.
    pub fn delete_entry(&mut self, id: &str) -> Option<Removed> {
        if let Some(i) = self.checkins.iter().position(|c| c.id == id) {
            return Some(Removed::CheckIn(i, self.checkins.remove(i)));
        }
        let i = self.sessions.iter().position(|s| s.id == id)?;
        Some(Removed::Session(i, self.sessions.remove(i)))
    }

    /// Puts a deleted entry back where it was (no duplicate when it is already there again).
    pub fn undo_delete(&mut self, removed: Removed) {
        match removed {
            Removed::CheckIn(i, c) => {
                if !self.checkins.iter().any(|x| x.id == c.id) {
                    let i = i.min(self.checkins.len());
                    self.checkins.insert(i, c);
                }
            }
            Removed::Session(i, s) => {
                if !self.sessions.iter().any(|x| x.id == s.id) {
                    let i = i.min(self.sessions.len());
                    self.sessions.insert(i, s);
                }
            }
        }
    }

    /// Starts a guided session on `plan` at `now`, with the map of this moment for the
    /// "before" ratings. False when a session is already running or the plan has nothing to
    /// do.
    pub fn start_session(&mut self, plan: &Plan, now: Moment) -> bool {
        if self.running.is_some() {
            return false;
        }
        self.running = Running::start(plan, &self.map, now.id(EntryKind::Session), now.iso());
        self.running.is_some()
    }

    /// Carries out a command of the session screen on the running session at `now` (the
    /// session clock, in ms); [`Change::None`] when no session is running.
    pub fn guide(&mut self, command: Command, now: u64) -> Change {
        self.running
            .as_mut()
            .map_or(Change::None, |run| run.command(command, now))
    }

    /// The "sharp pain or tingling" stop: ends the step showing and pauses its region-side, so
    /// the plan leaves it out until the person clears it; the session then waits on the calm
    /// screen ([`Running::halted`]) until the person goes on or ends. Returns that
    /// region-side, `None` when no step is showing or a stop is already showing.
    pub fn stop_for_pain(&mut self, now: u64) -> Option<RegionSide> {
        let at = self.running.as_mut()?.stop_pain(now)?;
        self.pause(at);
        Some(at)
    }

    /// After a reload: stops the running session's clock without counting the time since it
    /// was last saved, so it shows paused. True when a session is running.
    pub fn suspend_session(&mut self) -> bool {
        self.running.as_mut().map(Running::suspend).is_some()
    }

    /// Finishes the running session at `now`: keeps its record, with the new ratings
    /// `afters`, in [`Document::sessions`], and when `update_map` is set also puts the new
    /// ratings on the map (stamping [`Document::map_updated`]). A session with nothing done
    /// ([`SessionRecord::has_work`]) ends without a record and leaves the map alone.
    pub fn finish_session(
        &mut self,
        afters: &[(RegionSide, Severity)],
        update_map: bool,
        now: Moment,
    ) -> Finished {
        let Some(run) = self.running.take() else {
            return Finished::NotRunning;
        };
        if !run.record.has_work() {
            return Finished::NothingDone;
        }
        let at = now.iso();
        let record = run.finish(afters, at.clone());
        if update_map {
            for r in &record.ratings {
                if let Some(after) = r.after {
                    self.map.apply(Action::SetSeverity(r.at, after));
                }
            }
            if !afters.is_empty() {
                self.map_updated = Some(at);
            }
        }
        let first = self.sessions.is_empty();
        self.sessions.push(record.clone());
        Finished::Saved {
            record: Box::new(record),
            first,
        }
    }

    /// Leaves a region-side out of the plan (after a sharp-pain stop) until
    /// [`Document::clear_pause`]; false when it already is.
    pub fn pause(&mut self, at: RegionSide) -> bool {
        if self.paused.contains(&at) {
            return false;
        }
        self.paused.push(at);
        true
    }

    /// "It feels fine again": the plan may use a paused region-side again. False when it was
    /// not paused.
    pub fn clear_pause(&mut self, at: RegionSide) -> bool {
        let before = self.paused.len();
        self.paused.retain(|p| *p != at);
        self.paused.len() != before
    }

    /// Keeps the answers to the safety questions, given on `today` (`YYYY-MM-DD`): `yes`
    /// lists the questions answered yes, every other one was answered no.
    pub fn answer_screen(&mut self, yes: Vec<FlagId>, today: &str) {
        self.screen = Some(ScreenRecord {
            date: today.to_string(),
            yes,
            recheck: false,
        });
    }

    /// "I have new or changed symptoms": the safety questions are asked again before the
    /// next plan. False when they already are (or were never answered).
    pub fn ask_screen_again(&mut self) -> bool {
        match self.screen.as_mut() {
            Some(s) if !s.recheck => {
                s.recheck = true;
                true
            }
            _ => false,
        }
    }

    /// Starts the 28-day programme on the local day `today` (again, when it was running: the
    /// history stays, only the count restarts).
    pub fn start_programme(&mut self, today: i64) {
        self.programme = Some(Programme {
            start: calendar::format_day(today),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Symptom;
    use crate::domain::knowledge::region::{RegionId, Side};
    use crate::domain::knowledge::technique::{Position, Tool};
    use crate::domain::planner::case::ConditionId;
    use crate::domain::planner::engine::plan;
    use crate::domain::records::profile::{needs_screen, ProfileAction};
    use crate::domain::records::session::SessionRecord;

    #[test]
    fn a_first_visit_is_an_empty_document_that_has_not_passed_the_welcome() {
        assert!(Document::default().first_visit());
        let mut welcomed = Document::default();
        welcomed.profile.apply(ProfileAction::Welcomed);
        assert!(
            !welcomed.first_visit(),
            "passed (or skipped) once: never again"
        );
        let returning: [fn(&mut Document); 6] = [
            |d| {
                d.map.apply(Action::SetSeverity(
                    RegionSide::new(RegionId::Quadriceps, Side::Left).unwrap(),
                    Severity::MILD,
                ));
            },
            |d| {
                d.map.apply(Action::ToggleSymptom(Symptom::LowBackPain));
            },
            |d| {
                d.profile.apply(ProfileAction::SetFloor(Some(false)));
            },
            |d| d.answer_screen(vec![], "2026-11-21"),
            |d| d.last_export = Some("2026-11-21T08:00:00.000Z".into()),
            |d| {
                d.paused
                    .push(RegionSide::new(RegionId::Quadriceps, Side::Left).unwrap())
            },
        ];
        for (i, change) in returning.iter().enumerate() {
            let mut d = Document::default();
            change(&mut d);
            assert!(!d.first_visit(), "change {i} makes a returning person");
        }
    }

    #[test]
    fn a_person_never_asked_about_the_floor_gets_no_floor_step() {
        let mut doc = Document::default();
        for region in [RegionId::Quadriceps, RegionId::Adductors, RegionId::Calf] {
            for side in [Side::Left, Side::Right] {
                let at = RegionSide::new(region, side).unwrap();
                doc.map.apply(Action::SetSeverity(at, Severity::STRONG));
            }
        }
        doc.map.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        doc.answer_screen(vec![], "2026-11-21");
        assert_eq!(doc.profile.floor_ok, None);
        assert!(!doc.case().floor_ok, "not asked is not a yes");
        let p = plan(&doc.case());
        assert!(!p.steps.is_empty());
        assert!(
            p.steps.iter().all(|s| s.position != Position::Floor),
            "{:?}",
            p.steps.iter().map(|s| s.position).collect::<Vec<_>>()
        );
        doc.profile.apply(ProfileAction::SetFloor(Some(true)));
        assert!(doc.case().floor_ok);
        assert!(
            plan(&doc.case())
                .steps
                .iter()
                .any(|s| s.position == Position::Floor),
            "with the floor fine, the same map does use it (so the test above means something)"
        );
    }

    #[test]
    fn an_empty_document_leaves_the_tools_unsaid() {
        assert_eq!(Document::default().case().tools, None);
    }

    #[test]
    fn the_case_carries_every_input_and_the_plan_follows_the_profile() {
        let mut doc = Document::default();
        let quad = RegionSide::new(RegionId::Quadriceps, Side::Right).unwrap();
        doc.map.apply(Action::SetSeverity(quad, Severity::STRONG));
        let mid = RegionSide::new(RegionId::BetweenShoulderBlades, Side::Left).unwrap();
        doc.map.apply(Action::SetSeverity(mid, Severity::MODERATE));
        doc.profile.apply(ProfileAction::SetThoracicRoller(true));
        // The mid-back roller is a floor position: only for someone who said the floor is fine.
        doc.profile.apply(ProfileAction::SetFloor(Some(true)));
        doc.profile
            .apply(ProfileAction::ToggleTool(Tool::SoftRoller));
        doc.profile
            .apply(ProfileAction::ToggleTool(Tool::TennisBall));
        let thoracic = |doc: &Document| {
            plan(&doc.case())
                .steps
                .iter()
                .any(|s| s.region == RegionId::ThoracicSpine)
        };
        assert!(thoracic(&doc), "the opt-in gives the mid-back roller");
        doc.profile
            .apply(ProfileAction::ToggleCondition(ConditionId::Osteoporosis));
        assert!(!thoracic(&doc), "osteoporosis removes it");
        let case = doc.case();
        assert_eq!(case.validate(), Ok(()));
        assert!(case.prefs.thoracic_roller_opt_in);
        assert_eq!(case.marks.len(), 2);
    }

    #[test]
    fn a_paused_side_gets_no_step_and_is_not_suggested_for_mapping() {
        let mut doc = Document::default();
        let r = RegionSide::new(RegionId::Calf, Side::Right).unwrap();
        let l = r.mirror();
        doc.map.apply(Action::SetSeverity(r, Severity::MODERATE));
        doc.map.apply(Action::SetSeverity(l, Severity::MILD));
        let p = plan(&doc.case());
        assert!(p.step(RegionId::Calf, Side::Right).is_some());
        doc.paused.push(r);
        let p = plan(&doc.case());
        assert!(p.step(RegionId::Calf, Side::Right).is_none());
        // The lighter left side alone would add to the imbalance (§3.11: at most half of
        // what the tighter side gets, and that is nothing today), so it waits too.
        assert!(p.step(RegionId::Calf, Side::Left).is_none());
        assert!(p
            .avoid
            .iter()
            .any(|a| a.region == RegionId::Calf && a.side == Side::Right));
        assert!(!p.to_map.iter().any(|t| t.region == RegionId::Calf));
        // Pausing the lighter side leaves the tighter one in the plan.
        doc.paused.clear();
        doc.paused.push(l);
        let p = plan(&doc.case());
        assert!(
            p.step(RegionId::Calf, Side::Right).is_some(),
            "the other side stays"
        );
        assert!(p.step(RegionId::Calf, Side::Left).is_none());
    }

    #[test]
    fn screen_answers_reach_the_engine() {
        let mut doc = Document::default();
        let q = RegionSide::new(RegionId::Quadriceps, Side::Left).unwrap();
        doc.map.apply(Action::SetSeverity(q, Severity::MODERATE));
        doc.screen = Some(ScreenRecord {
            date: "2026-11-21".into(),
            yes: vec![FlagId::RF1],
            recheck: false,
        });
        let p = plan(&doc.case());
        assert_eq!(
            p.status,
            crate::domain::planner::engine::Status::StopEmergency
        );
        assert!(p.steps.is_empty());
    }

    #[test]
    fn from_case_round_trips_through_case() {
        let text = r#"{"symptoms":["low_back_pain"],"acute_flare":true,"floor_ok":false,"sensitivity":"high",
            "conditions":[{"id":"joint_replacement","joint":"knee","side":"right"}],"red_flags":["A2"],
            "tools":["tennis_ball"],"prefs":{"thoracic_roller_opt_in":true},
            "marks":[{"region":"quadriceps","side":"right","severity":3,"kind":"sore"}]}"#;
        let case = Case::from_json(text).unwrap();
        let doc = Document::from_case(&case, "2026-11-21").unwrap();
        assert_eq!(doc.case(), case);
        assert!(!needs_screen(doc.screen.as_ref(), "2026-11-21"));
        let mut with_local = case.clone();
        with_local.local.push(LocalFinding {
            region: RegionId::Calf,
            side: Side::Left,
            kind: LocalKind::Inflamed,
        });
        assert_eq!(
            Document::from_case(&with_local, "2026-11-21"),
            Err(NotStorable::Local)
        );
    }

    fn calf(side: Side) -> RegionSide {
        RegionSide::new(RegionId::Calf, side).unwrap()
    }

    /// The moment of an ISO time, with a salt of its own.
    fn moment(iso: &str) -> Moment {
        let ms = crate::domain::calendar::parse_iso_ms(iso).unwrap();
        Moment {
            ms,
            salt: (ms / 1000 % 46_656) as u32,
        }
    }

    #[test]
    fn a_map_edit_stamps_the_map_and_records_a_checkin() {
        let mut doc = Document::default();
        let t = moment("2026-11-21T08:00:00Z");
        assert!(doc.edit_map(Action::SetSeverity(calf(Side::Left), Severity::STRONG), t));
        assert_eq!(doc.map_updated.as_deref(), Some("2026-11-21T08:00:00.000Z"));
        assert_eq!(doc.checkins.len(), 1);
        assert_eq!(doc.checkins[0].map, doc.map);
        let later = moment("2026-11-21T09:00:00Z");
        assert!(
            !doc.edit_map(
                Action::SetSeverity(calf(Side::Left), Severity::STRONG),
                later
            ),
            "no change"
        );
        assert_eq!(
            doc.map_updated.as_deref(),
            Some("2026-11-21T08:00:00.000Z"),
            "no stamp without a change"
        );
        assert_eq!(doc.checkins.len(), 1);
    }

    #[test]
    fn a_sitting_of_changes_is_one_checkin_and_a_later_change_is_another() {
        let mut doc = Document::default();
        doc.map
            .apply(Action::SetSeverity(calf(Side::Left), Severity::STRONG));
        assert!(doc.check_in(moment("2026-11-21T08:00:00Z")));
        doc.map
            .apply(Action::SetSeverity(calf(Side::Right), Severity::MILD));
        assert!(doc.check_in(moment("2026-11-21T08:10:00Z")));
        assert_eq!(doc.checkins.len(), 1);
        assert_eq!(doc.checkins[0].map, doc.map);
        assert_eq!(doc.checkins[0].at, "2026-11-21T08:00:00.000Z");
        assert!(!doc.check_in(moment("2026-11-21T08:11:00Z")), "no change");
        doc.map
            .apply(Action::SetSeverity(calf(Side::Right), Severity::MODERATE));
        assert!(doc.check_in(moment("2026-11-21T18:00:00Z")));
        assert_eq!(doc.checkins.len(), 2, "several a day");
        let evening = moment("2026-11-21T18:00:00Z");
        assert_eq!(
            doc.checkins[1].id,
            history::entry_id(EntryKind::CheckIn, evening.ms, evening.salt)
        );
    }

    #[test]
    fn a_session_ends_the_sitting_and_an_empty_map_is_not_an_entry() {
        let mut doc = Document::default();
        assert!(!doc.check_in(moment("2026-11-21T08:00:00Z")));
        doc.map
            .apply(Action::SetSeverity(calf(Side::Left), Severity::STRONG));
        doc.check_in(moment("2026-11-21T08:00:00Z"));
        doc.sessions.push(SessionRecord {
            id: "s1".into(),
            started_at: "2026-11-21T08:05:00Z".into(),
            finished_at: None,
            steps: vec![],
            ratings: vec![],
        });
        doc.map
            .apply(Action::SetSeverity(calf(Side::Left), Severity::MILD));
        doc.check_in(moment("2026-11-21T08:20:00Z"));
        assert_eq!(doc.checkins.len(), 2, "after a session, a new check-in");
        doc.map.apply(Action::ClearAll);
        assert!(doc.check_in(moment("2026-11-21T08:21:00Z")));
        assert_eq!(
            doc.checkins.len(),
            1,
            "clearing in the sitting removes its entry"
        );
    }

    #[test]
    fn unreadable_times_never_join_a_sitting() {
        let mut doc = Document::default();
        doc.checkins.push(CheckIn {
            id: "old".into(),
            at: "garbage".into(),
            map: BodyMap::default(),
        });
        doc.map
            .apply(Action::SetSeverity(calf(Side::Left), Severity::STRONG));
        doc.check_in(moment("2026-11-21T08:00:00Z"));
        assert_eq!(doc.checkins.len(), 2);
    }

    /// A document with marks on both thighs and a calf, and the plan for it.
    fn with_plan() -> (Document, Plan) {
        let mut d = Document::default();
        for (r, s, v) in [
            (RegionId::Quadriceps, Side::Right, Severity::STRONG),
            (RegionId::Quadriceps, Side::Left, Severity::MILD),
            (RegionId::Calf, Side::Left, Severity::MODERATE),
        ] {
            d.map
                .apply(Action::SetSeverity(RegionSide::new(r, s).unwrap(), v));
        }
        let p = plan(&d.case());
        (d, p)
    }

    fn started() -> Document {
        let (mut d, p) = with_plan();
        assert!(d.start_session(&p, moment("2026-11-21T08:00:00Z")));
        d
    }

    #[test]
    fn one_session_runs_at_a_time_and_only_on_a_plan_with_steps() {
        let (mut d, p) = with_plan();
        assert_eq!(d.guide(Command::Play, 0), Change::None, "nothing running");
        assert!(!d.suspend_session());
        let t = moment("2026-11-21T08:00:00Z");
        assert!(d.start_session(&p, t));
        assert!(!d.start_session(&p, moment("2026-11-21T08:01:00Z")));
        let record = &d.running.as_ref().unwrap().record;
        assert_eq!(
            record.id,
            history::entry_id(EntryKind::Session, t.ms, t.salt)
        );
        assert_eq!(record.started_at, "2026-11-21T08:00:00.000Z");
        assert_eq!(d.guide(Command::Play, 0), Change::Clock);
        assert!(d.suspend_session());
        assert!(!d.running.as_ref().unwrap().is_running());
        let mut empty = Document::default();
        let nothing = plan(&empty.case());
        assert!(!empty.start_session(&nothing, t));
        assert!(empty.running.is_none());
    }

    #[test]
    fn a_sharp_pain_stop_pauses_the_side_until_it_is_cleared() {
        let mut d = started();
        d.guide(Command::Done, 0);
        d.guide(Command::Play, 10_000);
        let at = d.stop_for_pain(12_000).unwrap();
        let run = d.running.as_ref().unwrap();
        assert_eq!(at, run.steps[1].at);
        assert_eq!(
            run.record.steps[1].outcome,
            crate::domain::records::session::StepOutcome::StoppedPain
        );
        assert_eq!(d.paused, vec![at]);
        assert!(!d.pause(at), "paused once");
        let p = plan(&d.case());
        assert!(
            p.step(at.region, at.side).is_none(),
            "the next plan leaves it out"
        );
        assert!(d.clear_pause(at));
        assert!(!d.clear_pause(at));
        assert!(plan(&d.case()).step(at.region, at.side).is_some());
        d.guide(Command::EndEarly, 13_000);
        assert_eq!(d.stop_for_pain(14_000), None, "no step showing at the end");
    }

    #[test]
    fn finishing_keeps_the_session_and_may_put_the_ratings_on_the_map() {
        let mut d = started();
        let first = d.running.as_ref().unwrap().steps[0].at;
        d.guide(Command::Done, 0);
        d.guide(Command::EndEarly, 0);
        let t = moment("2026-11-21T08:20:00Z");
        let at = "2026-11-21T08:20:00.000Z";
        let Finished::Saved {
            record,
            first: is_first,
        } = d.finish_session(&[(first, Severity::MILD)], true, t)
        else {
            panic!("a session with a done step is kept");
        };
        assert!(is_first, "the first session kept");
        assert_eq!(d.sessions.last(), Some(&*record));
        assert!(d.running.is_none());
        let s = &d.sessions[0];
        assert!(s.is_finished());
        assert_eq!(s.ratings[0].after, Some(Severity::MILD));
        assert_eq!(d.map.get(first).map(|m| m.severity), Some(Severity::MILD));
        assert_eq!(d.map_updated.as_deref(), Some(at));
        assert_eq!(d.sessions[0].finished_at.as_deref(), Some(at));
        assert_eq!(d.finish_session(&[], true, t), Finished::NotRunning);

        let mut d = started();
        d.guide(Command::Done, 0);
        d.guide(Command::EndEarly, 0);
        assert!(matches!(
            d.finish_session(&[(first, Severity::MILD)], false, t),
            Finished::Saved { .. }
        ));
        assert_eq!(d.map.get(first).map(|m| m.severity), Some(Severity::STRONG));
        assert_eq!(d.map_updated, None, "the map is unchanged");
    }

    #[test]
    fn a_session_with_nothing_done_is_not_saved() {
        let t = moment("2026-11-21T08:20:00Z");
        // Ended at once.
        let mut d = started();
        let map_before = d.map.clone();
        d.guide(Command::EndEarly, 0);
        assert_eq!(d.finish_session(&[], true, t), Finished::NothingDone);
        assert!(d.running.is_none(), "the session is over");
        assert!(d.sessions.is_empty(), "no empty entry in the history");
        assert_eq!(d.map, map_before);
        assert_eq!(d.map_updated, None);
        assert!(
            d.timeline(&|_| 0).is_empty(),
            "nothing to show in the history"
        );
        // Every step skipped without starting it.
        let mut d = started();
        while d.guide(Command::Skip, 0) == Change::Step {}
        assert_eq!(d.finish_session(&[], true, t), Finished::NothingDone);
        assert!(d.sessions.is_empty());
        // Started, then ended a few seconds in: that time counts, so it is kept.
        let mut d = started();
        d.guide(Command::Play, 0);
        d.guide(Command::EndEarly, 8_000);
        let Finished::Saved { record, .. } = d.finish_session(&[], true, t) else {
            panic!("eight seconds of work are kept");
        };
        assert_eq!(record.total_s(), 8);
        // A sharp-pain stop alone is kept (the history and the clinician summary show it),
        // and the area stays paused.
        let mut d = started();
        let at = d.stop_for_pain(0).expect("a step is showing");
        d.guide(Command::EndEarly, 0);
        assert!(matches!(
            d.finish_session(&[], true, t),
            Finished::Saved { first: true, .. }
        ));
        assert_eq!(d.paused, vec![at]);
        // A second kept session is not the first.
        let mut again = d.clone();
        let p = plan(&again.case());
        assert!(again.start_session(&p, t));
        again.guide(Command::Done, 0);
        again.guide(Command::EndEarly, 0);
        assert!(matches!(
            again.finish_session(&[], true, t),
            Finished::Saved { first: false, .. }
        ));
    }

    #[test]
    fn a_sharp_pain_stop_holds_the_session_until_the_person_chooses() {
        let mut d = started();
        d.guide(Command::Play, 0);
        let at = d.stop_for_pain(3_000).expect("a step is showing");
        let run = d.running.as_ref().expect("still running");
        assert!(run.is_halted());
        assert_eq!(d.guide(Command::Tick, 600_000), Change::None);
        assert_eq!(d.guide(Command::Play, 600_000), Change::None);
        assert_eq!(d.stop_for_pain(600_000), None);
        assert_eq!(d.paused, vec![at], "left out of the plan at once");
        assert_eq!(d.guide(Command::GoOn, 600_000), Change::Step);
        let run = d.running.as_ref().expect("still running");
        assert!(!run.is_halted() && !run.is_running() && run.index == 1);
    }

    #[test]
    fn the_running_session_survives_storage_and_a_reload_shows_it_paused() {
        let mut d = started();
        d.guide(Command::Done, 0);
        d.guide(Command::Play, 1_000);
        d.guide(Command::Pause, 4_000);
        d.guide(Command::Play, 5_000);
        let text = crate::domain::persistence::store::encode(&d, 1, "2026-11-21T08:00:00Z");
        let mut back = crate::domain::persistence::store::decode(&text)
            .unwrap()
            .doc;
        assert_eq!(back, d);
        assert!(back.suspend_session());
        let run = back.running.as_ref().unwrap();
        assert_eq!(run.index, 1);
        assert_eq!(run.record.steps.len(), 1);
        assert_eq!(
            run.elapsed_ms(999_999),
            3_000,
            "time up to the last save is kept"
        );
    }

    #[test]
    fn delete_and_undo_restore_the_same_document() {
        let mut doc = Document::default();
        for id in ["a", "b", "c"] {
            doc.checkins.push(CheckIn {
                id: id.into(),
                at: "2026-11-21T07:00:00Z".into(),
                map: BodyMap::default(),
            });
        }
        let before = doc.clone();
        let removed = doc.delete_entry("b").unwrap();
        assert_eq!(doc.checkins.len(), 2);
        assert_eq!(doc.delete_entry("zzz"), None);
        doc.undo_delete(removed.clone());
        assert_eq!(doc, before);
        doc.undo_delete(removed);
        assert_eq!(doc, before, "undo twice adds no duplicate");
    }

    #[test]
    fn entries_are_found_by_id() {
        let mut doc = Document::default();
        doc.checkins.push(CheckIn {
            id: "c".into(),
            at: "2026-11-21T07:00:00Z".into(),
            map: BodyMap::default(),
        });
        doc.sessions.push(SessionRecord {
            id: "s".into(),
            started_at: "2026-11-21T08:00:00Z".into(),
            finished_at: None,
            steps: vec![],
            ratings: vec![],
        });
        assert_eq!(
            doc.checkin("c").map(|c| c.at.as_str()),
            Some("2026-11-21T07:00:00Z")
        );
        assert!(doc.checkin("s").is_none());
        assert!(doc.session("s").is_some() && doc.session("c").is_none());
        let t = doc.timeline(&crate::domain::calendar::utc);
        let ids: Vec<&str> = t[0].items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["s", "c"]);
        let removed = doc.delete_entry("s").unwrap();
        assert!(doc.session("s").is_none());
        doc.undo_delete(removed);
        assert!(doc.session("s").is_some());
    }

    #[test]
    fn screen_answers_are_kept_and_asked_again_on_new_symptoms() {
        let mut doc = Document::default();
        assert!(
            !doc.ask_screen_again(),
            "never answered: nothing to ask again"
        );
        doc.answer_screen(vec![FlagId::RF1], "2026-11-21");
        assert!(!needs_screen(doc.screen.as_ref(), "2026-11-21"));
        assert_eq!(doc.case().red_flags, vec![FlagId::RF1]);
        assert!(doc.ask_screen_again());
        assert!(!doc.ask_screen_again(), "once");
        assert!(needs_screen(doc.screen.as_ref(), "2026-11-21"));
        doc.answer_screen(vec![], "2026-11-22");
        assert!(!needs_screen(doc.screen.as_ref(), "2026-11-22"));
    }

    #[test]
    fn the_programme_starts_today() {
        let mut doc = Document::default();
        let today = calendar::parse_day("2026-11-21").unwrap();
        doc.start_programme(today);
        assert_eq!(
            doc.programme.as_ref().map(|p| p.start.as_str()),
            Some("2026-11-21")
        );
        doc.start_programme(today + 3);
        assert_eq!(
            doc.programme.as_ref().map(|p| p.start.as_str()),
            Some("2026-11-24")
        );
    }
    #[test]
    fn the_leg_check_writes_its_answers_as_it_goes_and_a_reload_resumes_it() {
        use crate::domain::records::leg_check::{Command as Walk, FrontBack, Group, Stage};
        let sev = |n| Severity::new(n).unwrap();
        let answer = |group, l, r| Walk::Answer {
            group,
            left: sev(l),
            right: sev(r),
        };
        let at = |region, side| RegionSide::new(region, side).unwrap();
        let mut doc = Document::default();
        doc.map.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        assert!(doc.start_leg_check());
        let t = moment("2026-11-21T08:00:00Z");
        assert_eq!(
            doc.leg_check(answer(Group::FrontThigh, 0, 0), t),
            Ok(Stage::Group(Group::InnerThigh))
        );
        // On the map at once, 0 as "checked and fine", in one check-in.
        let fine = doc.map.get(at(RegionId::Quadriceps, Side::Left)).unwrap();
        assert_eq!(fine.severity, Severity::FINE);
        assert_eq!(doc.map.len(), 4);
        assert_eq!(doc.checkins.len(), 1);
        doc.leg_check(Walk::Skip, t).unwrap();
        doc.leg_check(answer(Group::OuterThigh, 1, 3), t).unwrap();
        // A reload in the middle: the map and the step come back.
        let text = crate::domain::persistence::store::encode(&doc, 1, "2026-11-21T08:00:00Z");
        let mut back = crate::domain::persistence::store::decode(&text)
            .unwrap()
            .doc;
        assert_eq!(back, doc);
        assert!(!back.start_leg_check(), "resumes, never restarts");
        let walk = back.leg_check.as_ref().unwrap();
        assert_eq!(walk.stage(), Stage::Group(Group::BackThigh));
        back.leg_check(answer(Group::BackThigh, 0, 0), t).unwrap();
        back.leg_check(answer(Group::Calves, 0, 0), t).unwrap();
        assert_eq!(
            back.leg_check(Walk::FrontBack(FrontBack::Same), t),
            Ok(Stage::Done)
        );
        // The skipped inner thigh has no marks; the rest are all there.
        assert_eq!(back.map.get(at(RegionId::Adductors, Side::Left)), None);
        assert_eq!(back.map.len(), 10);
        assert_eq!(
            back.map.tighter_side(RegionId::OuterThigh),
            Some(Side::Right)
        );
        // The plan starts on the tighter side, and the legs count as mapped.
        let p = plan(&back.case());
        let first = &p.steps[0];
        assert_eq!(
            (first.region, first.side),
            (RegionId::OuterThigh, Side::Right)
        );
        assert!(p.steps.iter().all(|s| s.region == RegionId::OuterThigh));
        // A finished walk is kept for its summary until a new one starts.
        assert!(back.start_leg_check());
        assert_eq!(back.leg_check.as_ref().unwrap().step_number(), 1);
        assert_eq!(back.map.len(), 10, "a new walk keeps the map");
    }

    #[test]
    fn re_answering_a_group_of_the_leg_check_replaces_its_marks() {
        use crate::domain::records::leg_check::{Command as Walk, Group};
        let mut doc = Document::default();
        let t = moment("2026-11-21T08:00:00Z");
        let answer = |l, r| Walk::Answer {
            group: Group::Calves,
            left: Severity::new(l).unwrap(),
            right: Severity::new(r).unwrap(),
        };
        doc.leg_check(answer(3, 1), t).unwrap();
        doc.leg_check(Walk::Back, t).unwrap();
        doc.leg_check(answer(1, 2), t).unwrap();
        assert_eq!(doc.map.tighter_side(RegionId::Calf), Some(Side::Right));
        assert_eq!(doc.map.len(), 2);
        assert!(!doc.first_visit());
    }
}
