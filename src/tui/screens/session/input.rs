//! Keys on the Session screen, phase by phase.

use super::{Guide, NOTE_MAX_CHARS, Phase, Plan, Prompt, State, Summary, plan};
use crate::session::Pain;
use crate::tui::action::Action;
use crate::tui::screens::{Context, Msg, Record};

impl State {
    /// Handles an action; `None` when it means nothing in the screen's present state.
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        let msgs = match &mut self.phase {
            Phase::Ready => self.ready(ctx, action)?,
            Phase::PainBefore { pick } => match scale(pick, action)? {
                Picked::Moved => Vec::new(),
                Picked::Done(pain) => self.start(ctx, pain),
            },
            Phase::Running(guide) => running(guide, ctx.now, action)?,
            Phase::PainAfter { pick, .. } => match scale(pick, action)? {
                Picked::Moved => Vec::new(),
                Picked::Done(pain) => {
                    let Phase::PainAfter { guide, .. } =
                        std::mem::replace(&mut self.phase, Phase::Ready)
                    else {
                        return None;
                    };
                    self.phase = Phase::Note {
                        guide,
                        pain_after: pain,
                        text: String::new(),
                    };
                    Vec::new()
                }
            },
            Phase::Note { text, .. } => match action {
                Action::Input(c) if !c.is_control() => {
                    if text.chars().count() < NOTE_MAX_CHARS {
                        text.push(c);
                    }
                    Vec::new()
                }
                Action::Backspace => {
                    text.pop();
                    Vec::new()
                }
                Action::ClearInput => {
                    text.clear();
                    Vec::new()
                }
                Action::Select => self.finish(false),
                Action::Back => self.finish(true),
                _ => return None,
            },
            Phase::Done(_) => match action {
                Action::Select => {
                    self.phase = Phase::Ready;
                    self.scroll = Default::default();
                    Vec::new()
                }
                _ => return self.scrolled(action),
            },
        };
        if let Phase::Running(_) = self.phase {
            self.settle();
        }
        Some(msgs)
    }

    fn ready(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        match action {
            Action::StartSession => Some(self.begin(ctx)),
            _ => self.scrolled(action),
        }
    }

    /// Scrolls the plan or the summary.
    fn scrolled(&mut self, action: Action) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        self.scroll
            .apply(action, drawn.text.len(), drawn.text_rows)
            .then(Vec::new)
    }

    /// The pain before is answered (or skipped): the run starts now.
    fn start(&mut self, ctx: &Context, pain: Option<Pain>) -> Vec<Msg> {
        let Plan::Ready {
            items, hurt_last, ..
        } = plan(ctx)
        else {
            self.phase = Phase::Ready;
            return Vec::new();
        };
        let mut guide = Guide::start(items, self.get_ready, pain, ctx.now);
        guide.cautions_first = hurt_last;
        self.phase = Phase::Running(Box::new(guide));
        vec![Msg::Record(Record::Start { pain })]
    }

    /// The note is written (or `skipped`): the session ends in the journal and the summary shows.
    fn finish(&mut self, skipped: bool) -> Vec<Msg> {
        let Phase::Note {
            guide,
            pain_after,
            text,
        } = std::mem::replace(&mut self.phase, Phase::Ready)
        else {
            return Vec::new();
        };
        let note = if skipped {
            String::new()
        } else {
            text.trim().to_string()
        };
        self.phase = Phase::Done(Box::new(Summary {
            outcomes: guide.outcome_lines(),
            pain_before: guide.pain_before,
            pain_after,
            note: note.clone(),
            left_early: guide.left_early,
        }));
        self.scroll = Default::default();
        vec![
            Msg::Record(Record::End {
                pain: pain_after,
                note,
            }),
            Msg::Info(String::from(
                "Session saved in your journal. Progress (7) shows how it goes over the weeks.",
            )),
        ]
    }
}

/// What a key did to a 0–10 scale.
enum Picked {
    Moved,
    /// Answered (`None`: skipped).
    Done(Option<Pain>),
}

fn scale(pick: &mut Option<u8>, action: Action) -> Option<Picked> {
    match action {
        Action::Digit(d) => *pick = Some(d.min(Pain::MAX)),
        Action::Left => *pick = Some(pick.map_or(5, |p| p.saturating_sub(1))),
        Action::Right => *pick = Some(pick.map_or(5, |p| (p + 1).min(Pain::MAX))),
        Action::Select => return Some(Picked::Done(pick.and_then(Pain::new))),
        Action::Back => return Some(Picked::Done(None)),
        _ => return None,
    }
    Some(Picked::Moved)
}

/// Keys while the session runs: the open question's, or the run's.
fn running(guide: &mut Guide, now: u64, action: Action) -> Option<Vec<Msg>> {
    if let Some(prompt) = guide.prompt() {
        return match (prompt, action) {
            (Prompt::Leave, Action::Confirm(yes)) => Some(guide.answer(yes.then_some(0), now)),
            (Prompt::Leave, _) => None,
            (_, Action::Digit(d)) => {
                let choice = usize::from(d).checked_sub(1)?;
                (choice < prompt.choices()).then(|| guide.answer(Some(choice), now))
            }
            (Prompt::Rate { cursor, .. } | Prompt::Why { cursor, .. }, Action::Select) => {
                Some(guide.answer(Some(cursor), now))
            }
            (_, Action::Back) => Some(guide.answer(None, now)),
            (_, Action::Down) => {
                guide.move_cursor(true);
                Some(Vec::new())
            }
            (_, Action::Up) => {
                guide.move_cursor(false);
                Some(Vec::new())
            }
            _ => None,
        };
    }
    let events = match action {
        Action::Pause => guide.run.toggle_pause(now),
        Action::NextExercise => guide.run.next_exercise(now),
        Action::PrevExercise => guide.run.previous_exercise(now),
        Action::Skip => guide.run.skip_exercise(now),
        Action::EndStep => guide.run.skip_step(now),
        Action::RestLonger | Action::RestShorter => {
            let events = guide.run.tick(now);
            let mut msgs = guide.happened(&events, now);
            if !guide.run.adjust_rest(now, action == Action::RestLonger) {
                msgs.push(Msg::Info(String::from(
                    "+ and - change a rest's length; this step is not a rest.",
                )));
            }
            return Some(msgs);
        }
        Action::Leave => return Some(guide.ask_leave(now)),
        _ => return None,
    };
    Some(guide.happened(&events, now))
}
