//! Pieces every screen draws with.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

/// A bordered pane. The focused one gets a thick border and a `▶` before its title, so focus shows
/// without colour.
pub fn pane<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    let marker = if focused { "▶ " } else { "" };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(vec![Span::styled(
            format!(" {marker}{title} "),
            if focused {
                theme.title()
            } else {
                theme.plain()
            },
        )]))
}
