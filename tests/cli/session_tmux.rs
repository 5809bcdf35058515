//! A whole guided session in the real app, in a real terminal (tmux), on real timers: a test store whose
//! doses last a second, started with `p` on Results; a rating, a pause that stops the clock, a skip with
//! its reason, leaving part-way with the pain after and a note; then the journal read back, the app
//! reopened, and a second session ended by quitting the app in the middle.

use crate::session::{answers, quick_store};
use crate::tmux::Tmux;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

/// Where the app keeps the answers for `store` (each store has its own file), from `--show-paths`.
fn answers_path(store: &Path, state: &Path) -> String {
    let out = Command::new(BIN)
        .arg("--only")
        .arg(store)
        .arg("--show-paths")
        .env("BACKCHAIN_STATE_DIR", state)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("answers: "))
        .expect("--show-paths names the answers file")
        .to_string()
}

fn launch(t: &Tmux, store: &Path, journal: &Path) {
    t.run(&format!(
        "BACKCHAIN_STATE_DIR={} BACKCHAIN_JOURNAL={} bash -c 'exec -a {} {BIN} --only {} --get-ready 1 --quiet'; echo EXIT=$?",
        t.dir.join("state").display(),
        journal.display(),
        t.process_name(),
        store.display(),
    ));
}

/// The "m:ss left" of the session header.
fn time_left(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .find_map(|w| (w[1] == "left" && w[0].contains(':')).then(|| w[0].to_string()))
        })
        .unwrap_or_default()
}

fn journal_list(journal: &Path) -> String {
    let out = Command::new(BIN)
        .args(["journal", "list", "--format", "json"])
        .env("BACKCHAIN_JOURNAL", journal)
        .output()
        .unwrap();
    String::from_utf8(crate::common::succeeded(out).stdout).unwrap()
}

#[test]
fn a_whole_session_pauses_skips_rates_leaves_and_reopens() {
    let store = quick_store();
    let t = Tmux::start("session", 100, 30);
    t.intro_read();
    let state = t.dir.join("state");
    let saved = answers_path(store.path(), &state);
    std::fs::copy(answers("pelvic-pulley"), &saved).unwrap();
    let journal = t.dir.join("journal.sqlite3");
    launch(&t, store.path(), &journal);
    t.wait_for("Question");
    t.keys(&["2"]);
    t.wait_for("Results");
    t.keys(&["p"]);
    t.wait_for("How bad is the pain right now?");
    t.keys(&["4", "Enter"]);
    t.wait_for("Get ready");
    // The first exercise runs on its own to its end: rate it "about right".
    t.wait_for("How was");
    t.keys(&["2"]);
    // Pause: the clock stands still.
    t.keys(&["Space"]);
    let paused = t.wait_for("Paused");
    // Paused, nothing moves: the app sleeps (clock ticks are 1/100 s).
    let used = t.cpu_ticks_over(Duration::from_millis(1_500));
    assert!(used <= 10, "paused for 1.5 s used {used} ticks of CPU");
    assert_eq!(time_left(&paused), time_left(&t.screen()), "paused");
    t.keys(&["Space"]);
    // Skip the next one, for pain.
    t.keys(&["s"]);
    t.wait_for("Why skip");
    t.keys(&["1"]);
    // The one after runs out: "too easy".
    t.wait_for("How was");
    t.keys(&["1"]);
    // Leave part-way: asked first; the pain after and a note.
    t.keys(&["q"]);
    t.wait_for("Leave the session?");
    t.keys(&["y"]);
    t.wait_for("How bad is the pain now?");
    t.keys(&["2", "Enter"]);
    t.wait_for("A note for yourself?");
    t.keys(&["-l", "short one today"]);
    t.keys(&["Enter"]);
    let summary = t.wait_for("Session left early");
    assert!(
        summary.contains("Pain before: 4/10 · after: 2/10"),
        "{summary}"
    );
    t.keys(&["q"]);
    t.assert_terminal_restored();

    let events = journal_list(&journal);
    assert!(events.contains("\"pain_before\": 4"), "{events}");
    assert!(events.contains("\"pain_after\": 2"), "{events}");
    assert!(events.contains("short one today"), "{events}");
    assert!(events.contains("\"rating\": \"about_right\""), "{events}");
    assert!(events.contains("\"skip_reason\": \"pain\""), "{events}");
    assert!(events.contains("\"rating\": \"too_easy\""), "{events}");

    // Reopened: a second session, ended by quitting the app in the middle; what was done is kept.
    launch(&t, store.path(), &journal);
    t.wait_for("Question");
    t.keys(&["6"]);
    t.wait_for("Press Enter to start");
    t.keys(&["Enter"]);
    t.wait_for("How bad is the pain right now?");
    t.keys(&["Escape"]);
    t.wait_for("Get ready");
    t.keys(&["C-c"]);
    t.assert_terminal_restored();
    let events = journal_list(&journal);
    assert_eq!(
        events.matches("\"kind\": \"session\"").count(),
        2,
        "{events}"
    );
    assert!(events.contains("Left when the app was closed."), "{events}");
}
