//! The library's input: moving through the lists and the detail, searching, following links and
//! stepping back, answered with messages for the app. Clicks and scrolling use the last frame's layout.

use super::detail::Target;
use super::{Kind, Pane, State, article_name, describe};
use crate::search::MAX_QUERY_CHARS;
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{Scope, label_in};
use crate::tui::screens::{Context, Msg};
use crate::tui::ui;

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        if self.typing {
            return self.typing_update(ctx, action);
        }
        let msgs = match action {
            Action::FocusSearch => {
                self.typing = true;
                self.place.pane = Pane::List;
                Vec::new()
            }
            Action::ClearInput if !self.place.query.is_empty() => {
                self.clear_query(ctx);
                Vec::new()
            }
            Action::NextPane | Action::PrevPane => {
                self.place.pane = match self.place.pane {
                    Pane::List => Pane::Detail,
                    Pane::Detail => Pane::List,
                };
                Vec::new()
            }
            Action::Left | Action::Right => {
                self.set_kind(self.place.kind.step(action == Action::Right));
                Vec::new()
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => match self.place.pane {
                Pane::List => {
                    self.move_cursor(ctx, action);
                    Vec::new()
                }
                Pane::Detail => self.move_in_detail(ctx, action)?,
            },
            Action::Select => self.select(ctx)?,
            Action::Back => self.back(ctx)?,
            Action::OpenArticle => self.open_article(ctx),
            Action::OpenChains => self.open_chains(ctx),
            Action::Click { column, row }
            | Action::ScrollUp { column, row }
            | Action::ScrollDown { column, row } => self.mouse(ctx, action, column, row)?,
            _ => return None,
        };
        Some(msgs)
    }

    /// Keys while the search box has the keyboard: letters edit the query, arrows move in the matches.
    fn typing_update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        match action {
            Action::Input(c) => {
                if c.is_control() || self.place.query.chars().count() >= MAX_QUERY_CHARS {
                    return Some(Vec::new());
                }
                self.place.query.push(c);
                self.query_edited();
            }
            Action::Backspace => {
                self.place.query.pop()?;
                self.query_edited();
            }
            Action::ClearInput => {
                if self.place.query.is_empty() {
                    return None;
                }
                self.place.query.clear();
                self.query_edited();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.move_cursor(ctx, action);
            }
            Action::Back => self.typing = false,
            Action::Select => {
                self.typing = false;
                if self.selected_index(ctx.store).is_some() {
                    self.place.pane = Pane::Detail;
                }
            }
            Action::NextPane => {
                self.typing = false;
                self.place.pane = Pane::Detail;
            }
            Action::PrevPane => {
                self.typing = false;
                self.place.pane = Pane::List;
            }
            Action::Click { .. } | Action::ScrollUp { .. } | Action::ScrollDown { .. } => {
                self.typing = false;
                return self.update(ctx, action);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The query changed: the best (first) match goes under the cursor.
    fn query_edited(&mut self) {
        let k = self.place.kind.index();
        self.place.cursors[k] = 0;
        self.place.offsets[k] = 0;
        self.reset_detail();
    }

    /// Empties the search, keeping the cursor on the record it was on.
    fn clear_query(&mut self, ctx: &Context) {
        let selected = self.selected(ctx.store);
        self.place.query.clear();
        self.keep_on(ctx.store, selected);
    }

    pub(super) fn move_cursor(&mut self, ctx: &Context, action: Action) {
        let page = self
            .drawn
            .as_ref()
            .map_or(1, |d| d.list_height().saturating_sub(1).max(1));
        let kind = self.place.kind;
        let len = self.rows(ctx.store, kind).len();
        let last = len.saturating_sub(1);
        let cursor = self.cursor(kind, len);
        let next = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (cursor + 1).min(last),
            Action::PageUp => cursor.saturating_sub(page),
            Action::PageDown => (cursor + page).min(last),
            Action::Top => 0,
            _ => last,
        };
        if next != cursor {
            self.place.cursors[kind.index()] = next;
            self.reset_detail();
        }
    }

    /// In the detail, j/k step from link to link while the next one is on screen and scroll a line
    /// otherwise; paging and g/G scroll. The focused link is dropped when it scrolls out of sight.
    fn move_in_detail(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        let drawn = self.drawn.as_ref()?;
        if drawn.detail_of != self.selected(ctx.store) {
            // The record changed since the last frame: wait for it to be laid out.
            return Some(Vec::new());
        }
        let detail = &drawn.detail;
        let rows = drawn.detail_rows();
        let height = usize::from(rows);
        let scroll = &mut self.place.detail;
        let top = usize::from(scroll.offset);
        let visible = |link: usize, top: usize| {
            detail
                .link_lines(link)
                .is_some_and(|(first, _)| first >= top && first < top + height)
        };
        let links = detail.links.len();
        let link = &mut self.place.link;
        match action {
            Action::Down => {
                let next = match *link {
                    Some(l) => Some(l + 1).filter(|&n| n < links),
                    None => {
                        (0..links).find(|&l| detail.link_lines(l).is_some_and(|(f, _)| f >= top))
                    }
                };
                if let Some(next) = next.filter(|&n| visible(n, top)) {
                    *link = Some(next);
                    // A link that wraps below the bottom scrolls into view.
                    if let Some((first, last)) = detail.link_lines(next)
                        && last >= top + height
                    {
                        scroll.offset = ui::to_u16((last + 1 - height).min(first));
                    }
                } else {
                    scroll.apply(Action::Down, detail.lines.len(), rows);
                }
            }
            Action::Up => {
                let previous = match *link {
                    Some(l) => l.checked_sub(1),
                    None => (0..links)
                        .rev()
                        .find(|&l| detail.link_lines(l).is_some_and(|(f, _)| f < top + height)),
                };
                if let Some(previous) = previous.filter(|&p| visible(p, top)) {
                    *link = Some(previous);
                } else {
                    scroll.apply(Action::Up, detail.lines.len(), rows);
                }
            }
            _ => {
                scroll.apply(action, detail.lines.len(), rows);
            }
        }
        if link.is_some_and(|l| !visible(l, usize::from(scroll.offset))) {
            *link = None;
        }
        Some(Vec::new())
    }

    fn select(&mut self, ctx: &Context) -> Option<Vec<Msg>> {
        match self.place.pane {
            Pane::List => {
                self.selected_index(ctx.store)?;
                self.place.pane = Pane::Detail;
                Some(Vec::new())
            }
            Pane::Detail => {
                let drawn = self.drawn.as_ref()?;
                let detail = &drawn.detail;
                match self.place.link.and_then(|l| detail.links.get(l)).cloned() {
                    Some(target) => {
                        self.follow(ctx, &target);
                        Some(Vec::new())
                    }
                    None if !detail.links.is_empty() => {
                        let scope = Scope::Pane(Screen::Library, "detail");
                        let (down, enter) = (
                            label_in(scope, Action::Down),
                            label_in(scope, Action::Select),
                        );
                        Some(vec![Msg::Info(format!(
                            "{down} moves to a link (marked ▸); {enter} opens it."
                        ))])
                    }
                    None => None,
                }
            }
        }
    }

    /// Opens a link, remembering where we were.
    pub(super) fn follow(&mut self, ctx: &Context, target: &Target) {
        self.push_history();
        self.go_to(ctx.store, target);
    }

    fn back(&mut self, ctx: &Context) -> Option<Vec<Msg>> {
        if let Some(previous) = self.history.pop() {
            self.place = previous;
            let text = self.selected(ctx.store).map_or_else(
                || String::from("Back."),
                |t| format!("Back to {}", describe(ctx.store, &t)),
            );
            return Some(vec![Msg::Info(text)]);
        }
        if self.place.claims_article.is_some() || self.place.chains_claim.is_some() {
            let selected = self.selected(ctx.store);
            self.place.claims_article = None;
            self.place.chains_claim = None;
            self.keep_on(ctx.store, selected);
            self.reset_detail();
            let text = format!("Showing all {}.", self.place.kind.title().to_lowercase());
            return Some(vec![Msg::Info(text)]);
        }
        if self.place.pane == Pane::Detail {
            self.place.pane = Pane::List;
            return Some(Vec::new());
        }
        if !self.place.query.is_empty() {
            self.clear_query(ctx);
            return Some(vec![Msg::Info(String::from("Search cleared."))]);
        }
        None
    }

    /// The claim `o`/`c` act on, or a note saying how to pick one.
    fn focused_claim(&self, ctx: &Context) -> Result<String, Vec<Msg>> {
        self.claim_in_focus(ctx.store).ok_or_else(|| {
            let scope = Scope::Screen(Screen::Library);
            vec![Msg::Info(format!(
                "{} and {} work on a claim: pick one in Claims, or a claim link (▸) in the detail.",
                label_in(scope, Action::OpenArticle),
                label_in(scope, Action::OpenChains)
            ))]
        })
    }

    fn open_article(&mut self, ctx: &Context) -> Vec<Msg> {
        let id = match self.focused_claim(ctx) {
            Ok(id) => id,
            Err(msgs) => return msgs,
        };
        let Some(article) = ctx.store.claim(&id).map(|c| c.article.to_string()) else {
            return Vec::new();
        };
        if ctx.store.article(&article).is_none() {
            return vec![Msg::Error(format!(
                "claim {id} names article {article:?}, which is not in this store"
            ))];
        }
        self.follow(ctx, &Target::Article(article.clone()));
        let esc = label_in(Scope::Global, Action::Back);
        vec![Msg::Info(format!(
            "Article {}, which makes claim {id} · {esc} goes back",
            article_name(ctx.store, &article)
        ))]
    }

    fn open_chains(&mut self, ctx: &Context) -> Vec<Msg> {
        let id = match self.focused_claim(ctx) {
            Ok(id) => id,
            Err(msgs) => return msgs,
        };
        let count = ctx.store.chains_citing(&id).count();
        if count == 0 {
            return vec![Msg::Info(format!("No chain cites claim {id}."))];
        }
        self.push_history();
        let chains = Kind::Chains.index();
        self.place.kind = Kind::Chains;
        self.place.claims_article = None;
        self.place.chains_claim = Some(id.clone());
        self.place.query.clear();
        self.place.cursors[chains] = 0;
        self.place.offsets[chains] = 0;
        self.reset_detail();
        let esc = label_in(Scope::Global, Action::Back);
        let text = if count == 1 {
            format!("1 chain cites claim {id} · {esc} goes back")
        } else {
            format!("{count} chains cite claim {id} · {esc} goes back")
        };
        vec![Msg::Info(text)]
    }
}
