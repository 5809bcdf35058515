//! The geometry of a chain drawn as boxes and arrows: where each step's box goes for the room there
//! is (one row, wrapped rows, a column, or one-line boxes), and how the diagram pane is shared between
//! the boxes, the selected step's text and the drawings that go with the chain.

use crate::content::{Chain, Tilt};
use crate::text;
use crate::tui::ui;
use ratatui::layout::{Constraint, Layout, Rect};

/// Steps longer than this are cut (the content format promises at most 28 characters).
pub const LABEL_MAX: usize = 28;

fn label_width(label: &str) -> u16 {
    ui::to_u16(text::width(label).min(LABEL_MAX))
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
                .map(|i| {
                    Rect::new(
                        x,
                        ui::to_u16(i).saturating_mul(BOX_HEIGHT + 1),
                        w,
                        BOX_HEIGHT,
                    )
                })
                .collect();
            let height = ui::to_u16(widths.len())
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
            let y = ui::to_u16(r).saturating_mul(BOX_HEIGHT + 2);
            let mut x = 0u16;
            for &w in row {
                boxes.push(Rect::new(x, y, w, BOX_HEIGHT));
                x = x.saturating_add(w + ARROW);
            }
        }
        let height = ui::to_u16(rows.len())
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
        self.boxes.iter().position(|b| ui::contains(*b, x, y))
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
pub fn drawing_size(drawing: &str) -> (u16, u16) {
    let width = drawing.lines().map(text::width).max().unwrap_or(0);
    (ui::to_u16(width), ui::to_u16(drawing.lines().count()))
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
    let inner = ui::inner(pane);
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
