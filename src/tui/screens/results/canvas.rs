//! Draws a causal chain as boxes joined by arrows, on a canvas of styled text lines laid out by
//! `diagram.rs`. The selected step's box has a thick border, a `▶` and reversed text, so it shows
//! without colour.

use super::diagram::{ChainLayout, ChainShape};
use crate::text::{self, Line, Role};
use ratatui::layout::Rect;

/// A grid of cells; a wide character's second column holds `None`.
struct Canvas {
    width: usize,
    cells: Vec<Vec<Option<(char, Role)>>>,
}

impl Canvas {
    fn new(width: u16, height: u16) -> Canvas {
        let width = usize::from(width);
        Canvas {
            width,
            cells: vec![vec![Some((' ', Role::Plain)); width]; usize::from(height)],
        }
    }

    fn put(&mut self, x: u16, y: u16, c: char, tone: Role) {
        if let Some(cell) = self
            .cells
            .get_mut(usize::from(y))
            .and_then(|row| row.get_mut(usize::from(x)))
        {
            *cell = Some((c, tone));
        }
    }

    /// Writes `text` from `x`, at most `max` columns, cutting with `…` when it does not fit.
    fn text(&mut self, x: u16, y: u16, text: &str, max: u16, tone: Role) {
        let max = usize::from(max);
        let fits = text::width(text) <= max;
        let room = if fits { max } else { max.saturating_sub(1) };
        let mut col = usize::from(x);
        let mut used = 0usize;
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let w = text::width(c.encode_utf8(&mut buf));
            if w == 0 {
                continue;
            }
            if used + w > room {
                break;
            }
            if let Some(row) = self.cells.get_mut(usize::from(y)) {
                if let Some(cell) = row.get_mut(col) {
                    *cell = Some((c, tone));
                }
                for extra in 1..w {
                    if let Some(cell) = row.get_mut(col + extra) {
                        *cell = None;
                    }
                }
            }
            col += w;
            used += w;
        }
        if !fits && max > 0 {
            self.put(u16::try_from(col).unwrap_or(u16::MAX), y, '…', tone);
        }
    }

    fn into_lines(self) -> Vec<Line> {
        let width = self.width;
        self.cells
            .into_iter()
            .map(|row| {
                let mut line = Line::new();
                for (c, role) in row.into_iter().take(width).flatten() {
                    let mut buf = [0u8; 4];
                    line.push(role, c.encode_utf8(&mut buf));
                }
                line
            })
            .collect()
    }
}

fn center(b: Rect) -> u16 {
    b.x + b.width / 2
}

/// The chain drawn on its canvas: one text line per canvas row. The selected step's box has a thick
/// border, a `▶` and reversed text, so it shows without colour.
pub fn chain_lines(layout: &ChainLayout, labels: &[&str], selected: usize) -> Vec<Line> {
    let mut canvas = Canvas::new(layout.width, layout.height);
    let n = layout.boxes.len().min(labels.len());
    for (i, (&b, &label)) in layout.boxes.iter().zip(labels).enumerate() {
        let chosen = i == selected;
        if layout.shape == ChainShape::Compact {
            let tone = if chosen { Role::Selected } else { Role::Plain };
            let open = if chosen { "[▶" } else { "[ " };
            canvas.text(b.x, b.y, open, 2, tone);
            canvas.text(b.x + 2, b.y, label, b.width.saturating_sub(4), tone);
            let body = b.width.saturating_sub(4);
            let used = u16::try_from(text::width(label))
                .unwrap_or(u16::MAX)
                .min(body);
            for x in b.x + 2 + used..b.right().saturating_sub(2) {
                canvas.put(x, b.y, ' ', tone);
            }
            canvas.text(b.right().saturating_sub(2), b.y, " ]", 2, tone);
            if i + 1 < n {
                canvas.put(b.right().saturating_add(1), b.y, '→', Role::Accent);
            }
            continue;
        }
        draw_box(&mut canvas, b, label, chosen);
        let Some(&next) = layout.boxes.get(i + 1).filter(|_| i + 1 < n) else {
            continue;
        };
        if next.y == b.y {
            canvas.put(b.right().saturating_add(1), b.y + 1, '→', Role::Accent);
            continue;
        }
        // Down to the next row: from the bottom of this box to the top of the next.
        let (from, to) = (center(b), center(next));
        canvas.put(
            from,
            b.bottom() - 1,
            if chosen { '┳' } else { '┬' },
            border_tone(chosen),
        );
        if next.y == b.bottom() + 1 {
            canvas.put(to, b.bottom(), '↓', Role::Accent);
            continue;
        }
        let turn = b.bottom();
        if to < from {
            canvas.put(to, turn, '┌', Role::Accent);
            for x in to + 1..from {
                canvas.put(x, turn, '─', Role::Accent);
            }
            canvas.put(from, turn, '┘', Role::Accent);
        } else if to > from {
            canvas.put(from, turn, '└', Role::Accent);
            for x in from + 1..to {
                canvas.put(x, turn, '─', Role::Accent);
            }
            canvas.put(to, turn, '┐', Role::Accent);
        } else {
            canvas.put(to, turn, '│', Role::Accent);
        }
        canvas.put(to, turn + 1, '↓', Role::Accent);
    }
    canvas.into_lines()
}

fn border_tone(chosen: bool) -> Role {
    if chosen { Role::Title } else { Role::Plain }
}

fn draw_box(canvas: &mut Canvas, b: Rect, label: &str, chosen: bool) {
    if b.width < 2 || b.height < 3 {
        return;
    }
    let (h, v, tl, tr, bl, br) = if chosen {
        ('━', '┃', '┏', '┓', '┗', '┛')
    } else {
        ('─', '│', '┌', '┐', '└', '┘')
    };
    let tone = border_tone(chosen);
    let (left, right) = (b.x, b.right() - 1);
    let (top, middle, bottom) = (b.y, b.y + 1, b.y + 2);
    canvas.put(left, top, tl, tone);
    canvas.put(right, top, tr, tone);
    canvas.put(left, bottom, bl, tone);
    canvas.put(right, bottom, br, tone);
    for x in left + 1..right {
        canvas.put(x, top, h, tone);
        canvas.put(x, bottom, h, tone);
    }
    canvas.put(left, middle, v, tone);
    canvas.put(right, middle, v, tone);
    let inside = b.width - 2;
    let text_tone = if chosen { Role::Selected } else { Role::Plain };
    for x in left + 1..right {
        canvas.put(x, middle, ' ', text_tone);
    }
    if chosen {
        canvas.put(left + 1, middle, '▶', text_tone);
    }
    canvas.text(left + 2, middle, label, inside.saturating_sub(2), text_tone);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.plain().trim_end().to_owned())
            .collect()
    }

    #[test]
    fn a_row_of_boxes_is_joined_by_arrows() {
        let labels = ["Stiff ribs", "Belly breath"];
        let layout = ChainLayout::fit(&labels, 40, 10);
        assert_eq!(layout.shape, ChainShape::Row);
        let rows = plain(&chain_lines(&layout, &labels, 1));
        assert_eq!(rows[0], "┌────────────┐   ┏━━━━━━━━━━━━━━┓");
        assert_eq!(rows[1], "│ Stiff ribs │ → ┃▶Belly breath ┃");
        assert_eq!(rows[2], "└────────────┘   ┗━━━━━━━━━━━━━━┛");
    }

    #[test]
    fn wrapped_rows_turn_down_to_the_next_row() {
        let labels = ["Alpha one", "Beta two", "Gamma"];
        let layout = ChainLayout::fit(&labels, 30, 20);
        assert_eq!(layout.shape, ChainShape::Wrapped);
        let rows = plain(&chain_lines(&layout, &labels, 0));
        assert_eq!(rows[1], "┃▶Alpha one ┃ → │ Beta two │");
        assert_eq!(rows[2], "┗━━━━━━━━━━━┛   └─────┬────┘");
        assert_eq!(rows[3], format!("    ┌{}┘", "─".repeat(17)));
        assert_eq!(rows[4], "    ↓");
        assert_eq!(rows[6], "│ Gamma │");
    }

    #[test]
    fn narrow_panes_stack_boxes_and_short_ones_use_one_line_boxes() {
        let labels = ["Alpha one", "Beta two"];
        let column = ChainLayout::fit(&labels, 16, 20);
        assert_eq!(column.shape, ChainShape::Column);
        let rows = plain(&chain_lines(&column, &labels, 1));
        assert_eq!(rows[2], " └─────┬─────┘");
        assert_eq!(rows[3], "       ↓");
        let compact = ChainLayout::fit(&labels, 40, 2);
        assert_eq!(compact.shape, ChainShape::Compact);
        let rows = plain(&chain_lines(&compact, &labels, 1));
        assert_eq!(rows[0], "[ Alpha one ] → [▶Beta two ]");
    }

    #[test]
    fn long_labels_are_cut_and_tiny_canvases_do_not_panic() {
        let labels = ["A label that is far too long for this"];
        let layout = ChainLayout::fit(&labels, 12, 3);
        let rows = plain(&chain_lines(&layout, &labels, 0));
        assert!(rows[1].contains('…'), "{rows:?}");
        for w in 0..6 {
            for h in 0..4 {
                let layout = ChainLayout::fit(&labels, w, h);
                let _ = chain_lines(&layout, &labels, 3);
            }
        }
    }
}
