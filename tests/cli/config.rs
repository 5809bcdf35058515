//! The config file, `backchain config path|show|init`, `--export-dir` and its fallback, `--show-paths`,
//! shell completions and the man page: the real binary, each run in a temp home with its own config and
//! state folders, so nothing here reads or writes the real home. The last tests drive the app in tmux.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

/// A home, a state folder, a working folder and a config path, all under one temp dir.
struct Home {
    tmp: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let tmp = tempfile::Builder::new()
            .prefix("backchain-config-")
            .tempdir()
            .unwrap();
        for dir in ["home", "state", "work"] {
            std::fs::create_dir(tmp.path().join(dir)).unwrap();
        }
        Home { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn config(&self) -> PathBuf {
        self.path("config/backchain.toml")
    }

    fn write_config(&self, text: &str) {
        std::fs::create_dir_all(self.path("config")).unwrap();
        std::fs::write(self.config(), text).unwrap();
    }

    /// The binary with this home: no `NO_COLOR`, no XDG variables, the config file named by
    /// `BACKCHAIN_CONFIG`.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .current_dir(self.path("work"))
            .env("HOME", self.path("home"))
            .env("BACKCHAIN_STATE_DIR", self.path("state"))
            .env("BACKCHAIN_CONFIG", self.config())
            .env_remove("BACKCHAIN_CONTENT")
            .env_remove("NO_COLOR")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_STATE_HOME")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("BACKCHAIN_CACHE_DIR")
            .env_remove("BACKCHAIN_NO_CACHE")
            .env_remove("BACKCHAIN_JOURNAL");
        cmd
    }

    fn run(&self, args: &[&str]) -> Ran {
        Ran::of(self.cmd(args).output().unwrap())
    }
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Ran {
    fn of(out: Output) -> Ran {
        let ran = Ran {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        };
        assert!(
            !ran.stderr.contains("panicked"),
            "no panic:\n{}",
            ran.stderr
        );
        for c in ran.stdout.chars().chain(ran.stderr.chars()) {
            assert!(
                c == '\n' || c == '\t' || !c.is_control(),
                "no control characters: {c:?}"
            );
        }
        ran
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

    /// The value and source of one `config show` line: `mouse = false  # flag --no-mouse`.
    fn setting(&self, key: &str) -> (String, String) {
        let line = self
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no {key} in\n{}", self.stdout));
        let (value, source) = line.split_once("  # ").unwrap();
        (
            value[key.len() + 3..].trim().to_owned(),
            source.trim().to_owned(),
        )
    }
}

fn pair(value: &str, source: &str) -> (String, String) {
    (value.to_owned(), source.to_owned())
}

#[test]
fn the_config_file_is_found_where_xdg_says() {
    let home = Home::new();
    let h = home.path("home");
    let path = |envs: &[(&str, &Path)]| {
        let mut cmd = home.cmd(&["config", "path"]);
        cmd.env_remove("BACKCHAIN_CONFIG");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Ran::of(cmd.output().unwrap()).expect(0).stdout
    };
    assert_eq!(
        path(&[]),
        format!("{}/.config/backchain/config.toml\n", h.display())
    );
    assert_eq!(
        path(&[("XDG_CONFIG_HOME", &home.path("xdg"))]),
        format!("{}/xdg/backchain/config.toml\n", home.tmp.path().display())
    );
    // Not absolute: ignored, as the XDG spec asks.
    assert_eq!(
        path(&[("XDG_CONFIG_HOME", Path::new("relative/xdg"))]),
        format!("{}/.config/backchain/config.toml\n", h.display())
    );
    assert_eq!(
        path(&[
            ("XDG_CONFIG_HOME", &home.path("xdg")),
            ("BACKCHAIN_CONFIG", &home.path("mine.toml"))
        ]),
        format!("{}/mine.toml\n", home.tmp.path().display())
    );
    // Set but empty: as if unset.
    assert_eq!(
        path(&[("BACKCHAIN_CONFIG", Path::new(""))]),
        format!("{}/.config/backchain/config.toml\n", h.display())
    );
}

#[test]
fn init_writes_a_commented_file_once_and_never_replaces_one() {
    let home = Home::new();
    let ran = home.run(&["config", "init"]).expect(0);
    assert!(ran.stdout.starts_with("Wrote "), "{}", ran.stdout);
    let written = std::fs::read_to_string(home.config()).unwrap();
    for key in ["theme", "export_dir", "mouse", "bell", "motion", "braille"] {
        assert!(written.contains(&format!("\n# {key} = ")), "{key}");
    }
    // Everything commented out: the defaults apply, and the file counts as read.
    let shown = home.run(&["config", "show"]).expect(0);
    assert!(shown.stdout.contains("(read)"), "{}", shown.stdout);
    assert_eq!(shown.setting("mouse"), pair("true", "default"));

    home.write_config("mouse = false\n");
    let again = home.run(&["config", "init"]).expect(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        "mouse = false\n"
    );
    // A dangling link is not followed either.
    let linked = Home::new();
    std::fs::create_dir_all(linked.path("config")).unwrap();
    std::os::unix::fs::symlink(linked.path("elsewhere.toml"), linked.config()).unwrap();
    linked.run(&["config", "init"]).expect(2);
    assert!(!linked.path("elsewhere.toml").exists());
}

#[test]
fn show_says_where_each_setting_comes_from() {
    let home = Home::new();
    let work = home.path("work");
    let shown = home.run(&["config", "show"]).expect(0);
    assert!(shown.stdout.starts_with(&format!(
        "# config file: {} (not found",
        home.config().display()
    )));
    assert_eq!(shown.setting("theme"), pair("\"color\"", "default"));
    assert_eq!(
        shown.setting("export_dir"),
        pair(
            &format!("\"{}\"", work.display()),
            "default: the folder backchain is started in"
        )
    );
    for key in ["mouse", "bell", "motion", "braille"] {
        assert_eq!(shown.setting(key), pair("true", "default"));
    }

    home.write_config(
        "theme = \"color\"\nexport_dir = \"~/sheets\"\nmouse = false\nbell = false\n",
    );
    let from_file = home.run(&["config", "show"]).expect(0);
    assert_eq!(from_file.setting("theme"), pair("\"color\"", "config file"));
    assert_eq!(
        from_file.setting("export_dir"),
        pair(
            &format!("\"{}/sheets\"", home.path("home").display()),
            "config file"
        )
    );
    assert_eq!(from_file.setting("mouse"), pair("false", "config file"));
    assert_eq!(from_file.setting("bell"), pair("false", "config file"));
    assert_eq!(from_file.setting("motion"), pair("true", "default"));

    // The environment over the file …
    let env = Ran::of(
        home.cmd(&["config", "show"])
            .env("NO_COLOR", "1")
            .output()
            .unwrap(),
    )
    .expect(0);
    assert_eq!(
        env.setting("theme"),
        pair("\"mono\"", "environment NO_COLOR")
    );
    // … but not when it is empty, as the convention says.
    let empty = Ran::of(
        home.cmd(&["config", "show"])
            .env("NO_COLOR", "")
            .output()
            .unwrap(),
    );
    assert_eq!(empty.setting("theme"), pair("\"color\"", "config file"));

    // Flags over everything; a relative --export-dir is made absolute.
    let flags = Ran::of(
        home.cmd(&[
            "--theme",
            "color",
            "config",
            "show",
            "--export-dir",
            "out",
            "--no-mouse",
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap(),
    )
    .expect(0);
    assert_eq!(flags.setting("theme"), pair("\"color\"", "flag --theme"));
    assert_eq!(
        flags.setting("export_dir"),
        pair(&format!("\"{}/out\"", work.display()), "flag --export-dir")
    );
    assert_eq!(flags.setting("mouse"), pair("false", "flag --no-mouse"));
}

/// Each bad config file, one problem each: its exact first line on stderr, and the defaults still apply.
#[test]
fn a_bad_config_file_names_its_place_and_the_defaults_apply() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "unknown key",
            b"theme = \"mono\"\n\ncolour = \"mono\"\n",
            ":3:1: unknown field `colour`, expected one of `theme`, `export_dir`, `mouse`, `bell`, `motion`, `braille`",
        ),
        (
            "unknown theme",
            b"theme = \"blue\"\n",
            ":1:9: unknown variant `blue`, expected one of `color`, `colour`, `mono`",
        ),
        (
            "wrong type",
            b"mouse = \"no\"\n",
            ":1:9: invalid type: string \"no\", expected a boolean",
        ),
        (
            "relative folder",
            b"export_dir = \"sheets\"\n",
            ":1:14: export_dir \"sheets\" is a relative path; write it in full (\"/\u{2026}\") or from your home folder (\"~/\u{2026}\")",
        ),
        (
            "someone else's home",
            b"export_dir = \"~pat/sheets\"\n",
            ":1:14: export_dir \"~pat/sheets\": only \"~\" and \"~/\u{2026}\" are expanded, not another person's \"~name\"",
        ),
        (
            "not UTF-8",
            b"theme = \"mono\"\nbell = \xff\n",
            ":2:8: config file is not valid UTF-8 (bad byte at offset 22); save it as UTF-8",
        ),
        (
            "a raw control character",
            b"theme = \"\x1b[31mred\"\n",
            ":1:10: invalid basic string",
        ),
        (
            "an escaped control character",
            b"theme = \"\\u001b[31mred\"\n",
            ":1:9: unknown variant `\\u001b[31mred`",
        ),
    ];
    for (what, text, expected) in cases {
        let home = Home::new();
        std::fs::create_dir_all(home.path("config")).unwrap();
        std::fs::write(home.config(), text).unwrap();
        let ran = home.run(&["config", "show"]).expect(1);
        let first = ran.stderr.lines().next().unwrap_or_default();
        let want = format!("{}{expected}", home.config().display());
        assert!(
            first.starts_with(&want),
            "{what}:\n got {first:?}\nwant {want:?}"
        );
        assert!(
            ran.stderr
                .contains("has 1 problem; using the default settings"),
            "{what}: {}",
            ran.stderr
        );
        assert!(ran.stdout.contains("(has problems, so not used)"), "{what}");
        assert_eq!(ran.setting("theme"), pair("\"color\"", "default"), "{what}");
        assert_eq!(ran.setting("mouse"), pair("true", "default"), "{what}");
        // Other commands run on: --show-paths warns and exits 0.
        let paths = home.run(&["--show-paths"]).expect(0);
        assert!(paths.stderr.contains(&want), "{what}: {}", paths.stderr);
    }
}

#[test]
fn a_config_that_is_not_a_file_is_reported_not_read() {
    let home = Home::new();
    std::fs::create_dir_all(home.config()).unwrap();
    let ran = home.run(&["config", "show"]).expect(1);
    assert_eq!(
        ran.stderr,
        format!(
            "backchain: cannot read config file {}: it is a folder, not a regular file; using the default settings\n",
            home.config().display()
        )
    );
    assert!(ran.stdout.contains("(cannot be read, so not used)"));
    let fifo = Home::new();
    std::fs::create_dir_all(fifo.path("config")).unwrap();
    let made = Command::new("mkfifo").arg(fifo.config()).status().unwrap();
    assert!(made.success());
    let start = Instant::now();
    let ran = fifo.run(&["config", "show"]).expect(1);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "a FIFO does not hang"
    );
    assert!(ran.stderr.contains("named pipe"), "{}", ran.stderr);
}

#[test]
fn the_app_without_a_terminal_still_warns_about_a_bad_config_and_does_not_panic() {
    let home = Home::new();
    home.write_config("bell = 3\n");
    let ran = home.run(&[]).expect(2);
    assert!(
        ran.stderr
            .contains(":1:8: invalid type: integer `3`, expected a boolean"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("the app needs a terminal"),
        "{}",
        ran.stderr
    );
}

#[test]
fn show_paths_names_the_config_file_and_the_export_folders() {
    let home = Home::new();
    let ran = home.run(&["--show-paths"]).expect(0);
    let state = home.path("state");
    assert_eq!(
        ran.stdout,
        format!(
            "content: built-in content\ncache: {}/.cache/backchain\nanswers: {}/answers.toml\nconfig: {}\nexports: {}\nexports fallback: {}/exports\njournal: {}/.local/share/backchain/journal.sqlite3\n",
            home.path("home").display(),
            state.display(),
            home.config().display(),
            home.path("work").display(),
            state.display(),
            home.path("home").display()
        )
    );
    home.write_config("export_dir = \"/srv/sheets\"\n");
    let ran = home.run(&["--show-paths"]).expect(0);
    assert!(
        ran.stdout.contains("\nexports: /srv/sheets\n"),
        "{}",
        ran.stdout
    );
    let ran = home
        .run(&["--show-paths", "--export-dir", "/tmp/x"])
        .expect(0);
    assert!(ran.stdout.contains("\nexports: /tmp/x\n"), "{}", ran.stdout);
    let empty = home.run(&["--show-paths", "--export-dir", ""]).expect(2);
    assert!(
        empty
            .stderr
            .contains("'--export-dir <DIR>': the folder is empty"),
        "{}",
        empty.stderr
    );
}

const SUBCOMMANDS: [&str; 10] = [
    "check",
    "show",
    "quiz",
    "search",
    "model",
    "compare",
    "config",
    "completions",
    "man",
    "help",
];

#[test]
fn completions_for_every_shell_name_the_subcommands_and_flags() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let ran = home.run(&["completions", shell]).expect(0);
        assert!(ran.stdout.len() > 1000, "{shell}: {}", ran.stdout);
        assert!(ran.stderr.is_empty(), "{shell}: {}", ran.stderr);
        for sub in SUBCOMMANDS.iter().chain(&["init", "path"]) {
            assert!(ran.stdout.contains(sub), "{shell} names {sub}");
        }
        for flag in ["export-dir", "no-mouse", "theme", "show-paths", "content"] {
            assert!(ran.stdout.contains(flag), "{shell} names --{flag}");
        }
    }
    let bash = home.run(&["completions", "bash"]).expect(0);
    // The theme's values are completed, from the same enum the config file uses.
    assert!(bash.stdout.contains("color mono"), "{}", bash.stdout);
    let bad = home.run(&["completions", "tcsh"]).expect(2);
    assert!(
        bad.stderr.contains("invalid value 'tcsh'"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_man_page_is_roff_with_the_subcommands_files_and_environment() {
    let home = Home::new();
    let page = home.run(&["man"]).expect(0).stdout;
    assert!(page.contains(".TH backchain 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH \"NOT MEDICAL ADVICE\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH VERSION",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!("backchain\\-{sub}(1)")), "{sub}");
    }
    for name in [
        "BACKCHAIN_CONFIG",
        "NO_COLOR",
        "\\-\\-export\\-dir",
        "config.toml",
    ] {
        assert!(page.contains(name), "{name}");
    }
    // FILES and ENVIRONMENT stand before VERSION.
    assert!(page.find(".SH FILES") < page.find(".SH VERSION"));
    // man renders it, where man is installed.
    let Ok(rendered) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut man| {
            use std::io::Write;
            man.stdin.take().unwrap().write_all(page.as_bytes())?;
            man.wait_with_output()
        })
    else {
        return;
    };
    if rendered.status.success() {
        // man marks bold by overstriking (`B\u{8}B`): keep the last of each pair.
        let mut text = String::new();
        for c in String::from_utf8_lossy(&rendered.stdout).chars() {
            if c == '\u{8}' {
                text.pop();
            } else {
                text.push(c);
            }
        }
        assert!(text.contains("       BACKCHAIN_CONFIG\n"), "{text}");
        assert!(text.contains("--export-dir <DIR>"), "{text}");
        assert!(String::from_utf8_lossy(&rendered.stderr).is_empty());
    }
}

/// The app in a real terminal (tmux), so the config reaches it: a bad file is named in the status bar
/// and after the app ends, "mono" draws no colour, and an export to a read-only folder lands in the
/// fallback with a message saying so.
mod app {
    use super::*;

    use crate::tmux::Tmux;

    /// A terminal whose shell starts in the home's work folder.
    fn start(home: &Home) -> Tmux {
        let name = format!(
            "config-{}",
            home.tmp.path().file_name().unwrap().to_string_lossy()
        );
        Tmux::start_in(&name, 200, 40, Some(&home.path("work")))
    }

    /// Starts the app in the home with `args`, the config file named, NO_COLOR unset.
    fn launch(t: &Tmux, home: &Home, args: &str) {
        // The first-run introduction is tested on its own; here the app opens on its screens.
        let _ = std::fs::create_dir_all(home.path("state"));
        let _ = std::fs::write(home.path("state/intro-seen"), "");
        t.run(&format!(
            "clear; env -u NO_COLOR HOME={} BACKCHAIN_STATE_DIR={} BACKCHAIN_CONFIG={} {BIN} {args}; echo EXIT=$?",
            home.path("home").display(),
            home.path("state").display(),
            home.config().display(),
        ));
    }

    /// Foreground colours (`ESC[3Xm`, `ESC[38;5;Nm`, `ESC[9Xm`) in a captured screen.
    fn colours(screen: &str) -> usize {
        screen
            .split('\u{1b}')
            .filter_map(|s| s.strip_prefix('['))
            .filter_map(|s| s.split_once('m').map(|(params, _)| params))
            .filter(|params| {
                params.split(';').any(|p| {
                    p.len() == 2
                        && (p.starts_with('3') || p.starts_with('9'))
                        && p != "39"
                        && p != "38"
                })
            })
            .count()
            + screen.matches("38;5;").count()
    }

    #[test]
    fn the_app_follows_the_config_and_says_when_it_cannot() {
        let home = Home::new();
        let t = start(&home);

        // A bad file: named in the status bar, the defaults apply (mouse captured), and the warning is
        // on the terminal once the app has ended.
        home.write_config("mouse = false\ncolour = \"mono\"\n");
        launch(&t, &home, "");
        // The warning is printed before the app starts: wait for the app itself.
        // It stays on screen, over the app, until it is dismissed.
        let screen = t.wait_for("Please read");
        assert!(
            screen.contains("unknown field") && screen.contains("using the default settings"),
            "{screen}"
        );
        assert_eq!(t.modes(), "alt=1 mouse=1");
        t.keys(&["Enter"]);
        t.wait_for("Question 1 of");
        t.keys(&["q"]);
        let after = t.wait_for("EXIT=0");
        assert!(
            after.contains("backchain.toml:2:1: unknown field `colour`"),
            "{after}"
        );
        assert_eq!(t.modes(), "alt=0 mouse=0");

        // The file's mouse = false and theme = "mono" reach the app.
        home.write_config("mouse = false\ntheme = \"mono\"\n");
        launch(&t, &home, "");
        t.wait_for("Question 1 of");
        assert_eq!(t.modes(), "alt=1 mouse=0");
        let mono = t.capture(true);
        assert_eq!(colours(&mono), 0, "{mono}");
        t.keys(&["q"]);
        t.wait_for("EXIT=0");
        // … and without it, colours.
        home.write_config("");
        launch(&t, &home, "");
        t.wait_for("Question 1 of");
        let start = Instant::now();
        while colours(&t.capture(true)) == 0 {
            assert!(start.elapsed() < Duration::from_secs(10), "colours drawn");
            std::thread::sleep(Duration::from_millis(100));
        }
        t.keys(&["q"]);
        t.wait_for("EXIT=0");

        // Export to a read-only folder: the sheet lands in the fallback, and the app says where and why.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/answers/ribs-and-breathing.toml");
        std::fs::copy(fixture, home.path("state/answers.toml")).unwrap();
        let locked = home.path("locked");
        std::fs::create_dir(&locked).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        launch(&t, &home, &format!("--export-dir {}", locked.display()));
        t.wait_for("Question");
        // `2` opens Results, `e` exports the routine.
        t.keys(&["2"]);
        t.keys(&["e"]);
        let saved = t.wait_for("Saved to");
        let fallback = home.path("state/exports/backchain-routine.md");
        assert!(
            saved.contains(&format!(
                "Saved to {} ({} is read-only)",
                fallback.display(),
                locked.display()
            )),
            "{saved}"
        );
        t.keys(&["q"]);
        t.wait_for("EXIT=0");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(std::fs::read_dir(&locked).unwrap().next().is_none());
        let sheet = std::fs::read_to_string(&fallback).unwrap();
        assert!(sheet.starts_with('#'), "{sheet}");
    }
}
