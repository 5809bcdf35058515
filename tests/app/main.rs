//! The terminal app without a terminal: keys through the real key table into `update`, whole frames
//! rendered into a TestBackend and compared with insta snapshots. One test binary for every screen.

#[path = "../common/mod.rs"]
mod common;
mod drive;
mod tui_app;
mod tui_compare;
mod tui_exercises;
mod tui_library;
mod tui_loading;
mod tui_progress;
mod tui_results;
mod tui_robustness;
mod tui_session;
