//! The binary attacked from outside, as a hostile store, answers file, path or environment would: every
//! case is built in a temp dir and run under a time and memory budget. Each run is checked for its exit
//! code, for output with no control character but newline and tab (and nothing else that drives a
//! terminal), for no panic, and every problem it reports for `path:line:col: message`. Files the run was
//! given are compared byte for byte afterwards.

use crate::common::copy_tree;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

/// Address space a run may reserve, threads and allocator arenas included (`ulimit -v`).
const MEMORY_KIB: u64 = 1024 * 1024;
/// Wall time a run may take: a debug build on a busy two-core machine.
const TIME: Duration = Duration::from_secs(20);

/// What one run gave.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Ran {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    fn expect(self, code: i32) -> Ran {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn says(&self, text: &str) -> &Ran {
        assert!(
            self.all().contains(text),
            "expected {text:?} in\n--- stdout\n{}--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// The problems reported, each checked to be `path:line:col: message`.
    fn problems(&self) -> Vec<Located> {
        self.all()
            .lines()
            .filter(|l| !l.starts_with("backchain:") && !is_summary(l) && !l.is_empty())
            .map(|l| {
                located(l).unwrap_or_else(|| panic!("not path:line:col: {l:?}\n{}", self.all()))
            })
            .collect()
    }
}

/// `check`'s last line: "<store>: 1 article, … — 2 problems".
fn is_summary(line: &str) -> bool {
    line.contains(" articles, ") || line.contains(" article, ")
}

#[derive(Debug)]
struct Located {
    path: String,
    line: usize,
    col: usize,
    message: String,
}

/// Parses `path:line:col: message`, where a path holding `:` or anything escaped is in double quotes.
fn located(line: &str) -> Option<Located> {
    let (path, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let mut end = None;
        let mut escaped = false;
        for (i, c) in quoted.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        (&line[..end + 2], quoted[end + 1..].strip_prefix(':')?)
    } else {
        let (path, rest) = line.split_once(':')?;
        (path, rest)
    };
    let (line_no, rest) = rest.split_once(':')?;
    let (col, message) = rest.split_once(": ")?;
    Some(Located {
        path: path.to_owned(),
        line: line_no.parse().ok().filter(|n| *n >= 1)?,
        col: col.parse().ok().filter(|n| *n >= 1)?,
        message: message.to_owned(),
    })
}

/// Characters that must never reach a terminal.
fn drives_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn clean_text(what: &str, bytes: Vec<u8>) -> String {
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    if let Some(c) = text.chars().find(|c| drives_terminal(*c)) {
        panic!("{what} holds {c:?}:\n{text:?}");
    }
    assert!(!text.contains("panicked"), "{what}: {text}");
    text
}

/// One run of the binary, in its own state folder, with no content from the environment.
struct Attack {
    args: Vec<std::ffi::OsString>,
    env: Vec<(String, std::ffi::OsString)>,
    stdin: Vec<u8>,
    time: Duration,
}

fn backchain<I, S>(args: I) -> Attack
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Attack {
        args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
        env: Vec::new(),
        stdin: Vec::new(),
        time: TIME,
    }
}

impl Attack {
    fn env(mut self, name: &str, value: impl AsRef<std::ffi::OsStr>) -> Attack {
        self.env.push((name.to_owned(), value.as_ref().to_owned()));
        self
    }

    fn stdin(mut self, bytes: &[u8]) -> Attack {
        self.stdin = bytes.to_vec();
        self
    }

    fn within(mut self, time: Duration) -> Attack {
        self.time = time;
        self
    }

    fn run(self) -> Ran {
        let state = tempfile::tempdir().unwrap();
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
            .arg(BIN)
            .args(&self.args)
            .env_remove("BACKCHAIN_CONTENT")
            .env("BACKCHAIN_STATE_DIR", state.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, value) in &self.env {
            cmd.env(name, value);
        }
        let started = Instant::now();
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = self.stdin.clone();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let drain = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                bytes
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > self.time {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{:?} took more than {:?}", self.args, self.time);
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let took = started.elapsed();
        let _ = feeder.join();
        let stdout = clean_text("stdout", out.join().unwrap());
        let stderr = clean_text("stderr", err.join().unwrap());
        assert!(
            status.code().is_some(),
            "{:?} was killed by a signal ({status:?}): out of memory?\n{stderr}",
            self.args
        );
        Ran {
            code: status.code(),
            stdout,
            stderr,
            took,
        }
    }
}

// ---- stores ---------------------------------------------------------------------------------------

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A temp dir holding the small valid fixture store at `<tmp>/<name>`.
fn valid_store(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join(name);
    copy_tree(&fixtures().join("valid"), &store, &[]);
    (tmp, store)
}

/// Every regular file below `dir` and its bytes, to see that a run changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let meta = entry.path().symlink_metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else if meta.is_file() {
                files.insert(entry.path(), std::fs::read(entry.path()).unwrap());
            } else {
                files.insert(entry.path(), Vec::new());
            }
        }
    }
    files
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// `check` on a store: the run, every problem located, and the store unchanged.
fn check(store: &Path) -> Ran {
    let before = snapshot(store);
    let ran = backchain(["check", "--only"]).run_with(store);
    ran.problems();
    assert_eq!(snapshot(store), before, "check changed the store");
    ran
}

impl Attack {
    fn run_with(mut self, path: &Path) -> Ran {
        self.args.push(path.as_os_str().to_owned());
        self.run()
    }
}

fn messages(ran: &Ran) -> Vec<String> {
    ran.problems()
        .into_iter()
        .map(|p| format!("{}:{}:{}: {}", p.path, p.line, p.col, p.message))
        .collect()
}

// ---- 1. a blank list item panicked the CLI ---------------------------------------------------------

#[test]
fn a_blank_way_out_avoid_is_refused_not_a_panic() {
    let (_tmp, store) = valid_store("store");
    let chains = store.join("chains.toml");
    let text = std::fs::read_to_string(&chains).unwrap();
    std::fs::write(
        &chains,
        text.replace("next = \"Move.\"", "next = \"Move.\"\navoid = \"\""),
    )
    .unwrap();
    check(&store).expect(1).says("`way_out.avoid` is empty");
    let answers = store.join("answers.toml");
    std::fs::write(&answers, "red_flags = [\"none\"]\nbreathing = \"belly\"\n").unwrap();
    backchain(["quiz", "--only"])
        .run_with(&store)
        .expect(1)
        .says("chains.toml:");
    let mut quiz = backchain(["quiz", "--answers"]);
    quiz.args.push(answers.into());
    quiz.args.push("--only".into());
    quiz.run_with(&store).expect(1);
}

// ---- 2. escape bytes in paths, names and messages --------------------------------------------------

#[test]
fn escape_sequences_in_paths_names_and_messages_never_reach_the_terminal() {
    // A store folder named with an OSC title sequence, a file with a clear-screen in its name, and a
    // TOML key that toml's own message quotes.
    let (_tmp, store) = valid_store("st\u{1b}]0;pwned\u{7}ore");
    std::fs::write(store.join("x\u{1b}[2J.toml"), "a = 1\n").unwrap();
    let exercise = store.join("exercises/easy-breath.toml");
    let text = std::fs::read_to_string(&exercise).unwrap();
    std::fs::write(&exercise, format!("\"\\u001b]0;key\\u0007\" = 1\n{text}")).unwrap();

    let ran = check(&store).expect(1);
    ran.says("st\\u001b]0;pwned\\u0007ore")
        .says("x\\u001b[2J.toml");
    assert!(ran.problems().iter().all(|p| p.path.starts_with('"')));
    backchain(["check", "--format", "json", "--only"])
        .run_with(&store)
        .expect(1)
        .says("\\\\u001b");
    backchain(["check"])
        .env("BACKCHAIN_CONTENT", &store)
        .run()
        .expect(1);
    backchain(["--show-paths", "--only"])
        .run_with(&store)
        .expect(0)
        .says("pwned");
    backchain(["quiz", "--answers"])
        .run_with(&store.join("answers\u{1b}[31m.toml"))
        .expect(2)
        .says("answers\\u001b[31m.toml");
    backchain(["show", "exercise", "\u{1b}]0;t\u{7}\u{202e}"])
        .run()
        .expect(2);
    backchain(["compare", "\u{1b}[2J", "\u{9b}31m"])
        .run()
        .expect(2);
    backchain(["search", "\u{1b}]0;t\u{7}"]).run();
    backchain(["--bogus\u{1b}]0;t\u{7}"]).run().expect(2);
    backchain(["show", "nothing\u{1b}[31m", "x"])
        .run()
        .expect(2);
    // Not UTF-8 at all: a folder name with a byte that is not.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let odd = _tmp
            .path()
            .join(std::ffi::OsStr::from_bytes(b"caf\xe9\x1b[31m"));
        backchain(["check", "--only"])
            .run_with(&odd)
            .expect(2)
            .says("\\xe9");
    }
}

// ---- 4. many problems, huge values -------------------------------------------------------------------

#[test]
fn forty_thousand_problems_are_found_fast_and_shown_capped() {
    let (_tmp, store) = valid_store("store");
    let chains = store.join("chains.toml");
    let text = std::fs::read_to_string(&chains).unwrap();
    let unknown: Vec<String> = (0..40_000).map(|n| format!("\"no-claim-{n}\"")).collect();
    let listed = format!("claims = [\n{}\n]", unknown.join(",\n"));
    std::fs::write(&chains, text.replacen("claims = [\"a-tilt\"]", &listed, 1)).unwrap();
    let ran = check(&store).expect(1);
    assert!(ran.took < Duration::from_secs(15), "took {:?}", ran.took);
    assert_eq!(
        ran.problems().len(),
        backchain::content::MAX_PROBLEMS_PER_FILE
    );
    ran.says("… and 39,980 more problems in")
        .says("40,000 problems");
    // The last one shown stands on its own line of the file.
    assert!(ran.problems().iter().all(|p| p.line >= 12 && p.col == 1));
}

#[test]
fn an_answers_file_with_forty_thousand_unknown_keys_is_refused_fast() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    let text: String = (0..40_000)
        .map(|n| format!("unknown_{n} = \"x\"\n"))
        .collect();
    std::fs::write(&answers, &text).unwrap();
    let ran = backchain(["quiz", "--answers"])
        .run_with(&answers)
        .expect(2);
    ran.says("… and 39,980 more problems in");
    assert!(ran.took < Duration::from_secs(15), "took {:?}", ran.took);
    assert!(ran.stderr.len() < 20_000, "{} bytes", ran.stderr.len());
    assert_eq!(std::fs::read_to_string(&answers).unwrap(), text);
}

#[test]
fn a_huge_value_is_not_echoed_whole() {
    let (_tmp, store) = valid_store("store");
    let exercise = store.join("exercises/easy-breath.toml");
    let text = std::fs::read_to_string(&exercise).unwrap();
    let huge = "X".repeat(3_000_000);
    std::fs::write(
        &exercise,
        text.replace(
            "id = \"easy-breath\"",
            &format!("id = \"{huge}\"\nposition2 = \"{huge}\""),
        ),
    )
    .unwrap();
    let ran = check(&store).expect(1);
    assert!(ran.stdout.len() < 16_000, "{} bytes", ran.stdout.len());
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    std::fs::write(
        &answers,
        format!("breathing = \"{huge}\"\n{huge} = \"y\"\n"),
    )
    .unwrap();
    let ran = backchain(["quiz", "--answers"])
        .run_with(&answers)
        .expect(2);
    assert!(ran.stderr.len() < 16_000, "{} bytes", ran.stderr.len());
}

// ---- 7. special files ----------------------------------------------------------------------------------

#[test]
fn devices_pipes_and_oversized_files_are_refused_quickly() {
    let (_tmp, store) = valid_store("store");
    std::os::unix::fs::symlink("/dev/zero", store.join("exercises/zero.toml")).unwrap();
    mkfifo(&store.join("exercises/pipe.toml"));
    let big = std::fs::File::create(store.join("claims/big.toml")).unwrap();
    big.set_len(9 * 1024 * 1024).unwrap();
    let ran = check(&store).expect(1);
    let found = messages(&ran).join("\n");
    for want in [
        "zero.toml:1:1: cannot read file: it is a device, not a regular file",
        "pipe.toml:1:1: cannot read file: it is a named pipe (FIFO), not a regular file",
        "big.toml:1:1: cannot read file: it is 9 MiB; backchain reads files of at most 8 MiB",
    ] {
        assert!(found.contains(want), "{want}\n{found}");
    }
    assert!(ran.took < Duration::from_secs(10));

    backchain(["quiz", "--answers", "/dev/zero"])
        .within(Duration::from_secs(5))
        .run()
        .expect(2)
        .says("/dev/zero: it is a device");
    let fifo = _tmp.path().join("answers.toml");
    mkfifo(&fifo);
    backchain(["quiz", "--answers"])
        .within(Duration::from_secs(5))
        .run_with(&fifo)
        .expect(2)
        .says("named pipe");
    backchain(["check", "--content", "/dev/zero"])
        .run()
        .expect(2);
}

// ---- 8. stores the app cannot run on ---------------------------------------------------------------

#[test]
fn an_empty_store_is_not_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let ran = check(tmp.path()).expect(1);
    let found: Vec<String> = ran
        .problems()
        .iter()
        .map(|p| p.path.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(found, ["chains.toml", "exercises", "questionnaire.toml"]);
}

#[test]
fn a_store_without_questions_or_exercises_is_not_valid() {
    let (_tmp, store) = valid_store("store");
    std::fs::remove_file(store.join("questionnaire.toml")).unwrap();
    check(&store)
        .expect(1)
        .says("questionnaire.toml:1:1: questionnaire.toml is missing");

    let (_tmp, store) = valid_store("store");
    std::fs::write(
        store.join("questionnaire.toml"),
        "[[section]]\nid = \"safety\"\ntitle = \"Safety\"\nintro = \"Hi.\"\n",
    )
    .unwrap();
    check(&store)
        .expect(1)
        .says("questionnaire has no [[question]] entries");

    let (_tmp, store) = valid_store("store");
    std::fs::remove_file(store.join("exercises/easy-breath.toml")).unwrap();
    check(&store).expect(1).says("exercises:1:1: no exercises");

    let (_tmp, store) = valid_store("store");
    std::fs::remove_dir_all(store.join("exercises")).unwrap();
    std::fs::write(store.join("exercises"), "id = \"x\"\n").unwrap();
    let ran = check(&store).expect(1);
    ran.says("exercises:1:1: `exercises` is a file; it must be a folder");
    assert_eq!(ran.problems().len(), 1, "not also \"no exercises\"");
}

/// The fixture questionnaire with every red-flag option changed by `edit`.
fn with_red_flag(store: &Path, edit: impl Fn(&mut toml::Table)) {
    let path = store.join("questionnaire.toml");
    let mut doc: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut edited = 0;
    for question in doc["question"].as_array_mut().unwrap() {
        for option in question["option"].as_array_mut().unwrap() {
            let option = option.as_table_mut().unwrap();
            if option.contains_key("red_flag") {
                edit(option);
                edited += 1;
            }
        }
    }
    assert!(edited > 0, "the fixture has a red-flag option");
    std::fs::write(&path, toml::to_string(&doc).unwrap()).unwrap();
}

#[test]
fn blank_red_flag_labels_and_messages_are_refused() {
    let (_tmp, store) = valid_store("store");
    with_red_flag(&store, |o| {
        o.insert("label".into(), " ".into());
    });
    let ran = check(&store).expect(1);
    assert_eq!(ran.problems().len(), 1, "{}", ran.all());
    ran.says("red-flag option").says("`label` is empty");

    let (_tmp, store) = valid_store("store");
    with_red_flag(&store, |o| {
        o.insert("message".into(), "\n\t".into());
    });
    check(&store).expect(1).says("`message` is empty");
}

// ---- 13. loading -------------------------------------------------------------------------------------

#[test]
fn an_unreadable_folder_is_one_problem_naming_it() {
    let (tmp, store) = valid_store("store");
    let claims = store.join("claims");
    // Root reads through permissions: run as nobody when root, and give nobody the way in.
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let chmod = |mode: &str, path: &Path| {
        assert!(
            Command::new("chmod")
                .args(["-R", mode])
                .arg(path)
                .status()
                .unwrap()
                .success()
        );
    };
    chmod("a+rX", tmp.path());
    chmod("000", &claims);
    let ran = if as_root {
        let usable = Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                BIN,
                "--version",
            ])
            .output()
            .is_ok_and(|o| o.status.success());
        if !usable {
            chmod("755", &claims);
            eprintln!("skipped: cannot run {BIN} as nobody here");
            return;
        }
        let mut attack = backchain(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        attack
            .args
            .extend([BIN.into(), "check".into(), "--only".into()]);
        run_via("setpriv", attack, &store)
    } else {
        backchain(["check", "--only"]).run_with(&store)
    };
    chmod("755", &claims);
    let ran = ran.expect(1);
    let found = messages(&ran).join("\n");
    assert!(
        found.contains("store/claims:1:1: cannot read folder:"),
        "{found}"
    );
    // The claims were lost with the folder: the chain citing them is not also reported.
    assert_eq!(ran.problems().len(), 1, "{found}");
}

/// Runs `program` with the attack's arguments under the same budget (the binary is one of them).
fn run_via(program: &str, attack: Attack, last: &Path) -> Ran {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(program)
        .args(&attack.args)
        .arg(last);
    let out = cmd.output().unwrap();
    Ran {
        code: out.status.code(),
        stdout: clean_text("stdout", out.stdout),
        stderr: clean_text("stderr", out.stderr),
        took: Duration::ZERO,
    }
}

#[test]
fn deep_folders_folder_files_and_odd_file_names_are_reported_where_they_are() {
    let (_tmp, store) = valid_store("store");
    let deep = store.join("a/b/c/d/e/f");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("x.toml"), "id = 1\n").unwrap();
    std::fs::create_dir(store.join("topics.toml.d")).unwrap();
    std::fs::remove_file(store.join("articles.toml")).unwrap();
    std::fs::create_dir(store.join("articles.toml")).unwrap();
    std::fs::write(store.join("exercises/a:1:2.toml"), "nope").unwrap();
    std::fs::write(store.join("exercises/new\nline.toml"), "nope").unwrap();
    let ran = check(&store).expect(1);
    let found = messages(&ran).join("\n");
    for want in [
        "store/a/b/c/d/e:1:1: folder is nested more than 4 deep",
        "store/articles.toml:1:1: \"articles.toml\" is a folder; it must be a file",
        "store/exercises/a:1:2.toml\":1:5:",
        "store/exercises/new\\u000aline.toml\":1:5:",
    ] {
        assert!(found.contains(want), "{want}\n{found}");
    }
    // The articles were lost with their file: what cites them is not reported missing too.
    assert!(!found.contains("names article"), "{found}");
}

#[test]
fn a_nesting_limit_error_names_its_line() {
    let (_tmp, store) = valid_store("store");
    let deep = format!("\n\n\nzz.{}end = 1\n", "k.".repeat(200));
    let exercise = store.join("exercises/easy-breath.toml");
    let text = std::fs::read_to_string(&exercise).unwrap();
    std::fs::write(&exercise, format!("{text}{deep}")).unwrap();
    let ran = check(&store).expect(1);
    let problems = ran.problems();
    assert_eq!(problems.len(), 1, "{}", ran.all());
    let lines = text.lines().count();
    assert_eq!((problems[0].line, problems[0].col), (lines + 4, 1));
}

// ---- 14. small ones -----------------------------------------------------------------------------------

#[test]
fn duplicate_answers_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let answers = tmp.path().join("answers.toml");
    let list = vec!["\"fever\""; 200_000].join(",");
    std::fs::write(&answers, format!("red_flags = [{list}]\n")).unwrap();
    let ran = backchain(["quiz", "--answers"])
        .run_with(&answers)
        .expect(2);
    ran.says("option \"fever\" is listed twice")
        .says("more problems in");
    assert!(ran.stdout.is_empty() && ran.stderr.len() < 16_000);
}

#[test]
fn a_long_query_is_refused_before_it_costs_anything() {
    let query = "hamstring ".repeat(3_000);
    let ran = backchain(["search", "--timings", &query])
        .within(Duration::from_secs(5))
        .run();
    ran.expect(2)
        .says("30,000 characters long; searches take at most 100");
    let id = "x".repeat(100_000);
    backchain(["show", "exercise", &id])
        .within(Duration::from_secs(5))
        .run()
        .expect(2);
    backchain(["compare", &id, &id])
        .within(Duration::from_secs(5))
        .run()
        .expect(2);
}

#[test]
fn the_environment_cannot_misplace_state_or_content() {
    let home = tempfile::tempdir().unwrap();
    let ran = backchain(["--show-paths"])
        .env("BACKCHAIN_STATE_DIR", "")
        .env("HOME", home.path())
        .env("XDG_STATE_HOME", "relative/state")
        .run();
    ran.expect(0).says(&format!(
        "answers: {}/.local/state/backchain/answers.toml",
        home.path().display()
    ));
    let ran = backchain(["--show-paths"])
        .env("BACKCHAIN_STATE_DIR", "")
        .env("HOME", home.path())
        .env("XDG_STATE_HOME", home.path().join("xdg"))
        .run();
    ran.says(&format!(
        "{}/xdg/backchain/answers.toml",
        home.path().display()
    ));
    backchain(["check"])
        .env("BACKCHAIN_CONTENT", "")
        .run()
        .expect(0)
        .says("built-in content:");
    // A store of one's own keeps its own answers file.
    let (_tmp, store) = valid_store("My Store");
    backchain(["--show-paths", "--only"])
        .run_with(&store)
        .expect(0)
        .says("/answers-my-store-");
}

#[test]
fn the_line_quiz_asks_again_after_a_line_that_is_not_utf8() {
    // The last option of the safety question is "None of these".
    let none = backchain::content::embedded()
        .questionnaire
        .question("red_flags")
        .unwrap()
        .options
        .len();
    let input = [b"\xff\xfe\n".as_slice(), format!("{none}\n").as_bytes()].concat();
    let ran = backchain(["quiz"]).stdin(&input).run();
    ran.expect(0)
        .says("not UTF-8")
        .says("input ended")
        .says("Answered 1 of");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(BIN)
        .args(["show", "chain", "rib-stiffness"])
        .env_remove("BACKCHAIN_CONTENT")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the first byte is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(clean_text("stderr", out.stderr), "");
}
