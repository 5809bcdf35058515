//! The fuzzy scorer behind search, as a trait so another matcher can be swapped in (for benchmarks).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Scores one needle against one haystack. Both arrive already folded (see [`super::fold`]), so a
/// scorer need not care about case.
///
/// The search relies on one property: a scorer matches exactly when the needle's chars appear in order
/// in the haystack. Narrowing a session as the user types is only correct under that rule.
pub trait Scorer: Send + Sync {
    /// The score and the char indices in `haystack` that matched, or `None` when it does not match.
    fn score(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)>;

    /// The score alone; override when it is cheaper than finding the positions.
    fn score_only(&self, haystack: &str, needle: &str) -> Option<i64> {
        self.score(haystack, needle).map(|(score, _)| score)
    }

    /// A score `needle` cannot beat in any haystack, when the scorer knows one. Search then skips
    /// fields that could at best tie with what an exercise already scored; `None` skips nothing.
    fn max_score(&self, _needle: &str) -> Option<i64> {
        None
    }
}

/// skim's V2 scoring from the `fuzzy-matcher` crate: rewards consecutive matches and word starts.
///
/// It runs skim's linear "simple match" (the tightest alignment ending earliest, then scored), not its
/// full alignment matrix: in fuzzy-matcher 0.3.7 that matrix is a per-thread cache reused without being
/// cleared, so a score depends on which strings were scored before it on the same thread. Search must
/// score an exercise the same whether a session narrowed to it or not; the simple path keeps no state,
/// and is about twice as fast.
pub struct SkimScorer {
    matcher: SkimMatcherV2,
}

impl Default for SkimScorer {
    fn default() -> Self {
        SkimScorer {
            matcher: SkimMatcherV2::default()
                // Text is folded to lowercase already; this skips skim's per-pattern case check.
                .respect_case()
                // Any matrix has more than one cell, so every call takes the stateless simple path.
                .element_limit(1),
        }
    }
}

/// ASCII text (nearly all of it) is scored by [`super::skim_ascii`], the same numbers without the
/// allocations; anything else goes through fuzzy-matcher.
impl Scorer for SkimScorer {
    fn score(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        if haystack.is_ascii() && needle.is_ascii() {
            let mut positions = Vec::with_capacity(needle.len());
            return super::skim_ascii::score(
                haystack.as_bytes(),
                needle.as_bytes(),
                Some(&mut positions),
            )
            .map(|score| (score, positions));
        }
        self.matcher.fuzzy_indices(haystack, needle)
    }

    fn score_only(&self, haystack: &str, needle: &str) -> Option<i64> {
        if haystack.is_ascii() && needle.is_ascii() {
            return super::skim_ascii::score(haystack.as_bytes(), needle.as_bytes(), None);
        }
        self.matcher.fuzzy_match(haystack, needle)
    }

    /// fuzzy-matcher scores chars as [`super::skim_ascii`] scores bytes, so one bound holds for both.
    fn max_score(&self, needle: &str) -> Option<i64> {
        Some(super::skim_ascii::max_score(needle.chars().count()))
    }
}

#[cfg(test)]
mod tests {
    use super::{Scorer, SkimScorer};

    #[test]
    fn a_score_does_not_depend_on_what_was_scored_before() {
        let scorer = SkimScorer::default();
        let alone = SkimScorer::default().score_only("quadruped reach", "eea");
        let long =
            "on all fours, reach one arm and the opposite leg out long while the spine stays still";
        scorer.score_only(long, "ea");
        assert_eq!(scorer.score_only("quadruped reach", "eea"), alone);
        scorer.score(long, "eeaa");
        assert_eq!(scorer.score("quadruped reach", "eea").map(|s| s.0), alone);
    }

    #[test]
    fn positions_are_char_indices() {
        let scorer = SkimScorer::default();
        assert_eq!(
            scorer.score("hamstring foam roll", "foam").map(|s| s.1),
            Some(vec![10, 11, 12, 13])
        );
        assert_eq!(scorer.score("髋 ab", "ab").map(|s| s.1), Some(vec![2, 3]));
        assert_eq!(scorer.score("abc", "abd"), None);
    }
}
