//! `check` for `search.toml`: every key lower case, letters and digits in words joined by single spaces,
//! listed once in the whole table; every meaning given. Each problem at the key or row it is about.

use super::Store;
use super::source::Problem;
use std::collections::HashMap;

pub fn search_words(store: &Store, problems: &mut Vec<Problem>) {
    let Some(table) = &store.search_words else {
        return;
    };
    let Some(file) = table.file.and_then(|f| store.files.get(f)) else {
        return;
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for synonym in &table.synonym {
        if synonym.means.trim().is_empty() {
            let at = synonym.words.first().map_or(0..0, |w| w.span());
            problems.push(file.problem(at, "search words: a row's `means` is empty; say what the words mean in the exercises' own words"));
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
            let key = word.get_ref().as_str();
            let well_formed = !key.is_empty()
                && key.split(' ').all(|w| {
                    !w.is_empty()
                        && w.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                });
            if !well_formed {
                problems.push(file.problem(
                    word.span(),
                    format!("search words: {key:?} must be lower-case letters and digits, words joined by single spaces (as people type them: \"hammies\", \"it band\")"),
                ));
            }
            if let Some(first) = seen.insert(key, word.span().start) {
                let (line, _) = file.line_col(first);
                problems.push(file.problem(
                    word.span(),
                    format!(
                        "search words: {key:?} is listed twice (first on line {line}); keep one row"
                    ),
                ));
            }
        }
    }
}
