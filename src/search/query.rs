//! A query as the matcher uses it: folded words, the whole query, and the typo variants of long words.

use super::fold;

/// Words at least this long may have one wrong, extra or swapped letter, when nothing matches exactly.
pub const TYPO_MIN_CHARS: usize = 5;
/// Longer words get no typo variants: a pasted paragraph should not cost a quadratic number of them.
const TYPO_MAX_CHARS: usize = 32;

#[derive(Debug)]
pub struct Query {
    /// Folded words, in the order typed.
    pub words: Vec<String>,
    /// The words joined by single spaces.
    pub whole: String,
    /// For each word, the word with one char left out, each distinct spelling once; empty for words
    /// shorter than [`TYPO_MIN_CHARS`].
    pub variants: Vec<Vec<String>>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let folded = fold(text);
        let words: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
        let whole = words.join(" ");
        let variants = words.iter().map(|w| variants(w)).collect();
        Query {
            words,
            whole,
            variants,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn allows_typos(&self) -> bool {
        self.variants.iter().any(|v| !v.is_empty())
    }
}

fn variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if !(TYPO_MIN_CHARS..=TYPO_MAX_CHARS).contains(&chars.len()) {
        return Vec::new();
    }
    (0..chars.len())
        // Leaving out either letter of a double gives the same spelling.
        .filter(|&k| k == 0 || chars[k] != chars[k - 1])
        .map(|k| {
            chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Query;

    #[test]
    fn words_are_folded_and_split_on_whitespace() {
        let q = Query::parse("  Hip\tIR  ");
        assert_eq!(q.words, ["hip", "ir"]);
        assert_eq!(q.whole, "hip ir");
        assert!(!q.allows_typos());
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn long_words_get_one_letter_left_out() {
        let q = Query::parse("bridgge");
        assert_eq!(
            q.variants[0],
            ["ridgge", "bidgge", "brdgge", "brigge", "bridge", "bridgg"]
        );
    }
}
