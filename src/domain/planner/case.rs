//! The engine's input (knowledge base §7.1): one person's marks, symptoms, conditions,
//! screen answers and preferences, with strict validation.
//!
//! Two ways in:
//! - the UI builds a [`Case`] directly (every field is public, [`Case::default`] is the
//!   contract's defaults) and may call [`Case::validate`];
//! - text (a test fixture, the `plan` example, a share link) goes through
//!   [`Case::from_json`], which rejects anything malformed with a [`CaseError`] whose
//!   `Display` is one lowercase line that says where the problem is, for example
//!   `marks[2]: side `left` does not fit midline region `sternum``.
//!
//! Nothing is guessed or clamped: unknown fields, unknown ids, a severity of 7, a side that
//! does not fit its region or a condition missing its joint are errors (§3.10 rule 3).
//! [`crate::domain::planner::engine::plan`] never panics, even on a case that was not validated: it
//! skips entries whose side does not fit their region.

use crate::domain::knowledge::mark::{Mark, Symptom};
use crate::domain::knowledge::region::{RegionId, RegionSide, Side};
use crate::domain::knowledge::rule::Joint;
use crate::domain::knowledge::screen::FlagId;
use crate::domain::knowledge::technique::Tool;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// How strongly a person reacts to pressure (§3.10 rule 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    /// Very sensitive: soft roller and tennis ball only, 60 s per step at most.
    High,
    /// The default, a beginner: gentle tools, about 90 s per step.
    #[default]
    Normal,
    /// Experienced: firmer tools and up to 120 s, when no condition is entered.
    Low,
}

/// A health condition of §7.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionId {
    /// Osteoporosis or osteopenia.
    Osteoporosis,
    /// Fibromyalgia or chronic fatigue.
    #[serde(alias = "chronic_fatigue")]
    Fibromyalgia,
    /// Takes blood thinners.
    BloodThinners,
    /// Blood-pressure problems.
    BloodPressure,
    /// A replaced joint (needs `joint` and `side`).
    JointReplacement,
    /// An earlier operation (needs `joint` or `region`, and `side`).
    PreviousSurgery,
    /// Pregnancy.
    Pregnancy,
}

impl ConditionId {
    /// The contract id.
    pub const fn key(self) -> &'static str {
        match self {
            ConditionId::Osteoporosis => "osteoporosis",
            ConditionId::Fibromyalgia => "fibromyalgia",
            ConditionId::BloodThinners => "blood_thinners",
            ConditionId::BloodPressure => "blood_pressure",
            ConditionId::JointReplacement => "joint_replacement",
            ConditionId::PreviousSurgery => "previous_surgery",
            ConditionId::Pregnancy => "pregnancy",
        }
    }
}

/// One entered condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Which condition.
    pub id: ConditionId,
    /// The joint, for `joint_replacement` and (optionally) `previous_surgery`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint: Option<Joint>,
    /// The side of the joint or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The operated region, for `previous_surgery` without a joint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionId>,
}

impl Condition {
    /// A condition without details (osteoporosis, fibromyalgia, …).
    pub const fn plain(id: ConditionId) -> Condition {
        Condition {
            id,
            joint: None,
            side: None,
            region: None,
        }
    }

    /// A condition at a joint on one side.
    pub const fn at_joint(id: ConditionId, joint: Joint, side: Side) -> Condition {
        Condition {
            id,
            joint: Some(joint),
            side: Some(side),
            region: None,
        }
    }
}

/// What was found at a spot (§5.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocalKind {
    /// Open wound, bruise, rash or skin infection.
    Wound,
    /// Hot, swollen or inflamed.
    Inflamed,
    /// Recent fracture.
    Fracture,
    /// Recent dislocation.
    Dislocation,
    /// Recent surgery.
    Surgery,
}

/// A local finding on one region-side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalFinding {
    /// Region.
    pub region: RegionId,
    /// Side; must fit the region.
    pub side: Side,
    /// What was found.
    pub kind: LocalKind,
}

/// Preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Prefs {
    /// The person likes long holds (never raises a dose; adds `hold_capped`).
    pub long_holds: bool,
    /// The person opts in to the mid-back roller (§3.10 rule 18).
    pub thoracic_roller_opt_in: bool,
}

/// The engine's input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Symptom flags of §1.3.
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    /// Low back pain is in an acute flare-up.
    #[serde(default)]
    pub acute_flare: bool,
    /// Entered conditions.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// The person can get down on the floor and up again (default true).
    #[serde(default = "yes")]
    pub floor_ok: bool,
    /// Pressure sensitivity (default normal).
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Screen questions answered yes (also accepted as an object `{"RF1": true}`).
    #[serde(default, deserialize_with = "de_red_flags")]
    pub red_flags: Vec<FlagId>,
    /// Local findings.
    #[serde(default)]
    pub local: Vec<LocalFinding>,
    /// Preferences.
    #[serde(default)]
    pub prefs: Prefs,
    /// Tools owned; `None` means all tools, `Some(vec![])` hands only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    /// What this person's own history says (§3.2 L11; issue #15): areas that settled and
    /// areas released about six times without change. A ranking hint and a message only:
    /// it can take a step away, never add one or loosen a safety rule.
    #[serde(default, skip_serializing_if = "History::is_empty")]
    pub history: History,
    /// Marks (required in JSON, may be empty).
    pub marks: Vec<Mark>,
}

/// Hints from the person's own sessions, worked out by the records (see
/// `crate::domain::records::evidence`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// Region-sides whose last releases ended at "fine" and that were not marked up again
    /// since: left off today's plan and suggested for checking instead.
    #[serde(default)]
    pub settled: Vec<RegionSide>,
    /// Region-sides released about six times without a lasting change: the plan suggests a
    /// physiotherapist (L11).
    #[serde(default)]
    pub no_change: Vec<RegionSide>,
}

impl History {
    /// True when there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.settled.is_empty() && self.no_change.is_empty()
    }
}

fn yes() -> bool {
    true
}

impl Default for Case {
    /// The contract defaults: nothing entered, floor ok, normal sensitivity, all tools.
    fn default() -> Case {
        Case {
            symptoms: Vec::new(),
            acute_flare: false,
            conditions: Vec::new(),
            floor_ok: true,
            sensitivity: Sensitivity::Normal,
            red_flags: Vec::new(),
            local: Vec::new(),
            prefs: Prefs::default(),
            tools: None,
            history: History::default(),
            marks: Vec::new(),
        }
    }
}

impl Case {
    /// Parses and validates a case from JSON (§7.1). See the module docs.
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        let syntax = |e: serde_json::Error| CaseError::Syntax {
            line: e.line(),
            column: e.column(),
            message: clean(strip_position(&e.to_string())),
        };
        // §3.11 strict input: a repeated key anywhere is malformed (the last must never
        // silently win). Checked on the text, because a parsed map keeps only one.
        if let Err(e) = serde_json::from_str::<Unique>(text) {
            let msg = e.to_string();
            return Err(match msg.strip_prefix(DUPLICATE) {
                Some(rest) => CaseError::DuplicateKey(clean(strip_position(rest))),
                None => syntax(e),
            });
        }
        let value: Value = serde_json::from_str(text).map_err(syntax)?;
        let Value::Object(map) = value else {
            return Err(CaseError::NotAnObject);
        };
        let mut case = Case::default();
        let mut has_marks = false;
        for (key, v) in &map {
            match key.as_str() {
                "symptoms" => case.symptoms = list(v, "symptoms")?,
                "acute_flare" => case.acute_flare = field(v, "acute_flare")?,
                "conditions" => case.conditions = list(v, "conditions")?,
                "floor_ok" => case.floor_ok = field(v, "floor_ok")?,
                "sensitivity" => case.sensitivity = field(v, "sensitivity")?,
                "red_flags" => case.red_flags = red_flags(v)?,
                "local" => case.local = list(v, "local")?,
                "prefs" => case.prefs = field(v, "prefs")?,
                "tools" => case.tools = Some(list(v, "tools")?),
                "history" => case.history = field(v, "history")?,
                "marks" => {
                    case.marks = list(v, "marks")?;
                    has_marks = true;
                }
                other => return Err(CaseError::UnknownField(clean(other))),
            }
        }
        if !has_marks {
            return Err(CaseError::MissingMarks);
        }
        case.validate()?;
        Ok(case)
    }

    /// Serializes the case to JSON (round-trips through [`Case::from_json`]).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"marks\":[]}"))
    }

    /// Checks what the types alone cannot: sides that fit their regions and complete
    /// condition details.
    pub fn validate(&self) -> Result<(), CaseError> {
        for (i, m) in self.marks.iter().enumerate() {
            check_side(|| format!("marks[{i}]"), m.region, m.side)?;
        }
        for (name, list) in [
            ("history.settled", &self.history.settled),
            ("history.no_change", &self.history.no_change),
        ] {
            for (i, rs) in list.iter().enumerate() {
                check_side(|| format!("{name}[{i}]"), rs.region, rs.side)?;
            }
        }
        for (i, l) in self.local.iter().enumerate() {
            check_side(|| format!("local[{i}]"), l.region, l.side)?;
        }
        for (i, c) in self.conditions.iter().enumerate() {
            check_condition(i, c)?;
        }
        Ok(())
    }

    /// True when `symptom` is entered.
    pub fn has_symptom(&self, symptom: Symptom) -> bool {
        self.symptoms.contains(&symptom)
    }

    /// True when a condition with this id is entered.
    pub fn has_condition(&self, id: ConditionId) -> bool {
        self.conditions.iter().any(|c| c.id == id)
    }

    /// True when `flag` was answered yes.
    pub fn has_flag(&self, flag: FlagId) -> bool {
        self.red_flags.contains(&flag)
    }

    /// True when the person has `tool` (hands always; all tools when `tools` is left out).
    pub fn owns(&self, tool: Tool) -> bool {
        tool == Tool::Hands
            || self
                .tools
                .as_ref()
                .is_none_or(|owned| owned.contains(&tool))
    }

    /// Adds a mark (builder style, for tests and the UI).
    pub fn mark(mut self, region: RegionId, side: Side, severity: u8) -> Case {
        if let Some(severity) = crate::domain::knowledge::mark::Severity::new(severity) {
            self.marks.push(Mark {
                region,
                side,
                severity,
                kind: Default::default(),
            });
        }
        self
    }
}

fn check_side(path: impl Fn() -> String, region: RegionId, side: Side) -> Result<(), CaseError> {
    if region.def().accepts(side) {
        Ok(())
    } else {
        Err(CaseError::SideDoesNotFit {
            path: path(),
            region,
            side,
        })
    }
}

fn check_condition(i: usize, c: &Condition) -> Result<(), CaseError> {
    let path = || format!("conditions[{i}]");
    let fail = |problem| {
        Err(CaseError::Condition {
            path: path(),
            condition: c.id,
            problem,
        })
    };
    match c.id {
        ConditionId::JointReplacement => {
            if c.region.is_some() {
                return fail(ConditionProblem::RegionNotAllowed);
            }
            if c.joint.is_none() {
                return fail(ConditionProblem::JointNeeded);
            }
            match c.side {
                None => fail(ConditionProblem::SideNeeded),
                Some(Side::Mid) => fail(ConditionProblem::MidOnJoint),
                Some(_) => Ok(()),
            }
        }
        ConditionId::PreviousSurgery => match (c.joint, c.region) {
            (None, None) => fail(ConditionProblem::JointOrRegionNeeded),
            (Some(_), Some(_)) => fail(ConditionProblem::JointAndRegion),
            (Some(_), None) => match c.side {
                None => fail(ConditionProblem::SideNeeded),
                Some(Side::Mid) => fail(ConditionProblem::MidOnJoint),
                Some(_) => Ok(()),
            },
            (None, Some(region)) => match c.side {
                None if region.def().is_bilateral() => fail(ConditionProblem::SideNeeded),
                None => Ok(()),
                Some(side) => check_side(path, region, side),
            },
        },
        _ => {
            if c.joint.is_some() || c.side.is_some() || c.region.is_some() {
                fail(ConditionProblem::NoDetails)
            } else {
                Ok(())
            }
        }
    }
}

/// What is wrong with a condition entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionProblem {
    /// `joint` is required.
    JointNeeded,
    /// `side` (`left` or `right`) is required.
    SideNeeded,
    /// A joint has no `mid` side.
    MidOnJoint,
    /// `previous_surgery` needs `joint` or `region`.
    JointOrRegionNeeded,
    /// `previous_surgery` takes `joint` or `region`, not both.
    JointAndRegion,
    /// `joint_replacement` takes no `region`.
    RegionNotAllowed,
    /// This condition takes no `joint`, `side` or `region`.
    NoDetails,
}

/// Why a case was rejected. `Display` is one lowercase line naming where it went wrong.
#[derive(Clone, PartialEq, Eq)]
pub enum CaseError {
    /// The text is not valid JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The JSON is not an object.
    NotAnObject,
    /// A top-level field that the contract does not have.
    UnknownField(String),
    /// `marks` is missing.
    MissingMarks,
    /// A key appears twice in one object, e.g. `red_flags` twice; the text says where.
    DuplicateKey(String),
    /// A field or list entry has the wrong type, an unknown id, an unknown field or a bad value.
    Invalid {
        /// Where, e.g. `marks[2]`.
        path: String,
        /// What, e.g. `severity 7 is not a whole number from 0 to 3`.
        message: String,
    },
    /// A side that does not fit the region's laterality.
    SideDoesNotFit {
        /// Where.
        path: String,
        /// The region.
        region: RegionId,
        /// The side given.
        side: Side,
    },
    /// A condition with missing or extra details.
    Condition {
        /// Where.
        path: String,
        /// Which condition.
        condition: ConditionId,
        /// What is wrong.
        problem: ConditionProblem,
    },
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaseError::Syntax {
                line,
                column,
                message,
            } => write!(f, "invalid json at line {line}, column {column}: {message}"),
            CaseError::NotAnObject => {
                write!(f, "the case must be a json object with a `marks` list")
            }
            CaseError::UnknownField(name) => write!(f, "unknown field `{name}` in the case"),
            CaseError::MissingMarks => {
                write!(
                    f,
                    "missing field `marks` (a list of marks, which may be empty)"
                )
            }
            CaseError::DuplicateKey(at) => {
                write!(f, "duplicate key {at}: each key may appear only once")
            }
            CaseError::Invalid { path, message } => write!(f, "{path}: {message}"),
            CaseError::SideDoesNotFit { path, region, side } => {
                if region.def().is_bilateral() {
                    write!(
                        f,
                        "{path}: side `{}` does not fit bilateral region `{}` (use `left` or `right`)",
                        side.key(),
                        region.key()
                    )
                } else {
                    write!(
                        f,
                        "{path}: side `{}` does not fit midline region `{}` (use `mid`)",
                        side.key(),
                        region.key()
                    )
                }
            }
            CaseError::Condition {
                path,
                condition,
                problem,
            } => {
                let c = condition.key();
                match problem {
                    ConditionProblem::JointNeeded => {
                        write!(f, "{path}: `{c}` needs a `joint` (knee, hip or shoulder)")
                    }
                    ConditionProblem::SideNeeded => {
                        write!(f, "{path}: `{c}` needs a `side` (`left` or `right`)")
                    }
                    ConditionProblem::MidOnJoint => {
                        write!(
                            f,
                            "{path}: `{c}` at a joint needs side `left` or `right`, not `mid`"
                        )
                    }
                    ConditionProblem::JointOrRegionNeeded => {
                        write!(f, "{path}: `{c}` needs a `joint` or a `region`")
                    }
                    ConditionProblem::JointAndRegion => {
                        write!(f, "{path}: `{c}` takes a `joint` or a `region`, not both")
                    }
                    ConditionProblem::RegionNotAllowed => {
                        write!(f, "{path}: `{c}` takes a `joint`, not a `region`")
                    }
                    ConditionProblem::NoDetails => {
                        write!(f, "{path}: `{c}` takes no `joint`, `side` or `region`")
                    }
                }
            }
        }
    }
}

impl fmt::Debug for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for CaseError {}

/// Makes text from the input safe for a one-line message: control characters become `?`
/// and long text is cut.
fn clean(s: &str) -> String {
    const MAX: usize = 120;
    let mut out: String = s
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if s.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

/// serde_json appends " at line L column C"; the error carries those numbers separately.
fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

const DUPLICATE: &str = "duplicate key ";

/// Any JSON value, read only to refuse repeated keys; it remembers nothing else.
struct Unique;

/// Reads one value below `path` (`"marks[2]"`, empty at the top).
struct UniqueAt<'p>(&'p str);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
        serde::de::DeserializeSeed::deserialize(UniqueAt(""), d)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for UniqueAt<'_> {
    type Value = Unique;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Unique, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueAt<'_> {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a json value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        let mut i = 0usize;
        loop {
            let path = format!("{}[{i}]", self.0);
            if seq.next_element_seed(UniqueAt(&path))?.is_none() {
                return Ok(Unique);
            }
            i += 1;
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.0.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.0)
            };
            if seen.contains(&key) {
                let shown = if self.0.is_empty() {
                    format!("`{key}`")
                } else {
                    path
                };
                return Err(serde::de::Error::custom(format!("{DUPLICATE}{shown}")));
            }
            map.next_value_seed(UniqueAt(&path))?;
            seen.push(key);
        }
        Ok(Unique)
    }
}

fn invalid(path: String, e: serde_json::Error) -> CaseError {
    CaseError::Invalid {
        path,
        message: clean(&e.to_string()),
    }
}

fn field<T: DeserializeOwned>(v: &Value, name: &str) -> Result<T, CaseError> {
    T::deserialize(v).map_err(|e| invalid(name.to_string(), e))
}

fn list<T: DeserializeOwned>(v: &Value, name: &str) -> Result<Vec<T>, CaseError> {
    let Value::Array(items) = v else {
        return Err(CaseError::Invalid {
            path: name.to_string(),
            message: format!("expected a list, found {}", kind_of(v)),
        });
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| T::deserialize(item).map_err(|e| invalid(format!("{name}[{i}]"), e)))
        .collect()
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn red_flags(v: &Value) -> Result<Vec<FlagId>, CaseError> {
    match v {
        Value::Object(map) => {
            let mut out = Vec::new();
            for (key, answer) in map {
                let Some(id) = FlagId::from_key(key) else {
                    return Err(CaseError::Invalid {
                        path: "red_flags".into(),
                        message: format!("unknown red-flag id `{}`", clean(key)),
                    });
                };
                match answer {
                    Value::Bool(true) => out.push(id),
                    Value::Bool(false) => {}
                    other => {
                        return Err(CaseError::Invalid {
                            path: format!("red_flags.{key}"),
                            message: format!("expected true or false, found {}", kind_of(other)),
                        })
                    }
                }
            }
            Ok(out)
        }
        _ => list(v, "red_flags"),
    }
}

/// Accepts the contract's list of yes ids, or an object of id → bool (the §6 sketch).
fn de_red_flags<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FlagId>, D::Error> {
    let v = Value::deserialize(d)?;
    red_flags(&v).map_err(|e| serde::de::Error::custom(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Severity;

    fn err(text: &str) -> String {
        Case::from_json(text).unwrap_err().to_string()
    }

    #[test]
    fn the_contract_example_parses() {
        let c = Case::from_json(
            r#"{"symptoms":["low_back_pain"],"acute_flare":false,
            "conditions":[{"id":"joint_replacement","joint":"knee","side":"right"}],
            "floor_ok":true,"sensitivity":"normal","red_flags":["A2"],
            "local":[{"region":"achilles","side":"right","kind":"inflamed"}],
            "prefs":{"long_holds":false,"thoracic_roller_opt_in":false},
            "tools":["tennis_ball","soft_roller"],
            "marks":[{"region":"quadriceps","side":"right","severity":3,"kind":"tight"}]}"#,
        )
        .unwrap();
        assert_eq!(c.marks.len(), 1);
        assert_eq!(c.marks[0].severity, Severity::STRONG);
        assert_eq!(c.red_flags, vec![FlagId::A2]);
        assert!(c.owns(Tool::Hands) && c.owns(Tool::TennisBall) && !c.owns(Tool::RollingPin));
    }

    #[test]
    fn defaults_apply_when_fields_are_left_out() {
        let c = Case::from_json(r#"{"marks":[]}"#).unwrap();
        assert_eq!(c, Case::default());
        assert!(c.floor_ok && c.owns(Tool::MediumRoller));
    }

    #[test]
    fn empty_tools_means_hands_only() {
        let c = Case::from_json(r#"{"tools":[],"marks":[]}"#).unwrap();
        assert!(c.owns(Tool::Hands) && !c.owns(Tool::TennisBall));
    }

    #[test]
    fn malformed_cases_give_one_clear_line() {
        let cases = [
            ("", "invalid json at line 1, column 0"),
            ("{", "invalid json"),
            ("[]", "must be a json object"),
            (r#"{}"#, "missing field `marks`"),
            (r#"{"marks":[],"colour":1}"#, "unknown field `colour`"),
            (
                r#"{"red_flags":["RF7"],"marks":[],"red_flags":["A2"]}"#,
                "duplicate key `red_flags`: each key",
            ),
            (
                r#"{"marks":[{"region":"calf","side":"left","severity":1,"severity":3}]}"#,
                "duplicate key marks[0].severity",
            ),
            (
                r#"{"prefs":{"long_holds":true,"long_holds":false},"marks":[]}"#,
                "duplicate key prefs.long_holds",
            ),
            (
                r#"{"marks":[{"region":"elbow_nose","side":"left","severity":1}]}"#,
                "marks[0]: unknown region id `elbow_nose`",
            ),
            (
                r#"{"marks":[{"region":"calf","side":"left","severity":7}]}"#,
                "marks[0]: severity 7 is not a whole number from 0 to 3",
            ),
            (
                r#"{"marks":[{"region":"calf","side":"left","severity":1},{"region":"calf","side":"left","severity":1},{"region":"sternum","side":"left","severity":1}]}"#,
                "marks[2]: side `left` does not fit midline region `sternum`",
            ),
            (
                r#"{"marks":[{"region":"calf","side":"mid","severity":1}]}"#,
                "marks[0]: side `mid` does not fit bilateral region `calf`",
            ),
            (
                r#"{"marks":[{"region":"calf","side":"left","severity":1,"x":1}]}"#,
                "marks[0]: unknown field `x`",
            ),
            (r#"{"marks":{}}"#, "marks: expected a list, found an object"),
            (
                r#"{"symptoms":["back"],"marks":[]}"#,
                "symptoms[0]: unknown variant `back`",
            ),
            (
                r#"{"red_flags":["RF99"],"marks":[]}"#,
                "red_flags[0]: unknown variant `RF99`",
            ),
            (
                r#"{"red_flags":{"RF1":"yes"},"marks":[]}"#,
                "red_flags.RF1: expected true or false",
            ),
            (
                r#"{"sensitivity":"extreme","marks":[]}"#,
                "sensitivity: unknown variant `extreme`",
            ),
            (r#"{"floor_ok":"no","marks":[]}"#, "floor_ok: invalid type"),
            (
                r#"{"tools":null,"marks":[]}"#,
                "tools: expected a list, found null",
            ),
            (
                r#"{"prefs":{"long":true},"marks":[]}"#,
                "prefs: unknown field `long`",
            ),
            (
                r#"{"conditions":[{"id":"joint_replacement","side":"left"}],"marks":[]}"#,
                "conditions[0]: `joint_replacement` needs a `joint`",
            ),
            (
                r#"{"conditions":[{"id":"joint_replacement","joint":"knee"}],"marks":[]}"#,
                "conditions[0]: `joint_replacement` needs a `side`",
            ),
            (
                r#"{"conditions":[{"id":"osteoporosis","side":"left"}],"marks":[]}"#,
                "conditions[0]: `osteoporosis` takes no",
            ),
            (
                r#"{"conditions":[{"id":"previous_surgery"}],"marks":[]}"#,
                "conditions[0]: `previous_surgery` needs a `joint` or a `region`",
            ),
            (
                r#"{"conditions":[{"id":"previous_surgery","region":"sternum","side":"left"}],"marks":[]}"#,
                "conditions[0]: side `left` does not fit midline region `sternum`",
            ),
            (
                r#"{"local":[{"region":"calf","side":"left","kind":"itchy"}],"marks":[]}"#,
                "local[0]: unknown variant `itchy`",
            ),
        ];
        for (text, want) in cases {
            let got = err(text);
            assert!(got.contains(want), "{text}\n got: {got}\nwant: {want}");
            assert!(!got.contains('\n'), "{got}");
            assert_eq!(
                got.chars().next().map(|c| c.is_lowercase()),
                Some(true),
                "{got}"
            );
        }
    }

    #[test]
    fn red_flags_also_accept_an_object() {
        let c = Case::from_json(r#"{"red_flags":{"RF1":true,"A2":false},"marks":[]}"#).unwrap();
        assert_eq!(c.red_flags, vec![FlagId::RF1]);
        let d: Case = serde_json::from_str(r#"{"red_flags":{"RF7":true},"marks":[]}"#).unwrap();
        assert_eq!(d.red_flags, vec![FlagId::RF7]);
    }

    #[test]
    fn a_case_round_trips() {
        let c = Case::default().mark(RegionId::Calf, Side::Left, 2).mark(
            RegionId::Sternum,
            Side::Mid,
            1,
        );
        let back = Case::from_json(&c.to_json()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn hostile_text_stays_on_one_line() {
        let got = err("{\"a\\nb\":1,\"marks\":[]}");
        assert!(!got.contains('\n'), "{got}");
        let long = format!("{{\"{}\":1,\"marks\":[]}}", "x".repeat(10_000));
        assert!(err(&long).len() < 300);
        let deep = "[".repeat(10_000);
        assert!(err(&deep).starts_with("invalid json"));
    }
}
