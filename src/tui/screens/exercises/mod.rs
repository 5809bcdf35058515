//! The Exercises screen: a search box matched as you type, filters picked from a list, the matches
//! (by name, or best first for a query) and the whole of the one under the cursor.
//!
//! Typing only edits the query and marks the search as pending; [`State::refresh`] runs it (through a
//! [`SearchSession`], which narrows from the last result) once per frame, so a burst of keys on a big
//! store costs one search, not one per key. On a store of [`crate::tui::searcher::BACKGROUND_FROM`]
//! exercises or more it runs on the search thread instead, and the list shows the last query's matches
//! until it is done.

pub mod detail;
pub mod figure;
mod input;
pub mod keys;
pub mod layout;
pub mod picker;
mod view;

use super::Context;
use crate::content::Exercise;
use crate::search::{Filters, Hit, SearchSession};
use crate::tui::action::Screen;
use crate::tui::keys::{Mode, Scope};
use crate::tui::searcher::Searcher;
use crate::tui::ui::Scroll;

pub use layout::Drawn;
pub use picker::Picker;

/// What has focus: the search box (keys are typed into it), the list, or the detail pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Search,
    List,
    Detail,
}

impl Pane {
    /// The name its key scope goes by.
    pub fn name(self) -> &'static str {
        match self {
            Pane::Search => "search",
            Pane::List => "list",
            Pane::Detail => "detail",
        }
    }
}

#[derive(Debug)]
pub struct State {
    pub query: String,
    pub filters: Filters,
    pub pane: Pane,
    /// Position in [`State::hits`] of the exercise under the cursor.
    pub cursor: usize,
    pub detail: Scroll,
    /// The filter picker, while it is open.
    pub picker: Option<Picker>,
    /// The query or filters changed since the last search.
    pending: bool,
    /// After the next search, put the cursor back on this exercise (store index) when it still matches.
    keep: Option<usize>,
    /// The exercise last chosen by moving or clicking, so a filter that hid it and a later one that
    /// shows it again come back to it.
    anchor: Option<usize>,
    /// Holds the last search's hits, and narrows the next one from them.
    session: SearchSession,
    /// The search thread, for a large store.
    background: Option<Searcher>,
    /// A search asked of the thread is not back yet; inside, the exercise to keep once it is.
    awaiting: Option<Option<usize>>,
    /// The last frame's layout and text, for the view to draw and for clicks and scrolling.
    pub drawn: Option<Drawn>,
}

impl State {
    /// Every exercise, by name, with the list focused.
    pub fn new(ctx: &Context) -> State {
        let mut state = State {
            query: String::new(),
            filters: Filters::default(),
            pane: Pane::List,
            cursor: 0,
            detail: Scroll::default(),
            picker: None,
            pending: true,
            keep: None,
            anchor: None,
            session: SearchSession::new(),
            background: None,
            awaiting: None,
            drawn: None,
        };
        state.refresh(ctx);
        state
    }

    /// The key scopes active now: the picker, the search box, or the focused pane and the screen.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.picker.is_some() {
            return vec![Scope::Mode(Mode::Picker)];
        }
        if self.typing() {
            return vec![Scope::Mode(Mode::Typing)];
        }
        vec![
            Scope::Pane(Screen::Exercises, self.pane.name()),
            Scope::Screen(Screen::Exercises),
            Scope::Panes,
            Scope::Global,
        ]
    }

    /// How long the app may sleep before the figure's next frame: while motion is on, the exercise's
    /// figure moves and some of it is in sight (beside the text, or its rows scrolled into view);
    /// otherwise `None`, and the screen costs nothing while idle.
    pub fn wake_in(&self, ctx: &Context) -> Option<std::time::Duration> {
        if !ctx.motion || self.picker.is_some() {
            return None;
        }
        let drawn = self.drawn.as_ref()?;
        let top = usize::from(self.detail.offset);
        let bottom = top + usize::from(drawn.text.height);
        let in_sight = drawn.figure.is_some()
            || (drawn.figure_rows.as_ref())
                .is_some_and(|rows| rows.start < bottom && rows.end > top);
        let moves = self
            .exercise(ctx)
            .and_then(figure::figure)
            .is_some_and(|f| f.cycle_ms() > 0);
        (in_sight && moves).then_some(figure::FRAME)
    }

    /// The search box has focus: keys are typed into it.
    pub fn typing(&self) -> bool {
        self.pane == Pane::Search && self.picker.is_none()
    }

    /// The query or filters changed and [`State::refresh`] has not searched yet.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// The ranked matches of the last search: best first, or by name for an empty query. On a large
    /// store these may be the first part of [`State::total`]; moving the cursor past them ranks the rest.
    pub fn hits(&self) -> &[Hit] {
        self.session.hits()
    }

    /// How many exercises the last search matched.
    pub fn total(&self) -> usize {
        self.session.total()
    }

    pub fn selected(&self) -> Option<&Hit> {
        self.hits().get(self.cursor)
    }

    /// The exercise under the cursor.
    pub fn exercise<'a>(&self, ctx: &Context<'a>) -> Option<&'a Exercise> {
        self.selected()
            .and_then(|hit| ctx.store.exercises.get(hit.index))
    }

    pub fn has_filters(&self) -> bool {
        self.filters != Filters::default()
    }

    /// Shows one exercise in full: clears the query and filters so it is in the list, and selects it
    /// once the next search (before the next frame) has run.
    pub fn open(&mut self, ctx: &Context, id: &str) {
        let Some(index) = ctx.store.exercises.iter().position(|e| e.id == id) else {
            return;
        };
        self.query.clear();
        self.filters = Filters::default();
        self.picker = None;
        self.pane = Pane::Detail;
        self.pending = true;
        self.keep = Some(index);
        self.anchor = Some(index);
        self.detail = Scroll::default();
    }

    /// Searches on `searcher`'s thread from now on (a large store).
    pub fn search_in_background(&mut self, searcher: Searcher) {
        self.background = Some(searcher);
    }

    /// A search runs on the search thread: the list shows the last query's matches meanwhile.
    pub fn searching(&self) -> bool {
        self.awaiting.is_some()
    }

    /// Waits for the search thread's answer and takes it in: a move or a click acts on the list of the
    /// query as typed, not on the one still on screen.
    pub fn wait_for_search(&mut self, ctx: &Context) {
        if let Some(session) = self.background.as_mut().and_then(Searcher::wait) {
            self.take_in(ctx, session);
            self.refresh(ctx);
        }
    }

    /// Runs the search if the query or filters changed (or takes in the search thread's answer), and
    /// keeps the cursor on a hit.
    pub fn refresh(&mut self, ctx: &Context) {
        if let Some(background) = self.background.as_mut() {
            if let Some(session) = background.finished() {
                self.take_in(ctx, session);
            } else if !background.busy()
                && let Some(keep) = self.awaiting.take()
            {
                // The thread is gone: search here from now on.
                self.background = None;
                self.pending = true;
                self.keep = keep;
            }
        }
        if self.pending {
            self.pending = false;
            let keep = self.keep.take();
            match self.background.as_mut() {
                Some(background) => {
                    background.ask(&self.session, &self.query, &self.filters);
                    self.awaiting = Some(keep);
                }
                None => {
                    let before = self.selected().map(|hit| hit.index);
                    self.session.search(ctx.search, &self.query, &self.filters);
                    self.searched(ctx, before, keep);
                }
            }
        }
        self.cursor = self.cursor.min(self.total().saturating_sub(1));
        self.rank_to(ctx, self.cursor);
        if self.selected().is_none() && self.pane == Pane::Detail {
            self.pane = Pane::List;
        }
        // A chain filter the store does not know (content reloaded) would hide everything.
        if let Some(chain) = &self.filters.chain
            && ctx.store.chain(chain).is_none()
        {
            self.filters.chain = None;
            self.pending = true;
            self.refresh(ctx);
        }
    }

    /// The search thread's answer to the last query asked.
    fn take_in(&mut self, ctx: &Context, session: SearchSession) {
        let before = self.selected().map(|hit| hit.index);
        self.session = session;
        let keep = self.awaiting.take().flatten();
        self.searched(ctx, before, keep);
    }

    /// After a search: the cursor on the exercise to keep if it still matches (else the first), and
    /// the detail back at its top when another exercise is under the cursor than `before`.
    fn searched(&mut self, ctx: &Context, before: Option<usize>, keep: Option<usize>) {
        let at = |session: &SearchSession, exercise: usize| {
            session.hits().iter().position(|hit| hit.index == exercise)
        };
        // The exercise to keep may be among the matches not ranked yet.
        if let Some(exercise) = keep
            && at(&self.session, exercise).is_none()
            && self.session.hits().len() < self.session.total()
        {
            self.session.rank_all(ctx.search);
        }
        self.cursor = keep
            .and_then(|exercise| at(&self.session, exercise))
            .unwrap_or(0);
        if self.selected().map(|hit| hit.index) != before {
            self.detail = Scroll::default();
        }
    }

    /// The query changed: search again, best match on top.
    fn query_edited(&mut self) {
        self.pending = true;
        self.keep = None;
        self.anchor = None;
    }

    /// The filters changed or the query was cleared: search again, staying on the same exercise if it
    /// is still there.
    fn ground_changed(&mut self) {
        self.pending = true;
        self.keep = self.anchor.or_else(|| self.selected().map(|hit| hit.index));
    }

    fn move_cursor(&mut self, ctx: &Context, down: bool, by: usize) {
        let last = self.total().saturating_sub(1);
        let to = if down {
            self.cursor.saturating_add(by).min(last)
        } else {
            self.cursor.saturating_sub(by).min(last)
        };
        self.rank_to(ctx, to);
        self.choose(to);
    }

    /// Ranks the matches not ranked yet when the list reaches past the ranked ones: the hit at `at`,
    /// and a screenful after it, must be in [`State::hits`].
    fn rank_to(&mut self, ctx: &Context, at: usize) {
        let page = self
            .drawn
            .as_ref()
            .map_or(0, |d| usize::from(d.rows.height));
        let needed = at.saturating_add(page).min(self.total().saturating_sub(1));
        if needed >= self.hits().len() && self.hits().len() < self.total() {
            self.session.rank_all(ctx.search);
        }
    }

    /// The person put the cursor on the hit at `at`: its detail starts at the top, and filters try to
    /// keep it.
    fn choose(&mut self, at: usize) {
        let before = self.selected().map(|hit| hit.index);
        self.cursor = at;
        let now = self.selected().map(|hit| hit.index);
        if now != before {
            self.detail = Scroll::default();
        }
        self.anchor = now;
    }
}
