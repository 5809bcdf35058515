//! The Exercises screen's keys. Typing into the search box and choosing in the filter picker use the
//! app-wide `Mode::Typing` and `Mode::Picker` keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Exercises};
use crate::tui::keys::{
    Binding,
    Scope::{Pane, Screen},
    ch, code,
};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Pane(Exercises, "list"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the exercise",
        Action::Select
    ),
    bind!(
        Pane(Exercises, "detail"),
        true,
        [code(KeyCode::Esc)],
        "Esc",
        "back to the list",
        Action::Back
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('/')],
        "/",
        "search",
        Action::FocusSearch
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('f')],
        "f",
        "filter",
        Action::PickFilter
    ),
    bind!(
        Screen(Exercises),
        false,
        [ch('x')],
        "x",
        "clear the search and the filters",
        Action::ClearFilters
    ),
];
