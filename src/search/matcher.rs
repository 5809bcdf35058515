//! Matching and scoring: each query word against an exercise's pieces, the whole query as a bonus, and
//! the hits sorted.

use super::carry::{Carry, Known, WordScores, keep_best};
use super::index::{Entry, Kind, Piece, SearchIndex};
use super::prefilter::{
    byte_mask, is_anchored_subsequence, is_subsequence, is_subsequence_but_one,
    is_subsequence_long, may_contain,
};
use super::query::Query;
use super::{Field, Filters, Hit};
use std::sync::OnceLock;

/// Score multipliers: a match on the name or an alias counts most, then a tag, then a summary word.
/// The name weighs only a little more than an alias: skim barely penalises gaps, so a much heavier name
/// would let "r…d…l" in "Romanian deadlift" beat the alias "RDL".
const NAME_WEIGHT: i64 = 10;
const ALIAS_WEIGHT: i64 = 9;
const TAG_WEIGHT: i64 = 6;
const SUMMARY_WEIGHT: i64 = 3;
/// Added to the raw score, per char of the query word, when the word fits inside one word of the
/// field: "brth" in "breathing" rather than spread over "bend from the hips".
const ONE_WORD_BONUS: i64 = 4;
/// Added when the whole query is exactly the name or an alias ("hip ir" is an alias of one drill); that
/// field is then the hit's matched field.
const EXACT_BONUS: i64 = 600;

/// What one search produced, with what a session needs to narrow the next one.
pub(super) struct Outcome {
    /// Store indices that matched without typo tolerance, in store order.
    pub exact: Vec<u32>,
    /// Store indices that matched with typo tolerance, when that pass ran, in store order.
    pub loose: Option<Vec<u32>>,
    pub hits: Vec<Hit>,
    /// The word scores of each exact match (as `exact`), for the next keystroke; empty when the query
    /// was empty.
    pub word_scores: Vec<WordScores>,
    /// How many exercises were looked at.
    pub checked: usize,
}

/// What the whole query earns on the name or an alias.
struct Bonus {
    score: i64,
    field: Field,
    /// The query is that whole field.
    exact: bool,
}

fn weight(kind: Kind) -> i64 {
    match kind {
        Kind::Name => NAME_WEIGHT,
        Kind::Alias(_) => ALIAS_WEIGHT,
        Kind::Tag => TAG_WEIGHT,
        Kind::Summary => SUMMARY_WEIGHT,
    }
}

fn field(kind: Kind) -> Field {
    match kind {
        Kind::Name => Field::Name,
        Kind::Alias(i) => Field::Alias(i as usize),
        Kind::Tag => Field::Tag,
        Kind::Summary => Field::Summary,
    }
}

/// How many of the best hits come with their matched name letters; further down, ask
/// [`SearchIndex::highlight`] for the rows being shown.
pub const POSITIONED: usize = 256;

/// One integer that sorts hits best first: the score (at least 0) inverted in the high half, the tie
/// rank in the low half.
fn sort_key(score: i64, tie_rank: u32) -> u64 {
    let score = score.clamp(0, i64::from(u32::MAX)) as u64;
    ((u64::from(u32::MAX) - score) << 32) | u64::from(tie_rank)
}

/// Below this many items one thread is quicker than starting more.
const PARALLEL_FROM: usize = 16 * 1024;
/// More threads than this gain little for one keystroke's work.
const MAX_THREADS: usize = 8;

/// `items.iter().enumerate().filter_map(f)`, on several threads for long lists; same order either way.
fn parallel_filter_map<S: Sync, T: Send>(
    items: &[S],
    f: impl Fn(usize, &S) -> Option<T> + Sync,
) -> Vec<T> {
    static THREADS: OnceLock<usize> = OnceLock::new();
    let threads = *THREADS.get_or_init(|| {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
    });
    if threads < 2 || items.len() < PARALLEL_FROM {
        return (items.iter().enumerate())
            .filter_map(|(i, item)| f(i, item))
            .collect();
    }
    let f = &f;
    let size = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = (items.chunks(size).enumerate())
            .map(|(n, part)| {
                scope.spawn(move || {
                    (part.iter().enumerate())
                        .filter_map(|(i, item)| f(n * size + i, item))
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        let mut out = Vec::new();
        for part in parts {
            out.extend(
                part.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        out
    })
}

/// Where a session knows the matches must lie: what the last query matched, when the new one extends it.
#[derive(Clone, Copy, Default)]
pub(super) struct Within<'a> {
    /// The last query's exact matches: a superset of the new query's exact matches.
    pub exact: Option<&'a [u32]>,
    /// The last query's typo-tolerant matches: a superset of the new query's, when given.
    pub loose: Option<&'a [u32]>,
    /// The last query's words and the word scores of its exact matches (one for each in `exact`).
    pub word_scores: Option<(&'a [String], &'a [WordScores])>,
}

impl SearchIndex {
    /// Every exercise matching `query`, best first (equal scores, and so every hit of an empty query, by
    /// name), after the filters.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<Hit> {
        let query = self.words.read(query);
        self.run(&query, filters, Within::default()).hits
    }

    /// Searches the exercises `filters` let through, or only those in `within` (which must pass them).
    pub(super) fn run(&self, query: &str, filters: &Filters, within: Within) -> Outcome {
        let query = Query::parse(query);
        let everything;
        let candidates = match within.exact {
            Some(exact) => exact,
            None => {
                everything = self.filtered(filters);
                &everything[..]
            }
        };
        if query.is_empty() {
            // Every hit scores the same, so they go by name, as ties do below.
            let mut by_name = candidates.to_vec();
            by_name.sort_unstable_by_key(|&at| self.entries[at as usize].name_rank);
            let hits = (by_name.iter())
                .map(|&at| Hit {
                    index: at as usize,
                    score: 0,
                    name_positions: Vec::new(),
                    matched_field: Field::Name,
                })
                .collect();
            return Outcome {
                exact: candidates.to_vec(),
                loose: None,
                hits,
                word_scores: Vec::new(),
                checked: candidates.len(),
            };
        }
        let masks: Vec<u32> = query
            .words
            .iter()
            .map(|w| byte_mask(w.as_bytes()))
            .collect();
        // The exact pass may start from the last keystroke's word scores; the typo pass starts over.
        let carry = (within.exact.zip(within.word_scores))
            .filter(|(exact, (_, scores))| exact.len() == scores.len())
            .and_then(|(_, (words, scores))| Some((Carry::between(words, &query.words)?, scores)));
        let score_all = |candidates: &[u32], typos: bool| {
            parallel_filter_map(candidates, |i, &at| {
                let known = match carry {
                    Some((carry, scores)) if !typos => carry.known(&scores[i], query.words.len()),
                    _ => Known::default(),
                };
                let (score, field, words) =
                    self.score_entry(at as usize, &query, &masks, typos, known)?;
                let key = sort_key(score, self.entries[at as usize].tie_rank);
                Some((at, score, field, key, words))
            })
        };
        let mut checked = candidates.len();
        let mut scored = score_all(candidates, false);
        let exact: Vec<u32> = scored.iter().map(|&(at, ..)| at).collect();
        let word_scores: Vec<WordScores> = scored.iter().map(|&(.., words)| words).collect();
        let typos = scored.is_empty() && query.allows_typos();
        let mut loose = None;
        if typos {
            let all;
            let candidates = match within.loose {
                Some(loose) => loose,
                None => {
                    all = self.filtered(filters);
                    &all[..]
                }
            };
            checked += candidates.len();
            scored = score_all(candidates, true);
            loose = Some(scored.iter().map(|&(at, ..)| at).collect());
        }
        // Score, then the tie rank: it is unique, so the order is total. Both go into one integer,
        // which sorts several times faster than a tuple looked up through the entries.
        scored.sort_unstable_by_key(|&(_, _, _, key, _)| key);
        // Matched letters cost a second scoring pass: only the hits a screen can show get them here.
        let positioned = scored.len().min(POSITIONED);
        let mut hits = parallel_filter_map(
            &scored[..positioned],
            |_, &(at, score, matched_field, ..)| {
                Some(Hit {
                    index: at as usize,
                    score,
                    name_positions: self.name_positions(at as usize, &query, typos),
                    matched_field,
                })
            },
        );
        hits.extend(
            scored[positioned..]
                .iter()
                .map(|&(at, score, matched_field, ..)| Hit {
                    index: at as usize,
                    score,
                    name_positions: Vec::new(),
                    matched_field,
                }),
        );
        Outcome {
            exact,
            loose,
            hits,
            word_scores,
            checked,
        }
    }

    /// The exercise's score, best field and word scores when every word matches somewhere; `typos` lets
    /// a long word match with one letter left out. The first `known.words` words are not scored again.
    fn score_entry(
        &self,
        at: usize,
        query: &Query,
        masks: &[u32],
        typos: bool,
        known: Known,
    ) -> Option<(i64, Field, WordScores)> {
        let entry = &self.entries[at];
        let blob = self.blob(entry);
        let Known {
            words: skip,
            mut total,
            mut best,
        } = known;
        let mut before = (total, best);
        let mut last = None;
        let words = query.words.iter().zip(&query.variants).zip(masks);
        for (n, ((word, variants), &mask)) in words.enumerate().skip(skip) {
            let mut found = self.best_piece(entry, word, mask);
            if found.is_none() && typos && is_subsequence_but_one(blob, word.as_bytes()) {
                // The first spelling that fits is taken, not the best: trying them all costs several
                // times as much for a score that is halved anyway.
                found = (variants.iter())
                    .find_map(|variant| {
                        self.best_piece(entry, variant, byte_mask(variant.as_bytes()))
                    })
                    .map(|(score, field)| (score / 2, field));
            }
            let (score, field) = found?;
            if n + 1 == query.words.len() {
                before = (total, best);
                last = Some((score, field));
            }
            total += score;
            keep_best(&mut best, (score, field));
        }
        let words = WordScores {
            before_total: before.0,
            before_best: before.1,
            last: last?,
        };
        if let Some(Bonus {
            score,
            field,
            exact,
        }) = self.whole_query_bonus(entry, query)
        {
            total += score;
            if exact {
                best = Some((i64::MAX, field));
            } else {
                keep_best(&mut best, (score, field));
            }
        }
        best.map(|(_, field)| (total, field, words))
    }

    /// The best weighted score of `needle` over the exercise's pieces. Tags and summary words are only
    /// tried when neither the name nor an alias matches, and only from the start of a word.
    fn best_piece(&self, entry: &Entry, needle: &str, mask: u32) -> Option<(i64, Field)> {
        let bytes = needle.as_bytes();
        let (names, lesser) = self.blob_halves(entry);
        let pieces = self.entry_pieces(entry);
        let (name_pieces, lesser_pieces) =
            pieces.split_at((entry.lesser - entry.pieces.start) as usize);
        let mut best: Option<(i64, Field)> = None;
        // The most `raw_score` can give this needle: once a field has scored it weighted by a later
        // field's weight, that field (an alias after the name) could at best tie, and a tie keeps the
        // earlier field.
        let most = (self.scorer.max_score(needle))
            .map(|most| most.max(1) + ONE_WORD_BONUS * needle.chars().count() as i64);
        // One test over all names (or all tags and summary words) rules most exercises out at once.
        if may_contain(entry.names_mask, mask) && is_subsequence_long(names, bytes) {
            for piece in name_pieces {
                if let (Some(most), Some((score, _))) = (most, best)
                    && score >= most * weight(piece.kind)
                {
                    continue;
                }
                let hay = self.piece_text(piece);
                if may_contain(piece.mask, mask)
                    && is_subsequence(hay.as_bytes(), bytes)
                    && let Some((raw, _)) = self.raw_score(hay, needle, false)
                {
                    keep_best(&mut best, (raw * weight(piece.kind), field(piece.kind)));
                }
            }
        }
        if best.is_none()
            && may_contain(entry.lesser_mask, mask)
            && is_subsequence_long(lesser, bytes)
        {
            for piece in lesser_pieces {
                let hay = self.piece_text(piece);
                if may_contain(piece.mask, mask)
                    && is_anchored_subsequence(hay.as_bytes(), bytes)
                    && let Some((raw, _)) = self.raw_score(hay, needle, false)
                {
                    keep_best(&mut best, (raw * weight(piece.kind), field(piece.kind)));
                }
            }
        }
        best
    }

    /// The scorer's score (at least 1) for `needle` in one field, with char positions when asked for.
    ///
    /// A needle without spaces that fits inside one word of the field is scored against that word
    /// alone (the first that starts with the needle's first letter, else the first it fits), plus
    /// [`ONE_WORD_BONUS`] per char: "rot" then lands on "rotation" rather than straddling "internal
    /// rotation", and "brth" in "breathing" beats it spread over "bend from the hips". Otherwise the
    /// whole field is scored. Either way the scorer runs once.
    fn raw_score(&self, hay: &str, needle: &str, positions: bool) -> Option<(i64, Vec<usize>)> {
        let score = |hay: &str| {
            if positions {
                self.scorer.score(hay, needle)
            } else {
                (self.scorer.score_only(hay, needle)).map(|raw| (raw, Vec::new()))
            }
        };
        let mut chosen: Option<(&str, usize)> = None;
        let wanted = needle.as_bytes();
        if let Some(&first) = wanted.first()
            && !wanted.contains(&b' ')
        {
            // Words split at the ASCII space byte, so each is a valid `str` slice of `hay`.
            let mut start = 0;
            let mut first_char = 0;
            for word in hay.as_bytes().split(|&b| b == b' ') {
                let end = start + word.len();
                let at_start = word.first() == Some(&first);
                // Once a word fits, only one starting with the needle's first letter can replace it.
                if (at_start || chosen.is_none())
                    && word.len() >= wanted.len()
                    && is_subsequence(word, wanted)
                {
                    chosen = Some((&hay[start..end], first_char));
                    if at_start {
                        break;
                    }
                }
                if positions {
                    first_char += hay[start..end].chars().count() + 1;
                }
                start = end + 1;
            }
        }
        match chosen {
            Some((word, first_char)) => score(word).map(|(raw, mut at)| {
                at.iter_mut().for_each(|i| *i += first_char);
                let bonus = ONE_WORD_BONUS * needle.chars().count() as i64;
                (raw.max(1) + bonus, at)
            }),
            None => score(hay).map(|(raw, at)| (raw.max(1), at)),
        }
    }

    /// The bonus for the whole query matching the name or an alias: its weighted score when the query
    /// has several words, plus [`EXACT_BONUS`] when it is the whole field.
    fn whole_query_bonus(&self, entry: &Entry, query: &Query) -> Option<Bonus> {
        let lesser = (entry.lesser - entry.pieces.start) as usize;
        let mut best: Option<Bonus> = None;
        for piece in &self.entry_pieces(entry)[..lesser] {
            let hay = self.piece_text(piece);
            let exact = hay == query.whole;
            let mut bonus = if exact { EXACT_BONUS } else { 0 };
            if query.words.len() > 1
                && is_subsequence(hay.as_bytes(), query.whole.as_bytes())
                && let Some((raw, _)) = self.raw_score(hay, &query.whole, false)
            {
                bonus += raw * weight(piece.kind);
            }
            // An exact field outranks any other, whatever skim makes of them.
            if bonus > 0
                && best
                    .as_ref()
                    .is_none_or(|b| (exact, bonus) > (b.exact, b.score))
            {
                best = Some(Bonus {
                    score: bonus,
                    field: field(piece.kind),
                    exact,
                });
            }
        }
        best
    }

    /// The char indices of an exercise's name that `query` matches, for a hit past the first
    /// [`POSITIONED`], whose `name_positions` are left empty to keep typing fast.
    pub fn highlight(&self, index: usize, query: &str) -> Vec<usize> {
        if index >= self.entries.len() {
            return Vec::new();
        }
        let query = Query::parse(query);
        let exact = self.name_positions(index, &query, false);
        if exact.is_empty() {
            self.name_positions(index, &query, true)
        } else {
            exact
        }
    }

    /// Char indices of the name to highlight: where each query word (or, with `typos`, its first
    /// variant that fits) matched it. Word by word rather than the whole query at once, so "kneel rot"
    /// lights up "kneel" and "rot" in "rotation", not an "r" in "internal". Spaces are never highlighted.
    fn name_positions(&self, at: usize, query: &Query, typos: bool) -> Vec<usize> {
        let entry = &self.entries[at];
        let name_piece: &Piece = &self.pieces[entry.pieces.start as usize];
        let name = self.piece_text(name_piece);
        let fits = |needle: &str| {
            if is_subsequence(name.as_bytes(), needle.as_bytes()) {
                self.raw_score(name, needle, true)
                    .map(|(_, positions)| positions)
            } else {
                None
            }
        };
        let mut positions = Vec::new();
        for (word, variants) in query.words.iter().zip(&query.variants) {
            let found = match fits(word) {
                None if typos => variants.iter().find_map(|v| fits(v)),
                found => found,
            };
            positions.extend(found.unwrap_or_default());
        }
        positions.sort_unstable();
        positions.dedup();
        let spaces: Vec<usize> = (name.chars().enumerate())
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, _)| i)
            .collect();
        positions.retain(|i| spaces.binary_search(i).is_err());
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::{PARALLEL_FROM, parallel_filter_map};

    #[test]
    fn parallel_filter_map_keeps_the_order() {
        let items: Vec<u32> = (0..PARALLEL_FROM as u32 * 3 + 7).collect();
        let odd = parallel_filter_map(&items, |at, &i| {
            assert_eq!(at, i as usize);
            (i % 2 == 1).then_some(i * 10)
        });
        let expected: Vec<u32> = items
            .iter()
            .filter(|&&i| i % 2 == 1)
            .map(|&i| i * 10)
            .collect();
        assert_eq!(odd, expected);
    }
}
