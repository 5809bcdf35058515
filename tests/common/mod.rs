//! Shared by the integration tests: the answer fixtures in `tests/fixtures/answers/`.

use backchain::content::{SourceFile, Store};
use backchain::engine::Answers;

/// The answers in `tests/fixtures/answers/<name>` (with or without `.toml`), checked against the store.
pub fn fixture_answers(store: &Store, name: &str) -> Answers {
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    let path = format!(
        "{}/tests/fixtures/answers/{stem}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Answers::parse(&SourceFile::named(&path, text), &store.questionnaire)
        .unwrap_or_else(|problems| panic!("{path}: {problems:?}"))
}
