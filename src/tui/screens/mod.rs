//! The screens, one room each: `screens/<screen>/` keeps a screen's state (`mod.rs`), its keys
//! (`keys.rs`), its input handling (`input.rs`), its layout (`layout.rs`) and its drawing (`view.rs`) side
//! by side. A screen never reaches into another: it reads the shared [`Context`] and answers an action
//! with [`Msg`]s, which the app handles in one place (`app.rs`).
//!
//! Every screen follows the same shape:
//! - `State::new(&Context)`;
//! - `state.update(&Context, Action) -> Option<Vec<Msg>>` — `None` when the action means nothing in
//!   the screen's present state (a test checks that every key the table lists for a scope does
//!   something there);
//! - `state.prepare(&Context, body)` computes the frame's layout and wrapped text once, before drawing,
//!   and keeps it in `state.drawn`; `update` clamps scrolling and hit-tests mouse clicks against that
//!   last frame instead of computing it again;
//! - `state.render(&Context, &mut Frame)` only reads;
//! - `state.scopes()` names the key scopes active now (a mode, the focused pane, the screen);
//! - `state.answers_changed(&Context)` after the answers, and so the report, changed.

pub mod questionnaire;

pub mod compare;
pub mod exercises;
pub mod library;
pub mod progress;
pub mod results;
pub mod session;

use crate::content::Store;
use crate::engine::{Answers, Report};
use crate::search::SearchIndex;
use crate::session::{Outcome, Pain};
use crate::tui::action::Screen;
use crate::tui::keys::Binding;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;

/// What every screen may read: the content, the answers and their report, the search index, the theme,
/// the terminal's size, the journal's events, the time and whether things may move.
pub struct Context<'a> {
    pub store: &'a Store,
    pub answers: &'a Answers,
    pub report: &'a Report,
    /// The journal's events, oldest first: the ratings that move the routine along its ladders.
    pub events: &'a [crate::journal::Event],
    /// The routine as the journal moved it, and each exercise's ratings (see [`crate::tui::current`]).
    pub current: &'a crate::tui::current::Current,
    pub search: &'a SearchIndex,
    pub theme: &'a Theme,
    pub size: Rect,
    /// The app's monotonic clock, in milliseconds since it started: what timers run on.
    pub now: u64,
    /// Animations allowed (off with `--no-motion` or `motion = false`): still pictures instead.
    pub motion: bool,
    /// Figures drawn in braille (off with `--no-braille` or `braille = false`): half blocks instead.
    pub braille: bool,
}

/// Something for the journal, written by the app as it happens (one transaction each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A session starts, with the pain before it if given.
    Start { pain: Option<Pain> },
    /// One exercise of the running session done or skipped.
    Exercise { exercise: String, outcome: Outcome },
    /// The running session ends, with the pain after it and a note.
    End { pain: Option<Pain>, note: String },
    /// A retest: each measure given, and how likely each story is on the answers as they stand (percent;
    /// none without a ranking), all at the same moment, in one transaction (then the journal is read
    /// again).
    Retest {
        values: Vec<(crate::progress::Measure, progress::form::Tenths)>,
        stories: Vec<(String, progress::form::Tenths)>,
    },
}

/// A change to the answers, applied by the app (which then re-scores and saves).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerChange {
    /// One option of a single-choice question.
    Set {
        question: String,
        option: String,
    },
    /// Picks or unpicks one option of a multiple-choice question.
    Toggle {
        question: String,
        option: String,
    },
    Clear(String),
    ClearAll,
}

/// What a screen asks of the app: everything that crosses screens or leaves the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Answer(AnswerChange),
    Goto(Screen),
    /// Open the questionnaire at this question.
    OpenQuestion(String),
    /// Open the Exercises screen on this exercise.
    OpenExercise(String),
    /// A note in the status bar until the next key.
    Info(String),
    /// A warning in the status bar until the next key.
    Error(String),
    /// A message that stays on screen until dismissed.
    Important(String),
    /// Write the routine sheet.
    Export,
    /// Open the Session screen and start the routine (the pain question first).
    StartSession,
    /// Write to the journal.
    Record(Record),
    /// Ring the terminal bell (unless silenced).
    Bell,
    /// Write this progress summary (Markdown) to a new file in the export folder.
    ExportProgress(String),
}

/// Every screen's key bindings, panes before screens.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    questionnaire::keys::BINDINGS
        .iter()
        .chain(results::keys::BINDINGS)
        .chain(compare::keys::BINDINGS)
        .chain(exercises::keys::BINDINGS)
        .chain(library::keys::BINDINGS)
        .chain(session::keys::BINDINGS)
        .chain(progress::keys::BINDINGS)
}
