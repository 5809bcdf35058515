//! The comparison as text: each topic's row wrapped to a width (side by side, or A above B when narrow),
//! rows aligned so the taller side sets a row's height, and the articles' headers. Relations map to
//! roles — agree Good, partly Warn, disagree Bad, one-sided Muted — and always carry their symbol and
//! word, so no relation is told by colour alone.

use super::Side;
use crate::compare::{Comparison, Relation};
use crate::content::{Article, Claim, Topic};
use crate::text::{self, Line, Role, Run};

/// Columns between the two sides: " │ ".
pub const GUTTER: u16 = 3;

/// The role a relation is drawn in.
pub fn relation_role(relation: Relation) -> Role {
    match relation {
        Relation::Agree => Role::Good,
        Relation::Partly => Role::Warn,
        Relation::Disagree => Role::Bad,
        Relation::OnlyA | Relation::OnlyB => Role::Muted,
    }
}

/// Pieces joined by spaces and word-wrapped: the first line starts with `first`, the others hang under
/// it by `hang` columns.
pub fn wrap(pieces: &[(Role, &str)], width: usize, first: &str, hang: usize) -> Vec<Line> {
    let mut runs = vec![Run::new(Role::Plain, first)];
    for (n, &(role, piece)) in pieces.iter().enumerate() {
        if n > 0 {
            runs.push(Run::new(Role::Plain, " "));
        }
        runs.push(Run::new(role, piece));
    }
    text::wrap_styled(&runs, width.max(1), hang)
}

/// Keeps at most `max` lines, ending the last kept one with "…" when something was cut.
pub fn cap(mut lines: Vec<Line>, max: usize, width: usize) -> Vec<Line> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let cut = text::truncate_line(last, width.saturating_sub(1));
        *last = if cut.width() < last.width() {
            cut
        } else {
            let role = cut.runs.last().map_or(Role::Plain, |r| r.role);
            cut.with(role, "…")
        };
    }
    lines
}

/// One line of the scrolling rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocLine {
    /// Across the whole width: a topic line, or anything when the sides are stacked.
    Full(Line),
    /// Side by side: A's line and B's line.
    Split(Line, Line),
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

/// The first line in view, as a row (topic) and a line within it, so that a resize, which re-wraps
/// every row, keeps the same topic in view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    pub row: usize,
    pub line: usize,
}

/// The comparison's rows, wrapped to a width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<DocLine>,
    pub rows: Vec<RowSpan>,
    /// The first line after the rows: from here on, what the evidence labels mean.
    pub footer: usize,
    /// Width of A's column when side by side (B's takes the rest after the gutter).
    pub left: u16,
    pub stacked: bool,
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

/// The topic line: the relation by symbol and word, then the question.
pub fn topic_line(c: &Comparison, topic: &Topic, relation: Relation, width: usize) -> Vec<Line> {
    let label = relation.label(&c.a.short, &c.b.short);
    let role = relation_role(relation);
    wrap(
        &[
            (role, relation.symbol()),
            (role, &label),
            (Role::Muted, "·"),
            (Role::Title, &topic.question),
        ],
        width,
        "",
        2,
    )
}

/// One side of a row: per claim its stance label, statement, `[evidence · location]` and our note.
fn cell(topic: &Topic, claims: &[&Claim], width: usize) -> Vec<Line> {
    if claims.is_empty() {
        return wrap(&[(Role::Muted, "(says nothing on this)")], width, "", 0);
    }
    let mut lines = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if i > 0 {
            lines.push(Line::new());
        }
        let stance = topic
            .stance(&claim.stance)
            .map_or(claim.stance.as_str(), |s| s.label.as_str());
        lines.extend(wrap(&[(Role::Strong, stance)], width, "• ", 2));
        lines.extend(wrap(&[(Role::Plain, &claim.statement)], width, "  ", 2));
        let source = format!("[{} · {}]", claim.evidence.as_str(), claim.location);
        lines.extend(wrap(&[(Role::Muted, &source)], width, "  ", 3));
        if let Some(note) = &claim.note {
            lines.extend(wrap(
                &[(Role::Muted, "note:"), (Role::Muted, note)],
                width,
                "  ",
                2,
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
            for (side, article, claims) in [(Side::A, c.a, &row.a), (Side::B, c.b, &row.b)] {
                if side == Side::B {
                    lines.push(DocLine::Full(Line::new()));
                    sides.1 = lines.len() - start;
                } else {
                    sides.0 = lines.len() - start;
                }
                let label = format!("{} · {}", side.letter(), article.short);
                lines.extend(
                    wrap(&[(Role::Accent, &label)], full, "", 2)
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
    let used = c.evidence_used();
    if !c.rows.is_empty() {
        lines.push(DocLine::Rule);
        lines.extend(
            wrap(&[(Role::Title, "Evidence labels")], full, "", 0)
                .into_iter()
                .map(DocLine::Full),
        );
        for evidence in used {
            lines.extend(
                wrap(
                    &[
                        (Role::Strong, evidence.as_str()),
                        (Role::Muted, "—"),
                        (Role::Plain, evidence.meaning()),
                    ],
                    full,
                    "• ",
                    2,
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

/// How much of each header to show: title lines, and lines for evidence and self-disclosure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    pub title: usize,
    pub about: usize,
}

/// A header's lines: the article's title, then its evidence label with its plain-words gloss and what
/// the article says of itself.
pub fn header_lines(article: &Article, width: u16, caps: Caps) -> Vec<Line> {
    let width = usize::from(width);
    let mut lines = cap(
        wrap(&[(Role::Strong, &article.title)], width, "", 0),
        caps.title,
        width,
    );
    let gloss = format!("({})", article.evidence.gloss());
    let mut about = vec![
        (Role::Muted, "evidence:"),
        (Role::Strong, article.evidence.as_str()),
        (Role::Muted, gloss.as_str()),
        (Role::Muted, "·"),
    ];
    match &article.self_disclosure {
        Some(d) => about.push((Role::Plain, d)),
        None => about.push((Role::Muted, "says nothing about itself")),
    }
    lines.extend(cap(wrap(&about, width, "", 0), caps.about, width));
    lines
}
