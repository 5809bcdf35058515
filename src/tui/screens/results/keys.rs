//! The Results screen's keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Results};
use crate::tui::keys::{Binding, Scope::Screen, ch, code};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Screen(Results),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the step's claims",
        Action::Select
    ),
    bind!(
        Screen(Results),
        true,
        [ch('e')],
        "e",
        "export routine to Markdown",
        Action::Export
    ),
    bind!(
        Screen(Results),
        false,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous step",
        Action::Left
    ),
    bind!(
        Screen(Results),
        false,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next step",
        Action::Right
    ),
];
