//! The Results screen: the stories ranked, the selected one drawn as boxes and arrows with the claims
//! behind each step, the answers behind its score, and the routine as a list of exercises to open — or,
//! with a red flag or the safety question unanswered, only the message that says what to do.

mod canvas;
pub mod diagram;
mod drawings;
mod input;
mod kept;
pub mod keys;
pub mod layout;
mod pane_text;
mod text_cells;
mod view;

use super::Context;
use crate::content::Chain;
use crate::engine::{ChainScore, Routine};
use crate::tui::action::Screen::Results;
use crate::tui::keys::{Mode, Scope};
use crate::tui::ui::Scroll;

pub use layout::Drawn;

/// Which pane has focus; Tab walks them in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Chains,
    Diagram,
    Reasons,
    Routine,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Chains, Pane::Diagram, Pane::Reasons, Pane::Routine];

    fn next(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + 1) % Pane::ALL.len()]
    }

    fn prev(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            Pane::Chains => "chains",
            Pane::Diagram => "diagram",
            Pane::Reasons => "reasons",
            Pane::Routine => "routine",
        }
    }
}

/// What the screen shows instead of the results, when it must.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Care {
    /// The safety question is not answered: nothing is ranked.
    SafetyUnanswered,
    /// A red flag: see a clinician, no routine.
    RedFlag,
}

impl Care {
    pub fn of(ctx: &Context) -> Option<Care> {
        if ctx.report.has_red_flags() {
            Some(Care::RedFlag)
        } else if !ctx.report.safety_checked {
            Some(Care::SafetyUnanswered)
        } else {
            None
        }
    }

    /// The key scope of the message pane.
    pub fn scope_name(self) -> &'static str {
        match self {
            Care::SafetyUnanswered => "safety",
            Care::RedFlag => "red flag",
        }
    }
}

#[derive(Clone, Debug)]
pub struct State {
    pub pane: Pane,
    /// Index into the report's ranked chains.
    pub chain: usize,
    /// The selected chain's id, to find it again when the ranking changes.
    chain_id: Option<String>,
    /// The selected step of the selected chain.
    pub step: usize,
    /// The selected step's text under the boxes.
    pub detail: Scroll,
    pub reasons: Scroll,
    pub routine: Scroll,
    /// The routine's exercise under the cursor.
    pub exercise: usize,
    /// `Some` while the claims popup of the selected step is open.
    pub claims: Option<Scroll>,
    /// The care message (red flag, safety question unanswered).
    pub care: Scroll,
    /// The last frame's layout and text, for the view to draw and for clicks and scrolling.
    pub drawn: Option<Drawn>,
    /// The moving drawings of the last frame, as drawn cells (kept by `prepare`, put down by the view).
    drawings: drawings::Drawings,
    /// The panes' text of the last frame, with what each was made from (kept by `prepare`).
    kept: kept::Texts,
    /// The reasons' and the routine's visible text of the last frame, as drawn cells (kept by `prepare`).
    text_cells: text_cells::TextCells,
}

impl State {
    /// Opens on the best fit.
    pub fn new(ctx: &Context) -> State {
        State {
            pane: Pane::Chains,
            chain: 0,
            chain_id: ctx.report.chains.first().map(|c| c.id.clone()),
            step: 0,
            detail: Scroll::default(),
            reasons: Scroll::default(),
            routine: Scroll::default(),
            exercise: 0,
            claims: None,
            care: Scroll::default(),
            drawn: None,
            drawings: drawings::Drawings::default(),
            kept: kept::Texts::default(),
            text_cells: text_cells::TextCells::default(),
        }
    }

    /// The key scopes active now: the care message's, the claims popup, or the focused pane's and the
    /// screen's. Export is offered only when there is a routine to export.
    pub fn scopes(&self, ctx: &Context) -> Vec<Scope> {
        if let Some(care) = Care::of(ctx) {
            return vec![Scope::Pane(Results, care.scope_name()), Scope::Global];
        }
        if self.claims.is_some() {
            return vec![Scope::Mode(Mode::Popup)];
        }
        let mut scopes = vec![Scope::Pane(Results, self.pane_scope(ctx))];
        if ctx.report.routine.is_some() {
            scopes.push(Scope::Screen(Results));
        }
        scopes.push(Scope::Panes);
        scopes.push(Scope::Global);
        scopes
    }

    /// The focused pane's key scope. Without a routine the routine pane shows where the verdict stands,
    /// and Enter goes to the questions that would settle it.
    fn pane_scope(&self, ctx: &Context) -> &'static str {
        match self.pane {
            Pane::Routine if ctx.report.routine.is_none() => {
                if ctx.report.next_questions.is_empty() {
                    "no routine"
                } else {
                    "verdict"
                }
            }
            pane => pane.name(),
        }
    }

    /// The answers changed and the report with them: keep the selection valid for the new ranking.
    /// Someone looking at the best fit keeps looking at the best fit; a chain picked further down stays
    /// picked wherever it moves.
    pub fn answers_changed(&mut self, ctx: &Context) {
        let report = ctx.report;
        let index = if self.chain == 0 {
            0
        } else {
            self.chain_id
                .as_deref()
                .and_then(|id| report.chains.iter().position(|c| c.id == id))
                .unwrap_or(0)
        };
        let id = report.chains.get(index).map(|c| c.id.clone());
        if id != self.chain_id {
            self.step = 0;
            self.detail = Scroll::default();
            self.claims = None;
        }
        self.chain = index;
        self.chain_id = id;
        let steps = self.selected_chain(ctx).map_or(0, |c| c.steps.len());
        self.step = self.step.min(steps.saturating_sub(1));
        self.reasons = Scroll::default();
        self.routine = Scroll::default();
        let exercises = State::current_routine(ctx).map_or(0, |r| r.items.len());
        self.exercise = self.exercise.min(exercises.saturating_sub(1));
        self.care = Scroll::default();
        if Care::of(ctx).is_some() {
            self.claims = None;
        }
    }

    /// The routine the pane shows: the person's current one, as the journal's ratings have moved it.
    pub fn current_routine<'a>(ctx: &Context<'a>) -> Option<&'a Routine> {
        ctx.current.routine.as_ref()
    }

    /// The selected chain's score.
    pub fn selected<'a>(&self, ctx: &Context<'a>) -> Option<&'a ChainScore> {
        ctx.report.chains.get(self.chain)
    }

    /// The selected chain's content.
    pub fn selected_chain<'a>(&self, ctx: &Context<'a>) -> Option<&'a Chain> {
        self.selected(ctx).and_then(|c| ctx.store.chain(&c.id))
    }

    fn select_chain(&mut self, ctx: &Context, index: usize) {
        let index = index.min(ctx.report.chains.len().saturating_sub(1));
        if index != self.chain {
            self.step = 0;
            self.detail = Scroll::default();
            self.reasons = Scroll::default();
        }
        self.chain = index;
        self.chain_id = ctx.report.chains.get(index).map(|c| c.id.clone());
    }

    fn select_step(&mut self, ctx: &Context, step: usize) {
        let steps = self.selected_chain(ctx).map_or(0, |c| c.steps.len());
        let step = step.min(steps.saturating_sub(1));
        if step != self.step {
            self.detail = Scroll::default();
        }
        self.step = step;
    }
}

impl State {
    /// How soon the next frame is due: while a drawing beside the chain, or the selected routine
    /// exercise's figure, is in sight and may move (the app's figure frame rate), else never.
    pub fn wake_in(&self, ctx: &Context) -> Option<std::time::Duration> {
        let drawn = self.drawn.as_ref()?;
        let drawings = drawn
            .diagram
            .as_ref()
            .map_or(&[][..], |d| &d.parts.drawings[..]);
        let diagram_moves = drawings
            .iter()
            .any(|(name, _)| crate::assets::diagram_figure(name).is_some_and(|f| f.cycle_ms() > 0));
        // The selected exercise's figure under the routine.
        let routine_moves = (drawn.routine.as_ref())
            .and_then(|r| r.figure.as_ref())
            .and_then(|(_, id)| ctx.store.exercise(id))
            .and_then(crate::tui::screens::exercises::figure::figure)
            .is_some_and(|f| f.cycle_ms() > 0);
        let moves = diagram_moves || routine_moves;
        (ctx.motion && moves && self.claims.is_none())
            .then_some(crate::tui::screens::exercises::figure::FRAME)
    }
}
