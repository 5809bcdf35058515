//! The Compare screen's keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Compare};
use crate::tui::keys::{Binding, Scope::Screen, ch, code};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Screen(Compare),
        true,
        [ch('a')],
        "a",
        "pick article A",
        Action::PickA
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('b')],
        "b",
        "pick article B",
        Action::PickB
    ),
    bind!(
        Screen(Compare),
        true,
        [ch('x')],
        "x",
        "swap A and B",
        Action::Swap
    ),
    bind!(
        Screen(Compare),
        false,
        [code(KeyCode::Enter)],
        "Enter",
        "choose the article",
        Action::Select
    ),
    bind!(
        Screen(Compare),
        false,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous topic",
        Action::Left
    ),
    bind!(
        Screen(Compare),
        false,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next topic",
        Action::Right
    ),
];
