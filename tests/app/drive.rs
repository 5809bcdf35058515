//! Driving the app as the event loop does, without a terminal: keys through the real key table into
//! `update` (the clock ticked first), frames drawn into a TestBackend and returned as text.

use backchain::tui::keys::map_key;
use backchain::tui::{App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// The whole frame at `width`×`height`, as text.
pub fn render(app: &mut App, width: u16, height: u16) -> String {
    app.size = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

/// The backend's rows as text, top to bottom.
pub fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// Presses keys one by one: what the table maps each to, in the scopes active at that moment.
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = map_key(&app.key_context(), key) {
            app.tick();
            update(app, action);
        }
    }
}
