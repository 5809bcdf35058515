//! The compare screen: which two articles are side by side, where their aligned rows are scrolled to,
//! the article picker, and the pure geometry (areas, wrapped rows) that the view draws and mouse
//! handling hit-tests with.

use crate::compare::{Comparison, Relation, compare};
use crate::content::{Article, Claim, Evidence, Store, Topic};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout::{self, contains};
use ratatui::layout::{Margin, Rect};

/// The pair the issue cares about (they disagree on which way the pelvis tilts).
const DEFAULT_A: &str = "ribs-and-breathing";
const DEFAULT_B: &str = "pelvic-pulley";
/// Below this body width, A is stacked above B within each row.
pub const STACK_BELOW: u16 = 70;
/// Body heights from which the headers may show more of the titles and self-disclosures.
const TALL: u16 = 34;
/// Lines one wheel step scrolls.
pub const WHEEL_LINES: usize = 3;
/// Columns between the two sides: " │ ".
pub const GUTTER: u16 = 3;
/// Blank columns inside a pane's border, left and right, so text never touches it.
pub const PAD: u16 = 1;

/// One of the two articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    /// The key that opens this side's picker.
    pub fn key(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// What Tab moves between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Rows,
    Header(Side),
}

/// The article list that `a` or `b` opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picker {
    pub side: Side,
    /// Index into the store's articles.
    pub cursor: usize,
}

/// The first line in view, as a row (topic) and a line within it, so that a resize, which re-wraps
/// every row, keeps the same topic in view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    pub row: usize,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareState {
    /// Index into the store's articles of article A (meaningless when there are none).
    pub a: usize,
    pub b: usize,
    pub top: Anchor,
    pub focus: Focus,
    pub picker: Option<Picker>,
}

impl CompareState {
    /// Opens on ribs-and-breathing against pelvic-pulley, else the first two articles (or the only one
    /// against itself).
    pub fn new(store: &Store) -> Self {
        let find = |id: &str| store.articles.iter().position(|r| r.id == id);
        let (a, b) = match (find(DEFAULT_A), find(DEFAULT_B)) {
            (Some(a), Some(b)) => (a, b),
            _ => (0, usize::from(store.articles.len() > 1)),
        };
        CompareState {
            a,
            b,
            top: Anchor::default(),
            focus: Focus::Rows,
            picker: None,
        }
    }

    /// Index of a side's article.
    pub fn index(&self, side: Side) -> usize {
        match side {
            Side::A => self.a,
            Side::B => self.b,
        }
    }

    pub fn article<'a>(&self, store: &'a Store, side: Side) -> Option<&'a Article> {
        store.articles.get(self.index(side))
    }

    /// The two articles' claims aligned by topic; `None` when the store has no articles.
    pub fn comparison<'a>(&self, store: &'a Store) -> Option<Comparison<'a>> {
        let a = self.article(store, Side::A)?;
        let b = self.article(store, Side::B)?;
        compare(store, &a.id, &b.id).ok()
    }
}

// ---- wrapped text ----

/// What a piece of text is, so the view can style it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Muted,
    /// A topic's question.
    Question,
    /// The relation's symbol and words on a topic line.
    Relation(Relation),
    /// An article's title in its header.
    Title,
    /// A claim's stance label (and an article's evidence label in its header).
    Stance,
    Statement,
    /// `[evidence · location]`.
    Source,
    /// Our caveat on a claim.
    Note,
    /// "(says nothing on this)".
    Silent,
    /// "A · Ribs & breathing" above a side's claims when the sides are stacked.
    Side,
}

/// A run of text in one tone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

/// One display line: pieces left to right.
pub type Run = Vec<Piece>;

/// Display width in terminal columns (wide characters count two).
pub fn width_of(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

pub fn run_width(run: &[Piece]) -> usize {
    run.iter().map(|p| width_of(&p.text)).sum()
}

fn push(run: &mut Run, text: &str, tone: Tone) {
    match run.last_mut() {
        Some(last) if last.tone == tone => last.text.push_str(text),
        _ => run.push(Piece {
            text: text.to_owned(),
            tone,
        }),
    }
}

fn indent(text: &str) -> Run {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Piece {
            text: text.to_owned(),
            tone: Tone::Plain,
        }]
    }
}

/// Word-wraps toned text to `width` columns; the first line starts with `first`, the others with
/// `rest`. Words longer than a line are broken.
pub fn wrap(segments: &[(&str, Tone)], width: usize, first: &str, rest: &str) -> Vec<Run> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = indent(first);
    let mut used = width_of(first);
    let mut lead = used;
    let mut has_word = false;
    for &(text, tone) in segments {
        for word in text.split_whitespace() {
            let w = width_of(word);
            if has_word && used + 1 + w > width {
                lines.push(std::mem::replace(&mut line, indent(rest)));
                used = width_of(rest);
                lead = used;
                has_word = false;
            }
            if has_word {
                let same = line.last().is_some_and(|p| p.tone == tone);
                push(&mut line, " ", if same { tone } else { Tone::Plain });
                used += 1;
            }
            for ch in word.chars() {
                let mut buf = [0u8; 4];
                let ch = ch.encode_utf8(&mut buf);
                let cw = width_of(ch);
                if used + cw > width && used > lead {
                    lines.push(std::mem::replace(&mut line, indent(rest)));
                    used = width_of(rest);
                    lead = used;
                }
                push(&mut line, ch, tone);
                used += cw;
            }
            has_word = true;
        }
    }
    if has_word || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Keeps at most `max` lines, ending the last kept one with "…" when something was cut.
pub fn cap(mut lines: Vec<Run>, max: usize, width: usize) -> Vec<Run> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        while run_width(last) + 1 > width.max(1)
            || last.last().is_some_and(|p| p.text.ends_with(' '))
        {
            let Some(piece) = last.last_mut() else { break };
            piece.text.pop();
            if piece.text.is_empty() {
                last.pop();
            }
        }
        let tone = last.last().map_or(Tone::Plain, |p| p.tone);
        push(last, "…", tone);
    }
    lines
}

// ---- the aligned rows ----

/// One line of the scrolling rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocLine {
    /// Across the whole width: a topic line, or anything when the sides are stacked.
    Full(Run),
    /// Side by side: A's line and B's line.
    Split(Run, Run),
    /// The rule between two rows.
    Rule,
}

/// Where a row (one topic) sits among the lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowSpan {
    pub start: usize,
    pub height: usize,
    /// When stacked: the first line (within the row) of A's claims and of B's, so a view scrolled
    /// into the row can say whose claims are showing.
    pub sides: Option<(usize, usize)>,
}

impl RowSpan {
    /// Whose claims line `line` (within the row) shows, when the sides are stacked.
    pub fn side_at(&self, line: usize) -> Option<Side> {
        let (a, b) = self.sides?;
        if line >= b {
            Some(Side::B)
        } else if line >= a {
            Some(Side::A)
        } else {
            None
        }
    }
}

/// The comparison's rows, wrapped to a width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<DocLine>,
    pub rows: Vec<RowSpan>,
    /// The first line after the rows: from here on, what the evidence labels mean.
    pub footer: usize,
    /// Width of A's column when side by side (B's takes the rest after the gutter).
    pub left: u16,
    pub stacked: bool,
}

/// The topic line: the relation by symbol and word, then the question.
pub fn topic_line(c: &Comparison, topic: &Topic, relation: Relation, width: usize) -> Vec<Run> {
    let label = relation.label(&c.a.short, &c.b.short);
    wrap(
        &[
            (relation.symbol(), Tone::Relation(relation)),
            (&label, Tone::Relation(relation)),
            ("·", Tone::Muted),
            (&topic.question, Tone::Question),
        ],
        width,
        "",
        "  ",
    )
}

/// One side of a row: per claim its stance label, statement, `[evidence · location]` and our note.
fn cell(topic: &Topic, claims: &[&Claim], width: usize) -> Vec<Run> {
    if claims.is_empty() {
        return wrap(&[("(says nothing on this)", Tone::Silent)], width, "", "");
    }
    let mut lines = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if i > 0 {
            lines.push(Vec::new());
        }
        let stance = topic
            .stance(&claim.stance)
            .map_or(claim.stance.as_str(), |s| s.label.as_str());
        lines.extend(wrap(&[(stance, Tone::Stance)], width, "• ", "  "));
        lines.extend(wrap(
            &[(&claim.statement, Tone::Statement)],
            width,
            "  ",
            "  ",
        ));
        let source = format!("[{} · {}]", claim.evidence.as_str(), claim.location);
        lines.extend(wrap(&[(&source, Tone::Source)], width, "  ", "   "));
        if let Some(note) = &claim.note {
            lines.extend(wrap(
                &[("note:", Tone::Note), (note, Tone::Note)],
                width,
                "  ",
                "  ",
            ));
        }
    }
    lines
}

/// Wraps every row to `width` columns: side by side, or A above B when `stacked`. Rows align: the
/// taller side sets a row's height and the other is padded.
pub fn document(c: &Comparison, width: u16, stacked: bool) -> Document {
    let full = usize::from(width);
    let left = width.saturating_sub(GUTTER) / 2;
    let right = width.saturating_sub(GUTTER).saturating_sub(left);
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for (i, row) in c.rows.iter().enumerate() {
        if i > 0 {
            lines.push(DocLine::Rule);
        }
        let start = lines.len();
        let mut sides = (0, 0);
        lines.extend(
            topic_line(c, row.topic, row.relation, full)
                .into_iter()
                .map(DocLine::Full),
        );
        if stacked {
            for (side, article, claims) in [("A", c.a, &row.a), ("B", c.b, &row.b)] {
                if side == "B" {
                    lines.push(DocLine::Full(Vec::new()));
                    sides.1 = lines.len() - start;
                } else {
                    sides.0 = lines.len() - start;
                }
                let label = format!("{side} · {}", article.short);
                lines.extend(
                    wrap(&[(&label, Tone::Side)], full, "", "  ")
                        .into_iter()
                        .map(DocLine::Full),
                );
                lines.extend(cell(row.topic, claims, full).into_iter().map(DocLine::Full));
            }
        } else {
            let a = cell(row.topic, &row.a, usize::from(left));
            let b = cell(row.topic, &row.b, usize::from(right));
            let height = a.len().max(b.len());
            let mut a = a.into_iter();
            let mut b = b.into_iter();
            for _ in 0..height {
                lines.push(DocLine::Split(
                    a.next().unwrap_or_default(),
                    b.next().unwrap_or_default(),
                ));
            }
        }
        rows.push(RowSpan {
            start,
            height: lines.len() - start,
            sides: stacked.then_some(sides),
        });
    }
    // What the labels in the `[evidence · location]` lines mean, once, after the last row.
    let footer = lines.len();
    let used: std::collections::BTreeSet<Evidence> = [c.a.evidence, c.b.evidence]
        .into_iter()
        .chain(
            c.rows
                .iter()
                .flat_map(|r| r.a.iter().chain(&r.b).map(|claim| claim.evidence)),
        )
        .collect();
    if !c.rows.is_empty() {
        lines.push(DocLine::Rule);
        lines.extend(
            wrap(&[("Evidence labels", Tone::Question)], full, "", "")
                .into_iter()
                .map(DocLine::Full),
        );
        for evidence in used {
            lines.extend(
                wrap(
                    &[
                        (evidence.as_str(), Tone::Stance),
                        ("—", Tone::Muted),
                        (evidence.meaning(), Tone::Plain),
                    ],
                    full,
                    "• ",
                    "  ",
                )
                .into_iter()
                .map(DocLine::Full),
            );
        }
    }
    Document {
        lines,
        rows,
        footer,
        left,
        stacked,
    }
}

impl Document {
    /// The furthest the first line in view can go: the last line at the bottom.
    pub fn max_top(&self, height: u16) -> usize {
        self.lines.len().saturating_sub(usize::from(height))
    }

    /// The line index of an anchor, kept within `max_top`.
    pub fn line_of(&self, anchor: Anchor, height: u16) -> usize {
        let line = self.rows.get(anchor.row).map_or(0, |r| {
            // A row owns the rule after it; the last row runs on into the footer.
            let end = self
                .rows
                .get(anchor.row + 1)
                .map_or(self.lines.len(), |next| next.start);
            r.start + anchor.line.min(end.saturating_sub(r.start + 1))
        });
        line.min(self.max_top(height))
    }

    /// The row that holds a line (the rule after a row counts as that row's).
    pub fn row_at(&self, line: usize) -> usize {
        self.rows.iter().rposition(|r| r.start <= line).unwrap_or(0)
    }

    pub fn anchor_at(&self, line: usize) -> Anchor {
        let row = self.row_at(line);
        let start = self.rows.get(row).map_or(0, |r| r.start);
        Anchor {
            row,
            line: line.saturating_sub(start),
        }
    }
}

// ---- geometry ----

/// How much of each header to show: title lines, and lines for evidence and self-disclosure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    pub title: usize,
    pub about: usize,
}

/// A header's lines: the article's title, then its evidence character and what it says of itself.
pub fn header_lines(article: &Article, width: u16, caps: Caps) -> Vec<Run> {
    let width = usize::from(width);
    let mut lines = cap(
        wrap(&[(&article.title, Tone::Title)], width, "", ""),
        caps.title,
        width,
    );
    let gloss = format!("({})", article.evidence.gloss());
    let mut about = vec![
        ("evidence:", Tone::Muted),
        (article.evidence.as_str(), Tone::Stance),
        (&gloss, Tone::Muted),
        ("·", Tone::Muted),
    ];
    match &article.self_disclosure {
        Some(d) => about.push((d, Tone::Plain)),
        None => about.push(("says nothing about itself", Tone::Muted)),
    }
    lines.extend(cap(wrap(&about, width, "", ""), caps.about, width));
    lines
}

/// The areas of the compare screen: a header per article (click to pick another), the rows pane with
/// its viewport, and the picker when open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header_a: Rect,
    pub header_b: Rect,
    pub caps: Caps,
    pub rows: Rect,
    /// Inside the rows pane: where the lines go.
    pub viewport: Rect,
    pub stacked: bool,
    pub picker: Option<Rect>,
    /// Inside the picker: one article per line.
    pub picker_list: Option<Rect>,
}

impl Areas {
    pub fn header(&self, side: Side) -> Rect {
        match side {
            Side::A => self.header_a,
            Side::B => self.header_b,
        }
    }
}

pub fn areas(body: Rect, store: &Store, state: &CompareState) -> Areas {
    let stacked = body.width < STACK_BELOW;
    // A's header ends on the column where the rows' gutter runs, so each header sits over its column.
    let inner_width = body.width.saturating_sub(2 + 2 * PAD);
    let left = inner_width.saturating_sub(GUTTER) / 2;
    let a_width = if stacked {
        body.width
    } else {
        (left + GUTTER + PAD).min(body.width)
    };
    let b_width = if stacked {
        body.width
    } else {
        body.width - a_width
    };
    let height_of = |side: Side, box_width: u16, caps: Caps| -> u16 {
        let lines = state.article(store, side).map_or(0, |a| {
            header_lines(a, box_width.saturating_sub(2 + 2 * PAD), caps).len()
        });
        u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2)
    };
    let candidates: &[(usize, usize)] = if body.height >= TALL {
        &[(2, 4), (1, 2), (1, 1), (0, 1), (0, 0)]
    } else {
        &[(1, 2), (1, 1), (0, 1), (0, 0)]
    };
    let min_rows = (body.height / 2).max(6).min(body.height);
    let room = body.height.saturating_sub(min_rows);
    let measure = |caps: Caps| -> (u16, u16) {
        let (ha, hb) = (
            height_of(Side::A, a_width, caps),
            height_of(Side::B, b_width, caps),
        );
        if stacked {
            (ha, hb)
        } else {
            (ha.max(hb), ha.max(hb))
        }
    };
    let mut chosen = None;
    for &(title, about) in candidates {
        let caps = Caps { title, about };
        let (ha, hb) = measure(caps);
        let total = if stacked { ha.saturating_add(hb) } else { ha };
        if total <= room {
            chosen = Some((caps, ha, hb));
            break;
        }
    }
    let (caps, ha, hb) = chosen.unwrap_or_else(|| {
        let caps = Caps { title: 0, about: 0 };
        let (ha, hb) = measure(caps);
        (caps, ha, hb)
    });
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
    let viewport = rows.inner(Margin::new(1 + PAD, 1));
    let (picker, picker_list) = match state.picker {
        Some(_) => {
            let entries = u16::try_from(store.articles.len()).unwrap_or(u16::MAX);
            let width = body.width.saturating_sub(4).min(84).max(body.width.min(24));
            let popup = layout::centered(body, width, entries.saturating_add(2));
            (Some(popup), Some(popup.inner(Margin::new(1, 1))))
        }
        None => (None, None),
    };
    Areas {
        header_a,
        header_b,
        caps,
        rows,
        viewport,
        stacked,
        picker,
        picker_list,
    }
}

/// The first article shown in a picker list of `height` lines, so the cursor stays in view.
pub fn picker_offset(cursor: usize, height: u16) -> usize {
    cursor.saturating_sub(usize::from(height.max(1)) - 1)
}

/// The lines in view and which rows they cover: `(first line, first row, last row)`.
pub fn in_view(doc: &Document, anchor: Anchor, height: u16) -> (usize, usize, usize) {
    let top = doc.line_of(anchor, height);
    let bottom = (top + usize::from(height.max(1)) - 1).min(doc.lines.len().saturating_sub(1));
    (top, doc.row_at(top), doc.row_at(bottom))
}

// ---- update ----

pub fn update(app: &mut App, action: Action) {
    if app.store.articles.is_empty() {
        return;
    }
    if app.compare.picker.is_some() {
        picker_update(app, action);
        return;
    }
    let state = &mut app.compare;
    match action {
        Action::Up => scroll_by(app, -1),
        Action::Down => scroll_by(app, 1),
        Action::PageUp | Action::PageDown => {
            let page = page_lines(app);
            scroll_by(
                app,
                if action == Action::PageUp {
                    -page
                } else {
                    page
                },
            );
        }
        Action::Top => state.top = Anchor::default(),
        Action::Bottom => scroll_by(app, isize::MAX / 2),
        Action::Left => step_row(app, false),
        Action::Right => step_row(app, true),
        Action::PickA => open_picker(app, Side::A),
        Action::PickB => open_picker(app, Side::B),
        Action::Swap => {
            // The rows are the topics either article speaks to, in file order, so swapping keeps them.
            std::mem::swap(&mut state.a, &mut state.b);
        }
        Action::NextPane | Action::PrevPane => {
            let order = [Focus::Rows, Focus::Header(Side::A), Focus::Header(Side::B)];
            let at = order.iter().position(|f| *f == state.focus).unwrap_or(0);
            let next = if action == Action::NextPane {
                (at + 1) % order.len()
            } else {
                (at + order.len() - 1) % order.len()
            };
            state.focus = order[next];
        }
        Action::Select | Action::Toggle => {
            if let Focus::Header(side) = state.focus {
                open_picker(app, side);
            }
        }
        Action::Back => state.focus = Focus::Rows,
        Action::Click { column, row } => {
            let body = layout::frame(app.size).body;
            let areas = areas(body, &app.store, &app.compare);
            for side in [Side::A, Side::B] {
                if contains(areas.header(side), column, row) {
                    app.compare.focus = Focus::Header(side);
                    open_picker(app, side);
                    return;
                }
            }
            if contains(areas.rows, column, row) {
                app.compare.focus = Focus::Rows;
            }
        }
        Action::ScrollDown { column, row } | Action::ScrollUp { column, row }
            if contains(layout::frame(app.size).body, column, row) =>
        {
            let lines = WHEEL_LINES as isize;
            let down = matches!(action, Action::ScrollDown { .. });
            scroll_by(app, if down { lines } else { -lines });
        }
        _ => {}
    }
}

/// The rows as they are laid out at the current terminal size, with the viewport's height.
fn current_document(app: &App) -> Option<(Document, u16)> {
    let body = layout::frame(app.size).body;
    let areas = areas(body, &app.store, &app.compare);
    let comparison = app.compare.comparison(&app.store)?;
    Some((
        document(&comparison, areas.viewport.width, areas.stacked),
        areas.viewport.height,
    ))
}

fn page_lines(app: &App) -> isize {
    let height = current_document(app).map_or(1, |(_, h)| h);
    // Keep one line of the previous page in view, for continuity.
    isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
}

/// Moves the view by `delta` lines, both sides together.
fn scroll_by(app: &mut App, delta: isize) {
    let Some((doc, height)) = current_document(app) else {
        return;
    };
    let line = doc.line_of(app.compare.top, height);
    let moved = line.saturating_add_signed(delta).min(doc.max_top(height));
    app.compare.top = doc.anchor_at(moved);
}

/// Puts the next (or previous) topic at the top of the view.
fn step_row(app: &mut App, forward: bool) {
    let Some((doc, height)) = current_document(app) else {
        return;
    };
    let line = doc.line_of(app.compare.top, height);
    let anchor = doc.anchor_at(line);
    let row = if forward {
        (anchor.row + 1).min(doc.rows.len().saturating_sub(1))
    } else if anchor.line > 0 {
        // Mid-row: back to this row's topic line first.
        anchor.row
    } else {
        anchor.row.saturating_sub(1)
    };
    let start = doc.rows.get(row).map_or(0, |r| r.start);
    app.compare.top = doc.anchor_at(start.min(doc.max_top(height)));
}

fn open_picker(app: &mut App, side: Side) {
    let cursor = app.compare.index(side);
    app.compare.picker = Some(Picker { side, cursor });
}

fn picker_update(app: &mut App, action: Action) {
    let Some(Picker { side, cursor }) = app.compare.picker else {
        return;
    };
    let last = app.store.articles.len().saturating_sub(1);
    let moved = match action {
        Action::Up | Action::ScrollUp { .. } => cursor.saturating_sub(1),
        Action::Down | Action::ScrollDown { .. } => (cursor + 1).min(last),
        Action::Top | Action::PageUp => 0,
        Action::Bottom | Action::PageDown => last,
        Action::Select | Action::Toggle => return choose(app, side, cursor),
        Action::Back => {
            app.compare.picker = None;
            return;
        }
        Action::PickA => return open_picker(app, Side::A),
        Action::PickB => return open_picker(app, Side::B),
        Action::Click { column, row } => {
            let body = layout::frame(app.size).body;
            let areas = areas(body, &app.store, &app.compare);
            let (Some(popup), Some(list)) = (areas.picker, areas.picker_list) else {
                return;
            };
            if contains(list, column, row) {
                let index =
                    picker_offset(cursor, list.height) + usize::from(row.saturating_sub(list.y));
                if index <= last {
                    choose(app, side, index);
                }
            } else if !contains(popup, column, row) {
                app.compare.picker = None;
            }
            return;
        }
        _ => cursor,
    };
    app.compare.picker = Some(Picker {
        side,
        cursor: moved,
    });
}

/// Puts article `index` on `side`, keeping the topic in view when the new pair also speaks to it.
fn choose(app: &mut App, side: Side, index: usize) {
    let topic = app.compare.comparison(&app.store).and_then(|c| {
        c.rows
            .get(app.compare.top.row)
            .map(|r| r.topic.id.to_string())
    });
    let state = &mut app.compare;
    state.picker = None;
    if index >= app.store.articles.len() {
        return;
    }
    match side {
        Side::A => state.a = index,
        Side::B => state.b = index,
    }
    let row = topic.and_then(|id| {
        state
            .comparison(&app.store)
            .and_then(|c| c.rows.iter().position(|r| r.topic.id.as_str() == id))
    });
    app.compare.top = Anchor {
        row: row.unwrap_or(0),
        line: 0,
    };
}
