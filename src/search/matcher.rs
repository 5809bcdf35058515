//! Matching and scoring: each query word against an exercise's pieces, the whole query as a bonus, and
//! the hits sorted.

use super::carry::{Carry, Known, Scored as ScoredWords, WordScores, keep_best};
use super::index::{Entry, Kind, Piece, SearchIndex, offset};
use super::prefilter::{
    byte_mask, is_anchored_subsequence, is_subsequence, is_subsequence_but_one,
    is_subsequence_long, letter_bit, may_contain,
};
use super::query::Query;
use super::{Field, Filters, Hit};

/// Score multipliers: a match on the name or an alias counts most, then a tag, then a summary word.
/// The name weighs only a little more than an alias: skim barely penalises gaps, so a much heavier name
/// would let "r…d…l" in "Romanian deadlift" beat the alias "RDL".
const NAME_WEIGHT: i64 = 10;
const ALIAS_WEIGHT: i64 = 9;
const TAG_WEIGHT: i64 = 6;
const SUMMARY_WEIGHT: i64 = 3;
/// Added to the raw score, per char of the query word, when the word fits inside one word of the
/// field: "brth" in "breathing" rather than spread over "bend from the hips".
pub(super) const ONE_WORD_BONUS: i64 = 4;
/// Added when the whole query is exactly the name or an alias ("hip ir" is an alias of one drill); that
/// field is then the hit's matched field.
pub(super) const EXACT_BONUS: i64 = 600;

/// What one search produced, with what a session needs to narrow the next one.
pub(super) struct Outcome {
    /// The entries that matched without typo tolerance, in tie order (see [`SearchIndex::filtered`]).
    pub exact: Vec<u32>,
    /// The entries that matched with typo tolerance, when that pass ran, in tie order.
    pub loose: Option<Vec<u32>>,
    /// The hits, best first: every match, or (a lazy search) only the first [`RANKED`] when more
    /// matched; `total` says how many did.
    pub hits: Vec<Hit>,
    /// How many exercises matched.
    pub total: usize,
    /// The word scores of the exact matches that were scored, as (position in `exact`, scores), by
    /// position, for the next keystroke; empty when the query was empty.
    pub word_scores: Vec<(u32, WordScores)>,
    /// How many exercises were looked at.
    pub checked: usize,
}

/// One scored match: its entry, score, best field, sort key and word scores.
struct Scored {
    at: u32,
    score: i64,
    field: Field,
    key: u64,
    words: WordScores,
}

/// What the whole query earns on the name or an alias.
struct Bonus {
    score: i64,
    field: Field,
    /// The query is that whole field.
    exact: bool,
}

/// How much a match in a piece of this kind counts: the ranking rule the reference path shares.
pub(super) fn weight(kind: Kind) -> i64 {
    match kind {
        Kind::Name => NAME_WEIGHT,
        Kind::Alias(_) => ALIAS_WEIGHT,
        // A rung is a variation of the exercise, weighed as a tag: it sits among the tags in the index,
        // where the lazy pass bounds every piece by the tag weight.
        Kind::Tag | Kind::Rung(_) => TAG_WEIGHT,
        Kind::Summary => SUMMARY_WEIGHT,
    }
}

pub(super) fn field(kind: Kind) -> Field {
    match kind {
        Kind::Name => Field::Name,
        Kind::Alias(i) => Field::Alias(i as usize),
        Kind::Tag => Field::Tag,
        Kind::Summary => Field::Summary,
        Kind::Rung(i) => Field::Rung(i as usize),
    }
}

/// How many of the best hits come with their matched name letters; further down, ask
/// [`SearchIndex::highlight`] for the rows being shown.
pub const POSITIONED: usize = 256;

/// How many of the best hits a lazy search ranks: once this many hits score all a match can score,
/// no later exercise can come before them, and the rest are only tested for a match (and ranked when
/// a list scrolls past these, [`super::SearchSession::rank_all`]).
pub const RANKED: usize = POSITIONED;

/// How many candidates a lazy search scores before it looks again whether it has enough for a
/// threshold; once it has, each next block is twice as long.
const FIRST_BLOCK: usize = 1024;

/// What a word of two or more chars loses, at least, when its chars are not one run in the text: skim
/// takes 3 + 1 for a gap, and the char after it earns no bonus (at most 8).
const GAP_COST: i64 = 12;

/// backchain's own exercises (not imported) score this share more: among matches that score about the
/// same, the one written for a sore back, with its dose, cautions and sources, comes before an imported
/// one that backchain has not checked ("good morning": the bodyweight modified good morning before the
/// barbell ones). Our suggestion, not an article's: one twentieth, enough to settle near-ties and far
/// too little to lift a loose match over a close one.
const OWN_SHARE: i64 = 20;

/// An exercise's score with its share for being backchain's own, if it is.
pub(super) fn boosted(score: i64, own: bool) -> i64 {
    if own {
        score + score / OWN_SHARE
    } else {
        score
    }
}

/// What a lazy search works an exercise's upper bound out from, once per query.
struct Bounds<'q> {
    query: &'q Query,
    /// Finds each word as one run.
    finders: Vec<memchr::memmem::Finder<'q>>,
    /// The most each word can score on one piece before weighting: the scorer's bound, and the bonus
    /// for fitting inside one word.
    word_most: Vec<i64>,
    /// With two or more words: finds the whole query as one run, and the most it can score.
    whole: Option<(memchr::memmem::Finder<'q>, i64)>,
    /// The entries whose name or an alias is the whole query, in order.
    named: Vec<u32>,
}

impl<'q> Bounds<'q> {
    /// `None` when the scorer knows no bound, so nothing can be left unscored.
    fn new(index: &SearchIndex, query: &'q Query) -> Option<Bounds<'q>> {
        let mut word_most = Vec::with_capacity(query.words.len());
        for word in &query.words {
            let most = index.scorer.max_score(word)?.max(1);
            word_most.push(most + ONE_WORD_BONUS * word.chars().count() as i64);
        }
        let whole = if query.words.len() > 1 {
            let most = index.scorer.max_score(&query.whole)?.max(1);
            Some((memchr::memmem::Finder::new(query.whole.as_bytes()), most))
        } else {
            None
        };
        Some(Bounds {
            query,
            finders: (query.words.iter())
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
                .collect(),
            word_most,
            whole,
            named: index.named(&query.whole),
        })
    }
}

/// One integer that sorts hits best first: the score (at least 0) inverted in the high half, the tie
/// rank in the low half.
pub(super) fn sort_key(score: i64, tie_rank: u32) -> u64 {
    let score = score.clamp(0, i64::from(u32::MAX)) as u64;
    ((u64::from(u32::MAX) - score) << 32) | u64::from(tie_rank)
}

/// Below this many items one thread is quicker than starting more.
const PARALLEL_FROM: usize = 16 * 1024;

/// `items.iter().enumerate().filter_map(f)`, on several threads for long lists; same order either way.
fn parallel_filter_map<S: Sync, T: Send>(
    items: &[S],
    f: impl Fn(usize, &S) -> Option<T> + Sync,
) -> Vec<T> {
    let threads = crate::par::workers();
    if threads < 2 || items.len() < PARALLEL_FROM {
        return (items.iter().enumerate())
            .filter_map(|(i, item)| f(i, item))
            .collect();
    }
    let f = &f;
    let size = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        crate::par::joined(
            (items.chunks(size).enumerate())
                .map(|(n, part)| {
                    scope.spawn(move || {
                        (part.iter().enumerate())
                            .filter_map(|(i, item)| f(n * size + i, item))
                            .collect::<Vec<T>>()
                    })
                })
                .collect(),
        )
    })
}

/// Where a session knows the matches must lie: what the last query matched, when the new one extends it.
#[derive(Clone, Copy, Default)]
pub(super) struct Within<'a> {
    /// The last query's exact matches: a superset of the new query's exact matches.
    pub exact: Option<&'a [u32]>,
    /// The last query's typo-tolerant matches: a superset of the new query's, when given.
    pub loose: Option<&'a [u32]>,
    /// The last query's words and the word scores of those of its exact matches that were scored, as
    /// (position in `exact`, scores), by position.
    pub word_scores: Option<(&'a [String], &'a ScoredWords)>,
}

impl SearchIndex {
    /// Every exercise matching `query`, best first (equal scores, and so every hit of an empty query, by
    /// name), after the filters.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<Hit> {
        self.search_readings(query, |reading| {
            self.run(reading, filters, Within::default(), false).hits
        })
    }

    /// Searches the exercises `filters` let through, or only those in `within` (which must pass them).
    /// A `lazy` search ranks only the first [`RANKED`] hits when it can tell they are the best.
    pub(super) fn run(
        &self,
        query: &str,
        filters: &Filters,
        within: Within,
        lazy: bool,
    ) -> Outcome {
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
            // Every hit scores the same, so they go by name, as ties do below: in the index's name
            // order, filtered, rather than sorted on every keystroke that clears the query.
            let by_name = match within.exact {
                Some(_) => {
                    let mut by_name = candidates.to_vec();
                    by_name.sort_unstable_by_key(|&at| self.entries[at as usize].name_rank);
                    by_name
                }
                None => self.filtered_by_name(filters),
            };
            let hits: Vec<Hit> = (by_name.iter())
                .map(|&at| Hit {
                    index: self.store_index(at as usize),
                    score: 0,
                    name_positions: Vec::new(),
                    matched_field: Field::Name,
                })
                .collect();
            return Outcome {
                exact: candidates.to_vec(),
                loose: None,
                total: hits.len(),
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
        let carry = within
            .exact
            .and(within.word_scores)
            .and_then(|(words, scores)| Some((Carry::between(words, &query.words)?, scores)));
        let score_one = |position: usize, at: u32, typos: bool| {
            let known = match carry {
                Some((carry, scores)) if !typos => {
                    let position = u32::try_from(position).unwrap_or(u32::MAX);
                    (scores.binary_search_by_key(&position, |&(p, _)| p).ok())
                        .map(|found| carry.known(&scores[found].1, query.words.len()))
                        .unwrap_or_default()
                }
                _ => Known::default(),
            };
            let (score, field, words) =
                self.score_entry(at as usize, &query, &masks, typos, known)?;
            let key = sort_key(score, self.entries[at as usize].tie_rank);
            Some(Scored {
                at,
                score,
                field,
                key,
                words,
            })
        };
        let bounds = if lazy {
            Bounds::new(self, &query)
        } else {
            None
        };
        let mut checked = candidates.len();
        let (exact, mut scored) = match &bounds {
            Some(bounds) => {
                self.lazy_pass(candidates, &masks, bounds, |p, at| score_one(p, at, false))
            }
            None => {
                let scored = parallel_filter_map(candidates, |i, &at| score_one(i, at, false));
                (scored.iter().map(|s| s.at).collect(), scored)
            }
        };
        let mut word_scores: Vec<(u32, WordScores)> = Vec::with_capacity(scored.len());
        {
            // Scored matches are a subsequence of `exact`: walk both to number them.
            let mut position = 0;
            for s in &scored {
                while exact[position] != s.at {
                    position += 1;
                }
                word_scores.push((offset(position), s.words));
            }
        }
        let typos = exact.is_empty() && query.allows_typos();
        let mut loose = None;
        let mut total = exact.len();
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
            scored = parallel_filter_map(candidates, |i, &at| score_one(i, at, true));
            loose = Some(scored.iter().map(|s| s.at).collect());
            total = scored.len();
        }
        // Score, then the tie rank: it is unique, so the order is total. Both go into one integer,
        // which sorts several times faster than a tuple looked up through the entries.
        scored.sort_unstable_by_key(|s| s.key);
        if scored.len() < total {
            // A lazy pass stopped scoring: only the settled top is known (see `lazy_pass`).
            scored.truncate(RANKED);
        }
        // Matched letters cost a second scoring pass: only the hits a screen can show get them here.
        let positioned = scored.len().min(POSITIONED);
        let mut hits = parallel_filter_map(&scored[..positioned], |_, s| {
            Some(Hit {
                index: self.store_index(s.at as usize),
                score: s.score,
                name_positions: self.name_positions(s.at as usize, &query, typos),
                matched_field: s.field,
            })
        });
        hits.extend(scored[positioned..].iter().map(|s| Hit {
            index: self.store_index(s.at as usize),
            score: s.score,
            name_positions: Vec::new(),
            matched_field: s.field,
        }));
        Outcome {
            exact,
            loose,
            hits,
            total,
            word_scores,
            checked,
        }
    }

    /// The exact matches among `candidates` (in tie order), and those scored: enough to rank the first
    /// [`RANKED`] of them without scoring the rest.
    ///
    /// Candidates go in tie order, in blocks. Once [`RANKED`] are scored, the worst of the
    /// best [`RANKED`] so far is a threshold: a later candidate is scored only when its upper bound
    /// ([`SearchIndex::may_beat`], a few byte tests) beats it; otherwise it is only noted as a
    /// match. One that does not beat the threshold cannot enter the top: at best it ties, and a tie
    /// goes to the earlier candidate.
    fn lazy_pass(
        &self,
        candidates: &[u32],
        masks: &[u32],
        bounds: &Bounds,
        score: impl Fn(usize, u32) -> Option<Scored> + Sync,
    ) -> (Vec<u32>, Vec<Scored>) {
        let mut exact: Vec<u32> = Vec::new();
        let mut scored: Vec<Scored> = Vec::new();
        let mut threshold: Option<i64> = None;
        let mut start = 0;
        // Block lengths double from here once there is a threshold.
        let mut block = FIRST_BLOCK;
        while start < candidates.len() {
            let end = candidates.len().min(start + block);
            let part = &candidates[start..end];
            match threshold {
                None => {
                    let found = parallel_filter_map(part, |i, &at| score(start + i, at));
                    exact.extend(found.iter().map(|s| s.at));
                    scored.extend(found);
                }
                Some(threshold) => {
                    // A few byte tests tell which candidates are worth scoring; only those are.
                    let found = parallel_filter_map(part, |i, &at| {
                        let worth = self.may_beat(at, masks, bounds, threshold)?;
                        Some((start + i, at, worth))
                    });
                    exact.extend(found.iter().map(|&(_, at, _)| at));
                    let worth: Vec<(usize, u32)> = (found.into_iter())
                        .filter(|&(.., worth)| worth)
                        .map(|(position, at, _)| (position, at))
                        .collect();
                    scored.extend(parallel_filter_map(&worth, |_, &(position, at)| {
                        score(position, at)
                    }));
                }
            }
            if scored.len() >= RANKED {
                let mut scores: Vec<i64> = scored.iter().map(|s| s.score).collect();
                let (_, &mut worst, _) = scores.select_nth_unstable_by(RANKED - 1, |a, b| b.cmp(a));
                threshold = Some(worst);
            }
            start = end;
            // Until the threshold is known every candidate is scored, so blocks stay small; after it,
            // most are only tested, and longer blocks spread over the cores pay off.
            if threshold.is_some() {
                block *= 2;
            }
        }
        (exact, scored)
    }

    /// Whether the exercise matches the query (`None` when some word does not), and if so whether it
    /// may score more than `threshold`: the most each word can score on the best piece it matches (the
    /// name's weight when it matches the name or an alias, else a tag's), less what a gap costs when
    /// the word is not in that text as one run, and the whole query's bonus likewise. The runs are
    /// looked for only when the bound without them beats the threshold.
    fn may_beat(&self, at: u32, masks: &[u32], bounds: &Bounds, threshold: i64) -> Option<bool> {
        let entry = &self.entries[at as usize];
        let (names, lesser) = self.blob_halves(entry);
        // Which text each word matched in, and the bound as if every word were one run there.
        let mut most = 0;
        let mut in_names = 0u64;
        let mut alias_only = 0u64;
        for (n, (word, (&mask, &word_most))) in (bounds
            .query
            .words
            .iter()
            .zip(masks.iter().zip(&bounds.word_most)))
        .enumerate()
        {
            let needle = word.as_bytes();
            if self.matches_names(entry, needle, mask) {
                let (word_bound, weight) = self.names_most(entry, needle, mask, word_most);
                most += word_bound;
                if weight == ALIAS_WEIGHT {
                    alias_only |= 1 << n.min(63);
                }
                in_names |= 1 << n.min(63);
            } else if self.matches_lesser(entry, needle, mask) {
                most += word_most * TAG_WEIGHT;
            } else {
                return None;
            }
        }
        let whole_fits = match &bounds.whole {
            Some(_) => is_subsequence_long(names, bounds.query.whole.as_bytes()),
            None => false,
        };
        if let Some((_, whole_most)) = &bounds.whole
            && whole_fits
        {
            most += whole_most * NAME_WEIGHT;
        }
        let exact = !bounds.named.is_empty() && bounds.named.binary_search(&at).is_ok();
        if exact {
            most += EXACT_BONUS;
        }
        if boosted(most, entry.own) <= threshold {
            return Some(false);
        }
        // Words (and the whole query) that are not one run in their text lose at least a gap.
        for (n, (word, finder)) in bounds.query.words.iter().zip(&bounds.finders).enumerate() {
            if word.len() < 2 {
                continue;
            }
            let bit = 1 << n.min(63);
            let (weight, text) = if in_names & bit != 0 {
                let weight = if alias_only & bit != 0 {
                    ALIAS_WEIGHT
                } else {
                    NAME_WEIGHT
                };
                (weight, names)
            } else {
                (TAG_WEIGHT, lesser)
            };
            if finder.find(text).is_none() {
                most -= GAP_COST * weight;
            }
        }
        if let Some((finder, whole_most)) = &bounds.whole
            && whole_fits
        {
            let mut estimate = whole_most * NAME_WEIGHT;
            if finder.find(names).is_none() {
                most -= GAP_COST * NAME_WEIGHT;
                estimate -= GAP_COST * NAME_WEIGHT;
            }
            if most > threshold {
                // The words' bound is close when they score as one run each; the whole query's
                // often is not (skim scores a run that does not start the field below its bound),
                // and one scorer call on the name and aliases settles it.
                let exact_part = if exact { EXACT_BONUS } else { 0 };
                let actual = (self.whole_query_bonus(entry, bounds.query)).map_or(0, |b| b.score);
                most = most - estimate - exact_part + actual;
            }
        }
        Some(boosted(most, entry.own) > threshold)
    }

    /// The most `needle`, which matches the name or an alias, can score there (weighted), and the
    /// weight that bound took: the name's only when the name may hold it; one letter only the bonus
    /// for where it stands (nothing inside a word).
    fn names_most(&self, entry: &Entry, needle: &[u8], mask: u32, word_most: i64) -> (i64, i64) {
        let name_mask = self.pieces[entry.pieces.start as usize].mask;
        if let [b] = needle
            && let Some(bit) = letter_bit(*b)
        {
            let inside = (1 + ONE_WORD_BONUS) * NAME_WEIGHT;
            return if entry.name_starts & bit != 0 {
                (word_most * NAME_WEIGHT, NAME_WEIGHT)
            } else if entry.names_starts & bit != 0 {
                ((word_most * ALIAS_WEIGHT).max(inside), NAME_WEIGHT)
            } else {
                (inside, NAME_WEIGHT)
            };
        }
        if may_contain(name_mask, mask) {
            (word_most * NAME_WEIGHT, NAME_WEIGHT)
        } else {
            (word_most * ALIAS_WEIGHT, ALIAS_WEIGHT)
        }
    }

    /// Whether `needle` is in the name or an alias, as [`SearchIndex::best_piece`] finds it there.
    fn matches_names(&self, entry: &Entry, needle: &[u8], mask: u32) -> bool {
        if let [b] = needle
            && let Some(bit) = letter_bit(*b)
        {
            return entry.names_mask & bit != 0;
        }
        let (names, _) = self.blob_halves(entry);
        let lesser_at = (entry.lesser - entry.pieces.start) as usize;
        may_contain(entry.names_mask, mask)
            && is_subsequence_long(names, needle)
            && self.entry_pieces(entry)[..lesser_at].iter().any(|piece| {
                may_contain(piece.mask, mask)
                    && is_subsequence(self.piece_text(piece).as_bytes(), needle)
            })
    }

    /// Whether `needle` starts a tag or summary word, as [`SearchIndex::best_piece`] finds it there.
    fn matches_lesser(&self, entry: &Entry, needle: &[u8], mask: u32) -> bool {
        if let Some(bit) = needle.first().and_then(|&b| letter_bit(b)) {
            if entry.lesser_starts & bit == 0 {
                return false;
            }
            if needle.len() == 1 {
                return true;
            }
        }
        let (_, lesser) = self.blob_halves(entry);
        let lesser_at = (entry.lesser - entry.pieces.start) as usize;
        may_contain(entry.lesser_mask, mask)
            && is_subsequence_long(lesser, needle)
            && self.entry_pieces(entry)[lesser_at..].iter().any(|piece| {
                may_contain(piece.mask, mask)
                    && is_anchored_subsequence(self.piece_text(piece).as_bytes(), needle)
            })
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
        best.map(|(_, field)| (boosted(total, entry.own), field, words))
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
    /// [`POSITIONED`], whose `name_positions` are left empty to keep typing fast. The query is read as a
    /// search reads it ("hammies" lights up "Hamstring"); of its two readings, the one that lights up more
    /// of the name ("single leg brid" lights all of "Single-leg bridge", "one leg brid" less of it).
    pub fn highlight(&self, index: usize, query: &str) -> Vec<usize> {
        let Some(at) = self.entry_of(index) else {
            return Vec::new();
        };
        let (first, second) = self.readings(query);
        let lit = |reading: &str| {
            let query = Query::parse(reading);
            let exact = self.name_positions(at, &query, false);
            if exact.is_empty() {
                self.name_positions(at, &query, true)
            } else {
                exact
            }
        };
        let positions = lit(&first);
        match second.map(|(second, _)| lit(&second)) {
            Some(more) if more.len() > positions.len() => more,
            _ => positions,
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
