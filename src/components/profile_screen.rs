use crate::domain::knowledge::region::Side;
use crate::domain::knowledge::rule::Joint;
use crate::domain::planner::case::{ConditionId, Sensitivity};
use crate::domain::records::profile::{
    condition_name, condition_why, describe_condition, joint_name, sensitivity_word, ProfileAction,
    OWNABLE_TOOLS, PLAIN_CONDITIONS, SURGERY_PLACES,
};
use crate::state::{use_state, Tab};
use leptos::prelude::*;

const JOINTS: [Joint; 3] = [Joint::Hip, Joint::Knee, Joint::Shoulder];

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A titled row of segmented choices with its one-line reason.
fn choice_block(
    id: &'static str,
    title: &'static str,
    why: &'static str,
    buttons: impl IntoView,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id class="profile-block">
            <h3 id=id>{title}</h3>
            <p class="why-line">{why}</p>
            <div class="segmented" role="group" aria-labelledby=id>{buttons}</div>
        </section>
    }
}

/// The profile: conditions (with joint, place and side where needed), whether the floor is
/// fine, sensitivity, the tools the person owns and the mid-back roller opt-in. Everything
/// is optional and saved at once; each item says in one line why it matters.
#[component]
pub fn ProfileScreen() -> impl IntoView {
    let state = use_state();
    let act = move |a: ProfileAction| {
        state.edit(|d| d.profile.apply(a));
    };
    let profile = move || state.doc.with(|d| d.profile.clone());

    // Add forms: local choices until "Add" is tapped.
    let rep_joint = RwSignal::new(0usize);
    let rep_side = RwSignal::new(Side::Right);
    let op_place = RwSignal::new(0usize);
    let op_side = RwSignal::new(Side::Right);

    let plain = PLAIN_CONDITIONS.into_iter().map(|id| {
        let on = move || state.doc.with(|d| d.profile.has(id));
        view! {
            <button type="button" class="check" aria-pressed=move || on().to_string()
                on:click=move |_| act(ProfileAction::ToggleCondition(id))>
                <span class="box" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                <span class="check-text">
                    <span>{condition_name(id)}</span>
                    <span class="why-line">{condition_why(id)}</span>
                </span>
            </button>
        }
    }).collect_view();

    let detailed = move || {
        profile().conditions.iter().enumerate()
            .filter(|(_, c)| matches!(c.id, ConditionId::JointReplacement | ConditionId::PreviousSurgery))
            .map(|(i, c)| {
                let text = describe_condition(c);
                let label = format!("Remove {text}");
                view! {
                    <li>
                        <span>{text}</span>
                        <button type="button" class="secondary small" aria-label=label
                            on:click=move |_| act(ProfileAction::RemoveCondition(i))>"Remove"</button>
                    </li>
                }
            }).collect_view()
    };

    let side_select = move |id: &'static str, sig: RwSignal<Side>| {
        view! {
            <label class="field" for=id>"Side"
                <select id=id on:change=move |ev| sig.set(if event_target_value(&ev) == "left" { Side::Left } else { Side::Right })>
                    <option value="right" selected=move || sig.get() == Side::Right>"Your right"</option>
                    <option value="left" selected=move || sig.get() == Side::Left>"Your left"</option>
                </select>
            </label>
        }
    };

    let floor = move |v: Option<bool>, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (profile().floor_ok == v).to_string()
                on:click=move |_| act(ProfileAction::SetFloor(v))>{label}</button>
        }
    };
    let sens = move |s: Sensitivity| {
        view! {
            <button type="button" aria-pressed=move || (profile().sensitivity == s).to_string()
                on:click=move |_| act(ProfileAction::SetSensitivity(s))>{sensitivity_word(s)}</button>
        }
    };
    let tools = OWNABLE_TOOLS.into_iter().map(|t| {
        let on = move || state.doc.with(|d| d.profile.owns(t));
        view! {
            <button type="button" class="check" aria-pressed=move || on().to_string()
                on:click=move |_| act(ProfileAction::ToggleTool(t))>
                <span class="box" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                {capitalised(t.name())}
            </button>
        }
    }).collect_view();

    view! {
        <section class="profile-screen" aria-labelledby="profile-title">
            <h2 id="profile-title">"About you"</h2>
            <p class="muted">"Everything here is optional and stays on this device. It makes the plan fit you; change it any time."</p>

            <fieldset class="symptoms">
                <legend>"Health"</legend>
                {plain}
            </fieldset>

            <section aria-labelledby="joints-title" class="profile-block">
                <h3 id="joints-title">"Replaced joints and earlier operations"</h3>
                <p class="why-line">{condition_why(ConditionId::JointReplacement)}" "{condition_why(ConditionId::PreviousSurgery)}</p>
                <ul class="entry-list">{detailed}</ul>
                <div class="add-row">
                    <label class="field" for="rep-joint">"Replaced joint"
                        <select id="rep-joint" on:change=move |ev| rep_joint.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {JOINTS.iter().enumerate().map(|(i, j)| view! { <option value=i.to_string()>{joint_name(*j)}</option> }).collect_view()}
                        </select>
                    </label>
                    {side_select("rep-side", rep_side)}
                    <button type="button" class="secondary"
                        on:click=move |_| if let Some(j) = JOINTS.get(rep_joint.get_untracked()) { act(ProfileAction::AddReplacement(*j, rep_side.get_untracked())) }>
                        "Add replaced joint"
                    </button>
                </div>
                <div class="add-row">
                    <label class="field" for="op-place">"Earlier operation"
                        <select id="op-place" on:change=move |ev| op_place.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {SURGERY_PLACES.iter().enumerate().map(|(i, p)| view! { <option value=i.to_string()>{p.name()}</option> }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || SURGERY_PLACES.get(op_place.get()).is_some_and(|p| p.has_side())>
                        {side_select("op-side", op_side)}
                    </Show>
                    <button type="button" class="secondary"
                        on:click=move |_| if let Some(p) = SURGERY_PLACES.get(op_place.get_untracked()) { act(ProfileAction::AddSurgery(*p, op_side.get_untracked())) }>
                        "Add operation"
                    </button>
                </div>
            </section>

            {choice_block("floor-title", "Can you get down to the floor and up again without help?",
                "If not, every step uses a chair, a wall, a bed or standing instead. Not answered yet, your plan asks before it starts.",
                view! { {floor(Some(true), "Yes")} {floor(Some(false), "No")} })}
            {choice_block("sens-title", "How much pressure suits you",
                "Gentle keeps to soft tools and a minute at most; firm allows firmer balls and a little longer.",
                view! { {sens(Sensitivity::High)} {sens(Sensitivity::Normal)} {sens(Sensitivity::Low)} })}

            <fieldset class="symptoms">
                <legend>"Tools you have"</legend>
                <p class="why-line">"The plan only asks for tools you have; your hands always count."</p>
                {tools}
                <button type="button" class="check" aria-pressed=move || profile().tools.as_ref().is_some_and(Vec::is_empty).to_string()
                    on:click=move |_| act(ProfileAction::NoTools)>
                    <span class="box" aria-hidden="true">{move || if profile().tools.as_ref().is_some_and(Vec::is_empty) { "✓" } else { "" }}</span>
                    "None of these: just my hands"
                </button>
                <p class="muted">{move || match profile().tools {
                    None => "Not answered yet: your plan asks before it starts.",
                    Some(ref l) if l.is_empty() => "Your plan uses your hands and says which cheap tool would help.",
                    Some(_) => "Your plan uses these and your hands.",
                }}</p>
            </fieldset>

            <section aria-labelledby="screen-title" class="profile-block">
                <h3 id="screen-title">"Safety questions"</h3>
                <p class="why-line">{move || state.doc.with(|d| match &d.screen {
                    Some(s) if s.yes.is_empty() => format!("Last answered on {}, all no.", s.date),
                    Some(s) => format!("Last answered on {}, with {} yes.", s.date, s.yes.len()),
                    None => "Not answered yet: your plan asks before it starts.".to_string(),
                })}</p>
                <button type="button" class="secondary wide" on:click=move |_| state.go(Tab::Safety)>
                    "Answer the safety questions again"
                </button>
            </section>

            <section aria-labelledby="mid-title" class="profile-block">
                <h3 id="mid-title">"Mid-back on a roller"</h3>
                <p class="why-line">"Off by default: a ball against a wall is gentler on the spine. Never used with osteoporosis or during a flare-up."</p>
                <button type="button" class="check" aria-pressed=move || profile().thoracic_roller.to_string()
                    on:click=move |_| act(ProfileAction::SetThoracicRoller(!profile().thoracic_roller))>
                    <span class="box" aria-hidden="true">{move || if profile().thoracic_roller { "✓" } else { "" }}</span>
                    "I'd like the roller across my upper back as an option"
                </button>
            </section>
        </section>
    }
}
