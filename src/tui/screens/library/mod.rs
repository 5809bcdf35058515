//! The library screen: browse the articles, topics, claims and chains, search the open list, follow the
//! links between them (a claim's article, the chains that cite it, a chain's claims), and step back with
//! Esc.

pub mod detail;
mod input;
pub mod keys;
pub mod layout;
mod mouse;
mod records;
mod view;

use super::Context;
use crate::content::Store;
use crate::search::fold;
use crate::tui::action::Screen;
use crate::tui::keys::{Mode, Scope};
use crate::tui::ui::Scroll;

pub use detail::{Detail, Target};
pub use layout::Drawn;

/// The four kinds of record the library lists, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    #[default]
    Articles,
    Topics,
    Claims,
    Chains,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Articles, Kind::Topics, Kind::Claims, Kind::Chains];

    pub fn title(self) -> &'static str {
        match self {
            Kind::Articles => "Articles",
            Kind::Topics => "Topics",
            Kind::Claims => "Claims",
            Kind::Chains => "Chains",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The next or previous kind, stopping at the ends.
    fn step(self, forward: bool) -> Kind {
        let i = self.index();
        let i = if forward {
            (i + 1).min(Kind::ALL.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        Kind::ALL[i]
    }

    /// How many records of this kind the store holds.
    pub fn total(self, store: &Store) -> usize {
        match self {
            Kind::Articles => store.articles.len(),
            Kind::Topics => store.topics.len(),
            Kind::Claims => store.claims.len(),
            Kind::Chains => store.chains.len(),
        }
    }
}

/// Which pane has focus. The tabs are not a stop: h/l switch them from either pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    List,
    Detail,
}

impl Pane {
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "list",
            Pane::Detail => "detail",
        }
    }
}

/// Where the person is: the open tab, each list's cursor, the narrowing and the search, and the detail's
/// scroll. Esc returns to earlier places.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub kind: Kind,
    pub pane: Pane,
    /// The cursor in each kind's list (by `Kind::index`), an index into its rows.
    pub cursors: [usize; 4],
    /// The first row shown of each kind's list.
    pub offsets: [usize; 4],
    /// The claims list shows only this article's claims.
    pub claims_article: Option<String>,
    /// The chains list shows only the chains citing this claim.
    pub chains_claim: Option<String>,
    /// Text the open list is searched for; empty shows everything.
    pub query: String,
    pub detail: Scroll,
    /// The focused link in the detail, an index into `Detail::links`; always on screen when set.
    pub link: Option<usize>,
}

impl Place {
    /// The records listed for `kind`, as indexes into the store's vector of that kind, in list order.
    /// Claims are grouped by article in article order; narrowing and the search apply.
    pub fn rows(&self, store: &Store, kind: Kind) -> Vec<usize> {
        let words: Vec<String> = fold(&self.query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let found = |i: usize| {
            words.is_empty() || {
                let haystack = fold(&search_text(store, kind, i));
                words.iter().all(|w| haystack.contains(w.as_str()))
            }
        };
        let place = self;
        let mut rows: Vec<usize> = (0..kind.total(store))
            .filter(|&i| match kind {
                Kind::Claims => place
                    .claims_article
                    .as_deref()
                    .is_none_or(|a| store.claims[i].article == a),
                Kind::Chains => place.chains_claim.as_deref().is_none_or(|claim| {
                    store.chains[i]
                        .steps
                        .iter()
                        .any(|s| s.claims.iter().any(|c| c == claim))
                }),
                _ => true,
            })
            .filter(|&i| found(i))
            .collect();
        if kind == Kind::Claims {
            rows.sort_by_key(|&i| article_order(store, &store.claims[i].article));
        }
        rows
    }

    /// The cursor of `kind`'s list, kept inside a list of `len` rows.
    pub fn cursor(&self, kind: Kind, len: usize) -> usize {
        self.cursors[kind.index()].min(len.saturating_sub(1))
    }

    /// The store index of the record under the cursor of the open kind.
    pub fn selected_index(&self, store: &Store) -> Option<usize> {
        let kind = self.kind;
        let rows = self.rows(store, kind);
        rows.get(self.cursor(kind, rows.len())).copied()
    }

    /// The record under the cursor of the open kind.
    pub fn selected(&self, store: &Store) -> Option<Target> {
        let i = self.selected_index(store)?;
        Some(match self.kind {
            Kind::Articles => Target::Article(store.articles[i].id.to_string()),
            Kind::Topics => Target::Topic(store.topics[i].id.to_string()),
            Kind::Claims => Target::Claim(store.claims[i].id.to_string()),
            Kind::Chains => Target::Chain(store.chains[i].id.to_string()),
        })
    }
}

/// Earlier places kept for Esc; older ones are dropped beyond this.
const HISTORY_LIMIT: usize = 100;

#[derive(Clone, Debug, Default)]
pub struct State {
    pub place: Place,
    /// Earlier places, latest last.
    pub history: Vec<Place>,
    /// The search box has the keyboard.
    pub typing: bool,
    /// The last frame's layout and text, for the view to draw and for clicks and scrolling.
    pub drawn: Option<Drawn>,
}

impl State {
    pub fn new(_ctx: &Context) -> State {
        State::default()
    }

    /// The key scopes active now: the search box, or a claim in focus, the focused pane and the screen.
    pub fn scopes(&self, ctx: &Context) -> Vec<Scope> {
        if self.typing {
            return vec![Scope::Mode(Mode::Typing)];
        }
        let mut scopes = Vec::new();
        if self.claim_in_focus(ctx.store).is_some() {
            scopes.push(Scope::Pane(Screen::Library, "claim"));
        }
        scopes.extend([
            Scope::Pane(Screen::Library, self.place.pane.name()),
            Scope::Screen(Screen::Library),
            Scope::Panes,
            Scope::Global,
        ]);
        scopes
    }

    pub fn rows(&self, store: &Store, kind: Kind) -> Vec<usize> {
        self.place.rows(store, kind)
    }

    pub fn cursor(&self, kind: Kind, len: usize) -> usize {
        self.place.cursor(kind, len)
    }

    pub fn selected_index(&self, store: &Store) -> Option<usize> {
        self.place.selected_index(store)
    }

    pub fn selected(&self, store: &Store) -> Option<Target> {
        self.place.selected(store)
    }

    /// The claim that `o` and `c` act on: a focused claim link in the detail, else the claim under the
    /// cursor of the claims list.
    pub fn claim_in_focus(&self, store: &Store) -> Option<String> {
        if self.place.pane == Pane::Detail
            && let Some(drawn) = &self.drawn
            && drawn.detail_of == self.selected(store)
            && let Some(Target::Claim(id)) = self.place.link.and_then(|l| drawn.detail.links.get(l))
        {
            return Some(id.clone());
        }
        if self.place.kind == Kind::Claims {
            return self
                .selected_index(store)
                .map(|i| store.claims[i].id.to_string());
        }
        None
    }

    fn push_history(&mut self) {
        self.history.push(self.place.clone());
        if self.history.len() > HISTORY_LIMIT {
            self.history.remove(0);
        }
    }

    fn reset_detail(&mut self) {
        self.place.detail = Scroll::default();
        self.place.link = None;
    }

    /// Opens another kind by hand: its list as it was left, without any narrowing (the search stays).
    fn set_kind(&mut self, kind: Kind) {
        if kind != self.place.kind {
            self.place.kind = kind;
            self.place.claims_article = None;
            self.place.chains_claim = None;
            self.reset_detail();
        }
    }

    /// Shows a record (or a narrowed list); the cursor lands on it. Narrowing or a search that would hide
    /// it is dropped (the history keeps them for Esc).
    fn go_to(&mut self, store: &Store, target: &Target) {
        let (kind, id) = match target {
            Target::Article(id) => (Kind::Articles, id),
            Target::Topic(id) => (Kind::Topics, id),
            Target::Claim(id) => (Kind::Claims, id),
            Target::Chain(id) => (Kind::Chains, id),
            Target::ClaimsOf(article) => {
                self.place.kind = Kind::Claims;
                self.place.claims_article = Some(article.clone());
                self.place.chains_claim = None;
                self.place.query.clear();
                self.place.cursors[Kind::Claims.index()] = 0;
                self.place.offsets[Kind::Claims.index()] = 0;
                self.reset_detail();
                return;
            }
        };
        if kind != self.place.kind {
            self.place.claims_article = None;
            self.place.chains_claim = None;
        }
        self.place.kind = kind;
        let found = |state: &State| {
            state.rows(store, kind).iter().position(|&i| match kind {
                Kind::Articles => store.articles[i].id == **id,
                Kind::Topics => store.topics[i].id == **id,
                Kind::Claims => store.claims[i].id == **id,
                Kind::Chains => store.chains[i].id == **id,
            })
        };
        let position = found(self).or_else(|| {
            self.place.claims_article = None;
            self.place.chains_claim = None;
            self.place.query.clear();
            found(self)
        });
        if let Some(position) = position {
            self.place.cursors[kind.index()] = position;
        }
        self.reset_detail();
    }

    /// Puts the cursor back on `target` in the open list, if it is there (after the list changed).
    fn keep_on(&mut self, store: &Store, target: Option<Target>) {
        let kind = self.place.kind;
        let position = target.and_then(|t| {
            let rows = self.rows(store, kind);
            rows.iter().position(|&i| {
                let here = match kind {
                    Kind::Articles => Target::Article(store.articles[i].id.to_string()),
                    Kind::Topics => Target::Topic(store.topics[i].id.to_string()),
                    Kind::Claims => Target::Claim(store.claims[i].id.to_string()),
                    Kind::Chains => Target::Chain(store.chains[i].id.to_string()),
                };
                here == t
            })
        });
        self.place.cursors[kind.index()] = position.unwrap_or(0);
    }
}

/// What the search looks through for one record: what its row shows (a claim's article by number
/// only, so "ribs" finds claims about ribs, not every claim of "Ribs & breathing"), and its id.
fn search_text(store: &Store, kind: Kind, i: usize) -> String {
    match kind {
        Kind::Articles => {
            let a = &store.articles[i];
            format!("{} {} {} {}", a.number, a.short, a.title, a.id)
        }
        Kind::Topics => {
            let t = &store.topics[i];
            format!("{} {}", t.question, t.id)
        }
        Kind::Claims => {
            let c = &store.claims[i];
            let number = store.article(&c.article).map_or("", |a| a.number.as_str());
            format!("[{number}] {} {}", c.statement, c.id)
        }
        Kind::Chains => {
            let c = &store.chains[i];
            format!("{} {} {}", c.short, c.title, c.id)
        }
    }
}

/// Where an article stands in the store, for ordering claims; unknown articles go last.
fn article_order(store: &Store, article: &str) -> usize {
    store
        .articles
        .iter()
        .position(|a| a.id == article)
        .unwrap_or(usize::MAX)
}

/// "000 Ribs & breathing" for an article id, or the id itself when the store lacks it.
pub fn article_name(store: &Store, id: &str) -> String {
    store
        .article(id)
        .map_or_else(|| id.to_string(), |a| format!("{} {}", a.number, a.short))
}

/// How a record is named in messages: "claim rb-stiff-ribs".
pub fn describe(store: &Store, target: &Target) -> String {
    match target {
        Target::Article(id) => format!("article {}", article_name(store, id)),
        Target::Topic(id) => format!(
            "topic “{}”",
            store.topic(id).map_or(id.as_str(), |t| t.question.as_str())
        ),
        Target::Claim(id) => format!("claim {id}"),
        Target::Chain(id) => format!(
            "chain “{}”",
            store.chain(id).map_or(id.as_str(), |c| c.short.as_str())
        ),
        Target::ClaimsOf(id) => format!("the claims of {}", article_name(store, id)),
    }
}
