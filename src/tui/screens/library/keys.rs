//! The Library screen's keys: per pane, for a claim in focus, and for the whole screen.

use crate::bind;
use crate::tui::action::{Action, Screen::Library};
use crate::tui::keys::{
    Binding,
    Scope::{Pane, Screen},
    ch, code,
};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Pane(Library, "list"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open",
        Action::Select
    ),
    bind!(
        Pane(Library, "detail"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the link",
        Action::Select
    ),
    bind!(
        Pane(Library, "detail"),
        false,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "next link, or scroll down",
        Action::Down
    ),
    bind!(
        Pane(Library, "detail"),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "previous link, or scroll up",
        Action::Up
    ),
    // A claim in focus (under the list's cursor, or a claim link in the detail): the same keys as the
    // screen's below, shown in the status bar only when they have a claim to act on.
    bind!(
        Pane(Library, "claim"),
        true,
        [ch('o')],
        "o",
        "open its article",
        Action::OpenArticle
    ),
    bind!(
        Pane(Library, "claim"),
        true,
        [ch('c')],
        "c",
        "chains citing it",
        Action::OpenChains
    ),
    bind!(
        Screen(Library),
        true,
        [ch('/')],
        "/",
        "search",
        Action::FocusSearch
    ),
    bind!(
        Screen(Library),
        false,
        [ch('x')],
        "x",
        "clear the search",
        Action::ClearInput
    ),
    bind!(
        Screen(Library),
        true,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous tab",
        Action::Left
    ),
    bind!(
        Screen(Library),
        true,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next tab",
        Action::Right
    ),
    bind!(
        Screen(Library),
        false,
        [ch('o')],
        "o",
        "open its article",
        Action::OpenArticle
    ),
    bind!(
        Screen(Library),
        false,
        [ch('c')],
        "c",
        "chains citing it",
        Action::OpenChains
    ),
];
