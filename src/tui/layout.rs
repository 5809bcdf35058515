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
