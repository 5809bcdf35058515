//! The compare screen's frame, worked out once before it is drawn: a header per article, the rows pane
//! with its search box and the rows wrapped to its width, the line in view, and the picker.

use super::doc::{self, Caps, Document, header_lines};
use super::{Side, State};
use crate::content::Store;
use crate::text::{self, Line, Role};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::{Margin, Rect};

/// Below this body width, A is stacked above B within each row.
pub const STACK_BELOW: u16 = 70;
/// Body heights from which the headers may show more of the titles and self-disclosures.
const TALL: u16 = 34;
/// Blank columns inside a pane's border, left and right, so text never touches it.
pub const PAD: u16 = 1;

/// One frame of the compare screen.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    pub body: Rect,
    /// Said instead of a comparison when there are not two articles to compare.
    pub empty: Option<String>,
    pub header_a: Rect,
    pub header_b: Rect,
    /// Each header's lines, A then B.
    pub headers: [Vec<Line>; 2],
    pub rows: Rect,
    /// Inside the rows pane: where the lines go (below the search box when it shows).
    pub viewport: Rect,
    pub search: Option<(Rect, Line)>,
    pub stacked: bool,
    pub doc: Document,
    /// What the document was wrapped for: the pair, the width and the stacking. A frame for the same
    /// keeps it instead of wrapping every row again.
    doc_for: (usize, usize, u16, bool),
    /// The first line in view, and the first and last rows it covers.
    pub top: usize,
    pub first_row: usize,
    pub last_row: usize,
    /// Mid-row, the row's topic line pinned over the first line in view.
    pub pinned: Option<Line>,
    /// "0 agree · 1 partly · 4 disagree · 8 one-sided".
    pub tally: String,
    /// The picker: the popup, its list area, the first article shown and the lines in view.
    pub picker: Option<(Rect, Rect)>,
    pub picker_offset: usize,
    pub picker_lines: Vec<Line>,
}

impl Drawn {
    pub fn header(&self, side: Side) -> Rect {
        match side {
            Side::A => self.header_a,
            Side::B => self.header_b,
        }
    }
}

impl State {
    /// Lays the frame out for `body` and keeps it for the view and for input.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let store = ctx.store;
        let Some(c) = self.comparison(store) else {
            self.drawn = Some(Drawn {
                body,
                empty: Some(empty_message(store)),
                ..Drawn::default()
            });
            return;
        };
        let mut drawn = areas(body, store, self);
        if self.typing || !self.query.is_empty() {
            let v = drawn.viewport;
            if v.height >= 2 {
                let found = self.matches(store);
                let count = match found.iter().position(|&r| r == self.top.row) {
                    _ if self.query.trim().is_empty() => String::new(),
                    _ if found.is_empty() => String::from("no topic or claim matches"),
                    Some(i) => format!("topic {} of {} found", i + 1, found.len()),
                    None => format!("{} topics found", found.len()),
                };
                let line = ui::search::line(
                    &self.query,
                    self.typing,
                    "type to find a topic or claim",
                    &count,
                    usize::from(v.width),
                );
                drawn.search = Some((Rect::new(v.x, v.y, v.width, 1), line));
                drawn.viewport = Rect::new(v.x, v.y + 1, v.width, v.height - 1);
            }
        }
        let viewport = drawn.viewport;
        let doc_for = (self.a, self.b, viewport.width, drawn.stacked);
        let doc = match self.drawn.take() {
            Some(last) if last.doc_for == doc_for && !last.doc.lines.is_empty() => last.doc,
            _ => doc::document(&c, viewport.width, drawn.stacked),
        };
        drawn.doc_for = doc_for;
        let height = viewport.height;
        let top = doc.line_of(self.top, height);
        let bottom = (top + usize::from(height.max(1)) - 1).min(doc.lines.len().saturating_sub(1));
        let anchor = doc.anchor_at(top);
        drawn.pinned = (anchor.line > 0 && top < doc.footer && height >= 2)
            .then(|| c.rows.get(anchor.row))
            .flatten()
            .map(|row| {
                let side = doc
                    .rows
                    .get(anchor.row)
                    .and_then(|r| r.side_at(anchor.line));
                pinned(&c, row, side, usize::from(viewport.width))
            });
        let counts = c.counts();
        drawn.tally = format!(
            "{} agree · {} partly · {} disagree · {} one-sided",
            counts.agree,
            counts.partly,
            counts.disagree,
            counts.one_sided()
        );
        drawn.first_row = doc.row_at(top);
        drawn.last_row = doc.row_at(bottom);
        drawn.top = top;
        drawn.doc = doc;
        if let Some(picker) = self.picker
            && let Some((_, list)) = drawn.picker
        {
            drawn.picker_offset = picker_offset(picker.cursor, list.height);
            drawn.picker_lines = picker_lines(self, store, list, drawn.picker_offset);
        }
        self.drawn = Some(drawn);
    }
}

/// What the screen says without two articles to compare.
fn empty_message(store: &Store) -> String {
    match store.articles.as_slice() {
        [] => String::from(
            "This content store has no articles to compare. Check it with `backchain check`.",
        ),
        [only] => format!(
            "Compare needs two articles, and this content store has only one: {} {}.",
            only.number, only.short
        ),
        _ => String::from("Pick two different articles to compare."),
    }
}

/// The areas of the screen: a header per article (click to pick another), the rows pane with its
/// viewport, and the picker when open.
fn areas(body: Rect, store: &Store, state: &State) -> Drawn {
    let stacked = body.width < STACK_BELOW;
    // A's header ends on the column where the rows' gutter runs, so each header sits over its column.
    let inner_width = body.width.saturating_sub(2 + 2 * PAD);
    let left = inner_width.saturating_sub(doc::GUTTER) / 2;
    let a_width = if stacked {
        body.width
    } else {
        (left + doc::GUTTER + PAD).min(body.width)
    };
    let b_width = if stacked {
        body.width
    } else {
        body.width - a_width
    };
    let lines_of = |side: Side, box_width: u16, caps: Caps| -> Vec<Line> {
        state.article(store, side).map_or_else(Vec::new, |a| {
            header_lines(a, box_width.saturating_sub(2 + 2 * PAD), caps)
        })
    };
    let candidates: &[(usize, usize)] = if body.height >= TALL {
        &[(2, 4), (1, 2), (1, 1), (0, 1), (0, 0)]
    } else {
        &[(1, 2), (1, 1), (0, 1), (0, 0)]
    };
    let min_rows = (body.height / 2).max(6).min(body.height);
    let room = body.height.saturating_sub(min_rows);
    let measure = |caps: Caps| {
        let (la, lb) = (
            lines_of(Side::A, a_width, caps),
            lines_of(Side::B, b_width, caps),
        );
        let (ha, hb) = (ui::to_u16(la.len() + 2), ui::to_u16(lb.len() + 2));
        let (ha, hb) = if stacked {
            (ha, hb)
        } else {
            (ha.max(hb), ha.max(hb))
        };
        (la, lb, ha, hb)
    };
    let chosen = candidates.iter().find_map(|&(title, about)| {
        let measured = measure(Caps { title, about });
        let total = if stacked {
            measured.2.saturating_add(measured.3)
        } else {
            measured.2
        };
        (total <= room).then_some(measured)
    });
    let (la, lb, ha, hb) = chosen.unwrap_or_else(|| measure(Caps { title: 0, about: 0 }));
    let (header_a, header_b, header_height) = if stacked {
        let ha = ha.min(body.height);
        let hb = hb.min(body.height - ha);
        (
            Rect::new(body.x, body.y, body.width, ha),
            Rect::new(body.x, body.y + ha, body.width, hb),
            ha + hb,
        )
    } else {
        let h = ha.min(body.height);
        (
            Rect::new(body.x, body.y, a_width, h),
            Rect::new(body.x + a_width, body.y, b_width, h),
            h,
        )
    };
    let rows = Rect::new(
        body.x,
        body.y + header_height,
        body.width,
        body.height - header_height,
    );
    let picker = state.picker.map(|_| {
        let entries = ui::to_u16(store.articles.len());
        let width = body.width.saturating_sub(4).min(84).max(body.width.min(24));
        let popup = ui::centered(body, width, entries.saturating_add(2));
        (popup, popup.inner(Margin::new(1, 1)))
    });
    Drawn {
        body,
        header_a,
        header_b,
        headers: [la, lb],
        rows,
        viewport: rows.inner(Margin::new(1 + PAD, 1)),
        stacked,
        picker,
        ..Drawn::default()
    }
}

/// The first article shown in a picker list of `height` lines, so the cursor stays in view.
pub fn picker_offset(cursor: usize, height: u16) -> usize {
    cursor.saturating_sub(usize::from(height.max(1)) - 1)
}

/// The picker's lines in view: cursor, which side each article is on now (never by colour alone),
/// number, short name and title cut with "…". The other side's article is dimmed and says so.
fn picker_lines(state: &State, store: &Store, list: Rect, offset: usize) -> Vec<Line> {
    let Some(picker) = state.picker else {
        return Vec::new();
    };
    let other = state.index(picker.side.other());
    let short_width = store
        .articles
        .iter()
        .map(|a| text::width(&a.short))
        .max()
        .unwrap_or(0);
    let width = usize::from(list.width);
    store
        .articles
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list.height))
        .map(|(i, article)| {
            let cursor = if i == picker.cursor { "▶ " } else { "  " };
            let mark = match (i == state.a, i == state.b) {
                (true, true) => "AB",
                (true, false) => "A ",
                (false, true) => " B",
                (false, false) => "  ",
            };
            let pad = short_width.saturating_sub(text::width(&article.short));
            let lead = format!(
                "{cursor}{mark} {}  {}{}  ",
                article.number,
                article.short,
                " ".repeat(pad)
            );
            let rest = if i == other {
                format!("(already {}: pick another)", picker.side.other().letter())
            } else {
                article.title.to_string()
            };
            let role = if i == other { Role::Muted } else { Role::Plain };
            // One blank column before the border.
            let line = Line::of(role, lead).with(role, rest);
            text::truncate_line(&line, width.saturating_sub(1))
        })
        .collect()
}

/// The topic line of the row in view, cut to one line with "…", and "(cont.)" — and, when the sides
/// are stacked, whose claims are showing.
fn pinned(
    c: &crate::compare::Comparison,
    row: &crate::compare::Row,
    side: Option<Side>,
    width: usize,
) -> Line {
    let more = match side {
        Some(side) => format!(" ({} cont.)", side.letter()),
        None => String::from(" (cont.)"),
    };
    let more_width = text::width(&more);
    let whole = doc::topic_line(c, row.topic, row.relation, usize::MAX / 2)
        .into_iter()
        .next()
        .unwrap_or_default();
    let mut out = text::truncate_line(&whole, width.saturating_sub(more_width));
    if width >= more_width + 4 {
        out.push(Role::Muted, &more);
    }
    out
}
