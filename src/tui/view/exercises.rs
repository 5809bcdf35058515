//! Draws the exercises screen (being built).

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Paragraph::new("").block(super::pane("exercises", true, &app.theme)),
        area,
    );
}
