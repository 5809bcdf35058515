//! The one scroll view: styled lines in a bordered pane, scrolled within bounds, with a scrollbar and
//! "▲ more" / "▼ more" cues on the border whenever text lies beyond the pane — so nothing is ever below
//! the fold without a sign, and no pane scrolls into blank space.

use super::{inner, pane::pane_in};
use crate::text;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Lines one wheel step scrolls.
pub const WHEEL_LINES: u16 = 3;

/// A scroll offset, kept within the text it scrolls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub offset: u16,
}

impl Scroll {
    /// The largest offset for `lines` lines in `rows` rows: the last line sits on the last row.
    pub fn max(lines: usize, rows: u16) -> u16 {
        super::to_u16(lines.saturating_sub(usize::from(rows)))
    }

    /// The offset a view of `lines` lines in `rows` rows starts at: this one, within the text.
    pub fn shown(self, lines: usize, rows: u16) -> u16 {
        self.offset.min(Scroll::max(lines, rows))
    }

    /// Keeps the offset within the text (after the text or the pane changed size).
    pub fn clamp(&mut self, lines: usize, rows: u16) {
        self.offset = self.offset.min(Scroll::max(lines, rows));
    }

    /// Moves for a scrolling key; `false` for keys that do not scroll (so the caller can try others).
    pub fn apply(&mut self, action: Action, lines: usize, rows: u16) -> bool {
        let max = Scroll::max(lines, rows);
        let page = rows.saturating_sub(1).max(1);
        self.offset = match action {
            Action::Up => self.offset.saturating_sub(1),
            Action::Down => self.offset.saturating_add(1),
            Action::PageUp => self.offset.saturating_sub(page),
            Action::PageDown => self.offset.saturating_add(page),
            Action::Top => 0,
            Action::Bottom => max,
            Action::ScrollUp { .. } => self.offset.saturating_sub(WHEEL_LINES),
            Action::ScrollDown { .. } => self.offset.saturating_add(WHEEL_LINES),
            _ => return false,
        }
        .min(max);
        true
    }
}

/// Styled text in a titled pane, drawn at a scroll offset.
pub struct ScrollView<'a> {
    pub title: &'a str,
    pub lines: &'a [text::Line],
    pub scroll: Scroll,
    pub focused: bool,
}

impl ScrollView<'_> {
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        self.render_with(frame, area, theme, |block| block);
    }

    /// [`ScrollView::render`] with the pane's block changed first (a border in the colour of danger).
    pub fn render_with(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        style: impl FnOnce(Block<'static>) -> Block<'static>,
    ) {
        self.render_kept(frame, area, theme, style, None);
    }

    /// [`ScrollView::render_with`], with the text as [`visible_text`] drew it earlier when `text` is
    /// given: its cells for this pane's text area at this offset, kept by a screen between frames.
    pub fn render_kept(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        style: impl FnOnce(Block<'static>) -> Block<'static>,
        text: Option<&ratatui::buffer::Buffer>,
    ) {
        let text_area = inner(area);
        let rows = text_area.height;
        let offset = self.scroll.shown(self.lines.len(), rows);
        let block = style(pane_in(self.title, self.focused, theme, area.width));
        frame.render_widget(
            cues(block, self.lines.len(), rows, usize::from(offset), theme),
            area,
        );
        match text {
            Some(cells) => super::paste(frame.buffer_mut(), cells),
            None => frame.render_widget(visible_text(self.lines, offset, rows, theme), text_area),
        }
        scrollbar(frame, area, self.lines.len(), rows, offset);
    }
}

/// The `rows` lines from `offset` that a scroll view shows.
pub fn visible_text(
    all: &[text::Line],
    offset: u16,
    rows: u16,
    theme: &Theme,
) -> Paragraph<'static> {
    let shown = (all.iter())
        .skip(usize::from(offset))
        .take(usize::from(rows))
        .map(|l| super::line(l, theme))
        .collect::<Vec<_>>();
    Paragraph::new(shown)
}

/// "▲ more above" / "▼ more below" on a pane's bottom border, for `lines` lines shown `rows` at a time
/// from `offset`.
pub fn cues<'a>(
    block: Block<'a>,
    lines: usize,
    rows: u16,
    offset: usize,
    theme: &Theme,
) -> Block<'a> {
    let mut block = block;
    if offset > 0 {
        block = block.title_bottom(
            Line::from(Span::styled(" ▲ more above ", theme.muted())).right_aligned(),
        );
    }
    if offset + usize::from(rows) < lines {
        block = block.title_bottom(
            Line::from(Span::styled(" ▼ more below ", theme.accent())).right_aligned(),
        );
    }
    block
}

/// A window onto a long list, for lists too long to build whole each frame: only the rows shown are
/// given, the first of them being row `first` of `total`. The same cues and scrollbar as [`ScrollView`].
pub struct ListView<'a> {
    pub title: &'a str,
    /// The rows shown, top to bottom.
    pub rows: &'a [text::Line],
    pub first: usize,
    pub total: usize,
    /// The row under the cursor (an index into `rows`) and how it is drawn; its own runs keep their
    /// styles on top (matched letters stay marked in a reversed row).
    pub selected: Option<(usize, ratatui::style::Style)>,
    pub focused: bool,
}

impl ListView<'_> {
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let text_area = inner(area);
        let height = usize::from(text_area.height);
        let block = cues(
            pane_in(self.title, self.focused, theme, area.width),
            self.total,
            text_area.height,
            self.first,
            theme,
        );
        frame.render_widget(block, area);
        let shown: Vec<Line> = (self.rows.iter().take(height).enumerate())
            .map(|(i, row)| {
                let line = super::line(row, theme);
                match self.selected {
                    Some((at, style)) if at == i => line.style(style),
                    _ => line,
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), text_area);
        long_scrollbar(frame, area, self.total, text_area.height, self.first);
    }
}

/// A scrollbar on the right border when the text is longer than the pane.
pub fn scrollbar(frame: &mut Frame, pane: Rect, lines: usize, rows: u16, offset: u16) {
    long_scrollbar(frame, pane, lines, rows, usize::from(offset));
}

/// [`scrollbar`] for lists longer than a `u16` counts.
fn long_scrollbar(frame: &mut Frame, pane: Rect, lines: usize, rows: u16, offset: usize) {
    if lines <= usize::from(rows) || pane.height < 4 {
        return;
    }
    let mut state = ScrollbarState::new(lines.saturating_sub(usize::from(rows)))
        .position(offset)
        .viewport_content_length(usize::from(rows));
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        pane.inner(Margin::new(0, 1)),
        &mut state,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_within_the_text() {
        let mut s = Scroll::default();
        assert!(s.apply(Action::PageDown, 10, 4));
        assert_eq!(s.offset, 3);
        assert!(s.apply(Action::Bottom, 10, 4));
        assert_eq!(s.offset, 6);
        assert!(s.apply(Action::Down, 10, 4));
        assert_eq!(s.offset, 6, "no scrolling into blank space");
        s.clamp(5, 4);
        assert_eq!(s.offset, 1);
        assert!(!s.apply(Action::Select, 10, 4));
        assert!(s.apply(Action::Top, 10, 4));
        assert_eq!(s.offset, 0);
    }
}
