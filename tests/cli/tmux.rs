//! One tmux server per test, on its own socket, running a plain bash shell: what the end-to-end tests
//! drive the real binary through — type, read the screen, wait for text, check the terminal's modes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server (own socket) running a bash shell, torn down on drop.
pub struct Tmux {
    pub socket: String,
    /// A temp folder of its own (state, journals), removed on drop.
    pub dir: PathBuf,
}

impl Tmux {
    /// A server whose shell starts in its own temp folder.
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        Tmux::start_in(name, width, height, None)
    }

    /// A server whose shell starts in `cwd` (or its own temp folder).
    pub fn start_in(name: &str, width: u16, height: u16, cwd: Option<&Path>) -> Tmux {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is needed for the end-to-end tests (apt-get install tmux; .ci/run does this)"
        );
        let socket = format!("backchain-e2e-{}-{name}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let tmux = Tmux { socket, dir };
        let status = tmux
            .cmd()
            .args([
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .args(["-c", &cwd.unwrap_or(&tmux.dir).display().to_string()])
            .args([
                "env",
                "PS1=$ ",
                "TERM=xterm-256color",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status()
            .unwrap();
        assert!(status.success());
        tmux.wait_for("$");
        tmux
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket]);
        cmd
    }

    /// Types a line into the shell.
    pub fn run(&self, line: &str) {
        self.keys(&["-l", line]);
        self.keys(&["Enter"]);
    }

    /// Starts backchain in the shell with its own state folder, named so it can be found by `pgrep`.
    pub fn launch(&self) {
        self.intro_read();
        self.launch_fresh();
    }

    /// The first-run introduction has a test of its own; elsewhere the app opens on its screens.
    pub fn intro_read(&self) {
        let state = self.dir.join("state");
        let _ = std::fs::create_dir_all(&state);
        let _ = std::fs::write(state.join("intro-seen"), "");
    }

    /// Starts the app with nothing read before (the introduction shows on a first run).
    pub fn launch_fresh(&self) {
        let bin = env!("CARGO_BIN_EXE_backchain");
        self.run(&format!(
            "BACKCHAIN_STATE_DIR={} bash -c 'exec -a {} {bin}'; echo EXIT=$?",
            self.dir.join("state").display(),
            self.process_name()
        ));
    }

    pub fn process_name(&self) -> String {
        format!("{}-app", self.socket)
    }

    pub fn keys(&self, keys: &[&str]) {
        let status = self
            .cmd()
            .args(["send-keys", "-t", "t"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.capture(false)
    }

    /// The screen; with `escapes`, with its colours and attributes as escape sequences.
    pub fn capture(&self, escapes: bool) -> String {
        let mut cmd = self.cmd();
        cmd.args(["capture-pane", "-p", "-t", "t"]);
        if escapes {
            cmd.arg("-e");
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_within(text, Duration::from_secs(15))
    }

    /// [`Tmux::wait_for`] for something that may take longer on a busy machine (a large store loading).
    pub fn wait_for_within(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The status the last launch exited with: the line the shell printed after it (the command line
    /// itself also holds "EXIT=", but not at the start of a line).
    pub fn exit_code(&self) -> i32 {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(code) = screen
                .lines()
                .rev()
                .find_map(|l| l.trim().strip_prefix("EXIT="))
            {
                return code.parse().unwrap_or(-1);
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited 15 s for the app to end; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// tmux's view of the terminal modes the app may leave behind.
    pub fn modes(&self) -> String {
        let out = self
            .cmd()
            .args([
                "display-message",
                "-p",
                "-t",
                "t",
                "alt=#{alternate_on} mouse=#{mouse_any_flag}",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// After the app has ended: normal screen, no mouse capture, and a shell that echoes and runs commands.
    pub fn assert_terminal_restored(&self) {
        self.exit_code();
        assert_eq!(self.modes(), "alt=0 mouse=0");
        self.run("clear; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; echo OK-$((20+22))");
        let screen = self.wait_for("OK-42");
        assert!(
            screen.contains("icanon echo"),
            "cooked mode is back:\n{screen}"
        );
    }

    pub fn saved_answers(&self) -> String {
        std::fs::read_to_string(self.dir.join("state/answers.toml")).unwrap_or_default()
    }
}

/// User plus system CPU time, in clock ticks, from `/proc/<pid>/stat`.
pub fn cpu_ticks(stat: &str) -> Option<u64> {
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

impl Tmux {
    /// Clock ticks (1/100 s) of CPU the app started by [`Tmux::launch`] used over `span`.
    pub fn cpu_ticks_over(&self, span: Duration) -> u64 {
        let pid = String::from_utf8(
            Command::new("pgrep")
                .args(["-f", &self.process_name()])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let pid = pid.trim().lines().next().unwrap_or_default().to_string();
        let ticks = || -> u64 {
            cpu_ticks(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap()).unwrap()
        };
        let before = ticks();
        std::thread::sleep(span);
        ticks() - before
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
