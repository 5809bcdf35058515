//! The exercises screen (being built).

use crate::content::Store;
use crate::search::SearchIndex;
use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExercisesState {}

impl ExercisesState {
    pub fn new(_store: &Store, _search: &SearchIndex) -> Self {
        Self::default()
    }

    /// The search box has focus: keys are typed into it.
    pub fn typing(&self) -> bool {
        false
    }
}

pub fn update(_app: &mut App, _action: Action) {}
