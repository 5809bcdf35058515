//! Matching and scoring: each query word against an exercise's pieces, the whole query as a bonus, and
//! the hits sorted.

use super::index::{Entry, Kind, Piece, SearchIndex};
use super::prefilter::{is_anchored_subsequence, is_subsequence, is_subsequence_but_one};
use super::query::Query;
use super::{Field, Filters, Hit};

/// Score multipliers: a match on the name or an alias counts most, then a tag, then a summary word.
/// Name and alias weigh the same: skim barely penalises gaps, so a heavier name would let "r…d…l" in
/// "Romanian deadlift" beat the alias "RDL". On a tie the name wins.
const NAME_WEIGHT: i64 = 3;
const ALIAS_WEIGHT: i64 = 3;
const TAG_WEIGHT: i64 = 2;
const SUMMARY_WEIGHT: i64 = 1;
/// Added when the whole query is exactly the name or an alias ("hip ir" is an alias of one drill); that
/// field is then the hit's matched field.
const EXACT_BONUS: i64 = 200;

/// What one search produced, with what a session needs to narrow the next one.
pub(super) struct Outcome {
    /// Store indices that matched without typo tolerance, in store order.
    pub exact: Vec<u32>,
    pub hits: Vec<Hit>,
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

/// Keeps the higher score; the earlier one on a tie.
fn keep_best(best: &mut Option<(i64, Field)>, candidate: (i64, Field)) {
    if best.is_none_or(|(score, _)| candidate.0 > score) {
        *best = Some(candidate);
    }
}

impl SearchIndex {
    /// Searches `within` (store indices that already pass `filters`), or every exercise the filters let
    /// through. Typo tolerance, when nothing matches exactly, always looks at everything that passes.
    pub(super) fn run(&self, query: &str, filters: &Filters, within: Option<&[u32]>) -> Outcome {
        let query = Query::parse(query);
        let everything;
        let candidates = match within {
            Some(within) => within,
            None => {
                everything = self.filtered(filters);
                &everything[..]
            }
        };
        if query.is_empty() {
            let hits = (candidates.iter())
                .map(|&at| Hit {
                    index: at as usize,
                    score: 0,
                    name_positions: Vec::new(),
                    matched_field: Field::Name,
                })
                .collect();
            return Outcome {
                exact: candidates.to_vec(),
                hits,
                checked: candidates.len(),
            };
        }
        let mut checked = candidates.len();
        let mut scored: Vec<(u32, i64, Field)> = (candidates.iter())
            .filter_map(|&at| {
                let (score, field) = self.score_entry(at as usize, &query, false)?;
                Some((at, score, field))
            })
            .collect();
        let exact: Vec<u32> = scored.iter().map(|&(at, _, _)| at).collect();
        let typos = scored.is_empty() && query.allows_typos();
        if typos {
            let all = self.filtered(filters);
            checked += all.len();
            scored = (all.iter())
                .filter_map(|&at| {
                    let (score, field) = self.score_entry(at as usize, &query, true)?;
                    Some((at, score, field))
                })
                .collect();
        }
        let mut hits: Vec<Hit> = (scored.into_iter())
            .map(|(at, score, matched_field)| Hit {
                index: at as usize,
                score,
                name_positions: self.name_positions(at as usize, &query, typos),
                matched_field,
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            (b.score.cmp(&a.score))
                .then_with(|| self.name(a.index).cmp(self.name(b.index)))
                .then(a.index.cmp(&b.index))
        });
        Outcome {
            exact,
            hits,
            checked,
        }
    }

    /// The exercise's score and best field when every word matches somewhere; `typos` lets a long word
    /// match with one letter left out.
    fn score_entry(&self, at: usize, query: &Query, typos: bool) -> Option<(i64, Field)> {
        let entry = &self.entries[at];
        let blob = self.blob(entry);
        let mut total = 0;
        let mut best = None;
        for (word, variants) in query.words.iter().zip(&query.variants) {
            let mut found = None;
            if is_subsequence(blob, word.as_bytes()) {
                found = self.best_piece(entry, word);
            }
            if found.is_none() && typos && is_subsequence_but_one(blob, word.as_bytes()) {
                for variant in variants {
                    if let Some((score, field)) = self.best_piece(entry, variant) {
                        // A misspelt word counts for half.
                        keep_best(&mut found, (score / 2, field));
                    }
                }
            }
            let (score, field) = found?;
            total += score;
            keep_best(&mut best, (score, field));
        }
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
        best.map(|(_, field)| (total, field))
    }

    /// The best weighted score of `needle` over the exercise's pieces. Tags and summary words are only
    /// tried when neither the name nor an alias matches, and only from the start of a word.
    fn best_piece(&self, entry: &Entry, needle: &str) -> Option<(i64, Field)> {
        let lesser = (entry.lesser - entry.pieces.start) as usize;
        let mut best = None;
        for (p, piece) in self.entry_pieces(entry).iter().enumerate() {
            if p == lesser && best.is_some() {
                break;
            }
            let hay = self.piece_text(piece);
            let passes = if p < lesser {
                is_subsequence(hay.as_bytes(), needle.as_bytes())
            } else {
                is_anchored_subsequence(hay.as_bytes(), needle.as_bytes())
            };
            if !passes {
                continue;
            }
            if let Some(raw) = self.scorer.score_only(hay, needle) {
                keep_best(
                    &mut best,
                    (raw.max(1) * weight(piece.kind), field(piece.kind)),
                );
            }
        }
        best
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
                && let Some(raw) = self.scorer.score_only(hay, &query.whole)
            {
                bonus += raw.max(1) * weight(piece.kind);
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

    /// Char indices of the name to highlight: where the whole query matched it, or else where each word
    /// (or, with `typos`, its first variant that fits) did. Spaces are never highlighted.
    fn name_positions(&self, at: usize, query: &Query, typos: bool) -> Vec<usize> {
        let entry = &self.entries[at];
        let name_piece: &Piece = &self.pieces[entry.pieces.start as usize];
        let name = self.piece_text(name_piece);
        let fits = |needle: &str| {
            if is_subsequence(name.as_bytes(), needle.as_bytes()) {
                self.scorer
                    .score(name, needle)
                    .map(|(_, positions)| positions)
            } else {
                None
            }
        };
        let mut positions = Vec::new();
        if let Some(whole) = fits(&query.whole).filter(|_| query.words.len() > 1) {
            positions = whole;
        } else {
            for (word, variants) in query.words.iter().zip(&query.variants) {
                let found = match fits(word) {
                    None if typos => variants.iter().find_map(|v| fits(v)),
                    found => found,
                };
                positions.extend(found.unwrap_or_default());
            }
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
