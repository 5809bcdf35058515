//! Draws the Progress screen as laid out: the summary in a scroll view, then ratatui's own charts — a
//! `Chart` of pain before and after each session with the 7-day average, a `BarChart` of sessions per
//! week against the plan, a `Sparkline` for each retest measure — and the retest form over them.

use super::State;
use crate::date::Date;
use crate::progress::{Progress, Series};
use crate::tui::screens::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::{self, ScrollView};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Chart, Clear, Dataset, GraphType, LegendPosition, Paragraph, Sparkline,
};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let theme = ctx.theme;
        let (Some(drawn), Some(progress)) = (&self.drawn, self.last_progress()) else {
            return;
        };
        ScrollView {
            title: "Progress",
            lines: &drawn.summary_lines,
            scroll: self.scroll,
            focused: self.form.is_none() && !overlay_open,
        }
        .render(frame, drawn.summary, theme);
        if let Some(area) = drawn.chart {
            pain_chart(frame, area, progress, theme);
        }
        if let Some(area) = drawn.bars {
            week_bars(frame, area, &progress.series, theme);
        }
        if let Some(area) = drawn.retests {
            retests(frame, area, progress, theme);
        }
        if let Some((area, lines)) = &drawn.form {
            frame.render_widget(Clear, *area);
            frame.render_widget(
                Paragraph::new(ui::lines(lines, theme)).block(ui::pane::pane_in(
                    "Record a retest",
                    true,
                    theme,
                    area.width,
                )),
                *area,
            );
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An axis label: "7 Sep" within a year's span, "Sep 2026" beyond.
fn date(day: i64, long: bool) -> String {
    let d = Date::from_days(day);
    let month = MONTHS[(d.month as usize).clamp(1, 12) - 1];
    if long {
        format!("{month} {}", d.year)
    } else {
        format!("{} {month}", d.day)
    }
}

/// The chart's legend in its title when the plot is too small to hold ratatui's legend box.
const LEGEND: &str = "Pain: • before ▄ after ⠤ 7-day mean";
/// From this many rows inside the chart, the legend is a box in the plot's corner.
const LEGEND_BOX_ROWS: u16 = 16;

/// Pain before (•) and after (▄) each session, and the 7-day average as a line, over the days from the
/// first reading to the last. The markers tell the series apart without colour.
fn pain_chart(frame: &mut Frame, area: Rect, progress: &Progress, theme: &Theme) {
    let series = &progress.series;
    let boxed = ui::inner(area).height >= LEGEND_BOX_ROWS;
    let title = if boxed { "Pain, 0–10" } else { LEGEND };
    let block = ui::pane::pane_in(title, false, theme, area.width);
    let Some((first, last)) = series.span() else {
        frame.render_widget(Paragraph::new("No ratings yet.").block(block), area);
        return;
    };
    let x = |day: i64| (day - first) as f64;
    let before: Vec<(f64, f64)> = series
        .sessions
        .iter()
        .filter_map(|s| s.before.map(|p| (x(s.day), f64::from(p))))
        .collect();
    let after: Vec<(f64, f64)> = series
        .sessions
        .iter()
        .filter_map(|s| s.after.map(|p| (x(s.day), f64::from(p))))
        .collect();
    let average: Vec<(f64, f64)> = series.average.iter().map(|p| (x(p.day), p.mean)).collect();
    let datasets = vec![
        Dataset::default()
            .name("• before")
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.warn())
            .data(&before),
        Dataset::default()
            .name("▄ after")
            .marker(Marker::Bar)
            .graph_type(GraphType::Scatter)
            .style(theme.accent())
            .data(&after),
        Dataset::default()
            .name("⠤ 7-day average")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.good())
            .data(&average),
    ];
    let span = (last - first).max(1) as f64;
    let long = last - first > 365;
    let labels = if area.width >= 60 {
        vec![
            date(first, long),
            date(first + (last - first) / 2, long),
            date(last, long),
        ]
    } else {
        vec![date(first, long), date(last, long)]
    };
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .labels(labels)
                .style(theme.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"])
                .style(theme.muted()),
        )
        .legend_position(boxed.then_some(LegendPosition::TopRight))
        .hidden_legend_constraints((Constraint::Percentage(50), Constraint::Percentage(50)));
    frame.render_widget(chart, area);
}

/// Sessions in each of the latest weeks that fit, labelled by ISO week number; weeks that met the
/// plan's target are drawn in the good style, the others in the warning one, each with its count.
fn week_bars(frame: &mut Frame, area: Rect, series: &Series, theme: &Theme) {
    let title = match series.target {
        Some(t) => format!("Sessions a week · plan {t}"),
        None => String::from("Sessions a week"),
    };
    let block = ui::pane::pane_in(&title, false, theme, area.width);
    let inner = ui::inner(area);
    let wide = inner.width >= 50;
    let (bar_width, gap) = if wide { (3u16, 1u16) } else { (2, 1) };
    let fits = usize::from((inner.width + gap) / (bar_width + gap));
    let shown = &series.weeks[series.weeks.len().saturating_sub(fits)..];
    let target = series.target.unwrap_or(0);
    let bars: Vec<Bar> = shown
        .iter()
        .map(|w| {
            let met = series.target.is_none_or(|t| w.sessions >= t);
            let style = if met { theme.good() } else { theme.warn() };
            let label = if wide {
                format!("W{:02}", w.number)
            } else {
                format!("{:02}", w.number)
            };
            Bar::default()
                .value(u64::from(w.sessions))
                .label(Line::from(label))
                .text_value(w.sessions.to_string())
                .style(style)
                .value_style(style.add_modifier(ratatui::style::Modifier::REVERSED))
        })
        .collect();
    let max = shown
        .iter()
        .map(|w| w.sessions)
        .max()
        .unwrap_or(0)
        .max(target)
        .max(1);
    let chart = BarChart::default()
        .block(block)
        .data(ratatui::widgets::BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap)
        .max(u64::from(max))
        .label_style(theme.muted());
    frame.render_widget(chart, area);
}

/// One row per measure: its name with the first and latest values, then a sparkline of every value that
/// fits (each a few columns wide when there are few), scaled between the lowest and the highest. The
/// title says when the next retest is due.
fn retests(frame: &mut Frame, area: Rect, progress: &Progress, theme: &Theme) {
    let series = &progress.series;
    let (title, style) = match progress.summary.retest {
        Some(r) if r.due => (String::from("Retests · one is due now"), theme.warn()),
        Some(r) => (
            format!("Retests · next on {}", Date::from_days(r.due_day)),
            theme.plain(),
        ),
        None => (String::from("Retests"), theme.plain()),
    };
    let block = ui::pane::pane_in(&title, false, theme, area.width).border_style(style);
    let inner = ui::inner(area);
    frame.render_widget(block, area);
    let moved = |s: &crate::progress::MeasureSeries| match (s.points.first(), s.points.last()) {
        (Some(only), _) if s.points.len() == 1 => s.measure.show(only.value),
        (Some(first), Some(latest)) => format!(
            "{} → {}",
            s.measure.show(first.value),
            s.measure.show(latest.value)
        ),
        _ => String::new(),
    };
    let width = |t: &str| ui::to_u16(crate::text::width(t));
    let names = series
        .retests
        .iter()
        .map(|s| width(s.measure.name()))
        .max()
        .unwrap_or(0);
    let values = series
        .retests
        .iter()
        .map(|s| width(&moved(s)))
        .max()
        .unwrap_or(0);
    let label_width = (names + values + 3).min(inner.width);
    for (i, s) in series.retests.iter().enumerate() {
        if i >= usize::from(inner.height) {
            break;
        }
        let row = Rect::new(inner.x, inner.y + ui::to_u16(i), inner.width, 1);
        let [label, spark] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)]).areas(row);
        let name = s.measure.name();
        let text = Line::from(vec![
            Span::styled(
                format!("{name:<width$} ", width = usize::from(names)),
                theme.plain(),
            ),
            Span::styled(moved(s), theme.title()),
        ]);
        frame.render_widget(Paragraph::new(text), label);
        let columns = usize::from(spark.width);
        let shown = &s.points[s.points.len().saturating_sub(columns)..];
        let (low, high) = shown.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.value), hi.max(p.value))
        });
        // Few values are drawn a few columns each; the lowest still shows as the lowest bar.
        let each = (columns / shown.len().max(1)).clamp(1, 4);
        let scaled: Vec<u64> = shown
            .iter()
            .flat_map(|p| {
                let height = if high - low <= f64::EPSILON {
                    50
                } else {
                    (13.0 + 87.0 * (p.value - low) / (high - low)).round() as u64
                };
                std::iter::repeat_n(height, each)
            })
            .collect();
        frame.render_widget(
            Sparkline::default()
                .data(scaled)
                .max(100)
                .style(theme.accent()),
            spark,
        );
    }
}
