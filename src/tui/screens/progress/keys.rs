//! The Progress screen's keys, and the retest form's (a mode: it takes the keyboard while open; digits,
//! `-` and `.` are typed into the focused box).

use crate::bind;
use crate::tui::action::{Action, Screen::Progress};
use crate::tui::keys::{
    Binding, Mode, SHIFT,
    Scope::{Mode as M, Screen},
    ch, code,
};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub const BINDINGS: &[Binding] = &[
    bind!(
        Screen(Progress),
        true,
        [ch('r')],
        "r",
        "record a retest",
        Action::RecordRetest
    ),
    bind!(
        Screen(Progress),
        true,
        [ch('e')],
        "e",
        "export (Markdown)",
        Action::Export
    ),
    bind!(
        M(Mode::Form),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "save the retest",
        Action::Select
    ),
    bind!(
        M(Mode::Form),
        true,
        [code(KeyCode::Esc)],
        "Esc",
        "cancel",
        Action::Back
    ),
    bind!(
        M(Mode::Form),
        true,
        [code(KeyCode::Tab), code(KeyCode::Down)],
        "Tab/↓",
        "next box",
        Action::Down
    ),
    bind!(
        M(Mode::Form),
        false,
        [
            code(KeyCode::BackTab),
            (KeyCode::BackTab, SHIFT),
            code(KeyCode::Up)
        ],
        "Shift-Tab/↑",
        "previous box",
        Action::Up
    ),
    bind!(
        M(Mode::Form),
        false,
        [code(KeyCode::Backspace)],
        "Backspace",
        "delete a character",
        Action::Backspace
    ),
    bind!(
        M(Mode::Form),
        false,
        [(KeyCode::Char('u'), KeyModifiers::CONTROL)],
        "Ctrl-U",
        "empty the box",
        Action::ClearInput
    ),
];
