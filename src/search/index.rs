//! The search index: every exercise's searchable fields, folded once, laid out flat for fast scans.

use super::prefilter::{byte_mask, word_start_mask};
use super::scorer::{Scorer, SkimScorer};
use super::words::Counts;
use super::{Filters, Hit};
use crate::content::{Phase, Store};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many exercises are folded at once when an index is built (see [`SearchIndex::with_scorer`]).
const FOLD_BLOCK: usize = 8192;

/// Tells indexes apart, so a session never narrows results that came from another index.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// What a piece of searchable text is; names and aliases come first in an entry, then the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Name,
    Alias(u32),
    Tag,
    Summary,
    /// A ladder rung's name, by its place in [`crate::content::Ladder::rungs`].
    Rung(u32),
}

/// One searchable string, as a byte range of [`SearchIndex::text`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Which bytes its text holds ([`byte_mask`]).
    pub mask: u32,
}

/// A hit of a query's second reading (its words as typed, where the content's words read them as others:
/// "it band" searched as typed beside "iliotibial"), as it counts beside the first. Half its score, as a
/// misspelt word's, when the table read a synonym: the typed words match loosely where the table's would
/// not ("it" inside "with"), so they find a name that holds them without crowding out what the table's
/// words mean. In full when the table read only words names use alike ("single leg" as "one leg").
pub(super) fn second_reading(hit: Hit, counts: Counts) -> Hit {
    match counts {
        Counts::Half => Hit {
            score: hit.score / 2,
            ..hit
        },
        Counts::Full => hit,
    }
}

/// A query as search reads it: through the content's words, and, when those read some words as others,
/// also with those words as typed, counting as [`Counts`] says.
pub(super) type Readings<'q> = (Cow<'q, str>, Option<(Cow<'q, str>, Counts)>);

/// One exercise: its pieces and what the filters look at. Entries are laid out in tie order (see
/// [`Entry::tie_rank`]), so a search meets the exercises that win ties first while it reads the index
/// front to back.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Its position in [`crate::content::Store::exercises`].
    pub store: u32,
    /// Its pieces in [`SearchIndex::pieces`]: the name first, then aliases, then tags, rung names and
    /// summary words.
    pub pieces: Range<u32>,
    /// The first tag, rung or summary piece; pieces before it are the name and aliases.
    pub lesser: u32,
    /// All its pieces' text, for one subsequence test that rules the exercise out early.
    pub blob: Range<u32>,
    /// Where the tags and summary words start in the blob: each half gets its own early test.
    pub lesser_text: u32,
    /// Which bytes its name and aliases hold, and its tags and summary words ([`super::prefilter::byte_mask`]).
    pub names_mask: u32,
    pub lesser_mask: u32,
    /// Which bytes start a word in the name; in the name and aliases; and among the tags and summary
    /// words ([`word_start_mask`]).
    pub name_starts: u32,
    pub names_starts: u32,
    pub lesser_starts: u32,
    /// Its place when all exercises are sorted by name (the order of an empty query's hits).
    pub name_rank: u32,
    /// Its place among hits with the same score: shorter names first, so the plain "Hamstring bridge"
    /// comes before its longer variants, then by name. It is also the entry's position in
    /// [`SearchIndex::entries`].
    pub tie_rank: u32,
    pub regions: u32,
    pub equipment: u32,
    pub phase: Phase,
    /// backchain's own exercise, not an imported one (see [`super::matcher::boosted`]).
    pub own: bool,
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
    /// For each exercise in store order, its entry.
    entry_of: Vec<u32>,
    /// Every entry in name order (by `name_rank`): an empty query's hits, which would otherwise sort the
    /// whole store on each keystroke that clears the query.
    by_name: Vec<u32>,
    /// Every name and alias as (its hash, its entry), by hash: which exercises a query names exactly.
    named: Vec<(u64, u32)>,
    /// The content's words people type for what the exercises call otherwise (`search.toml`).
    pub(super) words: super::words::Words,
    /// For each key of the words table typed so far: whether some exercise holds it as typed (see
    /// [`SearchIndex::holds_as_words`]).
    typed_keys: Arc<std::sync::Mutex<HashMap<String, bool>>>,
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

/// An exercise's searchable text, folded into one buffer: the name and aliases (the first `names`
/// pieces), then its distinct tags, rung names and summary words, each a range of `text`.
struct Folded {
    text: String,
    pieces: Vec<(Kind, Range<usize>)>,
    names: usize,
}

impl Folded {
    /// Folds `raw` onto the end of the buffer and returns its range.
    fn add(&mut self, raw: &str) -> Range<usize> {
        let start = self.text.len();
        super::fold::fold_into(raw, &mut self.text);
        start..self.text.len()
    }

    /// Keeps each tag, rung name or summary word once (its first time), dropping empty ones: one hash
    /// set pass, where comparing each with all kept before was quadratic in the words of a long summary.
    fn keep_distinct(&mut self, candidates: Vec<(Kind, Range<usize>)>) {
        let mut seen: HashSet<&str, BuildHasherDefault<Fnv>> =
            HashSet::with_capacity_and_hasher(candidates.len(), BuildHasherDefault::default());
        for (kind, range) in candidates {
            let text = &self.text[range.clone()];
            if !text.is_empty() && seen.insert(text) {
                self.pieces.push((kind, range));
            }
        }
    }
}

/// FNV-1a: a few short words per exercise need no DoS-resistant hashing, and SipHash would cost more
/// than the comparisons it saves.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A word's FNV-1a hash.
fn hash(text: &str) -> u64 {
    let mut fnv = Fnv::default();
    fnv.write(text.as_bytes());
    fnv.finish()
}

fn fold_exercise(exercise: &crate::content::Exercise) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(512),
        pieces: Vec::with_capacity(48),
        names: 0,
    };
    let name = folded.add(&exercise.name);
    folded.pieces.push((Kind::Name, name));
    for (i, alias) in exercise.aliases.iter().enumerate() {
        let range = folded.add(alias);
        folded.pieces.push((Kind::Alias(offset(i)), range));
    }
    folded.names = folded.pieces.len();
    let tags = (exercise.muscles.iter().map(|m| m.as_str()))
        .chain(exercise.equipment.iter().map(|e| e.as_str()))
        .chain(exercise.regions.iter().map(|r| r.as_str()))
        .chain([exercise.phase.as_str()])
        .chain(exercise.position.map(|p| p.as_str()))
        .chain(exercise.chains.iter().map(|c| c.as_str()));
    let mut candidates = Vec::with_capacity(64);
    for tag in tags {
        let range = folded.add(tag);
        candidates.push((Kind::Tag, range));
    }
    // A rung that is another exercise of the store is found by that exercise's own name.
    let rungs = exercise.ladder.iter().flat_map(|l| l.rungs().enumerate());
    for (i, (_, rung)) in rungs.filter(|(_, (_, r))| r.exercise.is_none()) {
        let range = folded.add(&rung.name);
        candidates.push((Kind::Rung(offset(i)), range));
    }
    let summary = folded.add(&exercise.summary);
    // Words of the summary: runs of non-space, trimmed of punctuation at both ends.
    let mut start = None;
    let text = &folded.text;
    let ends = text[summary.clone()]
        .char_indices()
        .map(|(i, c)| (summary.start + i, c.is_whitespace()));
    for (i, space) in ends.chain([(summary.end, true)]) {
        match (start, space) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                let word = &text[s..i];
                let lead = word.len()
                    - word
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len();
                let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric()).len();
                candidates.push((Kind::Summary, s + lead..s + lead + trimmed));
                start = None;
            }
            _ => {}
        }
    }
    folded.keep_distinct(candidates);
    // Every exercise's folding is held until the index is laid out: only what it uses, not the room
    // reserved to fold it (at 100k that room was ~100 MB of the peak).
    folded.text.shrink_to_fit();
    folded.pieces.shrink_to_fit();
    folded
}

/// The filters, turned into bit masks and chain numbers once per search.
pub(super) struct Allowed {
    region: u32,
    equipment: u32,
    phase: Option<Phase>,
    chain: Option<u32>,
}

pub(super) fn offset(n: usize) -> u32 {
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
            entry_of: Vec::new(),
            by_name: Vec::new(),
            named: Vec::new(),
            words: super::words::Words::new(store.search_words.as_ref()),
            typed_keys: Arc::default(),
        };
        // Folding is the costly part and each exercise is independent: fold on every core. The names
        // alone first, as they decide the order entries are laid out in; then each exercise whole, a block
        // at a time in that order, so only a block's foldings are held at once (all of them were ~150 MB
        // of the peak at 100k).
        let names = crate::par::map(&store.exercises, |e| super::fold::fold(&e.name));
        let mut by_name: Vec<usize> = (0..names.len()).collect();
        by_name.sort_by(|&a, &b| names[a].cmp(&names[b]).then(a.cmp(&b)));
        let mut name_rank = vec![0; names.len()];
        for (rank, &at) in by_name.iter().enumerate() {
            name_rank[at] = offset(rank);
        }
        let chars: Vec<usize> = names.iter().map(|name| name.chars().count()).collect();
        drop(names);
        // Sorting by name is stable, so equal lengths stay in name order.
        let mut by_tie = by_name;
        by_tie.sort_by_key(|&at| chars[at]);
        index.entry_of = vec![0; by_tie.len()];
        for (block, ats) in by_tie.chunks(FOLD_BLOCK).enumerate() {
            let folded = crate::par::map(ats, |&at| fold_exercise(&store.exercises[at]));
            if block == 0 {
                // Room for the rest at the first block's rate: not grown by doubling.
                let scale = by_tie.len().div_ceil(folded.len().max(1));
                let pieces: usize = folded.iter().map(|f| f.pieces.len()).sum();
                let text: usize = (folded.iter().flat_map(|f| &f.pieces))
                    .map(|(_, range)| range.len() + 1)
                    .sum();
                let names: usize = folded.iter().map(|f| f.names).sum();
                index.pieces.reserve(pieces * scale);
                index.text.reserve(text * scale);
                index.named.reserve(names * scale);
            }
            for (i, (&at, folded)) in ats.iter().zip(&folded).enumerate() {
                let tie_rank = block * FOLD_BLOCK + i;
                index.entry_of[at] = offset(tie_rank);
                let exercise = &store.exercises[at];
                let first_piece = offset(index.pieces.len());
                let blob_start = offset(index.text.len());
                let mut lesser = first_piece;
                let mut lesser_text = blob_start;
                for (n, (kind, range)) in folded.pieces.iter().enumerate() {
                    if n == folded.names {
                        lesser = offset(index.pieces.len());
                        lesser_text = offset(index.text.len());
                    }
                    index.push(*kind, &folded.text[range.clone()]);
                }
                if folded.names == folded.pieces.len() {
                    lesser = offset(index.pieces.len());
                    lesser_text = offset(index.text.len());
                }
                let chains_start = offset(index.entry_chains.len());
                for chain in &exercise.chains {
                    let next = offset(index.chain_ids.len());
                    // Looked up before a key is made: a few chain ids recur across every exercise.
                    let id = match index.chain_ids.get(chain.as_str()) {
                        Some(&id) => id,
                        None => *index.chain_ids.entry(chain.to_string()).or_insert(next),
                    };
                    index.entry_chains.push(id);
                }
                let name_end = index.pieces[first_piece as usize].end;
                for piece in &index.pieces[first_piece as usize..lesser as usize] {
                    let text = &index.text[piece.start as usize..piece.end as usize];
                    index.named.push((hash(text), offset(tie_rank)));
                }
                let bytes = index.text.as_bytes();
                index.entries.push(Entry {
                    store: offset(at),
                    pieces: first_piece..offset(index.pieces.len()),
                    lesser,
                    blob: blob_start..offset(index.text.len()),
                    lesser_text,
                    names_mask: byte_mask(&bytes[blob_start as usize..lesser_text as usize]),
                    lesser_mask: byte_mask(&bytes[lesser_text as usize..]),
                    name_starts: word_start_mask(&bytes[blob_start as usize..name_end as usize]),
                    names_starts: word_start_mask(
                        &bytes[blob_start as usize..lesser_text as usize],
                    ),
                    lesser_starts: word_start_mask(&bytes[lesser_text as usize..]),
                    name_rank: name_rank[at],
                    tie_rank: offset(tie_rank),
                    regions: exercise.regions.iter().fold(0, |m, &r| m | bit(r as u8)),
                    equipment: exercise.equipment.iter().fold(0, |m, &e| m | bit(e as u8)),
                    phase: exercise.phase,
                    own: exercise.source.is_none(),
                    chains: chains_start..offset(index.entry_chains.len()),
                });
            }
        }
        index.by_name = vec![0; name_rank.len()];
        for (at, &rank) in name_rank.iter().enumerate() {
            index.by_name[rank as usize] = index.entry_of[at];
        }
        index.named.sort_unstable();
        index
    }

    /// How search reads `query`, through the content's words: one reading, or two when the table read
    /// some words as others (see [`super::words::Words::readings`]; a match of either is a match) —
    /// unless, as typed, it is an exercise's whole name: "On Your Side Quad Stretch" is searched as typed,
    /// fillers and all, so a name typed in full always finds its exercise first.
    pub(super) fn readings<'q>(&self, query: &'q str) -> Readings<'q> {
        let (read, literal) = self.words.readings(query, |key| self.holds_as_words(key));
        if matches!(read, Cow::Owned(_)) {
            let folded = super::fold(query);
            let whole = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            // A name only: an alias is often the very word the table reads ("hip IR", "good mornings").
            let is_a_name = self.named(&whole).into_iter().any(|at| {
                let entry = &self.entries[at as usize];
                self.piece_text(&self.pieces[entry.pieces.start as usize]) == whole
            });
            if is_a_name {
                return (Cow::Borrowed(query), None);
            }
        }
        (read, literal)
    }

    /// Whether some exercise's text (name, alias, tag, rung or summary word) holds `phrase` as whole
    /// words, joined by spaces or hyphens ("Single-Arm" holds "single arm"): worked out once per phrase,
    /// on first use.
    fn holds_as_words(&self, phrase: &str) -> bool {
        let mut known = self.typed_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&holds) = known.get(phrase) {
            return holds;
        }
        let text = self.text.as_bytes();
        let hyphened = phrase.replace(' ', "-");
        let forms =
            std::iter::once(phrase).chain((hyphened != phrase).then_some(hyphened.as_str()));
        let holds = forms.into_iter().any(|form| {
            memchr::memmem::find_iter(text, form.as_bytes()).any(|at| {
                let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
                !word(at.checked_sub(1).and_then(|b| text.get(b)))
                    && !word(text.get(at + form.len()))
            })
        });
        known.insert(phrase.to_owned(), holds);
        holds
    }

    /// The order of hits, best first: by score, then by tie rank.
    pub(super) fn hit_key(&self, hit: &Hit) -> u64 {
        let tie = (self.entry_of(hit.index)).map_or(u32::MAX, |at| self.entries[at].tie_rank);
        super::matcher::sort_key(hit.score, tie)
    }

    /// The hits of every reading of `query` (see [`SearchIndex::readings`]), each found by `find`, as one
    /// list, best first (see [`SearchIndex::merge`]).
    pub(super) fn search_readings(&self, query: &str, find: impl Fn(&str) -> Vec<Hit>) -> Vec<Hit> {
        let (first, second) = self.readings(query);
        let hits = find(&first);
        match second {
            Some((second, counts)) => self.merge(hits, find(&second), counts),
            None => hits,
        }
    }

    /// Hits of the two readings of one query as one list, best first: each exercise once, with its better
    /// hit (the first reading's when they score the same). Hits of the second reading, the words as
    /// typed, count as `counts` says (see [`second_reading`]).
    pub(super) fn merge(&self, first: Vec<Hit>, second: Vec<Hit>, counts: Counts) -> Vec<Hit> {
        let key = |hit: &Hit| self.hit_key(hit);
        let mut all = first;
        all.extend(second.into_iter().map(|hit| second_reading(hit, counts)));
        // Stable: of two equal hits of one exercise, the first reading's stays first.
        all.sort_by_key(|hit| (hit.index, key(hit)));
        all.dedup_by_key(|hit| hit.index);
        all.sort_unstable_by_key(key);
        all
    }

    /// The entries with a name or alias that is exactly `folded`, in order.
    pub(super) fn named(&self, folded: &str) -> Vec<u32> {
        let key = hash(folded);
        let from = self.named.partition_point(|&(h, _)| h < key);
        let mut found: Vec<u32> = (self.named[from..].iter())
            .take_while(|&&(h, _)| h == key)
            .map(|&(_, at)| at)
            .filter(|&at| {
                let entry = &self.entries[at as usize];
                let names = &self.pieces[entry.pieces.start as usize..entry.lesser as usize];
                names.iter().any(|piece| self.piece_text(piece) == folded)
            })
            .collect();
        found.dedup();
        found
    }

    /// Appends one folded piece of text.
    fn push(&mut self, kind: Kind, folded: &str) {
        let start = offset(self.text.len());
        // The newline separates pieces; one inside a field becomes a space (still one char for one).
        if memchr::memchr(b'\n', folded.as_bytes()).is_some() {
            self.text
                .extend(folded.chars().map(|c| if c == '\n' { ' ' } else { c }));
        } else {
            self.text.push_str(folded);
        }
        let end = offset(self.text.len());
        self.text.push('\n');
        let mask = byte_mask(&self.text.as_bytes()[start as usize..end as usize]);
        self.pieces.push(Piece {
            start,
            end,
            kind,
            mask,
        });
    }

    /// How many exercises the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
    pub(super) fn blob_halves(&self, entry: &Entry) -> (&[u8], &[u8]) {
        let text = self.text.as_bytes();
        (
            &text[entry.blob.start as usize..entry.lesser_text as usize],
            &text[entry.lesser_text as usize..entry.blob.end as usize],
        )
    }

    /// The folded name of the exercise at `at`.
    pub(super) fn name(&self, at: usize) -> &str {
        let entry = &self.entries[at];
        self.piece_text(&self.pieces[entry.pieces.start as usize])
    }

    /// Where the exercise at `at` goes among hits with the same score: lower comes first.
    pub(super) fn tie_rank(&self, at: usize) -> u32 {
        self.entries[at].tie_rank
    }

    /// The position in the store of the exercise at entry `at`.
    pub(super) fn store_index(&self, at: usize) -> usize {
        self.entries[at].store as usize
    }

    /// The entry of the exercise at `index` in the store.
    pub(super) fn entry_of(&self, index: usize) -> Option<usize> {
        self.entry_of.get(index).map(|&at| at as usize)
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

    /// The entries of the exercises the filters let through, in tie order (their order in the index).
    pub(super) fn filtered(&self, filters: &Filters) -> Vec<u32> {
        self.filtered_in(filters, 0..offset(self.entries.len()))
    }

    /// The entries of the exercises the filters let through, by name.
    pub(super) fn filtered_by_name(&self, filters: &Filters) -> Vec<u32> {
        self.filtered_in(filters, self.by_name.iter().copied())
    }

    /// The entries of `order` the filters let through, in that order.
    fn filtered_in(&self, filters: &Filters, order: impl Iterator<Item = u32>) -> Vec<u32> {
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
        order
            .filter(|&at| passes(&self.entries[at as usize]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Equipment, Phase, Region};
    use crate::search::{Filters, SearchSession};

    /// An empty query's hits as they were worked out before the index kept its name order: the
    /// exercises the filters let through, sorted by name on the spot.
    fn sorted_on_the_spot(index: &SearchIndex, filters: &Filters) -> Vec<usize> {
        let mut by_name = index.filtered(filters);
        by_name.sort_unstable_by_key(|&at| index.entries[at as usize].name_rank);
        (by_name.iter())
            .map(|&at| index.store_index(at as usize))
            .collect()
    }

    fn filter_cases(chain: &str) -> Vec<Filters> {
        vec![
            Filters::default(),
            Filters {
                region: Some(Region::Hamstrings),
                ..Filters::default()
            },
            Filters {
                equipment: Some(Equipment::Mat),
                phase: Some(Phase::Mobilise),
                ..Filters::default()
            },
            Filters {
                chain: Some(chain.into()),
                ..Filters::default()
            },
            Filters {
                chain: Some("no-such-chain".into()),
                ..Filters::default()
            },
        ]
    }

    fn assert_empty_query_by_name(store: &Store) {
        let index = SearchIndex::new(store);
        let chain = store.chains.first().map_or("", |c| c.id.as_str());
        for filters in filter_cases(chain) {
            let expected = sorted_on_the_spot(&index, &filters);
            let hits =
                |hits: &[crate::search::Hit]| hits.iter().map(|h| h.index).collect::<Vec<_>>();
            assert_eq!(hits(&index.search("", &filters)), expected, "{filters:?}");
            // As the Exercises screen asks: typed, then cleared, then everything ranked.
            let mut session = SearchSession::new();
            session.search(&index, "ham", &filters);
            session.search(&index, "", &filters);
            assert_eq!(session.total(), expected.len(), "{filters:?}");
            let shown = hits(session.hits());
            assert_eq!(shown, expected[..shown.len()], "{filters:?}");
            session.rank_all(&index);
            assert_eq!(hits(session.hits()), expected, "{filters:?}");
        }
    }

    #[test]
    fn an_empty_query_lists_the_exercises_by_name_as_a_sort_would() {
        assert_empty_query_by_name(&crate::content::embedded());
        let mut problems = Vec::new();
        let files = crate::content::synthetic::store_files(2_000);
        let store = Store::from_files(files, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_empty_query_by_name(&store);
    }
}
