//! The app's whole state: the content, the answers and their report, which screen is open, the overlay
//! (help, the introduction, an important message), and one state per screen. Screens answer actions with
//! messages; this is the one place messages are handled.

use super::action::Screen;
use super::keys::{KeyContext, Mode, Scope};
use super::screens::{self, AnswerChange, Context, Msg};
use super::theme::Theme;
use super::ui::Scroll;
use crate::content::{QuestionKind, Store};
use crate::engine::{self, Answers, Report};
use crate::search::SearchIndex;
use ratatui::layout::Rect;

/// Work the event loop does after `update`, outside the pure state change: file I/O and signals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    SaveAnswers,
    ExportRoutine,
    Suspend,
    /// The introduction was read: do not show it on its own again.
    IntroSeen,
    /// Write to the journal (then read it again).
    Record(super::screens::Record),
    /// Ring the terminal bell.
    Bell,
    /// Write the progress summary (Markdown) to a new file in the export folder.
    ExportProgress(String),
}

/// A one-line message in the status bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What covers the screen and takes the keys until it is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help(Scroll),
    Intro(Scroll),
    /// An important message that stays until dismissed.
    Message(String, Scroll),
}

/// A [`Context`] from the app's shared fields, leaving the screens' states free to borrow mutably.
macro_rules! context {
    ($app:expr) => {
        $crate::tui::screens::Context {
            store: &$app.store,
            answers: &$app.answers,
            report: &$app.report,
            events: &$app.events,
            current: &$app.current,
            search: &$app.search,
            theme: &$app.theme,
            size: $app.size,
            now: $app.now,
            motion: $app.motion,
            braille: $app.braille,
        }
    };
}
pub(crate) use context;

pub struct App {
    pub store: Store,
    /// Shared with the search thread on a large store.
    pub search: std::sync::Arc<SearchIndex>,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub running: bool,
    /// The terminal's size, for layout, mouse hit-testing and page sizes.
    pub size: Rect,
    pub status: Option<Status>,
    pub answers: Answers,
    pub report: Report,
    /// The journal's events, oldest first: read at start and after each session's end (empty without a
    /// journal).
    pub events: Vec<crate::journal::Event>,
    /// The routine as the journal moved it, worked out when the answers or the journal change.
    pub current: super::current::Current,
    pub effects: Vec<Effect>,
    pub questionnaire: screens::questionnaire::State,
    pub results: screens::results::State,
    pub compare: screens::compare::State,
    pub exercises: screens::exercises::State,
    pub library: screens::library::State,
    pub session: screens::session::State,
    pub progress: screens::progress::State,
    /// Milliseconds on the app's monotonic clock, set by the event loop before each action and frame.
    pub now: u64,
    /// Animations allowed.
    pub motion: bool,
    /// Figures drawn in braille (else half blocks).
    pub braille: bool,
    /// The open overlay as last laid out, for drawing and for scrolling within it.
    pub overlay_drawn: Option<super::overlay::Drawn>,
}

impl App {
    pub fn new(store: Store, answers: Answers, theme: Theme) -> App {
        let search = SearchIndex::new(&store);
        App::with_search(store, search, answers, theme)
    }

    /// [`App::new`] with the store's search index already built (on the loading thread).
    pub fn with_search(store: Store, search: SearchIndex, answers: Answers, theme: Theme) -> App {
        let report = engine::evaluate(&store, &answers);
        let size = Rect::new(0, 0, 80, 24);
        let events = Vec::new();
        let current = super::current::Current::of(&store, &report, &events);
        let ctx = Context {
            store: &store,
            answers: &answers,
            report: &report,
            events: &events,
            current: &current,
            search: &search,
            theme: &theme,
            size,
            now: 0,
            motion: true,
            braille: true,
        };
        let questionnaire = screens::questionnaire::State::new(&ctx);
        let results = screens::results::State::new(&ctx);
        let exercises = screens::exercises::State::new(&ctx);
        let compare = screens::compare::State::new(&ctx);
        let library = screens::library::State::new(&ctx);
        let session = screens::session::State::new(&ctx);
        let progress = screens::progress::State::new(&ctx);
        // A large store's search runs on a thread of its own (see `searcher`).
        let search = std::sync::Arc::new(search);
        let mut exercises = exercises;
        if search.len() >= super::searcher::BACKGROUND_FROM
            && let Ok(searcher) = super::searcher::Searcher::start(std::sync::Arc::clone(&search))
        {
            exercises.search_in_background(searcher);
        }
        let mut app = App {
            store,
            search,
            theme,
            screen: Screen::Questionnaire,
            overlay: None,
            running: true,
            size,
            status: None,
            answers,
            report,
            events,
            current,
            effects: Vec::new(),
            questionnaire,
            results,
            compare,
            exercises,
            library,
            session,
            progress,
            now: 0,
            motion: true,
            braille: true,
            overlay_drawn: None,
        };
        app.prepare();
        app
    }

    /// The question the questionnaire shows.
    pub fn question(&self) -> Option<&crate::content::Question> {
        self.store
            .questionnaire
            .questions
            .get(self.questionnaire.current)
    }

    /// Is the `?` help open?
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(_)))
    }

    /// Is an overlay (help, the introduction, a message) open over the screen?
    pub fn overlay_open(&self) -> bool {
        self.overlay.is_some()
    }

    /// The terminal changed size. A window too small to show the app hides a session in progress: it
    /// waits, as it does on another screen, rather than run on unseen.
    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        if super::layout::too_small(size) {
            let ctx = context!(self);
            let msgs = self.session.hold(&ctx);
            self.handle(msgs);
        }
    }

    /// The key scopes active now, most specific first.
    pub fn key_context(&self) -> KeyContext {
        if super::layout::too_small(self.size) {
            return KeyContext {
                scopes: vec![Scope::Mode(Mode::TooSmall)],
            };
        }
        let mode = match &self.overlay {
            Some(Overlay::Help(_)) => Some(Mode::Help),
            Some(Overlay::Intro(_)) => Some(Mode::Intro),
            Some(Overlay::Message(..)) => Some(Mode::Message),
            None => None,
        };
        match mode {
            Some(mode) => KeyContext {
                scopes: vec![Scope::Mode(mode)],
            },
            None => self.screen_key_context(),
        }
    }

    /// The open screen's key scopes, as if no overlay were open (what the help describes).
    pub fn screen_key_context(&self) -> KeyContext {
        let scopes = match self.screen {
            Screen::Questionnaire => self.questionnaire.scopes(),
            Screen::Exercises => self.exercises.scopes(),
            Screen::Compare => self.compare.scopes(),
            Screen::Library => self.library.scopes(&context!(self)),
            Screen::Results => self.results.scopes(&context!(self)),
            Screen::Session => self.session.scopes(&context!(self)),
            Screen::Progress => self.progress.scopes(),
        };
        KeyContext { scopes }
    }

    /// Lays out the open screen's next frame and any overlay (once per frame, before drawing).
    pub fn prepare(&mut self) {
        let body = super::layout::frame(self.size).body;
        let ctx = context!(self);
        if self.screen == Screen::Questionnaire {
            self.questionnaire.prepare(&ctx, body);
        }
        if self.screen == Screen::Results {
            self.results.prepare(&ctx, body);
        }
        if self.screen == Screen::Exercises {
            self.exercises.prepare(&ctx, body);
        }
        if self.screen == Screen::Compare {
            self.compare.prepare(&ctx, body);
        }
        if self.screen == Screen::Library {
            self.library.prepare(&ctx, body);
        }
        if self.screen == Screen::Session {
            self.session.prepare(&ctx, body);
        }
        if self.screen == Screen::Progress {
            self.progress.prepare(&ctx, body);
        }
        self.overlay_drawn = super::overlay::prepare(self, body);
    }

    /// Handles what a screen asked for, and whatever that leads to.
    pub fn handle(&mut self, msgs: Vec<Msg>) {
        let mut queue: std::collections::VecDeque<Msg> = msgs.into();
        while let Some(msg) = queue.pop_front() {
            match msg {
                Msg::Answer(change) => {
                    self.apply(change);
                    let ctx = context!(self);
                    queue.extend(self.questionnaire.answers_changed(&ctx));
                }
                Msg::Goto(screen) => {
                    let from = self.screen;
                    if from == Screen::Session && screen != Screen::Session {
                        // A session waits while the person looks elsewhere.
                        let ctx = context!(self);
                        queue.extend(self.session.hold(&ctx));
                    }
                    if screen == Screen::Session && from != Screen::Session {
                        let ctx = context!(self);
                        self.session.opened(&ctx);
                    }
                    self.screen = screen;
                    if screen == Screen::Questionnaire && from != Screen::Questionnaire {
                        let ctx = context!(self);
                        queue.extend(self.questionnaire.resume(&ctx));
                    }
                }
                Msg::OpenQuestion(id) => {
                    let ctx = context!(self);
                    self.questionnaire.open(&ctx, &id);
                    self.screen = Screen::Questionnaire;
                }
                Msg::OpenExercise(id) => {
                    let ctx = context!(self);
                    self.exercises.open(&ctx, &id);
                    self.screen = Screen::Exercises;
                }
                Msg::Info(text) => self.info(text),
                Msg::Error(text) => self.error(text),
                Msg::Important(text) => {
                    self.overlay = Some(Overlay::Message(text, Scroll::default()))
                }
                Msg::Export => self.effects.push(Effect::ExportRoutine),
                Msg::StartSession => {
                    queue.push_front(Msg::Goto(Screen::Session));
                    let ctx = context!(self);
                    queue.extend(self.session.begin(&ctx));
                }
                Msg::Record(record) => self.effects.push(Effect::Record(record)),
                Msg::Bell => self.effects.push(Effect::Bell),
                Msg::ExportProgress(text) => self.effects.push(Effect::ExportProgress(text)),
            }
        }
    }

    /// Changes the answers, re-scores, and asks for them to be saved.
    fn apply(&mut self, change: AnswerChange) {
        match change {
            AnswerChange::Set { question, option } => self.answers.set(&question, &option),
            AnswerChange::Toggle { question, option } => {
                let multi = self
                    .store
                    .questionnaire
                    .question(&question)
                    .is_some_and(|q| q.kind == QuestionKind::Multi);
                if multi {
                    self.answers
                        .toggle(&self.store.questionnaire, &question, &option);
                } else {
                    self.answers.set(&question, &option);
                }
            }
            AnswerChange::Clear(question) => self.answers.clear(&question),
            AnswerChange::ClearAll => self.answers.clear_all(),
        }
        self.answers_changed();
    }

    /// Recomputes the report after the answers changed, and asks for them to be saved.
    pub fn answers_changed(&mut self) {
        self.report = engine::evaluate(&self.store, &self.answers);
        self.current.forget();
        self.refresh_current();
        let ctx = context!(self);
        self.results.answers_changed(&ctx);
        // A red flag answered now stops a session in progress, as it stops the routine.
        let stopped = self.session.answers_changed(&ctx);
        self.effects.push(Effect::SaveAnswers);
        self.handle(stopped);
    }

    /// Works the current routine out again if the journal changed since (cheap when it did not).
    pub fn refresh_current(&mut self) {
        self.current
            .refresh(&self.store, &self.report, &self.events);
    }

    /// Work deferred from `update` until just before a frame is drawn: a search is run once for all the
    /// keystrokes that arrived since the last frame, however fast they came.
    pub fn settle(&mut self) {
        self.refresh_current();
        let ctx = context!(self);
        self.exercises.refresh(&ctx);
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Shows a message that stays until dismissed (a save that went elsewhere, a bad config file).
    pub fn important(&mut self, text: impl Into<String>) {
        self.overlay = Some(Overlay::Message(text.into(), Scroll::default()));
    }

    /// Time passed on the clock (`now` is already set): moves a running session on.
    pub fn tick(&mut self) {
        let ctx = context!(self);
        let msgs = self.session.tick(&ctx);
        self.handle(msgs);
    }

    /// How long the event loop may wait for input before something on screen must move; `None` while
    /// nothing moves (the app then sleeps until a key).
    pub fn wake_in(&self) -> Option<std::time::Duration> {
        let ctx = context!(self);
        // The Exercises screen's figure moves only while it is the open screen with nothing over it.
        let figure = (self.screen == Screen::Exercises && self.overlay.is_none())
            .then(|| self.exercises.wake_in(&ctx))
            .flatten();
        // The drawings beside a chain on Results move the same way.
        let drawings = (self.screen == Screen::Results && self.overlay.is_none())
            .then(|| self.results.wake_in(&ctx))
            .flatten();
        // While the search thread works, look for its answer every frame.
        let search = self
            .exercises
            .searching()
            .then_some(std::time::Duration::from_millis(16));
        [self.session.wake_in(&ctx), figure, drawings, search]
            .into_iter()
            .flatten()
            .min()
    }

    /// Is a session started and not yet ended?
    pub fn session_in_progress(&self) -> bool {
        self.session.in_progress()
    }

    /// Opens the introduction (first run, or `i`).
    pub fn show_intro(&mut self) {
        self.overlay = Some(Overlay::Intro(Scroll::default()));
    }
}
