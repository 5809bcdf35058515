//! The Results screen's keys: export for the screen (only while there is a routine), and what Enter and
//! the arrows mean in each pane and in the care message.

use crate::bind;
use crate::tui::action::{Action, Screen::Results};
use crate::tui::keys::{
    Binding,
    Scope::{Pane, Screen},
    ch, code,
};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Pane(Results, "safety"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "answer the safety question",
        Action::Select
    ),
    bind!(
        Pane(Results, "red flag"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "review the answer that raised it",
        Action::Select
    ),
    bind!(
        Pane(Results, "chains"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "show the story's chain",
        Action::Select
    ),
    bind!(
        Pane(Results, "diagram"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "the step's claims",
        Action::Select
    ),
    bind!(
        Pane(Results, "diagram"),
        true,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous step",
        Action::Left
    ),
    bind!(
        Pane(Results, "diagram"),
        true,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next step",
        Action::Right
    ),
    bind!(
        Pane(Results, "routine"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the exercise",
        Action::Select
    ),
    bind!(
        Pane(Results, "verdict"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "answer the most telling question",
        Action::Select
    ),
    bind!(
        Screen(Results),
        true,
        [ch('e')],
        "e",
        "export routine",
        Action::Export
    ),
    bind!(
        Screen(Results),
        true,
        [ch('p')],
        "p",
        "guided session",
        Action::StartSession
    ),
];
