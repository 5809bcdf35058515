//! The questionnaire's input: choosing, skipping and moving between questions, answered with messages
//! for the app. Clicks and scrolling use the last frame's layout.

use super::{After, Pane, State, layout};
use crate::content::{Question, QuestionKind};
use crate::engine::{flow, verdict};
use crate::tui::action::Action;
use crate::tui::screens::{AnswerChange, Context, Msg};
use crate::tui::ui::{self, list};

/// Said when a person tries to move past the unanswered safety question.
pub const SAFETY_FIRST: &str = "This question comes first and cannot be skipped: it checks for signs \
that need a clinician, not exercises. Pick every one that applies, or \"None of these\" (Enter or Space).";

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        if self.confirm_reset {
            return match action {
                Action::Confirm(yes) => {
                    self.confirm_reset = false;
                    if yes {
                        self.history.clear();
                        self.skipped.clear();
                        self.current = 0;
                        self.cursor = 0;
                        Some(vec![
                            Msg::Answer(AnswerChange::ClearAll),
                            Msg::Info(String::from("Started over: all answers cleared.")),
                        ])
                    } else {
                        Some(Vec::new())
                    }
                }
                _ => None,
            };
        }
        let question = self.question(ctx)?;
        let options = question.options.len();
        let on_safety = question.is_red_flag_screen();
        let blocked = on_safety && !ctx.answers.is_answered(&question.id);
        let msgs = match action {
            Action::Up | Action::Down | Action::Top | Action::Bottom
                if self.pane == Pane::Options =>
            {
                let last = options.saturating_sub(1);
                self.cursor = match action {
                    Action::Up => self.cursor.saturating_sub(1),
                    Action::Down => (self.cursor + 1).min(last),
                    Action::Top => 0,
                    _ => last,
                };
                Vec::new()
            }
            Action::PageDown | Action::PageUp if self.pane == Pane::Options => {
                let page = self
                    .drawn
                    .as_ref()
                    .map_or(5, |d| usize::from(d.options.height.max(1)));
                self.cursor = if action == Action::PageDown {
                    (self.cursor + page).min(options.saturating_sub(1))
                } else {
                    self.cursor.saturating_sub(page)
                };
                Vec::new()
            }
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => {
                let drawn = self.drawn.as_ref()?;
                self.guide
                    .apply(action, drawn.guide_lines.len(), layout::guide_rows(drawn));
                Vec::new()
            }
            Action::NextPane | Action::PrevPane => {
                self.pane = if self.pane == Pane::Options {
                    Pane::Guide
                } else {
                    Pane::Options
                };
                Vec::new()
            }
            Action::Select => self.choose(ctx, question),
            Action::NextQuestion | Action::NextInOrder if blocked => {
                vec![Msg::Error(String::from(SAFETY_FIRST))]
            }
            Action::Skip if on_safety => vec![Msg::Error(String::from(SAFETY_FIRST))],
            Action::NextQuestion => self.step(ctx),
            Action::NextInOrder => self.in_order(ctx, true),
            Action::PrevInOrder => self.in_order(ctx, false),
            Action::PrevQuestion => {
                self.back(ctx);
                Vec::new()
            }
            Action::Skip => {
                let id = question.id.to_string();
                self.skipped.push(id.clone());
                if ctx.answers.is_answered(&id) {
                    self.after = Some(After::Advance);
                    vec![Msg::Answer(AnswerChange::Clear(id))]
                } else {
                    self.step(ctx)
                }
            }
            Action::StartOver => {
                self.confirm_reset = true;
                Vec::new()
            }
            Action::Click { column, row } => self.click(ctx, column, row)?,
            Action::ScrollDown { column, row } | Action::ScrollUp { column, row } => {
                let drawn = self.drawn.as_ref()?;
                let wheel = if matches!(action, Action::ScrollDown { .. }) {
                    Action::Down
                } else {
                    Action::Up
                };
                if ui::contains(drawn.options, column, row) {
                    self.pane = Pane::Options;
                    return self.update(ctx, wheel);
                }
                if ui::contains(drawn.guide, column, row) {
                    self.pane = Pane::Guide;
                    self.guide
                        .apply(action, drawn.guide_lines.len(), layout::guide_rows(drawn));
                    return Some(Vec::new());
                }
                return None;
            }
            _ => return None,
        };
        Some(msgs)
    }

    /// Picks the option under the cursor. A single answer moves on once it is applied; in a multiple
    /// choice the option is toggled and the cursor stays (an exclusive "none" moves on).
    fn choose(&mut self, ctx: &Context, question: &Question) -> Vec<Msg> {
        let Some(option) = question.options.get(self.cursor) else {
            return Vec::new();
        };
        let (q, o) = (question.id.to_string(), option.id.to_string());
        match question.kind {
            QuestionKind::Single => {
                self.after = Some(After::Advance);
                vec![Msg::Answer(AnswerChange::Set {
                    question: q,
                    option: o,
                })]
            }
            QuestionKind::Multi => {
                let picking_exclusive = option.exclusive && !ctx.answers.chosen(&q).contains(&o);
                self.after = Some(if picking_exclusive {
                    After::Advance
                } else {
                    After::Toggled(q.clone())
                });
                vec![Msg::Answer(AnswerChange::Toggle {
                    question: q,
                    option: o,
                })]
            }
        }
    }

    /// Called once the app has applied an answer and re-scored: finish what the answer started.
    pub fn answers_changed(&mut self, ctx: &Context) -> Vec<Msg> {
        // A question that is no longer asked (its condition changed) cannot stay open.
        let q = &ctx.store.questionnaire;
        if let Some(question) = q.questions.get(self.current)
            && !flow::is_shown(q, question, ctx.answers)
        {
            self.back(ctx);
        }
        if self.cursor >= self.question(ctx).map_or(0, |q| q.options.len()) {
            self.cursor = 0;
        }
        let mut msgs = Vec::new();
        if ctx.report.has_red_flags() {
            self.after = None;
            msgs.push(Msg::Error(String::from(
                "A red flag: please read the message above. No routine will be given.",
            )));
            return msgs;
        }
        match self.after.take() {
            Some(After::Advance) => msgs.extend(self.step(ctx)),
            Some(After::Toggled(id)) => {
                let safety = q.question(&id).is_some_and(Question::is_red_flag_screen);
                if safety && !ctx.answers.is_answered(&id) {
                    msgs.push(Msg::Error(String::from(
                        "Nothing is ticked, so the safety question is unanswered again: pick every sign that applies, or \"None of these\".",
                    )));
                }
            }
            None => {}
        }
        msgs
    }

    /// On to the most telling question still unanswered (other than this one, and not one skipped), as
    /// the engine ranks them.
    fn step(&mut self, ctx: &Context) -> Vec<Msg> {
        let current = self.current;
        let q = &ctx.store.questionnaire;
        let skipped = &self.skipped;
        let open =
            |i: usize| i != current && !skipped.iter().any(|s| *s == q.questions[i].id.as_str());
        let target = ctx
            .report
            .next_questions
            .iter()
            .filter_map(|n| q.questions.iter().position(|x| x.id == n.id.as_str()))
            .find(|&i| open(i))
            .or_else(|| {
                q.questions.iter().enumerate().position(|(i, x)| {
                    open(i) && flow::is_shown(q, x, ctx.answers) && !ctx.answers.is_answered(&x.id)
                })
            });
        match target {
            Some(index) => {
                self.go_to(ctx, index);
                self.settled_note(ctx)
            }
            None => {
                let (done, all) = flow::progress(q, ctx.answers);
                vec![Msg::Info(format!(
                    "No more questions to ask: {done} of {all} answered, the rest skipped. Press 2 for your results, or ] to go through them in order."
                ))]
            }
        }
    }

    /// Once the top story holds enough, say (once) that the rest is optional.
    fn settled_note(&mut self, ctx: &Context) -> Vec<Msg> {
        if !ctx.report.settled {
            self.told_settled = false;
            return Vec::new();
        }
        if self.told_settled {
            return Vec::new();
        }
        self.told_settled = true;
        ctx.report.chains.first().map_or_else(Vec::new, |top| {
            vec![Msg::Info(format!(
                "{} now holds {}: the remaining questions are optional. Press 2 for your results.",
                top.short,
                verdict::percent(top.probability)
            ))]
        })
    }

    /// The next or previous question in the questionnaire's own order.
    fn in_order(&mut self, ctx: &Context, forward: bool) -> Vec<Msg> {
        let q = &ctx.store.questionnaire;
        let shown = |i: &usize| flow::is_shown(q, &q.questions[*i], ctx.answers);
        let target = if forward {
            (self.current + 1..q.questions.len()).find(shown)
        } else {
            (0..self.current).rev().find(shown)
        };
        match target {
            Some(index) => {
                self.go_to(ctx, index);
                Vec::new()
            }
            None if forward => vec![Msg::Info(String::from(
                "That is the last question. n goes to the most telling one still open.",
            ))],
            None => Vec::new(),
        }
    }

    /// Back to the question seen before this one (or the previous one in order).
    fn back(&mut self, ctx: &Context) {
        let q = &ctx.store.questionnaire;
        while let Some(index) = self.history.pop() {
            let shown = q
                .questions
                .get(index)
                .is_some_and(|x| flow::is_shown(q, x, ctx.answers));
            if shown && index != self.current {
                self.current = index;
                self.place_cursor(q.questions.get(index), ctx.answers);
                return;
            }
        }
        if let Some(index) = (0..self.current)
            .rev()
            .find(|&i| flow::is_shown(q, &q.questions[i], ctx.answers))
        {
            self.current = index;
            self.place_cursor(q.questions.get(index), ctx.answers);
        }
    }

    /// Coming back to the questionnaire: an unanswered question stays open; from an answered one, go on
    /// to the most telling question still open.
    pub fn resume(&mut self, ctx: &Context) -> Vec<Msg> {
        let answered = self
            .question(ctx)
            .is_some_and(|q| ctx.answers.is_answered(&q.id));
        let open = ctx
            .report
            .next_questions
            .iter()
            .any(|n| !self.skipped.contains(&n.id));
        if answered && open {
            self.step(ctx)
        } else {
            Vec::new()
        }
    }

    /// A click on a question in the progress list opens it; on an option, picks it.
    fn click(&mut self, ctx: &Context, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        if let Some((area, shown)) = &drawn.progress
            && ui::contains(*area, column, row)
        {
            let line = usize::from(row.saturating_sub(area.y + 1));
            let index = *shown.get(line)?;
            self.go_to(ctx, index);
            return Some(Vec::new());
        }
        if ui::contains(drawn.options, column, row) {
            let heights = drawn.option_heights();
            let option = list::item_at(&heights, drawn.first_option, row - drawn.options.y)?;
            self.pane = Pane::Options;
            self.cursor = option;
            let question = self.question(ctx)?;
            return Some(self.choose(ctx, question));
        }
        if ui::contains(drawn.guide, column, row) {
            self.pane = Pane::Guide;
            return Some(Vec::new());
        }
        None
    }
}
