//! The Library screen's keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Library};
use crate::tui::keys::{Binding, Scope::Screen, ch, code};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Screen(Library),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open",
        Action::Select
    ),
    bind!(
        Screen(Library),
        true,
        [ch('a')],
        "a",
        "claim's article",
        Action::OpenArticle
    ),
    bind!(
        Screen(Library),
        true,
        [ch('c')],
        "c",
        "chains citing it",
        Action::OpenChains
    ),
    bind!(
        Screen(Library),
        false,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous tab",
        Action::Left
    ),
    bind!(
        Screen(Library),
        false,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next tab",
        Action::Right
    ),
];
