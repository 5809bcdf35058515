//! Draws the library from the frame laid out in `layout.rs`: the tabs (a row, or a column when wide), the
//! list with its search box, and the detail with its links. It only reads.

use super::detail::LINK;
use super::{Drawn, Pane, State};
use crate::text::{self, Line as TextLine, Role};
use crate::tui::screens::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::{self, ScrollView, pane::pane_in};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let theme = ctx.theme;
        let Some(drawn) = &self.drawn else { return };
        if drawn.body.width == 0 || drawn.body.height == 0 {
            return;
        }
        let active = !overlay_open;
        if drawn.kinds_as_row {
            frame.render_widget(ui::line(&drawn.tab_line, theme), drawn.kinds);
        } else {
            let block = pane_in("Library", false, theme, drawn.kinds.width);
            frame.render_widget(
                Paragraph::new(ui::lines(&drawn.kinds_lines, theme)).block(block),
                drawn.kinds,
            );
        }
        self.list(drawn, frame, theme, active && self.place.pane == Pane::List);
        if let Some(pane) = drawn.detail_pane {
            let focused = active && self.place.pane == Pane::Detail;
            let lines: Vec<TextLine> = drawn
                .detail
                .lines
                .iter()
                .map(|l| {
                    if l.link.is_some() && l.link == self.place.link {
                        focused_link(&l.line, focused)
                    } else {
                        l.line.clone()
                    }
                })
                .collect();
            ScrollView {
                title: &drawn.detail.title,
                lines: &lines,
                scroll: self.place.detail,
                focused,
            }
            .render(frame, pane, theme);
        }
    }

    fn list(&self, drawn: &Drawn, frame: &mut Frame, theme: &Theme, focused: bool) {
        let Some(area) = drawn.list else { return };
        let len = drawn.rows.len();
        let height = usize::from(drawn.rows_area.height);
        let above = drawn.offset > 0;
        let below = drawn.offset + height < len;
        let position = format!("{}/{len}", drawn.cursor + 1);
        let cue = match (above, below) {
            (_, true) => Some((format!(" ▼ more below · {position} "), theme.accent())),
            (true, false) => Some((format!(" ▲ more above · {position} "), theme.muted())),
            _ => None,
        };
        let mut block: Block = pane_in(&drawn.list_title, focused, theme, area.width);
        let room = usize::from(area.width.saturating_sub(2));
        let cue_width = cue.as_ref().map_or(0, |(c, _)| text::width(c));
        if let Some(back) = &drawn.back {
            let hint_room = room.saturating_sub(cue_width + 3);
            if hint_room >= 8 {
                block = block.title_bottom(Line::styled(
                    format!(" {} ", text::truncate(back, hint_room)),
                    theme.accent(),
                ));
            }
        }
        if let Some((cue, style)) = cue
            && cue_width <= room
        {
            block = block.title_bottom(Line::styled(cue, style).right_aligned());
        }
        frame.render_widget(block, area);
        if let Some((row, line)) = &drawn.search {
            frame.render_widget(ui::line(line, theme), *row);
        }
        let under_cursor = drawn.cursor.checked_sub(drawn.offset);
        let lines: Vec<TextLine> = drawn
            .row_lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                if len > 0 && Some(n) == under_cursor {
                    line.restyled(if focused {
                        Role::Selected
                    } else {
                        Role::Strong
                    })
                } else {
                    line.clone()
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(ui::lines(&lines, theme)), drawn.rows_area);
    }
}

/// The focused link: `▶` for its marker and the whole line selected (or bold when the detail has no
/// focus), so it shows without colour.
fn focused_link(line: &TextLine, focused: bool) -> TextLine {
    let text = line.plain().replacen(LINK, "▶", 1);
    TextLine::of(
        if focused {
            Role::Selected
        } else {
            Role::Strong
        },
        text,
    )
}
