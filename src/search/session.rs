//! A search that follows the user's typing: when the new query only adds to the last one, only the last
//! query's matches are checked again.

use super::carry::WordScores;
use super::index::{SearchIndex, second_reading};
use super::matcher::Within;
use super::query::{Query, TYPO_MIN_CHARS};
use super::words::Counts;
use super::{Filters, Hit};

/// Remembers the last query and what it matched. Results are always the same as
/// [`SearchIndex::search`] with the same arguments; only the work differs.
#[derive(Clone, Debug, Default)]
pub struct SearchSession {
    last: Option<Last>,
    /// The search of the query's second reading, when the content's words gave it two (see
    /// [`super::words::Words::readings`]), and how its hits count beside the first's.
    other: Option<Last>,
    counts: Counts,
    /// With `other`: the hits of both readings as one list, as far as both settle it, and how many
    /// exercises either matched.
    merged: Option<(Vec<Hit>, usize)>,
    checked: usize,
    /// The query as typed (the last search ran on it as read through the content's words).
    typed: String,
}

#[derive(Clone, Debug)]
struct Last {
    generation: u64,
    query: String,
    filters: Filters,
    /// What matched without typo tolerance, in tie order: a superset of what any longer query
    /// matches, because a word's prefix matches wherever the word does.
    exact: Vec<u32>,
    /// What matched with typo tolerance, when nothing matched exactly.
    loose: Option<Vec<u32>>,
    /// The query's folded words, and what those of `exact` that were scored scored on them.
    words: Vec<String>,
    word_scores: Vec<(u32, WordScores)>,
    /// The best hits: all of them, or the first [`super::matcher::RANKED`] when the search could
    /// tell those apart without ranking the rest.
    hits: Vec<Hit>,
    /// How many exercises matched.
    total: usize,
}

impl Last {
    /// The search of `query` (one reading), narrowing from `last` when it can; and how many exercises
    /// it looked at (0 when the query had not changed).
    fn step(
        last: Option<Last>,
        index: &SearchIndex,
        query: &str,
        filters: &Filters,
    ) -> (Last, usize) {
        match last.filter(|l| l.same_ground(index, filters)) {
            Some(last) if last.query == query => (last, 0),
            last => {
                let within = last
                    .as_ref()
                    .map_or_else(Within::default, |l| l.within(query));
                Last::fresh(index, query, filters, within)
            }
        }
    }

    /// The search of `query` among what `within` allows; and how many exercises it looked at.
    fn fresh(index: &SearchIndex, query: &str, filters: &Filters, within: Within) -> (Last, usize) {
        let outcome = index.run(query, filters, within, true);
        let last = Last {
            generation: index.generation,
            query: query.to_owned(),
            filters: filters.clone(),
            exact: outcome.exact,
            loose: outcome.loose,
            words: Query::parse(query).words,
            word_scores: outcome.word_scores,
            hits: outcome.hits,
            total: outcome.total,
        };
        (last, outcome.checked)
    }

    /// Whether a search of this index with these filters may narrow from this one.
    fn same_ground(&self, index: &SearchIndex, filters: &Filters) -> bool {
        self.generation == index.generation && self.filters == *filters
    }

    /// Ranks every match, when only the first were.
    fn rank_all(&mut self, index: &SearchIndex) {
        if self.hits.len() == self.total || self.generation != index.generation {
            return;
        }
        let within = Within {
            exact: Some(&self.exact),
            loose: None,
            word_scores: Some((&self.words, &self.word_scores)),
        };
        let outcome = index.run(&self.query, &self.filters, within, false);
        self.word_scores = outcome.word_scores;
        self.hits = outcome.hits;
        self.total = outcome.total;
    }

    /// What it matched, in tie order: with typo tolerance when nothing matched exactly.
    fn matched(&self) -> &[u32] {
        self.loose.as_deref().unwrap_or(&self.exact)
    }

    /// What the last search tells about `query`'s matches.
    fn within(&self, query: &str) -> Within<'_> {
        if !query.starts_with(self.query.as_str()) {
            return Within::default();
        }
        Within {
            exact: Some(&self.exact),
            loose: self.loose.as_deref().filter(|_| self.typos_carry_over()),
            word_scores: Some((&self.words, &self.word_scores)),
        }
    }

    /// Whether typo-tolerant matches of a longer query must be among this query's: true when the
    /// word being typed already had typo tolerance (a letter left out of the longer word is either
    /// in this word, or it is the new letter), or when the last word is finished.
    fn typos_carry_over(&self) -> bool {
        self.query.ends_with(char::is_whitespace)
            || (self.query.split_whitespace().last())
                .is_some_and(|word| word.chars().count() >= TYPO_MIN_CHARS)
    }
}

impl SearchSession {
    pub fn new() -> SearchSession {
        SearchSession::default()
    }

    /// The best hits for `query`, best first, narrowing from the last search when `query` extends it.
    /// They may be only the first of [`SearchSession::total`]: a large store's many matches are
    /// ranked when asked for ([`SearchSession::rank_all`]).
    pub fn search(&mut self, index: &SearchIndex, query: &str, filters: &Filters) -> &[Hit] {
        // Read through the content's words first ("hammies" → "hamstring", plurals as singulars).
        let (first, second) = index.readings(query);
        self.typed.clear();
        self.typed.push_str(query);
        // The second reading narrows from the last one's search, or, at the keystroke that makes it
        // ("hip i" → "hip ir"), from the last first reading's: its words as typed extend those.
        let other = second.map(|(other, counts)| {
            self.counts = counts;
            match self.other.take() {
                Some(from) => Last::step(Some(from), index, &other, filters),
                None => {
                    let from = self.last.as_ref().filter(|l| l.same_ground(index, filters));
                    let within = from.map_or_else(Within::default, |l| l.within(&other));
                    Last::fresh(index, &other, filters, within)
                }
            }
        });
        let (last, checked) = Last::step(self.last.take(), index, &first, filters);
        self.last = Some(last);
        self.checked = checked;
        self.other = other.map(|(other, checked)| {
            self.checked += checked;
            other
        });
        self.merge(index);
        self.hits()
    }

    /// Both readings' hits as one list, when there are two: an exercise once, with its better hit.
    /// A reading ranked only in part settles the order only down to its last ranked hit: below that,
    /// one of its unranked matches might come first.
    fn merge(&mut self, index: &SearchIndex) {
        let (Some(first), Some(second)) = (&self.last, &self.other) else {
            self.merged = None;
            return;
        };
        let mut hits = index.merge(first.hits.clone(), second.hits.clone(), self.counts);
        // Where a reading ranked in part stops, as its hits count in the merged list (the first's in full).
        let settled = |part: &Last, counts: Counts| {
            let last = part.hits.last().filter(|_| part.hits.len() < part.total)?;
            Some(index.hit_key(&second_reading(last.clone(), counts)))
        };
        let cutoffs = [settled(first, Counts::Full), settled(second, self.counts)];
        for settled in cutoffs.into_iter().flatten() {
            hits.retain(|hit| index.hit_key(hit) <= settled);
        }
        let total = union_len(first.matched(), second.matched());
        self.merged = Some((hits, total));
    }

    /// The hits of the last search that are ranked, best first (empty before the first search): all
    /// of them, or a first part of them (see [`SearchSession::rank_all`]).
    pub fn hits(&self) -> &[Hit] {
        match &self.merged {
            Some((hits, _)) => hits,
            None => self.last.as_ref().map_or(&[], |last| &last.hits),
        }
    }

    /// How many exercises the last search matched, ranked or not.
    pub fn total(&self) -> usize {
        match &self.merged {
            Some((_, total)) => *total,
            None => self.last.as_ref().map_or(0, |last| last.total),
        }
    }

    /// Ranks every match of the last search, when only the first were: after it, [`SearchSession::hits`]
    /// holds [`SearchSession::total`] hits, the same as [`SearchIndex::search`] gives.
    pub fn rank_all(&mut self, index: &SearchIndex) {
        for last in [&mut self.last, &mut self.other].into_iter().flatten() {
            last.rank_all(index);
        }
        self.merge(index);
    }

    /// The last query searched for, as typed.
    pub fn query(&self) -> &str {
        if self.last.is_some() { &self.typed } else { "" }
    }

    /// How many exercises the last search looked at: fewer than the store when it narrowed, 0 when
    /// the query had not changed.
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// Forgets the last search, so the next one starts over.
    pub fn clear(&mut self) {
        self.last = None;
        self.other = None;
        self.merged = None;
        self.checked = 0;
    }
}

/// How many entries are in either of two lists in tie order (ascending, each entry once).
fn union_len(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
        n += 1;
    }
    n + (a.len() - i) + (b.len() - j)
}
