//! The questionnaire's keys.

use crate::bind;
use crate::tui::action::{Action, Screen::Questionnaire};
use crate::tui::keys::{Binding, Scope::Screen, ch, code};
use ratatui::crossterm::event::KeyCode;

pub const BINDINGS: &[Binding] = &[
    bind!(
        Screen(Questionnaire),
        true,
        [code(KeyCode::Enter), ch(' ')],
        "Enter/Space",
        "choose the option",
        Action::Select
    ),
    bind!(
        Screen(Questionnaire),
        true,
        [ch('n'), code(KeyCode::Right), ch('l')],
        "n/→",
        "next: the most telling question",
        Action::NextQuestion
    ),
    bind!(
        Screen(Questionnaire),
        true,
        [ch('p'), code(KeyCode::Left), ch('h')],
        "p/←",
        "back to the last question",
        Action::PrevQuestion
    ),
    bind!(
        Screen(Questionnaire),
        false,
        [ch(']')],
        "]",
        "next question in order",
        Action::NextInOrder
    ),
    bind!(
        Screen(Questionnaire),
        false,
        [ch('[')],
        "[",
        "previous question in order",
        Action::PrevInOrder
    ),
    bind!(
        Screen(Questionnaire),
        true,
        [ch('s')],
        "s",
        "skip this question",
        Action::Skip
    ),
    bind!(
        Screen(Questionnaire),
        false,
        [ch('X')],
        "X",
        "start over (clears answers)",
        Action::StartOver
    ),
];
