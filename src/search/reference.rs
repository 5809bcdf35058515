//! The ranking rules written out the straightforward way: every exercise the filters let through scored
//! in full with fuzzy-matcher's skim scorer, every field tried, every hit sorted. No prefilters, no
//! narrowing, no shortcuts.
//!
//! The rules themselves (each field's weight, the bonuses) are `matcher`'s own, not a copy: what the two
//! must agree on is the ranking, and the algorithm is what differs.
//!
//! It is the yardstick the fast path in `matcher` is held to: tests type queries one keystroke at a time
//! through a [`super::SearchSession`] and compare its first hits with [`rank`]'s; the search bench times
//! it as "the unoptimised path". It only agrees with an index built with the default scorer.

use super::index::{Entry, Kind, SearchIndex};
use super::matcher::{EXACT_BONUS, ONE_WORD_BONUS, field, weight};
use super::prefilter::is_anchored_subsequence;
use super::query::Query;
use super::{Field, Filters, Hit};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

fn skim() -> SkimMatcherV2 {
    // As `SkimScorer`: folded text needs no case check, and a one-cell matrix limit keeps every call on
    // skim's stateless simple path.
    SkimMatcherV2::default().respect_case().element_limit(1)
}

/// The first `top` hits of `query`, best first (ties by [`SearchIndex::tie_rank`]), with their matched
/// name letters.
pub fn rank(index: &SearchIndex, query: &str, filters: &Filters, top: usize) -> Vec<Hit> {
    // Each reading of the query ranked on its own; an exercise's better hit of the two counts.
    let mut hits =
        index.search_readings(query, |reading| rank_reading(index, reading, filters, top));
    hits.truncate(top);
    hits
}

/// [`rank`] for one reading of the query.
fn rank_reading(index: &SearchIndex, read: &str, filters: &Filters, top: usize) -> Vec<Hit> {
    let skim = skim();
    let query = Query::parse(read);
    let candidates = index.filtered(filters);
    if query.is_empty() {
        let mut all: Vec<usize> = candidates.iter().map(|&at| at as usize).collect();
        all.sort_by_key(|&at| index.entries[at].name_rank);
        all.truncate(top);
        return (all.into_iter())
            .map(|at| Hit {
                index: index.store_index(at),
                score: 0,
                name_positions: Vec::new(),
                matched_field: Field::Name,
            })
            .collect();
    }
    let score_all = |typos: bool| -> Vec<(usize, i64, Field)> {
        (candidates.iter())
            .filter_map(|&at| {
                let (score, field) = score_entry(&skim, index, at as usize, &query, typos)?;
                Some((at as usize, score, field))
            })
            .collect()
    };
    let mut typos = false;
    let mut scored = score_all(false);
    if scored.is_empty() && query.allows_typos() {
        typos = true;
        scored = score_all(true);
    }
    scored.sort_by_key(|&(at, score, _)| (std::cmp::Reverse(score), index.tie_rank(at)));
    scored.truncate(top);
    (scored.into_iter())
        .map(|(at, score, matched_field)| Hit {
            index: index.store_index(at),
            score,
            name_positions: name_positions(&skim, index, at, &query, typos),
            matched_field,
        })
        .collect()
}

fn score_entry(
    skim: &SkimMatcherV2,
    index: &SearchIndex,
    at: usize,
    query: &Query,
    typos: bool,
) -> Option<(i64, Field)> {
    let entry = &index.entries[at];
    let mut total = 0;
    let mut best: Option<(i64, Field)> = None;
    let keep = |best: &mut Option<(i64, Field)>, candidate: (i64, Field)| {
        if best.is_none_or(|(score, _)| candidate.0 > score) {
            *best = Some(candidate);
        }
    };
    for (word, variants) in query.words.iter().zip(&query.variants) {
        let mut found = best_piece(skim, index, entry, word);
        if found.is_none() && typos {
            // The first spelling that fits, its score halved.
            found = (variants.iter())
                .find_map(|variant| best_piece(skim, index, entry, variant))
                .map(|(score, field)| (score / 2, field));
        }
        let (score, field) = found?;
        total += score;
        keep(&mut best, (score, field));
    }
    // The whole query against the name and aliases: the exact field wins outright, then the score.
    let mut bonus: Option<(bool, i64, Field)> = None;
    for piece in names(index, entry) {
        let hay = index.piece_text(piece);
        let exact = hay == query.whole;
        let mut score = if exact { EXACT_BONUS } else { 0 };
        if query.words.len() > 1
            && let Some((raw, _)) = raw_score(skim, hay, &query.whole, false)
        {
            score += raw * weight(piece.kind);
        }
        if score > 0 && bonus.is_none_or(|(e, s, _)| (exact, score) > (e, s)) {
            bonus = Some((exact, score, field(piece.kind)));
        }
    }
    if let Some((exact, score, field)) = bonus {
        total += score;
        if exact {
            best = Some((i64::MAX, field));
        } else {
            keep(&mut best, (score, field));
        }
    }
    // backchain's own exercises score a twentieth more than imported ones.
    best.map(|(_, field)| (super::matcher::boosted(total, entry.own), field))
}

/// The name and aliases of an entry.
fn names<'a>(index: &'a SearchIndex, entry: &Entry) -> &'a [super::index::Piece] {
    &index.entry_pieces(entry)[..(entry.lesser - entry.pieces.start) as usize]
}

/// The best weighted score over the name and aliases; over tags and summary words (matched from the
/// start of a word) only when neither the name nor an alias matches.
fn best_piece(
    skim: &SkimMatcherV2,
    index: &SearchIndex,
    entry: &Entry,
    needle: &str,
) -> Option<(i64, Field)> {
    let pieces = index.entry_pieces(entry);
    let split = (entry.lesser - entry.pieces.start) as usize;
    let mut best: Option<(i64, Field)> = None;
    let consider = |best: &mut Option<(i64, Field)>, kind: Kind, raw: i64| {
        let candidate = raw * weight(kind);
        if best.is_none_or(|(score, _)| candidate > score) {
            *best = Some((candidate, field(kind)));
        }
    };
    for piece in &pieces[..split] {
        if let Some((raw, _)) = raw_score(skim, index.piece_text(piece), needle, false) {
            consider(&mut best, piece.kind, raw);
        }
    }
    if best.is_none() {
        for piece in &pieces[split..] {
            let hay = index.piece_text(piece);
            if is_anchored_subsequence(hay.as_bytes(), needle.as_bytes())
                && let Some((raw, _)) = raw_score(skim, hay, needle, false)
            {
                consider(&mut best, piece.kind, raw);
            }
        }
    }
    best
}

/// skim's score (at least 1) of `needle` in `hay`; a needle without spaces that fits inside one word
/// is scored against that word (the first starting with the needle's first letter, else the first it
/// fits) with [`ONE_WORD_BONUS`] per char.
fn raw_score(
    skim: &SkimMatcherV2,
    hay: &str,
    needle: &str,
    positions: bool,
) -> Option<(i64, Vec<usize>)> {
    let fits = |word: &str| {
        let mut rest = word.chars();
        needle.chars().all(|c| rest.any(|h| h == c))
    };
    let mut chosen: Option<(&str, usize)> = None;
    if let Some(first) = needle.chars().next()
        && !needle.contains(' ')
    {
        let mut first_char = 0;
        for word in hay.split(' ') {
            if fits(word) {
                let at_start = word.starts_with(first);
                if at_start || chosen.is_none() {
                    chosen = Some((word, first_char));
                }
                if at_start {
                    break;
                }
            }
            first_char += word.chars().count() + 1;
        }
    }
    let score = |hay: &str| {
        if positions {
            skim.fuzzy_indices(hay, needle)
        } else {
            skim.fuzzy_match(hay, needle).map(|s| (s, Vec::new()))
        }
    };
    match chosen {
        Some((word, first_char)) => score(word).map(|(raw, at)| {
            let at = at.into_iter().map(|i| i + first_char).collect();
            let bonus = ONE_WORD_BONUS * needle.chars().count() as i64;
            (raw.max(1) + bonus, at)
        }),
        None => score(hay).map(|(raw, at)| (raw.max(1), at)),
    }
}

/// Where each query word (or, with `typos`, its first variant that fits) matched the name, spaces left
/// out.
fn name_positions(
    skim: &SkimMatcherV2,
    index: &SearchIndex,
    at: usize,
    query: &Query,
    typos: bool,
) -> Vec<usize> {
    let name = index.name(at);
    let fits = |needle: &str| raw_score(skim, name, needle, true).map(|(_, at)| at);
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
    let chars: Vec<char> = name.chars().collect();
    positions.retain(|&i| !chars[i].is_whitespace());
    positions
}

/// One line of text per exercise (name, aliases, muscles, phase, lower case): what a plain line
/// matcher would scan. With [`floor_count`], the floor search speed is measured against
/// (`cargo bench --bench search`, `backchain search --timings`).
pub fn floor_lines(store: &crate::content::Store) -> Vec<String> {
    (store.exercises.iter())
        .map(|e| {
            let aliases: Vec<&str> = e.aliases.iter().map(|a| a.as_str()).collect();
            let muscles: Vec<&str> = e.muscles.iter().map(|m| m.as_str()).collect();
            format!(
                "{} | {} | {} | {}",
                e.name,
                aliases.join(", "),
                muscles.join(", "),
                e.phase.as_str()
            )
            .to_lowercase()
        })
        .collect()
}

/// How many of `lines` hold the query's bytes (spaces left out) in order: a plain byte subsequence
/// scan over every line, the least any search that finds such matches must do.
pub fn floor_count(lines: &[String], query: &str) -> usize {
    let needle: Vec<u8> = query
        .to_lowercase()
        .bytes()
        .filter(|b| *b != b' ')
        .collect();
    (lines.iter())
        .filter(|line| {
            let mut rest = line.as_bytes().iter();
            needle.iter().all(|n| rest.any(|h| h == n))
        })
        .count()
}
