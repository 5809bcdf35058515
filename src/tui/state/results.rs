//! The results screen (being built).

use crate::content::Store;
use crate::engine::Report;
use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResultsState {}

impl ResultsState {
    pub fn new(_store: &Store, _report: &Report) -> Self {
        Self::default()
    }

    /// The answers changed: keep the selection valid for the new ranking.
    pub fn report_changed(&mut self, _store: &Store, _report: &Report) {}
}

pub fn update(_app: &mut App, _action: Action) {}
