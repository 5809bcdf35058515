//! `backchain session`, the guided session on a plain terminal, driven as a person would: a small test
//! store (every dose one second) so a whole session runs on real timers in a few seconds, answers typed
//! when the prompts appear.

use crate::common::copy_tree;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in content with every dose cut to one set of one second, so sessions are short.
pub fn quick_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("content"), dir.path(), &[]);
    for entry in std::fs::read_dir(dir.path().join("exercises")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text.find("[dosage]\n").expect("every exercise has a dose");
        let end = text[start..]
            .find("\n\n")
            .map_or(text.len(), |e| start + e + 1);
        let quick = format!(
            "{}[dosage]\nsets = 1\nseconds = 1\n{}",
            &text[..start],
            &text[end..]
        );
        std::fs::write(&path, quick).unwrap();
    }
    dir
}

pub fn answers(name: &str) -> PathBuf {
    root()
        .join("tests/fixtures/answers")
        .join(format!("{name}.toml"))
}

/// A running `backchain session`: its output as it comes, and its input.
struct Driver {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<String>>,
    /// How much of the output the expectations have read.
    seen: usize,
}

impl Driver {
    fn start(store: &Path, state: &Path, args: &[&str]) -> Driver {
        let mut child = Command::new(env!("CARGO_BIN_EXE_backchain"))
            .arg("--only")
            .arg(store)
            .arg("session")
            .args(args)
            .env("BACKCHAIN_STATE_DIR", state)
            .env("XDG_CONFIG_HOME", state)
            .env("BACKCHAIN_JOURNAL", state.join("journal.sqlite3"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = Arc::new(Mutex::new(String::new()));
        for mut pipe in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let out = Arc::clone(&out);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    out.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let stdin = child.stdin.take();
        Driver {
            child,
            stdin,
            out,
            seen: 0,
        }
    }

    /// A session for 003's person (a routine of eight exercises) with these extra flags.
    fn pelvic_pulley(store: &Path, state: &Path, flags: &[&str]) -> Driver {
        let answers = answers("pelvic-pulley");
        let mut args = vec!["--answers", answers.to_str().unwrap()];
        args.extend(flags);
        Driver::start(store, state, &args)
    }

    /// Waits (up to 20 s) for `text` after what was already seen, and moves past it.
    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let out = self.out.lock().unwrap();
                if let Some(at) = out[self.seen..].find(text) {
                    self.seen += at + text.len();
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "waited for {text:?}; the output after what was seen:\n{}",
                &self.out.lock().unwrap()[self.seen..]
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Skips the pain question, leaves as the first exercise starts, and waits for the exit.
    fn start_then_leave(mut self) -> (i32, String) {
        self.expect("How bad is the pain right now?");
        self.type_line("");
        self.expect("== ");
        self.type_line("q");
        self.expect("Leave the session?");
        self.type_line("y");
        self.finish()
    }

    /// Closes the input and waits for the exit: (code, everything printed).
    fn finish(mut self) -> (i32, String) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the session did not end:\n{}", self.out.lock().unwrap());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(50));
        let out = self.out.lock().unwrap().clone();
        (status.code().unwrap_or(-1), out)
    }
}

#[test]
fn a_whole_session_runs_on_real_timers_with_ratings_a_skip_and_pain() {
    let store = quick_store();
    let state = tempfile::tempdir().unwrap();
    let mut s = Driver::pelvic_pulley(store.path(), state.path(), &["--get-ready", "0", "--quiet"]);
    s.expect("Your routine: ");
    s.expect("Stop any exercise that hurts");
    s.expect("After each exercise you rate it. Our suggestion");
    s.expect("How bad is the pain right now?");
    s.type_line("4");
    // The first exercise runs out by itself and asks how it went; a wrong answer is asked again.
    s.expect("== ");
    s.expect("left ·");
    s.expect("How was ");
    s.type_line("9");
    s.expect("Type a number from 1 to 4.");
    s.expect("How was ");
    s.type_line("2");
    // The second is skipped, with a reason.
    s.expect("== ");
    s.type_line("s");
    s.expect("Why skip ");
    s.type_line("3");
    // The rest are rated as they end; the fourth hurt.
    for rating in ["1", "4", "2", "2", "3", "2"] {
        s.expect("How was ");
        s.type_line(rating);
    }
    s.expect("Session done.");
    s.expect("How bad is the pain now?");
    s.type_line("2");
    s.expect("A note for yourself?");
    s.type_line("knees fine, hamstrings easier");
    let (code, out) = s.finish();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("done, about right"), "{out}");
    assert!(out.contains("skipped (no equipment)"), "{out}");
    assert!(out.contains("done, it hurt"), "{out}");
    assert!(out.contains("see a physiotherapist or GP"), "{out}");
    assert!(out.contains("Pain before: 4/10 · after: 2/10"), "{out}");
    assert!(out.contains("Note: knees fine, hamstrings easier"), "{out}");
    assert!(!out.contains("not reached"), "{out}");
    assert!(!out.contains('\u{7}'), "--quiet rings no bell");
    assert!(out.contains("Saved in your journal"), "{out}");

    // The journal holds the session: its pains and note, and every exercise as it went.
    let events = journal_json(state.path());
    let session = events.iter().find(|e| e["kind"] == "session").unwrap();
    assert_eq!(session["pain_before"], 4);
    assert_eq!(session["pain_after"], 2);
    assert_eq!(session["note"], "knees fine, hamstrings easier");
    let exercises: Vec<&serde_json::Value> =
        events.iter().filter(|e| e["kind"] == "exercise").collect();
    assert_eq!(exercises.len(), 8, "{events:#?}");
    let ratings: Vec<&str> = exercises
        .iter()
        .map(|e| e["rating"].as_str().or(e["skip_reason"].as_str()).unwrap())
        .collect();
    assert_eq!(
        ratings,
        [
            "about_right",
            "no_equipment",
            "too_easy",
            "hurt",
            "about_right",
            "about_right",
            "too_hard",
            "about_right"
        ]
    );
}

/// `backchain journal list --format json` on the test's journal.
fn journal_json(state: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["journal", "list", "--format", "json"])
        .env("BACKCHAIN_JOURNAL", state.join("journal.sqlite3"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn pausing_stops_the_clock_and_leaving_keeps_what_was_done() {
    let store = quick_store();
    let state = tempfile::tempdir().unwrap();
    let mut s = Driver::pelvic_pulley(store.path(), state.path(), &["--get-ready", "3"]);
    s.expect("How bad is the pain right now?");
    s.type_line("");
    s.expect("Get ready: ");
    s.type_line("");
    s.expect("Paused. Enter goes on.");
    std::thread::sleep(Duration::from_millis(1500));
    let printed = s.out.lock().unwrap()[s.seen..].matches(" left · ").count();
    assert_eq!(printed, 0, "no countdown lines while paused");
    s.type_line("");
    s.expect("Going on.");
    s.expect("How was ");
    s.type_line("");
    s.expect("Get ready: ");
    s.type_line("q");
    s.expect("Leave the session?");
    s.type_line("y");
    s.expect("Session left. What you did is kept.");
    s.type_line("");
    s.type_line("");
    let (code, out) = s.finish();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("not reached"), "{out}");
    assert!(out.contains("Pain before: not given"), "{out}");
    assert!(out.contains('\u{7}'), "the bell rings at the end of a set");
    // Leaving keeps what was done: the session and its one exercise are in the journal.
    let events = journal_json(state.path());
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["session", "exercise"], "{events:#?}");
}

#[test]
fn a_journal_that_cannot_be_used_is_said_and_the_session_still_runs() {
    let store = quick_store();
    let state = tempfile::tempdir().unwrap();
    // A folder where the journal file should be.
    std::fs::create_dir(state.path().join("journal.sqlite3")).unwrap();
    let s = Driver::pelvic_pulley(store.path(), state.path(), &["--get-ready", "0", "--quiet"]);
    let (code, out) = s.start_then_leave();
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Not saved: the journal could not be used"),
        "{out}"
    );
    assert!(out.contains("this session will not be saved"), "{out}");
    assert!(
        out.contains("journal.sqlite3"),
        "the message names the file: {out}"
    );
}

fn run(args: &[&str], state: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .arg("session")
        .args(args)
        .env("BACKCHAIN_STATE_DIR", state)
        .env("BACKCHAIN_JOURNAL", state.join("journal.sqlite3"))
        .env_remove("BACKCHAIN_CONTENT")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn no_session_without_answers_before_the_safety_question_or_with_a_red_flag() {
    let state = tempfile::tempdir().unwrap();
    let (code, out) = run(&[], state.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no saved answers yet"), "{out}");
    assert!(out.contains("backchain quiz"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(answers("pelvic-pulley")).unwrap();
    let unsafe_answers = dir.path().join("red-flag.toml");
    std::fs::write(
        &unsafe_answers,
        base.replace(
            "red_flags = [\"none\"]",
            "red_flags = [\"saddle_numbness\"]",
        ),
    )
    .unwrap();
    let (code, out) = run(
        &["--answers", unsafe_answers.to_str().unwrap()],
        state.path(),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("no session:") && out.contains("clinician"),
        "{out}"
    );
    assert!(!out.contains("Your routine:"), "{out}");

    let unanswered = dir.path().join("no-safety.toml");
    std::fs::write(&unanswered, base.replace("red_flags = [\"none\"]\n", "")).unwrap();
    let (code, out) = run(&["--answers", unanswered.to_str().unwrap()], state.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("safety question is not answered"), "{out}");

    let (code, out) = run(&["--get-ready", "99"], state.path());
    assert_eq!(code, 2, "{out}");
}

#[test]
fn ratings_in_the_journal_move_exercises_along_their_ladders_or_leave_them_out() {
    use backchain::journal::{Journal, Outcome, Rating};
    let store = quick_store();
    let state = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(&state.path().join("journal.sqlite3")).unwrap();
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
    drop(journal);
    let mut s = Driver::pelvic_pulley(store.path(), state.path(), &["--get-ready", "0", "--quiet"]);
    s.expect("Since your last sessions:");
    s.expect("Hamstring bridge: do it as");
    s.expect("too easy 2 sessions in a row: one rung harder");
    s.expect("Wall sit is left out: it hurt 2 sessions in a row");
    s.expect("Your routine: 7 exercises");
    let (code, out) = s.start_then_leave();
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("  Wall sit —"), "left out of the list: {out}");
}
