use crate::domain::knowledge::region::{RegionSide, View};
use crate::domain::planner::check::check_list;
use crate::domain::planner::engine::Plan;
use crate::state::{use_state, AppState, Tab};
use leptos::prelude::*;

/// Opens the map editor on a region-side, on the view where it is drawn.
fn check_on_map(state: AppState, at: RegionSide) {
    let view = at
        .region
        .def()
        .views
        .first()
        .copied()
        .unwrap_or(View::Front);
    state.view.set(view);
    state.go(Tab::Map);
    state.open_editor(at, String::from("map-title"));
}

/// The list under "Check these next" on the plan screen: each area to press and mark, with
/// one line saying why (the rule or chain that links it to what the person marked) and, where
/// it needs care, how to check it gently; a tap opens it on the map. Areas that are never
/// pressed (the belly, the low back…) are not listed but named once, with the reason
/// ([`check_list`]). Reads the case from `AppState::doc` for the person's conditions.
#[component]
pub fn CheckNext(
    /// The plan whose `to_map` list is shown.
    plan: Plan,
) -> impl IntoView {
    let state = use_state();
    let list = state.doc.with_untracked(|d| check_list(&plan, &d.case()));
    let left_out = list.not_pressed_sentence();
    view! {
        <ul class="check-list">
            {list.items.into_iter().map(|item| {
                let at = item.at;
                view! {
                    <li data-region=at.region.key() data-side=at.side.key()
                        data-rule=item.rule.map(|r| r.key())>
                        <button type="button" class="check-item" on:click=move |_| check_on_map(state, at)>
                            <strong>{at.label()}</strong>
                            <span class="check-why">{item.why}</span>
                            {item.how.map(|h| view! { <span class="check-how">{h}</span> })}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
        {left_out.map(|s| view! { <p class="muted check-left-out">{s}</p> })}
    }
}
