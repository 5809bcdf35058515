//! The app's whole state: the content, the answers and their report, which screen is open, and one small
//! state per screen. Only `update` changes it; views only read it.

use super::action::Screen;
use super::keymap::KeyContext;
use super::state::{CompareState, ExercisesState, LibraryState, QuestionnaireState, ResultsState};
use super::theme::Theme;
use crate::content::Store;
use crate::engine::{self, Answers, Report};
use crate::search::SearchIndex;
use ratatui::layout::Rect;

/// Work the event loop does after `update`, outside the pure state change: file I/O and signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    SaveAnswers,
    ExportRoutine,
    Suspend,
}

/// A one-line message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub store: Store,
    pub search: SearchIndex,
    pub theme: Theme,
    pub screen: Screen,
    /// `Some(scroll)` while the `?` overlay is open.
    pub help: Option<u16>,
    pub running: bool,
    /// The terminal's size, for mouse hit-testing and page sizes.
    pub size: Rect,
    pub status: Option<Status>,
    pub answers: Answers,
    pub report: Report,
    pub effects: Vec<Effect>,
    pub questionnaire: QuestionnaireState,
    pub results: ResultsState,
    pub compare: CompareState,
    pub exercises: ExercisesState,
    pub library: LibraryState,
}

impl App {
    pub fn new(store: Store, answers: Answers, theme: Theme) -> App {
        let search = SearchIndex::new(&store);
        let report = engine::evaluate(&store, &answers);
        let questionnaire = QuestionnaireState::new(&store, &answers, &report);
        let results = ResultsState::new(&store, &report);
        let compare = CompareState::new(&store);
        let exercises = ExercisesState::new(&store, &search);
        let library = LibraryState::new(&store);
        App {
            store,
            search,
            theme,
            screen: Screen::Questionnaire,
            help: None,
            running: true,
            size: Rect::new(0, 0, 80, 24),
            status: None,
            answers,
            report,
            effects: Vec::new(),
            questionnaire,
            results,
            compare,
            exercises,
            library,
        }
    }

    /// Recomputes the report after the answers changed, and asks for them to be saved.
    pub fn answers_changed(&mut self) {
        self.report = engine::evaluate(&self.store, &self.answers);
        self.results.report_changed(&self.store, &self.report);
        self.effects.push(Effect::SaveAnswers);
    }

    /// Work deferred from `update` until just before a frame is drawn: a search is run once for all the
    /// keystrokes that arrived since the last frame, however fast they came.
    pub fn settle(&mut self) {
        self.exercises.refresh(&self.store, &self.search);
    }

    pub fn key_context(&self) -> KeyContext {
        KeyContext {
            screen: self.screen,
            typing: self.help.is_none()
                && self.screen == Screen::Exercises
                && self.exercises.typing(),
            help: self.help.is_some(),
            confirming: self.help.is_none()
                && self.screen == Screen::Questionnaire
                && self.questionnaire.confirming(),
        }
    }

    /// A message for the status bar, through the printable gate like all output.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: crate::text::printable(&text.into()).into_owned(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: crate::text::printable(&text.into()).into_owned(),
            error: true,
        });
    }
}
