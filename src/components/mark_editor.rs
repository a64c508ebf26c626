use crate::browser::{
    after_paint, boot_map_gives_way, focus, keep_above, let_go_of_focus_in, map_click, map_press,
    on_first, regions_near, scroll_to, stop_first, take_boot_marks, take_boot_sheet, FINGER_RADIUS,
};
use crate::components::{sev_class, shape_at, shape_id};
use crate::domain::knowledge::mark::{Kind, Severity};
use crate::domain::knowledge::region::{RegionSide, Side, View};
use crate::domain::records::body_map::{describe, Action};
use crate::state::{use_state, AppState, Tab};
use leptos::prelude::*;

/// At most this many areas are offered when a tap touches several: the one under the centre
/// of the finger first, then the others by how much of the fingertip they were under.
const MAX_CHOICES: usize = 7;

/// The other region-sides a finger tap touched besides `tapped` (the one it opened), with their
/// shape ids, from the ids under the fingertip (`near`, most covered first), at most
/// `MAX_CHOICES - 1`.
fn touched(near: &[String], tapped: RegionSide) -> Vec<(RegionSide, String)> {
    let mut out = Vec::new();
    for id in near {
        if let Some(at) = shape_at(id).filter(|at| *at != tapped) {
            out.push((at, id.clone()));
        }
    }
    out.truncate(MAX_CHOICES - 1);
    out
}

/// The front view's region-side of a loading-page area (`quadriceps-right`, see
/// [`take_boot_sheet`]).
fn boot_area(area: &str) -> Option<RegionSide> {
    shape_at(&format!("r-f-{area}"))
}

/// The change a rating given on the loading page's sheet stands for: `"0"`–`"3"` sets the
/// severity, a kind's word the kind, as the buttons of this sheet do. `None` for anything else.
fn boot_action(area: &str, value: &str) -> Option<Action> {
    let at = boot_area(area)?;
    match value.parse::<u8>() {
        Ok(n) => Some(Action::SetSeverity(at, Severity::new(n)?)),
        Err(_) => [Kind::Tight, Kind::Sore]
            .into_iter()
            .find(|k| k.word() == value)
            .map(|k| Action::SetKind(at, k)),
    }
}

/// Takes over from the loading page's sheet (index.html), which answered taps on the map before
/// the editor was there: the ratings given on it go through [`AppState::dispatch`] in the order
/// they were given (held, like any change made before storage is open, and applied to the whole
/// document once it is in), the area it is still open on opens here, in its place (unless the
/// person has tapped another area of the app's map since), and the loading page, kept until now
/// with the ratings' colours when its sheet was used, gives way to the app's map showing them.
///
/// [`AppState::dispatch`]: crate::state::AppState::dispatch
fn take_over_boot_sheet(state: AppState) {
    for (area, value) in take_boot_marks() {
        if let Some(action) = boot_action(&area, &value) {
            state.dispatch(action);
        }
    }
    if let Some(at) = take_boot_sheet().as_deref().and_then(boot_area) {
        if state.selected.get_untracked().is_none() {
            state.open_editor(at, shape_id(View::Front, at));
        }
    }
    boot_map_gives_way();
}

/// Bottom sheet that edits one region-side: severity 0–3 in words, tight or sore, the other
/// side's value beside it, and one-tap clearing. Opens when `AppState::selected` is set.
///
/// Its code (the `editor` part) is fetched right after the first paint and it is mounted, closed,
/// once the browser is idle (at once when the loading page's sheet waits for it, which it then
/// takes over: `take_over_boot_sheet`). From then on it also watches taps on the map's drawing:
/// when a finger tap also touched neighbouring areas, or landed beside every area, the sheet
/// first asks "Which one did you mean?" with up to seven big buttons, the area under the finger
/// first, so small areas can be reached with a finger (a mouse, the keyboard and screen readers
/// open the area at once). Once open, the area is scrolled above the sheet, and the sheet closes
/// when another screen is chosen.
#[component]
pub fn MarkEditor() -> impl IntoView {
    let state = use_state();
    take_over_boot_sheet(state);
    // The last finger tap on the drawing: the id of the area it opened, and the ids of the areas
    // under the fingertip, found during the tap itself (the page is laid out then; later, the
    // sheet's own changes would make the browser lay it out again only to answer). It counts
    // for the sheet only while that area is the one open. A signal: the chooser follows it.
    let tap = RwSignal::new(None::<(String, Vec<String>)>);
    // Where the page was before it scrolled to show the tapped area above the sheet: closing
    // goes back there, so the same spot is under the finger again.
    let scrolled = StoredValue::new(None::<f64>);
    // The room below the page that lets the lowest areas scroll above the sheet, from the first
    // opening on (it then stays, so opening and closing never change the page's height).
    let opened = RwSignal::new(false);
    let close = move || {
        tap.set(None);
        state.selected.set(None);
        if let Some(id) = state.opener.get_untracked() {
            focus(&id);
        }
        if let Some(y) = scrolled.get_value() {
            scrolled.set_value(None);
            scroll_to(y);
        }
    };
    // From now on finger taps are watched; the page says so (browser tests wait for it before
    // tapping between areas, which the map alone answers by opening the area under the finger).
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-sheet", "ready");
    }
    // Escape closes the sheet wherever focus is: also just after it opened, before focus has
    // moved into it (a quick keyboard user's Escape would otherwise reach only the area).
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.selected.get_untracked().is_some() {
            close();
        }
    });
    // Where a finger went down on the drawing, with the areas under the fingertip there. A
    // finger rests on the glass for a tenth of a second or so before it lifts (the click comes
    // on lifting): time enough to hit-test the fingertip, so the click finds it done.
    let pressed = StoredValue::new(None::<((f64, f64), Vec<String>)>);
    let down = StoredValue::new_local(on_first("pointerdown", move |ev| {
        let at = map_press(&ev);
        pressed.set_value(at.map(|(x, y)| ((x, y), regions_near(x, y, FINGER_RADIUS))));
    }));
    // Every click on the map's drawing, before the area's own handler: a finger or pen tap is
    // remembered (the chooser reads it), and one that landed beside every area opens the
    // nearest area under the fingertip. A mouse click forgets the last tap. Coming first, the
    // sheet is drawn once, by the area's handler, already knowing whether to ask which area
    // was meant, and a fingertip not hit-tested as it went down is hit-tested on the page as
    // it was last laid out.
    let click = StoredValue::new_local(on_first("click", move |ev| {
        let press = pressed.try_update_value(Option::take).flatten();
        let Some(finger) = map_click(&ev) else { return };
        let Some((f, on)) = finger else {
            tap.set(None);
            return;
        };
        // The finger lifted where it went down (a few px of roll count as the same place).
        let near = match press {
            Some((p, near)) if (p.0 - f.0).abs() <= 4.0 && (p.1 - f.1).abs() <= 4.0 => near,
            _ => regions_near(f.0, f.1, FINGER_RADIUS),
        };
        match on {
            // The area's own handler opens it next.
            Some(id) => tap.set(Some((id, near))),
            None => {
                if let Some((at, id)) = near
                    .first()
                    .and_then(|id| Some((shape_at(id)?, id.clone())))
                {
                    tap.set(Some((id.clone(), near)));
                    state.open_editor(at, id);
                }
            }
        }
    }));
    on_cleanup(move || {
        for l in [down, click] {
            if let Some(Some(l)) = l.try_get_value() {
                stop_first(&l);
            }
        }
    });
    // The areas a finger tap touched, when it touched more than one. The sheet redraws only
    // when this changes (a tap on one area alone leaves it `None`).
    let choices = Memo::new(move |_| {
        let at = state.selected.get()?;
        let (id, near) = tap.get()?;
        (state.opener.get_untracked().as_ref() == Some(&id)).then_some(())?;
        let others = touched(&near, at);
        (!others.is_empty()).then(|| {
            let mut found = vec![(at, id)];
            found.extend(others);
            found
        })
    });
    // Move focus into the sheet whenever it opens on a new region-side: just after the frame
    // that shows it, so the tap repaints first and the focus styles come in the next frame.
    // The area it is about is then scrolled above the sheet, where the person can see it.
    Effect::new(move |_| {
        if state.selected.get().is_some() {
            opened.set(true);
            after_paint(move || {
                focus("editor-title");
                if let Some(id) = state
                    .opener
                    .get_untracked()
                    .filter(|id| id.starts_with("r-"))
                {
                    if let Some(y) = keep_above(&id, "editor-sheet") {
                        scrolled.update_value(|s| *s = Some(s.unwrap_or(y)));
                    }
                }
            });
        }
    });
    // Another screen chosen (from the header, the bottom bar or a link) closes the sheet: it
    // never stays open over a screen it does not belong to. One opened with a move to the map
    // ("check these next" on the plan) stays.
    Effect::new(move |prev: Option<Tab>| {
        let tab = state.tab.get();
        if prev.is_some_and(|p| p != tab) && tab != Tab::Map {
            tap.set(None);
            scrolled.set_value(None);
            state.selected.set(None);
        }
        tab
    });

    let chooser = move |found: Vec<(RegionSide, String)>| {
        view! {
            <div class="sheet chooser" id="editor-sheet" role="dialog" aria-labelledby="editor-title">
                <div class="sheet-head">
                    <h2 id="editor-title" tabindex="-1">"Which one did you mean?"</h2>
                    <button type="button" class="close" aria-label="Close" on:click=move |_| close()>"✕"</button>
                </div>
                <p class="caution">"Your finger touched more than one area. Zoom in (Upper or Legs) to tap small ones directly."</p>
                <div class="pick-list">
                    {found.into_iter().map(|(at, id)| {
                        let for_id = id.clone();
                        view! {
                            <button type="button" class="pick-option secondary" data-for=for_id
                                on:click=move |_| {
                                    let_go_of_focus_in("editor-sheet");
                                    tap.set(None);
                                    state.opener.set(Some(id.clone()));
                                    state.selected.set(Some(at));
                                }>
                                {at.label()}
                                {move || state.doc.with(|d| d.map.get(at)).map(|m| view! {
                                    <span class="pick-now">{format!("now {} {}", m.severity.get(), m.severity.word())}</span>
                                })}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </div>
        }
    };

    let sheet = move || {
        let at: RegionSide = state.selected.get()?;
        if let Some(found) = choices.get() {
            return Some(chooser(found).into_any());
        }
        let def = at.region.def();
        let mark = move || state.doc.with(|d| d.map.get(at));
        let other = at.mirror();
        let other_mark = move || state.doc.with(|d| d.map.get(other));
        let set_sev = move |s: Severity| {
            if state.dispatch(Action::SetSeverity(at, s)) {
                state.say(describe(at, mark(), false));
            }
        };
        let set_kind = move |k: Kind| {
            if state.dispatch(Action::SetKind(at, k)) {
                state.say(describe(at, mark(), false));
            }
        };
        let caution = def.editor_caution();
        Some(view! {
            <div class="sheet" id="editor-sheet" role="dialog" aria-labelledby="editor-title">
                <div class="sheet-head">
                    <h2 id="editor-title" tabindex="-1">{at.label()}</h2>
                    <button type="button" class="close" aria-label="Close" on:click=move |_| close()>"✕"</button>
                </div>
                {caution.map(|c| view! { <p class="caution">{c}</p> })}
                <fieldset class="choices severity">
                    <legend>"How strong?"</legend>
                    {Severity::ALL.into_iter().map(|s| view! {
                        <button type="button" class=format!("sev-btn {}", sev_class(Some(s)))
                            aria-pressed=move || (mark().map(|m| m.severity) == Some(s)).to_string()
                            on:click=move |_| set_sev(s)>
                            <span class="num">{s.get()}</span>
                            <span class="word">{s.word()}</span>
                        </button>
                    }).collect_view()}
                </fieldset>
                <fieldset class="choices kind">
                    <legend>"What is it like?"</legend>
                    {[Kind::Tight, Kind::Sore].into_iter().map(|k| view! {
                        <button type="button"
                            aria-pressed=move || (mark().map(|m| m.kind) == Some(k)).to_string()
                            on:click=move |_| set_kind(k)>
                            {match k { Kind::Tight => "Tight", Kind::Sore => "Sore" }}
                        </button>
                    }).collect_view()}
                </fieldset>
                {(at.side != Side::Mid).then(|| view! {
                    <div class="compare">
                        <p>{move || {
                            let tighter = state.doc.with(|d| d.map.tighter_side(at.region));
                            let text = describe(other, other_mark(), tighter == Some(other.side));
                            format!("Other side: {}.", text.split_once(": ").map_or(text.as_str(), |(_, v)| v))
                        }}</p>
                        // The same triangle as on the drawing, with words: never colour alone.
                        {move || (state.doc.with(|d| d.map.tighter_side(at.region)) == Some(at.side)).then(|| view! {
                            <p class="tighter-note"><span aria-hidden="true">"▲ "</span>"This side is the tighter one."</p>
                        })}
                        <button type="button" class="link"
                            on:click=move |_| { let_go_of_focus_in("editor-sheet"); tap.set(None); state.selected.set(Some(other)) }>
                            {format!("Go to your {} side", other.side.key())}
                        </button>
                    </div>
                })}
                <div class="sheet-actions">
                    <button type="button" class="secondary"
                        disabled=move || mark().is_none()
                        on:click=move |_| {
                            if state.dispatch(Action::Clear(at)) {
                                state.say(format!("{} cleared", at.label()));
                            }
                        }>"Remove mark"</button>
                    <button type="button" class="primary" on:click=move |_| close()>"Done"</button>
                </div>
            </div>
        }.into_any())
    };
    view! {
        // Room below the page so every part of the figure can be scrolled above the sheet. It
        // stays once the sheet has been opened, so opening and closing never change the page's
        // height (a layout of the whole page on every tap).
        {move || opened.get().then(|| view! { <div class="sheet-spacer" aria-hidden="true"></div> })}
        {sheet}
    }
}
