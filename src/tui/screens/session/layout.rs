//! Where the Session screen's parts go and the text they hold, worked out once per frame: the plan or the
//! summary as one scrolled pane; a running session as a header with the time left, a gauge for the whole
//! session, the step panel (countdown, gauge, rep or breath cue, what comes next) and the exercise's
//! steps, cues and cautions, with its moving figure beside them when there is room; questions in a box on top.

use super::{Guide, Phase, Plan, State, Summary, plan};
use crate::session::{Pain, clock, timeline};
use crate::text::{self, Line, Role, Run};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::{Constraint, Layout, Rect};

/// The step panel's rows inside its border: the big line, the cue, the gauge, a gap, paused, next.
const STEP_ROWS: u16 = 6;
/// Width from which the figure goes beside the exercise's text, and the most it takes.
const FIGURE_BESIDE_FROM: u16 = 80;
const FIGURE_MAX_COLS: u16 = 44;
const FIGURE_MAX_ROWS: u16 = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub body: Rect,
    /// Enter starts a session from here.
    pub startable: bool,
    /// The plan or the summary (or why there is no session), wrapped to the text pane.
    pub text: Vec<Line>,
    pub text_area: Rect,
    pub text_rows: u16,
    /// A running session's parts.
    pub running: Option<Running>,
    /// The question box, when one is open.
    pub prompt: Option<Rect>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Running {
    pub header: Rect,
    pub gauge: Rect,
    pub step: Rect,
    pub detail: Rect,
    /// The exercise's steps, cues and cautions, wrapped to the detail pane.
    pub detail_text: Vec<Line>,
    /// Where the exercise's moving figure goes (beside the text), if it has one and there is room.
    pub figure: Option<Rect>,
}

impl State {
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let mut drawn = Drawn {
            body,
            startable: false,
            text: Vec::new(),
            text_area: body,
            text_rows: body.height.saturating_sub(2),
            running: None,
            prompt: None,
        };
        let width = usize::from(body.width.saturating_sub(3));
        match &self.phase {
            Phase::Ready | Phase::PainBefore { .. } => {
                let (lines, startable) = plan_text(ctx, self.get_ready, width);
                drawn.text = lines;
                drawn.startable = startable;
            }
            Phase::Done(summary) => drawn.text = summary_text(summary, width),
            Phase::Running(guide) | Phase::PainAfter { guide, .. } | Phase::Note { guide, .. } => {
                drawn.running = Some(running(ctx, guide, body));
            }
        }
        self.scroll.clamp(drawn.text.len(), drawn.text_rows);
        drawn.prompt = self.prompt_area(body);
        self.drawn = Some(drawn);
    }

    /// The box of the question open now, centred on the body.
    fn prompt_area(&self, body: Rect) -> Option<Rect> {
        let rows = match &self.phase {
            Phase::PainBefore { .. } | Phase::PainAfter { .. } => 8,
            Phase::Note { .. } => 7,
            Phase::Running(guide) => match guide.prompt()? {
                super::Prompt::Leave => 5,
                prompt => 4 + ui::to_u16(prompt.choices()),
            },
            _ => return None,
        };
        Some(ui::centered(
            body,
            body.width.min(64),
            rows.min(body.height),
        ))
    }
}

/// The plan before a start, or why there is no session; and whether Enter starts one.
fn plan_text(ctx: &Context, get_ready: u32, width: usize) -> (Vec<Line>, bool) {
    let mut runs: Vec<Run> = Vec::new();
    let para = |runs: &mut Vec<Run>, role: Role, text: &str| {
        runs.push(Run::new(role, text));
        runs.push(Run::new(Role::Plain, "\n"));
    };
    let items = match plan(ctx) {
        Plan::None(why) => {
            let role = if ctx.report.has_red_flags() {
                Role::Danger
            } else {
                Role::Warn
            };
            para(&mut runs, role, &why);
            return (text::wrap_styled(&runs, width, 0), false);
        }
        Plan::Ready {
            items,
            changes,
            hurt_last,
        } => {
            let total: u64 = timeline(&items, get_ready)
                .iter()
                .map(|s| u64::from(s.seconds) * 1000)
                .sum();
            para(
                &mut runs,
                Role::Title,
                &format!(
                    "Your routine: {} exercises, about {}.",
                    items.len(),
                    clock(total)
                ),
            );
            if !changes.is_empty() {
                para(&mut runs, Role::Heading, "Since your last sessions:");
                for change in &changes {
                    para(&mut runs, Role::Plain, &format!("  • {change}"));
                }
            }
            (items, hurt_last)
        }
    };
    let (items, hurt_last) = items;
    for (i, item) in items.iter().enumerate() {
        runs.push(Run::new(Role::Accent, format!("{:>3}. ", i + 1)));
        runs.push(Run::new(Role::Strong, item.title()));
        runs.push(Run::new(Role::Muted, format!(" — {}", item.dose)));
        if hurt_last.contains(&item.exercise) {
            runs.push(Run::new(
                Role::Warn,
                " — it hurt last time: read its cautions first",
            ));
        }
        runs.push(Run::new(Role::Plain, "\n"));
    }
    runs.push(Run::new(Role::Plain, "\n"));
    para(
        &mut runs,
        Role::Warn,
        "Stop any exercise that hurts. backchain is not medical advice.",
    );
    let mut how = format!(
        "First you say how bad the pain is right now (0–10, or skip). Each exercise starts with a \
         {get_ready}-second countdown; holds, reps, breaths and rests are timed, with a bell at the end of \
         each set and rest. After each exercise one key rates it."
    );
    if let Some(plan) = &ctx.store.plan {
        how.push(' ');
        how.push_str(plan.progression.note.as_str());
    }
    para(&mut runs, Role::Muted, &how);
    runs.push(Run::new(Role::Plain, "\n"));
    para(&mut runs, Role::Accent, "Press Enter to start.");
    (text::wrap_styled(&runs, width, 0), true)
}

/// The summary after a session.
fn summary_text(summary: &Summary, width: usize) -> Vec<Line> {
    let mut runs = vec![Run::new(
        Role::Title,
        if summary.left_early {
            "Session left early. What you did is kept.\n\n"
        } else {
            "Session done.\n\n"
        },
    )];
    for (name, how) in &summary.outcomes {
        runs.push(Run::new(Role::Strong, format!("  {name}")));
        let role = if how.contains("hurt") || how.contains("pain") {
            Role::Warn
        } else {
            Role::Muted
        };
        runs.push(Run::new(role, format!(" — {how}\n")));
    }
    runs.push(Run::new(
        Role::Plain,
        format!(
            "\nPain before: {} · after: {}\n",
            Pain::words(summary.pain_before),
            Pain::words(summary.pain_after)
        ),
    ));
    if !summary.note.is_empty() {
        runs.push(Run::new(Role::Plain, format!("Note: {}\n", summary.note)));
    }
    runs.push(Run::new(
        Role::Muted,
        "\nSaved in your journal as it happened. Progress (7) shows how the weeks go; Enter goes back to the plan.\n",
    ));
    text::wrap_styled(&runs, width, 0)
}

/// The running session's parts for item `current` of `items`.
fn running(ctx: &Context, guide: &Guide, body: Rect) -> Running {
    let current = guide.current_item(ctx.now);
    let item = guide.items.get(current);
    let [header, gauge, step, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(STEP_ROWS + 2),
        Constraint::Fill(1),
    ])
    .areas(body);
    let exercise = item.and_then(|item| item.shown(ctx.store));
    // The figure beside the exercise's text, a third of the width, when it has one and there is room.
    let figure = exercise.filter(|e| e.figure.is_some()).and_then(|_| {
        let wide = (detail.width / 3).min(FIGURE_MAX_COLS);
        let tall = detail.height.min(FIGURE_MAX_ROWS);
        let fits = usize::from(wide.saturating_sub(2)) >= crate::figure::MIN_COLS
            && usize::from(tall.saturating_sub(2)) >= crate::figure::MIN_ROWS;
        (body.width >= FIGURE_BESIDE_FROM && fits).then(|| {
            let [_, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(wide)]).areas(detail);
            Rect {
                height: tall,
                ..right
            }
        })
    });
    let text_width = detail.width - figure.map_or(0, |r| r.width);
    let width = usize::from(text_width.saturating_sub(3));
    let mut lines: Vec<Line> = Vec::new();
    // Each paragraph wrapped on its own, so a list item's second line hangs under its text.
    let mut add = |runs: Vec<Run>, hang: usize| lines.extend(text::wrap_styled(&runs, width, hang));
    let hurt_last = item.is_some_and(|i| guide.cautions_first.contains(&i.exercise));
    if let (Some(exercise), true) = (exercise, hurt_last) {
        add(
            vec![Run::new(
                Role::Warn,
                "It hurt last time: read the cautions first, go gently, and stop if it hurts again.",
            )],
            0,
        );
        for caution in &exercise.cautions {
            add(
                vec![Run::new(Role::Warn, format!("  ! {}", caution.as_str()))],
                4,
            );
        }
    }
    if let Some(rung) = item.and_then(|i| i.rung.as_ref()) {
        add(
            vec![
                Run::new(Role::Heading, format!("As {}: ", rung.name)),
                Run::new(Role::Plain, rung.change.clone()),
            ],
            0,
        );
    }
    if let Some(exercise) = exercise {
        add(vec![Run::new(Role::Plain, exercise.summary.as_str())], 0);
        add(vec![Run::new(Role::Heading, "Steps")], 0);
        for (i, s) in exercise.steps.iter().enumerate() {
            add(
                vec![
                    Run::new(Role::Accent, format!("{:>2}. ", i + 1)),
                    Run::new(Role::Plain, s.as_str()),
                ],
                4,
            );
        }
        if !exercise.cues.is_empty() {
            add(vec![Run::new(Role::Heading, "Cues")], 0);
            for cue in &exercise.cues {
                add(
                    vec![Run::new(Role::Plain, format!("  • {}", cue.as_str()))],
                    4,
                );
            }
        }
        if !exercise.cautions.is_empty() && !hurt_last {
            add(vec![Run::new(Role::Heading, "Cautions")], 0);
            for caution in &exercise.cautions {
                add(
                    vec![Run::new(Role::Warn, format!("  ! {}", caution.as_str()))],
                    4,
                );
            }
        }
    }
    Running {
        header,
        gauge,
        step,
        detail: Rect {
            width: text_width,
            ..detail
        },
        detail_text: lines,
        figure,
    }
}
