//! A search that follows the user's typing: when the new query only adds to the last one, only the last
//! query's matches are checked again.

use super::carry::WordScores;
use super::index::SearchIndex;
use super::matcher::Within;
use super::query::{Query, TYPO_MIN_CHARS};
use super::{Filters, Hit};

/// Remembers the last query and what it matched. Results are always the same as
/// [`SearchIndex::search`] with the same arguments; only the work differs.
#[derive(Clone, Debug, Default)]
pub struct SearchSession {
    last: Option<Last>,
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
        let read = index.read(query);
        self.typed.clear();
        self.typed.push_str(query);
        let query = read.as_ref();
        let same_ground =
            |last: &Last| last.generation == index.generation && last.filters == *filters;
        let last = self.last.take().filter(same_ground);
        let last = match last {
            Some(last) if last.query == query => {
                self.checked = 0;
                last
            }
            last => {
                let within = last
                    .as_ref()
                    .map_or_else(Within::default, |l| l.within(query));
                let outcome = index.run(query, filters, within, true);
                self.checked = outcome.checked;
                Last {
                    generation: index.generation,
                    query: query.to_owned(),
                    filters: filters.clone(),
                    exact: outcome.exact,
                    loose: outcome.loose,
                    words: Query::parse(query).words,
                    word_scores: outcome.word_scores,
                    hits: outcome.hits,
                    total: outcome.total,
                }
            }
        };
        &self.last.insert(last).hits
    }

    /// The hits of the last search that are ranked, best first (empty before the first search): all
    /// of them, or a first part of them (see [`SearchSession::rank_all`]).
    pub fn hits(&self) -> &[Hit] {
        self.last.as_ref().map_or(&[], |last| &last.hits)
    }

    /// How many exercises the last search matched, ranked or not.
    pub fn total(&self) -> usize {
        self.last.as_ref().map_or(0, |last| last.total)
    }

    /// Ranks every match of the last search, when only the first were: after it, [`SearchSession::hits`]
    /// holds [`SearchSession::total`] hits, the same as [`SearchIndex::search`] gives.
    pub fn rank_all(&mut self, index: &SearchIndex) {
        let Some(last) = self.last.as_mut() else {
            return;
        };
        if last.hits.len() == last.total || last.generation != index.generation {
            return;
        }
        let within = Within {
            exact: Some(&last.exact),
            loose: None,
            word_scores: Some((&last.words, &last.word_scores)),
        };
        let outcome = index.run(&last.query, &last.filters, within, false);
        last.word_scores = outcome.word_scores;
        last.hits = outcome.hits;
        last.total = outcome.total;
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
        self.checked = 0;
    }
}
