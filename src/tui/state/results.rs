//! The results screen: the ranked chains, the selected chain drawn as boxes and arrows with the claims
//! behind each step, the answers behind its score, and the routine. Also the pure geometry and text the
//! view draws, so mouse hit-testing and scroll limits use exactly what is on screen.

use crate::content::{Chain, Store, Tilt};
use crate::engine::routine::GENERAL_CAUTIONS;
use crate::engine::{ChainScore, Report};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::layout::{self, contains};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Span;

/// Which pane has focus; Tab walks them in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Chains,
    Diagram,
    Reasons,
    Routine,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Chains, Pane::Diagram, Pane::Reasons, Pane::Routine];

    fn next(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + 1) % Pane::ALL.len()]
    }

    fn prev(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            Pane::Chains => "chains",
            Pane::Diagram => "diagram",
            Pane::Reasons => "reasons",
            Pane::Routine => "routine",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsState {
    pub pane: Pane,
    /// Index into the report's ranked chains.
    pub chain: usize,
    /// The selected chain's id, to find it again when the ranking changes.
    chain_id: Option<String>,
    /// The selected step of the selected chain.
    pub step: usize,
    pub detail_scroll: u16,
    pub reasons_scroll: u16,
    pub routine_scroll: u16,
    /// `Some(scroll)` while the claims popup of the selected step is open.
    pub claims: Option<u16>,
    /// Scroll of the red-flag care message.
    pub care_scroll: u16,
}

impl ResultsState {
    pub fn new(_store: &Store, report: &Report) -> Self {
        ResultsState {
            pane: Pane::Chains,
            chain: 0,
            chain_id: report.chains.first().map(|c| c.id.clone()),
            step: 0,
            detail_scroll: 0,
            reasons_scroll: 0,
            routine_scroll: 0,
            claims: None,
            care_scroll: 0,
        }
    }

    /// The answers changed: keep the selection valid for the new ranking. Someone looking at the best fit
    /// keeps looking at the best fit; a chain picked further down stays picked wherever it moves.
    pub fn report_changed(&mut self, store: &Store, report: &Report) {
        let index = if self.chain == 0 {
            0
        } else {
            self.chain_id
                .as_deref()
                .and_then(|id| report.chains.iter().position(|c| c.id == id))
                .unwrap_or(0)
        };
        let id = report.chains.get(index).map(|c| c.id.clone());
        if id != self.chain_id {
            self.step = 0;
            self.detail_scroll = 0;
            self.claims = None;
        }
        self.chain = index;
        self.chain_id = id;
        let steps = self
            .selected_chain(store, report)
            .map_or(0, |c| c.steps.len());
        self.step = self.step.min(steps.saturating_sub(1));
        self.reasons_scroll = 0;
        self.routine_scroll = 0;
        self.care_scroll = 0;
        if report.has_red_flags() {
            self.claims = None;
        }
    }

    /// The selected chain's score.
    pub fn selected<'a>(&self, report: &'a Report) -> Option<&'a ChainScore> {
        report.chains.get(self.chain)
    }

    /// The selected chain's content.
    pub fn selected_chain<'a>(&self, store: &'a Store, report: &Report) -> Option<&'a Chain> {
        self.selected(report).and_then(|c| store.chain(&c.id))
    }

    fn select_chain(&mut self, report: &Report, index: usize) {
        let index = index.min(report.chains.len().saturating_sub(1));
        if index != self.chain {
            self.step = 0;
            self.detail_scroll = 0;
            self.reasons_scroll = 0;
        }
        self.chain = index;
        self.chain_id = report.chains.get(index).map(|c| c.id.clone());
    }

    fn select_step(&mut self, store: &Store, report: &Report, step: usize) {
        let steps = self
            .selected_chain(store, report)
            .map_or(0, |c| c.steps.len());
        let step = step.min(steps.saturating_sub(1));
        if step != self.step {
            self.detail_scroll = 0;
        }
        self.step = step;
    }
}

// ---------------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------------

/// The verdict in a line or two above the stories, so it is never behind a Tab: "We can't tell yet: …".
pub fn verdict_line(store: &Store, report: &Report) -> String {
    let mut line = crate::engine::verdict::verdict(store, report).summary;
    if report.routine.is_none() && !report.next_questions.is_empty() {
        line.push_str(" Press 1 for the most telling question.");
    }
    line
}

/// Where each part of the results screen is drawn; `None` for parts not shown at this size or state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// With a red flag the care message takes the whole body, and nothing else is shown.
    pub care: Option<Rect>,
    pub notice: Option<Rect>,
    pub chains: Option<Rect>,
    pub diagram: Option<Rect>,
    pub reasons: Option<Rect>,
    pub routine: Option<Rect>,
    /// The claims popup, over everything.
    pub claims: Option<Rect>,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Chains => self.chains,
            Pane::Diagram => self.diagram,
            Pane::Reasons => self.reasons,
            Pane::Routine => self.routine,
        }
    }

    /// Every pane shown at once (wide terminals); otherwise the lower area follows the focus.
    pub fn all_shown(&self) -> bool {
        Pane::ALL.iter().all(|&p| self.pane(p).is_some())
    }
}

/// Wide and tall enough to show all four panes at once.
fn roomy(area: Rect) -> bool {
    area.width >= 120 && area.height >= 30
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

pub fn areas(body: Rect, store: &Store, report: &Report, state: &ResultsState) -> Areas {
    let mut areas = Areas::default();
    if report.has_red_flags() || !report.safety_checked {
        areas.care = Some(body);
        return areas;
    }
    let mut rest = body;
    if body.height >= 12 {
        let height = layout::wrapped_height(&verdict_line(store, report), body.width).clamp(1, 2);
        let [notice, r] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(body);
        areas.notice = Some(notice);
        rest = r;
    }
    let chains_height = to_u16(report.chains.len().max(1)).saturating_add(2).min(9);
    if roomy(rest) {
        let side = (rest.width.saturating_mul(3) / 8).clamp(40, 64);
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(rest);
        let [chains, lower] =
            Layout::vertical([Constraint::Length(chains_height), Constraint::Fill(1)]).areas(left);
        let [diagram, reasons] =
            Layout::vertical([Constraint::Percentage(56), Constraint::Fill(1)]).areas(lower);
        areas.chains = Some(chains);
        areas.diagram = Some(diagram);
        areas.reasons = Some(reasons);
        areas.routine = Some(right);
    } else {
        let height = chains_height.min(rest.height / 2).max(3.min(rest.height));
        let [chains, lower] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(rest);
        areas.chains = Some(chains);
        if lower.width >= 120 {
            let [diagram, side] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(lower);
            areas.diagram = Some(diagram);
            if state.pane == Pane::Reasons {
                areas.reasons = Some(side);
            } else {
                areas.routine = Some(side);
            }
        } else {
            match state.pane {
                Pane::Chains | Pane::Diagram => areas.diagram = Some(lower),
                Pane::Reasons => areas.reasons = Some(lower),
                Pane::Routine => areas.routine = Some(lower),
            }
        }
    }
    if state.claims.is_some() {
        // As tall as its text, within the body.
        let width = body.width.saturating_sub(4).min(100);
        let lines = claims_text(store, report, state, width.saturating_sub(2)).len();
        let height = to_u16(lines)
            .saturating_add(2)
            .min(body.height.saturating_sub(2));
        areas.claims = Some(layout::centered(body, width, height));
    }
    areas
}

/// The text area inside a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    pane.inner(Margin::new(1, 1))
}

/// First row of a list of `height` rows that keeps `selected` visible.
pub fn list_offset(selected: usize, height: u16) -> usize {
    let height = usize::from(height.max(1));
    (selected + 1).saturating_sub(height)
}

/// Steps longer than this are cut (the content format promises at most 28 characters).
pub const LABEL_MAX: usize = 28;

/// Display width of a text in terminal columns.
pub fn text_width(text: &str) -> usize {
    Span::raw(text).width()
}

fn label_width(label: &str) -> u16 {
    to_u16(text_width(label).min(LABEL_MAX))
}

/// How a chain's steps are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainShape {
    /// Boxes in one row joined by →.
    Row,
    /// Rows of boxes, each row continuing from the last box of the one above.
    Wrapped,
    /// One box under another, joined by ↓.
    Column,
    /// One-line `[ step ]` boxes, when there is no height for full boxes.
    Compact,
}

/// Where each step's box goes on the diagram's canvas (0,0 is the canvas's top-left corner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainLayout {
    pub shape: ChainShape,
    pub boxes: Vec<Rect>,
    pub width: u16,
    pub height: u16,
}

/// Columns between two boxes in a row: " → ".
const ARROW: u16 = 3;
/// Rows of a full box.
const BOX_HEIGHT: u16 = 3;

impl ChainLayout {
    /// The roomiest arrangement of `labels` in `width` columns that fits in `max_height` rows; the one-line
    /// form when none does.
    pub fn fit(labels: &[&str], width: u16, max_height: u16) -> ChainLayout {
        if labels.is_empty() || width == 0 {
            return ChainLayout {
                shape: ChainShape::Compact,
                boxes: Vec::new(),
                width,
                height: 0,
            };
        }
        let boxes = Self::boxes(labels, width);
        if boxes.height <= max_height {
            return boxes;
        }
        let compact = Self::compact(labels, width);
        if compact.height < boxes.height {
            compact
        } else {
            boxes
        }
    }

    fn boxes(labels: &[&str], width: u16) -> ChainLayout {
        let widths: Vec<u16> = labels
            .iter()
            .map(|l| (label_width(l) + 4).min(width))
            .collect();
        let total = widths
            .iter()
            .fold(0u16, |sum, w| sum.saturating_add(*w).saturating_add(ARROW))
            .saturating_sub(ARROW);
        if total <= width {
            let mut x = 0u16;
            let boxes = widths
                .iter()
                .map(|&w| {
                    let b = Rect::new(x, 0, w, BOX_HEIGHT);
                    x = x.saturating_add(w + ARROW);
                    b
                })
                .collect();
            return ChainLayout {
                shape: ChainShape::Row,
                boxes,
                width,
                height: BOX_HEIGHT,
            };
        }
        // Greedy rows; a row break takes two rows of connector.
        let mut rows: Vec<Vec<u16>> = vec![Vec::new()];
        let mut used = 0u16;
        for &w in &widths {
            let row = rows.last_mut().filter(|r| !r.is_empty());
            match row {
                Some(row) if used.saturating_add(ARROW).saturating_add(w) <= width => {
                    used = used.saturating_add(ARROW + w);
                    row.push(w);
                }
                Some(_) => {
                    rows.push(vec![w]);
                    used = w;
                }
                None => {
                    if let Some(first) = rows.last_mut() {
                        first.push(w);
                    }
                    used = w;
                }
            }
        }
        if rows.iter().all(|r| r.len() == 1) {
            let w = widths.iter().copied().max().unwrap_or(0);
            let x = (width - w) / 2;
            let boxes: Vec<Rect> = (0..widths.len())
                .map(|i| Rect::new(x, to_u16(i).saturating_mul(BOX_HEIGHT + 1), w, BOX_HEIGHT))
                .collect();
            let height = to_u16(widths.len())
                .saturating_mul(BOX_HEIGHT + 1)
                .saturating_sub(1);
            return ChainLayout {
                shape: ChainShape::Column,
                boxes,
                width,
                height,
            };
        }
        let mut boxes = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let y = to_u16(r).saturating_mul(BOX_HEIGHT + 2);
            let mut x = 0u16;
            for &w in row {
                boxes.push(Rect::new(x, y, w, BOX_HEIGHT));
                x = x.saturating_add(w + ARROW);
            }
        }
        let height = to_u16(rows.len())
            .saturating_mul(BOX_HEIGHT + 2)
            .saturating_sub(2);
        ChainLayout {
            shape: ChainShape::Wrapped,
            boxes,
            width,
            height,
        }
    }

    fn compact(labels: &[&str], width: u16) -> ChainLayout {
        let (mut x, mut y) = (0u16, 0u16);
        let boxes = labels
            .iter()
            .map(|l| {
                let w = (label_width(l) + 4).min(width);
                if x > 0 && x.saturating_add(w) > width {
                    x = 0;
                    y = y.saturating_add(1);
                }
                let b = Rect::new(x, y, w, 1);
                x = x.saturating_add(w + ARROW);
                b
            })
            .collect();
        ChainLayout {
            shape: ChainShape::Compact,
            boxes,
            width,
            height: y.saturating_add(1),
        }
    }

    /// The step whose box covers a canvas cell.
    pub fn step_at(&self, x: u16, y: u16) -> Option<usize> {
        self.boxes.iter().position(|b| contains(*b, x, y))
    }

    /// The canvas row to start drawing at so that `step`'s box is visible in `visible` rows.
    pub fn scroll_for(&self, step: usize, visible: u16) -> u16 {
        let Some(b) = self.boxes.get(step) else {
            return 0;
        };
        b.bottom().saturating_sub(visible).min(b.y)
    }
}

/// The drawings that go with a chain: its pelvic tilt, and breathing for the stiff-ribs story.
pub fn drawing_names(chain: &Chain) -> Vec<String> {
    let tilt = match chain.tilt {
        Tilt::None => "neutral",
        tilt => tilt.as_str(),
    };
    let mut names = vec![format!("pelvis-{tilt}")];
    if chain.id == "rib-stiffness" {
        names.push("breathing-belly".into());
        names.push("breathing-ribs".into());
    }
    names
}

/// Columns and rows a drawing takes.
pub fn drawing_size(text: &str) -> (u16, u16) {
    let width = text.lines().map(text_width).max().unwrap_or(0);
    (to_u16(width), to_u16(text.lines().count()))
}

/// The parts of the diagram pane: the boxes (scrolled to keep the selected step in view), the selected
/// step's detail, and drawings beside it when they fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramAreas {
    pub canvas: Rect,
    pub layout: ChainLayout,
    /// First canvas row shown.
    pub scroll: u16,
    pub detail: Rect,
    pub drawings: Vec<(String, Rect)>,
}

/// Rows kept for the step's detail under the boxes.
const DETAIL_ROWS: u16 = 4;
/// The detail text keeps at least this many columns when drawings sit beside it.
const DETAIL_COLUMNS: u16 = 36;

pub fn diagram_areas(pane: Rect, chain: Option<&Chain>, step: usize) -> DiagramAreas {
    let inner = inner(pane);
    let labels: Vec<&str> = chain.map_or_else(Vec::new, |c| {
        c.steps.iter().map(|s| s.label.as_str()).collect()
    });
    let budget = inner.height.saturating_sub(DETAIL_ROWS + 1);
    let layout = ChainLayout::fit(&labels, inner.width, budget);
    let canvas_height = layout.height.min(budget.max(inner.height / 2));
    let [canvas, _, rest] = Layout::vertical([
        Constraint::Length(canvas_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let mut sized: Vec<(String, u16, u16)> = chain.map_or_else(Vec::new, |c| {
        drawing_names(c)
            .into_iter()
            .filter_map(|name| {
                let (w, h) = drawing_size(crate::assets::diagram(&name)?);
                Some((name, w, h))
            })
            .collect()
    });
    let mut detail = rest;
    let mut drawings = Vec::new();
    while !sized.is_empty() {
        let width: u16 = sized.iter().fold(0u16, |sum, (_, w, _)| {
            sum.saturating_add(w.saturating_add(2))
        });
        let height = sized.iter().map(|(_, _, h)| *h).max().unwrap_or(0);
        if rest.width >= DETAIL_COLUMNS.saturating_add(width) && rest.height >= height {
            detail.width = rest.width - width;
            let mut x = detail.right();
            for (name, w, h) in sized {
                drawings.push((name, Rect::new(x + 2, rest.y, w, h)));
                x = x.saturating_add(w + 2);
            }
            break;
        }
        sized.pop();
    }
    let scroll = layout.scroll_for(step, canvas.height);
    DiagramAreas {
        canvas,
        layout,
        scroll,
        detail,
        drawings,
    }
}

// ---------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------

/// What a piece of text is, so the view can style it (and never by colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Strong,
    Title,
    Muted,
    Accent,
    Good,
    Bad,
    Warn,
    Danger,
    Selected,
}

/// One screen line: pieces of text with their tones.
pub type TextLine = Vec<(Tone, String)>;

fn push_piece(line: &mut TextLine, tone: Tone, text: &str) {
    match line.last_mut() {
        Some((t, s)) if *t == tone => s.push_str(text),
        _ => line.push((tone, text.to_owned())),
    }
}

enum Token {
    Word(Vec<(Tone, String)>),
    Space(Tone, usize),
    Break,
}

/// Word-wraps toned text to `width` columns. Continuation lines start with `indent` spaces; spaces at the
/// start of the text (and after a newline) are kept, so prefixes line up.
pub fn wrap(segments: &[(Tone, &str)], width: u16, indent: u16) -> Vec<TextLine> {
    let width = usize::from(width.max(1));
    let indent = if usize::from(indent) + 8 > width {
        0
    } else {
        usize::from(indent)
    };
    let mut tokens = Vec::new();
    let mut word: Vec<(Tone, String)> = Vec::new();
    for &(tone, text) in segments {
        for c in text.chars() {
            if c == '\n' || c.is_whitespace() {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                if c == '\n' {
                    tokens.push(Token::Break);
                } else if let Some(Token::Space(_, n)) = tokens.last_mut() {
                    *n += 1;
                } else {
                    tokens.push(Token::Space(tone, 1));
                }
            } else {
                let mut buf = [0u8; 4];
                push_piece(&mut word, tone, c.encode_utf8(&mut buf));
            }
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }

    let mut lines: Vec<TextLine> = Vec::new();
    let mut line: TextLine = Vec::new();
    let mut used = 0usize;
    let mut fresh = true;
    let mut keep_leading = true;
    let mut pending: Option<(Tone, usize)> = None;
    let new_line = |lines: &mut Vec<TextLine>, line: &mut TextLine, used: &mut usize| {
        lines.push(std::mem::take(line));
        if indent > 0 {
            line.push((Tone::Plain, " ".repeat(indent)));
        }
        *used = indent;
    };
    for token in tokens {
        match token {
            Token::Space(tone, n) => {
                pending = Some(pending.map_or((tone, n), |(t, m)| (t, m + n)));
            }
            Token::Break => {
                new_line(&mut lines, &mut line, &mut used);
                fresh = true;
                keep_leading = true;
                pending = None;
            }
            Token::Word(pieces) => {
                let w: usize = pieces.iter().map(|(_, s)| text_width(s)).sum();
                let gap = pending.map_or(0, |(_, n)| n);
                if !fresh && used + gap + w > width {
                    new_line(&mut lines, &mut line, &mut used);
                    fresh = true;
                    keep_leading = false;
                    pending = None;
                }
                if let Some((tone, n)) = pending.take()
                    && (!fresh || keep_leading)
                {
                    push_piece(&mut line, tone, &" ".repeat(n));
                    used += n;
                }
                for (tone, piece) in pieces {
                    for c in piece.chars() {
                        let mut buf = [0u8; 4];
                        let s = c.encode_utf8(&mut buf);
                        let cw = text_width(s);
                        if used + cw > width && used > indent {
                            new_line(&mut lines, &mut line, &mut used);
                        }
                        push_piece(&mut line, tone, s);
                        used += cw;
                    }
                }
                fresh = false;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where the verdict stands when there is no routine: why not, and the questions that would settle it.
pub fn verdict_text(store: &Store, report: &Report, width: u16) -> Vec<TextLine> {
    let verdict = crate::engine::verdict::verdict(store, report);
    let mut out = wrap(&[(Tone::Title, &verdict.headline)], width, 0);
    for paragraph in &verdict.body {
        out.extend(wrap(&[(Tone::Plain, paragraph)], width, 0));
    }
    if !verdict.ask.is_empty() {
        out.push(Vec::new());
        out.extend(wrap(
            &[(Tone::Strong, "Questions that would settle it")],
            width,
            0,
        ));
        for line in &verdict.ask {
            out.extend(wrap(&[(Tone::Accent, "? "), (Tone::Plain, line)], width, 2));
        }
        out.extend(wrap(
            &[
                (Tone::Plain, "Press "),
                (Tone::Accent, "1"),
                (
                    Tone::Plain,
                    " to answer them: the questionnaire asks the most telling one next.",
                ),
            ],
            width,
            0,
        ));
    }
    out.push(Vec::new());
    out.extend(wrap(
        &[(
            Tone::Muted,
            "No routine yet: backchain gives one only when one story clearly fits.",
        )],
        width,
        0,
    ));
    out
}

fn percent(share: f64) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The red-flag care message: what to do, each flag, and that no routine is given. Before the safety
/// question is answered: that it must be, and the one key that goes to it.
pub fn care_text(report: &Report, width: u16) -> Vec<TextLine> {
    let mut out = Vec::new();
    if !report.safety_checked {
        out.extend(wrap(
            &[(Tone::Warn, " ⚠ THE SAFETY QUESTION IS NOT ANSWERED YET ")],
            width,
            0,
        ));
        out.push(Vec::new());
        out.extend(wrap(
            &[(Tone::Plain, crate::engine::red_flags::SAFETY_UNANSWERED)],
            width,
            0,
        ));
        out.push(Vec::new());
        out.extend(wrap(
            &[(
                Tone::Plain,
                "It asks about signs that need a clinician rather than exercises: numbness between the legs, bladder or bowel changes, weakness, fever and others. It takes a minute.",
            )],
            width,
            0,
        ));
        out.push(Vec::new());
        out.extend(wrap(
            &[
                (Tone::Plain, "Press "),
                (Tone::Accent, "Enter"),
                (Tone::Plain, " to answer it now."),
            ],
            width,
            0,
        ));
        return out;
    }
    out.extend(wrap(
        &[(Tone::Danger, " ⚠ STOP — PLEASE SEE A CLINICIAN ")],
        width,
        0,
    ));
    out.push(Vec::new());
    if let Some(care) = &report.care {
        out.extend(wrap(&[(Tone::Warn, care)], width, 0));
        out.push(Vec::new());
    }
    for flag in &report.red_flags {
        let urgency = format!("[{}] ", flag.urgency.as_str());
        out.extend(wrap(
            &[(Tone::Warn, &urgency), (Tone::Strong, &flag.label)],
            width,
            2,
        ));
        if !flag.message.is_empty() {
            out.extend(wrap(
                &[(Tone::Plain, "  "), (Tone::Plain, &flag.message)],
                width,
                2,
            ));
        }
        out.push(Vec::new());
    }
    out.extend(wrap(
        &[(
            Tone::Strong,
            "No routine is shown while a red flag is present.",
        )],
        width,
        0,
    ));
    out.extend(wrap(
        &[(
            Tone::Plain,
            "These signs need someone who can examine you; chains and exercises cannot rule them out.",
        )],
        width,
        0,
    ));
    out.push(Vec::new());
    out.extend(wrap(
        &[
            (Tone::Plain, "Press "),
            (Tone::Accent, "1"),
            (
                Tone::Plain,
                " to review your answers (if you picked a sign by mistake, untick it there).",
            ),
        ],
        width,
        0,
    ));
    out
}

/// Why the selected chain is as likely as it is: each answer and the factor by which it moved this story
/// against the others, with the note behind the numbers.
pub fn reasons_text(
    store: &Store,
    report: &Report,
    state: &ResultsState,
    width: u16,
) -> Vec<TextLine> {
    let Some(chain) = state.selected(report) else {
        return wrap(&[(Tone::Muted, "No chain to explain.")], width, 0);
    };
    let mut out = wrap(&[(Tone::Title, &chain.title)], width, 0);
    let line = format!(
        "{} % likely · it started at {} % before any answer · every story and “none of these” add up to 100 %",
        percent(chain.probability),
        percent(chain.prior)
    );
    out.extend(wrap(&[(Tone::Plain, &line)], width, 0));
    if !chain.close_to.is_empty() {
        let names: Vec<String> = chain
            .close_to
            .iter()
            .map(|id| match report.chain(id) {
                Some(c) => format!("{} ({} %)", c.short, percent(c.probability)),
                None => format!("none of these ({} %)", percent(report.none_probability)),
            })
            .collect();
        out.extend(wrap(
            &[
                (Tone::Warn, "≈ near-tie with "),
                (Tone::Strong, &names.join(", ")),
            ],
            width,
            2,
        ));
    }
    out.push(Vec::new());
    if chain.reasons.is_empty() {
        let text = if report.answered == 0 {
            "No answers yet, so nothing has moved this story from where it started. Press 1 to answer the questionnaire."
        } else {
            "None of your answers tells this story apart yet."
        };
        out.extend(wrap(&[(Tone::Muted, text)], width, 0));
    }
    for reason in &chain.reasons {
        let (mark, tone) = match reason.direction() {
            "up" => ("▲ ", Tone::Good),
            "down" => ("▼ ", Tone::Bad),
            _ => ("· ", Tone::Muted),
        };
        out.extend(wrap(
            &[
                (tone, mark),
                (Tone::Plain, &reason.prompt),
                (Tone::Accent, " → "),
                (Tone::Strong, &reason.answer_label),
            ],
            width,
            2,
        ));
        let words = crate::engine::verdict::reason_in_words(store, reason);
        out.extend(wrap(&[(Tone::Plain, "  "), (tone, &words)], width, 2));
        if let Some(note) = &reason.note {
            let basis = reason
                .basis
                .map_or(String::new(), |b| format!(" ({})", b.describe()));
            out.extend(wrap(
                &[
                    (Tone::Plain, "  "),
                    (Tone::Muted, note),
                    (Tone::Muted, &basis),
                ],
                width,
                2,
            ));
        }
    }
    if let Some(c) = report.counterpoint.as_ref().filter(|c| c.chain == chain.id) {
        out.push(Vec::new());
        out.extend(wrap(
            &[(Tone::Title, "The strongest word against it")],
            width,
            0,
        ));
        let source = format!(
            "{} ({}: {}): ",
            c.article_name, c.evidence, c.evidence_gloss
        );
        out.extend(wrap(
            &[
                (Tone::Warn, "≠ "),
                (Tone::Strong, &source),
                (Tone::Plain, &c.statement),
            ],
            width,
            2,
        ));
    }
    out
}

fn short_name(report: &Report, id: &str) -> String {
    report
        .chains
        .iter()
        .find(|c| c.id == id)
        .map_or(id.to_owned(), |c| c.short.clone())
}

/// Where a routine item's name starts: after "NN. " and the phase column.
const DOSE_INDENT: u16 = 15;

/// The routine: exercises in order with their doses, then disagreements, what to avoid and cautions.
pub fn routine_text(store: &Store, report: &Report, width: u16) -> Vec<TextLine> {
    let Some(routine) = &report.routine else {
        return verdict_text(store, report, width);
    };
    let verdict = crate::engine::verdict::verdict(store, report);
    let mut out = wrap(&[(Tone::Title, &verdict.headline)], width, 0);
    for paragraph in &verdict.body {
        out.extend(wrap(&[(Tone::Plain, paragraph)], width, 0));
    }
    out.push(Vec::new());
    let names: Vec<String> = routine
        .chains
        .iter()
        .map(|c| short_name(report, c))
        .collect();
    out.extend(wrap(
        &[(Tone::Muted, "For "), (Tone::Strong, &names.join(" + "))],
        width,
        4,
    ));
    let summary = format!(
        "About {} min · {} exercises, in this order",
        routine.total_seconds.div_ceil(60),
        routine.items.len()
    );
    out.extend(wrap(&[(Tone::Plain, &summary)], width, 0));
    out.extend(wrap(
        &[
            (Tone::Accent, "e"),
            (Tone::Muted, " exports it to a Markdown file"),
        ],
        width,
        0,
    ));
    out.push(Vec::new());
    let top = routine.chains.first();
    for (i, item) in routine.items.iter().enumerate() {
        let number = format!("{:>2}. ", i + 1);
        let phase = format!("{:<10} ", item.phase.as_str());
        let only_second = routine.chains.len() > 1
            && !item.serves.iter().any(|s| Some(s) == top)
            && !item.serves.is_empty();
        let serves = if only_second {
            format!(" (for {})", names.get(1).map_or("", |s| s.as_str()))
        } else {
            String::new()
        };
        let one_line = [&number, &phase, &item.name, " · ", &item.dose, &serves]
            .iter()
            .map(|s| text_width(s))
            .sum::<usize>();
        if one_line <= usize::from(width) {
            out.extend(wrap(
                &[
                    (Tone::Muted, &number),
                    (Tone::Accent, &phase),
                    (Tone::Strong, &item.name),
                    (Tone::Muted, " · "),
                    (Tone::Plain, &item.dose),
                    (Tone::Muted, &serves),
                ],
                width,
                DOSE_INDENT,
            ));
        } else {
            // The dose goes on its own line, under the name.
            out.extend(wrap(
                &[
                    (Tone::Muted, &number),
                    (Tone::Accent, &phase),
                    (Tone::Strong, &item.name),
                    (Tone::Muted, &serves),
                ],
                width,
                DOSE_INDENT,
            ));
            let indent = " ".repeat(usize::from(DOSE_INDENT));
            out.extend(wrap(
                &[(Tone::Plain, &indent), (Tone::Plain, &item.dose)],
                width,
                DOSE_INDENT,
            ));
        }
        let indent = " ".repeat(usize::from(DOSE_INDENT));
        out.extend(wrap(
            &[
                (Tone::Plain, &indent),
                (Tone::Muted, &item.provenance.summary),
            ],
            width,
            DOSE_INDENT,
        ));
    }
    if !routine.conflicts.is_empty() {
        out.push(Vec::new());
        out.extend(wrap(
            &[(Tone::Title, "Where the sources disagree")],
            width,
            0,
        ));
        for conflict in &routine.conflicts {
            let sides: Vec<String> = conflict
                .sides
                .iter()
                .map(|s| format!("{}: {}", s.article_short, s.stances.join(", ")))
                .collect();
            out.extend(wrap(
                &[
                    (Tone::Warn, "≠ "),
                    (Tone::Plain, &conflict.question),
                    (Tone::Muted, " — "),
                    (Tone::Plain, &sides.join("; ")),
                ],
                width,
                2,
            ));
        }
    }
    if !routine.avoid.is_empty() {
        out.push(Vec::new());
        out.extend(wrap(&[(Tone::Title, "Avoid")], width, 0));
        for avoid in &routine.avoid {
            out.extend(wrap(&[(Tone::Bad, "✗ "), (Tone::Plain, avoid)], width, 2));
        }
    }
    out.push(Vec::new());
    out.extend(wrap(&[(Tone::Title, "Cautions")], width, 0));
    for caution in GENERAL_CAUTIONS {
        out.extend(wrap(
            &[(Tone::Warn, "! "), (Tone::Plain, caution)],
            width,
            2,
        ));
    }
    if routine.items.iter().any(|i| !i.cautions.is_empty()) {
        out.push(Vec::new());
        out.extend(wrap(&[(Tone::Title, "Per exercise")], width, 0));
        for item in routine.items.iter().filter(|i| !i.cautions.is_empty()) {
            out.extend(wrap(&[(Tone::Strong, &item.name)], width, 2));
            for caution in &item.cautions {
                out.extend(wrap(
                    &[(Tone::Muted, "  - "), (Tone::Plain, caution)],
                    width,
                    4,
                ));
            }
        }
    }
    out
}

fn step_heading(chain: &Chain, step: usize) -> String {
    let label = chain.steps.get(step).map_or("", |s| s.label.as_str());
    format!("Step {} of {} · {label}", step + 1, chain.steps.len())
}

/// What the detail and claims panes say when the selected chain is not in the store.
fn missing_chain(width: u16) -> Vec<TextLine> {
    wrap(
        &[(Tone::Muted, "This chain is not in the content store.")],
        width,
        0,
    )
}

/// The selected step's detail under the diagram, then who the story describes and its way out.
pub fn detail_text(
    store: &Store,
    report: &Report,
    state: &ResultsState,
    width: u16,
) -> Vec<TextLine> {
    let Some(chain) = state.selected_chain(store, report) else {
        return missing_chain(width);
    };
    let mut out = Vec::new();
    if let Some(step) = chain.steps.get(state.step) {
        out.extend(wrap(
            &[(Tone::Title, &step_heading(chain, state.step))],
            width,
            0,
        ));
        out.extend(wrap(&[(Tone::Plain, &step.detail)], width, 0));
        if let Some(marker) = step.source.marker() {
            let note = step.source_note.as_deref().unwrap_or_default();
            out.extend(wrap(
                &[
                    (Tone::Warn, "◇ "),
                    (Tone::Warn, marker),
                    (Tone::Muted, ". "),
                    (Tone::Muted, note),
                ],
                width,
                2,
            ));
        }
        let claims = step.claims.len();
        let hint = format!(
            " opens the {claims} claim{} behind this step",
            if claims == 1 { "" } else { "s" }
        );
        out.extend(wrap(
            &[(Tone::Accent, "Enter"), (Tone::Muted, &hint)],
            width,
            0,
        ));
        out.push(Vec::new());
    }
    out.extend(wrap(&[(Tone::Title, "Who this story describes")], width, 0));
    out.extend(wrap(&[(Tone::Plain, &chain.who)], width, 0));
    out.push(Vec::new());
    out.extend(wrap(&[(Tone::Title, "The way out it suggests")], width, 0));
    out.extend(wrap(
        &[
            (Tone::Muted, "First: "),
            (Tone::Plain, &chain.way_out.first),
        ],
        width,
        2,
    ));
    out.extend(wrap(
        &[(Tone::Muted, "Then: "), (Tone::Plain, &chain.way_out.next)],
        width,
        2,
    ));
    out
}

/// The claims behind the selected step, each with its article, evidence, location and note.
pub fn claims_text(
    store: &Store,
    report: &Report,
    state: &ResultsState,
    width: u16,
) -> Vec<TextLine> {
    let Some(chain) = state.selected_chain(store, report) else {
        return missing_chain(width);
    };
    let Some(step) = chain.steps.get(state.step) else {
        return wrap(&[(Tone::Muted, "This chain has no steps.")], width, 0);
    };
    let mut out = wrap(&[(Tone::Title, &step_heading(chain, state.step))], width, 0);
    out.extend(wrap(
        &[(Tone::Muted, "in "), (Tone::Muted, &chain.title)],
        width,
        0,
    ));
    out.extend(wrap(&[(Tone::Plain, &step.detail)], width, 0));
    out.push(Vec::new());
    let heading = format!(
        "{} claim{} behind this step",
        step.claims.len(),
        if step.claims.len() == 1 { "" } else { "s" }
    );
    out.extend(wrap(&[(Tone::Title, &heading)], width, 0));
    for id in &step.claims {
        out.push(Vec::new());
        let Some(claim) = store.claim(id) else {
            let missing = format!("claim {id} is not in the content store");
            out.extend(wrap(
                &[(Tone::Warn, "? "), (Tone::Plain, &missing)],
                width,
                2,
            ));
            continue;
        };
        out.extend(wrap(
            &[(Tone::Accent, "• "), (Tone::Strong, &claim.statement)],
            width,
            2,
        ));
        let article = store.article(&claim.article).map_or_else(
            || claim.article.to_string(),
            |a| format!("{} {} — {}", a.number, a.short, a.title),
        );
        let rows: [(&str, Tone, &str); 3] = [
            ("  Article  ", Tone::Plain, &article),
            ("  Evidence ", Tone::Accent, claim.evidence.as_str()),
            ("  Where    ", Tone::Plain, &claim.location),
        ];
        for (label, tone, value) in rows {
            out.extend(wrap(&[(Tone::Muted, label), (tone, value)], width, 11));
        }
        if let Some(note) = &claim.note {
            out.extend(wrap(
                &[(Tone::Muted, "  Note     "), (Tone::Plain, note)],
                width,
                11,
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------------------------------

/// The last useful scroll offset of `lines` lines in `rows` visible rows.
fn max_scroll(lines: usize, rows: u16) -> u16 {
    to_u16(lines.saturating_sub(usize::from(rows)))
}

/// A scroll offset moved by a key; `None` for keys that do not scroll.
fn scrolled(offset: u16, action: Action, max: u16, rows: u16) -> Option<u16> {
    let page = rows.saturating_sub(1).max(1);
    let moved = match action {
        Action::Up => offset.saturating_sub(1),
        Action::Down => offset.saturating_add(1),
        Action::PageUp => offset.saturating_sub(page),
        Action::PageDown => offset.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => return None,
    };
    Some(moved.min(max))
}

/// Lines and visible rows of a scrolling text pane as drawn now.
fn text_extent(app: &App, areas: &Areas, pane: Pane) -> (usize, u16) {
    let Some(rect) = areas.pane(pane) else {
        return (0, 1);
    };
    let inner = inner(rect);
    let lines = match pane {
        Pane::Reasons => reasons_text(&app.store, &app.report, &app.results, inner.width).len(),
        Pane::Routine => routine_text(&app.store, &app.report, inner.width).len(),
        Pane::Diagram => {
            let chain = app.results.selected_chain(&app.store, &app.report);
            let detail = diagram_areas(rect, chain, app.results.step).detail;
            let lines = detail_text(&app.store, &app.report, &app.results, detail.width).len();
            return (lines, detail.height);
        }
        Pane::Chains => app.report.chains.len(),
    };
    (lines, inner.height)
}

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Export => {
            app.effects.push(Effect::ExportRoutine);
            return;
        }
        Action::Click { column, row }
        | Action::ScrollUp { column, row }
        | Action::ScrollDown { column, row } => {
            mouse(app, action, column, row);
            return;
        }
        _ => {}
    }
    let body = layout::frame(app.size).body;
    let areas = areas(body, &app.store, &app.report, &app.results);
    if let Some(care) = areas.care {
        if !app.report.safety_checked && action == Action::Select {
            answer_safety(app);
            return;
        }
        let inner = inner(care);
        let lines = care_text(&app.report, inner.width).len();
        let max = max_scroll(lines, inner.height);
        if let Some(s) = scrolled(app.results.care_scroll, action, max, inner.height) {
            app.results.care_scroll = s;
        }
        return;
    }
    if app.results.claims.is_some() {
        claims_key(app, &areas, action);
        return;
    }
    match action {
        Action::NextPane => app.results.pane = app.results.pane.next(),
        Action::PrevPane => app.results.pane = app.results.pane.prev(),
        Action::Select => open_claims(app),
        Action::Back => app.results.pane = Pane::Chains,
        _ => move_in(app, &areas, app.results.pane, action),
    }
}

/// Opens the questionnaire at the unanswered safety question.
fn answer_safety(app: &mut App) {
    let q = &app.store.questionnaire;
    if let Some(id) = crate::engine::red_flags::unanswered_safety_question(q, &app.answers) {
        let id = id.to_owned();
        app.handle(vec![crate::tui::screens::Msg::OpenQuestion(id)]);
    }
}

fn open_claims(app: &mut App) {
    let has_step = app
        .results
        .selected_chain(&app.store, &app.report)
        .is_some_and(|c| c.steps.get(app.results.step).is_some());
    if has_step {
        app.results.claims = Some(0);
    }
}

fn claims_key(app: &mut App, areas: &Areas, action: Action) {
    let Some(offset) = app.results.claims else {
        return;
    };
    match action {
        Action::Back | Action::Select => app.results.claims = None,
        _ => {
            let Some(popup) = areas.claims else {
                return;
            };
            let inner = inner(popup);
            let lines = claims_text(&app.store, &app.report, &app.results, inner.width).len();
            let max = max_scroll(lines, inner.height);
            if let Some(s) = scrolled(offset, action, max, inner.height) {
                app.results.claims = Some(s);
            }
        }
    }
}

/// A movement key inside one pane: choose a chain or a step, or scroll text.
fn move_in(app: &mut App, areas: &Areas, pane: Pane, action: Action) {
    let state = &mut app.results;
    match pane {
        Pane::Chains => {
            let last = app.report.chains.len().saturating_sub(1);
            let page = areas
                .chains
                .map_or(1, |r| usize::from(inner(r).height.max(1)));
            let index = match action {
                Action::Up => state.chain.saturating_sub(1),
                Action::Down => state.chain.saturating_add(1),
                Action::PageUp => state.chain.saturating_sub(page),
                Action::PageDown => state.chain.saturating_add(page),
                Action::Top => 0,
                Action::Bottom => last,
                _ => return,
            };
            state.select_chain(&app.report, index);
        }
        Pane::Diagram => {
            let last = state
                .selected_chain(&app.store, &app.report)
                .map_or(0, |c| c.steps.len().saturating_sub(1));
            let step = match action {
                Action::Up | Action::Left => state.step.saturating_sub(1),
                Action::Down | Action::Right => state.step.saturating_add(1),
                Action::Top => 0,
                Action::Bottom => last,
                Action::PageUp | Action::PageDown => {
                    let (lines, rows) = text_extent(app, areas, Pane::Diagram);
                    let max = max_scroll(lines, rows);
                    let state = &mut app.results;
                    if let Some(s) = scrolled(state.detail_scroll, action, max, rows) {
                        state.detail_scroll = s;
                    }
                    return;
                }
                _ => return,
            };
            state.select_step(&app.store, &app.report, step);
        }
        Pane::Reasons | Pane::Routine => {
            let (lines, rows) = text_extent(app, areas, pane);
            let max = max_scroll(lines, rows);
            let state = &mut app.results;
            let offset = if pane == Pane::Reasons {
                &mut state.reasons_scroll
            } else {
                &mut state.routine_scroll
            };
            if let Some(s) = scrolled(*offset, action, max, rows) {
                *offset = s;
            }
        }
    }
}

/// Wheel steps for text panes.
const WHEEL_LINES: usize = 3;

fn mouse(app: &mut App, action: Action, column: u16, row: u16) {
    let body = layout::frame(app.size).body;
    let areas = areas(body, &app.store, &app.report, &app.results);
    let wheel = match action {
        Action::ScrollUp { .. } => Some(Action::Up),
        Action::ScrollDown { .. } => Some(Action::Down),
        _ => None,
    };
    if let Some(care) = areas.care {
        if let Some(key) = wheel
            && contains(care, column, row)
        {
            for _ in 0..WHEEL_LINES {
                update(app, key);
            }
        }
        return;
    }
    if let Some(popup) = areas.claims {
        match wheel {
            Some(key) if contains(popup, column, row) => {
                for _ in 0..WHEEL_LINES {
                    claims_key(app, &areas, key);
                }
            }
            None if !contains(popup, column, row) => app.results.claims = None,
            _ => {}
        }
        return;
    }
    let Some(pane) = Pane::ALL
        .into_iter()
        .find(|&p| areas.pane(p).is_some_and(|r| contains(r, column, row)))
    else {
        return;
    };
    // The wheel scrolls what is under the pointer without moving the focus; a click focuses.
    if let Some(key) = wheel {
        let times = if matches!(pane, Pane::Reasons | Pane::Routine) {
            WHEEL_LINES
        } else {
            1
        };
        if pane == Pane::Diagram
            && let Some(rect) = areas.diagram
        {
            let chain = app.results.selected_chain(&app.store, &app.report);
            let detail = diagram_areas(rect, chain, app.results.step).detail;
            if contains(detail, column, row) {
                let page = if key == Action::Up {
                    Action::PageUp
                } else {
                    Action::PageDown
                };
                move_in(app, &areas, pane, page);
                return;
            }
        }
        for _ in 0..times {
            move_in(app, &areas, pane, key);
        }
        return;
    }
    app.results.pane = pane;
    match pane {
        Pane::Chains => {
            let Some(rect) = areas.chains else {
                return;
            };
            let list = inner(rect);
            if contains(list, column, row) {
                let line = usize::from(row - list.y);
                let index = list_offset(app.results.chain, list.height) + line;
                if index < app.report.chains.len() {
                    app.results.select_chain(&app.report, index);
                }
            }
        }
        Pane::Diagram => {
            let Some(rect) = areas.diagram else {
                return;
            };
            let chain = app.results.selected_chain(&app.store, &app.report);
            let diagram = diagram_areas(rect, chain, app.results.step);
            if contains(diagram.canvas, column, row) {
                let x = column - diagram.canvas.x;
                let y = (row - diagram.canvas.y).saturating_add(diagram.scroll);
                if let Some(step) = diagram.layout.step_at(x, y) {
                    if step == app.results.step {
                        open_claims(app);
                    } else {
                        app.results.select_step(&app.store, &app.report, step);
                    }
                }
            }
        }
        Pane::Reasons | Pane::Routine => {}
    }
}
