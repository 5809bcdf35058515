//! Drawing the Session screen as laid out by `prepare`; only reads. Gauges are drawn with full and light
//! blocks, so they show without colour (NO_COLOR, the mono theme).

use super::layout::Running;
use super::{Guide, Phase, Prompt, State};
use crate::session::{
    Pace, Pain, Rating, SkipReason, StepKind, Work, breath_fill, clock, pace, pace_words,
    seconds_up, step_title,
};
use crate::text;
use crate::tui::screens::Context;
use crate::tui::screens::exercises::figure as exercise_figure;
use crate::tui::theme::Theme;
use crate::tui::ui::ScrollView;
use crate::tui::ui::pane::pane_in;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, LineGauge, Paragraph};

const FULL: &str = "█";
const LIGHT: &str = "░";

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let Some(drawn) = &self.drawn else { return };
        let theme = ctx.theme;
        match &self.phase {
            Phase::Ready | Phase::PainBefore { .. } | Phase::Done(_) => {
                let title = match self.phase {
                    Phase::Done(_) => "Session — summary",
                    _ => "Session — your routine",
                };
                ScrollView {
                    title,
                    lines: &drawn.text,
                    scroll: self.scroll,
                    focused: !overlay_open,
                }
                .render(frame, drawn.text_area, theme);
            }
            Phase::Running(guide) | Phase::PainAfter { guide, .. } | Phase::Note { guide, .. } => {
                if let Some(parts) = &drawn.running {
                    running(ctx, guide, parts, frame);
                }
            }
        }
        if let Some(area) = drawn.prompt {
            frame.render_widget(Clear, area);
            self.prompt(ctx, area, frame);
        }
    }

    /// The question box.
    fn prompt(&self, ctx: &Context, area: Rect, frame: &mut Frame) {
        let theme = ctx.theme;
        let width = usize::from(area.width.saturating_sub(4));
        let (title, lines): (&str, Vec<Line>) = match &self.phase {
            Phase::PainBefore { pick } => (
                "Before you start",
                scale_lines("How bad is the pain right now?", *pick, width, theme),
            ),
            Phase::PainAfter { pick, guide } => (
                if guide.left_early {
                    "Session left"
                } else {
                    "Session done"
                },
                scale_lines("How bad is the pain now?", *pick, width, theme),
            ),
            Phase::Note {
                text: note,
                pain_after,
                ..
            } => {
                let mut lines = vec![
                    Line::from(format!("Pain after: {}", Pain::words(*pain_after))),
                    Line::from("A note for yourself? (optional)"),
                    Line::from(""),
                ];
                // The end of what is typed, with a cursor.
                let shown = tail(note, width.saturating_sub(3));
                lines.push(Line::from(vec![
                    Span::styled("› ", theme.accent()),
                    Span::raw(shown),
                    Span::styled("▏", theme.accent()),
                ]));
                ("A note", lines)
            }
            Phase::Running(guide) => match guide.prompt() {
                Some(Prompt::Leave) => (
                    "Leave the session?",
                    vec![
                        Line::from("What you did so far is kept in your journal."),
                        Line::from(""),
                        Line::from(vec![
                            Span::styled("y", theme.accent().add_modifier(Modifier::BOLD)),
                            Span::raw(" leave · "),
                            Span::styled("n", theme.accent().add_modifier(Modifier::BOLD)),
                            Span::raw(" go on"),
                        ]),
                    ],
                ),
                Some(Prompt::Rate { item, cursor }) => (
                    "Rate it",
                    choice_lines(
                        &format!("How was {}?", guide.items[item].name),
                        &Rating::ALL.map(Rating::words),
                        cursor,
                        width,
                        theme,
                    ),
                ),
                Some(Prompt::Why { item, cursor }) => (
                    "Skipped",
                    choice_lines(
                        &format!("Why skip {}?", guide.items[item].name),
                        &SkipReason::ALL.map(SkipReason::words),
                        cursor,
                        width,
                        theme,
                    ),
                ),
                None => return,
            },
            _ => return,
        };
        let block = pane_in(title, true, theme, area.width);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let inner = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The last `width` columns of `note`.
fn tail(note: &str, width: usize) -> String {
    let chars: Vec<char> = note.chars().collect();
    let mut start = chars.len();
    let mut used = 0;
    while start > 0 {
        let w = text::width(&chars[start - 1].to_string());
        if used + w > width {
            break;
        }
        used += w;
        start -= 1;
    }
    chars[start..].iter().collect()
}

/// A question and the 0–10 scale, the chosen number marked with brackets (seen without colour too).
fn scale_lines(
    question: &str,
    pick: Option<u8>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut spans = Vec::new();
    for n in 0..=10u8 {
        if pick == Some(n) {
            spans.push(Span::styled(format!("[{n}]"), theme.selected()));
        } else {
            spans.push(Span::styled(format!(" {n} "), theme.plain()));
        }
    }
    let scale_width: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let mut ends = String::from("no pain");
    let right = "worst imaginable";
    let gap = scale_width.saturating_sub(ends.len() + right.len()).max(1);
    ends.push_str(&" ".repeat(gap));
    ends.push_str(right);
    let mut lines: Vec<Line> = text::wrap(question, width, "", "")
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(spans));
    lines.push(Line::from(Span::styled(ends, theme.muted())));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        match pick {
            Some(n) => format!("{n}/10 — Enter saves it, Esc skips the question."),
            None => String::from("Type 0–9 or use ←/→, then Enter; Esc skips the question."),
        },
        theme.muted(),
    )));
    lines
}

/// A question and numbered answers, the highlighted one marked with ▶.
fn choice_lines(
    question: &str,
    answers: &[&str],
    cursor: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = text::wrap(question, width, "", "")
        .into_iter()
        .take(2)
        .map(Line::from)
        .collect();
    lines.push(Line::from(""));
    for (i, answer) in answers.iter().enumerate() {
        let (mark, style) = if i == cursor {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.plain())
        };
        lines.push(Line::from(vec![
            Span::styled(mark, theme.accent()),
            Span::styled(format!("{} ", i + 1), theme.accent()),
            Span::styled((*answer).to_string(), style),
        ]));
    }
    lines
}

/// A running session: header, session gauge, the step panel and the exercise.
fn running(ctx: &Context, guide: &Guide, parts: &Running, frame: &mut Frame) {
    let theme = ctx.theme;
    let status = guide.run.status(ctx.now);
    let current = guide.current_item(ctx.now);
    let title = guide
        .items
        .get(current)
        .map(|i| i.title())
        .unwrap_or_default();
    let name = title.as_str();
    // Header: which exercise, and the time left.
    let right = format!(
        "{} left · {} % done",
        clock(status.session_left_ms),
        status.done_permille / 10
    );
    let left_room = usize::from(parts.header.width).saturating_sub(text::width(&right) + 2);
    let left = text::truncate(
        &format!("Exercise {} of {} · {name}", current + 1, guide.items.len()),
        left_room,
    );
    let gap =
        usize::from(parts.header.width).saturating_sub(text::width(&left) + text::width(&right));
    frame.render_widget(
        Line::from(vec![
            Span::styled(left, theme.title()),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, theme.muted()),
        ]),
        parts.header,
    );
    frame.render_widget(
        LineGauge::default()
            .ratio(f64::from(status.done_permille) / 1000.0)
            .label("")
            .filled_symbol(FULL)
            .unfilled_symbol(LIGHT)
            .filled_style(theme.accent())
            .unfilled_style(theme.muted()),
        parts.gauge,
    );
    // The step panel.
    let title = status
        .step
        .map_or_else(|| String::from("Done"), |s| step_title(s, &guide.items));
    let block = pane_in(&title, true, theme, parts.step.width);
    let inner = block.inner(parts.step);
    frame.render_widget(block, parts.step);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let mut lines: Vec<Line> = Vec::new();
    let bar_width = usize::from(inner.width.saturating_sub(10)).max(4);
    if let Some(step) = status.step {
        let left = seconds_up(status.left_ms);
        let (big, cue, fill) = match step.kind {
            StepKind::GetReady => (
                format!("Get ready · {left}"),
                format!("Next up: {name}"),
                countdown(status.elapsed_ms, status.elapsed_ms + status.left_ms),
            ),
            StepKind::SwitchSide { to } => (
                format!("Switch to the {} side · {left}", to.as_str()),
                String::from("Get into position on the other side."),
                countdown(status.elapsed_ms, status.elapsed_ms + status.left_ms),
            ),
            StepKind::Rest { .. } => (
                format!("Rest · {left} s"),
                String::from("Breathe easy. + or - changes the rest by 15 s; x ends it."),
                countdown(status.elapsed_ms, status.elapsed_ms + status.left_ms),
            ),
            StepKind::Set { work, .. } => set_lines(work, status.elapsed_ms, status.left_ms),
        };
        lines.push(Line::from(Span::styled(
            big,
            theme.title().add_modifier(Modifier::BOLD),
        )));
        lines.push(Line::from(cue));
        lines.push(bar(fill, bar_width, theme, &format!("{} s", left)));
        lines.push(Line::from(""));
        if status.paused && guide.prompt().is_none() {
            lines.push(Line::from(Span::styled(
                "Paused — Space goes on.",
                theme.warn().add_modifier(Modifier::BOLD),
            )));
        } else {
            lines.push(Line::from(""));
        }
        let next = status.next.map_or_else(
            || String::from("Next: the end — how the pain is, and a note."),
            |n| match n.kind {
                StepKind::Rest { .. } => format!("Next: rest {} s", n.seconds),
                _ => format!("Next: {}", step_title(n, &guide.items)),
            },
        );
        lines.push(Line::from(Span::styled(next, theme.muted())));
    } else {
        lines.push(Line::from(Span::styled(
            "All done.",
            theme.title().add_modifier(Modifier::BOLD),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The exercise.
    ScrollView {
        title: name,
        lines: &parts.detail_text,
        scroll: Default::default(),
        focused: false,
    }
    .render(frame, parts.detail, theme);
    if let (Some(area), Some(spec)) = (
        parts.figure,
        guide
            .items
            .get(current)
            .and_then(|i| i.shown(ctx.store))
            .and_then(|e| e.figure.as_ref()),
    ) {
        let block = pane_in("how it moves", false, theme, area.width);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let moving = ctx.motion && !status.paused;
        let (figure, pose) =
            super::figure::figure_now(spec, status.step, status.elapsed_ms, moving);
        if let Some(drawn) = exercise_figure::figure_drawn(&figure, &pose, inner, ctx.braille) {
            exercise_figure::render(&drawn, frame, theme);
        }
    }
}

/// Thousandths of a countdown gone.
fn countdown(elapsed: u64, length: u64) -> u32 {
    u32::try_from(
        (elapsed * 1000)
            .checked_div(length)
            .unwrap_or(1000)
            .min(1000),
    )
    .unwrap_or(1000)
}

/// The big line, the cue and the gauge's fill for a set.
fn set_lines(work: Work, elapsed: u64, left: u64) -> (String, String, u32) {
    let now = pace(work, elapsed);
    match now {
        Pace::Rep { .. } => (
            pace_words(now),
            String::from("Move slowly and smoothly; stop if it hurts."),
            countdown(elapsed, elapsed + left),
        ),
        Pace::Breathe { .. } => (
            pace_words(now),
            String::from("In through the nose, then a long, slow breath out."),
            breath_fill(work, elapsed).unwrap_or(0),
        ),
        Pace::Hold { left_ms } => (
            format!("{} s left", seconds_up(left_ms)),
            String::from("Keep breathing; ease off if it hurts."),
            // A countdown gauge: full at the start, empty at the end.
            1000 - countdown(elapsed, elapsed + left),
        ),
    }
}

/// A gauge drawn as blocks, `fill` thousandths full, with a label after it.
fn bar(fill: u32, width: usize, theme: &Theme, label: &str) -> Line<'static> {
    let full = (usize::try_from(fill).unwrap_or(0) * width / 1000).min(width);
    Line::from(vec![
        Span::styled(FULL.repeat(full), theme.accent()),
        Span::styled(LIGHT.repeat(width - full), theme.muted()),
        Span::raw(format!(" {label}")),
    ])
}
