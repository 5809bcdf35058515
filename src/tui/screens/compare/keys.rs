//! The Compare screen's keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Compare};
use crate::tui::keys::{
    Binding,
    Scope::{Pane, Screen},
    ch, code,
};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Pane(Compare, "header"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "pick another article for this side",
        Action::Select
    ),
    bind!(
        Screen(Compare),
        false,
        [ch('a')],
        "a",
        "pick article A",
        Action::PickA
    ),
    bind!(
        Screen(Compare),
        false,
        [ch('b')],
        "b",
        "pick article B",
        Action::PickB
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('w')],
        "w",
        "swap A and B",
        Action::Swap
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('/')],
        "/",
        "find a topic or claim",
        Action::FocusSearch
    ),
    bind!(
        Screen(Compare),
        false,
        [ch('x')],
        "x",
        "clear the search",
        Action::ClearInput
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous topic",
        Action::Left
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next topic",
        Action::Right
    ),
];
