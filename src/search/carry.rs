//! What one keystroke's scoring leaves for the next: each match's score over the query words before the
//! last, and the last word's own, so a longer query scores only the word being typed.

use super::Field;

/// Keeps the higher score; the earlier one on a tie.
pub fn keep_best(best: &mut Option<(i64, Field)>, candidate: (i64, Field)) {
    if best.is_none_or(|(score, _)| candidate.0 > score) {
        *best = Some(candidate);
    }
}

/// One exercise's word scores, without the whole-query bonus (which depends on every word).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordScores {
    /// The sum over the words before the last.
    pub before_total: i64,
    /// The best of those words (score and field), `None` for a one-word query.
    pub before_best: Option<(i64, Field)>,
    /// The last word's score and field.
    pub last: (i64, Field),
}

/// The word scores of the matches of one search that were scored, as (position among its matches,
/// scores), by position: a lazy search scores only some.
pub type Scored = [(u32, WordScores)];

/// Where to start scoring an exercise's words: `words` of the query are already scored, totalling
/// `total` with the best `best`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known {
    pub words: usize,
    pub total: i64,
    pub best: Option<(i64, Field)>,
}

/// How the last query's word scores carry over to `words`, the new query's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// The same words before the last: only the last is scored again.
    BeforeLast,
    /// The last query's words, all finished, and a new one started.
    All,
}

impl Carry {
    /// `None` when the scores of `last_words` say nothing about `words`.
    pub fn between(last_words: &[String], words: &[String]) -> Option<Carry> {
        let (_, before) = words.split_last()?;
        if last_words.len() == words.len() && last_words[..before.len()] == *before {
            Some(Carry::BeforeLast)
        } else if last_words == before {
            Some(Carry::All)
        } else {
            None
        }
    }

    /// The words already scored for an exercise that had `scores` last time.
    pub fn known(self, scores: &WordScores, words: usize) -> Known {
        match self {
            Carry::BeforeLast => Known {
                words: words - 1,
                total: scores.before_total,
                best: scores.before_best,
            },
            Carry::All => {
                let mut best = scores.before_best;
                keep_best(&mut best, scores.last);
                Known {
                    words: words - 1,
                    total: scores.before_total + scores.last.0,
                    best,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn carries_over_only_what_the_new_query_shares() {
        let between = |a: &str, b: &str| Carry::between(&words(a), &words(b));
        assert_eq!(between("hip", "hip"), Some(Carry::BeforeLast));
        assert_eq!(between("hip", "hipx"), Some(Carry::BeforeLast));
        assert_eq!(between("hip i", "hip ir"), Some(Carry::BeforeLast));
        assert_eq!(between("hip", "hip i"), Some(Carry::All));
        assert_eq!(between("hip ir", "hip ir k"), Some(Carry::All));
        assert_eq!(between("hip ir", "hop ir"), None);
        assert_eq!(between("hip ir", "hip"), None);
        assert_eq!(between("hip", ""), None);
    }

    #[test]
    fn a_new_word_adds_the_last_one_to_what_is_known() {
        let scores = WordScores {
            before_total: 50,
            before_best: Some((50, Field::Tag)),
            last: (80, Field::Name),
        };
        let all = Carry::All.known(&scores, 3);
        assert_eq!(
            (all.words, all.total, all.best),
            (2, 130, Some((80, Field::Name)))
        );
        let before = Carry::BeforeLast.known(&scores, 2);
        assert_eq!((before.words, before.total), (1, 50));
    }
}
