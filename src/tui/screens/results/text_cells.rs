//! The reasons' and the routine's visible text kept as drawn cells between frames: turning their lines
//! into cells (ratatui's grapheme and width work) was most of what drawing a Results frame cost once
//! the lines themselves were kept (`kept.rs`), and a frame that neither scrolls nor changes them draws
//! the same cells again.

use super::kept::Lines;
use crate::tui::theme::Theme;
use crate::tui::ui::scroll::visible_text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::sync::Arc;

/// A pane's text as a scroll view shows it, and what it was drawn from: the kept lines (the same
/// allocation, held here so its address cannot be reused by other lines), the first line shown, the
/// text area and the theme.
#[derive(Clone, Debug)]
struct Cells {
    lines: Lines,
    offset: u16,
    area: Rect,
    theme: Theme,
    buffer: Buffer,
}

impl Cells {
    fn shows(&self, lines: &Lines, offset: u16, area: Rect, theme: &Theme) -> bool {
        Arc::ptr_eq(&self.lines, lines)
            && (self.offset, self.area, self.theme) == (offset, area, *theme)
    }
}

/// The text panes of the last frame, each as its cells.
#[derive(Clone, Debug, Default)]
pub struct TextCells {
    kept: Vec<Cells>,
}

impl TextCells {
    /// Keeps the cells of each of this frame's panes (its lines, the first line shown and its text
    /// area), drawing only those not kept already; panes no longer shown are let go.
    pub fn keep<'a>(
        &mut self,
        panes: impl IntoIterator<Item = (&'a Lines, u16, Rect)>,
        theme: &Theme,
    ) {
        let mut kept = Vec::new();
        for (lines, offset, area) in panes {
            let cells = match (self.kept.iter()).position(|c| c.shows(lines, offset, area, theme)) {
                Some(i) => self.kept.swap_remove(i),
                None => {
                    // On a blank buffer: the text area is blank where the pane draws its text.
                    let mut buffer = Buffer::empty(area);
                    visible_text(lines, offset, area.height, theme).render(area, &mut buffer);
                    Cells {
                        lines: Arc::clone(lines),
                        offset,
                        area,
                        theme: *theme,
                        buffer,
                    }
                }
            };
            kept.push(cells);
        }
        self.kept = kept;
    }

    /// The kept cells of a pane's text, if [`TextCells::keep`] kept them for these lines, offset, area
    /// and theme.
    pub fn cells(&self, lines: &Lines, offset: u16, area: Rect, theme: &Theme) -> Option<&Buffer> {
        (self.kept.iter())
            .find(|c| c.shows(lines, offset, area, theme))
            .map(|c| &c.buffer)
    }
}
