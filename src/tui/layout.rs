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

/// How the tab bar is written: the titles whole, short ("Quiz"), or cut to a few letters, and the
/// columns between tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Full,
    Short,
    Cut(usize),
}

/// The forms tried, longest first, each with its gap between tabs; the first in which every tab fits is
/// used.
const FORMS: [(Form, u16); 4] = [
    (Form::Full, 1),
    (Form::Short, 0),
    (Form::Cut(3), 0),
    (Form::Cut(0), 0),
];

fn label(screen: Screen, form: Form) -> String {
    let title: String = match form {
        Form::Full => screen.title().to_string(),
        Form::Short => screen.short().to_string(),
        Form::Cut(n) => screen.short().chars().take(n).collect(),
    };
    if title.is_empty() {
        format!(" {} ", screen.key())
    } else {
        format!(" {} {title} ", screen.key())
    }
}

/// The longest form in which every tab fits in `width`, and its gap.
fn tab_form(width: u16) -> (Form, u16) {
    let fits = |(form, gap): (Form, u16)| {
        let labels: usize = Screen::ALL
            .iter()
            .map(|&s| label(s, form).chars().count())
            .sum();
        labels + usize::from(gap) * (Screen::ALL.len() - 1) <= usize::from(width)
    };
    FORMS
        .into_iter()
        .find(|&f| fits(f))
        .unwrap_or((Form::Cut(0), 0))
}

/// A tab's label at this width: " 1 Questionnaire " when every full title fits, else " 1 Quiz ", " 1 Qui "
/// or " 1 ".
pub fn tab_label(screen: Screen, width: u16) -> String {
    label(screen, tab_form(width).0)
}

/// Column ranges of the tabs, left to right, with the form's gap between them.
pub fn tabs(area: Rect) -> Vec<(Screen, u16, u16)> {
    let (form, gap) = tab_form(area.width);
    let mut x = area.x;
    Screen::ALL
        .iter()
        .map(|&screen| {
            let w = label(screen, form).chars().count() as u16;
            let span = (screen, x, x.saturating_add(w));
            x = x.saturating_add(w + gap);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_fit_every_width_and_clicks_find_them() {
        for width in MIN_WIDTH..=220 {
            let area = Rect::new(0, 0, width, 1);
            let tabs = tabs(area);
            assert_eq!(tabs.len(), Screen::ALL.len());
            let mut end_before = 0;
            for &(screen, start, end) in &tabs {
                assert!(start >= end_before && end <= width, "{width}: {tabs:?}");
                assert_eq!(tab_at(area, start), Some(screen), "{width}");
                assert_eq!(
                    usize::from(end - start),
                    tab_label(screen, width).chars().count()
                );
                end_before = end;
            }
        }
    }

    #[test]
    fn the_longest_form_that_fits_is_used() {
        assert_eq!(tab_label(Screen::Questionnaire, 120), " 1 Questionnaire ");
        assert_eq!(tab_label(Screen::Questionnaire, 80), " 1 Quiz ");
        assert_eq!(tab_label(Screen::Progress, 80), " 7 Progress ");
        assert_eq!(tab_label(Screen::Library, 50), " 5 Lib ");
    }
}
