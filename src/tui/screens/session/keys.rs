//! The Session screen's keys, by what it shows: the plan before a start, the session running, the summary
//! after it; and the questions it asks (a pain scale, a numbered choice, a note, leave or not).

use crate::bind;
use crate::tui::action::{Action, Screen::Session};
use crate::tui::keys::{
    Binding, Mode,
    Scope::{Mode as M, Pane},
    ch, code,
};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub const BINDINGS: &[Binding] = &[
    bind!(
        Pane(Session, "plan"),
        true,
        [code(KeyCode::Enter), ch('p')],
        "Enter",
        "start the session",
        Action::StartSession
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch(' ')],
        "Space",
        "pause/go on",
        Action::Pause
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch('n')],
        "n",
        "next exercise",
        Action::NextExercise
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch('p')],
        "p",
        "back",
        Action::PrevExercise
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch('s')],
        "s",
        "skip",
        Action::Skip
    ),
    bind!(
        Pane(Session, "running"),
        false,
        [ch('x')],
        "x",
        "end this step now",
        Action::EndStep
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch('+'), ch('=')],
        "+/-",
        "rest 15 s longer / shorter",
        Action::RestLonger
    ),
    bind!(
        Pane(Session, "running"),
        false,
        [ch('-')],
        "-",
        "rest 15 s shorter",
        Action::RestShorter
    ),
    bind!(
        Pane(Session, "running"),
        true,
        [ch('q')],
        "q",
        "leave",
        Action::Leave
    ),
    bind!(
        Pane(Session, "done"),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "back to the plan",
        Action::Select
    ),
    bind!(
        M(Mode::Scale),
        false,
        [ch('?')],
        "?",
        "help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Scale),
        true,
        [
            ch('0'),
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9')
        ],
        "0–9",
        "pain",
        Action::Digit(0)
    ),
    bind!(
        M(Mode::Scale),
        true,
        [ch('h'), code(KeyCode::Left)],
        "←",
        "less",
        Action::Left
    ),
    bind!(
        M(Mode::Scale),
        true,
        [ch('l'), code(KeyCode::Right)],
        "→",
        "more",
        Action::Right
    ),
    bind!(
        M(Mode::Scale),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "save",
        Action::Select
    ),
    bind!(
        M(Mode::Scale),
        true,
        [code(KeyCode::Esc), ch('s')],
        "Esc",
        "skip the question",
        Action::Back
    ),
    bind!(
        M(Mode::Choice),
        false,
        [ch('?')],
        "?",
        "help",
        Action::ToggleHelp
    ),
    bind!(
        M(Mode::Choice),
        true,
        [ch('1'), ch('2'), ch('3'), ch('4')],
        "1–4",
        "answer",
        Action::Digit(0)
    ),
    bind!(
        M(Mode::Choice),
        true,
        [ch('j'), code(KeyCode::Down)],
        "j/k",
        "move",
        Action::Down
    ),
    bind!(
        M(Mode::Choice),
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "move up",
        Action::Up
    ),
    bind!(
        M(Mode::Choice),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "choose",
        Action::Select
    ),
    bind!(
        M(Mode::Choice),
        true,
        [code(KeyCode::Esc)],
        "Esc",
        "no answer",
        Action::Back
    ),
    bind!(
        M(Mode::Note),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "save the note",
        Action::Select
    ),
    bind!(
        M(Mode::Note),
        true,
        [code(KeyCode::Esc)],
        "Esc",
        "no note",
        Action::Back
    ),
    bind!(
        M(Mode::Note),
        false,
        [code(KeyCode::Backspace)],
        "Backspace",
        "delete a letter",
        Action::Backspace
    ),
    bind!(
        M(Mode::Note),
        false,
        [(KeyCode::Char('u'), KeyModifiers::CONTROL)],
        "Ctrl-U",
        "clear the note",
        Action::ClearInput
    ),
];
