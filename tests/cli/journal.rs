//! `backchain journal`: the real binary on a journal in a temp folder (named by `BACKCHAIN_JOURNAL`):
//! add, list, export read back, bad input, migration from schema 1, a corrupt file set aside, a newer
//! schema refused, and kill -9 during writes.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::with_journal::{BIN, Ran, temp};

/// `backchain journal ARGS` on `journal`.
fn run(journal: &Path, args: &[&str]) -> Ran {
    crate::with_journal::run(journal, &[&["journal"], args].concat())
}

fn ok(journal: &Path, args: &[&str]) -> String {
    crate::with_journal::ok(journal, &[&["journal"], args].concat())
}

/// A minimal RFC 4180 reader: quoted cells with doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "CSV ends in a newline"
    );
    rows
}

#[test]
fn add_pain_then_list_and_export_read_back() {
    let (_dir, file) = temp();
    let note = "stiff, after \"sitting\"\nall day";
    assert!(ok(&file, &["add-pain", "4", "--note", note]).contains("Recorded pain 4/10"));
    ok(&file, &["add-pain", "7"]);
    let text = ok(&file, &["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].ends_with("pain 4/10: stiff, after \"sitting\" / all day"),
        "{text}"
    );
    assert!(lines[1].ends_with("pain 7/10"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(&file, &["list", "--format", "json"])).unwrap();
    assert_eq!(json[0]["kind"], "pain");
    assert_eq!(json[0]["value"], 4);
    assert_eq!(json[0]["note"], note);
    assert_eq!(json[1]["value"], 7);

    let rows = parse_csv(&ok(&file, &["export", "--format", "csv"]));
    assert_eq!(rows.len(), 3);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][col("kind")], "pain");
    assert_eq!(rows[1][col("value")], "4");
    assert_eq!(rows[1][col("note")], note);
    assert_eq!(rows[2][col("value")], "7");
    assert!(rows[1][col("at")] <= rows[2][col("at")]);
    assert!(rows[1][col("at")].ends_with('Z') && rows[1][col("at")].contains('T'));
    assert!(rows.iter().all(|r| r.len() == header.len()));

    let exported: serde_json::Value =
        serde_json::from_str(&ok(&file, &["export", "--format", "json"])).unwrap();
    assert_eq!(exported[0]["note"], note);
    assert_eq!(exported[0]["session_id"], serde_json::Value::Null);
}

#[test]
fn pain_out_of_range_is_refused_with_a_reason() {
    let (_dir, file) = temp();
    for bad in ["11", "-1", "four", "4.5", ""] {
        let ran = run(&file, &["add-pain", bad]);
        assert_eq!(ran.code, Some(2), "{bad:?}");
        assert!(
            ran.stderr.contains("0 (none) to 10"),
            "{bad:?}: {}",
            ran.stderr
        );
    }
    assert!(!file.exists(), "nothing written for bad input");
    // Reading a journal that is not there yet prints an empty one and creates nothing.
    assert!(ok(&file, &["list"]).contains("no entries yet"));
    assert_eq!(ok(&file, &["list", "--format", "json"]), "[]\n");
    assert_eq!(ok(&file, &["export", "--format", "csv"]).lines().count(), 1);
    assert!(!file.exists());
    ok(&file, &["add-pain", "0"]);
    ok(&file, &["add-pain", "10"]);
}

#[test]
fn since_keeps_only_later_days() {
    let (_dir, file) = temp();
    ok(&file, &["add-pain", "3"]);
    {
        let conn = Connection::open(&file).unwrap();
        conn.execute(
            "INSERT INTO pain (at, value, note) VALUES ('2020-05-01T10:00:00Z', 9, 'long ago')",
            [],
        )
        .unwrap();
    }
    let all = ok(&file, &["list"]);
    assert!(
        all.starts_with("2020-05-01T10:00:00Z  pain 9/10: long ago\n"),
        "{all}"
    );
    let recent = ok(&file, &["list", "--since", "2021-01-01"]);
    assert_eq!(recent.lines().count(), 1, "{recent}");
    assert!(!recent.contains("long ago"));
    let bad = run(&file, &["list", "--since", "2021-02-30"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{}", bad.stderr);
}

#[test]
fn path_prints_the_file_and_the_flag_wins_over_the_environment() {
    let (dir, file) = temp();
    assert_eq!(ok(&file, &["path"]), format!("{}\n", file.display()));
    let other = dir.path().join("other.sqlite3");
    let flag = other.to_str().unwrap();
    assert_eq!(ok(&file, &["path", "--journal", flag]), format!("{flag}\n"));
    ok(&file, &["--journal", flag, "add-pain", "2"]);
    assert!(other.exists() && !file.exists());
    // Without either, the XDG data folder; a relative XDG_DATA_HOME does not count (the XDG spec).
    let default_path = |xdg: &Path| {
        let out = Command::new(BIN)
            .args(["journal", "path"])
            .env_remove("BACKCHAIN_JOURNAL")
            .env("HOME", dir.path())
            .env("XDG_DATA_HOME", xdg)
            .output()
            .unwrap();
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim_end())
    };
    assert_eq!(
        default_path(&dir.path().join("data")),
        dir.path().join("data/backchain/journal.sqlite3")
    );
    assert_eq!(
        default_path(Path::new("relative/data")),
        dir.path().join(".local/share/backchain/journal.sqlite3")
    );
}

#[test]
fn a_folder_or_unreadable_file_is_reported_not_set_aside() {
    let (dir, file) = temp();
    std::fs::create_dir(&file).unwrap();
    let ran = run(&file, &["add-pain", "3"]);
    assert_eq!(ran.code, Some(2));
    assert!(ran.stderr.contains("it is not a file"), "{}", ran.stderr);
    assert!(ran.stderr.contains(&file.display().to_string()));
    assert!(file.is_dir(), "left where it was");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_schema_1_journal_is_migrated_and_keeps_its_rows() {
    let (_dir, file) = temp();
    {
        // Schema 1 as it was released, written by hand.
        let conn = Connection::open(&file).unwrap();
        conn.execute_batch(
            "CREATE TABLE session (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT,
                 pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
                 pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10), note TEXT NOT NULL DEFAULT '');
             CREATE TABLE pain (id INTEGER PRIMARY KEY, at TEXT NOT NULL,
                 value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10), note TEXT NOT NULL DEFAULT '');
             INSERT INTO pain (at, value, note) VALUES ('2026-01-02T09:00:00Z', 6, 'v1 pain');
             INSERT INTO session (started_at, ended_at, pain_before, pain_after, note)
                 VALUES ('2026-01-03T09:00:00Z', '2026-01-03T09:20:00Z', 5, 3, 'v1 session');
             PRAGMA application_id = 1111706190;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let ran = run(&file, &["add-pain", "2"]);
    assert_eq!(
        (ran.code, ran.stderr.as_str()),
        (Some(0), ""),
        "migrated, not set aside"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&file, &["list", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(json[0]["note"], "v1 pain");
    assert_eq!(json[1]["kind"], "session");
    assert_eq!(json[1]["pain_after"], 3);
    let conn = Connection::open(&file).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    for table in ["exercise_event", "retest"] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{table}");
    }
    conn.execute(
        "INSERT INTO exercise_event (session_id, exercise_id, outcome, skip_reason, at)
         VALUES (1, 'cat-cow', 'skipped', 'no_equipment', '2026-01-03T09:05:00Z')",
        [],
    )
    .unwrap();
    let list = ok(&file, &["list"]);
    assert!(
        list.contains("exercise cat-cow skipped (no equipment)"),
        "{list}"
    );
    let json = ok(&file, &["list", "--format", "json"]);
    assert!(
        json.contains("\"no_equipment\""),
        "the ids stay in JSON: {json}"
    );
}

#[test]
fn a_corrupt_journal_is_set_aside_and_a_new_one_started() {
    let (dir, file) = temp();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&file, &garbage).unwrap();
    std::fs::write(dir.path().join("journal.sqlite3-wal"), b"old wal").unwrap();
    let ran = run(&file, &["add-pain", "5"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let moved: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".unreadable-"))
        .collect();
    let main = moved
        .iter()
        .find(|p| !p.to_string_lossy().ends_with("-wal") && !p.to_string_lossy().ends_with("-shm"))
        .expect("set aside");
    assert_eq!(std::fs::read(main).unwrap(), garbage, "old bytes kept");
    let wal = PathBuf::from(format!("{}-wal", main.display()));
    assert_eq!(
        std::fs::read(wal).unwrap(),
        b"old wal",
        "the -wal moved with it"
    );
    assert!(
        ran.stderr.contains(&file.display().to_string()),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains(&main.display().to_string()),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("new, empty journal"), "{}", ran.stderr);
    // The new journal works and says nothing more.
    let list = run(&file, &["list"]);
    assert_eq!(list.stderr, "");
    assert!(list.stdout.contains("pain 5/10"));
}

#[test]
fn a_newer_journal_is_refused_and_left_untouched() {
    let (_dir, file) = temp();
    ok(&file, &["add-pain", "1"]);
    Connection::open(&file)
        .unwrap()
        .pragma_update(None, "user_version", 7)
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let ran = run(&file, &["add-pain", "3"]);
    assert_eq!(ran.code, Some(1));
    assert!(ran.stderr.contains("schema version 7"), "{}", ran.stderr);
    assert!(ran.stderr.contains(&file.display().to_string()));
    assert!(ran.stderr.contains("left untouched"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let siblings = std::fs::read_dir(file.parent().unwrap()).unwrap().count();
    assert!(
        std::fs::read_dir(file.parent().unwrap())
            .unwrap()
            .all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("unreadable")),
        "{siblings} files"
    );
}

/// Run by [`kill_9_while_writing_loses_nothing_committed`] as a child process: appends sessions and
/// pain ratings to `$BACKCHAIN_CRASH_JOURNAL` until killed. Does nothing in a normal test run.
#[test]
fn crash_writer_child() {
    let Some(file) = std::env::var_os("BACKCHAIN_CRASH_JOURNAL") else {
        return;
    };
    use backchain::journal::{Journal, Outcome, Pain, Rating};
    for n in 0.. {
        // Reopened now and then, so a kill can also land while opening.
        let (mut j, aside) = Journal::open(Path::new(&file)).unwrap();
        assert!(aside.is_none());
        for _ in 0..20 {
            let s = j.start_session(n, Pain::new(5)).unwrap();
            j.add_exercise(
                s,
                n,
                &format!("ex-{n}"),
                Outcome::Done(Some(Rating::AboutRight)),
            )
            .unwrap();
            j.end_session(s, n, Pain::new(3), &note(n)).unwrap();
            j.add_pain(n, Pain::new((n % 11) as u8).unwrap(), &note(n))
                .unwrap();
        }
    }
}

/// A note whose length and text depend on `n`, so a torn row would show.
fn note(n: i64) -> String {
    format!("{n}:{}", "x".repeat((n % 700) as usize))
}

#[test]
fn kill_9_while_writing_loses_nothing_committed() {
    let (dir, file) = temp();
    let mut seen = 0;
    for round in 0..5u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "journal::crash_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("BACKCHAIN_CRASH_JOURNAL", &file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(60 + 37 * round));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Every row whole; nothing set aside; the journal opens through the binary too.
        let conn = Connection::open(&file).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let mut stmt = conn.prepare("SELECT value, note FROM pain").unwrap();
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (value, text) in &rows {
            let (n, xs) = text.split_once(':').expect("whole note");
            let n: i64 = n.parse().unwrap();
            assert_eq!(text, &note(n));
            assert_eq!(*value, n % 11);
            assert!(xs.chars().all(|c| c == 'x'));
        }
        let unfinished: i64 = conn
            .query_row(
                "SELECT count(*) FROM session WHERE ended_at IS NULL OR note = ''",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            unfinished <= 1,
            "at most the session in progress: {unfinished}"
        );
        drop(stmt);
        drop(conn);
        assert!(rows.len() >= seen, "nothing committed was lost");
        seen = rows.len();
        ok(&file, &["list"]);
        // Close out the session that was in progress so the next round's count starts clean.
        Connection::open(&file)
            .unwrap()
            .execute(
                "UPDATE session SET ended_at = 'x', note = 'x' WHERE ended_at IS NULL",
                [],
            )
            .unwrap();
    }
    assert!(seen > 0, "the child wrote something");
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains("unreadable")
    }));
}
