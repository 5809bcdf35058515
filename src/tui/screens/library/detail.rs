//! The detail pane's text: the selected record as wrapped styled lines, some of them links to other
//! records. Built once per frame in `prepare`; drawing and clicks use the same lines.

use super::{Kind, State, records};
use crate::content::Store;
use crate::text::{self, Line, Role, Run};

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

/// The marker before a link; the focused link shows `▶` instead.
pub const LINK: &str = "▸";

/// One line of the detail, and the link it belongs to (an index into `Detail::links`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailLine {
    pub line: Line,
    pub link: Option<usize>,
}

/// The detail of one record, wrapped to the pane's width.
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

    /// The lines as plain text (tests, messages).
    pub fn plain(&self) -> Vec<String> {
        self.lines.iter().map(|l| l.line.plain()).collect()
    }
}

/// Builds a detail: paragraphs of styled pieces, word-wrapped with the one wrapper.
pub struct Writer {
    width: usize,
    pub detail: Detail,
}

impl Writer {
    fn new(width: u16) -> Writer {
        Writer {
            width: usize::from(width.max(1)),
            detail: Detail::default(),
        }
    }

    pub fn blank(&mut self) {
        self.detail.lines.push(DetailLine::default());
    }

    pub fn text(&mut self, role: Role, text: &str) {
        self.para(&[(role, text)], 0, 0, None);
    }

    pub fn heading(&mut self, text: &str) {
        self.para(&[(Role::Heading, text)], 0, 0, None);
    }

    /// "Evidence  research-cited", the value hanging under itself.
    pub fn field(&mut self, label: &str, pieces: &[(Role, &str)]) {
        let label = format!("{label:<10}");
        let mut all = vec![(Role::Accent, label.as_str())];
        all.extend_from_slice(pieces);
        self.para(&all, 0, 10, None);
    }

    /// A field whose value is a link: "Article   ▸ 000 Ribs & breathing".
    pub fn link_field(&mut self, label: &str, pieces: &[(Role, &str)], target: Target) {
        let label = format!("{label:<10}");
        let mut all = vec![(Role::Accent, label.as_str()), (Role::Accent, LINK)];
        all.extend_from_slice(pieces);
        self.para(&all, 0, 12, Some(target));
    }

    /// A link line: `▸ pieces`, indented, continuation lines under the text.
    pub fn link(&mut self, indent: usize, pieces: &[(Role, &str)], target: Target) {
        let mut all = vec![(Role::Accent, LINK)];
        all.extend_from_slice(pieces);
        self.para(&all, indent, indent + 2, Some(target));
    }

    /// One paragraph of pieces, a space between each (unless one already ends in spaces), word-wrapped.
    /// The first line starts `first` columns in, the others `indent` columns in.
    pub fn para(
        &mut self,
        pieces: &[(Role, &str)],
        first: usize,
        indent: usize,
        link: Option<Target>,
    ) {
        let link = link.map(|target| {
            self.detail.links.push(target);
            self.detail.links.len() - 1
        });
        let width = self.width;
        let mut runs = vec![Run::new(Role::Plain, " ".repeat(first.min(width / 2)))];
        for (n, &(role, piece)) in pieces.iter().enumerate() {
            let joined = n > 0 && !pieces[n - 1].1.ends_with(' ');
            if joined {
                runs.push(Run::new(Role::Plain, " "));
            }
            runs.push(Run::new(role, piece));
        }
        for line in text::wrap_styled(&runs, width, indent.min(width / 2)) {
            self.detail.lines.push(DetailLine { line, link });
        }
    }
}

/// The detail of the record under the cursor, wrapped to `width` columns.
pub fn detail(store: &Store, state: &State, width: u16) -> Detail {
    let mut w = Writer::new(width);
    let kind = state.place.kind;
    match state.selected_index(store) {
        None => {
            w.detail.title = kind.title().to_string();
            let what = kind.title().to_lowercase();
            let text = if state.place.query.is_empty() {
                format!("Nothing to show: this content store has no {what}.")
            } else {
                format!(
                    "No {what} match “{}”. Try fewer letters, or another tab.",
                    state.place.query.trim()
                )
            };
            w.text(Role::Muted, &text);
        }
        Some(i) => match kind {
            Kind::Articles => records::article(&mut w, store, i),
            Kind::Topics => records::topic(&mut w, store, i),
            Kind::Claims => records::claim(&mut w, store, i),
            Kind::Chains => records::chain(&mut w, store, state.place.chains_claim.as_deref(), i),
        },
    }
    w.detail
}
