//! Drawing: `render(&App, &mut Frame)` reads the state and never changes it.

use super::action::Screen;
use super::app::{App, context};
use super::keys;
use super::layout;
use super::ui;
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Lays the frame out for the terminal's size and draws it: what the event loop and the tests call.
pub fn draw(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    app.size = area;
    app.settle();
    app.prepare();
    render(app, frame);
}

/// Draws the app as laid out by [`App::prepare`]; only reads.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame);
        return;
    }
    let areas = layout::frame(area);
    tabs(&app.theme, app.screen, frame, areas.tabs);
    match app.screen {
        // Drawn as laid out by `prepare`, and only when that was for this frame's size.
        Screen::Questionnaire
            if app.questionnaire.drawn.as_ref().map(|d| d.body) == Some(areas.body) =>
        {
            let ctx = context!(app);
            app.questionnaire.render(&ctx, frame, app.overlay_open());
        }
        Screen::Questionnaire => {}
        Screen::Results if app.results.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.results.render(&ctx, frame, app.overlay_open());
        }
        Screen::Results => {}
        Screen::Compare if app.compare.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.compare.render(&ctx, frame, app.overlay_open());
        }
        Screen::Compare => {}
        Screen::Exercises if app.exercises.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.exercises.render(&ctx, frame, app.overlay_open());
        }
        Screen::Exercises => {}
        Screen::Library if app.library.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.library.render(&ctx, frame, app.overlay_open());
        }
        Screen::Library => {}
        Screen::Session if app.session.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.session.render(&ctx, frame, app.overlay_open());
        }
        Screen::Session => {}
        Screen::Progress if app.progress.drawn.as_ref().map(|d| d.body) == Some(areas.body) => {
            let ctx = context!(app);
            app.progress.render(&ctx, frame, app.overlay_open());
        }
        Screen::Progress => {}
    }
    if let Some(drawn) = &app.overlay_drawn
        && area.contains(drawn.area.as_position())
        && drawn.area.intersection(area) == drawn.area
    {
        super::overlay::render(app, drawn, frame);
    }
    status_bar(app, frame, areas.status, areas.body);
}

/// Says the terminal is too small for the app, and how to get out.
pub(super) fn too_small(frame: &mut Frame) {
    let area = frame.area();
    let text = format!(
        "Terminal too small: {}×{}.\nbackchain needs at least {}×{}.\nMake the window larger, or press q to quit.\nOther keys do nothing until then.",
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
}

/// The tab bar, with the open screen's tab selected.
pub(super) fn tabs(
    theme: &crate::tui::theme::Theme,
    open: Screen,
    frame: &mut Frame,
    area: ratatui::layout::Rect,
) {
    let mut spans = Vec::new();
    // Each tab at the columns the layout gives it (the same ones clicks are tested against).
    let mut x = area.x;
    for (screen, start, _) in layout::tabs(area) {
        if start > x {
            spans.push(Span::raw(" ".repeat(usize::from(start - x))));
        }
        let label = layout::tab_label(screen, area.width);
        x = start + crate::tui::ui::to_u16(label.chars().count());
        let style = if screen == open {
            theme.selected()
        } else {
            theme.muted()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The status bar: a message, or the hints for what is active now. A message longer than the bar
/// wraps upwards over the bottom of the body, so nothing it says is cut off.
fn status_bar(
    app: &App,
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    body: ratatui::layout::Rect,
) {
    let theme = &app.theme;
    let Some(status) = &app.status else {
        let hints = keys::hints(&app.key_context());
        frame.render_widget(hint_line(theme, &hints, usize::from(area.width)), area);
        return;
    };
    let (mark, role) = if status.error {
        (" ! ", crate::text::Role::Warn)
    } else {
        ("»", crate::text::Role::Plain)
    };
    let width = usize::from(area.width.max(1));
    let mut runs = vec![crate::text::Run::new(
        if status.error {
            crate::text::Role::Danger
        } else {
            crate::text::Role::Accent
        },
        mark,
    )];
    runs.push(crate::text::Run::new(role, format!(" {}", status.text)));
    let lines = crate::text::wrap_styled(&runs, width, 3);
    let rows = ui::to_u16(lines.len()).min(body.height / 2 + 1).max(1);
    let top = area.y.saturating_sub(rows - 1);
    let box_area = ratatui::layout::Rect::new(area.x, top, area.width, rows);
    frame.render_widget(ratatui::widgets::Clear, box_area);
    let shown: Vec<crate::text::Line> = lines.into_iter().take(usize::from(rows)).collect();
    frame.render_widget(Paragraph::new(ui::lines(&shown, theme)), box_area);
}

/// As many whole `key what` hints as fit in `width`, always ending with help and quit.
pub(super) fn hint_line<'a>(
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
