//! The Exercises screen's keys.

use crate::bind;
use crate::tui::action::{Action, Filter, Screen::Exercises};
use crate::tui::keys::{Binding, Scope::Screen, ch, code};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
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
        false,
        [code(KeyCode::Enter)],
        "Enter",
        "open the exercise",
        Action::Select
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('r')],
        "r",
        "filter by region",
        Action::CycleFilter(Filter::Region)
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('e')],
        "e",
        "filter by equipment",
        Action::CycleFilter(Filter::Equipment)
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('f')],
        "f",
        "filter by phase",
        Action::CycleFilter(Filter::Phase)
    ),
    bind!(
        Screen(Exercises),
        true,
        [ch('c')],
        "c",
        "filter by chain",
        Action::CycleFilter(Filter::Chain)
    ),
    bind!(
        Screen(Exercises),
        false,
        [ch('x')],
        "x",
        "clear filters",
        Action::ClearFilters
    ),
];
