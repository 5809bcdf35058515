//! Draws the compare screen from the frame laid out in `layout.rs`: a header per article, the rows of
//! claims aligned by topic with the search box above them, and the article picker. It only reads.

use super::doc::DocLine;
use super::layout::{Drawn, PAD};
use super::{Focus, Side, State};
use crate::text::{self, Line as TextLine, Role};
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{Scope, label_in};
use crate::tui::screens::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::{self, pane::pane_in, scroll};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Padding, Paragraph, Wrap};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let theme = ctx.theme;
        let Some(drawn) = &self.drawn else { return };
        if let Some(message) = &drawn.empty {
            frame.render_widget(
                Paragraph::new(message.as_str())
                    .wrap(Wrap { trim: true })
                    .block(pane_in("Compare", true, theme, drawn.body.width)),
                drawn.body,
            );
            return;
        }
        let popup_open = self.picker.is_some() || overlay_open;
        for side in [Side::A, Side::B] {
            self.header(ctx, drawn, frame, side, popup_open);
        }
        self.rows(
            drawn,
            frame,
            theme,
            self.focus == Focus::Rows && !popup_open,
        );
        if let (Some(picker), Some((popup, list))) = (self.picker, drawn.picker) {
            frame.render_widget(Clear, popup);
            let title = format!("Pick article {}", picker.side.letter());
            let mut block = pane_in(&title, !overlay_open, theme, popup.width);
            let shown = drawn.picker_lines.len();
            let count = ctx.store.articles.len();
            if drawn.picker_offset + shown < count {
                block = block
                    .title_bottom(Line::styled(" ▼ more below ", theme.accent()).right_aligned());
            } else if drawn.picker_offset > 0 {
                block = block
                    .title_bottom(Line::styled(" ▲ more above ", theme.muted()).right_aligned());
            }
            frame.render_widget(block, popup);
            let under_cursor = picker.cursor.checked_sub(drawn.picker_offset);
            let lines: Vec<TextLine> = drawn
                .picker_lines
                .iter()
                .enumerate()
                .map(|(n, l)| {
                    if Some(n) == under_cursor {
                        l.restyled(Role::Selected)
                    } else {
                        l.clone()
                    }
                })
                .collect();
            frame.render_widget(Paragraph::new(ui::lines(&lines, theme)), list);
        }
    }

    fn header(
        &self,
        ctx: &Context,
        drawn: &Drawn,
        frame: &mut Frame,
        side: Side,
        popup_open: bool,
    ) {
        let area = drawn.header(side);
        let Some(article) = self.article(ctx.store, side) else {
            return;
        };
        if area.width == 0 || area.height == 0 {
            return;
        }
        let theme = ctx.theme;
        let focused = self.focus == Focus::Header(side) && !popup_open;
        let title = format!("{} · {} {}", side.letter(), article.number, article.short);
        let action = match side {
            Side::A => Action::PickA,
            Side::B => Action::PickB,
        };
        let hint = format!(
            " {} change ",
            label_in(Scope::Screen(Screen::Compare), action)
        );
        let mut block =
            pane_in(&title, focused, theme, area.width).padding(Padding::horizontal(PAD));
        // Corners, " ▶ " and a space around the title: show the key only where both fit.
        if usize::from(area.width) >= text::width(&title) + text::width(&hint) + 6 {
            block = block.title_top(Line::styled(hint, theme.muted()).right_aligned());
        }
        let lines = match side {
            Side::A => &drawn.headers[0],
            Side::B => &drawn.headers[1],
        };
        frame.render_widget(Paragraph::new(ui::lines(lines, theme)).block(block), area);
    }

    fn rows(&self, drawn: &Drawn, frame: &mut Frame, theme: &Theme, focused: bool) {
        let area = drawn.rows;
        if area.width == 0 || area.height == 0 {
            return;
        }
        let doc = &drawn.doc;
        let viewport = drawn.viewport;
        let mut block = pane_in(&drawn.tally, focused, theme, area.width);
        if !doc.rows.is_empty() {
            let (first, last, all) = (drawn.first_row + 1, drawn.last_row + 1, doc.rows.len());
            let position = if first == last {
                format!("topic {first} of {all}")
            } else {
                format!("topics {first}–{last} of {all}")
            };
            let below = drawn.top < doc.max_top(viewport.height);
            let cue = match (below, drawn.top > 0) {
                (true, _) => Some(("▼ more below", theme.accent())),
                (false, true) => Some(("▲ more above", theme.muted())),
                _ => None,
            };
            let room = usize::from(area.width.saturating_sub(4));
            let text = match cue {
                Some((cue, _)) if text::width(cue) + text::width(&position) + 5 <= room => {
                    format!(" {cue} · {position} ")
                }
                Some((cue, _)) => format!(" {cue} "),
                None => format!(" {position} "),
            };
            let style = cue.map_or(theme.muted(), |(_, s)| s);
            if text::width(&text) <= room {
                block = block.title_bottom(Line::styled(text, style).right_aligned());
            }
        }
        frame.render_widget(block, area);
        if let Some((row, line)) = &drawn.search {
            frame.render_widget(ui::line(line, theme), *row);
        }
        if viewport.width == 0 || viewport.height == 0 {
            return;
        }
        if doc.rows.is_empty() {
            frame.render_widget(
                Paragraph::new("Neither article makes a claim on any topic.")
                    .style(theme.muted())
                    .wrap(Wrap { trim: true }),
                viewport,
            );
            return;
        }
        let mut lines: Vec<TextLine> = doc
            .lines
            .iter()
            .skip(drawn.top)
            .take(usize::from(viewport.height))
            .map(|l| doc_line(drawn, l, usize::from(viewport.width)))
            .collect();
        // Mid-row, the row's topic stays pinned on the first line, so every line in view has its topic.
        if let (Some(pinned), Some(first)) = (&drawn.pinned, lines.first_mut()) {
            *first = pinned.clone();
        }
        frame.render_widget(Paragraph::new(ui::lines(&lines, theme)), viewport);
        scroll::scrollbar(
            frame,
            area,
            doc.lines.len(),
            viewport.height,
            ui::to_u16(drawn.top),
        );
    }
}

/// One line of the rows, with the gutter between the sides.
fn doc_line(drawn: &Drawn, line: &DocLine, width: usize) -> TextLine {
    let doc = &drawn.doc;
    match line {
        DocLine::Full(l) => l.clone(),
        DocLine::Split(a, b) => {
            let mut out = a.clone();
            let pad = usize::from(doc.left).saturating_sub(a.width());
            out.push(Role::Plain, &" ".repeat(pad));
            out.push(Role::Muted, " │ ");
            for run in &b.runs {
                out.push(run.role, &run.text);
            }
            out
        }
        DocLine::Rule => {
            let text = if doc.stacked {
                "─".repeat(width)
            } else {
                let before = usize::from(doc.left) + 1;
                let after = width.saturating_sub(before + 1);
                format!("{}┴{}", "─".repeat(before), "─".repeat(after))
            };
            TextLine::of(Role::Muted, text)
        }
    }
}
