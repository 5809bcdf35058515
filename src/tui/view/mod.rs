//! Drawing: `render(&App, &mut Frame)` reads the state and never changes it.

mod common;
mod compare;
mod diagram;
mod exercises;
mod help;
mod library;
mod questionnaire;
mod results;

pub use common::pane;

use super::action::Screen;
use super::app::App;
use super::keymap;
use super::layout;
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        let text = format!(
            "Terminal too small: {}×{}.\nbackchain needs at least {}×{}.\nMake the window larger, or press q to quit.",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    let areas = layout::frame(area);
    tabs(app, frame, areas.tabs);
    match app.screen {
        Screen::Questionnaire => questionnaire::render(app, frame, areas.body),
        Screen::Results => results::render(app, frame, areas.body),
        Screen::Compare => compare::render(app, frame, areas.body),
        Screen::Exercises => exercises::render(app, frame, areas.body),
        Screen::Library => library::render(app, frame, areas.body),
    }
    status_bar(app, frame, areas.status);
    if let Some(scroll) = app.help {
        help::render(app, frame, areas.body, scroll);
    }
}

fn tabs(app: &App, frame: &mut Frame, area: ratatui::layout::Rect) {
    let theme = &app.theme;
    let mut spans = Vec::new();
    for (i, (screen, _, _)) in layout::tabs(area).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let label = layout::tab_label(screen, area.width);
        let style = if screen == app.screen {
            theme.selected()
        } else {
            theme.muted()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}

fn status_bar(app: &App, frame: &mut Frame, area: ratatui::layout::Rect) {
    let theme = &app.theme;
    let line = match &app.status {
        Some(status) if status.error => Line::from(vec![
            Span::styled(" ! ", theme.danger()),
            Span::styled(format!(" {}", status.text), theme.warn()),
        ]),
        Some(status) => Line::from(vec![
            Span::styled("» ", theme.accent()),
            Span::raw(status.text.clone()),
        ]),
        None => {
            let context = app.key_context();
            let hints: Vec<(&str, &str)> = if context.typing {
                vec![
                    ("type", "to search"),
                    ("Esc", "leave the box"),
                    ("↑/↓", "move"),
                    ("Ctrl-U", "clear"),
                ]
            } else if context.confirming {
                vec![("y", "yes"), ("n/Esc", "no")]
            } else if context.help {
                vec![("j/k", "scroll"), ("Esc/?", "close help")]
            } else {
                keymap::hints(app.screen)
            };
            hint_line(theme, &hints, usize::from(area.width))
        }
    };
    frame.render_widget(line, area);
}

/// As many whole `key what` hints as fit in `width`, always ending with help and quit.
fn hint_line<'a>(
    theme: &crate::tui::theme::Theme,
    hints: &[(&'a str, &'a str)],
    width: usize,
) -> Line<'a> {
    let always: Vec<(&str, &str)> = hints
        .iter()
        .copied()
        .filter(|(k, _)| *k == "?" || *k == "q")
        .collect();
    let rest = hints
        .iter()
        .copied()
        .filter(|(k, _)| *k != "?" && *k != "q");
    let cost = |(k, w): (&str, &str)| k.chars().count() + 1 + w.chars().count() + 3;
    let mut room = width.saturating_sub(always.iter().map(|h| cost(*h)).sum());
    let mut shown = Vec::new();
    for hint in rest {
        if cost(hint) > room {
            break;
        }
        room -= cost(hint);
        shown.push(hint);
    }
    shown.extend(always);
    let mut spans = Vec::new();
    for (i, (key, what)) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        spans.push(Span::styled(
            key,
            theme.accent().add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}
