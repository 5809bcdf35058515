//! `backchain quiz` prints the person's current routine: the ratings in the journal (written here
//! through the library) move exercises along their ladders or leave them out, in text, Markdown and
//! JSON; a journal that does not exist is no history and is not created.

use backchain::journal::{Journal, Outcome, Rating};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn answers() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/pelvic-pulley.toml")
}

/// Two sessions: the hamstring bridge too easy both times, the wall sit hurt both times.
fn rated_journal(path: &Path) {
    let (mut journal, _) = Journal::open(path).unwrap();
    for day in 0..2 {
        let at = 1_790_000_000 + day * 86_400;
        let s = journal.start_session(at, None).unwrap();
        let done = |r| Outcome::Done(Some(r));
        journal
            .add_exercise(s, at + 60, "hamstring-bridge", done(Rating::TooEasy))
            .unwrap();
        journal
            .add_exercise(s, at + 120, "wall-sit", done(Rating::Hurt))
            .unwrap();
        journal.end_session(s, at + 600, None, "").unwrap();
    }
}

/// `backchain quiz --answers 003's person --format FORMAT` with the journal named by the environment.
fn quiz(format: &str, journal: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .arg("quiz")
        .arg("--answers")
        .arg(answers())
        .args(["--format", format])
        .args(extra)
        .env("BACKCHAIN_JOURNAL", journal)
        .env_remove("BACKCHAIN_CONTENT")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn quiz_shows_the_routine_the_journal_moved_with_what_changed_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.sqlite3");
    rated_journal(&journal);

    let (code, text, err) = quiz("text", &journal, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("What changed since your last sessions, and why"),
        "{text}"
    );
    assert!(
        text.contains("Hamstring bridge — as Heels further away"),
        "{text}"
    );
    assert!(
        text.contains("too easy 2 sessions in a row: one rung harder"),
        "{text}"
    );
    assert!(
        text.contains("Wall sit is left out: it hurt 2 sessions in a row"),
        "{text}"
    );
    assert!(text.contains("physiotherapist or GP"), "{text}");
    assert!(text.contains("our suggestion, not an article's"), "{text}");
    assert!(!text.contains("Wall sit ·"), "not in the list: {text}");

    let (code, sheet, err) = quiz("markdown", &journal, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        sheet.contains("### What changed since your last sessions, and why"),
        "{sheet}"
    );
    assert!(
        sheet.contains("| Hamstring bridge — as Heels further away |"),
        "{sheet}"
    );

    let (code, json, err) = quiz("json", &journal, &[]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let routine = json["routine"].as_array().unwrap();
    assert_eq!(routine.len(), 7, "{json:#}");
    assert!(!routine.iter().any(|i| i["exercise"] == "wall-sit"));
    let changes = json["routine_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{json:#}");
    assert_eq!(changes[1]["exercise"], "wall-sit");
    assert_eq!(changes[1]["left_out"], true);
}

#[test]
fn without_a_journal_the_routine_is_as_built_and_no_journal_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none/journal.sqlite3");
    let (code, text, err) = quiz("text", &missing, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "nothing to say: {err}");
    assert!(!text.contains("What changed"), "{text}");
    assert!(text.contains("Wall sit ·"), "{text}");
    assert!(
        !dir.path().join("none").exists(),
        "nothing created for a look"
    );

    // --journal names the file instead of the environment.
    let rated = dir.path().join("rated.sqlite3");
    rated_journal(&rated);
    let flag = rated.to_str().unwrap();
    let (code, text, err) = quiz("text", &missing, &["--journal", flag]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("Wall sit is left out"), "{text}");
}

#[test]
fn a_journal_that_cannot_be_read_is_said_and_the_routine_is_shown_as_built() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the journal file should be.
    let journal = dir.path().join("journal.sqlite3");
    std::fs::create_dir(&journal).unwrap();
    let (code, text, err) = quiz("text", &journal, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("journal.sqlite3"), "names the file: {err}");
    assert!(err.contains("shown as built"), "{err}");
    assert!(text.contains("Wall sit ·"), "{text}");
}
