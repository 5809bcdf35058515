//! The library screen (being built).

use crate::content::Store;
use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryState {}

impl LibraryState {
    pub fn new(_store: &Store) -> Self {
        Self::default()
    }
}

pub fn update(_app: &mut App, _action: Action) {}
