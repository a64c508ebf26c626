use crate::components::MapFigure;
use crate::domain::calendar::{self, short_date};
use crate::domain::knowledge::mark::Kind;
use crate::domain::knowledge::region::{RegionSide, Side, View, REGIONS};
use crate::domain::knowledge::screen::FlagId;
use crate::domain::planner::case::Sensitivity;
use crate::domain::planner::engine::{plan as make_plan, Plan, Status, Step};
use crate::domain::records::body_map::{BodyMap, MarkValue};
use crate::domain::records::document::Document;
use crate::domain::records::guide::{duration_words, motion_words, position_words};
use crate::domain::records::profile::{describe_condition, needs_screen, OWNABLE_TOOLS};
use crate::domain::records::session::StepOutcome;
use crate::state::{local_offset, today, today_day, use_state};
use leptos::prelude::*;

/// How far back the summary looks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Period {
    Weeks6,
    Months3,
    All,
}

impl Period {
    fn days(self) -> Option<i64> {
        match self {
            Period::Weeks6 => Some(42),
            Period::Months3 => Some(91),
            Period::All => None,
        }
    }
}

/// A full date for paper: `19 Oct 2026` (always with the year).
fn date(day: i64) -> String {
    short_date(day, None)
}

/// A duration in words that never breaks across lines: `1\u{a0}min\u{a0}30\u{a0}s`.
fn time(secs: u32) -> String {
    duration_words(secs).replace(' ', "\u{a0}")
}

/// The local day of an ISO time stamp.
fn day_of(iso: &str) -> Option<i64> {
    calendar::parse_iso_ms(iso).map(|ms| calendar::local_day(ms, &local_offset))
}

/// A map at a moment: the first or the latest check-in of the period.
struct Snapshot {
    day: Option<i64>,
    map: BodyMap,
}

/// What one region-side did between the first and the latest check-in.
struct SideChange {
    first: Option<MarkValue>,
    latest: Option<MarkValue>,
}

/// One row of the left/right table: a region with its sides (one for a midline region).
struct Row {
    name: &'static str,
    sides: Vec<(Side, SideChange)>,
}

/// A "sharp pain or tingling" stop.
struct PainStop {
    day: Option<i64>,
    at: RegionSide,
    after_s: u16,
}

/// Everything the page shows about the period, read from the document.
struct Summary {
    /// First and last day with an entry in the period.
    span: Option<(i64, i64)>,
    first: Option<Snapshot>,
    latest: Option<Snapshot>,
    rows: Vec<Row>,
    sessions: usize,
    unfinished: usize,
    minutes: u32,
    /// Average before and after ratings of the worked areas, and how many ratings.
    ratings: Option<(f64, f64, usize)>,
    stops: Vec<PainStop>,
}

fn summarise(d: &Document, from: Option<i64>) -> Summary {
    let in_period = |day: Option<i64>| from.is_none_or(|f| day.is_some_and(|x| x >= f));
    // Oldest first by time (a stable sort keeps the stored order of equal times).
    let mut checkins: Vec<(i64, i64, &BodyMap)> = d
        .checkins
        .iter()
        .filter_map(|c| {
            let ms = calendar::parse_iso_ms(&c.at)?;
            Some((ms, calendar::local_day(ms, &local_offset), &c.map))
        })
        .filter(|(_, day, _)| in_period(Some(*day)))
        .collect();
    checkins.sort_by_key(|(ms, _, _)| *ms);
    let checkins: Vec<(i64, &BodyMap)> = checkins
        .into_iter()
        .map(|(_, day, map)| (day, map))
        .collect();
    let sessions: Vec<_> = d
        .sessions
        .iter()
        .filter(|s| in_period(day_of(&s.started_at)))
        .collect();

    let (first, latest) = match (checkins.first(), checkins.last()) {
        (Some(f), Some(l)) if checkins.len() > 1 => (
            Some(Snapshot {
                day: Some(f.0),
                map: f.1.clone(),
            }),
            Some(Snapshot {
                day: Some(l.0),
                map: l.1.clone(),
            }),
        ),
        (Some(l), _) => (
            None,
            Some(Snapshot {
                day: Some(l.0),
                map: l.1.clone(),
            }),
        ),
        // No check-in in the period: the map as it is now, if there is one.
        _ if !d.map.is_empty() => (
            None,
            Some(Snapshot {
                day: d.map_updated.as_deref().and_then(day_of),
                map: d.map.clone(),
            }),
        ),
        _ => (None, None),
    };

    let rows = latest
        .as_ref()
        .map(|l| {
            REGIONS
                .iter()
                .filter_map(|def| {
                    let sides: Vec<(Side, SideChange)> = def
                        .sides()
                        .iter()
                        .map(|&side| {
                            let at = RegionSide {
                                region: def.id,
                                side,
                            };
                            (
                                side,
                                SideChange {
                                    first: first.as_ref().and_then(|f| f.map.get(at)),
                                    latest: l.map.get(at),
                                },
                            )
                        })
                        .collect();
                    sides
                        .iter()
                        .any(|(_, c)| c.first.is_some() || c.latest.is_some())
                        .then_some(Row {
                            name: def.name,
                            sides,
                        })
                })
                .collect()
        })
        .unwrap_or_default();

    let mut days: Vec<i64> = checkins.iter().map(|(day, _)| *day).collect();
    days.extend(sessions.iter().filter_map(|s| day_of(&s.started_at)));
    let span = days
        .iter()
        .min()
        .zip(days.iter().max())
        .map(|(a, b)| (*a, *b));

    let (mut before, mut after, mut rated) = (0u32, 0u32, 0usize);
    for r in sessions.iter().flat_map(|s| &s.ratings) {
        if let Some(a) = r.after {
            before += u32::from(r.before.get());
            after += u32::from(a.get());
            rated += 1;
        }
    }
    let ratings = (rated > 0).then(|| {
        (
            f64::from(before) / rated as f64,
            f64::from(after) / rated as f64,
            rated,
        )
    });
    let stops = sessions
        .iter()
        .flat_map(|s| {
            let day = day_of(&s.started_at);
            s.steps
                .iter()
                .filter(|st| st.outcome == StepOutcome::StoppedPain)
                .map(move |st| PainStop {
                    day,
                    at: st.at,
                    after_s: st.done_s,
                })
        })
        .collect();
    Summary {
        span,
        first,
        latest,
        rows,
        sessions: sessions.len(),
        unfinished: sessions.iter().filter(|s| !s.is_finished()).count(),
        minutes: sessions
            .iter()
            .map(|s| s.total_s())
            .sum::<u32>()
            .div_ceil(60),
        ratings,
        stops,
    }
}

/// "6 weeks", "10 days", "1 day": how long a span of days is.
fn span_words(first: i64, last: i64) -> String {
    let days = last - first + 1;
    match days {
        1 => "1 day".to_string(),
        d if d < 14 => format!("{d} days"),
        d => format!("{} weeks", (d + 3) / 7),
    }
}

/// The first sentence of a plan step's reason.
fn first_sentence(text: &str) -> &str {
    text.match_indices(". ")
        .chain(text.match_indices("? "))
        .chain(text.match_indices("! "))
        .map(|(i, _)| i + 1)
        .min()
        .map_or(text, |end| &text[..end])
}

/// One severity as a numbered swatch and its word, e.g. `[2] moderate`, with "sore" when it is.
fn sev_view(m: Option<MarkValue>) -> AnyView {
    match m {
        None => view! { <span class="clin-sev none">"not marked"</span> }.into_any(),
        Some(m) => {
            let n = m.severity.get();
            view! {
                <span class="clin-sev">
                    <span class=format!("swatch sev-{n}")>{n}</span>
                    " " {m.severity.word()}
                    {(m.kind == Kind::Sore).then_some(", sore")}
                </span>
            }
            .into_any()
        }
    }
}

/// The change of one region-side between the first and the latest check-in: its class, a
/// sign for the eye (not read out) and the words.
fn change_words(c: &SideChange) -> (&'static str, &'static str, String) {
    match (c.first, c.latest) {
        (Some(f), Some(l)) => {
            let (a, b) = (f.severity.get(), l.severity.get());
            match b.cmp(&a) {
                std::cmp::Ordering::Less => ("better", "▼ ", format!("better by {}", a - b)),
                std::cmp::Ordering::Greater => ("worse", "▲ ", format!("worse by {}", b - a)),
                std::cmp::Ordering::Equal => ("same", "= ", "no change".to_string()),
            }
        }
        (None, Some(_)) => ("new", "", "newly marked".to_string()),
        (Some(_), None) => ("gone", "", "no longer marked".to_string()),
        (None, None) => ("same", "", String::new()),
    }
}

/// One cell of the left/right table: first → latest and the change, or only the latest when
/// the period has one check-in.
fn side_cell(c: &SideChange, compare: bool) -> AnyView {
    if !compare {
        return sev_view(c.latest);
    }
    if c.first.is_none() && c.latest.is_none() {
        return view! { <span class="clin-sev none">"not marked"</span> }.into_any();
    }
    let (class, sign, words) = change_words(c);
    view! {
        <span class="clin-from">{sev_view(c.first)}</span>
        <span class="clin-arrow" aria-hidden="true">" → "</span>
        <span class="sr-only">" to "</span>
        <span class="clin-to">{sev_view(c.latest)}</span>
        <span class=format!("clin-change {class}")><span aria-hidden="true">{sign}</span>{words}</span>
    }
    .into_any()
}

/// The four small drawings: first and latest check-in, front and back.
fn maps_view(s: &Summary) -> AnyView {
    let Some(latest) = s.latest.as_ref() else {
        return view! {
            <p class="empty">"No body map in this period yet. Mark where you feel tight or sore on the map first."</p>
        }
        .into_any();
    };
    let pair = |title: &'static str, m: &Snapshot| {
        let when = m.day.map(date).unwrap_or_default();
        let heading = if when.is_empty() {
            title.to_string()
        } else {
            format!("{title}: {when}")
        };
        let label = |side: &str| format!("{heading}, {side}");
        view! {
            <div class="clin-pair">
                <p class="clin-pair-title"><strong>{heading.clone()}</strong></p>
                <div class="clin-figs">
                    <figure>
                        <MapFigure map=m.map.clone() view=View::Front label=label("front")/>
                        <figcaption>"Front"</figcaption>
                    </figure>
                    <figure>
                        <MapFigure map=m.map.clone() view=View::Back label=label("back")/>
                        <figcaption>"Back"</figcaption>
                    </figure>
                </div>
            </div>
        }
    };
    view! {
        <div class="clin-maps">
            {s.first.as_ref().map(|f| pair("First check-in", f))}
            {pair(if s.first.is_some() { "Latest check-in" } else { "Check-in" }, latest)}
            <p class="clin-key">
                "Numbers on the drawings: 0 fine, 1 mild, 2 moderate, 3 strong. Darker shading and a heavier "
                "outline mean stronger; hatching means sore rather than tight. On the front view the "
                "person's right side is on the left of the drawing."
            </p>
        </div>
    }
    .into_any()
}

/// The left/right table of the marked areas.
fn table_view(s: &Summary) -> AnyView {
    if s.rows.is_empty() {
        return view! { <p class="empty">"No areas marked in this period."</p> }.into_any();
    }
    let compare = s.first.is_some();
    let caption = if compare {
        "Each cell: first check-in → latest check-in, and the change (0 fine to 3 strong)."
    } else {
        "The only check-in of this period (0 fine to 3 strong)."
    };
    view! {
        <div class="clin-table-wrap">
        <table class="clin-table">
            <caption>{caption}</caption>
            <thead>
                <tr><th scope="col">"Area"</th><th scope="col">"Left side"</th><th scope="col">"Right side"</th></tr>
            </thead>
            <tbody>
                {s.rows.iter().map(|row| {
                    let cells = match row.sides.as_slice() {
                        [(Side::Mid, c)] => view! {
                            <td colspan="2" class="mid" data-label="Middle">{side_cell(c, compare)}</td>
                        }.into_any(),
                        sides => sides.iter().map(|(side, c)| {
                            let label = if *side == Side::Left { "Left side" } else { "Right side" };
                            view! { <td data-label=label>{side_cell(c, compare)}</td> }
                        }).collect_view().into_any(),
                    };
                    view! { <tr><th scope="row">{row.name}</th>{cells}</tr> }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// One plan step in a line: area, position, tool, time, and why in one sentence (or which
/// earlier step has the same reason, `same_as`, 1-based).
fn step_view(s: &Step, same_as: Option<usize>) -> impl IntoView {
    let at = RegionSide {
        region: s.region,
        side: s.side,
    };
    let how = format!(
        "{}, {}, {}, {}",
        position_words(s.position),
        s.tool.name(),
        motion_words(s.motion),
        time(u32::from(s.seconds))
    );
    view! {
        <li>
            <strong>{at.label()}</strong>
            {s.lighter.then_some(" (the lighter side, shorter)")}
            <span class="clin-how">{how}</span>
            <span class="clin-why">{match same_as {
                Some(k) => format!("Same reason as step {k}."),
                None => first_sentence(&s.why).to_string(),
            }}</span>
        </li>
    }
}

/// The current plan, or why there is none.
fn plan_view(plan: Option<&Plan>, paused: &[RegionSide]) -> AnyView {
    let Some(plan) = plan else {
        return view! {
            <p>"Not shown: the safety questions were last answered more than a week ago (or never). "
               "The app asks them again before it gives a plan."</p>
        }
        .into_any();
    };
    if plan.status != Status::Plan {
        let msg = match plan.status {
            Status::StopEmergency => "The safety answers call for urgent medical help, so the app gives no self-release plan.",
            _ => "The safety answers call for seeing a doctor first, so the app gives no self-release plan.",
        };
        return view! { <p class="clin-stop">{msg}</p> }.into_any();
    }
    let total: u32 = plan.steps.iter().map(|s| u32::from(s.seconds)).sum();
    let n = plan.steps.len();
    view! {
        {if n == 0 {
            view! { <p>"No steps at the moment: none of the marked areas can be worked with a tool right now."</p> }.into_any()
        } else {
            view! {
                <p class="clin-lead">{format!("{n} {}, about {} in all, in this order:", if n == 1 { "step" } else { "steps" }, time(total))}</p>
                <ol class="clin-plan">{plan.steps.iter().enumerate().map(|(i, s)| {
                    let why = first_sentence(&s.why);
                    let same_as = plan.steps[..i].iter().position(|e| first_sentence(&e.why) == why).map(|k| k + 1);
                    step_view(s, same_as)
                }).collect_view()}</ol>
            }.into_any()
        }}
        {(!paused.is_empty()).then(|| view! {
            <p>"Left out after a sharp-pain stop, until it feels fine again: "
               {paused.iter().map(|p| p.label()).collect::<Vec<_>>().join("; ")}"."</p>
        })}
    }
    .into_any()
}

/// Conditions, symptoms, floor, pressure, tools and the safety answers, in the person's words.
fn health_view(d: &Document) -> impl IntoView {
    let p = &d.profile;
    let conditions = if p.conditions.is_empty() {
        "None entered".to_string()
    } else {
        p.conditions
            .iter()
            .map(describe_condition)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut symptoms: Vec<&str> = d.map.symptoms.iter().map(|s| s.label()).collect();
    if d.map.acute_flare {
        symptoms.push("A flare-up right now");
    }
    let symptoms = if symptoms.is_empty() {
        "None ticked".to_string()
    } else {
        symptoms.join("; ")
    };
    let floor = match p.floor_ok {
        Some(false) => "getting down and up again is not for me (chair, wall or standing instead)",
        Some(true) => "getting down and up again is fine",
        None => "not answered yet (the plan keeps off the floor until it is)",
    };
    let pressure = match p.sensitivity {
        Sensitivity::High => "gentle (soft tools, a minute at most)",
        Sensitivity::Normal => "normal",
        Sensitivity::Low => "firm (firmer balls, a little longer)",
    };
    let tools = match &p.tools {
        None => "Not said (any tool may be suggested)".to_string(),
        Some(_) => {
            let mut owned: Vec<&str> = OWNABLE_TOOLS
                .iter()
                .filter(|t| p.owns(**t))
                .map(|t| t.name())
                .collect();
            owned.push("the hands");
            owned.join(", ")
        }
    };
    let screen = match &d.screen {
        None => {
            view! { <li><strong>"Safety questions: "</strong>"not answered yet."</li> }.into_any()
        }
        Some(s) => {
            let when = calendar::parse_day(&s.date)
                .map(date)
                .unwrap_or_else(|| s.date.clone());
            let total = FlagId::all().count();
            let yes: Vec<&'static str> = s.yes.iter().map(|f| f.question().text).collect();
            let no = total - yes.len();
            view! {
                <li>
                    <strong>"Safety questions"</strong>{format!(" (answered on {when}): ")}
                    {if yes.is_empty() {
                        format!("no to all {total} questions about warning signs.")
                    } else {
                        format!("yes to {}, no to the other {no}:", if yes.len() == 1 { "one".to_string() } else { yes.len().to_string() })
                    }}
                    {(!yes.is_empty()).then(|| view! {
                        <ul class="clin-yes">{yes.into_iter().map(|q| view! { <li>{"Yes: "}{q}</li> }).collect_view()}</ul>
                    })}
                </li>
            }
            .into_any()
        }
    };
    view! {
        <ul class="clin-facts">
            <li><strong>"Health conditions: "</strong>{conditions}</li>
            <li><strong>"Symptoms ticked: "</strong>{symptoms}</li>
            <li><strong>"Floor: "</strong>{floor}"; "<strong>"pressure: "</strong>{pressure}</li>
            <li><strong>"Tools at home: "</strong>{tools}</li>
            {screen}
        </ul>
    }
}

/// Sessions done, ratings before and after, and the sharp-pain stops.
fn sessions_view(s: &Summary) -> impl IntoView {
    let count = match s.sessions {
        0 => "No guided sessions in this period.".to_string(),
        n => {
            let mut t = format!(
                "{n} guided {}, {} min in all",
                if n == 1 { "session" } else { "sessions" },
                s.minutes
            );
            if s.unfinished > 0 {
                t.push_str(&format!(" ({} not finished)", s.unfinished));
            }
            t.push('.');
            t
        }
    };
    let ratings = s.ratings.map(|(b, a, n)| {
        format!(
            "How the worked areas felt (0 fine to 3 strong), averaged over {n} ratings: before {b:.1}, after {a:.1}."
        )
    });
    view! {
        <p>{count}</p>
        {ratings.map(|r| view! { <p>{r}</p> })}
        {if s.stops.is_empty() {
            view! { <p>"Stopped for sharp pain or tingling: never."</p> }.into_any()
        } else {
            view! {
                <p>"Stopped for sharp pain or tingling:"</p>
                <ul class="clin-stops">
                    {s.stops.iter().map(|p| view! {
                        <li>{p.day.map(date).unwrap_or_default()}": "{p.at.label()}
                            {format!(" (after {})", time(u32::from(p.after_s)))}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// A page to print or save as a PDF and take to a physiotherapist or doctor: a blank line for
/// the name, the period it covers, the first and the latest body map of the period (front and
/// back), a left/right table of the marked areas (first → latest and the change, in numbers
/// and words), the current plan in one line a step, the health conditions and safety answers
/// as the person gave them, the sessions with their before/after ratings and any sharp-pain
/// stops, and a note that it is self-reported and not a diagnosis.
///
/// Reads `AppState::doc` and changes nothing. On screen it has a period switch and a "Print or
/// save as PDF" button ([`crate::device::print`]); where the browser cannot print (an app
/// added to the home screen on iPhone or iPad) it says how instead. The print styles
/// (`style/later.css`) hide the app around it and keep severities readable in greyscale.
#[component]
pub fn ClinicianSummary() -> impl IntoView {
    let state = use_state();
    let period = RwSignal::new(Period::Months3);
    let printable = crate::device::can_print();
    let period_btn = move |p: Period, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (period.get() == p).to_string()
                on:click=move |_| period.set(p)>{label}</button>
        }
    };
    let body = move || {
        let from = period.get().days().map(|n| today_day() - n + 1);
        let today_text = date(today_day());
        state.doc.with(|d| {
            let s = summarise(d, from);
            let plan = (!needs_screen(d.screen.as_ref(), &today())).then(|| make_plan(&d.case()));
            let span = match s.span {
                Some((a, b)) => format!("{} to {} ({})", date(a), date(b), span_words(a, b)),
                None => "no check-ins or sessions in this period".to_string(),
            };
            view! {
                <div class="clin-meta">
                    <p class="clin-name"><span>"Name:"</span><span class="clin-line" aria-hidden="true"></span>
                        <span class="sr-only">"(a blank line to write the name by hand)"</span></p>
                    <p><strong>"Period: "</strong>{span}</p>
                    <p class="muted">{format!("Made on {today_text} with the FasciaMap app, from what the person entered on their phone.")}</p>
                </div>
                <section class="clin-block" aria-labelledby="clin-maps-title">
                    <h3 id="clin-maps-title">"Where it feels tight or sore"</h3>
                    {maps_view(&s)}
                </section>
                <section class="clin-block" aria-labelledby="clin-table-title">
                    <h3 id="clin-table-title">"Marked areas, left and right"</h3>
                    {table_view(&s)}
                </section>
                <section class="clin-block" aria-labelledby="clin-plan-title">
                    <h3 id="clin-plan-title">{format!("Self-release plan as of {today_text}")}</h3>
                    {plan_view(plan.as_ref(), &d.paused)}
                </section>
                <div class="clin-columns">
                    <section class="clin-block" aria-labelledby="clin-health-title">
                        <h3 id="clin-health-title">"Health and safety answers, as given"</h3>
                        {health_view(d)}
                    </section>
                    <section class="clin-block" aria-labelledby="clin-sessions-title">
                        <h3 id="clin-sessions-title">"Sessions in this period"</h3>
                        {sessions_view(&s)}
                    </section>
                    <p class="clin-note" role="note">
                        <strong>"Self-reported, not a diagnosis. "</strong>
                        "Everything on this page was entered by the person in the FasciaMap app and has not "
                        "been checked by a clinician. The plan is general self-care guidance the app worked out "
                        "from these entries; it is not medical advice."
                    </p>
                </div>
            }
        })
    };
    view! {
        <section class="clinician" aria-labelledby="clin-title">
            <h2 id="clin-title">"Summary for my clinician"</h2>
            <div class="clin-tools no-print">
                <p>"A page to print or save as a PDF and take to your physiotherapist or doctor. "
                   "Nothing leaves your phone unless you print or share it."</p>
                <div class="segmented" role="group" aria-label="Period">
                    {period_btn(Period::Weeks6, "6 weeks")}
                    {period_btn(Period::Months3, "3 months")}
                    {period_btn(Period::All, "Everything")}
                </div>
                {if printable {
                    view! {
                        <button type="button" class="primary wide" on:click=move |_| crate::device::print()>
                            "Print or save as PDF"
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <div class="card clin-howto" role="note">
                            <p><strong>"This phone cannot print from inside the app."</strong></p>
                            <p>"Take screenshots of this page instead, then open them in Photos and tap "
                               <strong>"Share → Print"</strong>" (or save them as a PDF from there)."</p>
                        </div>
                    }.into_any()
                }}
            </div>
            {body}
        </section>
    }
}
