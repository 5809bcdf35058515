//! The real binary in a real terminal (tmux): answer by keystrokes, read the screen, quit, reopen, resize,
//! and kill it — and find the terminal usable afterwards. `.ci/run` installs tmux.

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tmux::{Tmux, cpu_ticks};

fn dir_of(t: &Tmux) -> &Path {
    &t.dir
}

/// The questionnaire's prompt as the screen shows its start (prompts wrap in the narrow pane).
fn prompt_start(prompt: &str) -> String {
    prompt
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn answer_by_keys_see_the_chain_quit_and_find_answers_on_reopening() {
    use backchain::content::{SourceFile, embedded};
    use backchain::engine::{self, Answers};
    let store = embedded();
    let q = &store.questionnaire;
    let persona_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/answers/ribs-and-breathing.toml"),
    )
    .unwrap();
    let persona = Answers::parse(&SourceFile::named("persona", persona_text), q).unwrap();
    let t = Tmux::start("answer", 100, 30);
    t.launch();
    t.wait_for("Question 1 of");
    // The safety question cannot be skipped: n refuses and says why.
    t.keys(&["n"]);
    t.wait_for("cannot be skipped");
    // red_flags: "None of these" is last and ends the question.
    t.keys(&["G", "Enter"]);
    // From here the app asks the most telling question next: follow it, answering as 000's person
    // would and skipping what that person's file leaves open.
    let mut asked = 0;
    let mut skipped: Vec<String> = Vec::new();
    loop {
        let saved = Answers::parse(&SourceFile::named("saved", t.saved_answers()), q).unwrap();
        let report = engine::evaluate(&store, &saved);
        if report.settled {
            t.wait_for("optional");
            break;
        }
        let Some(next) = report
            .next_questions
            .iter()
            .find(|n| !skipped.contains(&n.id))
        else {
            break;
        };
        let question = q.question(&next.id).unwrap();
        t.wait_for(&prompt_start(&question.prompt));
        match persona.chosen(&question.id).first() {
            Some(option) => {
                let at = question
                    .options
                    .iter()
                    .position(|o| o.id == option.as_str())
                    .unwrap();
                let mut keys = vec!["g"];
                keys.extend(std::iter::repeat_n("j", at));
                keys.push("Enter");
                t.keys(&keys);
            }
            None => {
                t.keys(&["s"]);
                skipped.push(question.id.to_string());
            }
        }
        asked += 1;
        // The save lands before the next question is read.
        let start = Instant::now();
        while t.saved_answers() == saved.to_toml(q) && persona.is_answered(&question.id) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "answer to {} saved",
                question.id
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(asked < 40, "the questionnaire ends");
    }
    let saved = t.saved_answers();
    assert!(
        saved.contains("breathing = \"belly\"") && saved.contains("red_flags = [\"none\"]"),
        "{saved}"
    );
    t.keys(&["2"]);
    let results = t.wait_for("Stiff ribs");
    let first_chain_line = results
        .lines()
        .position(|l| l.contains("Stiff ribs"))
        .unwrap();
    for other in [
        "Sleepy hamstrings",
        "Tight hamstrings",
        "Brain guarding",
        "Hip rotation",
        "Tight hip flexors",
    ] {
        if let Some(line) = results.lines().position(|l| l.contains(other)) {
            assert!(
                first_chain_line <= line,
                "rib stiffness ranks above {other}:\n{results}"
            );
        }
    }
    t.keys(&["q"]);
    t.assert_terminal_restored();
    // Reopen: the answers are still there.
    t.launch();
    t.wait_for("Question");
    t.keys(&["2"]);
    t.wait_for("Stiff ribs");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(dir_of(&t).join("state/answers.toml").exists());
}

#[test]
fn search_finds_good_morning_and_compare_opens() {
    let t = Tmux::start("search", 100, 30);
    t.launch();
    t.wait_for("Question 1 of");
    t.keys(&["4", "/"]);
    t.keys(&["-l", "good mornin"]);
    t.wait_for("Modified good morning");
    t.keys(&["Escape"]);
    t.keys(&["3"]);
    let screen = t.wait_for("Pelvic pulley");
    assert!(screen.contains("Ribs & breathing"), "{screen}");
    t.keys(&["q"]);
    t.assert_terminal_restored();
}

#[test]
fn a_30x8_window_shows_a_message_and_survives_resizing() {
    let t = Tmux::start("tiny", 30, 8);
    t.launch();
    t.wait_for("too small");
    // Keys pressed blind do nothing: Enter would otherwise tick the first red flag, saddle numbness.
    t.keys(&["Enter", "Space", "2"]);
    let status = t
        .cmd()
        .args(["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = t.wait_for("Questionnaire");
    assert!(
        screen.contains("[ ] Numbness or tingling in the saddle area"),
        "{screen}"
    );
    assert!(!screen.contains("Red flag"), "{screen}");
    let saved = std::fs::read_to_string(t.dir.join("state/answers.toml")).unwrap_or_default();
    assert!(!saved.contains("saddle"), "{saved}");
    let status = t
        .cmd()
        .args(["resize-window", "-t", "t", "-x", "20", "-y", "5"])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_for("too");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn every_terminating_signal_restores_the_terminal_and_exits_128_plus_n() {
    let t = Tmux::start("signals", 100, 30);
    for (signal, number) in [
        ("TERM", 15),
        ("HUP", 1),
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("ALRM", 14),
    ] {
        t.launch();
        t.wait_for("Question 1 of");
        assert_eq!(
            t.modes(),
            "alt=1 mouse=1",
            "the app runs on the alternate screen with the mouse captured"
        );
        let killed = Command::new("pkill")
            .args([&format!("-{signal}"), "-f", &t.process_name()])
            .status()
            .unwrap();
        assert!(killed.success(), "found the app to kill");
        assert_eq!(t.exit_code(), 128 + number, "SIG{signal}");
        t.assert_terminal_restored();
    }
}

#[test]
fn an_answers_file_that_is_a_fifo_neither_hangs_the_app_nor_is_replaced() {
    let t = Tmux::start("fifo", 100, 30);
    let state = t.dir.join("state");
    std::fs::create_dir_all(&state).unwrap();
    let fifo = state.join("answers.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Temporary files that killed sessions left, in today's and in the old naming.
    for stale in [
        ".answers.toml.Ab12Cd.backchain-tmp",
        "answers.toml.tmp-4242",
    ] {
        std::fs::write(state.join(stale), "half a fi").unwrap();
    }
    t.launch();
    let screen = t.wait_for("Question 1 of");
    assert!(
        screen.contains("Saving to answers-2.toml: answers.toml could not be read"),
        "{screen}"
    );
    // The message stays until dismissed.
    t.keys(&["Enter"]);
    t.keys(&["G", "Enter"]); // red_flags: none of these
    t.wait_for("Question 2 of");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(fifo.metadata().unwrap().file_type().is_fifo(), "kept");
    let saved = std::fs::read_to_string(state.join("answers-2.toml")).unwrap();
    assert!(saved.contains("red_flags = [\"none\"]"), "{saved}");
    for stale in [
        ".answers.toml.Ab12Cd.backchain-tmp",
        "answers.toml.tmp-4242",
    ] {
        assert!(!state.join(stale).exists(), "{stale} swept");
    }
}

#[test]
fn ctrl_c_quits_even_while_typing_and_no_mouse_is_honoured() {
    let t = Tmux::start("ctrlc", 100, 30);
    let bin = env!("CARGO_BIN_EXE_backchain");
    t.intro_read();
    t.run(&format!(
        "BACKCHAIN_STATE_DIR={} {bin} --no-mouse; echo EXIT=$?",
        t.dir.join("state").display()
    ));
    t.wait_for("Question 1 of");
    assert_eq!(t.modes(), "alt=1 mouse=0");
    t.keys(&["4", "/"]);
    t.keys(&["-l", "hip"]);
    t.keys(&["C-c"]);
    t.assert_terminal_restored();
}

#[test]
fn content_errors_are_shown_before_the_app_starts() {
    let t = Tmux::start("badcontent", 100, 30);
    let store = t.dir.join("bad");
    std::fs::create_dir_all(store.join("exercises")).unwrap();
    std::fs::write(store.join("exercises/x.toml"), "id = \"x\"\nnmae = 1\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_backchain");
    t.run(&format!(
        "{bin} --content {}; echo EXIT=$?",
        store.display()
    ));
    let screen = t.wait_for("EXIT=1");
    assert!(
        screen.contains("exercises/x.toml:2:1: exercise \"x\": unknown field `nmae`"),
        "{screen}"
    );
    assert_eq!(t.modes(), "alt=0 mouse=0");
}

#[test]
fn closing_the_terminal_ends_the_app() {
    let t = Tmux::start("hangup", 100, 30);
    t.launch();
    t.wait_for("Question 1 of");
    let name = t.process_name();
    let running = || {
        Command::new("pgrep")
            .args(["-f", &name])
            .status()
            .is_ok_and(|s| s.success())
    };
    assert!(running());
    let pid = String::from_utf8(
        Command::new("pgrep")
            .args(["-f", &name])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let stat = format!("/proc/{}/stat", pid.trim());
    let ticks = || cpu_ticks(&std::fs::read_to_string(&stat).ok()?);
    let before = ticks().unwrap();
    let mut last = before;
    let _ = t.cmd().arg("kill-server").status();
    let start = Instant::now();
    while running() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the app outlived its terminal"
        );
        last = ticks().unwrap_or(last);
        std::thread::sleep(Duration::from_millis(10));
    }
    // It used to spin for half a second on the dead terminal before giving up.
    assert!(
        last - before <= 10,
        "the hangup cost {} ticks of CPU",
        last - before
    );
}

#[test]
fn idle_app_uses_no_cpu() {
    let t = Tmux::start("idle", 100, 30);
    t.launch();
    t.wait_for("Question 1 of");
    let used = t.cpu_ticks_over(Duration::from_secs(2));
    // Clock ticks are 1/100 s: the app blocks on input and uses none of them.
    assert!(used <= 10, "idle for 2 s used {used} ticks of CPU");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let t = Tmux::start("suspend", 100, 30);
    let bin = env!("CARGO_BIN_EXE_backchain");
    t.intro_read();
    t.run(&format!(
        "BACKCHAIN_STATE_DIR={} {bin}; echo EXIT=$?",
        t.dir.join("state").display()
    ));
    t.wait_for("Question 1 of");
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    assert_eq!(
        t.modes(),
        "alt=0 mouse=0",
        "the shell gets a normal terminal back while stopped"
    );
    t.run("fg");
    t.wait_for("Question 1 of");
    assert_eq!(t.modes(), "alt=1 mouse=1");
    t.keys(&["4"]);
    t.wait_for("Search");
    t.keys(&["q"]);
    t.assert_terminal_restored();
}

#[test]
fn the_introduction_opens_a_first_run_only_and_i_brings_it_back() {
    let t = Tmux::start("intro", 100, 30);
    t.launch_fresh();
    let screen = t.wait_for("Welcome to backchain");
    assert!(screen.contains("not medical advice"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(dir_of(&t).join("state/intro-seen").exists());
    // Next time the app opens on the questionnaire; `i` shows the introduction again.
    t.run("clear");
    t.launch_fresh();
    let screen = t.wait_for("Question 1 of");
    assert!(!screen.contains("Welcome to backchain"), "{screen}");
    t.keys(&["i"]);
    t.wait_for("Welcome to backchain");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_paste_is_typed_into_a_search_box_and_never_read_as_keys() {
    let t = Tmux::start("paste", 100, 30);
    t.launch();
    t.wait_for("Question 1 of");
    let paste = |text: &str| {
        let set = t.cmd().args(["set-buffer", "--", text]).status().unwrap();
        assert!(set.success());
        // -p: as a bracketed paste, which the app asked the terminal for.
        let pasted = t
            .cmd()
            .args(["paste-buffer", "-p", "-t", "t"])
            .status()
            .unwrap();
        assert!(pasted.success());
    };
    // Read as keys, Space would tick saddle numbness and q would quit.
    paste(" q");
    let screen = t.wait_for("Pasted text goes into a search box");
    assert!(
        screen.contains("[ ] Numbness or tingling in the saddle area"),
        "{screen}"
    );
    assert!(
        !t.saved_answers().contains("saddle"),
        "{}",
        t.saved_answers()
    );
    t.keys(&["4", "/"]);
    paste("hamstrng q");
    t.wait_for("/ hamstrng q");
    // Apart: Esc then q at once reads as Alt-q.
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.assert_terminal_restored();
}
