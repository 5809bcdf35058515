//! The keys of the modes: help, the intro, a message, a yes/no question, a search box, a picker, a popup.

use super::{Binding, Mode, SHIFT, Scope, ch, code};
use crate::tui::action::Action;
use Scope::Mode as M;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Keys of the modes.
pub const MODES: &[Binding] = &[
    bind!(
        M(Mode::Help),
        true,
        [code(KeyCode::Esc), ch('?'), ch('q'), code(KeyCode::Enter)],
        "Esc/?",
        "close help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Help),
        true,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "scroll down",
        Action::Down
    ),
    bind!(
        M(Mode::Help),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "scroll up",
        Action::Up
    ),
    bind!(
        M(Mode::Help),
        false,
        [code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        M(Mode::Help),
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        M(Mode::Help),
        false,
        [ch('g'), code(KeyCode::Home)],
        "g",
        "top",
        Action::Top
    ),
    bind!(
        M(Mode::Help),
        false,
        [ch('G'), (KeyCode::Char('G'), SHIFT), code(KeyCode::End)],
        "G",
        "bottom",
        Action::Bottom
    ),
    bind!(
        M(Mode::Intro),
        true,
        [code(KeyCode::Enter), code(KeyCode::Esc), ch('q'), ch('i')],
        "Enter",
        "start",
        Action::Dismiss
    ),
    bind!(
        M(Mode::Intro),
        true,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "scroll down",
        Action::Down
    ),
    bind!(
        M(Mode::Intro),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "scroll up",
        Action::Up
    ),
    bind!(
        M(Mode::Intro),
        false,
        [code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        M(Mode::Intro),
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        M(Mode::Message),
        true,
        [code(KeyCode::Enter), code(KeyCode::Esc), ch(' ')],
        "Enter",
        "dismiss",
        Action::Dismiss
    ),
    bind!(
        M(Mode::Message),
        false,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "scroll down",
        Action::Down
    ),
    bind!(
        M(Mode::Message),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "scroll up",
        Action::Up
    ),
    bind!(
        M(Mode::Confirm),
        false,
        [ch('?')],
        "?",
        "help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Confirm),
        true,
        [ch('y'), ch('Y')],
        "y",
        "yes",
        Action::Confirm(true)
    ),
    bind!(
        M(Mode::Confirm),
        true,
        [ch('n'), ch('N'), code(KeyCode::Esc)],
        "n/Esc",
        "no",
        Action::Confirm(false)
    ),
    bind!(
        M(Mode::Typing),
        true,
        [code(KeyCode::Esc)],
        "Esc",
        "leave the box",
        Action::Back
    ),
    bind!(
        M(Mode::Typing),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the selected match",
        Action::Select
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::Backspace)],
        "Backspace",
        "delete a letter",
        Action::Backspace
    ),
    bind!(
        M(Mode::Typing),
        false,
        [(KeyCode::Char('u'), KeyModifiers::CONTROL)],
        "Ctrl-U",
        "clear the box",
        Action::ClearInput
    ),
    bind!(
        M(Mode::Typing),
        true,
        [code(KeyCode::Down)],
        "↓",
        "move down the matches",
        Action::Down
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::Up)],
        "↑",
        "move up the matches",
        Action::Up
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::Tab)],
        "Tab",
        "next pane",
        Action::NextPane
    ),
    bind!(
        M(Mode::Typing),
        false,
        [code(KeyCode::BackTab), (KeyCode::BackTab, SHIFT)],
        "Shift-Tab",
        "previous pane",
        Action::PrevPane
    ),
    bind!(
        M(Mode::Picker),
        false,
        [ch('?')],
        "?",
        "help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Picker),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "choose",
        Action::Select
    ),
    bind!(
        M(Mode::Picker),
        true,
        [code(KeyCode::Esc), ch('q')],
        "Esc",
        "cancel",
        Action::Back
    ),
    bind!(
        M(Mode::Picker),
        true,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "move down",
        Action::Down
    ),
    bind!(
        M(Mode::Picker),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "move up",
        Action::Up
    ),
    bind!(
        M(Mode::Picker),
        false,
        [ch('g'), code(KeyCode::Home)],
        "g",
        "first",
        Action::Top
    ),
    bind!(
        M(Mode::Picker),
        false,
        [ch('G'), (KeyCode::Char('G'), SHIFT), code(KeyCode::End)],
        "G",
        "last",
        Action::Bottom
    ),
    bind!(
        M(Mode::Picker),
        false,
        [code(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        M(Mode::Picker),
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        M(Mode::Popup),
        false,
        [ch('?')],
        "?",
        "help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Popup),
        true,
        [code(KeyCode::Esc), code(KeyCode::Enter), ch('q')],
        "Esc",
        "close",
        Action::Back
    ),
    bind!(
        M(Mode::Popup),
        true,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "scroll down",
        Action::Down
    ),
    bind!(
        M(Mode::Popup),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "scroll up",
        Action::Up
    ),
    bind!(
        M(Mode::Popup),
        false,
        [code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        M(Mode::Popup),
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        M(Mode::Popup),
        false,
        [ch('g'), code(KeyCode::Home)],
        "g",
        "top",
        Action::Top
    ),
    bind!(
        M(Mode::Popup),
        false,
        [ch('G'), (KeyCode::Char('G'), SHIFT), code(KeyCode::End)],
        "G",
        "bottom",
        Action::Bottom
    ),
    bind!(
        M(Mode::TooSmall),
        true,
        [ch('q')],
        "q",
        "quit",
        Action::Quit
    ),
];
