//! The Session screen (`6`): the routine done, guided step by step. Before: the plan with its total time
//! and the pain right now (0–10, skippable). Then each exercise with a get-ready countdown, a gauge for
//! holds, a rep counter, a breathing cue, side switches and rests, what comes next, time left and the share
//! done. After each exercise one key rates it; after the session, the pain again and a note. Everything is
//! written to the journal as it happens (the app does the writing, from [`Record`] messages).
//!
//! The run never reads a clock: the app passes its monotonic time in the [`Context`], ticks the screen
//! only while something moves ([`State::wake_in`]), and pauses the run whenever the person looks away
//! (another screen, Ctrl-Z), so a paused or idle session costs no CPU.

mod figure;
mod guide;
mod input;
pub mod keys;
pub mod layout;
mod plan;
mod view;

use super::{Context, Msg, Record};
use crate::session::Pain;
use crate::tui::action::Screen::Session;
use crate::tui::keys::{Mode, Scope};
use crate::tui::ui::Scroll;
use std::time::Duration;

pub use guide::{Guide, Prompt};
pub use layout::Drawn;
pub use plan::{Plan, plan};

/// Where the screen stands.
#[derive(Clone, Debug)]
pub enum Phase {
    /// No session: the plan (or why there is none), Enter to start.
    Ready,
    /// The pain before: `pick` is the value chosen so far.
    PainBefore {
        pick: Option<u8>,
    },
    Running(Box<Guide>),
    /// The run is over (or left): the pain after.
    PainAfter {
        guide: Box<Guide>,
        pick: Option<u8>,
    },
    /// A note for later.
    Note {
        guide: Box<Guide>,
        pain_after: Option<Pain>,
        text: String,
    },
    /// What was done, until Enter.
    Done(Box<Summary>),
}

/// The end of a session, as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Each exercise and what became of it.
    pub outcomes: Vec<(String, String)>,
    pub pain_before: Option<Pain>,
    pub pain_after: Option<Pain>,
    pub note: String,
    pub left_early: bool,
}

/// The longest note kept (a line or two, as the line version takes).
pub const NOTE_MAX_CHARS: usize = 500;

#[derive(Clone, Debug)]
pub struct State {
    pub phase: Phase,
    /// Seconds of the get-ready countdown before each exercise (`--get-ready`).
    pub get_ready: u32,
    /// The plan, the summary: scrolled text.
    pub scroll: Scroll,
    pub drawn: Option<Drawn>,
}

impl State {
    pub fn new(_ctx: &Context) -> State {
        State {
            phase: Phase::Ready,
            get_ready: crate::session::GET_READY_SECONDS,
            scroll: Scroll::default(),
            drawn: None,
        }
    }

    /// A session is started and not yet written as ended.
    pub fn in_progress(&self) -> bool {
        matches!(
            self.phase,
            Phase::Running(_) | Phase::PainAfter { .. } | Phase::Note { .. }
        )
    }

    pub fn scopes(&self, _ctx: &Context) -> Vec<Scope> {
        let mode = match &self.phase {
            Phase::PainBefore { .. } | Phase::PainAfter { .. } => Some(Mode::Scale),
            Phase::Note { .. } => Some(Mode::Note),
            Phase::Running(guide) => match guide.prompt() {
                Some(Prompt::Leave) => Some(Mode::Confirm),
                Some(_) => Some(Mode::Choice),
                None => None,
            },
            Phase::Ready | Phase::Done(_) => None,
        };
        if let Some(mode) = mode {
            return vec![Scope::Mode(mode)];
        }
        let pane = match &self.phase {
            Phase::Running(_) => Some("running"),
            Phase::Done(_) => Some("done"),
            _ if self.drawn.as_ref().is_some_and(|d| d.startable) => Some("plan"),
            _ => None,
        };
        let mut scopes: Vec<Scope> = pane.map(|p| Scope::Pane(Session, p)).into_iter().collect();
        scopes.extend([Scope::Screen(Session), Scope::Global]);
        scopes
    }

    /// `p` on Results, or Enter here: the pain question, then the session. A session already under way
    /// is only shown.
    pub fn begin(&mut self, ctx: &Context) -> Vec<Msg> {
        if !matches!(self.phase, Phase::Ready | Phase::Done(_)) {
            return Vec::new();
        }
        match plan(ctx) {
            Plan::Ready { .. } => {
                self.phase = Phase::PainBefore { pick: None };
                Vec::new()
            }
            Plan::None(why) => {
                self.phase = Phase::Ready;
                vec![Msg::Info(why)]
            }
        }
    }

    /// Time passed: the run moves on; the end of the run asks for the pain after.
    pub fn tick(&mut self, ctx: &Context) -> Vec<Msg> {
        let Phase::Running(guide) = &mut self.phase else {
            return Vec::new();
        };
        let msgs = guide.tick(ctx.now);
        self.settle();
        msgs
    }

    /// After the run moved or a question was answered: once the run is over and nothing is waiting, on
    /// to the pain after.
    fn settle(&mut self) {
        if let Phase::Running(guide) = &self.phase
            && guide.over
            && guide.prompts.is_empty()
        {
            let Phase::Running(guide) = std::mem::replace(&mut self.phase, Phase::Ready) else {
                return;
            };
            self.phase = Phase::PainAfter { guide, pick: None };
        }
    }

    /// How long the app may sleep before the screen must be drawn again; `None` while nothing moves. With
    /// motion the figure and gauges move ten times a second, without it once a second (when the numbers
    /// change).
    pub fn wake_in(&self, ctx: &Context) -> Option<Duration> {
        let Phase::Running(guide) = &self.phase else {
            return None;
        };
        if !guide.moving() {
            return None;
        }
        let status = guide.run.status(ctx.now);
        let to_second = 1000 - status.elapsed_ms % 1000;
        let to_step_end = status.left_ms.max(1);
        // With motion the figure moves at ten frames a second (the gauges with it); without, once a second.
        let frame = if ctx.motion { 100 } else { 1000 };
        Some(Duration::from_millis(
            to_second.min(frame).min(to_step_end).max(10),
        ))
    }

    /// The person looks elsewhere (another screen, Ctrl-Z): the run waits for them.
    pub fn hold(&mut self, ctx: &Context) -> Vec<Msg> {
        let Phase::Running(guide) = &mut self.phase else {
            return Vec::new();
        };
        let msgs = guide.pause(ctx.now);
        self.settle();
        msgs
    }

    /// The screen is opened: a finished summary or plan is shown from the top.
    pub fn opened(&mut self, _ctx: &Context) {
        self.scroll = Scroll::default();
    }

    /// The answers changed: a red flag now stops a session in progress and says why.
    pub fn answers_changed(&mut self, ctx: &Context) -> Vec<Msg> {
        if !ctx.report.has_red_flags() {
            return Vec::new();
        }
        let mut msgs = Vec::new();
        if self.in_progress() {
            msgs.push(Msg::Record(Record::End {
                pain: None,
                note: String::from("Stopped: a red flag was answered."),
            }));
            msgs.push(Msg::Important(format!(
                "The session is stopped: one of the signs that need a clinician is answered yes. \
                 What you did is kept in your journal. {}",
                ctx.report.care_or_clinician()
            )));
        }
        self.phase = Phase::Ready;
        msgs
    }

    /// The app is closing: a session in progress ends in the journal with what was done.
    pub fn close(&mut self, ctx: &Context) -> Vec<Msg> {
        if !self.in_progress() {
            return Vec::new();
        }
        let mut msgs = self.hold(ctx);
        let (pain, note) = match &self.phase {
            Phase::Note {
                pain_after, text, ..
            } if !text.trim().is_empty() => (*pain_after, text.trim().to_string()),
            Phase::Note { pain_after, .. } => (*pain_after, String::new()),
            _ => (None, String::from("Left when the app was closed.")),
        };
        msgs.push(Msg::Record(Record::End { pain, note }));
        self.phase = Phase::Ready;
        msgs
    }
}
