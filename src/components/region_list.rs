use crate::components::SideCell;
use crate::domain::knowledge::region::{RegionSide, Side, REGIONS};
use crate::state::use_state;
use leptos::prelude::*;

/// Every region of the catalogue in a table, your left and right side by side: an
/// accessible alternative to the drawing and the left/right comparison table.
#[component]
pub fn RegionList() -> impl IntoView {
    let state = use_state();
    let marked_only = RwSignal::new(false);
    let visible = move |i: usize| {
        !marked_only.get()
            || state.doc.with(|d| {
                REGIONS.get(i).is_some_and(|def| {
                    def.sides().iter().any(|&side| {
                        d.map
                            .get(RegionSide {
                                region: def.id,
                                side,
                            })
                            .is_some()
                    })
                })
            })
    };
    view! {
        <section class="list-screen" aria-labelledby="list-title">
            <h2 id="list-title">"All areas, left and right"</h2>
            <label class="toggle">
                <input type="checkbox" bind:checked=marked_only/>
                " Show only marked areas"
            </label>
            <table class="region-table">
                <thead>
                    <tr><th scope="col">"Area"</th><th scope="col">"Your left"</th><th scope="col">"Your right"</th></tr>
                </thead>
                <tbody>
                    {REGIONS.iter().enumerate().map(|(i, def)| {
                        let cells = if def.is_bilateral() {
                            view! {
                                <td><SideCell at=RegionSide { region: def.id, side: Side::Left }/></td>
                                <td><SideCell at=RegionSide { region: def.id, side: Side::Right }/></td>
                            }.into_any()
                        } else {
                            view! { <td colspan="2"><SideCell at=RegionSide { region: def.id, side: Side::Mid }/></td> }.into_any()
                        };
                        view! {
                            <tr class:hidden=move || !visible(i)>
                                <th scope="row">{def.name}</th>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
