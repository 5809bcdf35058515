//! Draws the Results screen from the frame laid out in `layout.rs`: it only reads.

use super::layout::{Drawn, TextPane};
use super::{Pane, State};
use crate::tui::screens::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::{self, Scroll, ScrollView, pane::pane_in, scroll};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

impl State {
    pub fn render(&self, ctx: &Context, frame: &mut Frame, overlay_open: bool) {
        let theme = ctx.theme;
        let Some(drawn) = &self.drawn else { return };
        if let Some(care) = &drawn.care {
            let border = if ctx.report.has_red_flags() {
                theme.danger()
            } else {
                theme.warn()
            };
            ScrollView {
                title: &care.title,
                lines: &care.lines,
                scroll: self.care,
                focused: !overlay_open,
            }
            .render_with(frame, care.area, theme, |b| b.border_style(border));
            return;
        }
        let focused = |pane: Pane| self.pane == pane && !overlay_open && self.claims.is_none();
        if let Some((area, lines)) = &drawn.notice {
            frame.render_widget(Paragraph::new(ui::lines(lines, theme)), *area);
        }
        self.render_chains(drawn, frame, theme, focused(Pane::Chains));
        self.render_diagram(ctx, drawn, frame, focused(Pane::Diagram));
        if let Some(reasons) = &drawn.reasons {
            self.render_text(frame, theme, reasons, self.reasons, focused(Pane::Reasons));
        }
        if let Some(routine) = &drawn.routine {
            let focus = focused(Pane::Routine);
            self.render_text(frame, theme, &routine.pane, self.routine, focus);
            if let Some((area, id)) = &routine.figure
                && let Some(exercise) = ctx.store.exercise(id)
                && exercise.figure.is_some()
            {
                let name = exercise.name.as_str();
                let block = pane_in(&format!("{name} · how it moves"), false, theme, area.width);
                frame.render_widget(block, *area);
                if let Some(moving) = &routine.moving {
                    self.drawings.render(moving, ctx.store, frame.buffer_mut());
                }
            }
        }
        if let (Some(claims), Some(scroll)) = (&drawn.claims, self.claims) {
            frame.render_widget(Clear, claims.area);
            ScrollView {
                title: &claims.title,
                lines: &claims.lines,
                scroll,
                focused: !overlay_open,
            }
            .render(frame, claims.area, theme);
        }
    }

    /// A text pane, its visible text put down from the cells `prepare` kept.
    fn render_text(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        pane: &TextPane,
        scroll: Scroll,
        focused: bool,
    ) {
        let area = ui::inner(pane.area);
        let offset = scroll.shown(pane.lines.len(), area.height);
        let cells = self.text_cells.cells(&pane.lines, offset, area, theme);
        ScrollView {
            title: &pane.title,
            lines: &pane.lines,
            scroll,
            focused,
        }
        .render_kept(frame, pane.area, theme, |b| b, cells);
    }

    /// The stories, one row each; the selected one marked with ▶ and reversed.
    fn render_chains(&self, drawn: &Drawn, frame: &mut Frame, theme: &Theme, focused: bool) {
        let Some(chains) = &drawn.chains else { return };
        let inner = ui::inner(chains.area);
        let block = pane_in(&chains.title, focused, theme, chains.area.width);
        let first = ui::to_u16(chains.first);
        frame.render_widget(
            scroll::cues(
                block,
                chains.rows.len(),
                inner.height,
                usize::from(first),
                theme,
            ),
            chains.area,
        );
        if chains.rows.is_empty() {
            let empty = crate::text::Line::of(
                crate::text::Role::Muted,
                "This content store has no stories.",
            );
            frame.render_widget(Paragraph::new(ui::line(&empty, theme)), inner);
            return;
        }
        let selected = if focused {
            theme.selected()
        } else {
            theme.selected_unfocused()
        };
        let rows: Vec<_> = chains
            .rows
            .iter()
            .enumerate()
            .skip(chains.first)
            .take(usize::from(inner.height))
            .map(|(i, row)| {
                let line = ui::line(row, theme);
                if i == self.chain {
                    line.patch_style(selected)
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), inner);
    }

    /// The chain's boxes, the selected step's text under them (with its own cues and scrollbar), and
    /// the drawings beside it.
    fn render_diagram(&self, ctx: &Context, drawn: &Drawn, frame: &mut Frame, focused: bool) {
        let theme = ctx.theme;
        let Some(diagram) = &drawn.diagram else {
            return;
        };
        let parts = &diagram.parts;
        let rows = parts.detail.height;
        let offset = self
            .detail
            .offset
            .min(Scroll::max(diagram.detail.len(), rows));
        let block = pane_in(&diagram.title, focused, theme, diagram.area.width);
        frame.render_widget(
            scroll::cues(
                block,
                diagram.detail.len(),
                rows,
                usize::from(offset),
                theme,
            ),
            diagram.area,
        );
        let canvas: Vec<_> = diagram
            .canvas
            .iter()
            .skip(usize::from(parts.scroll))
            .take(usize::from(parts.canvas.height))
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(ui::lines(&canvas, theme)), parts.canvas);
        let detail: Vec<_> = diagram
            .detail
            .iter()
            .skip(usize::from(offset))
            .take(usize::from(rows))
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(ui::lines(&detail, theme)), parts.detail);
        // The scrollbar runs down the pane's right border beside the text it scrolls.
        let beside = Rect::new(
            parts.detail.x,
            parts.detail.y.saturating_sub(1),
            diagram.area.right().saturating_sub(parts.detail.x),
            rows.saturating_add(2),
        );
        scroll::scrollbar(frame, beside, diagram.detail.len(), rows, offset);
        for ((name, area), moving) in parts.drawings.iter().zip(&diagram.moving) {
            // Where a canvas cannot fit, the drawing's key pose as text.
            if !self.drawings.render(moving, ctx.store, frame.buffer_mut())
                && let Some(drawing) = crate::assets::diagram(name)
            {
                frame.render_widget(Paragraph::new(drawing).style(theme.accent()), *area);
            }
        }
    }
}
