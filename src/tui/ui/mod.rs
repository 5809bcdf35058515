//! The app's drawing toolkit, shared by every screen: styled text turned into ratatui lines, the bordered
//! pane, the scroll view with its scrollbar and "more" cues, and list geometry for rows of different
//! heights. Screens compose these; none draws text its own way.

pub mod list;
pub mod pane;
pub mod scroll;
pub mod search;

pub use pane::pane;
pub use scroll::{ListView, Scroll, ScrollView};

use crate::text;
use crate::tui::theme::Theme;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};

/// One styled line as ratatui draws it.
pub fn line(line: &text::Line, theme: &Theme) -> Line<'static> {
    Line::from(
        line.runs
            .iter()
            .map(|run| Span::styled(run.text.clone(), theme.role(run.role)))
            .collect::<Vec<_>>(),
    )
}

/// Styled lines as ratatui draws them.
pub fn lines(lines: &[text::Line], theme: &Theme) -> Vec<Line<'static>> {
    lines.iter().map(|l| line(l, theme)).collect()
}

/// Copies every cell of `cells` onto `buf` where they overlap, row by row: cells drawn earlier (and kept
/// between frames) put back in place.
pub fn paste(buf: &mut ratatui::buffer::Buffer, cells: &ratatui::buffer::Buffer) {
    let area = cells.area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let to = buf.index_of(area.x, y);
        let from = cells.index_of(area.x, y);
        buf.content[to..to + width].clone_from_slice(&cells.content[from..from + width]);
    }
}

/// The text area inside a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    pane.inner(Margin::new(1, 1))
}

/// Is a point inside a rectangle?
pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x
        && column < rect.x.saturating_add(rect.width)
        && row >= rect.y
        && row < rect.y.saturating_add(rect.height)
}

/// A rectangle of `width`×`height` centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// `usize` to `u16` without wrapping.
pub fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
