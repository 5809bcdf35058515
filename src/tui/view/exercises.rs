//! Draws the exercises screen: the search box with its filter chips, the matches with the matched
//! letters highlighted, and the selected exercise in full, with its picture where there is one.

use crate::content::{Equipment, Exercise, Store};
use crate::search::Hit;
use crate::tui::app::App;
use crate::tui::state::exercises::{
    Areas, DetailLine, ExercisesState, Focus, Tone, alias_shown, chips, current_detail,
    detail_height, list_offset, picture, screen_areas,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Columns of a name the list keeps before it gives up the phase tag.
const MIN_NAME: usize = 16;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    if body.width == 0 || body.height == 0 {
        return;
    }
    let areas = screen_areas(app, body);
    search_box(app, frame, &areas);
    list(app, frame, &areas);
    detail(app, frame, &areas);
}

fn width_of(text: &str) -> usize {
    Span::raw(text).width()
}

fn char_width(c: char) -> usize {
    let mut buf = [0u8; 4];
    width_of(c.encode_utf8(&mut buf))
}

/// `text` cut to `width` columns, with "…" when something was left out.
fn fit(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The last columns of `text` that fit in `width`, with "…" in front when the start was cut.
fn tail(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_owned();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

fn search_box(app: &App, frame: &mut Frame, areas: &Areas) {
    let theme = &app.theme;
    let state = &app.exercises;
    let focused = state.typing() && !app.overlay_open();
    frame.render_widget(super::pane("Search", focused, theme), areas.search);
    let inner = areas.search.inner(Margin::new(1, 1));
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let count = format!("{} of {}", state.hits().len(), app.store.exercises.len());
    let count_width = u16::try_from(width_of(&count)).unwrap_or(u16::MAX);
    let show_count = inner.width >= count_width.saturating_add(20);
    let left_width = if show_count {
        inner.width - count_width - 1
    } else {
        inner.width
    };
    let mut spans = vec![Span::styled(
        "/ ",
        theme.accent().add_modifier(Modifier::BOLD),
    )];
    let room = usize::from(left_width).saturating_sub(3);
    if state.query.is_empty() && !focused {
        spans.push(Span::styled(
            fit("press / to search names, aliases, muscles…", room),
            theme.muted(),
        ));
    } else {
        spans.push(Span::raw(tail(&state.query, room)));
        if focused {
            spans.push(Span::styled("█", theme.accent()));
            if state.query.is_empty() {
                spans.push(Span::styled(
                    fit(" type a name, alias or muscle", room.saturating_sub(1)),
                    theme.muted(),
                ));
            }
        }
    }
    let row = Rect::new(inner.x, inner.y, left_width, 1);
    frame.render_widget(Line::from(spans), row);
    if show_count {
        let at = Rect::new(inner.x + left_width + 1, inner.y, count_width, 1);
        frame.render_widget(Span::styled(count, theme.muted()), at);
    }
    if inner.height < 2 {
        return;
    }
    // The filter chips, then the keys that change them.
    let mut spans = Vec::new();
    let chips = chips(&app.store, &state.filters);
    let mut used = 0;
    if chips.is_empty() {
        spans.push(Span::styled("no filters", theme.muted()));
        used += 10;
    }
    for chip in &chips {
        if used > 0 {
            spans.push(Span::raw(" "));
            used += 1;
        }
        let text = format!("[{chip}]");
        used += width_of(&text);
        spans.push(Span::styled(
            text,
            theme.accent().add_modifier(Modifier::BOLD),
        ));
    }
    let long = "r region · e equipment · f phase · c chain · x clear";
    let short = "r/e/f/c filter · x clear";
    let room = usize::from(inner.width);
    let keys = [long, short]
        .into_iter()
        .find(|keys| used + 3 + width_of(keys) <= room);
    if let Some(keys) = keys {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(keys, theme.muted()));
    }
    frame.render_widget(
        Line::from(spans),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
}

/// "release · foam-roller": the phase, then the equipment other than none.
fn tag(exercise: &Exercise, with_equipment: bool) -> String {
    let mut tag = exercise.phase.as_str().to_owned();
    if with_equipment {
        let kit: Vec<&str> = (exercise.equipment.iter())
            .filter(|e| **e != Equipment::None)
            .map(|e| e.as_str())
            .collect();
        if !kit.is_empty() {
            tag.push_str(" · ");
            tag.push_str(&kit.join(", "));
        }
    }
    tag
}

/// One row of the list: the marker, the name with its matched letters highlighted, the alias that
/// matched (dim), and the phase and equipment on the right.
fn row<'a>(
    exercise: &'a Exercise,
    hit: &Hit,
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Line<'a> {
    let avail = width.saturating_sub(2);
    let name_width = width_of(&exercise.name);
    // The alias that matched says why the row is here, so it keeps some room before the tag does.
    let alias = alias_shown(exercise, hit);
    let alias_width = alias.map_or(0, |a| 3 + width_of(a));
    let alias_min = alias_width.min(3 + 8);
    let full = tag(exercise, true);
    let short = tag(exercise, false);
    // The whole name comes before the equipment; the phase stays while the name keeps MIN_NAME columns.
    let whole = name_width + alias_min + 1;
    let tag = if whole + width_of(&full) <= avail {
        full
    } else if name_width.min(MIN_NAME) + alias_min + 1 + width_of(&short) <= avail {
        short
    } else {
        String::new()
    };
    let tag_width = width_of(&tag);
    let name_room = if tag.is_empty() {
        avail
    } else {
        avail - tag_width - 1
    };
    // When both do not fit, the name gives way to a short alias, down to MIN_NAME columns.
    let name_fits = if name_width + alias_width <= name_room {
        name_width
    } else {
        (name_room.saturating_sub(alias_min)).max(MIN_NAME.min(name_room))
    };
    let name = fit(&exercise.name, name_fits);
    let mut spans = vec![Span::raw(if selected { "▶ " } else { "  " })];
    // Highlight the matched letters; positions are char indices of the full name.
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in name.chars().enumerate() {
        let is_hit = c != '…' && hit.name_positions.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_hit, theme));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_hit, theme));
    }
    let mut used = width_of(&name);
    if let Some(alias) = alias {
        let room = name_room.saturating_sub(used + 3);
        if room >= 4 {
            let alias = fit(alias, room);
            used += 3 + width_of(&alias);
            spans.push(Span::styled(format!(" = {alias}"), theme.muted()));
        }
    }
    if !tag.is_empty() {
        let pad = avail.saturating_sub(used + tag_width);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(tag, theme.muted()));
    }
    Line::from(spans)
}

fn styled_run<'a>(text: String, hit: bool, theme: &Theme) -> Span<'a> {
    if hit {
        Span::styled(text, theme.highlight())
    } else {
        Span::raw(text)
    }
}

fn list(app: &App, frame: &mut Frame, areas: &Areas) {
    let theme = &app.theme;
    let state = &app.exercises;
    let hits = state.hits();
    let focused = state.focus == Focus::List && !app.overlay_open();
    let title = if hits.is_empty() {
        String::from("Exercises")
    } else {
        format!("Exercises {}/{}", state.cursor + 1, hits.len())
    };
    frame.render_widget(super::pane(&title, focused, theme), areas.list);
    let rows = areas.rows;
    if rows.width == 0 || rows.height == 0 {
        return;
    }
    if hits.is_empty() {
        frame.render_widget(
            Paragraph::new(empty_message(&app.store, state))
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            rows,
        );
        return;
    }
    let height = usize::from(rows.height);
    let offset = list_offset(state.list_offset, state.cursor, height, hits.len());
    // Reversed while the cursor answers the keys (in the box, Up/Down move it too). With the detail
    // focused the row is only bold: an underline would hide the underlined matched letters.
    let selected_style = if state.focus == Focus::Detail || app.overlay_open() {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        theme.selected()
    };
    for (line_no, (at, hit)) in hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let Some(exercise) = app.store.exercises.get(hit.index) else {
            continue;
        };
        let selected = at == state.cursor;
        let far;
        let hit = if at >= crate::search::POSITIONED && hit.name_positions.is_empty() {
            far = crate::search::Hit {
                name_positions: app.search.highlight(hit.index, &state.query),
                ..hit.clone()
            };
            &far
        } else {
            hit
        };
        let mut line = row(exercise, hit, usize::from(rows.width), selected, theme);
        if selected {
            line = line.style(selected_style);
        }
        let y = rows.y + u16::try_from(line_no).unwrap_or(u16::MAX);
        frame.render_widget(line, Rect::new(rows.x, y, rows.width, 1));
    }
}

/// What the list says when nothing matches.
fn empty_message(store: &Store, state: &ExercisesState) -> String {
    if store.exercises.is_empty() {
        return String::from("This content store has no exercises.");
    }
    let filters = state.has_filters();
    if state.query.trim().is_empty() {
        return String::from("No exercise fits these filters. Clear them with x.");
    }
    let hint = match (filters, state.typing()) {
        (true, false) => "Try fewer letters or clear filters with x.",
        (true, true) => "Try fewer letters, or press Esc then x to clear filters.",
        (false, false) => "Try fewer letters, or Esc to clear the search.",
        (false, true) => "Try fewer letters (Ctrl-U clears the box).",
    };
    format!("No exercise matches “{}”. {hint}", state.query.trim())
}

fn tone_style(tone: Tone, theme: &Theme) -> Style {
    match tone {
        Tone::Title => theme.title(),
        Tone::Heading => theme.accent().add_modifier(Modifier::BOLD),
        Tone::Plain | Tone::Picture => theme.plain(),
        Tone::Muted => theme.muted(),
        Tone::Caution => theme.warn(),
    }
}

fn to_line<'a>(line: &DetailLine, theme: &Theme) -> Line<'a> {
    Line::from(
        (line.pieces.iter())
            .map(|(tone, text)| Span::styled(text.clone(), tone_style(*tone, theme)))
            .collect::<Vec<_>>(),
    )
}

fn detail(app: &App, frame: &mut Frame, areas: &Areas) {
    let theme = &app.theme;
    let state = &app.exercises;
    let focused = state.focus == Focus::Detail && !app.overlay_open();
    let lines = current_detail(app, areas);
    let text = areas.text;
    let total = detail_height(&lines, text.width);
    let max = total.saturating_sub(text.height);
    let scroll = state.detail_scroll.min(max);
    let mut block = super::pane("Detail", focused, theme);
    if scroll < max {
        block = block.title_bottom(
            Line::styled(
                if focused {
                    " ↓ more: j/k "
                } else {
                    " ↓ more: Tab, then j/k "
                },
                theme.muted(),
            )
            .alignment(Alignment::Right),
        );
    }
    frame.render_widget(block, areas.detail);
    if text.width == 0 || text.height == 0 {
        return;
    }
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new("Nothing selected.").style(theme.muted()),
            text,
        );
        return;
    }
    let drawn: Vec<Line> = lines.iter().map(|l| to_line(l, theme)).collect();
    frame.render_widget(
        Paragraph::new(drawn)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text,
    );
    if let Some(area) = areas.picture
        && let Some(picture) = state.exercise(&app.store).and_then(picture)
    {
        frame.render_widget(Paragraph::new(picture).style(theme.plain()), area);
    }
}
