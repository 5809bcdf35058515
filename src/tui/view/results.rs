//! Draws the results screen: ranked chains, the selected chain's diagram and step detail, the answers
//! behind its score, the routine, the claims popup — or, with a red flag, only the care message.

use super::diagram::{chain_text, to_lines, tone_style};
use crate::tui::app::App;
use crate::tui::state::results::{
    Areas, Pane, TextLine, Tone, areas, care_text, claims_text, detail_text, diagram_areas, inner,
    list_offset, reasons_text, routine_text, text_width, verdict_line,
};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let state = &app.results;
    let areas = areas(body, &app.store, &app.report, state);
    if let Some(care) = areas.care {
        render_care(app, frame, care);
        return;
    }
    if let Some(notice) = areas.notice {
        let style = if app.report.routine.is_some() {
            app.theme.title()
        } else {
            app.theme.warn()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(verdict_line(&app.store, &app.report), style))
                .wrap(Wrap { trim: true }),
            notice,
        );
    }
    if let Some(rect) = areas.chains {
        render_chains(app, frame, rect);
    }
    if let Some(rect) = areas.diagram {
        render_diagram(app, frame, rect, &areas);
    }
    if let Some(rect) = areas.reasons {
        let text = reasons_text(&app.store, &app.report, state, inner(rect).width);
        let title = match state.selected(&app.report) {
            Some(chain) => format!("Why {} · {:.0} %", chain.short, chain.percent()),
            None => "Why".to_owned(),
        };
        let title = with_switch_hint(&title, Pane::Reasons, &areas);
        text_pane(
            app,
            frame,
            rect,
            &title,
            Pane::Reasons,
            &text,
            state.reasons_scroll,
        );
    }
    if let Some(rect) = areas.routine {
        let text = routine_text(&app.store, &app.report, inner(rect).width);
        let title = match &app.report.routine {
            Some(r) => format!(
                "Routine · about {} min · e export",
                r.total_seconds.div_ceil(60)
            ),
            None => "Routine".to_owned(),
        };
        let title = with_switch_hint(&title, Pane::Routine, &areas);
        text_pane(
            app,
            frame,
            rect,
            &title,
            Pane::Routine,
            &text,
            state.routine_scroll,
        );
    }
    if let (Some(rect), Some(scroll)) = (areas.claims, state.claims) {
        frame.render_widget(Clear, rect);
        let text = claims_text(&app.store, &app.report, state, inner(rect).width);
        let block = super::pane("Claims behind this step · Esc closes", true, &app.theme);
        scrolled_text(app, frame, rect, block, &text, scroll);
    }
}

fn focused(app: &App, pane: Pane) -> bool {
    app.results.pane == pane && !app.overlay_open() && app.results.claims.is_none()
}

/// When the lower area takes turns, its title says how to reach the other panes.
fn with_switch_hint(title: &str, pane: Pane, areas: &Areas) -> String {
    if areas.all_shown() {
        return title.to_owned();
    }
    let others: Vec<&str> = [Pane::Diagram, Pane::Reasons, Pane::Routine]
        .into_iter()
        .filter(|&p| p != pane && areas.pane(p).is_none())
        .map(Pane::name)
        .collect();
    if others.is_empty() {
        title.to_owned()
    } else {
        format!("{title} · Tab: {}", others.join(", "))
    }
}

/// Draws wrapped text in a bordered block, scrolled (within bounds), with a scrollbar when it overflows.
fn scrolled_text(
    app: &App,
    frame: &mut Frame,
    rect: Rect,
    block: ratatui::widgets::Block<'_>,
    text: &[TextLine],
    scroll: u16,
) {
    let area = inner(rect);
    let max =
        u16::try_from(text.len().saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    let scroll = scroll.min(max);
    frame.render_widget(block, rect);
    frame.render_widget(
        Paragraph::new(to_lines(text, &app.theme)).scroll((scroll, 0)),
        area,
    );
    scrollbar(frame, rect, text.len(), area.height, scroll);
}

fn scrollbar(frame: &mut Frame, rect: Rect, lines: usize, rows: u16, scroll: u16) {
    if lines <= usize::from(rows) || rect.height < 4 {
        return;
    }
    let mut state = ScrollbarState::new(lines.saturating_sub(usize::from(rows)))
        .position(usize::from(scroll))
        .viewport_content_length(usize::from(rows));
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        rect.inner(Margin::new(0, 1)),
        &mut state,
    );
}

fn text_pane(
    app: &App,
    frame: &mut Frame,
    rect: Rect,
    title: &str,
    pane: Pane,
    text: &[TextLine],
    scroll: u16,
) {
    let block = super::pane(title, focused(app, pane), &app.theme);
    scrolled_text(app, frame, rect, block, text, scroll);
}

fn render_care(app: &App, frame: &mut Frame, rect: Rect) {
    let text = care_text(&app.report, inner(rect).width);
    let block = if app.report.safety_checked {
        super::pane("Red flag · see a clinician", true, &app.theme).border_style(app.theme.danger())
    } else {
        super::pane("Safety first · Enter answers it", true, &app.theme)
            .border_style(app.theme.warn())
    };
    scrolled_text(app, frame, rect, block, &text, app.results.care_scroll);
}

fn pad(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let w = text_width(c.encode_utf8(&mut buf));
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

fn render_chains(app: &App, frame: &mut Frame, rect: Rect) {
    let theme = &app.theme;
    let report = &app.report;
    let state = &app.results;
    let ties = report.chains.iter().any(|c| !c.close_to.is_empty());
    let title = format!(
        "Stories, most likely first · none of these {:.0} % · {} of {} answered{}",
        report.none_probability * 100.0,
        report.answered,
        report.asked,
        if ties { " · ≈ near-tie" } else { "" }
    );
    let is_focused = focused(app, Pane::Chains);
    frame.render_widget(super::pane(&title, is_focused, theme), rect);
    let list = inner(rect);
    if list.height == 0 || list.width == 0 {
        return;
    }
    if report.chains.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "This content store has no chains.",
                theme.muted(),
            )),
            list,
        );
        return;
    }
    let width = usize::from(list.width);
    let name_width = report
        .chains
        .iter()
        .map(|c| text_width(&c.short))
        .max()
        .unwrap_or(0)
        .min(24);
    // "▶ 1. " name " 85 " bar " ≈ " "28% unanswered"
    let fixed = 5 + name_width + 5 + 3;
    let long_unknown = width >= fixed + 12 + 15;
    let unknown_width = if long_unknown { 15 } else { 5 };
    let bar = width.saturating_sub(fixed + unknown_width).min(20);
    let bar = if bar < 5 { 0 } else { bar };
    let offset = list_offset(state.chain, list.height);
    let lines: Vec<Line> = report
        .chains
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list.height))
        .map(|(i, chain)| {
            let selected = i == state.chain;
            let filled = (chain.probability * bar as f64)
                .round()
                .clamp(0.0, bar as f64) as usize;
            let mut spans = vec![
                Span::raw(if selected { "▶ " } else { "  " }),
                Span::styled(format!("{}. ", i + 1), theme.muted()),
                Span::raw(pad(&chain.short, name_width)),
                Span::styled(
                    format!(" {:>3}% ", chain.percent().round()),
                    theme.plain().add_modifier(ratatui::style::Modifier::BOLD),
                ),
            ];
            if bar > 0 {
                spans.push(Span::styled("█".repeat(filled), theme.accent()));
                spans.push(Span::styled("░".repeat(bar - filled), theme.muted()));
            }
            spans.push(Span::styled(
                if chain.close_to.is_empty() {
                    "   "
                } else {
                    " ≈ "
                },
                theme.warn(),
            ));
            let mut line = Line::from(spans);
            if !chain.close_to.is_empty() {
                let names: Vec<&str> = chain
                    .close_to
                    .iter()
                    .map(|id| report.chain(id).map_or(id.as_str(), |c| c.short.as_str()))
                    .collect();
                let tie = format!("  ≈ near-tie with {}", names.join(", "));
                if line.width() + text_width(&tie) <= width {
                    line.push_span(Span::styled(tie, theme.warn()));
                }
            }
            if selected {
                line.patch_style(if is_focused {
                    theme.selected()
                } else {
                    theme.selected_unfocused()
                })
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn render_diagram(app: &App, frame: &mut Frame, rect: Rect, areas: &Areas) {
    let theme = &app.theme;
    let state = &app.results;
    let chain = state.selected_chain(&app.store, &app.report);
    let title = chain.map_or_else(|| "Chain".to_owned(), |c| c.title.to_string());
    let title = with_switch_hint(&title, Pane::Diagram, areas);
    let is_focused = focused(app, Pane::Diagram);
    frame.render_widget(super::pane(&title, is_focused, theme), rect);
    let Some(chain) = chain else {
        frame.render_widget(
            Paragraph::new(Line::styled("No chain to draw.", theme.muted())),
            inner(rect),
        );
        return;
    };
    let diagram = diagram_areas(rect, Some(chain), state.step);
    let labels: Vec<&str> = chain.steps.iter().map(|s| s.label.as_str()).collect();
    let canvas = chain_text(&diagram.layout, &labels, state.step);
    frame.render_widget(
        Paragraph::new(to_lines(&canvas, theme)).scroll((diagram.scroll, 0)),
        diagram.canvas,
    );
    let detail = detail_text(&app.store, &app.report, state, diagram.detail.width);
    let max = u16::try_from(
        detail
            .len()
            .saturating_sub(usize::from(diagram.detail.height)),
    )
    .unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(to_lines(&detail, theme)).scroll((state.detail_scroll.min(max), 0)),
        diagram.detail,
    );
    for (name, area) in &diagram.drawings {
        if let Some(drawing) = crate::assets::diagram(name) {
            frame.render_widget(
                Paragraph::new(drawing).style(tone_style(theme, Tone::Accent)),
                *area,
            );
        }
    }
}
