//! The questionnaire's frame, worked out once before it is drawn: where the red-flag banner, the progress
//! list, the question, its options and the guide go, and their text wrapped to fit.

use super::{Pane, State};
use crate::content::{Question, QuestionKind};
use crate::engine::{flow, verdict};
use crate::text::{self, Line, Role};
use crate::tui::screens::Context;
use crate::tui::ui::{self, Scroll, list};
use ratatui::layout::{Constraint, Layout, Rect};

/// Columns before an option's label: cursor marker and choice mark, "▶ (•) ".
pub const OPTION_INDENT: usize = 6;

/// One frame of the questionnaire.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    pub body: Rect,
    /// The red-flag care message above everything, when a flag is picked.
    pub banner: Option<(Rect, Vec<Line>)>,
    /// The list of questions (wide terminals): its area and the question index on each row.
    pub progress: Option<(Rect, Vec<usize>)>,
    pub question: Rect,
    /// The kind hint and the prompt, wrapped.
    pub header: Vec<Line>,
    pub options: Rect,
    /// Each option's wrapped lines, marks included.
    pub option_lines: Vec<Vec<Line>>,
    /// The first option shown (the cursor is always in view).
    pub first_option: usize,
    pub guide: Rect,
    pub guide_lines: Vec<Line>,
    /// "Start over?" in the middle of the body.
    pub confirm: Option<Rect>,
}

impl Drawn {
    pub fn option_heights(&self) -> Vec<u16> {
        self.option_lines
            .iter()
            .map(|l| ui::to_u16(l.len()))
            .collect()
    }

    /// Options that do not fit below the last one shown.
    pub fn more_options_below(&self) -> bool {
        let inner = self.options;
        list::more_below(&self.option_heights(), self.first_option, inner.height)
    }
}

impl State {
    /// Lays the frame out for `body` and keeps it for the view and for input.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let Some(question) = self.question(ctx) else {
            self.drawn = Some(Drawn {
                body,
                ..Drawn::default()
            });
            return;
        };
        let banner_lines = banner(ctx, body.width.saturating_sub(2));
        let (banner, rest) = if banner_lines.is_empty() {
            (None, body)
        } else {
            // The banner may take up to two thirds of the screen; the question stays reachable below it.
            let height = ui::to_u16(banner_lines.len() + 2).min(body.height * 2 / 3);
            let [b, r] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(body);
            (Some((b, banner_lines)), r)
        };
        let (progress_area, main) = if rest.width >= 110 {
            let [p, m] =
                Layout::horizontal([Constraint::Length(28), Constraint::Fill(1)]).areas(rest);
            (Some(p), m)
        } else {
            (None, rest)
        };
        let (question_area, guide) = if main.width >= 70 {
            let [q, g] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(main);
            (q, g)
        } else {
            let [q, g] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(main);
            (q, g)
        };
        let inner = ui::inner(question_area);
        let header = header(ctx, question, usize::from(inner.width));
        let header_height = ui::to_u16(header.len() + 1).min(inner.height.saturating_sub(1));
        let [_, options] =
            Layout::vertical([Constraint::Length(header_height), Constraint::Fill(1)]).areas(inner);
        let option_lines = self.option_lines(ctx, question, usize::from(options.width));
        let heights: Vec<u16> = option_lines.iter().map(|l| ui::to_u16(l.len())).collect();
        let first_option = list::first_visible(&heights, options.height, self.cursor);
        let guide_lines = guide_lines(self, ctx, question, usize::from(ui::inner(guide).width));
        self.guide.clamp(guide_lines.len(), ui::inner(guide).height);
        let shown: Vec<usize> = (0..ctx.store.questionnaire.questions.len())
            .filter(|&i| {
                flow::is_shown(
                    &ctx.store.questionnaire,
                    &ctx.store.questionnaire.questions[i],
                    ctx.answers,
                )
            })
            .collect();
        self.drawn = Some(Drawn {
            body,
            banner,
            progress: progress_area.map(|p| (p, shown)),
            question: question_area,
            header,
            options,
            option_lines,
            first_option,
            guide,
            guide_lines,
            confirm: self.confirm_reset.then(|| ui::centered(body, 46, 6)),
        });
    }

    /// Each option as the screen shows it: cursor marker, choice mark, label wrapped under itself.
    fn option_lines(&self, ctx: &Context, question: &Question, width: usize) -> Vec<Vec<Line>> {
        let chosen = ctx.answers.chosen(&question.id);
        let focused = self.pane == Pane::Options;
        question
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let picked = chosen.iter().any(|c| c == o.id.as_str());
                let mark = match (question.kind, picked) {
                    (QuestionKind::Single, true) => "(•)",
                    (QuestionKind::Single, false) => "( )",
                    (QuestionKind::Multi, true) => "[x]",
                    (QuestionKind::Multi, false) => "[ ]",
                };
                let under_cursor = i == self.cursor;
                let role = match (under_cursor && focused, o.red_flag.is_some() && picked) {
                    (true, _) => Role::Selected,
                    (false, true) => Role::Warn,
                    (false, false) if under_cursor => Role::Strong,
                    _ => Role::Plain,
                };
                let lead = if under_cursor { "▶ " } else { "  " };
                text::wrap(&o.label, width.saturating_sub(OPTION_INDENT).max(1), "", "")
                    .into_iter()
                    .enumerate()
                    .map(|(n, part)| {
                        let prefix = if n == 0 {
                            format!("{lead}{mark} ")
                        } else {
                            " ".repeat(OPTION_INDENT)
                        };
                        Line::of(Role::Plain, prefix).with(role, part)
                    })
                    .collect()
            })
            .collect()
    }
}

/// The red-flag care message with each flag; empty without a flag.
fn banner(ctx: &Context, width: u16) -> Vec<Line> {
    let report = ctx.report;
    if !report.has_red_flags() {
        return Vec::new();
    }
    let width = usize::from(width.max(1));
    let mut out = vec![Line::of(
        Role::Danger,
        " ⚠ STOP — PLEASE SEE A CLINICIAN. No routine is given. ",
    )];
    if let Some(care) = &report.care {
        out.extend(text::wrap_pieces(&[(Role::Warn, care)], width, 0));
    }
    for flag in &report.red_flags {
        let urgency = format!("[{}] ", flag.urgency.as_str());
        let body = format!("{}: {}", flag.label, flag.message);
        out.extend(text::wrap_pieces(
            &[(Role::Warn, &urgency), (Role::Plain, &body)],
            width,
            2,
        ));
    }
    out
}

/// What kind of answer is wanted, then the prompt.
fn header(ctx: &Context, question: &Question, width: usize) -> Vec<Line> {
    let answered = ctx.answers.is_answered(&question.id);
    let hint = match (question.kind, question.is_red_flag_screen(), answered) {
        (_, true, false) => (
            Role::Warn,
            "required: pick all that apply, or None of these",
        ),
        (QuestionKind::Single, _, _) => (Role::Muted, "pick one"),
        (QuestionKind::Multi, _, _) => (Role::Muted, "pick all that apply, then n for next"),
    };
    let mut out = text::wrap_pieces(&[hint], width, 0);
    out.extend(text::wrap_pieces(
        &[(Role::Title, &question.prompt)],
        width,
        0,
    ));
    out
}

/// The guide: why this question now, how to check, why it is asked, which articles use it, and what
/// the option under the cursor means.
fn guide_lines(state: &State, ctx: &Context, question: &Question, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let why_now = ctx
        .report
        .next_questions
        .iter()
        .find(|n| n.id == question.id.as_str())
        .and_then(|n| verdict::why_ask(ctx.store, n));
    if let Some(why) = why_now {
        out.extend(text::wrap_pieces(
            &[(Role::Title, "Asked now: "), (Role::Plain, &why)],
            width,
            0,
        ));
        out.push(Line::new());
    }
    out.extend(text::wrap_pieces(
        &[(Role::Title, "How to check")],
        width,
        0,
    ));
    out.extend(text::wrap_pieces(
        &[(Role::Plain, &question.how_to_check)],
        width,
        0,
    ));
    out.push(Line::new());
    out.extend(text::wrap_pieces(&[(Role::Title, "Why we ask")], width, 0));
    out.extend(text::wrap_pieces(&[(Role::Plain, &question.why)], width, 0));
    let sources: Vec<String> = question
        .articles
        .iter()
        .map(|a| {
            ctx.store
                .article(a)
                .map_or(a.to_string(), |art| format!("{} {}", art.number, art.short))
        })
        .collect();
    if !sources.is_empty() {
        out.extend(text::wrap_pieces(
            &[
                (Role::Muted, "Used by: "),
                (Role::Plain, &sources.join(", ")),
            ],
            width,
            0,
        ));
    }
    if let Some(option) = question.options.get(state.cursor)
        && let Some(note) = &option.note
    {
        out.push(Line::new());
        out.extend(text::wrap_pieces(
            &[(Role::Title, &format!("If you answer “{}”", option.label))],
            width,
            0,
        ));
        out.extend(text::wrap_pieces(&[(Role::Plain, note)], width, 0));
    }
    out
}

/// Rows of the guide for scrolling.
pub fn guide_rows(drawn: &Drawn) -> u16 {
    ui::inner(drawn.guide).height
}

/// Keeps the guide's scroll within its text.
pub fn clamp_guide(scroll: &mut Scroll, drawn: &Drawn) {
    scroll.clamp(drawn.guide_lines.len(), guide_rows(drawn));
}
