//! Shared by the integration tests: the answer fixtures in `tests/fixtures/answers/`, and copying a
//! store to change it.

use backchain::content::{SourceFile, Store};
use backchain::engine::Answers;
use std::path::Path;

/// The answers in `tests/fixtures/answers/<name>` (with or without `.toml`), checked against the store.
#[allow(dead_code, reason = "not every test binary reads answer fixtures")]
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

/// Copies the folder `from` to `to`, leaving out files named in `skip` (say a fixture's `expected.txt`).
#[allow(dead_code, reason = "not every test binary copies stores")]
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target, skip);
        } else if !skip.iter().any(|name| entry.file_name() == *name) {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A journal's events as the app reads them: one session a day from 2026-11-01, each rating its
/// exercises as `sessions[day]` says, in that order.
#[allow(dead_code, reason = "only the app tests build events by hand")]
pub fn rated_sessions(
    sessions: &[&[(&str, backchain::journal::Rating)]],
) -> Vec<backchain::journal::Event> {
    use backchain::journal::Event;
    let mut events = Vec::new();
    for (day, ratings) in (1i64..).zip(sessions) {
        events.push(Event::Session {
            id: day,
            at: format!("2026-11-{day:02}T08:00:00Z"),
            ended_at: None,
            pain_before: None,
            pain_after: None,
            note: String::new(),
        });
        for (n, &(exercise, rating)) in (1i64..).zip(ratings.iter()) {
            events.push(Event::Exercise {
                id: day * 100 + n,
                at: format!("2026-11-{day:02}T08:{n:02}:00Z"),
                session_id: day,
                exercise_id: exercise.to_owned(),
                outcome: "done",
                skip_reason: None,
                rating: Some(rating),
            });
        }
    }
    events
}
