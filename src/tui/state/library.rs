//! The library screen: browse the articles, topics, claims and chains, follow the links between them (a
//! claim's article, the chains that cite it, a chain's claims), and step back with Esc.

use crate::content::{Claim, Store};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout::{self, contains};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Span;

/// The four kinds of record the library lists.
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

    fn step(self, forward: bool) -> Kind {
        let i = self.index();
        let i = if forward {
            (i + 1).min(Kind::ALL.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        Kind::ALL[i]
    }
}

/// Which pane has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    Kinds,
    #[default]
    List,
    Detail,
}

/// Where a link in the detail (or a jump key) leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Article(String),
    Topic(String),
    Claim(String),
    Chain(String),
    /// The claims list narrowed to one article's claims.
    ClaimsOf(String),
}

/// Previous positions kept for Esc; older ones are dropped beyond this.
const HISTORY_LIMIT: usize = 100;
/// Lines the mouse wheel scrolls the detail by.
const WHEEL_LINES: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryState {
    pub kind: Kind,
    pub pane: Pane,
    /// The cursor in each kind's list (by `Kind::index`), an index into `rows`.
    pub cursors: [usize; 4],
    /// The first row shown of each kind's list.
    pub offsets: [usize; 4],
    /// The claims list shows only this article's claims.
    pub claims_article: Option<String>,
    /// The chains list shows only the chains citing this claim.
    pub chains_claim: Option<String>,
    /// First line of the detail shown.
    pub detail_scroll: usize,
    /// The focused link in the detail, an index into `Detail::links`; always on screen when set.
    pub link: Option<usize>,
    /// Earlier positions, latest last (each with an empty history of its own); Esc returns to them.
    pub history: Vec<LibraryState>,
}

impl LibraryState {
    pub fn new(_store: &Store) -> Self {
        Self::default()
    }

    /// The records listed for `kind`, as indexes into the store's vector of that kind, in list order.
    /// Claims are grouped by article in article order; the filters narrow claims and chains.
    pub fn rows(&self, store: &Store, kind: Kind) -> Vec<usize> {
        match kind {
            Kind::Articles => (0..store.articles.len()).collect(),
            Kind::Topics => (0..store.topics.len()).collect(),
            Kind::Claims => {
                let mut rows: Vec<usize> = (0..store.claims.len())
                    .filter(|&i| {
                        self.claims_article
                            .as_deref()
                            .is_none_or(|a| store.claims[i].article == a)
                    })
                    .collect();
                rows.sort_by_key(|&i| article_order(store, &store.claims[i].article));
                rows
            }
            Kind::Chains => (0..store.chains.len())
                .filter(|&i| {
                    self.chains_claim.as_deref().is_none_or(|claim| {
                        store.chains[i]
                            .steps
                            .iter()
                            .any(|s| s.claims.iter().any(|c| c == claim))
                    })
                })
                .collect(),
        }
    }

    /// The cursor of `kind`'s list, kept inside a list of `len` rows.
    pub fn cursor(&self, kind: Kind, len: usize) -> usize {
        self.cursors[kind.index()].min(len.saturating_sub(1))
    }

    /// The store index of the record under the cursor of the open kind.
    pub fn selected_index(&self, store: &Store) -> Option<usize> {
        let rows = self.rows(store, self.kind);
        rows.get(self.cursor(self.kind, rows.len())).copied()
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

    /// A copy for the history.
    fn snapshot(&self) -> LibraryState {
        LibraryState {
            kind: self.kind,
            pane: self.pane,
            cursors: self.cursors,
            offsets: self.offsets,
            claims_article: self.claims_article.clone(),
            chains_claim: self.chains_claim.clone(),
            detail_scroll: self.detail_scroll,
            link: self.link,
            history: Vec::new(),
        }
    }

    fn push_history(&mut self) {
        let snapshot = self.snapshot();
        self.history.push(snapshot);
        if self.history.len() > HISTORY_LIMIT {
            self.history.remove(0);
        }
    }

    fn reset_detail(&mut self) {
        self.detail_scroll = 0;
        self.link = None;
    }

    /// Opens another kind by hand: its list as it was left, without any narrowing.
    fn set_kind(&mut self, kind: Kind) {
        if kind != self.kind {
            self.kind = kind;
            self.claims_article = None;
            self.chains_claim = None;
            self.reset_detail();
        }
    }

    /// Shows a record (or a narrowed list); the cursor lands on it.
    fn go_to(&mut self, store: &Store, target: &Target) {
        let (kind, id) = match target {
            Target::Article(id) => (Kind::Articles, id),
            Target::Topic(id) => (Kind::Topics, id),
            Target::Claim(id) => (Kind::Claims, id),
            Target::Chain(id) => (Kind::Chains, id),
            Target::ClaimsOf(article) => {
                self.kind = Kind::Claims;
                self.claims_article = Some(article.clone());
                self.cursors[Kind::Claims.index()] = 0;
                self.offsets[Kind::Claims.index()] = 0;
                self.reset_detail();
                self.leave_kinds();
                return;
            }
        };
        self.kind = kind;
        let found = |state: &LibraryState| {
            state.rows(store, kind).iter().position(|&i| match kind {
                Kind::Articles => store.articles[i].id == **id,
                Kind::Topics => store.topics[i].id == **id,
                Kind::Claims => store.claims[i].id == **id,
                Kind::Chains => store.chains[i].id == **id,
            })
        };
        let position = found(self).or_else(|| {
            // Narrowed away: show the whole list instead.
            match kind {
                Kind::Claims => self.claims_article = None,
                Kind::Chains => self.chains_claim = None,
                _ => {}
            }
            found(self)
        });
        if let Some(position) = position {
            self.cursors[kind.index()] = position;
        }
        self.reset_detail();
        self.leave_kinds();
    }

    fn leave_kinds(&mut self) {
        if self.pane == Pane::Kinds {
            self.pane = Pane::List;
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

// ---------------------------------------------------------------------------------------------------
// Geometry

/// From this body width the kinds get a column of their own; below it they are a row of tabs.
pub const WIDE: u16 = 120;
/// From this body width the list and the detail stand side by side; below it only the focused one shows.
pub const SIDE_BY_SIDE: u16 = 70;
/// Width of the kinds column.
const KINDS_WIDTH: u16 = 22;

/// The panes of the library screen. `list` and `detail` are whole panes, borders included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub kinds: Rect,
    /// The kinds are a one-line row of tabs rather than a bordered column.
    pub kinds_as_row: bool,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

pub fn areas(body: Rect, pane: Pane) -> Areas {
    if body.width >= WIDE {
        let list_width = ((body.width - KINDS_WIDTH) * 2 / 5).clamp(28, 56);
        let [kinds, list, detail] = Layout::horizontal([
            Constraint::Length(KINDS_WIDTH),
            Constraint::Length(list_width),
            Constraint::Fill(1),
        ])
        .areas(body);
        return Areas {
            kinds,
            kinds_as_row: false,
            list: Some(list),
            detail: Some(detail),
        };
    }
    let [kinds, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let (list, detail) = if body.width >= SIDE_BY_SIDE {
        let list_width = (body.width * 2 / 5).clamp(28, 44);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(rest);
        (Some(list), Some(detail))
    } else if pane == Pane::Detail {
        (None, Some(rest))
    } else {
        (Some(rest), None)
    };
    Areas {
        kinds,
        kinds_as_row: true,
        list,
        detail,
    }
}

/// The inside of a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    pane.inner(Margin::new(1, 1))
}

/// A kind's count, "62", or "2/5" while its list is narrowed.
pub fn count_label(store: &Store, state: &LibraryState, kind: Kind) -> String {
    let all = match kind {
        Kind::Articles => store.articles.len(),
        Kind::Topics => store.topics.len(),
        Kind::Claims => store.claims.len(),
        Kind::Chains => store.chains.len(),
    };
    let narrowed = match kind {
        Kind::Claims => state.claims_article.is_some(),
        Kind::Chains => state.chains_claim.is_some(),
        _ => false,
    };
    if narrowed && kind == state.kind {
        format!("{}/{all}", state.rows(store, kind).len())
    } else {
        all.to_string()
    }
}

/// A kind's tab in the row of tabs: " Claims 62 ", bracketed when it is the open kind so it shows
/// without colour.
pub fn tab_label(store: &Store, state: &LibraryState, kind: Kind) -> String {
    let count = count_label(store, state, kind);
    if kind == state.kind {
        format!("[{} {count}]", kind.title())
    } else {
        format!(" {} {count} ", kind.title())
    }
}

/// Columns before the first tab: room for the focus marker.
pub const TAB_MARGIN: u16 = 2;

/// Column ranges of the kinds' tabs in the row, left to right.
pub fn kind_tabs(store: &Store, state: &LibraryState, row: Rect) -> Vec<(Kind, u16, u16)> {
    let mut x = row.x.saturating_add(TAB_MARGIN);
    Kind::ALL
        .iter()
        .map(|&kind| {
            let width = text_width(&tab_label(store, state, kind)) as u16;
            let span = (kind, x, x.saturating_add(width));
            x = x.saturating_add(width).saturating_add(1);
            span
        })
        .collect()
}

/// The kind at a point of the kinds area (row of tabs or column), if any.
pub fn kind_at(
    store: &Store,
    state: &LibraryState,
    areas: &Areas,
    column: u16,
    row: u16,
) -> Option<Kind> {
    if !contains(areas.kinds, column, row) {
        return None;
    }
    if areas.kinds_as_row {
        kind_tabs(store, state, areas.kinds)
            .into_iter()
            .find(|&(_, start, end)| column >= start && column < end)
            .map(|(kind, _, _)| kind)
    } else {
        let inside = inner(areas.kinds);
        if !contains(inside, column, row) {
            return None;
        }
        Kind::ALL.get(usize::from(row - inside.y)).copied()
    }
}

/// The first row to show of a list `height` rows tall so that `cursor` is visible, moving as little as
/// possible from `offset` and leaving no empty rows at the bottom.
pub fn fit_offset(offset: usize, cursor: usize, len: usize, height: u16) -> usize {
    let height = usize::from(height.max(1));
    let mut offset = offset.min(len.saturating_sub(height));
    if cursor < offset {
        offset = cursor;
    } else if cursor >= offset + height {
        offset = cursor + 1 - height;
    }
    offset
}

/// The first list row shown for the open kind in a list pane.
pub fn list_offset(store: &Store, state: &LibraryState, list: Rect) -> usize {
    let len = state.rows(store, state.kind).len();
    fit_offset(
        state.offsets[state.kind.index()],
        state.cursor(state.kind, len),
        len,
        inner(list).height,
    )
}

// ---------------------------------------------------------------------------------------------------
// The detail: the selected record as wrapped lines, some of them links.

/// How a piece of detail text is drawn; the view maps these to theme styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Plain,
    /// The record's own title.
    Title,
    /// A section heading inside the detail.
    Heading,
    /// A field name or an id; kept whole, padding included.
    Label,
    Muted,
    /// What an article says about itself, and other things to notice.
    Warn,
    /// The `▸` before a link; the view turns it into `▶` on the focused link.
    Marker,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailLine {
    pub spans: Vec<(Role, String)>,
    /// The link this line belongs to, an index into `Detail::links`.
    pub link: Option<usize>,
}

/// The detail pane's content, already wrapped to its width, so drawing and mouse clicks agree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detail {
    pub title: String,
    pub lines: Vec<DetailLine>,
    pub links: Vec<Target>,
}

impl Detail {
    /// The first and last line of a link.
    pub fn link_lines(&self, link: usize) -> Option<(usize, usize)> {
        let first = self.lines.iter().position(|l| l.link == Some(link))?;
        let last = self.lines.iter().rposition(|l| l.link == Some(link))?;
        Some((first, last))
    }

    /// The furthest the detail scrolls in a view `height` lines tall.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }
}

fn text_width(text: &str) -> usize {
    Span::raw(text).width()
}

enum Token<'a> {
    Word {
        role: Role,
        text: &'a str,
        space: bool,
    },
    Break,
}

/// Builds a detail: paragraphs of styled pieces, word-wrapped.
struct Writer {
    width: usize,
    detail: Detail,
}

impl Writer {
    fn new(width: u16) -> Writer {
        Writer {
            width: usize::from(width.max(1)),
            detail: Detail::default(),
        }
    }

    fn blank(&mut self) {
        self.detail.lines.push(DetailLine {
            spans: Vec::new(),
            link: None,
        });
    }

    fn text(&mut self, role: Role, text: &str) {
        self.para(&[(role, text)], 0, 0, None);
    }

    fn heading(&mut self, text: &str) {
        self.para(&[(Role::Heading, text)], 0, 0, None);
    }

    /// "Evidence  research-cited", the value hanging under itself.
    fn field(&mut self, label: &str, pieces: &[(Role, &str)]) {
        let label = format!("{label:<10}");
        let mut all = vec![(Role::Label, label.as_str())];
        all.extend_from_slice(pieces);
        self.para(&all, 0, 10, None);
    }

    /// A link line: `▸ pieces`, indented, continuation lines under the text.
    fn link(&mut self, indent: usize, pieces: &[(Role, &str)], target: Target) {
        let mut all = vec![(Role::Marker, "▸")];
        all.extend_from_slice(pieces);
        self.para(&all, indent, indent + 2, Some(target));
    }

    /// One paragraph of pieces, separated by spaces and word-wrapped. The first line starts `first`
    /// columns in, the others `indent` columns in. `Label` pieces are kept whole.
    fn para(&mut self, pieces: &[(Role, &str)], first: usize, indent: usize, link: Option<Target>) {
        let link = link.map(|target| {
            self.detail.links.push(target);
            self.detail.links.len() - 1
        });
        let width = self.width;
        let first = first.min(width / 2);
        let indent = indent.min(width / 2);

        let mut tokens = Vec::new();
        for &(role, text) in pieces {
            let mut space = true;
            if role == Role::Label {
                tokens.push(Token::Word { role, text, space });
                continue;
            }
            for (n, part) in text.split('\n').enumerate() {
                if n > 0 {
                    tokens.push(Token::Break);
                    space = false;
                }
                for word in part.split_whitespace() {
                    tokens.push(Token::Word {
                        role,
                        text: word,
                        space,
                    });
                    space = true;
                }
            }
        }

        let mut line: Vec<(Role, String)> = Vec::new();
        let mut used = 0usize;
        let mut empty = true;
        let start = |line: &mut Vec<(Role, String)>, used: &mut usize, columns: usize| {
            line.clear();
            if columns > 0 {
                line.push((Role::Plain, " ".repeat(columns)));
            }
            *used = columns;
        };
        let push = |line: &mut Vec<(Role, String)>, role: Role, text: &str| match line.last_mut() {
            Some((last, existing)) if *last == role => existing.push_str(text),
            _ => line.push((role, text.to_string())),
        };
        start(&mut line, &mut used, first);
        let mut after_space = false;
        for token in tokens {
            match token {
                Token::Break => {
                    self.detail.lines.push(DetailLine {
                        spans: std::mem::take(&mut line),
                        link,
                    });
                    start(&mut line, &mut used, indent);
                    empty = true;
                    after_space = false;
                }
                Token::Word { role, text, space } => {
                    let w = text_width(text);
                    let mut gap = usize::from(space && !empty && !after_space);
                    if !empty && used + gap + w > width {
                        self.detail.lines.push(DetailLine {
                            spans: std::mem::take(&mut line),
                            link,
                        });
                        start(&mut line, &mut used, indent);
                        gap = 0;
                    }
                    if gap > 0 {
                        push(&mut line, role, " ");
                        used += 1;
                    }
                    if used + w <= width {
                        push(&mut line, role, text);
                        used += w;
                    } else {
                        // Longer than a line: break it wherever the line is full.
                        for c in text.chars() {
                            let mut buf = [0u8; 4];
                            let c = c.encode_utf8(&mut buf);
                            let cw = text_width(c);
                            if used + cw > width && used > indent {
                                self.detail.lines.push(DetailLine {
                                    spans: std::mem::take(&mut line),
                                    link,
                                });
                                start(&mut line, &mut used, indent);
                            }
                            push(&mut line, role, c);
                            used += cw;
                        }
                    }
                    empty = false;
                    after_space = text.ends_with(' ');
                }
            }
        }
        self.detail.lines.push(DetailLine { spans: line, link });
    }
}

/// The detail of the record under the cursor, wrapped to `width` columns.
pub fn detail(store: &Store, state: &LibraryState, width: u16) -> Detail {
    let mut w = Writer::new(width);
    match state.selected_index(store) {
        None => {
            w.detail.title = state.kind.title().to_string();
            let what = state.kind.title().to_lowercase();
            w.text(
                Role::Muted,
                &format!("Nothing to show: this content store has no {what}."),
            );
        }
        Some(i) => match state.kind {
            Kind::Articles => article_detail(&mut w, store, i),
            Kind::Topics => topic_detail(&mut w, store, i),
            Kind::Claims => claim_detail(&mut w, store, i),
            Kind::Chains => chain_detail(&mut w, store, state, i),
        },
    }
    w.detail
}

fn article_detail(w: &mut Writer, store: &Store, i: usize) {
    let article = &store.articles[i];
    w.detail.title = format!("Article {}", article.number);
    w.text(Role::Title, &article.title);
    w.text(
        Role::Muted,
        &format!("{} · {} · {}", article.number, article.short, article.id),
    );
    if let Some(disclosure) = &article.self_disclosure {
        w.blank();
        w.para(
            &[(Role::Warn, "⚠ Says of itself:"), (Role::Warn, disclosure)],
            0,
            2,
            None,
        );
    }
    w.blank();
    w.heading("Thesis");
    w.text(Role::Plain, &article.thesis);
    w.blank();
    w.field("Source", &[(Role::Plain, &article.source)]);
    w.field(
        "Evidence",
        &[
            (Role::Heading, article.evidence.as_str()),
            (Role::Muted, "—"),
            (Role::Muted, article.evidence.meaning()),
        ],
    );
    w.para(&[(Role::Plain, &article.evidence_note)], 10, 10, None);
    w.blank();
    w.heading(&format!("Chains it supports ({})", article.chains.len()));
    if article.chains.is_empty() {
        w.para(&[(Role::Muted, "None.")], 2, 2, None);
    }
    for id in &article.chains {
        match store.chain(id) {
            Some(chain) => w.link(
                2,
                &[
                    (Role::Plain, &chain.short),
                    (Role::Muted, "—"),
                    (Role::Muted, &chain.title),
                ],
                Target::Chain(id.to_string()),
            ),
            None => missing(w, id),
        }
    }
    w.blank();
    let claims: Vec<&Claim> = store.claims_of(&article.id).collect();
    w.heading(&format!("Its claims ({})", claims.len()));
    if claims.is_empty() {
        w.para(&[(Role::Muted, "None.")], 2, 2, None);
    }
    for claim in &claims {
        let (question, stance) = topic_and_stance(store, claim);
        w.link(
            2,
            &[
                (Role::Label, &claim.id),
                (Role::Muted, "·"),
                (Role::Plain, &question),
                (Role::Muted, "→"),
                (Role::Plain, &stance),
                (Role::Muted, &format!("({})", claim.evidence.as_str())),
            ],
            Target::Claim(claim.id.to_string()),
        );
    }
    if !claims.is_empty() {
        w.link(
            2,
            &[(Role::Muted, "List only these claims")],
            Target::ClaimsOf(article.id.to_string()),
        );
    }
}

/// A claim's topic question and stance label, falling back to their ids.
fn topic_and_stance(store: &Store, claim: &Claim) -> (String, String) {
    let topic = store.topic(&claim.topic);
    let question = topic.map_or_else(|| claim.topic.to_string(), |t| t.question.to_string());
    let stance = topic
        .and_then(|t| t.stance(&claim.stance))
        .map_or_else(|| claim.stance.to_string(), |s| s.label.to_string());
    (question, stance)
}

fn missing(w: &mut Writer, id: &str) {
    w.para(
        &[(Role::Muted, &format!("· {id} (not in this store)"))],
        2,
        4,
        None,
    );
}

fn topic_detail(w: &mut Writer, store: &Store, i: usize) {
    let topic = &store.topics[i];
    w.detail.title = String::from("Topic");
    w.text(Role::Title, &topic.question);
    w.text(Role::Muted, &topic.id);
    w.blank();
    w.text(Role::Plain, &topic.summary);
    for stance in &topic.stances {
        w.blank();
        w.para(
            &[(Role::Heading, "●"), (Role::Heading, &stance.label)],
            0,
            2,
            None,
        );
        w.para(&[(Role::Muted, &stance.meaning)], 2, 2, None);
        let mut claims: Vec<&Claim> = store
            .claims
            .iter()
            .filter(|c| c.topic == topic.id && c.stance == stance.id)
            .collect();
        claims.sort_by_key(|c| article_order(store, &c.article));
        if claims.is_empty() {
            w.para(&[(Role::Warn, "No article holds this.")], 2, 2, None);
            continue;
        }
        let mut holders: Vec<String> = Vec::new();
        for claim in &claims {
            let name = article_name(store, &claim.article);
            if !holders.contains(&name) {
                holders.push(name);
            }
        }
        w.para(
            &[
                (Role::Label, "Held by:"),
                (Role::Plain, &holders.join(", ")),
            ],
            2,
            4,
            None,
        );
        for claim in claims {
            let number = store
                .article(&claim.article)
                .map_or("???", |a| a.number.as_str());
            w.link(
                2,
                &[
                    (Role::Label, &format!("[{number}]")),
                    (Role::Plain, &claim.statement),
                ],
                Target::Claim(claim.id.to_string()),
            );
        }
    }
}

fn claim_detail(w: &mut Writer, store: &Store, i: usize) {
    let claim = &store.claims[i];
    w.detail.title = String::from("Claim");
    w.text(Role::Title, &claim.statement);
    w.text(Role::Muted, &claim.id);
    w.blank();
    match store.article(&claim.article) {
        Some(article) => {
            let name = format!("{} {}", article.number, article.short);
            link_field(
                w,
                "Article",
                &[
                    (Role::Plain, &name),
                    (Role::Muted, "—"),
                    (Role::Muted, &article.title),
                ],
                Target::Article(claim.article.to_string()),
            );
        }
        None => w.field(
            "Article",
            &[(
                Role::Muted,
                &format!("{} (not in this store)", claim.article),
            )],
        ),
    }
    let topic = store.topic(&claim.topic);
    match topic {
        Some(topic) => link_field(
            w,
            "Topic",
            &[(Role::Plain, &topic.question)],
            Target::Topic(claim.topic.to_string()),
        ),
        None => w.field(
            "Topic",
            &[(Role::Muted, &format!("{} (not in this store)", claim.topic))],
        ),
    }
    match topic.and_then(|t| t.stance(&claim.stance)) {
        Some(stance) => w.field("Stance", &[(Role::Heading, &stance.label)]),
        None => w.field("Stance", &[(Role::Plain, &claim.stance)]),
    }
    w.field(
        "Evidence",
        &[
            (Role::Heading, claim.evidence.as_str()),
            (Role::Muted, "—"),
            (Role::Muted, claim.evidence.meaning()),
        ],
    );
    w.field("Location", &[(Role::Plain, &claim.location)]);
    if let Some(note) = &claim.note {
        w.field("Note", &[(Role::Plain, note)]);
    }
    w.blank();
    let chains: Vec<_> = store.chains_citing(&claim.id).collect();
    w.heading(&format!("Chains that cite it ({})", chains.len()));
    if chains.is_empty() {
        w.para(&[(Role::Muted, "No chain cites this claim.")], 2, 2, None);
    }
    for chain in chains {
        let steps: Vec<String> = chain
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.claims.contains(&claim.id))
            .map(|(n, s)| format!("step {}: {}", n + 1, s.label))
            .collect();
        w.link(
            2,
            &[
                (Role::Plain, &chain.short),
                (Role::Muted, &format!("· {}", steps.join("; "))),
            ],
            Target::Chain(chain.id.to_string()),
        );
    }
}

/// A field whose value is a link: "Article   ▸ 000 Ribs & breathing".
fn link_field(w: &mut Writer, label: &str, pieces: &[(Role, &str)], target: Target) {
    let label = format!("{label:<10}");
    let mut all = vec![(Role::Label, label.as_str()), (Role::Marker, "▸")];
    all.extend_from_slice(pieces);
    w.para(&all, 0, 12, Some(target));
}

fn chain_detail(w: &mut Writer, store: &Store, state: &LibraryState, i: usize) {
    let chain = &store.chains[i];
    w.detail.title = String::from("Chain");
    w.text(Role::Title, &chain.title);
    let mut tilt = match chain.tilt {
        crate::content::Tilt::None => String::from("predicts no pelvic tilt"),
        tilt => format!("predicts {} pelvic tilt", tilt.as_str()),
    };
    if let Some(marker) = chain.tilt_source.marker() {
        tilt = format!("{tilt} ({marker})");
    }
    w.text(
        Role::Muted,
        &format!("{} · {} · {tilt}", chain.short, chain.id),
    );
    if let Some(claim) = state.chains_claim.as_deref() {
        let steps: Vec<String> = chain
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.claims.iter().any(|c| c == claim))
            .map(|(n, _)| (n + 1).to_string())
            .collect();
        if !steps.is_empty() {
            let at = if steps.len() == 1 { "step" } else { "steps" };
            w.text(
                Role::Warn,
                &format!("◆ Cites claim {claim} at {at} {}", steps.join(", ")),
            );
        }
    }
    w.blank();
    w.text(Role::Plain, &chain.summary);
    w.blank();
    w.heading("Who it describes");
    w.text(Role::Plain, &chain.who);
    w.blank();
    w.heading("Told by");
    for id in &chain.articles {
        match store.article(id) {
            Some(article) => w.link(
                2,
                &[
                    (
                        Role::Plain,
                        &format!("{} {}", article.number, article.short),
                    ),
                    (Role::Muted, "—"),
                    (Role::Muted, &article.title),
                ],
                Target::Article(id.to_string()),
            ),
            None => missing(w, id),
        }
    }
    w.blank();
    w.heading(&format!("Steps ({})", chain.steps.len()));
    for (n, step) in chain.steps.iter().enumerate() {
        let number = format!("{:>2}.", n + 1);
        w.para(
            &[(Role::Label, &number), (Role::Title, &step.label)],
            0,
            4,
            None,
        );
        if let Some(marker) = step.source.marker() {
            w.para(&[(Role::Warn, &format!("◇ {marker}"))], 4, 6, None);
        }
        w.para(&[(Role::Plain, &step.detail)], 4, 4, None);
        if let Some(note) = &step.source_note {
            w.para(&[(Role::Muted, "Source:"), (Role::Muted, note)], 4, 4, None);
        }
        for id in &step.claims {
            match store.claim(id) {
                Some(claim) => {
                    let number = store
                        .article(&claim.article)
                        .map_or("???", |a| a.number.as_str());
                    let details = format!("· {number} · {}", claim.evidence.as_str());
                    let came_from = state.chains_claim.as_deref() == Some(id.as_str());
                    let mut pieces = vec![(Role::Label, id.as_str()), (Role::Muted, &details)];
                    if came_from {
                        pieces.push((Role::Warn, "◆ the claim you came from"));
                    }
                    w.link(4, &pieces, Target::Claim(id.to_string()));
                }
                None => w.para(
                    &[(Role::Muted, &format!("· {id} (not in this store)"))],
                    4,
                    6,
                    None,
                ),
            }
        }
    }
    w.blank();
    w.heading("Way out");
    w.field("First", &[(Role::Plain, &chain.way_out.first)]);
    w.field("Next", &[(Role::Plain, &chain.way_out.next)]);
    if let Some(avoid) = &chain.way_out.avoid {
        w.field("Avoid", &[(Role::Plain, avoid)]);
    }
    w.blank();
    let exercises: Vec<_> = store.exercises_for(&chain.id).collect();
    w.heading(&format!("Exercises that serve it ({})", exercises.len()));
    if exercises.is_empty() {
        w.para(&[(Role::Muted, "None in this store.")], 2, 2, None);
    }
    for exercise in exercises {
        w.para(
            &[
                (Role::Plain, "•"),
                (Role::Plain, &exercise.name),
                (Role::Muted, &format!("({})", exercise.phase.as_str())),
            ],
            2,
            4,
            None,
        );
    }
}

/// The claim that `a` and `c` act on: a focused claim link in the detail, else the claim under the
/// cursor of the claims list.
pub fn claim_in_focus(store: &Store, state: &LibraryState, detail: &Detail) -> Option<String> {
    if state.pane == Pane::Detail
        && let Some(Target::Claim(id)) = state.link.and_then(|l| detail.links.get(l))
    {
        return Some(id.clone());
    }
    if state.kind == Kind::Claims {
        return state
            .selected_index(store)
            .map(|i| store.claims[i].id.to_string());
    }
    None
}

// ---------------------------------------------------------------------------------------------------
// Update

/// The detail as the current terminal size shows it, with the number of lines on screen.
fn detail_view(app: &App) -> Option<(Detail, usize)> {
    let body = layout::frame(app.size).body;
    let pane = areas(body, app.library.pane).detail?;
    let inside = inner(pane);
    Some((
        detail(&app.store, &app.library, inside.width),
        usize::from(inside.height),
    ))
}

pub fn update(app: &mut App, action: Action) {
    let state = &mut app.library;
    match action {
        Action::NextPane => {
            state.pane = match state.pane {
                Pane::Kinds => Pane::List,
                Pane::List => Pane::Detail,
                Pane::Detail => Pane::Kinds,
            }
        }
        Action::PrevPane => {
            state.pane = match state.pane {
                Pane::Kinds => Pane::Detail,
                Pane::List => Pane::Kinds,
                Pane::Detail => Pane::List,
            }
        }
        Action::Left | Action::Right => {
            let kind = state.kind.step(action == Action::Right);
            state.set_kind(kind);
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => match state.pane {
            Pane::Kinds => {
                let kind = match action {
                    Action::Top => Kind::Articles,
                    Action::Bottom => Kind::Chains,
                    _ => state
                        .kind
                        .step(matches!(action, Action::Down | Action::PageDown)),
                };
                state.set_kind(kind);
            }
            Pane::List => move_cursor(app, action),
            Pane::Detail => move_in_detail(app, action),
        },
        Action::Select => select(app),
        Action::Back => back(app),
        Action::OpenArticle => open_article(app),
        Action::OpenChains => open_chains(app),
        Action::Click { column, row }
        | Action::ScrollUp { column, row }
        | Action::ScrollDown { column, row } => mouse(app, action, column, row),
        _ => {}
    }
    settle(app);
}

/// Keeps the cursor inside the list, the list scrolled to show it, and the detail inside its length.
fn settle(app: &mut App) {
    let body = layout::frame(app.size).body;
    let a = areas(body, app.library.pane);
    let state = &mut app.library;
    let len = state.rows(&app.store, state.kind).len();
    let k = state.kind.index();
    state.cursors[k] = state.cursor(state.kind, len);
    if let Some(list) = a.list {
        state.offsets[k] = list_offset(&app.store, state, list);
    }
    if let Some((detail, height)) = detail_view(app) {
        let state = &mut app.library;
        state.detail_scroll = state.detail_scroll.min(detail.max_scroll(height));
        if state.link.is_some_and(|l| l >= detail.links.len()) {
            state.link = None;
        }
    }
}

fn list_height(app: &App) -> usize {
    let body = layout::frame(app.size).body;
    areas(body, Pane::List)
        .list
        .map_or(1, |l| usize::from(inner(l).height.max(1)))
}

fn move_cursor(app: &mut App, action: Action) {
    let page = list_height(app).saturating_sub(1).max(1);
    let state = &mut app.library;
    let len = state.rows(&app.store, state.kind).len();
    let last = len.saturating_sub(1);
    let cursor = state.cursor(state.kind, len);
    let next = match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::Top => 0,
        _ => last,
    };
    if next != cursor {
        state.cursors[state.kind.index()] = next;
        state.reset_detail();
    }
}

/// In the detail, j/k step from link to link while the next one is on screen and scroll a line
/// otherwise; paging and g/G scroll. The focused link is dropped when it scrolls out of sight.
fn move_in_detail(app: &mut App, action: Action) {
    let Some((detail, height)) = detail_view(app) else {
        return;
    };
    let height = height.max(1);
    let state = &mut app.library;
    let max = detail.max_scroll(height);
    let scroll = state.detail_scroll.min(max);
    let visible = |link: usize, scroll: usize| {
        detail
            .link_lines(link)
            .is_some_and(|(first, _)| first >= scroll && first < scroll + height)
    };
    let links = detail.links.len();
    match action {
        Action::Down => {
            let next = match state.link {
                Some(l) => Some(l + 1).filter(|&n| n < links),
                None => (0..links).find(|&l| {
                    detail
                        .link_lines(l)
                        .is_some_and(|(first, _)| first >= scroll)
                }),
            };
            if let Some(next) = next.filter(|&n| visible(n, scroll)) {
                state.link = Some(next);
                if let Some((first, last)) = detail.link_lines(next)
                    && last >= scroll + height
                {
                    state.detail_scroll = (last + 1 - height).min(first);
                }
            } else {
                state.detail_scroll = (scroll + 1).min(max);
            }
        }
        Action::Up => {
            let previous = match state.link {
                Some(l) => l.checked_sub(1),
                None => (0..links).rev().find(|&l| {
                    detail
                        .link_lines(l)
                        .is_some_and(|(first, _)| first < scroll + height)
                }),
            };
            if let Some(previous) = previous.filter(|&p| visible(p, scroll)) {
                state.link = Some(previous);
            } else {
                state.detail_scroll = scroll.saturating_sub(1);
            }
        }
        Action::PageDown => {
            state.detail_scroll = (scroll + height.saturating_sub(1).max(1)).min(max)
        }
        Action::PageUp => {
            state.detail_scroll = scroll.saturating_sub(height.saturating_sub(1).max(1))
        }
        Action::Top => state.detail_scroll = 0,
        Action::Bottom => state.detail_scroll = max,
        _ => {}
    }
    if state.link.is_some_and(|l| !visible(l, state.detail_scroll)) {
        state.link = None;
    }
}

fn select(app: &mut App) {
    let state = &mut app.library;
    match state.pane {
        Pane::Kinds => state.pane = Pane::List,
        Pane::List => {
            if state.selected_index(&app.store).is_some() {
                state.pane = Pane::Detail;
            }
        }
        Pane::Detail => {
            let Some((detail, _)) = detail_view(app) else {
                return;
            };
            match app.library.link.and_then(|l| detail.links.get(l)).cloned() {
                Some(target) => follow(app, &target),
                None if !detail.links.is_empty() => {
                    app.info("j/k moves to a link (marked ▸); Enter opens it.")
                }
                None => {}
            }
        }
    }
}

/// Opens a link, remembering where we were.
fn follow(app: &mut App, target: &Target) {
    let state = &mut app.library;
    state.push_history();
    state.go_to(&app.store, target);
}

fn back(app: &mut App) {
    let state = &mut app.library;
    if let Some(previous) = state.history.pop() {
        let history = std::mem::take(&mut state.history);
        *state = previous;
        state.history = history;
        if let Some(target) = state.selected(&app.store) {
            let text = format!("Back to {}", describe(&app.store, &target));
            app.info(text);
        }
    } else if state.claims_article.is_some() || state.chains_claim.is_some() {
        state.claims_article = None;
        state.chains_claim = None;
        state.reset_detail();
        let text = format!("Showing all {}.", state.kind.title().to_lowercase());
        app.info(text);
    } else {
        state.pane = match state.pane {
            Pane::Detail => Pane::List,
            _ => Pane::Kinds,
        };
    }
}

/// The claim `a`/`c` act on, or a hint in the status bar when there is none.
fn focused_claim(app: &mut App) -> Option<String> {
    let detail = detail_view(app).map(|(d, _)| d).unwrap_or_default();
    let claim = claim_in_focus(&app.store, &app.library, &detail);
    if claim.is_none() {
        app.info("a and c work on a claim: pick one in Claims, or a claim link (▸) in the detail.");
    }
    claim
}

fn open_article(app: &mut App) {
    let Some(id) = focused_claim(app) else {
        return;
    };
    let Some(article) = app.store.claim(&id).map(|c| c.article.to_string()) else {
        return;
    };
    if app.store.article(&article).is_none() {
        app.error(format!(
            "claim {id} names article {article:?}, which is not in this store"
        ));
        return;
    }
    follow(app, &Target::Article(article.clone()));
    let text = format!(
        "Article {}, which makes claim {id} · Esc goes back",
        article_name(&app.store, &article)
    );
    app.info(text);
}

fn open_chains(app: &mut App) {
    let Some(id) = focused_claim(app) else {
        return;
    };
    let count = app.store.chains_citing(&id).count();
    if count == 0 {
        app.info(format!("No chain cites claim {id}."));
        return;
    }
    let state = &mut app.library;
    state.push_history();
    state.kind = Kind::Chains;
    state.chains_claim = Some(id.clone());
    state.cursors[Kind::Chains.index()] = 0;
    state.offsets[Kind::Chains.index()] = 0;
    state.reset_detail();
    state.leave_kinds();
    let text = if count == 1 {
        format!("1 chain cites claim {id} · Esc goes back")
    } else {
        format!("{count} chains cite claim {id} · Esc goes back")
    };
    app.info(text);
}

fn mouse(app: &mut App, action: Action, column: u16, row: u16) {
    let body = layout::frame(app.size).body;
    let a = areas(body, app.library.pane);
    let wheel = |action: Action| match action {
        Action::ScrollDown { .. } => Some(true),
        Action::ScrollUp { .. } => Some(false),
        _ => None,
    };
    if contains(a.kinds, column, row) {
        match wheel(action) {
            Some(down) => {
                let kind = app.library.kind.step(down);
                app.library.set_kind(kind);
            }
            None => {
                if let Some(kind) = kind_at(&app.store, &app.library, &a, column, row) {
                    app.library.set_kind(kind);
                    app.library.pane = Pane::Kinds;
                }
            }
        }
        return;
    }
    if let Some(list) = a.list
        && contains(list, column, row)
    {
        match wheel(action) {
            Some(down) => {
                app.library.pane = Pane::List;
                move_cursor(app, if down { Action::Down } else { Action::Up });
            }
            None => {
                let inside = inner(list);
                if !contains(inside, column, row) {
                    app.library.pane = Pane::List;
                    return;
                }
                let offset = list_offset(&app.store, &app.library, list);
                let index = offset + usize::from(row - inside.y);
                let state = &mut app.library;
                let len = state.rows(&app.store, state.kind).len();
                if index >= len {
                    state.pane = Pane::List;
                } else if index == state.cursor(state.kind, len) && state.pane == Pane::List {
                    // A click on the selected row opens it.
                    state.pane = Pane::Detail;
                } else {
                    state.cursors[state.kind.index()] = index;
                    state.pane = Pane::List;
                    state.reset_detail();
                }
            }
        }
        return;
    }
    if let Some(pane) = a.detail
        && contains(pane, column, row)
    {
        app.library.pane = Pane::Detail;
        let Some((detail, height)) = detail_view(app) else {
            return;
        };
        let state = &mut app.library;
        let max = detail.max_scroll(height);
        let scroll = state.detail_scroll.min(max);
        match wheel(action) {
            Some(down) => {
                state.detail_scroll = if down {
                    (scroll + WHEEL_LINES).min(max)
                } else {
                    scroll.saturating_sub(WHEEL_LINES)
                };
                let shown = state.detail_scroll..state.detail_scroll + height;
                if state
                    .link
                    .and_then(|l| detail.link_lines(l))
                    .is_some_and(|(first, _)| !shown.contains(&first))
                {
                    state.link = None;
                }
            }
            None => {
                let inside = inner(pane);
                if !contains(inside, column, row) {
                    return;
                }
                let line = scroll + usize::from(row - inside.y);
                if let Some(link) = detail.lines.get(line).and_then(|l| l.link)
                    && let Some(target) = detail.links.get(link).cloned()
                {
                    state.link = Some(link);
                    follow(app, &target);
                }
            }
        }
    }
}
