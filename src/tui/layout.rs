//! Screen geometry shared by the views (to draw) and `update` (to hit-test mouse clicks).

use super::action::Screen;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the app shows "terminal too small" instead of its screens.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The tab bar on top, the screen's body, and the status bar at the bottom.
pub struct FrameAreas {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn frame(area: Rect) -> FrameAreas {
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    FrameAreas { tabs, body, status }
}

/// A tab's label: " 1 Questionnaire ", narrowed to " 1 Quest… " style short forms on small widths.
pub fn tab_label(screen: Screen, width: u16) -> String {
    if width >= 80 {
        format!(" {} {} ", screen.key(), screen.title())
    } else {
        let short: String = screen.title().chars().take(5).collect();
        format!(" {} {} ", screen.key(), short)
    }
}

/// Column ranges of the tabs, left to right, with one column between tabs.
pub fn tabs(area: Rect) -> Vec<(Screen, u16, u16)> {
    let mut x = area.x;
    Screen::ALL
        .iter()
        .map(|&screen| {
            let w = tab_label(screen, area.width).chars().count() as u16;
            let span = (screen, x, x.saturating_add(w));
            x = x.saturating_add(w + 1);
            span
        })
        .collect()
}

pub fn tab_at(area: Rect, column: u16) -> Option<Screen> {
    tabs(area)
        .into_iter()
        .find(|&(_, start, end)| column >= start && column < end)
        .map(|(screen, _, _)| screen)
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

/// `text` word-wrapped to `width` columns (see [`crate::text::wrap`]).
pub fn wrap_lines(text: &str, width: u16) -> Vec<String> {
    crate::text::wrap(text, usize::from(width.max(1)), "", "")
}

/// Lines `text` takes when word-wrapped to `width` columns.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    u16::try_from(wrap_lines(text, width).len()).unwrap_or(u16::MAX)
}

/// For items of the given heights in a window of `height` rows, the first item to show so that `cursor`
/// is visible (scrolling as little as possible from the top).
pub fn first_visible(heights: &[u16], height: u16, cursor: usize) -> usize {
    let cursor = cursor.min(heights.len().saturating_sub(1));
    let mut first = 0;
    let used = |from: usize| {
        heights[from..=cursor]
            .iter()
            .map(|&h| u32::from(h))
            .sum::<u32>()
    };
    while first < cursor && used(first) > u32::from(height) {
        first += 1;
    }
    first
}

/// Which item sits at `row` rows below the top of the window, if any.
pub fn item_at(heights: &[u16], first: usize, row: u16) -> Option<usize> {
    let mut top = 0u32;
    for (i, &h) in heights.iter().enumerate().skip(first) {
        if u32::from(row) < top + u32::from(h) {
            return Some(i);
        }
        top += u32::from(h);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view() {
        let heights = [2, 2, 2, 2];
        assert_eq!(first_visible(&heights, 4, 1), 0);
        assert_eq!(first_visible(&heights, 4, 3), 2);
        assert_eq!(item_at(&heights, 2, 3), Some(3));
        assert_eq!(item_at(&heights, 0, 9), None);
        assert_eq!(first_visible(&[], 4, 0), 0);
    }
}
