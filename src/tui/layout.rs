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

/// A tab's label: " 1 Questionnaire " when every full title fits the width, else the titles cut to
/// " 1 Quest ", " 1 Que " or " 1 " — the longest form in which all the tabs fit.
pub fn tab_label(screen: Screen, width: u16) -> String {
    label(screen, tab_form(width))
}

/// Letters of each title shown: `None` for the whole title.
const FORMS: [Option<usize>; 4] = [None, Some(5), Some(3), Some(0)];

fn label(screen: Screen, form: Option<usize>) -> String {
    let title: String = match form {
        None => screen.title().to_string(),
        Some(n) => screen.title().chars().take(n).collect(),
    };
    if title.is_empty() {
        format!(" {} ", screen.key())
    } else {
        format!(" {} {title} ", screen.key())
    }
}

/// The longest form in which every tab, one column apart, fits in `width`.
fn tab_form(width: u16) -> Option<usize> {
    let fits = |form: Option<usize>| {
        let total: usize = Screen::ALL
            .iter()
            .map(|&s| label(s, form).chars().count() + 1)
            .sum();
        total.saturating_sub(1) <= usize::from(width)
    };
    FORMS
        .into_iter()
        .find(|&form| fits(form))
        .unwrap_or(Some(0))
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
