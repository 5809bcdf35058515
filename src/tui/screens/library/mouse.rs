//! The library's mouse: a click on a tab, a row or a link, and the wheel over the tabs, the list or the
//! detail, hit-tested against the last frame.

use super::{Kind, Pane, State};
use crate::tui::action::Action;
use crate::tui::screens::{Context, Msg};
use crate::tui::ui;

impl State {
    pub(super) fn mouse(
        &mut self,
        ctx: &Context,
        action: Action,
        column: u16,
        row: u16,
    ) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        let wheel = match action {
            Action::ScrollDown { .. } => Some(true),
            Action::ScrollUp { .. } => Some(false),
            _ => None,
        };
        if ui::contains(drawn.kinds, column, row) {
            let kind = match wheel {
                Some(down) => Some(self.place.kind.step(down)),
                None if drawn.kinds_as_row => drawn
                    .tabs
                    .iter()
                    .find(|&&(_, start, end)| column >= start && column < end)
                    .map(|&(kind, _, _)| kind),
                None => {
                    let inner = ui::inner(drawn.kinds);
                    ui::contains(inner, column, row)
                        .then(|| Kind::ALL.get(usize::from(row - inner.y)).copied())
                        .flatten()
                }
            }?;
            self.set_kind(kind);
            return Some(Vec::new());
        }
        if let Some(list) = drawn.list
            && ui::contains(list, column, row)
        {
            if let Some((search, _)) = drawn.search
                && ui::contains(search, column, row)
            {
                self.typing = true;
                self.place.pane = Pane::List;
                return Some(Vec::new());
            }
            let rows_area = drawn.rows_area;
            let (offset, len, cursor) = (drawn.offset, drawn.rows.len(), drawn.cursor);
            let was_list = self.place.pane == Pane::List;
            self.place.pane = Pane::List;
            match wheel {
                Some(down) => {
                    self.move_cursor(ctx, if down { Action::Down } else { Action::Up });
                }
                None if ui::contains(rows_area, column, row) => {
                    let index = offset + usize::from(row - rows_area.y);
                    if index == cursor && was_list && index < len {
                        // A click on the selected row opens it.
                        self.place.pane = Pane::Detail;
                    } else if index < len {
                        self.place.cursors[self.place.kind.index()] = index;
                        self.reset_detail();
                    }
                }
                None => {}
            }
            return Some(Vec::new());
        }
        let pane = drawn.detail_pane?;
        if !ui::contains(pane, column, row) {
            return None;
        }
        self.place.pane = Pane::Detail;
        let rows = drawn.detail_rows();
        let lines = drawn.detail.lines.len();
        if wheel.is_some() {
            self.place.detail.apply(action, lines, rows);
            let top = usize::from(self.place.detail.offset);
            let shown = top..top + usize::from(rows);
            if self
                .place
                .link
                .and_then(|l| drawn.detail.link_lines(l))
                .is_some_and(|(first, _)| !shown.contains(&first))
            {
                self.place.link = None;
            }
            return Some(Vec::new());
        }
        let inner = ui::inner(pane);
        if !ui::contains(inner, column, row) || drawn.detail_of != self.selected(ctx.store) {
            return Some(Vec::new());
        }
        let line = usize::from(self.place.detail.offset) + usize::from(row - inner.y);
        if let Some(link) = drawn.detail.lines.get(line).and_then(|l| l.link)
            && let Some(target) = drawn.detail.links.get(link).cloned()
        {
            self.place.link = Some(link);
            self.follow(ctx, &target);
        }
        Some(Vec::new())
    }
}
