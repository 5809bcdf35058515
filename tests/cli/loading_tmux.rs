//! A large store opens at once, in a real terminal (tmux): the app draws a loading frame with the load's
//! progress while the store loads in the background, keeps the screen the person switched to, and then
//! shows the real screens; a large store with a problem still ends with the problem list, printed exactly
//! as the commands print it, exit 1 and the terminal restored.

use crate::tmux::Tmux;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

/// Enough exercises that loading them takes visibly long (a few seconds in the debug build the tests
/// run), few enough to keep each test within seconds.
const EXERCISES: usize = 8_000;

/// How long the store may take to be ready: seconds usually, but the machine may be busy.
const READY: Duration = Duration::from_secs(90);

/// One large synthetic store for these tests, written once to the temp folder and reused by later
/// runs.
fn big_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| store_of(EXERCISES))
}

/// A store large enough that the app searches it on a thread of its own.
fn searched_beside() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| store_of(backchain::tui::searcher::BACKGROUND_FROM))
}

/// A synthetic store of `count` exercises in the temp folder, written there once: beside its place and
/// renamed into it, so a run stopped half-way leaves no half store.
fn store_of(count: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backchain-test-store-{count}"));
    if !dir.join("exercises").exists() {
        let part = std::env::temp_dir().join(format!(
            "backchain-test-store-{count}.part-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&part);
        backchain::content::synthetic::write_store(&part, count).unwrap();
        // Another run may have put it there meanwhile: theirs is as good as ours.
        if std::fs::rename(&part, &dir).is_err() {
            let _ = std::fs::remove_dir_all(&part);
        }
    }
    dir
}

/// Runs the app in the test's own state and cache folders (each launch loads its store cold).
fn launch(t: &Tmux, args: &str, redirect: &str) {
    t.run(&format!(
        "BACKCHAIN_STATE_DIR={} BACKCHAIN_CACHE_DIR={} bash -c 'exec -a {} {BIN} {args}' {redirect}; echo EXIT=$?",
        t.dir.join("state").display(),
        t.dir.join("cache").display(),
        t.process_name(),
    ));
}

#[test]
fn a_large_store_shows_its_progress_then_the_screen_chosen_meanwhile() {
    let store = big_store();
    let t = Tmux::start("loading", 100, 30);
    t.intro_read();
    launch(&t, &format!("--only {}", store.display()), "");
    let first = t.wait_for("loading content…");
    assert!(first.contains("loading…"), "the body says so:\n{first}");
    assert!(!first.contains("Question 1 of"), "{first}");
    // Screens can be switched while loading; the app opens on the one chosen.
    t.keys(&["3"]);
    let compare = t.wait_for("Compare");
    assert!(
        compare.contains("loading…") || compare.contains("A · 000"),
        "{compare}"
    );
    let ready = t.wait_for_within("A · 000 Ribs & breathing", READY);
    assert!(!ready.contains("loading content…"), "{ready}");
    t.keys(&["1"]);
    t.wait_for("Question 1 of");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    t.assert_terminal_restored();
}

#[test]
fn quitting_while_loading_ends_at_once() {
    let store = big_store();
    let t = Tmux::start("loadquit", 100, 30);
    t.intro_read();
    launch(&t, &format!("--only {}", store.display()), "");
    t.wait_for("loading content…");
    let asked = std::time::Instant::now();
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    assert!(
        asked.elapsed() < std::time::Duration::from_secs(2),
        "quitting waited for the load: {:?}",
        asked.elapsed()
    );
    t.assert_terminal_restored();
}

#[test]
fn a_large_store_with_a_problem_ends_with_the_problem_list_and_the_terminal_restored() {
    let store = big_store();
    let t = Tmux::start("loadbad", 100, 30);
    t.intro_read();
    let bad = t.dir.join("bad");
    std::fs::create_dir_all(bad.join("exercises")).unwrap();
    std::fs::write(bad.join("exercises/x.toml"), "id = \"x\"\nnmae = 1\n").unwrap();
    let err = t.dir.join("stderr.txt");
    let layers = format!("--only {} --only {}", store.display(), bad.display());
    launch(&t, &layers, &format!("2> {}", err.display()));
    // The app shows its progress first: the problem is found only once the store is read.
    t.wait_for("loading content…");
    t.wait_for_within("EXIT=1", READY);
    assert_eq!(t.exit_code(), 1);
    t.assert_terminal_restored();
    let shown = std::fs::read_to_string(&err).unwrap();
    assert!(
        shown.contains("exercises/x.toml:2:1: exercise \"x\": unknown field `nmae`"),
        "{shown}"
    );
    // Word for word what a command that loads the store says about it.
    let command = Command::new(BIN)
        .args(layers.split(' '))
        .args(["show", "exercise", "x"])
        .env("BACKCHAIN_STATE_DIR", t.dir.join("state"))
        .output()
        .unwrap();
    assert_eq!(command.status.code(), Some(1));
    assert_eq!(shown, String::from_utf8_lossy(&command.stderr));
}

#[test]
fn on_a_store_searched_beside_the_screen_the_matches_come_without_another_key() {
    let store = searched_beside();
    let count = backchain::tui::searcher::BACKGROUND_FROM;
    let t = Tmux::start("searchthread", 100, 30);
    t.intro_read();
    // Without motion nothing else wakes the app (the exercise's figure would, every frame).
    launch(&t, &format!("--no-motion --only {}", store.display()), "");
    t.keys(&["4"]);
    t.wait_for_within(&format!("{count} of {count}"), READY);
    t.keys(&["/"]);
    t.keys(&["hamstr"]);
    // Nothing pressed after the last letter: the event loop wakes for the search thread's answer.
    let found = t.wait_for("best first");
    assert!(found.contains("/ hamstr"), "{found}");
    assert!(!found.contains("searching…"), "{found}");
    assert!(
        !found.contains(&format!("{count} of {count}")),
        "narrowed:\n{found}"
    );
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
    t.assert_terminal_restored();
}
