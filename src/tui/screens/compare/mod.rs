//! The compare screen: two articles side by side, their claims aligned by topic and scrolled together,
//! an article picker for each side (never the other side's article: an article compared with itself
//! says nothing), and a search that finds a topic or claim and jumps to its row.

pub mod doc;
mod input;
pub mod keys;
pub mod layout;
mod view;

use super::Context;
use crate::compare::{Comparison, compare};
use crate::content::{Article, Store};
use crate::search::fold;
use crate::tui::action::Screen;
use crate::tui::keys::{Mode, Scope};

pub use doc::Anchor;
pub use layout::Drawn;

/// The pair the app opens on (they disagree on which way the pelvis tilts).
const DEFAULT_A: &str = "ribs-and-breathing";
const DEFAULT_B: &str = "pelvic-pulley";

/// One of the two articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

/// What Tab moves between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Rows,
    Header(Side),
}

impl Focus {
    pub fn name(self) -> &'static str {
        match self {
            Focus::Rows => "rows",
            Focus::Header(_) => "header",
        }
    }
}

/// The article list that `a` or `b` opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picker {
    pub side: Side,
    /// Index into the store's articles.
    pub cursor: usize,
}

#[derive(Clone, Debug)]
pub struct State {
    /// Index into the store's articles of article A (meaningless with fewer than two articles).
    pub a: usize,
    pub b: usize,
    pub top: Anchor,
    pub focus: Focus,
    pub picker: Option<Picker>,
    /// Text to find among the topics and claims; empty finds nothing.
    pub query: String,
    /// The search box has the keyboard.
    pub typing: bool,
    /// The last frame's layout and text, for the view to draw and for clicks and scrolling.
    pub drawn: Option<Drawn>,
}

impl State {
    /// Opens on ribs-and-breathing against pelvic-pulley, else the first two articles.
    pub fn new(ctx: &Context) -> State {
        let store = ctx.store;
        let find = |id: &str| store.articles.iter().position(|r| r.id == id);
        let (a, b) = match (find(DEFAULT_A), find(DEFAULT_B)) {
            (Some(a), Some(b)) => (a, b),
            _ => (0, 1),
        };
        State {
            a,
            b,
            top: Anchor::default(),
            focus: Focus::Rows,
            picker: None,
            query: String::new(),
            typing: false,
            drawn: None,
        }
    }

    /// The key scopes active now: the picker, the search box, or the focused pane and the screen (only
    /// the keys that work everywhere while there are not two articles to compare).
    pub fn scopes(&self) -> Vec<Scope> {
        if self.drawn.as_ref().is_some_and(|d| d.empty.is_some()) {
            return vec![Scope::Global];
        }
        if self.picker.is_some() {
            return vec![Scope::Mode(Mode::Picker)];
        }
        if self.typing {
            return vec![Scope::Mode(Mode::Typing)];
        }
        vec![
            Scope::Pane(Screen::Compare, self.focus.name()),
            Scope::Screen(Screen::Compare),
            Scope::Panes,
            Scope::Global,
        ]
    }

    /// Index of a side's article.
    pub fn index(&self, side: Side) -> usize {
        match side {
            Side::A => self.a,
            Side::B => self.b,
        }
    }

    pub fn article<'a>(&self, store: &'a Store, side: Side) -> Option<&'a Article> {
        store.articles.get(self.index(side))
    }

    /// The two articles' claims aligned by topic; `None` without two different articles to compare.
    pub fn comparison<'a>(&self, store: &'a Store) -> Option<Comparison<'a>> {
        if self.a == self.b {
            return None;
        }
        let a = self.article(store, Side::A)?;
        let b = self.article(store, Side::B)?;
        compare(store, &a.id, &b.id).ok()
    }

    /// The rows (topics) the search finds: every word of the query in the topic's question or id, or in
    /// a claim's statement, id or stance on either side.
    pub fn matches(&self, store: &Store) -> Vec<usize> {
        let words: Vec<String> = fold(&self.query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let Some(c) = self.comparison(store).filter(|_| !words.is_empty()) else {
            return Vec::new();
        };
        c.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                let mut haystack = format!("{} {}", row.topic.question, row.topic.id);
                for claim in row.a.iter().chain(&row.b) {
                    let stance = row
                        .topic
                        .stance(&claim.stance)
                        .map_or(claim.stance.as_str(), |s| s.label.as_str());
                    haystack.push_str(&format!(" {} {} {stance}", claim.statement, claim.id));
                }
                let haystack = fold(&haystack);
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }
}
