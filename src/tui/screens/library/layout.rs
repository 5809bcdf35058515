//! The library's frame, worked out once before it is drawn: where the tabs, the list (with its search
//! box) and the detail go, the list rows in view, and the detail wrapped to its width.

use super::detail::{self, Detail, Target};
use super::{Kind, Pane, State, article_name, describe};
use crate::content::Store;
use crate::text::{self, Line, Role};
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{Scope, label_in};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::{Constraint, Layout, Rect};

/// From this body width the kinds get a column of their own; below it they are a row of tabs.
pub const WIDE: u16 = 120;
/// From this body width the list and the detail stand side by side; below it only the focused one shows.
pub const SIDE_BY_SIDE: u16 = 70;
/// Width of the kinds column.
const KINDS_WIDTH: u16 = 22;

/// One frame of the library.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    pub body: Rect,
    /// The tabs: a one-line row, or a bordered column on wide terminals.
    pub kinds: Rect,
    pub kinds_as_row: bool,
    /// Row of tabs: the line as drawn (cut with "…" when narrow) and each tab's columns, for clicks.
    pub tab_line: Line,
    pub tabs: Vec<(Kind, u16, u16)>,
    /// Column of tabs: its lines, the kinds first (one row each) then what the evidence labels mean.
    pub kinds_lines: Vec<Line>,
    /// The list pane, its title and the hint on its bottom border.
    pub list: Option<Rect>,
    pub list_title: String,
    pub back: Option<String>,
    /// The search box's row inside the list pane, and its text.
    pub search: Option<(Rect, Line)>,
    /// Where the list's rows go.
    pub rows_area: Rect,
    /// The records listed (store indexes), the cursor, and the first row in view.
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub offset: usize,
    /// The rows in view, marker and text cut to fit (the view adds the selection's style).
    pub row_lines: Vec<Line>,
    pub detail_pane: Option<Rect>,
    pub detail: Detail,
    /// The record the detail shows.
    pub detail_of: Option<Target>,
}

impl Drawn {
    /// Rows of the list in view.
    pub fn list_height(&self) -> usize {
        usize::from(self.rows_area.height.max(1))
    }

    /// Rows of the detail in view.
    pub fn detail_rows(&self) -> u16 {
        self.detail_pane.map_or(1, |p| ui::inner(p).height.max(1))
    }
}

impl State {
    /// Lays the frame out for `body` and keeps it for the view and for input; keeps the cursor, the
    /// list and the detail within what there is to show.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let store = ctx.store;
        let kind = self.place.kind;
        let rows = self.rows(store, kind);
        let k = kind.index();
        self.place.cursors[k] = self.cursor(kind, rows.len());
        let cursor = self.place.cursors[k];

        let (kinds, kinds_as_row, list, detail_pane) = areas(body, self.place.pane);
        let counts = Kind::ALL.map(|kind| self.count_label(store, kind));
        let ((tab_line, tabs), kinds_lines) = if kinds_as_row {
            (tab_row(kinds, &counts, kind), Vec::new())
        } else {
            (Default::default(), kinds_column(kinds, &counts, kind))
        };

        let searching = self.typing || !self.place.query.is_empty();
        let inner = list.map(ui::inner).unwrap_or_default();
        let (search, rows_area) = if searching && inner.height >= 2 {
            let [s, r] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            let count = format!("{} of {}", rows.len(), kind.total(store));
            let placeholder = format!("type to search the {}", kind.title().to_lowercase());
            let line = ui::search::line(
                &self.place.query,
                self.typing,
                &placeholder,
                &count,
                usize::from(s.width),
            );
            (Some((s, line)), r)
        } else {
            (None, inner)
        };
        let height = usize::from(rows_area.height.max(1));
        let offset = fit_offset(self.place.offsets[k], cursor, rows.len(), height);
        self.place.offsets[k] = offset;
        let width = usize::from(rows_area.width);
        let row_lines = if rows.is_empty() {
            empty_list(self, kind, width)
        } else {
            rows.iter()
                .enumerate()
                .skip(offset)
                .take(height)
                .map(|(n, &i)| {
                    let marker = if n == cursor { "▶ " } else { "  " };
                    let row = text::truncate(&row_text(store, kind, i), width.saturating_sub(2));
                    Line::of(Role::Plain, format!("{marker}{row}"))
                })
                .collect()
        };
        let back = self.history.last().and_then(|previous| {
            let esc = label_in(Scope::Global, Action::Back);
            previous
                .selected(store)
                .map(|t| format!("{esc}: back to {}", describe(store, &t)))
        });

        let detail_width = detail_pane.map_or(1, |p| ui::inner(p).width);
        let detail = detail::detail(store, self, detail_width);
        let detail_rows = detail_pane.map_or(1, |p| ui::inner(p).height.max(1));
        self.place.detail.clamp(detail.lines.len(), detail_rows);
        if self.place.link.is_some_and(|l| l >= detail.links.len()) {
            self.place.link = None;
        }
        self.drawn = Some(Drawn {
            body,
            kinds,
            kinds_as_row,
            tab_line,
            tabs,
            kinds_lines,
            list,
            list_title: self.list_title(store, rows.len()),
            back,
            search,
            rows_area,
            rows,
            cursor,
            offset,
            row_lines,
            detail_pane,
            detail,
            detail_of: self.selected(store),
        });
    }

    /// A kind's count, "62", or "3/62" while its list is narrowed or searched.
    fn count_label(&self, store: &Store, kind: Kind) -> String {
        let all = kind.total(store);
        let narrowed = match kind {
            Kind::Claims => self.place.claims_article.is_some(),
            Kind::Chains => self.place.chains_claim.is_some(),
            _ => false,
        };
        if !self.place.query.is_empty() || narrowed {
            format!("{}/{all}", self.rows(store, kind).len())
        } else {
            all.to_string()
        }
    }

    fn list_title(&self, store: &Store, len: usize) -> String {
        let kind = self.place.kind;
        let total = kind.total(store);
        let count = if len == total {
            format!("({len})")
        } else {
            format!("({len} of {total})")
        };
        match (kind, &self.place.claims_article, &self.place.chains_claim) {
            (Kind::Claims, Some(article), _) => {
                format!("Claims of {} {count}", article_name(store, article))
            }
            (Kind::Chains, _, Some(claim)) => format!("Chains citing {claim} {count}"),
            _ => format!("{} {count}", kind.title()),
        }
    }
}

/// The kinds, the list pane and the detail pane for a body; the pane with focus decides which of list
/// and detail shows when only one fits.
pub fn areas(body: Rect, pane: Pane) -> (Rect, bool, Option<Rect>, Option<Rect>) {
    if body.width >= WIDE {
        let list_width = ((body.width - KINDS_WIDTH) * 2 / 5).clamp(28, 56);
        let [kinds, list, detail] = Layout::horizontal([
            Constraint::Length(KINDS_WIDTH),
            Constraint::Length(list_width),
            Constraint::Fill(1),
        ])
        .areas(body);
        return (kinds, false, Some(list), Some(detail));
    }
    let [kinds, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    if body.width >= SIDE_BY_SIDE {
        let list_width = (body.width * 2 / 5).clamp(28, 44);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(rest);
        (kinds, true, Some(list), Some(detail))
    } else if pane == Pane::Detail {
        (kinds, true, None, Some(rest))
    } else {
        (kinds, true, Some(rest), None)
    }
}

/// The row of tabs: " Articles 5  Topics 20 [Claims 73] Chains 6", the open one bracketed so it shows
/// without colour; cut with "…" when the row is too narrow. Each tab's columns come with it, for clicks.
fn tab_row(row: Rect, counts: &[String; 4], open: Kind) -> (Line, Vec<(Kind, u16, u16)>) {
    let mut line = Line::of(Role::Plain, " ");
    let mut spans = Vec::new();
    for (kind, count) in Kind::ALL.into_iter().zip(counts) {
        if kind.index() > 0 {
            line.push(Role::Plain, " ");
        }
        let (label, role) = if kind == open {
            (format!("[{} {count}]", kind.title()), Role::Selected)
        } else {
            (format!(" {} {count} ", kind.title()), Role::Muted)
        };
        let start = line.width();
        line.push(role, &label);
        spans.push((kind, start, line.width()));
    }
    let room = usize::from(row.width);
    // Cut, the row ends in "…": only the part of a tab left of it is there to click.
    let visible = if line.width() > room {
        room.saturating_sub(1)
    } else {
        room
    };
    let tabs = spans
        .into_iter()
        .filter(|&(_, start, _)| start < visible)
        .map(|(kind, start, end)| {
            let end = end.min(visible);
            (kind, row.x + ui::to_u16(start), row.x + ui::to_u16(end))
        })
        .collect();
    (text::truncate_line(&line, room), tabs)
}

/// The column of tabs, with what the evidence labels mean below them when all of it fits.
fn kinds_column(area: Rect, counts: &[String; 4], open: Kind) -> Vec<Line> {
    let inner = ui::inner(area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Kind::ALL
        .into_iter()
        .zip(counts)
        .map(|(kind, count)| {
            let marker = if kind == open { "▶ " } else { "  " };
            let name_width = width.saturating_sub(2 + text::width(count) + 1);
            let text = format!("{marker}{:<name_width$} {count}", kind.title());
            let role = if kind == open {
                Role::Selected
            } else {
                Role::Plain
            };
            Line::of(role, text::truncate(&text, width))
        })
        .collect();
    let mut glossary = vec![
        Line::new(),
        Line::of(Role::Muted, "Evidence labels,"),
        Line::of(Role::Muted, "strongest first:"),
    ];
    for evidence in crate::content::Evidence::ALL {
        glossary.push(Line::of(Role::Plain, evidence.as_str()));
        glossary.push(Line::of(Role::Muted, format!("  {}", evidence.gloss())));
    }
    let fits = lines.len() + glossary.len() <= usize::from(inner.height)
        && glossary.iter().all(|l| l.width() <= width);
    if fits {
        lines.extend(glossary);
    }
    lines
}

/// What an empty list says: the store has none, or the search matched none (and how to clear it).
fn empty_list(state: &State, kind: Kind, width: usize) -> Vec<Line> {
    let what = kind.title().to_lowercase();
    let text = if state.place.query.is_empty() {
        format!("No {what} in this store.")
    } else {
        let clear = label_in(Scope::Screen(Screen::Library), Action::ClearInput);
        format!(
            "No {what} match “{}”. {clear} clears the search.",
            state.place.query.trim()
        )
    };
    text::wrap_pieces(&[(Role::Muted, &text)], width.max(1), 0)
}

/// A record's row in the list.
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
    .replace('\n', " ")
}

/// The first row to show of a list `height` rows tall so that `cursor` is visible, moving as little as
/// possible from `offset` and leaving no empty rows at the bottom.
pub fn fit_offset(offset: usize, cursor: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut offset = offset.min(len.saturating_sub(height));
    if cursor < offset {
        offset = cursor;
    } else if cursor >= offset + height {
        offset = cursor + 1 - height;
    }
    offset
}
