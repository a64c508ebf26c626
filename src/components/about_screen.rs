use crate::state::{use_state, Tab};
use leptos::prelude::*;

/// "How this works", on one screen: the left/right idea, the chains, what is left alone and
/// what the app is not.
#[component]
pub fn AboutScreen() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="about-screen" aria-labelledby="about-title">
            <h2 id="about-title">"How this works"</h2>
            <h3>"Compare your two sides"</h3>
            <p>"Press into the same spot on your left and your right. The side that feels tighter usually gets worked first and longer; "
               "the easier side gets less. Working both sides the same would keep the difference. When both sides feel alike, they get equal time."</p>
            <h3>"Tension travels along lines"</h3>
            <p>"Muscles are wrapped in connective tissue (fascia) that runs on from one muscle to the next in long lines, for example "
               "from the sole over the calf and the back of the thigh up the back. So a sore spot can be pulled by a tight place further along. "
               "The plan shows these links and how well studies support each one, and suggests linked areas to check."</p>
            <h3>"The painful place is not always the cause"</h3>
            <p>"With low back pain the plan works on the legs, in a set order, and never presses on the low back itself: "
               "there is little padding and many nerves there. Bones, joints and the neck are always left alone."</p>
            <h3>"Gentle, short and safe"</h3>
            <p>"It should feel like a firm massage, never sharp. Breathe slowly and stop at sharp pain or tingling. "
               "Self-release adds to staying active; it does not replace exercise or a doctor. Everything stays on this device."</p>
            <button type="button" class="primary wide" on:click=move |_| state.go(Tab::Map)>"Go to the body map"</button>
        </section>
    }
}
