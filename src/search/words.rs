//! A query read through the content's words (`search.toml`): a word or phrase people type for what the
//! exercises call otherwise is replaced by the exercises' words ("hammies" → "hamstring", "rdl" →
//! "romanian deadlift"), and a plural is read as its singular ("stretches" → "stretch"), since a longer word
//! cannot match a shorter name. Filler words ("with", "the") are dropped from a query that holds others,
//! so a query typed as a sentence finds what its other words name. Words that names use alike ("single
//! leg", "one leg") are each read as the other. Only whole words are replaced or dropped; everything else
//! stays as typed.

use crate::content::SearchWords;
use std::borrow::Cow;

/// The table, ready to apply: each key as its words, longest phrase first.
#[derive(Clone, Debug, Default)]
pub struct Words {
    keys: Vec<Key>,
    /// Lower case.
    filler: Vec<String>,
}

/// One key of the table: its words, what they are read as, and whether the two are alike (an `alike`
/// pair, read each way) rather than a synonym read as the exercises' words.
#[derive(Clone, Debug)]
struct Key {
    words: Vec<String>,
    means: String,
    alike: bool,
}

/// How a query's second reading (its words as typed, beside the table's reading) counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counts {
    /// Half, as a misspelt word's: the table replaced a synonym, and the words as typed match loosely
    /// where the table's would not ("it" inside "with").
    #[default]
    Half,
    /// In full: the table replaced only words that names use alike ("single leg" for "one leg"), each
    /// as right as the other.
    Full,
}

/// Words shorter than this are left as they are by the plural rule ("abs", "legs").
const PLURAL_MIN_CHARS: usize = 5;

impl Words {
    pub fn new(table: Option<&SearchWords>) -> Words {
        let key = |words: &str, means: &str, alike: bool| Key {
            words: words.split_whitespace().map(str::to_lowercase).collect(),
            means: means.to_lowercase(),
            alike,
        };
        let synonyms = table.map(|t| t.synonym.as_slice()).unwrap_or_default();
        let mut keys: Vec<Key> = (synonyms.iter())
            .flat_map(|s| s.words.iter().map(|w| key(w.get_ref(), &s.means, false)))
            .collect();
        // Each of a pair is read as the other (`check` holds a row to two words).
        for alike in table.map(|t| t.alike.as_slice()).unwrap_or_default() {
            if let [a, b] = alike.words.as_slice() {
                keys.push(key(a.get_ref(), b.get_ref(), true));
                keys.push(key(b.get_ref(), a.get_ref(), true));
            }
        }
        keys.sort_by_key(|k| std::cmp::Reverse(k.words.len()));
        let filler = table
            .map(|t| t.filler.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|w| w.get_ref().to_lowercase())
            .collect();
        Words { keys, filler }
    }

    /// `query` read through the whole table; borrowed when nothing changes.
    #[cfg(test)]
    pub fn read<'q>(&self, query: &'q str) -> Cow<'q, str> {
        self.read_with(query, true).0
    }

    /// How search reads `query`: through the whole table, and, when the table read some of its words as
    /// others ("butt kicks" as "glute kick"), also with those words as typed ("butt kick"), fillers
    /// and plurals read all the same. A match of either reading is a match: a name that holds the
    /// typed words ("Double Leg Butt Kick", "IT Band and Glute Stretch") is still found.
    ///
    /// The second reading is made only when `worth_typed` says so of some key the table replaced (as a
    /// phrase: "it band"): a search of words no exercise holds as typed ("hams") only costs time. It
    /// counts in full when every key replaced is one of an `alike` pair ("single leg deadlift" is also
    /// searched as "one leg deadlift", each as right as the other), else half ([`Counts`]).
    pub fn readings<'q>(
        &self,
        query: &'q str,
        worth_typed: impl Fn(&str) -> bool,
    ) -> (Cow<'q, str>, Option<(Cow<'q, str>, Counts)>) {
        let (read, replaced) = self.read_with(query, true);
        let counts = if replaced.iter().all(|key| key.alike) {
            Counts::Full
        } else {
            Counts::Half
        };
        let literal = (replaced.iter().any(|key| worth_typed(&key.words.join(" "))))
            .then(|| self.read_with(query, false).0)
            .filter(|literal| *literal != read);
        (read, literal.map(|literal| (literal, counts)))
    }

    /// `query` read, with or without the table's `synonyms`; and the keys that replaced words.
    fn read_with<'q>(&self, query: &'q str, synonyms: bool) -> (Cow<'q, str>, Vec<&Key>) {
        let words: Vec<&str> = query.split_whitespace().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut out: Vec<Cow<str>> = Vec::new();
        let mut i = 0;
        let mut changed = false;
        let mut replaced = Vec::new();
        let is_filler = |w: &String| self.filler.contains(w);
        // A query of filler words alone is searched as typed.
        let drop_filler = !lower.iter().all(is_filler);
        while i < words.len() {
            let found = self.keys.iter().find(|key| {
                let key = &key.words;
                lower.len() - i >= key.len() && key.iter().zip(&lower[i..]).all(|(k, w)| k == w)
            });
            if let Some(key) = found.filter(|_| synonyms) {
                out.push(Cow::Borrowed(key.means.as_str()));
                i += key.words.len();
                changed = true;
                replaced.push(key);
                continue;
            }
            if drop_filler && is_filler(&lower[i]) {
                i += 1;
                changed = true;
                continue;
            }
            let single = singular(words[i]);
            changed |= single.len() != words[i].len();
            out.push(Cow::Borrowed(single));
            i += 1;
        }
        if !changed {
            return (Cow::Borrowed(query), replaced);
        }
        let mut read = out.join(" ");
        if query.ends_with(char::is_whitespace) {
            read.push(' ');
        }
        (Cow::Owned(read), replaced)
    }
}

/// A plural read as its singular: "stretches" → "stretch", "mornings" → "morning", "glutes" → "glute";
/// "press", "biceps" under five letters' stem and words not ending in "s" stay.
fn singular(word: &str) -> &str {
    if word.chars().count() < PLURAL_MIN_CHARS || !word.is_ascii() {
        return word;
    }
    let lower = word.to_ascii_lowercase();
    for ending in ["ches", "shes", "sses", "xes"] {
        if lower.ends_with(ending) {
            return &word[..word.len() - 2];
        }
    }
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        return &word[..word.len() - 1];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        let store = crate::content::embedded();
        Words::new(store.search_words.as_ref())
    }

    #[test]
    fn plurals_are_read_as_singulars_and_short_words_stay() {
        let w = Words::default();
        assert_eq!(w.read("hamstring stretches"), "hamstring stretch");
        assert_eq!(w.read("good mornings"), "good morning");
        assert_eq!(w.read("glute bridges "), "glute bridge ");
        assert_eq!(w.read("leg press"), "leg press");
        assert_eq!(w.read("abs"), "abs");
        assert!(matches!(w.read("bird dog"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_contents_words_replace_whole_words_and_phrases() {
        let w = words();
        assert_eq!(w.read("hammies stretch"), "hamstring stretch");
        assert_eq!(w.read("RDL"), "romanian deadlift");
        assert_eq!(w.read("it band smr"), "iliotibial smr");
        assert_eq!(w.read("bandit"), "bandit", "only whole words");
    }

    #[test]
    fn a_query_the_table_changes_is_also_read_with_its_words_as_typed() {
        let w = words();
        let all = |_: &str| true;
        let typed = |query: &str| {
            w.readings(query, all)
                .1
                .map(|(typed, _)| typed.into_owned())
        };
        let (read, literal) = w.readings("Butt Kicks ", all);
        assert_eq!(read, "glute Kick ");
        assert_eq!(literal, Some((Cow::from("Butt Kick "), Counts::Half)));
        let (read, literal) = w.readings("it band and glute stretches", all);
        assert_eq!(read, "iliotibial glute stretch");
        assert_eq!(
            typed("it band and glute stretches").as_deref(),
            Some("it band glute stretch")
        );
        assert!(matches!(literal, Some((_, Counts::Half))));
        // Fillers and plurals alone make no second reading, nor words no exercise holds as typed.
        assert_eq!(typed("the hamstring stretches"), None);
        assert_eq!(typed("bird dog"), None);
        let (read, literal) = w.readings("it band hams", |key| key == "it band");
        assert_eq!(
            (read.as_ref(), literal.map(|l| l.0).as_deref()),
            ("iliotibial hamstring", Some("it band hams"))
        );
        assert_eq!(w.readings("hams", |key| key == "it band").1, None);
    }

    #[test]
    fn words_names_use_alike_are_each_read_as_the_other_and_count_in_full() {
        let w = words();
        let all = |_: &str| true;
        let (read, literal) = w.readings("Single Leg Deadlifts", all);
        assert_eq!(read, "one leg Deadlift");
        assert_eq!(
            literal,
            Some((Cow::from("Single Leg Deadlift"), Counts::Full))
        );
        let (read, literal) = w.readings("one arm row", all);
        assert_eq!(read, "single arm row");
        assert_eq!(literal, Some((Cow::from("one arm row"), Counts::Full)));
        // With a synonym beside it, the words as typed count half: "db" as typed is loose.
        let (read, literal) = w.readings("single arm db row", all);
        assert_eq!(read, "one arm dumbbell row");
        assert_eq!(
            literal,
            Some((Cow::from("single arm db row"), Counts::Half))
        );
    }

    #[test]
    fn filler_words_are_dropped_unless_the_query_is_nothing_else() {
        let w = words();
        assert_eq!(
            w.read("hamstring stretch with the strap"),
            w.read("hamstring stretch strap")
        );
        assert_eq!(w.read("The Hip Hinge "), "Hip Hinge ");
        assert_eq!(w.read("with the"), "with the", "nothing else to search");
        assert_eq!(w.read("withdraw"), "withdraw", "only whole words");
        assert_eq!(
            Words::default().read("with the "),
            "with the ",
            "no table, no fillers"
        );
    }
}
