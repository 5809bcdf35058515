//! `check` for `search.toml`: every key lower case, letters and digits in words joined by single spaces,
//! listed once in the whole table; every meaning given; each filler word one such word, listed once and
//! not also a key; each pair of alike words two such keys, neither listed elsewhere. Each problem at the
//! key, word or row it is about.

use crate::content::Store;
use crate::content::source::Problem;
use std::collections::HashMap;

pub fn search_words<'a>(store: &'a Store, problems: &mut Vec<Problem>) {
    let Some(table) = &store.search_words else {
        return;
    };
    let Some(file) = table.file.and_then(|f| store.files.get(f)) else {
        return;
    };
    // Where each key or filler word was first listed: the line a second listing names.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut first_line = |word: &'a toml::Spanned<String>| {
        let first = seen.insert(word.get_ref().as_str(), word.span().start)?;
        Some(file.line_col(first).0)
    };
    let at = |word: &toml::Spanned<String>, message: String| file.problem(word.span(), message);
    for synonym in &table.synonym {
        if synonym.means.trim().is_empty() {
            let place = synonym.words.first().map_or(0..0, |w| w.span());
            problems.push(file.problem(place, "search words: a row's `means` is empty; say what the words mean in the exercises' own words"));
        }
        if synonym.words.is_empty() {
            problems.push(file.problem(
                0..0,
                format!(
                    "search words: the row meaning {:?} lists no words",
                    synonym.means.as_str()
                ),
            ));
        }
        for word in &synonym.words {
            key_problems(word, &mut first_line, &at, problems);
        }
    }
    for alike in &table.alike {
        if alike.words.len() != 2 {
            let place = alike.words.first().map_or(0..0, |w| w.span());
            let listed: Vec<&str> = alike.words.iter().map(|w| w.get_ref().as_str()).collect();
            problems.push(file.problem(place, format!("search words: an `alike` row pairs exactly two words (\"single leg\" and \"one leg\"); this one lists {listed:?}")));
        }
        for word in &alike.words {
            key_problems(word, &mut first_line, &at, problems);
        }
    }
    for word in &table.filler {
        let filler = word.get_ref().as_str();
        if !is_word(filler) {
            problems.push(at(word, format!("search words: filler {filler:?} must be one lower-case word of letters and digits (\"with\", \"the\")")));
        }
        if let Some(line) = first_line(word) {
            let message = format!(
                "search words: filler {filler:?} is also listed on line {line}; a word is either dropped or read as another, and listed once"
            );
            problems.push(at(word, message));
        }
    }
}

/// A key's own problems: its form, and a second listing (`first_line` gives the line of the first).
fn key_problems<'a>(
    word: &'a toml::Spanned<String>,
    first_line: &mut impl FnMut(&'a toml::Spanned<String>) -> Option<usize>,
    at: &impl Fn(&toml::Spanned<String>, String) -> Problem,
    problems: &mut Vec<Problem>,
) {
    let key = word.get_ref().as_str();
    let at = |message: String| at(word, message);
    if !key.split(' ').all(is_word) {
        problems.push(at(format!("search words: {key:?} must be lower-case letters and digits, words joined by single spaces (as people type them: \"hammies\", \"it band\")")));
    }
    if let Some(line) = first_line(word) {
        let message =
            format!("search words: {key:?} is listed twice (first on line {line}); keep one row");
        problems.push(at(message));
    }
}

/// Lower-case letters and digits, at least one.
fn is_word(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}
