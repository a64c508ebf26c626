//! UI components, one per file, named after the file.
//!
//! Components read the [`crate::state::AppState`] context and change the document only
//! through its methods (`dispatch`, `edit`, `change`, …). They use no browser API beyond their
//! own elements and those elements' events: focus elsewhere, scrolling, page visibility,
//! downloads, the wake lock, sound, sharing, installing and updating go through
//! [`crate::browser`], [`crate::device`], [`crate::share`] and [`crate::pwa`], which fail
//! silently where the browser refuses. What they do use besides, and why:
//! - JavaScript's own clock, dates and Leptos' timers (`js_sys::Date`, also to write a time as
//!   the phone does in `ProgrammeView`; `set_interval`, `request_animation_frame`): the
//!   language, not the page or the device;
//! - `ExportImport` reads the backup file picked in or dropped on its own element
//!   (`FileReader`), and after an import asks [`crate::storage::save_now`] to write at once,
//!   so the stored copy matches the confirmation it shows. That is the only storage call
//!   from a component: localStorage itself is touched only by [`crate::storage`].

mod about_screen;
mod app_header;
mod app_nav;
mod back_figure;
pub(crate) mod body_map;
mod breath_pacer;
mod chain_figure;
mod check_next;
mod checkin_note;
mod clinician_summary;
mod export_import;
mod export_reminder;
mod first_plan_questions;
mod leg_check_figure;
mod leg_check_offer;
mod leg_check_screen;
mod line_chart;
mod map_figure;
mod map_notes;
mod map_screen;
mod map_status;
mod mark_editor;
mod more_screen;
mod pain_stop;
mod plan_screen;
mod plan_step;
mod position_figure;
mod profile_screen;
mod programme_view;
mod progress_screen;
mod region_badges;
mod region_list;
mod region_shape;
mod safety_screen;
mod session_end;
mod session_screen;
mod severity_legend;
mod side_cell;
mod sound_choice;
mod step_drawing;
mod step_figure;
mod storage_banner;
mod symptom_picker;
mod tighter_marks;
mod timeline;
mod tool_picture;
mod trends_view;
mod view_switch;
mod welcome_screen;

pub use about_screen::AboutScreen;
pub use app_header::AppHeader;
pub use app_nav::AppNav;
pub use back_figure::BackFigure;
pub use body_map::BodyMap;
pub use breath_pacer::BreathPacer;
pub use chain_figure::ChainFigure;
pub use check_next::CheckNext;
pub use checkin_note::CheckinNote;
pub use clinician_summary::ClinicianSummary;
pub use export_import::ExportImport;
pub use export_reminder::ExportReminder;
pub use first_plan_questions::FirstPlanQuestions;
pub use leg_check_figure::LegCheckFigure;
pub use leg_check_offer::LegCheckOffer;
pub use leg_check_screen::LegCheckScreen;
pub use line_chart::LineChart;
pub use map_figure::MapFigure;
pub use map_notes::MapNotes;
pub use map_screen::MapScreen;
pub use map_status::MapStatus;
pub use mark_editor::MarkEditor;
pub use more_screen::MoreScreen;
pub use pain_stop::PainStop;
pub use plan_screen::PlanScreen;
pub use plan_step::PlanStep;
pub use position_figure::{PositionFigure, StepPose};
pub use profile_screen::ProfileScreen;
pub use programme_view::ProgrammeView;
pub use progress_screen::ProgressScreen;
pub use region_badges::RegionBadges;
pub use region_list::RegionList;
pub use region_shape::{shape_at, shape_id, RegionShape};
pub use safety_screen::SafetyScreen;
pub use session_end::SessionEnd;
pub use session_screen::SessionScreen;
pub use severity_legend::SeverityLegend;
pub use side_cell::SideCell;
pub use sound_choice::SoundChoice;
pub use step_drawing::StepDrawing;
pub use step_figure::StepFigure;
pub use storage_banner::StorageBanner;
pub use symptom_picker::SymptomPicker;
pub use tighter_marks::TighterMarks;
pub use timeline::Timeline;
pub use tool_picture::ToolPicture;
pub use trends_view::TrendsView;
pub use view_switch::ViewSwitch;
pub use welcome_screen::WelcomeScreen;

// Installable, offline and shareable (issue #6).
mod install_offer;
mod qr_code;
mod share_screen;
mod shared_figure;
mod shared_plan;
mod shared_view;
mod update_banner;
pub use install_offer::InstallOffer;
pub use qr_code::QrCode;
pub use share_screen::ShareScreen;
pub use shared_figure::SharedFigure;
pub use shared_plan::SharedPlan;
pub use shared_view::SharedView;
pub use update_banner::UpdateBanner;

use crate::domain::knowledge::mark::Severity;
use crate::figure::Shape;
use leptos::prelude::*;

/// The CSS class of a severity wherever it is coloured (the map's regions, the list's cells,
/// the legend, the editor's and the session's buttons, chips): `sev-0` … `sev-3`, or
/// `sev-none` for a region-side without a mark. The colours are in `style/main.css` and
/// `style/later.css`.
pub(crate) fn sev_class(sev: Option<Severity>) -> &'static str {
    match sev.map(Severity::get) {
        None => "sev-none",
        Some(0) => "sev-0",
        Some(1) => "sev-1",
        Some(2) => "sev-2",
        Some(_) => "sev-3",
    }
}

/// The number badge of a marked area on a drawing (✓ for "fine"), at the shape's badge point:
/// the same on the editable map ([`RegionBadges`]), a past map ([`MapFigure`]) and a shared one
/// ([`SharedFigure`]). Whole units are plenty for placement and avoid float formatting code in
/// the bundle.
pub(crate) fn badge(shape: &Shape, sev: Severity) -> impl IntoView {
    let (x, y) = (shape.at.0 as i32, shape.at.1 as i32);
    let n = sev.get();
    view! {
        <g class="badge">
            <circle cx=x cy=y r="6.5"/>
            <text x=x y=y>{if n == 0 { "✓".to_string() } else { n.to_string() }}</text>
        </g>
    }
}
