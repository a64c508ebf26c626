//! UI components, one per file, named after the file.
//!
//! Components read the [`crate::state::AppState`] context and change it only through
//! `dispatch`; they never touch storage or browser APIs beyond their own element.

mod app_header;
mod body_map;
mod map_screen;
mod mark_editor;
mod region_badge;
mod region_list;
mod region_shape;
mod severity_legend;
mod side_cell;
mod storage_banner;
mod symptom_picker;
mod view_switch;

pub use app_header::AppHeader;
pub use body_map::BodyMap;
pub use map_screen::MapScreen;
pub use mark_editor::MarkEditor;
pub use region_badge::RegionBadge;
pub use region_list::RegionList;
pub use region_shape::RegionShape;
pub use severity_legend::SeverityLegend;
pub use side_cell::SideCell;
pub use storage_banner::StorageBanner;
pub use symptom_picker::SymptomPicker;
pub use view_switch::ViewSwitch;

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
