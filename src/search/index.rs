//! The search index: every exercise's searchable fields, folded once, laid out flat for fast scans.

use super::fold;
use super::matcher::Within;
use super::scorer::{Scorer, SkimScorer};
use super::{Filters, Hit};
use crate::content::{Phase, Store};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Tells indexes apart, so a session never narrows results that came from another index.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// What a piece of searchable text is; names and aliases come first in an entry, then the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Name,
    Alias(u32),
    Tag,
    Summary,
}

/// One searchable string, as a byte range of [`SearchIndex::text`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
}

/// One exercise: its pieces and what the filters look at.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Its pieces in [`SearchIndex::pieces`]: the name first, then aliases, then tags and summary words.
    pub pieces: Range<u32>,
    /// The first tag or summary piece; pieces before it are the name and aliases.
    pub lesser: u32,
    /// All its pieces' text, for one subsequence test that rules the exercise out early.
    pub blob: Range<u32>,
    /// Where the tags and summary words start in the blob: each half gets its own early test.
    pub lesser_text: u32,
    /// Its place when all exercises are sorted by name, so hits sort without comparing strings.
    pub name_rank: u32,
    pub regions: u32,
    pub equipment: u32,
    pub phase: Phase,
    /// Its chains in [`SearchIndex::entry_chains`].
    pub chains: Range<u32>,
}

/// The exercises of one store, ready to search. Build it once per store; it does not change.
#[derive(Clone)]
pub struct SearchIndex {
    pub(super) generation: u64,
    pub(super) scorer: Arc<dyn Scorer>,
    /// Every piece's folded text, each followed by a newline.
    pub(super) text: String,
    pub(super) pieces: Vec<Piece>,
    pub(super) entries: Vec<Entry>,
    chain_ids: HashMap<String, u32>,
    entry_chains: Vec<u32>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("exercises", &self.entries.len())
            .field("pieces", &self.pieces.len())
            .field("text_bytes", &self.text.len())
            .finish_non_exhaustive()
    }
}

/// The filters, turned into bit masks and chain numbers once per search.
pub(super) struct Allowed {
    region: u32,
    equipment: u32,
    phase: Option<Phase>,
    chain: Option<u32>,
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("search index larger than 4 GiB")
}

/// The mask bit of a region or an equipment (each has far fewer than 32 values).
fn bit(value: u8) -> u32 {
    1 << value
}

impl SearchIndex {
    /// Indexes the store's exercises with the skim scorer.
    pub fn new(store: &Store) -> SearchIndex {
        SearchIndex::with_scorer(store, SkimScorer::default())
    }

    /// Indexes the store's exercises with another scorer.
    pub fn with_scorer(store: &Store, scorer: impl Scorer + 'static) -> SearchIndex {
        let mut index = SearchIndex {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            scorer: Arc::new(scorer),
            text: String::new(),
            pieces: Vec::new(),
            entries: Vec::with_capacity(store.exercises.len()),
            chain_ids: HashMap::new(),
            entry_chains: Vec::new(),
        };
        let mut seen = HashSet::new();
        for exercise in &store.exercises {
            let first_piece = offset(index.pieces.len());
            let blob_start = offset(index.text.len());
            index.push(Kind::Name, &fold(&exercise.name));
            for (i, alias) in exercise.aliases.iter().enumerate() {
                index.push(Kind::Alias(offset(i)), &fold(alias));
            }
            let lesser = offset(index.pieces.len());
            let lesser_text = offset(index.text.len());
            seen.clear();
            let tags = (exercise.muscles.iter().map(|m| m.as_str()))
                .chain(exercise.equipment.iter().map(|e| e.as_str()))
                .chain(exercise.regions.iter().map(|r| r.as_str()))
                .chain([exercise.phase.as_str(), exercise.position.as_str()])
                .chain(exercise.chains.iter().map(|c| c.as_str()));
            for tag in tags {
                let tag = fold(tag);
                if !tag.is_empty() && seen.insert(tag.clone()) {
                    index.push(Kind::Tag, &tag);
                }
            }
            for word in fold(&exercise.summary).split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if !word.is_empty() && seen.insert(word.to_owned()) {
                    index.push(Kind::Summary, word);
                }
            }
            let chains_start = offset(index.entry_chains.len());
            for chain in &exercise.chains {
                let next = offset(index.chain_ids.len());
                let id = *index.chain_ids.entry(chain.to_string()).or_insert(next);
                index.entry_chains.push(id);
            }
            index.entries.push(Entry {
                pieces: first_piece..offset(index.pieces.len()),
                lesser,
                blob: blob_start..offset(index.text.len()),
                lesser_text,
                name_rank: 0,
                regions: exercise.regions.iter().fold(0, |m, &r| m | bit(r as u8)),
                equipment: exercise.equipment.iter().fold(0, |m, &e| m | bit(e as u8)),
                phase: exercise.phase,
                chains: chains_start..offset(index.entry_chains.len()),
            });
        }
        let mut by_name: Vec<usize> = (0..index.entries.len()).collect();
        by_name.sort_by(|&a, &b| index.name(a).cmp(index.name(b)).then(a.cmp(&b)));
        for (rank, at) in by_name.into_iter().enumerate() {
            index.entries[at].name_rank = offset(rank);
        }
        index
    }

    /// Appends one folded piece of text.
    fn push(&mut self, kind: Kind, folded: &str) {
        let start = offset(self.text.len());
        // The newline separates pieces; one inside a field becomes a space (still one char for one).
        self.text
            .extend(folded.chars().map(|c| if c == '\n' { ' ' } else { c }));
        let end = offset(self.text.len());
        self.text.push('\n');
        self.pieces.push(Piece { start, end, kind });
    }

    /// How many exercises the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every exercise matching `query`, best first, after the filters.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<Hit> {
        self.run(query, filters, Within::default()).hits
    }

    pub(super) fn piece_text(&self, piece: &Piece) -> &str {
        &self.text[piece.start as usize..piece.end as usize]
    }

    pub(super) fn entry_pieces(&self, entry: &Entry) -> &[Piece] {
        &self.pieces[entry.pieces.start as usize..entry.pieces.end as usize]
    }

    pub(super) fn blob(&self, entry: &Entry) -> &[u8] {
        &self.text.as_bytes()[entry.blob.start as usize..entry.blob.end as usize]
    }

    /// The blob split where the tags and summary words start.
    pub(super) fn blob_halves(&self, entry: &Entry) -> (&str, &str) {
        (
            &self.text[entry.blob.start as usize..entry.lesser_text as usize],
            &self.text[entry.lesser_text as usize..entry.blob.end as usize],
        )
    }

    /// The folded name of the exercise at `at`.
    pub(super) fn name(&self, at: usize) -> &str {
        let entry = &self.entries[at];
        self.piece_text(&self.pieces[entry.pieces.start as usize])
    }

    /// `None` when no exercise can pass (a chain no exercise serves).
    pub(super) fn allowed(&self, filters: &Filters) -> Option<Allowed> {
        let chain = match &filters.chain {
            Some(id) => Some(*self.chain_ids.get(id.as_str())?),
            None => None,
        };
        Some(Allowed {
            region: filters.region.map_or(0, |r| bit(r as u8)),
            equipment: filters.equipment.map_or(0, |e| bit(e as u8)),
            phase: filters.phase,
            chain,
        })
    }

    /// Store indices of the exercises the filters let through, in store order.
    pub(super) fn filtered(&self, filters: &Filters) -> Vec<u32> {
        let Some(allowed) = self.allowed(filters) else {
            return Vec::new();
        };
        let passes = |entry: &Entry| {
            (allowed.region == 0 || entry.regions & allowed.region != 0)
                && (allowed.equipment == 0 || entry.equipment & allowed.equipment != 0)
                && allowed.phase.is_none_or(|p| entry.phase == p)
                && allowed.chain.is_none_or(|c| {
                    self.entry_chains[entry.chains.start as usize..entry.chains.end as usize]
                        .contains(&c)
                })
        };
        (self.entries.iter().enumerate())
            .filter(|(_, entry)| passes(entry))
            .map(|(at, _)| offset(at))
            .collect()
    }
}
