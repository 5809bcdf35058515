//! Draws the library: the kinds (a column, or a row of tabs when narrow), the list of the open kind, and
//! the detail of the selected record with its links.

use crate::content::Store;
use crate::tui::app::App;
use crate::tui::state::library::{
    self as lib, Areas, Detail, Kind, LibraryState, Pane, Role, areas, inner,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let state = &app.library;
    let a = areas(area, state.pane);
    let active = !app.overlay_open();
    if a.kinds_as_row {
        kinds_row(app, frame, &a, active);
    } else {
        kinds_column(app, frame, &a, active);
    }
    if let Some(list) = a.list {
        render_list(app, frame, list, active && state.pane != Pane::Detail);
    }
    if let Some(pane) = a.detail {
        render_detail(app, frame, pane, active && state.pane == Pane::Detail);
    }
}

fn row_style(theme: &Theme, current: bool, focused: bool) -> Style {
    match (current, focused) {
        (true, true) => theme.selected(),
        (true, false) => theme.selected_unfocused(),
        _ => theme.plain(),
    }
}

fn kinds_row(app: &App, frame: &mut Frame, a: &Areas, active: bool) {
    let (store, state, theme) = (&app.store, &app.library, &app.theme);
    let focused = active && state.pane == Pane::Kinds;
    let mut spans = vec![Span::styled(
        if focused { "▶ " } else { "  " },
        theme.title(),
    )];
    for (i, kind) in Kind::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let current = kind == state.kind;
        let style = if current {
            row_style(theme, true, focused)
        } else {
            theme.muted()
        };
        spans.push(Span::styled(lib::tab_label(store, state, kind), style));
    }
    frame.render_widget(Line::from(spans), a.kinds);
}

fn kinds_column(app: &App, frame: &mut Frame, a: &Areas, active: bool) {
    let (store, state, theme) = (&app.store, &app.library, &app.theme);
    let focused = active && state.pane == Pane::Kinds;
    let inside = inner(a.kinds);
    let width = usize::from(inside.width);
    let mut lines: Vec<Line> = Kind::ALL
        .into_iter()
        .map(|kind| {
            let current = kind == state.kind;
            let marker = if current { "▶ " } else { "  " };
            let count = lib::count_label(store, state, kind);
            let name_width = width.saturating_sub(2 + count.chars().count() + 1);
            let text = format!("{marker}{:<name_width$} {count}", kind.title());
            Line::styled(text, row_style(theme, current, focused))
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Evidence labels,", theme.muted()));
    lines.push(Line::styled("strongest first:", theme.muted()));
    for evidence in crate::content::Evidence::ALL {
        lines.push(Line::styled(evidence.as_str(), theme.muted()));
        lines.push(Line::styled(
            format!("  {}", evidence.gloss()),
            theme.muted(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(super::pane("Library", focused, theme)),
        a.kinds,
    );
}

/// Cuts `text` to `width` columns, ending in "…" when cut; newlines become spaces.
fn truncate(text: &str, width: usize) -> String {
    let text = text.replace('\n', " ");
    if Span::raw(text.as_str()).width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = Span::raw(c.to_string()).width();
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn list_title(store: &Store, state: &LibraryState, len: usize) -> String {
    match state.kind {
        Kind::Claims => match &state.claims_article {
            Some(article) => format!("Claims of {} ({len})", lib::article_name(store, article)),
            None => format!("Claims ({len})"),
        },
        Kind::Chains => match &state.chains_claim {
            Some(claim) => format!("Chains citing {claim} ({len} of {})", store.chains.len()),
            None => format!("Chains ({len})"),
        },
        kind => format!("{} ({len})", kind.title()),
    }
}

fn row_text(store: &Store, kind: Kind, i: usize) -> String {
    match kind {
        Kind::Articles => {
            let article = &store.articles[i];
            format!("{} {}", article.number, article.short)
        }
        Kind::Topics => store.topics[i].question.to_string(),
        Kind::Claims => {
            let claim = &store.claims[i];
            let number = store
                .article(&claim.article)
                .map_or("???", |a| a.number.as_str());
            format!("[{number}] {}", claim.statement)
        }
        Kind::Chains => store.chains[i].short.to_string(),
    }
}

fn render_list(app: &App, frame: &mut Frame, pane: Rect, focused: bool) {
    let (store, state, theme) = (&app.store, &app.library, &app.theme);
    let rows = state.rows(store, state.kind);
    let cursor = state.cursor(state.kind, rows.len());
    let inside = inner(pane);
    let offset = lib::list_offset(store, state, pane);
    let mut block = super::pane(&list_title(store, state, rows.len()), focused, theme);
    let position = (rows.len() > usize::from(inside.height))
        .then(|| format!(" {}/{} ", cursor + 1, rows.len()));
    let back = state.history.last().and_then(|previous| {
        previous
            .selected(store)
            .map(|target| format!("Esc: back to {}", lib::describe(store, &target)))
    });
    block = bottom_titles(block, theme, pane, back, position);
    let width = usize::from(inside.width);
    let lines: Vec<Line> = if rows.is_empty() {
        let what = state.kind.title().to_lowercase();
        vec![Line::styled(
            format!("No {what} in this store."),
            theme.muted(),
        )]
    } else {
        rows.iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(inside.height))
            .map(|(n, &i)| {
                let current = n == cursor;
                let marker = if current { "▶ " } else { "  " };
                let text = truncate(&row_text(store, state.kind, i), width.saturating_sub(2));
                Line::styled(
                    format!("{marker}{text}"),
                    row_style(theme, current, focused),
                )
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), pane);
}

/// A hint at the bottom left of a pane and a position at the bottom right, the hint cut short so the two
/// never overlap.
fn bottom_titles<'a>(
    mut block: Block<'a>,
    theme: &Theme,
    pane: Rect,
    hint: Option<String>,
    position: Option<String>,
) -> Block<'a> {
    let room = usize::from(pane.width.saturating_sub(2));
    let position_width = position.as_deref().map_or(0, |p| Span::raw(p).width() + 1);
    if let Some(hint) = hint {
        let hint_room = room.saturating_sub(position_width + 2);
        if hint_room >= 8 {
            block = block.title_bottom(Line::styled(
                format!(" {} ", truncate(&hint, hint_room)),
                theme.accent(),
            ));
        }
    }
    if let Some(position) = position
        && position_width <= room
    {
        block = block.title_bottom(Line::styled(position, theme.muted()).right_aligned());
    }
    block
}

fn role_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Plain => theme.plain(),
        Role::Title => theme.plain().add_modifier(Modifier::BOLD),
        Role::Heading => theme.title(),
        Role::Label => theme.accent(),
        Role::Muted => theme.muted(),
        Role::Warn => theme.warn(),
        Role::Marker => theme.accent().add_modifier(Modifier::BOLD),
    }
}

fn detail_line<'a>(
    theme: &Theme,
    state: &LibraryState,
    line: &'a lib::DetailLine,
    focused: bool,
) -> Line<'a> {
    let on_link = line.link.is_some() && line.link == state.link;
    let spans: Vec<Span> = line
        .spans
        .iter()
        .map(|(role, text)| {
            if on_link && *role == Role::Marker {
                Span::styled("▶", role_style(theme, *role))
            } else {
                Span::styled(text.as_str(), role_style(theme, *role))
            }
        })
        .collect();
    let line = Line::from(spans);
    if on_link {
        line.style(row_style(theme, true, focused))
    } else {
        line
    }
}

fn render_detail(app: &App, frame: &mut Frame, pane: Rect, focused: bool) {
    let (store, state, theme) = (&app.store, &app.library, &app.theme);
    let inside = inner(pane);
    let detail: Detail = lib::detail(store, state, inside.width);
    let height = usize::from(inside.height);
    let scroll = state.detail_scroll.min(detail.max_scroll(height));
    let mut block = super::pane(&detail.title, focused, theme);
    let hint = if lib::claim_in_focus(store, state, &detail).is_some() {
        Some(String::from("a article · c chains"))
    } else if focused && !detail.links.is_empty() {
        Some(String::from("j/k link · Enter open"))
    } else {
        None
    };
    let position = (detail.lines.len() > height && height > 0).then(|| {
        let last = (scroll + height).min(detail.lines.len());
        format!(" {}–{}/{} ", scroll + 1, last, detail.lines.len())
    });
    block = bottom_titles(block, theme, pane, hint, position);
    let lines: Vec<Line> = detail
        .lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| detail_line(theme, state, line, focused))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), pane);
}
