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
}

/// skim's V2 algorithm from the `fuzzy-matcher` crate: rewards consecutive matches and word starts.
pub struct SkimScorer {
    matcher: SkimMatcherV2,
}

impl Default for SkimScorer {
    fn default() -> Self {
        SkimScorer {
            // Text is folded to lowercase already; respecting case skips skim's per-pattern case check.
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Scorer for SkimScorer {
    fn score(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        self.matcher.fuzzy_indices(haystack, needle)
    }

    fn score_only(&self, haystack: &str, needle: &str) -> Option<i64> {
        self.matcher.fuzzy_match(haystack, needle)
    }
}
