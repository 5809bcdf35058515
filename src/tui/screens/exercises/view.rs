//! Draws the Exercises screen from the frame laid out in `layout.rs`: it only reads.

use super::{Pane, State};
use crate::tui::screens::Context;
use crate::tui::ui::{self, ListView, ScrollView};
use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Paragraph};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let theme = ctx.theme;
        let Some(drawn) = &self.drawn else { return };
        let focus = |p: Pane| self.pane == p && self.picker.is_none() && !overlay_open;

        frame.render_widget(
            ui::pane::pane_in("Search", focus(Pane::Search), theme, drawn.search.width),
            drawn.search,
        );
        frame.render_widget(
            Paragraph::new(ui::lines(&drawn.search_lines, theme)),
            ui::inner(drawn.search),
        );

        // Reversed while the cursor answers the keys (in the box, ↓ and ↑ move it too). With the detail
        // focused the row is only bold: an underline would hide the underlined matched letters.
        let selected_style = if self.pane == Pane::Detail || overlay_open {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            theme.selected()
        };
        ListView {
            title: &drawn.list_title,
            rows: &drawn.row_lines,
            first: drawn.first_row,
            total: self.total(),
            selected: self
                .cursor
                .checked_sub(drawn.first_row)
                .map(|at| (at, selected_style)),
            focused: focus(Pane::List),
        }
        .render(frame, drawn.list, theme);
        if !drawn.empty.is_empty() {
            frame.render_widget(Paragraph::new(ui::lines(&drawn.empty, theme)), drawn.rows);
        }

        ScrollView {
            title: "Detail",
            lines: &drawn.detail_lines,
            scroll: self.detail,
            focused: focus(Pane::Detail),
        }
        .render(frame, drawn.detail, theme);
        if self.selected().is_none() {
            frame.render_widget(
                Paragraph::new("Nothing selected.").style(theme.muted()),
                drawn.text,
            );
        }
        if let Some(figure) = &drawn.figure {
            super::figure::render(figure, frame, theme);
        }

        if let Some(picker) = &drawn.picker {
            frame.render_widget(Clear, picker.area);
            ListView {
                title: "Filter the list",
                rows: picker.lines.get(picker.first..).unwrap_or_default(),
                first: picker.first,
                total: picker.lines.len(),
                selected: None,
                focused: true,
            }
            .render(frame, picker.area, theme);
        }
    }
}
