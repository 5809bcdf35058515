//! The compare screen's input: scrolling both sides together, stepping topic by topic, the pickers (which
//! refuse the other side's article), swapping, and finding a topic or claim. Clicks and scrolling use
//! the last frame's layout.

use super::{Anchor, Focus, Picker, Side, State};
use crate::search::MAX_QUERY_CHARS;
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{Scope, label_in};
use crate::tui::screens::{Context, Msg};
use crate::tui::ui::{self, scroll::WHEEL_LINES};

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        self.comparison(ctx.store)?;
        if self.picker.is_some() {
            return self.picker_update(ctx, action);
        }
        if self.typing {
            return self.typing_update(ctx, action);
        }
        match action {
            Action::Up => self.scroll_by(-1),
            Action::Down => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::PageDown => self.scroll_by(self.page()),
            Action::Top => self.top = Anchor::default(),
            Action::Bottom => self.scroll_by(isize::MAX / 2),
            Action::Left => self.step_row(false),
            Action::Right => self.step_row(true),
            Action::PickA => self.open_picker(Side::A),
            Action::PickB => self.open_picker(Side::B),
            // The rows are the topics either article speaks to, in file order, so swapping keeps them.
            Action::Swap => std::mem::swap(&mut self.a, &mut self.b),
            Action::NextPane | Action::PrevPane => {
                let order = [Focus::Rows, Focus::Header(Side::A), Focus::Header(Side::B)];
                let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let next = if action == Action::NextPane {
                    (at + 1) % order.len()
                } else {
                    (at + order.len() - 1) % order.len()
                };
                self.focus = order[next];
            }
            Action::Select => match self.focus {
                Focus::Header(side) => self.open_picker(side),
                Focus::Rows => return None,
            },
            Action::Back => match self.focus {
                Focus::Header(_) => self.focus = Focus::Rows,
                Focus::Rows if !self.query.is_empty() => self.query.clear(),
                Focus::Rows => return None,
            },
            Action::FocusSearch => {
                self.typing = true;
                self.focus = Focus::Rows;
            }
            Action::ClearInput if !self.query.is_empty() => self.query.clear(),
            Action::Click { column, row } => return self.click(column, row),
            Action::ScrollDown { column, row } | Action::ScrollUp { column, row } => {
                let drawn = self.drawn.as_ref()?;
                if !ui::contains(drawn.body, column, row) {
                    return None;
                }
                let lines = isize::try_from(WHEEL_LINES).unwrap_or(3);
                let down = matches!(action, Action::ScrollDown { .. });
                self.scroll_by(if down { lines } else { -lines });
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Keys while the search box has the keyboard: letters edit the query and jump to the first topic
    /// found; ↓/↑ go to the next or previous one.
    fn typing_update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        match action {
            Action::Input(c) => {
                if c.is_control() || self.query.chars().count() >= MAX_QUERY_CHARS {
                    return Some(Vec::new());
                }
                self.query.push(c);
                self.jump_to_match(ctx, None);
            }
            Action::Backspace => {
                self.query.pop()?;
                self.jump_to_match(ctx, None);
            }
            Action::ClearInput => {
                if self.query.is_empty() {
                    return None;
                }
                self.query.clear();
            }
            Action::Down => self.jump_to_match(ctx, Some(true)),
            Action::Up => self.jump_to_match(ctx, Some(false)),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::Back | Action::Select => self.typing = false,
            Action::NextPane | Action::PrevPane => {
                self.typing = false;
                return self.update(ctx, action);
            }
            Action::Click { .. } | Action::ScrollUp { .. } | Action::ScrollDown { .. } => {
                self.typing = false;
                return self.update(ctx, action);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Puts a topic the search finds at the top: the first one (`None`), or the next or previous one
    /// after the topic in view, going round at the ends.
    fn jump_to_match(&mut self, ctx: &Context, step: Option<bool>) {
        let found = self.matches(ctx.store);
        let here = self.top.row;
        let target = match step {
            None => found.first(),
            Some(true) => found.iter().find(|&&r| r > here).or(found.first()),
            Some(false) => found.iter().rev().find(|&&r| r < here).or(found.last()),
        };
        if let Some(&row) = target {
            self.top = Anchor { row, line: 0 };
        }
    }

    /// Lines in a page: the viewport less one, for continuity.
    fn page(&self) -> isize {
        let height = self.drawn.as_ref().map_or(1, |d| d.viewport.height);
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the view by `delta` lines, both sides together, never past the last line.
    fn scroll_by(&mut self, delta: isize) {
        let Some(drawn) = &self.drawn else { return };
        let (doc, height) = (&drawn.doc, drawn.viewport.height);
        let line = doc.line_of(self.top, height);
        let moved = line.saturating_add_signed(delta).min(doc.max_top(height));
        self.top = doc.anchor_at(moved);
    }

    /// Puts the next (or previous) topic at the top of the view.
    fn step_row(&mut self, forward: bool) {
        let Some(drawn) = &self.drawn else { return };
        let (doc, height) = (&drawn.doc, drawn.viewport.height);
        let anchor = doc.anchor_at(doc.line_of(self.top, height));
        let row = if forward {
            (anchor.row + 1).min(doc.rows.len().saturating_sub(1))
        } else if anchor.line > 0 {
            // Mid-row: back to this row's topic line first.
            anchor.row
        } else {
            anchor.row.saturating_sub(1)
        };
        self.top = Anchor { row, line: 0 };
    }

    fn open_picker(&mut self, side: Side) {
        self.picker = Some(Picker {
            side,
            cursor: self.index(side),
        });
    }

    fn picker_update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        let Picker { side, cursor } = self.picker?;
        let count = ctx.store.articles.len();
        let other = self.index(side.other());
        // Moving skips the other side's article: it cannot be compared with itself.
        let open = |i: &usize| *i != other;
        let moved = match action {
            Action::Up | Action::ScrollUp { .. } => (0..cursor).rev().find(open),
            Action::Down | Action::ScrollDown { .. } => (cursor + 1..count).find(open),
            Action::Top | Action::PageUp => (0..count).find(open),
            Action::Bottom | Action::PageDown => (0..count).rev().find(open),
            Action::Select => return Some(self.choose(ctx, side, cursor)),
            Action::Back => {
                self.picker = None;
                return Some(Vec::new());
            }
            Action::Click { column, row } => {
                let drawn = self.drawn.as_ref()?;
                let (popup, list) = drawn.picker?;
                if ui::contains(list, column, row) {
                    let index = drawn.picker_offset + usize::from(row - list.y);
                    if index < count {
                        return Some(self.choose(ctx, side, index));
                    }
                } else if !ui::contains(popup, column, row) {
                    self.picker = None;
                }
                return Some(Vec::new());
            }
            _ => return None,
        };
        self.picker = Some(Picker {
            side,
            cursor: moved.unwrap_or(cursor),
        });
        Some(Vec::new())
    }

    /// Puts article `index` on `side`, keeping the topic in view when the new pair also speaks to it.
    /// The other side's article is refused.
    fn choose(&mut self, ctx: &Context, side: Side, index: usize) -> Vec<Msg> {
        let store = ctx.store;
        let other = side.other();
        if index == self.index(other) {
            let article = self
                .article(store, other)
                .map_or_else(String::new, |a| format!("{} {}", a.number, a.short));
            let swap = label_in(Scope::Screen(Screen::Compare), Action::Swap);
            return vec![Msg::Error(format!(
                "{article} is already article {}: an article compared with itself says nothing. Pick another for {}, or {swap} swaps A and B.",
                other.letter(),
                side.letter()
            ))];
        }
        let topic = self
            .comparison(store)
            .and_then(|c| c.rows.get(self.top.row).map(|r| r.topic.id.to_string()));
        self.picker = None;
        if index >= store.articles.len() {
            return Vec::new();
        }
        match side {
            Side::A => self.a = index,
            Side::B => self.b = index,
        }
        let row = topic.and_then(|id| {
            self.comparison(store)
                .and_then(|c| c.rows.iter().position(|r| r.topic.id.as_str() == id))
        });
        self.top = Anchor {
            row: row.unwrap_or(0),
            line: 0,
        };
        Vec::new()
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        for side in [Side::A, Side::B] {
            if ui::contains(drawn.header(side), column, row) {
                self.focus = Focus::Header(side);
                self.open_picker(side);
                return Some(Vec::new());
            }
        }
        if let Some((search, _)) = drawn.search
            && ui::contains(search, column, row)
        {
            self.typing = true;
            self.focus = Focus::Rows;
            return Some(Vec::new());
        }
        if ui::contains(drawn.rows, column, row) {
            self.focus = Focus::Rows;
            return Some(Vec::new());
        }
        None
    }
}
