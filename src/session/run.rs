//! A session in progress: which step, how far into it, paused or not. Time is whatever the caller's
//! monotonic clock says, in milliseconds, passed into every call: the state machine never reads a clock,
//! so a resize or a suspended terminal changes nothing, and tests step through hours in an instant.

use super::steps::Step;

/// How much `+`/`-` change a rest (issue 12: ±15 s).
pub const REST_STEP_MS: u64 = 15_000;

/// What happened while time passed or a key was pressed, in order, for the caller to ring a bell, ask
/// for a rating or write to the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Step `step` ran to its end; `bell` for the end of a set or a rest.
    StepEnded { step: usize, bell: bool },
    /// Every step of routine item `item` is behind us (done, or the rest of it skipped step by step).
    ExerciseEnded { item: usize },
    /// Routine item `item` was skipped as a whole (the caller asks why).
    ExerciseSkipped { item: usize },
    /// The last step ended. Reported once.
    Finished,
}

/// Where the session stands at one moment (what the Session screen and the line version show).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status<'a> {
    /// The step running now; `None` once finished.
    pub step: Option<&'a Step>,
    /// Its index in the timeline.
    pub index: usize,
    /// Milliseconds into it, and left of it (a rest's length as changed by ±15 s).
    pub elapsed_ms: u64,
    pub left_ms: u64,
    /// The step after this one: what the screen announces as coming next.
    pub next: Option<&'a Step>,
    /// Milliseconds left in the whole session, this step's remainder included.
    pub session_left_ms: u64,
    /// Share of the session's time done, in thousandths (0–1000).
    pub done_permille: u32,
    pub paused: bool,
}

#[derive(Clone, Debug)]
pub struct Run {
    steps: Vec<Step>,
    /// Each step's length in ms (rests change with ±15 s).
    lengths: Vec<u64>,
    index: usize,
    /// Time run in the current step before `since`.
    done_ms: u64,
    /// The clock reading when the current stretch of running began; `None` while paused.
    since: Option<u64>,
    finished_reported: bool,
}

impl Run {
    /// A run through `steps`, started (not paused) at `now`.
    pub fn new(steps: Vec<Step>, now: u64) -> Run {
        let lengths = steps.iter().map(|s| u64::from(s.seconds) * 1000).collect();
        Run {
            steps,
            lengths,
            index: 0,
            done_ms: 0,
            since: Some(now),
            finished_reported: false,
        }
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn is_finished(&self) -> bool {
        self.index >= self.steps.len()
    }

    pub fn is_paused(&self) -> bool {
        self.since.is_none() && !self.is_finished()
    }

    fn elapsed(&self, now: u64) -> u64 {
        self.done_ms + self.since.map_or(0, |since| now.saturating_sub(since))
    }

    /// Lets time pass up to `now`: every step that ended meanwhile ends, in order.
    pub fn tick(&mut self, now: u64) -> Vec<Event> {
        let mut events = Vec::new();
        let mut elapsed = self.elapsed(now);
        while !self.is_finished() && elapsed >= self.lengths[self.index] {
            elapsed -= self.lengths[self.index];
            self.end_step(&mut events, true);
        }
        self.done_ms = if self.is_finished() { 0 } else { elapsed };
        if self.since.is_some() {
            self.since = Some(now);
        }
        self.report_finish(&mut events);
        events
    }

    /// Ends the current step and moves to the next one.
    fn end_step(&mut self, events: &mut Vec<Event>, ran_out: bool) {
        let step = self.steps[self.index];
        if ran_out {
            events.push(Event::StepEnded {
                step: self.index,
                bell: step.rings_at_end(),
            });
        }
        self.index += 1;
        self.done_ms = 0;
        if self
            .steps
            .get(self.index)
            .is_none_or(|s| s.item != step.item)
        {
            events.push(Event::ExerciseEnded { item: step.item });
        }
    }

    fn report_finish(&mut self, events: &mut Vec<Event>) {
        if self.is_finished() && !self.finished_reported {
            self.finished_reported = true;
            self.since = None;
            events.push(Event::Finished);
        }
    }

    /// Space: pauses a running session, resumes a paused one.
    pub fn toggle_pause(&mut self, now: u64) -> Vec<Event> {
        let events = self.tick(now);
        if self.is_finished() {
            return events;
        }
        self.since = match self.since {
            Some(_) => None,
            None => Some(now),
        };
        events
    }

    /// Ends the current step now (a rest cut short, a get-ready skipped), without a bell.
    pub fn skip_step(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.tick(now);
        if !self.is_finished() {
            self.end_step(&mut events, false);
            self.report_finish(&mut events);
        }
        events
    }

    /// Skips the rest of the current exercise (`s`; the caller asks why).
    pub fn skip_exercise(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.tick(now);
        let Some(item) = self.steps.get(self.index).map(|s| s.item) else {
            return events;
        };
        events.push(Event::ExerciseSkipped { item });
        self.jump(self.first_step_of(item + 1));
        self.report_finish(&mut events);
        events
    }

    /// `n`: on to the next exercise's first step, leaving this one as it stands.
    pub fn next_exercise(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.tick(now);
        if let Some(item) = self.steps.get(self.index).map(|s| s.item) {
            self.jump(self.first_step_of(item + 1));
            self.report_finish(&mut events);
        }
        events
    }

    /// `p`: back to the start of this exercise, or of the one before when already at its start.
    pub fn previous_exercise(&mut self, now: u64) -> Vec<Event> {
        let events = self.tick(now);
        let Some(item) = self.steps.get(self.index).map(|s| s.item) else {
            return events;
        };
        let start = self.first_step_of(item);
        let target = if self.index == start && self.done_ms < 2_000 && item > 0 {
            self.first_step_of(item - 1)
        } else {
            start
        };
        self.jump(target);
        events
    }

    /// `+`/`-` during a rest: 15 s longer or shorter (never below what has already run). False when the
    /// current step is not a rest.
    /// Changes only the length: a rest cut to what has run ends on the next [`Run::tick`], with its bell.
    pub fn adjust_rest(&mut self, now: u64, longer: bool) -> bool {
        let elapsed = self.elapsed(now);
        let Some(step) = self.steps.get(self.index) else {
            return false;
        };
        if !step.is_rest() || elapsed >= self.lengths[self.index] {
            return false;
        }
        let length = &mut self.lengths[self.index];
        *length = if longer {
            length.saturating_add(REST_STEP_MS)
        } else {
            length.saturating_sub(REST_STEP_MS).max(elapsed)
        };
        true
    }

    fn first_step_of(&self, item: usize) -> usize {
        self.steps
            .iter()
            .position(|s| s.item >= item)
            .unwrap_or(self.steps.len())
    }

    /// Moves to step `index` at its start. Called right after [`Run::tick`], so a running clock's `since`
    /// is now and the new step starts from zero.
    fn jump(&mut self, index: usize) {
        self.index = index;
        self.done_ms = 0;
    }

    /// Where things stand at `now` (call [`Run::tick`] first to have the events too).
    pub fn status(&self, now: u64) -> Status<'_> {
        let step = self.steps.get(self.index);
        let length = self.lengths.get(self.index).copied().unwrap_or(0);
        let elapsed = self.elapsed(now).min(length);
        let after: u64 = self.lengths.iter().skip(self.index + 1).sum();
        let total: u64 = self.lengths.iter().sum();
        let session_left_ms = if step.is_some() {
            length - elapsed + after
        } else {
            0
        };
        let done = total - session_left_ms.min(total);
        // An empty session is all done.
        let done_permille = (done * 1000)
            .checked_div(total)
            .map_or(1000, |p| u32::try_from(p).unwrap_or(1000));
        let next = step.and(self.steps.get(self.index + 1));
        Status {
            step,
            index: self.index,
            elapsed_ms: elapsed,
            left_ms: length - elapsed,
            next,
            session_left_ms,
            done_permille,
            paused: self.is_paused(),
        }
    }
}
