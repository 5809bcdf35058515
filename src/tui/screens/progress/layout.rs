//! The Progress screen's frame, computed once before drawing: the summary's wrapped lines and where the
//! summary, the three charts and the retest form go. Charts that do not fit are left out (the summary
//! says which), in this order: the retests, sessions per week, then the pain chart.

use super::{Form, State};
use crate::progress::{About, Progress, Sentence, Tone, export};
use crate::text::{self, Line, Role};
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{Scope, label_in};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::{Constraint, Layout, Rect};

/// The fewest rows the pain chart is drawn in (axes, legend and a few rows of plot).
const CHART_MIN_ROWS: u16 = 8;
/// The fewest columns for the pain chart beside the bars.
const CHART_MIN_COLUMNS: u16 = 40;
/// Columns of the sessions-per-week bars on a narrow screen.
const BARS_COLUMNS: u16 = 32;
/// From this width the charts get more room.
const WIDE: u16 = 120;

/// The last frame, as laid out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    pub body: Rect,
    pub summary: Rect,
    pub summary_lines: Vec<Line>,
    pub chart: Option<Rect>,
    pub bars: Option<Rect>,
    pub retests: Option<Rect>,
    /// The retest form's popup and its lines, while it is open.
    pub form: Option<(Rect, Vec<Line>)>,
}

impl Drawn {
    /// Rows of text inside the summary pane.
    pub fn summary_rows(&self) -> u16 {
        ui::inner(self.summary).height
    }
}

/// The summary in styled lines, before wrapping: the red-flag stop first, then each sentence.
fn paragraphs(ctx: &Context, progress: &Progress) -> Vec<Line> {
    let mut out = Vec::new();
    if ctx.report.has_red_flags() {
        out.push(Line::of(
            Role::Danger,
            format!("▲ {}", export::sessions_stopped(ctx.report)),
        ));
    }
    let record = label_in(Scope::Screen(Screen::Progress), Action::RecordRetest);
    if progress.series.is_empty() {
        out.push(Line::of(Role::Strong, "Nothing recorded yet."));
        let start = label_in(Scope::Screen(Screen::Results), Action::StartSession);
        out.push(Line::from(format!(
            "Press {start} on Results to start a session (or run `backchain session` in a terminal): rate your pain before and after it, and your progress shows here. The summary needs two weeks of ratings."
        )));
        out.push(Line::from(format!(
            "Press {record} to record a retest now: fingertips to floor in a standing forward bend, and how far each hip turns inward."
        )));
        return out;
    }
    // Urgent first, so a small window shows them without scrolling: seeing a clinician, then the change
    // in pain, then a retest that is due; the counts after.
    let rank = |s: &Sentence| match (s.about, s.tone) {
        (About::Clinician, Tone::Warning) => 0,
        (About::Change, _) => 1,
        (About::Clinician, _) => 2,
        (About::RetestDue, _) => 3,
        (About::Sessions, _) => 4,
        (About::Measure, _) => 5,
        (About::NextRetest, _) => 6,
    };
    let mut sentences: Vec<&Sentence> = progress.summary.sentences.iter().collect();
    sentences.sort_by_key(|s| rank(s));
    for s in sentences {
        out.push(match s.tone {
            Tone::Plain => Line::from(s.text.as_str()),
            Tone::Good => Line::of(Role::Good, s.text.as_str()),
            Tone::Warning => Line::of(Role::Warn, format!("▲ {}", s.text)),
        });
        if s.about == About::RetestDue {
            out.push(Line::of(
                Role::Accent,
                format!(
                    "Press {record} to record the retest (re-answer the questionnaire first to see how the stories' ranking moves)."
                ),
            ));
        }
    }
    if let Some(ranking) = &progress.ranking {
        out.push(Line::from(ranking.as_str()));
    }
    out
}

fn wrap(paragraphs: &[Line], width: u16) -> Vec<Line> {
    paragraphs
        .iter()
        .flat_map(|p| text::wrap_styled(&p.runs, usize::from(width).max(1), 2))
        .collect()
}

impl State {
    /// Lays out the frame for `body`, computing the progress again only if the journal or the day changed.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let (paragraphs, empty, measures) = {
            let progress = self.progress(ctx);
            (
                paragraphs(ctx, progress),
                progress.series.is_empty(),
                progress.series.retests.len(),
            )
        };
        let mut drawn = Drawn {
            body,
            summary: body,
            ..Drawn::default()
        };
        let text_width = body.width.saturating_sub(2);
        if !empty {
            let lines = ui::to_u16(wrap(&paragraphs, text_width).len());
            let wide = body.width >= WIDE;
            let cap = (body.height / if wide { 4 } else { 3 }).max(5);
            let summary_rows = (lines + 2).min(cap).max(3);
            let rest = body.height.saturating_sub(summary_rows);
            let retest_rows = if measures > 0 {
                ui::to_u16(measures) + 2
            } else {
                0
            };
            let show_retests = retest_rows > 0 && rest >= CHART_MIN_ROWS + retest_rows;
            let chart_rows = rest - if show_retests { retest_rows } else { 0 };
            let mut left_out = Vec::new();
            if chart_rows >= CHART_MIN_ROWS {
                let [summary, charts, retests] = Layout::vertical([
                    Constraint::Length(summary_rows),
                    Constraint::Length(chart_rows),
                    Constraint::Length(if show_retests { retest_rows } else { 0 }),
                ])
                .areas(body);
                drawn.summary = summary;
                let bars = if wide {
                    body.width * 38 / 100
                } else {
                    BARS_COLUMNS
                };
                if body.width >= CHART_MIN_COLUMNS + bars {
                    let [chart, bars] =
                        Layout::horizontal([Constraint::Fill(1), Constraint::Length(bars)])
                            .areas(charts);
                    drawn.chart = Some(chart);
                    drawn.bars = Some(bars);
                } else {
                    drawn.chart = Some(charts);
                    left_out.push("sessions per week");
                }
                if show_retests {
                    drawn.retests = Some(retests);
                } else if measures > 0 {
                    left_out.push("the retests");
                }
            } else {
                left_out.push("the charts");
            }
            let mut paragraphs = paragraphs;
            if !left_out.is_empty() {
                paragraphs.push(Line::of(
                    Role::Muted,
                    format!("A larger window also shows {}.", left_out.join(" and ")),
                ));
            }
            drawn.summary_lines = wrap(&paragraphs, text_width);
        } else {
            drawn.summary_lines = wrap(&paragraphs, text_width);
        }
        self.scroll
            .clamp(drawn.summary_lines.len(), drawn.summary_rows());
        drawn.form = self.form.as_ref().map(|form| form_popup(form, body));
        self.drawn = Some(drawn);
    }
}

/// The retest form as lines, in a popup centred in `body`.
fn form_popup(form: &Form, body: Rect) -> (Rect, Vec<Line>) {
    let width = body.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = vec![
        Line::of(
            Role::Muted,
            "Leave a box empty to skip that measure; at least one is needed.",
        ),
        Line::new(),
    ];
    for (i, measure) in crate::progress::Measure::ALL.into_iter().enumerate() {
        let focused = i == form.focus;
        let (low, high) = measure.range();
        let mut line = Line::of(
            if focused { Role::Strong } else { Role::Plain },
            format!(
                "{}{:<22}",
                if focused { "▶ " } else { "  " },
                measure.name()
            ),
        );
        let value = format!("[{:>6}{}]", form.fields[i], if focused { "▏" } else { " " });
        line.push(if focused { Role::Selected } else { Role::Plain }, &value);
        line.push(
            Role::Muted,
            &format!(" {} ({low} to {high})", measure.unit()),
        );
        lines.push(line);
    }
    lines.push(Line::new());
    let how = Line::of(Role::Muted, form.focused().how());
    lines.extend(text::wrap_styled(&how.runs, inner.max(1), 0));
    if let Some(error) = &form.error {
        let error = Line::of(Role::Bad, format!("▲ {error}"));
        lines.extend(text::wrap_styled(&error.runs, inner.max(1), 2));
    }
    let height = ui::to_u16(lines.len() + 2).min(body.height);
    (ui::centered(body, width, height), lines)
}
