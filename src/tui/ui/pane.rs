//! The bordered pane every screen is built from. The focused one gets a thick border and a `▶` before its
//! title, so focus shows without colour; a title too long for the border is cut with "…".

use crate::text;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

/// A bordered pane titled `title`, `width` columns wide (the title is cut to fit inside the corners).
pub fn pane<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    titled(title, focused, theme, None)
}

/// [`pane`] for a known width, so the title is cut with "…" instead of by the border.
pub fn pane_in<'a>(title: &str, focused: bool, theme: &Theme, width: u16) -> Block<'a> {
    titled(title, focused, theme, Some(width))
}

fn titled<'a>(title: &str, focused: bool, theme: &Theme, width: Option<u16>) -> Block<'a> {
    let marker = if focused { "▶ " } else { "" };
    let mut label = format!(" {marker}{title} ");
    if let Some(width) = width {
        // Two corners and one line of border on each side stay visible.
        let room = usize::from(width.saturating_sub(4));
        if text::width(&label) > room {
            label = format!(
                "{} ",
                text::truncate(label.trim_end(), room.saturating_sub(1))
            );
        }
    }
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(vec![Span::styled(
            label,
            if focused {
                theme.title()
            } else {
                theme.plain()
            },
        )]))
}
