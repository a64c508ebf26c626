use crate::components::ToolPicture;
use crate::domain::knowledge::technique::Tool;
use crate::domain::records::profile::{needs_screen, ProfileAction, OWNABLE_TOOLS};
use crate::state::{today, use_state};
use leptos::prelude::*;

/// A tool's plain name for a choice: "Soft foam roller" for "a soft foam roller".
fn choice_name(t: Tool) -> String {
    let name = t.name();
    let bare = name
        .strip_prefix("a ")
        .or_else(|| name.strip_prefix("an "))
        .unwrap_or(name);
    let mut c = bare.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Which question was left unanswered when the person pressed on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    Tools,
    Floor,
}

/// The two questions that change every plan, asked before the first one (the plan screen
/// shows this while [`crate::domain::records::profile::Profile::needs_setup`]): which tools
/// the person has at home (big choices with a small picture each, or "none of these") and
/// whether they can get down to the floor and up again without help. The answers are saved
/// together on "Next"; pressing it with one unanswered moves focus to that question and says
/// so beside it. Both can be changed later under More → About you.
#[component]
pub fn FirstPlanQuestions() -> impl IntoView {
    let state = use_state();
    let (tools0, floor0) = state
        .doc
        .with_untracked(|d| (d.profile.tools.clone(), d.profile.floor_ok));
    let tools = RwSignal::new(tools0);
    let floor = RwSignal::new(floor0);
    let missing = RwSignal::new(None::<Missing>);
    // The safety questions come next when they are due; otherwise the plan.
    let screen_next = Memo::new(move |_| {
        state
            .doc
            .with(|d| needs_screen(d.screen.as_ref(), &today()))
    });
    let owns = move |t: Tool| tools.with(|l| l.as_ref().is_some_and(|l| l.contains(&t)));
    let none = move || tools.with(|l| l.as_ref().is_some_and(Vec::is_empty));
    let toggle = move |t: Tool| {
        tools.update(|l| {
            let list = l.get_or_insert_with(Vec::new);
            if let Some(i) = list.iter().position(|x| *x == t) {
                list.remove(i);
            } else {
                list.push(t);
            }
        });
        if missing.get_untracked() == Some(Missing::Tools) {
            missing.set(None);
        }
    };
    let next = move |_| {
        let (t, f) = (tools.get_untracked(), floor.get_untracked());
        let (Some(list), Some(floor_ok)) = (t.clone(), f) else {
            let (which, id) = if t.is_none() {
                (Missing::Tools, "first-tools")
            } else {
                (Missing::Floor, "first-floor")
            };
            missing.set(Some(which));
            crate::browser::focus(id);
            return;
        };
        state.edit(|d| {
            let p = &mut d.profile;
            let mut changed = p.apply(ProfileAction::SetFloor(Some(floor_ok)));
            changed |= p.apply(ProfileAction::NoTools);
            for tool in list {
                changed |= p.apply(ProfileAction::ToggleTool(tool));
            }
            changed
        });
        crate::browser::scroll_to_top();
        crate::browser::focus_after_paint(&["stop-title", "safety-title", "plan-title"]);
    };
    let note = move |which: Missing, id: &'static str| {
        view! {
            <Show when=move || missing.get() == Some(which)>
                <p class="missing-note" id=id>"Please answer this one"</p>
            </Show>
        }
    };
    let tool_choices = OWNABLE_TOOLS
        .into_iter()
        .map(|t| {
            view! {
                <button type="button" class="tool-choice" aria-pressed=move || owns(t).to_string()
                    on:click=move |_| toggle(t)>
                    <ToolPicture tool=t/>
                    <span>{choice_name(t)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="first-questions" aria-labelledby="first-title">
            <h2 id="first-title" tabindex="-1">"Before your first plan"</h2>
            <p>"Two questions that change every step of your plan. You can change the answers any time under More, About you."</p>
            <fieldset id="first-tools" tabindex="-1" class="choice-set"
                class:is-missing=move || missing.get() == Some(Missing::Tools)
                aria-describedby=move || (missing.get() == Some(Missing::Tools)).then_some("first-tools-missing")>
                <legend>"Which of these do you have at home?"</legend>
                <p class="why-line">"Tick all you have. Your plan only uses these, and your hands always count."</p>
                {note(Missing::Tools, "first-tools-missing")}
                <div class="tool-grid">
                    {tool_choices}
                    <button type="button" class="tool-choice none" aria-pressed=move || none().to_string()
                        on:click=move |_| {
                            tools.set(Some(Vec::new()));
                            if missing.get_untracked() == Some(Missing::Tools) { missing.set(None); }
                        }>
                        <ToolPicture tool=Tool::Hands/>
                        <span>"None of these: just my hands"</span>
                    </button>
                </div>
            </fieldset>
            <fieldset id="first-floor" tabindex="-1" class="choice-set"
                class:is-missing=move || missing.get() == Some(Missing::Floor)
                aria-describedby=move || (missing.get() == Some(Missing::Floor)).then_some("first-floor-missing")>
                <legend>"Can you get down to the floor and up again without help?"</legend>
                <p class="why-line">"If not, every step uses a chair, a wall, a bed or standing instead."</p>
                {note(Missing::Floor, "first-floor-missing")}
                <div class="yes-no">
                    <button type="button" class="answer" aria-pressed=move || (floor.get() == Some(true)).to_string()
                        on:click=move |_| { floor.set(Some(true)); if missing.get_untracked() == Some(Missing::Floor) { missing.set(None); } }>"Yes"</button>
                    <button type="button" class="answer" aria-pressed=move || (floor.get() == Some(false)).to_string()
                        on:click=move |_| { floor.set(Some(false)); if missing.get_untracked() == Some(Missing::Floor) { missing.set(None); } }>"No"</button>
                </div>
            </fieldset>
            <button type="button" class="primary wide big" on:click=next>
                {move || if screen_next.get() { "Next: safety questions" } else { "Show my plan" }}
            </button>
        </section>
    }
}
