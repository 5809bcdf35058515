//! The real binary run on a journal in a temp folder (named by `BACKCHAIN_JOURNAL`), with its home, state
//! folder and data folder inside that temp folder too: what the journal and progress tests share.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_backchain");

pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// A temp folder and the journal file in it (not created).
pub fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("backchain-journal-")
        .tempdir()
        .unwrap();
    let file = dir.path().join("journal.sqlite3");
    (dir, file)
}

/// Runs the binary with `args` on `journal`; a panic on stderr fails the test.
pub fn run(journal: &Path, args: &[&str]) -> Ran {
    let home = journal.parent().unwrap();
    let out = Command::new(BIN)
        .args(args)
        .env("BACKCHAIN_JOURNAL", journal)
        .env("BACKCHAIN_STATE_DIR", home.join("state"))
        .env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("BACKCHAIN_CONTENT")
        .output()
        .unwrap();
    let ran = Ran {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    ran
}

/// [`run`], which must succeed: its standard output.
pub fn ok(journal: &Path, args: &[&str]) -> String {
    let ran = run(journal, args);
    assert_eq!(ran.code, Some(0), "{args:?}: {}", ran.stderr);
    ran.stdout
}
