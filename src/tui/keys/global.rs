//! The keys that work everywhere, and those of the loading screen.

use super::{Binding, SHIFT, Scope, ch, code};
use crate::tui::action::{Action, Screen};
use Scope::{Global, Panes};
use Screen::{Compare, Exercises, Library, Progress, Questionnaire, Results, Session};
use ratatui::crossterm::event::KeyCode;

/// Keys that work everywhere (unless a mode or the screen binds them).
pub const GLOBAL: &[Binding] = &[
    bind!(
        Global,
        true,
        [ch('1'), code(KeyCode::F(1))],
        "1",
        "questionnaire",
        Action::Goto(Questionnaire)
    ),
    bind!(
        Global,
        true,
        [ch('2'), code(KeyCode::F(2))],
        "2",
        "results",
        Action::Goto(Results)
    ),
    bind!(
        Global,
        true,
        [ch('3'), code(KeyCode::F(3))],
        "3",
        "compare",
        Action::Goto(Compare)
    ),
    bind!(
        Global,
        true,
        [ch('4'), code(KeyCode::F(4))],
        "4",
        "exercises",
        Action::Goto(Exercises)
    ),
    bind!(
        Global,
        true,
        [ch('5'), code(KeyCode::F(5))],
        "5",
        "library",
        Action::Goto(Library)
    ),
    bind!(
        Global,
        true,
        [ch('6'), code(KeyCode::F(6))],
        "6",
        "session",
        Action::Goto(Session)
    ),
    bind!(
        Global,
        true,
        [ch('7'), code(KeyCode::F(7))],
        "7",
        "progress",
        Action::Goto(Progress)
    ),
    bind!(
        Panes,
        true,
        [code(KeyCode::Tab)],
        "Tab",
        "next pane",
        Action::NextPane
    ),
    bind!(
        Panes,
        false,
        [code(KeyCode::BackTab), (KeyCode::BackTab, SHIFT)],
        "Shift-Tab",
        "previous pane",
        Action::PrevPane
    ),
    bind!(
        Global,
        false,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "move down",
        Action::Down
    ),
    bind!(
        Global,
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "move up",
        Action::Up
    ),
    bind!(
        Global,
        false,
        [ch('g'), code(KeyCode::Home)],
        "g/Home",
        "go to the top",
        Action::Top
    ),
    bind!(
        Global,
        false,
        [ch('G'), (KeyCode::Char('G'), SHIFT), code(KeyCode::End)],
        "G/End",
        "go to the bottom",
        Action::Bottom
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::Esc)],
        "Esc",
        "back",
        Action::Back
    ),
    bind!(
        Global,
        false,
        [ch('i')],
        "i",
        "what backchain is (the introduction)",
        Action::ShowIntro
    ),
    bind!(Global, true, [ch('?')], "?", "help", Action::ToggleHelp),
    bind!(Global, true, [ch('q')], "q", "quit", Action::Quit),
];

/// Keys of their own while the content loads: Tab steps through the screens (each says "loading…").
pub const LOADING: &[Binding] = &[
    bind!(
        Scope::Loading,
        false,
        [code(KeyCode::Tab)],
        "Tab",
        "next screen",
        Action::NextPane
    ),
    bind!(
        Scope::Loading,
        false,
        [code(KeyCode::BackTab), (KeyCode::BackTab, SHIFT)],
        "Shift-Tab",
        "previous screen",
        Action::PrevPane
    ),
];
