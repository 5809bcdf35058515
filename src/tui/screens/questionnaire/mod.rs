//! The questionnaire screen: one question at a time, its options, the self-test and why it is asked (and
//! why now). The safety question comes first and cannot be passed over; after it the screen goes to the
//! question that tells the stories apart best.

mod input;
pub mod keys;
pub mod layout;
mod view;

use super::Context;
use crate::content::Question;
use crate::engine::{Answers, next};
use crate::tui::keys::{Mode, Scope};
use crate::tui::ui::Scroll;

pub use layout::Drawn;

/// Which pane has focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Options,
    Guide,
}

impl Pane {
    pub fn name(self) -> &'static str {
        match self {
            Pane::Options => "options",
            Pane::Guide => "guide",
        }
    }
}

/// What to do once the answer this screen just sent has been applied.
#[derive(Clone, Debug, PartialEq, Eq)]
enum After {
    /// Go on to the most telling question.
    Advance,
    /// The answer was a multiple-choice toggle: say if that left the safety question unanswered.
    Toggled(String),
}

#[derive(Clone, Debug)]
pub struct State {
    /// Index into the questionnaire's questions; always a question that is shown.
    pub current: usize,
    /// The option under the cursor.
    pub cursor: usize,
    pub pane: Pane,
    pub guide: Scroll,
    /// "Start over?" is being asked.
    pub confirm_reset: bool,
    /// Questions visited before this one, most recent last: `p` goes back through them.
    history: Vec<usize>,
    /// "The rest are optional" has been said for the current verdict.
    told_settled: bool,
    /// Questions skipped in this session: `n` does not come back to them (`]` and `[` still do).
    skipped: Vec<String>,
    after: Option<After>,
    /// The last frame's layout and text, for the view to draw and for clicks and scrolling.
    pub drawn: Option<Drawn>,
}

impl State {
    /// Opens where the person should go on: the safety question while it is unanswered, then the most
    /// telling unanswered question, so a person picks up where they left off.
    pub fn new(ctx: &Context) -> State {
        let current =
            next::next_index(ctx.store, &ctx.report.next_questions, ctx.answers).unwrap_or(0);
        let mut state = State {
            current,
            cursor: 0,
            pane: Pane::Options,
            guide: Scroll::default(),
            confirm_reset: false,
            history: Vec::new(),
            told_settled: ctx.report.settled,
            skipped: Vec::new(),
            after: None,
            drawn: None,
        };
        state.place_cursor(ctx.store.questionnaire.questions.get(current), ctx.answers);
        state
    }

    pub fn question<'a>(&self, ctx: &Context<'a>) -> Option<&'a Question> {
        ctx.store.questionnaire.questions.get(self.current)
    }

    /// The key scopes active now: the yes/no question, or the screen.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.confirm_reset {
            return vec![Scope::Mode(Mode::Confirm)];
        }
        vec![
            Scope::Pane(crate::tui::action::Screen::Questionnaire, self.pane.name()),
            Scope::Screen(crate::tui::action::Screen::Questionnaire),
            Scope::Panes,
            Scope::Global,
        ]
    }

    /// Puts the cursor on the (first) chosen option, or the first option, with the guide at its top.
    fn place_cursor(&mut self, question: Option<&Question>, answers: &Answers) {
        self.cursor = question
            .and_then(|q| {
                let chosen = answers.chosen(&q.id);
                q.options
                    .iter()
                    .position(|o| chosen.iter().any(|c| c == o.id.as_str()))
            })
            .unwrap_or(0);
        self.guide = Scroll::default();
    }

    fn go_to(&mut self, ctx: &Context, index: usize) {
        if index != self.current {
            self.history.push(self.current);
        }
        self.current = index;
        self.place_cursor(ctx.store.questionnaire.questions.get(index), ctx.answers);
    }

    /// Goes straight to a question (the Results screen's "answer the safety question").
    pub fn open(&mut self, ctx: &Context, id: &str) {
        if let Some(index) = ctx
            .store
            .questionnaire
            .questions
            .iter()
            .position(|q| q.id == id)
        {
            self.go_to(ctx, index);
            self.pane = Pane::Options;
        }
    }
}
