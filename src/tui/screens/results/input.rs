//! The Results screen's input: choosing a story, a step or an exercise, scrolling text, opening the
//! claims popup, and what crosses screens (open an exercise or a question, export) as messages for the
//! app. Scrolling is clamped and clicks are hit-tested against the last frame's layout.

use super::layout::TextPane;
use super::{Care, Pane, State};
use crate::engine::red_flags;
use crate::tui::action::Action;
use crate::tui::screens::{Context, Msg};
use crate::tui::ui::{self, Scroll};

/// Lines and rows of a pane as last drawn. A pane not drawn yet (its turn came since the last frame)
/// scrolls freely; the next frame clamps it.
fn extent(pane: Option<&TextPane>) -> (usize, u16) {
    pane.map_or((usize::from(u16::MAX), 1), |p| (p.lines.len(), p.rows()))
}

fn is_scroll(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. }
    )
}

/// What a wheel step means as a key.
fn wheel_key(action: Action) -> Option<Action> {
    match action {
        Action::ScrollUp { .. } => Some(Action::Up),
        Action::ScrollDown { .. } => Some(Action::Down),
        _ => None,
    }
}

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        if let Some(care) = Care::of(ctx) {
            return self.care_key(ctx, care, action);
        }
        if self.claims.is_some() {
            return self.claims_key(action);
        }
        let msgs = match action {
            Action::Export if ctx.report.routine.is_some() => vec![Msg::Export],
            Action::StartSession if ctx.report.routine.is_some() => vec![Msg::StartSession],
            Action::NextPane => {
                self.pane = self.pane.next();
                Vec::new()
            }
            Action::PrevPane => {
                self.pane = self.pane.prev();
                Vec::new()
            }
            Action::Back if self.pane != Pane::Chains => {
                self.pane = Pane::Chains;
                Vec::new()
            }
            Action::Click { column, row } => return self.click(ctx, column, row),
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                return self.wheel(ctx, action, column, row);
            }
            _ => return self.key_in(ctx, self.pane, action),
        };
        Some(msgs)
    }

    /// With a red flag or the safety question open, Enter goes to the question and the rest scrolls.
    fn care_key(&mut self, ctx: &Context, care: Care, action: Action) -> Option<Vec<Msg>> {
        let pane = self.drawn.as_ref().and_then(|d| d.care.as_ref());
        match action {
            Action::Select => {
                let question = match care {
                    Care::SafetyUnanswered => {
                        red_flags::unanswered_safety_question(&ctx.store.questionnaire, ctx.answers)
                    }
                    Care::RedFlag => flag_question(ctx),
                }?;
                Some(vec![Msg::OpenQuestion(question.to_owned())])
            }
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                let area = pane?.area;
                if !ui::contains(area, column, row) {
                    return None;
                }
                let (lines, rows) = extent(pane);
                self.care.apply(action, lines, rows).then(Vec::new)
            }
            _ if is_scroll(action) => {
                let (lines, rows) = extent(pane);
                self.care.apply(action, lines, rows).then(Vec::new)
            }
            _ => None,
        }
    }

    /// The popup keeps the keys: they scroll it or close it; a click outside closes it.
    fn claims_key(&mut self, action: Action) -> Option<Vec<Msg>> {
        let pane = self.drawn.as_ref().and_then(|d| d.claims.as_ref());
        let (lines, rows) = extent(pane);
        match action {
            Action::Back | Action::Select => self.claims = None,
            Action::Click { column, row } => {
                if pane.is_some_and(|p| ui::contains(p.area, column, row)) {
                    return Some(Vec::new());
                }
                self.claims = None;
            }
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                if !pane.is_some_and(|p| ui::contains(p.area, column, row)) {
                    return None;
                }
                self.claims.as_mut()?.apply(action, lines, rows);
            }
            _ if is_scroll(action) => {
                self.claims.as_mut()?.apply(action, lines, rows);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// A key in one pane: choose a story, a step or an exercise, or scroll text.
    fn key_in(&mut self, ctx: &Context, pane: Pane, action: Action) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref();
        match pane {
            Pane::Chains => {
                let page = drawn
                    .and_then(|d| d.chains.as_ref())
                    .map_or(1, |c| usize::from(ui::inner(c.area).height.max(1)));
                let index = match action {
                    Action::Up => self.chain.saturating_sub(1),
                    Action::Down => self.chain.saturating_add(1),
                    Action::PageUp => self.chain.saturating_sub(page),
                    Action::PageDown => self.chain.saturating_add(page),
                    Action::Top => 0,
                    Action::Bottom => usize::MAX,
                    Action::Select => {
                        self.pane = Pane::Diagram;
                        return Some(Vec::new());
                    }
                    _ => return None,
                };
                self.select_chain(ctx, index);
            }
            Pane::Diagram => match action {
                Action::Left => self.select_step(ctx, self.step.saturating_sub(1)),
                Action::Right => self.select_step(ctx, self.step.saturating_add(1)),
                Action::Select => self.open_claims(ctx)?,
                _ if is_scroll(action) => {
                    let (lines, rows) = drawn
                        .and_then(|d| d.diagram.as_ref())
                        .map_or((usize::from(u16::MAX), 1), |d| {
                            (d.detail.len(), d.parts.detail.height)
                        });
                    self.detail.apply(action, lines, rows);
                }
                _ => return None,
            },
            Pane::Reasons if is_scroll(action) => {
                let (lines, rows) = extent(drawn.and_then(|d| d.reasons.as_ref()));
                self.reasons.apply(action, lines, rows);
            }
            Pane::Reasons => return None,
            Pane::Routine => return self.routine_key(ctx, action),
        }
        Some(Vec::new())
    }

    fn open_claims(&mut self, ctx: &Context) -> Option<()> {
        self.selected_chain(ctx)?.steps.get(self.step)?;
        self.claims = Some(Scroll::default());
        Some(())
    }

    /// The routine is a list: j/k move from exercise to exercise (and scroll on past the first and the
    /// last, to the plan above and the cautions below), Enter opens the exercise. Without a routine the
    /// pane is text, and Enter goes to the question that would settle the verdict.
    fn routine_key(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref().and_then(|d| d.routine.as_ref());
        let (lines, rows) = extent(drawn.map(|r| &r.pane));
        let Some(routine) = State::current_routine(ctx) else {
            if action == Action::Select {
                let next = ctx.report.next_questions.first()?;
                return Some(vec![Msg::OpenQuestion(next.id.clone())]);
            }
            return (is_scroll(action) && self.routine.apply(action, lines, rows)).then(Vec::new);
        };
        let last = routine.items.len().saturating_sub(1);
        match action {
            Action::Select => {
                // The rung's own exercise when the routine moved it to one: what to do now.
                let item = routine.items.get(self.exercise)?;
                let shown = item
                    .shown(ctx.store)
                    .map_or(&*item.exercise, |e| e.id.as_str());
                return Some(vec![Msg::OpenExercise(shown.to_owned())]);
            }
            Action::Down if self.exercise < last => {
                self.exercise += 1;
                self.reveal_exercise();
            }
            Action::Up if self.exercise > 0 => {
                self.exercise -= 1;
                self.reveal_exercise();
            }
            Action::Top => {
                self.exercise = 0;
                self.routine.offset = 0;
                self.reveal_exercise();
            }
            Action::Bottom => {
                self.exercise = last;
                self.routine.apply(action, lines, rows);
            }
            _ if is_scroll(action) => {
                self.routine.apply(action, lines, rows);
                self.follow_view();
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Scrolls the routine as little as possible to show the whole exercise under the cursor (the first
    /// one with the plan above it, when that fits).
    fn reveal_exercise(&mut self) {
        let Some(routine) = self.drawn.as_ref().and_then(|d| d.routine.as_ref()) else {
            return;
        };
        let Some(&(start, len)) = routine.exercises.get(self.exercise) else {
            return;
        };
        let rows = usize::from(routine.pane.rows().max(1));
        let offset = usize::from(self.routine.offset);
        let offset = if self.exercise == 0 && start + len <= rows {
            0
        } else if start < offset {
            start
        } else if start + len > offset + rows {
            (start + len).saturating_sub(rows).min(start)
        } else {
            offset
        };
        self.routine.offset = ui::to_u16(offset);
        self.routine
            .clamp(routine.pane.lines.len(), routine.pane.rows());
    }

    /// After scrolling by a page or the wheel, the cursor moves to an exercise in view if its own went
    /// out of view.
    fn follow_view(&mut self) {
        let Some(routine) = self.drawn.as_ref().and_then(|d| d.routine.as_ref()) else {
            return;
        };
        let top = usize::from(self.routine.offset);
        let bottom = top + usize::from(routine.pane.rows());
        let in_view = |&(start, len): &(usize, usize)| start < bottom && start + len > top;
        if routine.exercises.get(self.exercise).is_some_and(&in_view) {
            return;
        }
        let starts_in_view = routine
            .exercises
            .iter()
            .position(|&(start, _)| start >= top && start < bottom);
        if let Some(i) = starts_in_view.or_else(|| routine.exercises.iter().position(in_view)) {
            self.exercise = i;
        }
    }

    /// A click focuses the pane under it; on a story, a step or an exercise it picks it, and a click on
    /// the step or exercise already picked opens it.
    fn click(&mut self, ctx: &Context, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        let pane = Pane::ALL
            .into_iter()
            .find(|&p| drawn.pane(p).is_some_and(|r| ui::contains(r, column, row)))?;
        let was_focused = self.pane == pane;
        self.pane = pane;
        match pane {
            Pane::Chains => {
                let chains = drawn.chains.as_ref()?;
                let inner = ui::inner(chains.area);
                if ui::contains(inner, column, row) {
                    let index = chains.first + usize::from(row - inner.y);
                    if index < ctx.report.chains.len() {
                        self.select_chain(ctx, index);
                    }
                }
            }
            Pane::Diagram => {
                let parts = &drawn.diagram.as_ref()?.parts;
                if ui::contains(parts.canvas, column, row) {
                    let x = column - parts.canvas.x;
                    let y = (row - parts.canvas.y).saturating_add(parts.scroll);
                    if let Some(step) = parts.layout.step_at(x, y) {
                        if step == self.step {
                            self.open_claims(ctx);
                        } else {
                            self.select_step(ctx, step);
                        }
                    }
                }
            }
            Pane::Reasons => {}
            Pane::Routine => {
                let routine = drawn.routine.as_ref()?;
                let inner = ui::inner(routine.pane.area);
                if ui::contains(inner, column, row) {
                    let line = usize::from(self.routine.offset) + usize::from(row - inner.y);
                    let hit = routine
                        .exercises
                        .iter()
                        .position(|&(start, len)| line >= start && line < start + len);
                    if let Some(i) = hit {
                        if i == self.exercise && was_focused {
                            return self.routine_key(ctx, Action::Select);
                        }
                        self.exercise = i;
                    }
                }
            }
        }
        Some(Vec::new())
    }

    /// The wheel scrolls what is under the pointer without moving the focus: the stories and the
    /// diagram's boxes one at a time, text three lines.
    fn wheel(&mut self, ctx: &Context, action: Action, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        let pane = Pane::ALL
            .into_iter()
            .find(|&p| drawn.pane(p).is_some_and(|r| ui::contains(r, column, row)))?;
        let key = wheel_key(action)?;
        match pane {
            Pane::Chains => self.key_in(ctx, pane, key),
            Pane::Diagram => {
                let parts = &drawn.diagram.as_ref()?.parts;
                if ui::contains(parts.canvas, column, row) {
                    let step = if key == Action::Up {
                        Action::Left
                    } else {
                        Action::Right
                    };
                    self.key_in(ctx, pane, step)
                } else {
                    self.key_in(ctx, pane, action)
                }
            }
            Pane::Reasons | Pane::Routine => self.key_in(ctx, pane, action),
        }
    }
}

/// The question whose answer raised the most urgent red flag.
fn flag_question<'a>(ctx: &Context<'a>) -> Option<&'a str> {
    let flag = ctx.report.red_flags.first()?;
    let q = &ctx.store.questionnaire;
    q.questions
        .iter()
        .find(|question| {
            ctx.answers.chosen(&question.id).contains(&flag.id)
                && question
                    .option(&flag.id)
                    .is_some_and(|o| o.red_flag.is_some())
        })
        .or_else(|| q.questions.iter().find(|x| x.is_red_flag_screen()))
        .map(|x| x.id.as_str())
}
