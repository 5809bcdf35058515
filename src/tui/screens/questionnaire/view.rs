//! Draws the questionnaire from the frame laid out in `layout.rs`: it only reads.

use super::{Pane, State};
use crate::engine::flow;
use crate::text::{Line as TextLine, Role};
use crate::tui::screens::Context;
use crate::tui::ui::{self, ScrollView, pane};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, help_open: bool) {
        let theme = ctx.theme;
        let Some(drawn) = &self.drawn else { return };
        let Some(question) = self.question(ctx) else {
            let text = "This content store has no questionnaire. Browse the exercises (4) and library (5).";
            frame.render_widget(
                Paragraph::new(text).block(pane("Questionnaire", true, theme)),
                drawn.body,
            );
            return;
        };
        let q = &ctx.store.questionnaire;

        if let Some((area, lines)) = &drawn.banner {
            let block = pane("Red flag", false, theme).border_style(theme.danger());
            let inner = ui::inner(*area);
            frame.render_widget(block, *area);
            frame.render_widget(Paragraph::new(ui::lines(lines, theme)), inner);
        }

        if let Some((area, shown)) = &drawn.progress {
            let items: Vec<ListItem> = shown
                .iter()
                .map(|&i| {
                    let item = &q.questions[i];
                    let mark = if ctx.answers.is_answered(&item.id) {
                        "✓"
                    } else {
                        "·"
                    };
                    let current = if i == self.current { "▶" } else { " " };
                    ListItem::new(crate::text::truncate(
                        &format!("{current}{mark} {}", item.prompt),
                        usize::from(area.width.saturating_sub(2)),
                    ))
                })
                .collect();
            let (done, all) = flow::progress(q, ctx.answers);
            let mut list_state =
                ListState::default().with_selected(shown.iter().position(|&i| i == self.current));
            let list = List::new(items)
                .block(pane(&format!("Progress {done}/{all}"), false, theme))
                .highlight_style(theme.selected_unfocused());
            frame.render_stateful_widget(list, *area, &mut list_state);
        }

        // The question and its options.
        let focused = self.pane == Pane::Options && !help_open;
        let section = q
            .section(&question.section)
            .map_or(question.section.as_str(), |s| s.title.as_str());
        // Questions come in the order that tells the stories apart best, so the count is of answers.
        let (done, all) = flow::progress(q, ctx.answers);
        let title = if ctx.answers.is_answered(&question.id) {
            format!("Answered · {done} of {all} done · {section}")
        } else {
            format!("Question {} of {all} · {section}", done + 1)
        };
        let mut block = ui::pane::pane_in(&title, focused, theme, drawn.question.width);
        let hidden_above = drawn.first_option > 0;
        if drawn.more_options_below() {
            let more = if question.options.len() > 1 {
                format!(" ▼ more options below ({} in all) ", question.options.len())
            } else {
                String::from(" ▼ more below ")
            };
            block =
                block.title_bottom(Line::from(Span::styled(more, theme.accent())).right_aligned());
        } else if hidden_above {
            block = block.title_bottom(
                Line::from(Span::styled(" ▲ more options above ", theme.muted())).right_aligned(),
            );
        }
        frame.render_widget(block, drawn.question);
        let inner = ui::inner(drawn.question);
        frame.render_widget(Paragraph::new(ui::lines(&drawn.header, theme)), inner);
        let visible: Vec<TextLine> = drawn
            .option_lines
            .iter()
            .skip(drawn.first_option)
            .flatten()
            .take(usize::from(drawn.options.height))
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(ui::lines(&visible, theme)), drawn.options);

        ScrollView {
            title: "Check yourself",
            lines: &drawn.guide_lines,
            scroll: self.guide,
            focused: self.pane == Pane::Guide && !help_open,
        }
        .render(frame, drawn.guide, theme);

        if let Some(area) = drawn.confirm {
            frame.render_widget(Clear, area);
            let text = vec![
                TextLine::of(Role::Plain, "Start over? This clears all your answers."),
                TextLine::new(),
                TextLine::of(Role::Accent, "y  yes, clear them    n  no, keep them"),
            ];
            frame.render_widget(
                Paragraph::new(ui::lines(&text, theme)).block(pane("Start over", true, theme)),
                area,
            );
        }
    }
}
