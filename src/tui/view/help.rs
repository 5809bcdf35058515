//! The `?` overlay, built from the same key table as the status bar.

use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Scope};
use crate::tui::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, body: Rect, scroll: u16) {
    let theme = &app.theme;
    let mut lines = vec![
        Line::styled(
            format!("Keys on the {} screen", app.screen.title()),
            theme.title(),
        ),
        Line::raw(""),
    ];
    let row = |label: &str, what: &str| {
        Line::from(vec![
            Span::styled(format!("  {label:<12}"), theme.accent()),
            Span::raw(what.to_owned()),
        ])
    };
    for b in BINDINGS.iter().filter(|b| b.scope == Scope::On(app.screen)) {
        lines.push(row(b.label, b.what));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Everywhere", theme.title()));
    for b in BINDINGS.iter().filter(|b| b.scope == Scope::Global) {
        lines.push(row(b.label, b.what));
    }
    lines.push(row("Ctrl-C", "quit"));
    lines.push(row("Ctrl-Z", "suspend (fg to come back)"));
    lines.push(row("mouse", "wheel scrolls the pane under it; click picks"));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Other screens", theme.title()));
    for screen in Screen::ALL.into_iter().filter(|s| *s != app.screen) {
        let keys: Vec<String> = BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::On(screen))
            .map(|b| format!("{} {}", b.label, b.what))
            .collect();
        lines.push(row(
            &format!("{} {}", screen.key(), screen.title()),
            &keys.join(" · "),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        crate::engine::disclaimer(&app.store.questionnaire),
        theme.muted(),
    ));
    let area = if body.width < 100 {
        body
    } else {
        layout::centered(body, 90, body.height)
    };
    frame.render_widget(Clear, area);
    let block = super::pane("Help — Esc or ? to close", true, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
