//! Draws the compare screen: a header per article, the rows of claims aligned by topic (side by side, or
//! stacked when narrow) scrolling together, and the article picker.

use crate::compare::{Comparison, Relation, Row};
use crate::tui::app::App;
use crate::tui::state::compare::{
    Areas, DocLine, Document, Focus, PAD, Picker, Run, Side, Tone, areas, cap, document,
    header_lines, in_view, picker_offset, run_width, topic_line, width_of, wrap,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Clear, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.compare;
    let Some(comparison) = state.comparison(&app.store) else {
        let text =
            "This content store has no articles to compare. Check it with `backchain check`.";
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(super::pane("Compare", true, theme)),
            area,
        );
        return;
    };
    let areas = areas(area, &app.store, state);
    let popup_open = state.picker.is_some() || app.overlay_open();
    for side in [Side::A, Side::B] {
        header(app, frame, &areas, side, popup_open);
    }
    rows(app, frame, &areas, &comparison, popup_open);
    if let (Some(picker), Some(popup), Some(list)) = (state.picker, areas.picker, areas.picker_list)
    {
        picker_popup(app, frame, picker, popup, list);
    }
}

fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Plain | Tone::Statement => theme.plain(),
        Tone::Muted | Tone::Source => theme.muted(),
        Tone::Question => theme.title(),
        Tone::Relation(r) => relation_style(theme, r),
        Tone::Title | Tone::Stance => theme.plain().add_modifier(Modifier::BOLD),
        Tone::Note | Tone::Silent => theme.muted().add_modifier(Modifier::ITALIC),
        Tone::Side => theme.accent().add_modifier(Modifier::BOLD),
    }
}

/// Agreement in the good colour, disagreement in the bad one, one side alone muted; always bold, and
/// always with its symbol and word beside it.
fn relation_style(theme: &Theme, relation: Relation) -> Style {
    let base = match relation {
        Relation::Agree => theme.good(),
        Relation::Partly => theme.accent(),
        Relation::Disagree => theme.bad(),
        Relation::OnlyA | Relation::OnlyB => theme.muted(),
    };
    base.add_modifier(Modifier::BOLD)
}

fn spans(theme: &Theme, run: &Run) -> Vec<Span<'static>> {
    run.iter()
        .map(|p| Span::styled(p.text.clone(), style(theme, p.tone)))
        .collect()
}

fn line(theme: &Theme, run: &Run) -> Line<'static> {
    Line::from(spans(theme, run))
}

fn header(app: &App, frame: &mut Frame, areas: &Areas, side: Side, popup_open: bool) {
    let area = areas.header(side);
    let Some(article) = app.compare.article(&app.store, side) else {
        return;
    };
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = &app.theme;
    let focused = app.compare.focus == Focus::Header(side) && !popup_open;
    let title = format!("{} · {} {}", side.letter(), article.number, article.short);
    let hint = format!(" {} change ", side.key());
    let mut block = super::pane(&title, focused, theme).padding(Padding::horizontal(PAD));
    // Corners, " ▶ " and a space around the title: show the key only where both fit.
    if usize::from(area.width) >= title.chars().count() + hint.chars().count() + 6 {
        block = block.title_top(Line::styled(hint, theme.muted()).right_aligned());
    }
    let inner = block.inner(area);
    let lines: Vec<Line> = header_lines(article, inner.width, areas.caps)
        .iter()
        .map(|run| line(theme, run))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn rows(app: &App, frame: &mut Frame, areas: &Areas, c: &Comparison, popup_open: bool) {
    let theme = &app.theme;
    let state = &app.compare;
    let area = areas.rows;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let viewport = areas.viewport;
    let doc = document(c, viewport.width, areas.stacked);
    let counts = c.counts();
    let tally = format!(
        "{} agree · {} partly · {} disagree · {} one-sided",
        counts.agree,
        counts.partly,
        counts.disagree,
        counts.one_sided()
    );
    let focused = state.focus == Focus::Rows && !popup_open;
    let mut block = super::pane(&tally, focused, theme);
    let (top, first, last) = in_view(&doc, state.top, viewport.height);
    if !doc.rows.is_empty() {
        let position = if first == last {
            format!(" topic {} of {} ", first + 1, doc.rows.len())
        } else {
            format!(" topics {}–{} of {} ", first + 1, last + 1, doc.rows.len())
        };
        // ←/→ is this screen's own use of the global left/right keys, so say so where it applies.
        let keys = " j/k scroll · ←/→ topic ";
        if usize::from(area.width) >= width_of(keys) + width_of(&position) + 4 {
            block = block.title_bottom(Line::styled(keys, theme.muted()));
        }
        block = block.title_bottom(Line::styled(position, theme.muted()).right_aligned());
    }
    frame.render_widget(block, area);
    if viewport.width == 0 || viewport.height == 0 {
        return;
    }
    if doc.rows.is_empty() {
        frame.render_widget(
            Paragraph::new("Neither article makes a claim on any topic.")
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            viewport,
        );
        return;
    }
    let height = usize::from(viewport.height);
    let mut lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(top)
        .take(height)
        .map(|l| doc_line(theme, &doc, l, viewport.width))
        .collect();
    // Mid-row, the row's topic stays pinned on the first line, so every line in view has its topic.
    let anchor = doc.anchor_at(top);
    if anchor.line > 0
        && top < doc.footer
        && height >= 2
        && let (Some(row), Some(first_line)) = (c.rows.get(anchor.row), lines.first_mut())
    {
        let side = doc
            .rows
            .get(anchor.row)
            .and_then(|r| r.side_at(anchor.line));
        *first_line = pinned(theme, c, row, side, viewport.width);
    }
    frame.render_widget(Paragraph::new(lines), viewport);
    scrollbar(frame, &doc, top, area, viewport.height);
}

/// One line of the rows, with the gutter between the sides.
fn doc_line(theme: &Theme, doc: &Document, l: &DocLine, width: u16) -> Line<'static> {
    match l {
        DocLine::Full(run) => line(theme, run),
        DocLine::Split(a, b) => {
            let mut out = spans(theme, a);
            let pad = usize::from(doc.left).saturating_sub(run_width(a));
            out.push(Span::raw(" ".repeat(pad)));
            out.push(Span::styled(" │ ", theme.muted()));
            out.extend(spans(theme, b));
            Line::from(out)
        }
        DocLine::Rule => {
            let width = usize::from(width);
            let text = if doc.stacked {
                "─".repeat(width)
            } else {
                let before = usize::from(doc.left) + 1;
                let after = width.saturating_sub(before + 1);
                format!("{}┴{}", "─".repeat(before), "─".repeat(after))
            };
            Line::styled(text, theme.muted())
        }
    }
}

/// The topic line of the row in view, cut to one line and underlined, with "(cont.)" — and, when the
/// sides are stacked, whose claims are showing.
fn pinned(
    theme: &Theme,
    c: &Comparison,
    row: &Row,
    side: Option<Side>,
    width: u16,
) -> Line<'static> {
    let width = usize::from(width);
    let more = match side {
        Some(side) => format!(" ({} cont.)", side.letter()),
        None => String::from(" (cont.)"),
    };
    let more_width = width_of(&more);
    let room = width.saturating_sub(more_width);
    let whole = topic_line(c, row.topic, row.relation, usize::MAX / 2)
        .into_iter()
        .next()
        .unwrap_or_default();
    let fitted = if run_width(&whole) <= room {
        whole
    } else {
        // Two lines capped to one: cut with "…".
        cap(vec![whole, Vec::new()], 1, room)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let mut out = spans(theme, &fitted);
    if width >= more_width + 4 {
        out.push(Span::styled(more, theme.muted()));
    }
    Line::from(out).patch_style(Style::new().add_modifier(Modifier::UNDERLINED))
}

fn scrollbar(frame: &mut Frame, doc: &Document, top: usize, area: Rect, height: u16) {
    let max = doc.max_top(height);
    if max == 0 {
        return;
    }
    let mut bar = ScrollbarState::new(max + 1)
        .position(top)
        .viewport_content_length(usize::from(height));
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_symbol("█"),
        area.inner(Margin::new(0, 1)),
        &mut bar,
    );
}

fn picker_popup(app: &App, frame: &mut Frame, picker: Picker, popup: Rect, list: Rect) {
    let theme = &app.theme;
    let state = &app.compare;
    frame.render_widget(Clear, popup);
    let block = super::pane(
        &format!("Pick article {}", picker.side.letter()),
        !app.overlay_open(),
        theme,
    )
    .title_bottom(
        Line::styled(" j/k move · Enter choose · Esc cancel ", theme.muted()).right_aligned(),
    );
    frame.render_widget(block, popup);
    if list.width == 0 || list.height == 0 {
        return;
    }
    let short_width = app
        .store
        .articles
        .iter()
        .map(|a| a.short.chars().count())
        .max()
        .unwrap_or(0);
    let offset = picker_offset(picker.cursor, list.height);
    let lines: Vec<Line> = app
        .store
        .articles
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list.height))
        .map(|(i, article)| {
            let cursor = if i == picker.cursor { "▶ " } else { "  " };
            // Which side each article is on now, so the choice is never shown by colour alone.
            let mark = match (i == state.a, i == state.b) {
                (true, true) => "AB",
                (true, false) => "A ",
                (false, true) => " B",
                (false, false) => "  ",
            };
            let lead = format!(
                "{cursor}{mark} {}  {:<short_width$}  ",
                article.number,
                article.short.as_str()
            );
            // One blank column before the border.
            let room = usize::from(list.width).saturating_sub(width_of(&lead) + 1);
            let title = cap(
                wrap(&[(&article.title, Tone::Plain)], room, "", ""),
                1,
                room,
            );
            let mut entry = vec![Span::raw(lead)];
            if room > 0 {
                entry.extend(title.first().map(|r| spans(theme, r)).unwrap_or_default());
            }
            let l = Line::from(entry);
            if i == picker.cursor {
                l.style(theme.selected())
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
