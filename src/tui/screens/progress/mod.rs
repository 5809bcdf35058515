//! The Progress screen: how pain moved since the first week (in plain words, with when to see a
//! clinician), pain before and after each session with its 7-day average, sessions per week against the
//! plan, and each retest measure over time. `r` records a retest in a small form; `e` exports the
//! summary, the charts as text and the routine as Markdown.

pub mod form;
mod input;
pub mod keys;
pub mod layout;
mod view;

use super::Context;
use crate::progress::Progress;
use crate::tui::action::Screen;
use crate::tui::keys::{Mode, Scope};
use crate::tui::ui::Scroll;

pub use form::Form;
pub use layout::Drawn;

/// What the progress was last computed from: the events (how many, and the last one's time) and the
/// day it was made for. The journal only grows, so these change whenever it does.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Computed {
    events: usize,
    last: Option<String>,
    today: i64,
}

#[derive(Clone, Debug, Default)]
pub struct State {
    /// The summary's scroll.
    pub scroll: Scroll,
    /// The retest form, while it is open.
    pub form: Option<Form>,
    /// The clock the summary is made for, in seconds since 1970; `None` reads the machine's clock.
    /// Tests fix it so a summary does not change with the day it is drawn.
    pub clock: Option<i64>,
    /// The last frame's layout and text, for the view to draw and for scrolling.
    pub drawn: Option<Drawn>,
    computed: Option<(Computed, Progress)>,
}

impl State {
    pub fn new(_ctx: &Context) -> State {
        State::default()
    }

    /// The form has the keyboard while it is open; otherwise the screen's keys, then the global ones.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.form.is_some() {
            return vec![Scope::Mode(Mode::Form)];
        }
        vec![Scope::Screen(Screen::Progress), Scope::Global]
    }

    /// Seconds since 1970 that the summary is made for.
    pub fn now(&self) -> i64 {
        self.clock.unwrap_or_else(crate::date::unix_now)
    }

    /// The progress for these events today, computed again only when the journal or the day changed.
    pub fn progress(&mut self, ctx: &Context) -> &Progress {
        let now = self.now();
        let key = Computed {
            events: ctx.events.len(),
            last: ctx.events.last().map(|e| e.at().to_owned()),
            today: now.div_euclid(86_400),
        };
        if self.computed.as_ref().is_some_and(|(k, _)| *k != key) {
            self.computed = None;
        }
        &self
            .computed
            .get_or_insert_with(|| {
                let progress = Progress::of(ctx.events, ctx.store.plan.as_ref(), now)
                    .with_ranking(ctx.events, ctx.store);
                (key, progress)
            })
            .1
    }

    /// The progress as last computed (by `prepare`), for drawing and input.
    pub fn last_progress(&self) -> Option<&Progress> {
        self.computed.as_ref().map(|(_, p)| p)
    }
}
