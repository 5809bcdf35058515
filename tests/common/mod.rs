//! Shared by the integration tests: the answer fixtures in `tests/fixtures/answers/`, copying a store to
//! change it, and ageing its files for the store cache.

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

/// Sets every file's mtime an hour back (less `shift` seconds): the store cache keeps only files changed
/// more than a moment before they are read.
#[allow(dead_code, reason = "only the tests of the store cache age files")]
pub fn age(dir: &Path, shift: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(3600 - shift);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path, shift);
        } else {
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(when).unwrap();
        }
    }
}

/// The paths of the entries of a folder, sorted.
#[allow(dead_code, reason = "only the cache tests use it")]
pub fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = (std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
}

/// The output of a command that must succeed; its stderr is the failure message.
#[allow(dead_code, reason = "only the tests that run the binary use it")]
pub fn succeeded(out: std::process::Output) -> std::process::Output {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
