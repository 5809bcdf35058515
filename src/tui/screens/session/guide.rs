//! A session in progress on the screen: the routine as progression left it, the run through its steps,
//! what became of each exercise, and the question waiting for an answer (a rating, why a skip, whether to
//! leave). The clock stops while a question waits.

use crate::engine::RoutineItem;
use crate::session::{
    Event, Outcome, Pain, Rating, Run, SkipReason, StepKind, outcome_words, timeline,
};
use crate::tui::screens::{Msg, Record};
use std::collections::VecDeque;

/// A question over the running session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// How was routine item `item`? `cursor` is the highlighted answer.
    Rate { item: usize, cursor: usize },
    /// Why skip routine item `item`?
    Why { item: usize, cursor: usize },
    /// Leave the session?
    Leave,
}

impl Prompt {
    /// How many answers it offers (for the cursor and the digit keys).
    pub fn choices(self) -> usize {
        match self {
            Prompt::Rate { .. } => Rating::ALL.len(),
            Prompt::Why { .. } => SkipReason::ALL.len(),
            Prompt::Leave => 2,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Guide {
    pub items: Vec<RoutineItem>,
    pub run: Run,
    /// What became of each item; `None`: not reached (yet).
    pub outcomes: Vec<Option<Outcome>>,
    pub pain_before: Option<Pain>,
    /// Questions waiting, the first shown.
    pub prompts: VecDeque<Prompt>,
    /// The run was paused for a question, to go on when the questions are answered.
    held: bool,
    /// The last step is behind us (or the person left): pain after, then the note.
    pub over: bool,
    pub left_early: bool,
    /// The exercise under way when the person left, if they left part-way through one.
    pub left_in: Option<usize>,
    /// Exercises whose last session hurt: their cautions are shown first.
    pub cautions_first: Vec<String>,
}

impl Guide {
    /// Starts the run through `items` at `now`, with a get-ready countdown of `get_ready` seconds.
    pub fn start(
        items: Vec<RoutineItem>,
        get_ready: u32,
        pain_before: Option<Pain>,
        now: u64,
    ) -> Guide {
        let steps = timeline(&items, get_ready);
        Guide {
            outcomes: vec![None; items.len()],
            items,
            run: Run::new(steps, now),
            pain_before,
            prompts: VecDeque::new(),
            held: false,
            over: false,
            left_early: false,
            left_in: None,
            cautions_first: Vec::new(),
        }
    }

    /// The routine item whose step runs now (the last one once the run is over).
    pub fn current_item(&self, now: u64) -> usize {
        self.run
            .status(now)
            .step
            .map_or(self.items.len().saturating_sub(1), |s| s.item)
    }

    pub fn prompt(&self) -> Option<Prompt> {
        self.prompts.front().copied()
    }

    /// Something on screen moves: running, no question open, not over.
    pub fn moving(&self) -> bool {
        !self.over && self.prompts.is_empty() && !self.run.is_paused() && !self.run.is_finished()
    }

    /// Lets time pass; what happened becomes bells and questions.
    pub fn tick(&mut self, now: u64) -> Vec<Msg> {
        if !self.moving() {
            return Vec::new();
        }
        let events = self.run.tick(now);
        self.happened(&events, now)
    }

    /// Turns the run's events into bells and questions, stopping the clock while one waits.
    pub fn happened(&mut self, events: &[Event], now: u64) -> Vec<Msg> {
        let mut msgs = Vec::new();
        for event in events {
            match *event {
                Event::StepEnded { bell: true, .. } => msgs.push(Msg::Bell),
                Event::StepEnded { .. } => {}
                Event::ExerciseEnded { item } => self.ask(Prompt::Rate { item, cursor: 1 }, now),
                Event::ExerciseSkipped { item } => self.ask(Prompt::Why { item, cursor: 0 }, now),
                Event::Finished => self.over = true,
            }
        }
        msgs
    }

    fn ask(&mut self, prompt: Prompt, now: u64) {
        if !self.run.is_paused() && !self.run.is_finished() {
            self.run.toggle_pause(now);
            self.held = true;
        }
        self.prompts.push_back(prompt);
    }

    /// Answers the open question with choice `choice` (`None`: no answer, Esc); returns what to write.
    pub fn answer(&mut self, choice: Option<usize>, now: u64) -> Vec<Msg> {
        let Some(prompt) = self.prompts.pop_front() else {
            return Vec::new();
        };
        let mut msgs = Vec::new();
        let mut record = |items: &[RoutineItem], item: usize, outcome: Outcome| {
            msgs.push(Msg::Record(Record::Exercise {
                exercise: items[item].exercise.clone(),
                outcome,
            }));
            outcome
        };
        match prompt {
            Prompt::Rate { item, .. } => {
                let rating = choice.and_then(|c| Rating::ALL.get(c).copied());
                self.outcomes[item] = Some(record(&self.items, item, Outcome::Done(rating)));
                if rating == Some(Rating::Hurt) {
                    msgs.push(Msg::Info(format!(
                        "Noted: {} hurt. Leave it out until it stops hurting; if it keeps hurting, see a physiotherapist or GP.",
                        self.items[item].name
                    )));
                }
            }
            Prompt::Why { item, .. } => {
                let why = choice.and_then(|c| SkipReason::ALL.get(c).copied());
                self.outcomes[item] = Some(record(&self.items, item, Outcome::Skipped(why)));
            }
            Prompt::Leave => {
                if choice == Some(0) {
                    let status = self.run.status(now);
                    self.left_in = status
                        .step
                        .filter(|s| status.elapsed_ms > 0 || !matches!(s.kind, StepKind::GetReady))
                        .map(|s| s.item)
                        .filter(|&item| self.outcomes[item].is_none());
                    self.over = true;
                    self.left_early = true;
                    self.prompts.clear();
                }
            }
        }
        if self.prompts.is_empty() && self.held {
            self.held = false;
            if self.run.is_paused() && !self.over {
                self.run.toggle_pause(now);
            }
        }
        msgs
    }

    /// Moves the open question's cursor.
    pub fn move_cursor(&mut self, down: bool) {
        if let Some(front) = self.prompts.front_mut() {
            let count = front.choices();
            if let Prompt::Rate { cursor, .. } | Prompt::Why { cursor, .. } = front {
                *cursor = if down {
                    (*cursor + 1).min(count - 1)
                } else {
                    cursor.saturating_sub(1)
                };
            }
        }
    }

    /// Asks whether to leave, with the clock stopped.
    pub fn ask_leave(&mut self, now: u64) -> Vec<Msg> {
        let msgs = self.catch_up(now);
        if self.prompt() != Some(Prompt::Leave) {
            self.ask(Prompt::Leave, now);
            // Leave comes first: the rating waiting behind it is asked after a "no".
            if let Some(leave) = self.prompts.pop_back() {
                self.prompts.push_front(leave);
            }
        }
        msgs
    }

    /// Pauses (another screen opened, the app suspended): the person goes on with Space.
    pub fn pause(&mut self, now: u64) -> Vec<Msg> {
        let msgs = self.catch_up(now);
        if !self.run.is_paused() && !self.run.is_finished() {
            self.run.toggle_pause(now);
        }
        msgs
    }

    /// Whatever ended since the last tick, before the clock stops.
    fn catch_up(&mut self, now: u64) -> Vec<Msg> {
        if self.run.is_paused() {
            return Vec::new();
        }
        let events = self.run.tick(now);
        self.happened(&events, now)
    }

    /// The exercises and what became of them, in words: "Bird dog — done, about right".
    pub fn outcome_lines(&self) -> Vec<(String, String)> {
        self.items
            .iter()
            .zip(&self.outcomes)
            .enumerate()
            .map(|(i, (item, outcome))| {
                let how = outcome_words(*outcome, self.left_in == Some(i));
                (item.name.clone(), how)
            })
            .collect()
    }
}
