//! The Exercises screen's input: typing the query, moving through the matches, scrolling the detail,
//! picking filters. Clicks and scrolling use the last frame's layout.

use super::{Pane, Picker, State};
use crate::search::{Filters, MAX_QUERY_CHARS};
use crate::tui::action::Action;
use crate::tui::screens::{Context, Msg};
use crate::tui::ui::{self, Scroll};

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        if self.picker.is_some() {
            return self.update_picker(ctx, action);
        }
        let edits = matches!(
            action,
            Action::Input(_) | Action::Backspace | Action::ClearInput | Action::ClearFilters
        );
        // Moving or clicking needs the list as it is now (waiting for the search thread if it works
        // on it); edits wait for the next frame.
        if !edits && (self.pending() || self.searching()) {
            self.refresh(ctx);
            self.wait_for_search(ctx);
        }
        let page = self
            .drawn
            .as_ref()
            .map_or(10, |d| usize::from(d.rows.height.max(2)) - 1);
        match action {
            Action::Click { column, row } => return self.click(column, row),
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                return self.wheel(ctx, action, column, row);
            }
            Action::FocusSearch => self.pane = Pane::Search,
            Action::PickFilter => {
                if ctx.store.exercises.is_empty() {
                    return Some(vec![Msg::Info(String::from(
                        "There is nothing to filter: this content store has no exercises.",
                    ))]);
                }
                self.picker = Some(Picker::new(ctx.store, &self.filters));
            }
            Action::Input(c) if self.typing() => {
                if c.is_control() || self.query.chars().count() >= MAX_QUERY_CHARS {
                    return None;
                }
                self.query.push(c);
                self.query_edited();
            }
            Action::Backspace if self.typing() => {
                self.query.pop()?;
                self.query_edited();
            }
            Action::ClearInput if self.typing() => {
                if self.query.is_empty() {
                    return None;
                }
                self.query.clear();
                self.query_edited();
            }
            Action::ClearFilters => {
                if self.query.is_empty() && !self.has_filters() {
                    return None;
                }
                self.query.clear();
                self.filters = Filters::default();
                self.ground_changed();
            }
            // Enter in the box opens the match under the cursor (the best one, unless moved).
            Action::Select if self.typing() => {
                self.pane = if self.selected().is_some() {
                    Pane::Detail
                } else {
                    Pane::List
                };
            }
            Action::Back | Action::NextPane | Action::PrevPane if self.typing() => {
                self.pane = Pane::List;
            }
            Action::Back if self.pane == Pane::List => {
                // A step back from a search: clear it, staying on the same exercise.
                if self.query.is_empty() {
                    return None;
                }
                self.query.clear();
                self.ground_changed();
            }
            Action::Back | Action::NextPane | Action::PrevPane if self.pane == Pane::Detail => {
                self.pane = Pane::List;
            }
            Action::Select | Action::NextPane | Action::PrevPane => {
                self.selected()?;
                self.pane = Pane::Detail;
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
                if self.pane == Pane::Detail =>
            {
                let drawn = self.drawn.as_ref()?;
                self.detail
                    .apply(action, drawn.detail_lines.len(), drawn.text.height);
            }
            Action::Up => self.move_cursor(ctx, false, 1),
            Action::Down => self.move_cursor(ctx, true, 1),
            Action::PageUp => self.move_cursor(ctx, false, page),
            Action::PageDown => self.move_cursor(ctx, true, page),
            Action::Top => self.move_cursor(ctx, false, usize::MAX),
            Action::Bottom => self.move_cursor(ctx, true, usize::MAX),
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Keys and the mouse while the filter picker is open: it has them all.
    fn update_picker(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        // A page is the rows the picker shows, less one for continuity (choices and their headings).
        let page = self
            .drawn
            .as_ref()
            .and_then(|d| d.picker.as_ref())
            .map_or(1, |d| usize::from(d.rows.height.saturating_sub(1)).max(1));
        let picker = self.picker.as_mut()?;
        let last = picker.choices.len().saturating_sub(1);
        match action {
            Action::PageUp => picker.cursor = picker.cursor.saturating_sub(page),
            Action::PageDown => picker.cursor = (picker.cursor + page).min(last),
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::Down => picker.cursor = (picker.cursor + 1).min(last),
            Action::Top => picker.cursor = 0,
            Action::Bottom => picker.cursor = last,
            Action::Back => self.picker = None,
            Action::Select => self.choose_filter(),
            Action::Click { column, row } => {
                let drawn = self.drawn.as_ref()?.picker.as_ref()?;
                if !ui::contains(drawn.area, column, row) {
                    self.picker = None;
                } else if let Some(at) = drawn.choice_at_row(row) {
                    picker.cursor = at;
                    self.choose_filter();
                }
            }
            Action::ScrollUp { .. } => picker.cursor = picker.cursor.saturating_sub(1),
            Action::ScrollDown { .. } => picker.cursor = (picker.cursor + 1).min(last),
            _ => return None,
        }
        if self.picker.is_none() && self.pending() {
            // Keep the next frame's list honest even if it comes before the next settle.
            self.refresh(ctx);
        }
        Some(Vec::new())
    }

    /// Sets the filter the picker's cursor is on, and closes the picker.
    fn choose_filter(&mut self) {
        let Some(picker) = self.picker.take() else {
            return;
        };
        if let Some(choice) = picker.chosen() {
            choice.apply(&mut self.filters);
            self.ground_changed();
        }
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        if ui::contains(drawn.search, column, row) {
            self.pane = Pane::Search;
        } else if ui::contains(drawn.list, column, row) {
            self.pane = Pane::List;
            if ui::contains(drawn.rows, column, row) {
                let at = drawn.first_row + usize::from(row - drawn.rows.y);
                if at < self.hits().len() {
                    self.choose(at);
                }
            }
        } else if ui::contains(drawn.detail, column, row) {
            self.selected()?;
            self.pane = Pane::Detail;
        } else {
            return None;
        }
        Some(Vec::new())
    }

    /// The wheel moves the list or scrolls the detail, whichever is under the pointer.
    fn wheel(&mut self, ctx: &Context, action: Action, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        let down = matches!(action, Action::ScrollDown { .. });
        if ui::contains(drawn.list, column, row) {
            self.move_cursor(ctx, down, 1);
        } else if ui::contains(drawn.detail, column, row) {
            let (lines, rows) = (drawn.detail_lines.len(), drawn.text.height);
            if Scroll::max(lines, rows) == 0 {
                return None;
            }
            self.detail.apply(action, lines, rows);
        } else {
            return None;
        }
        Some(Vec::new())
    }
}
