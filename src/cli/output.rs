//! Writing command output: exit codes, every byte through the one printable gate, and a closed pipe
//! treated as a normal end.

use crate::content::{Problem, cap_per_file};
use crate::text::printable;
use std::fmt::Write as _;
use std::io::Write;

pub use crate::text::thousands;

/// Process exit codes, the same for every command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok,
    /// The content or the answers have problems.
    Problems,
    /// Bad usage or an I/O error.
    Usage,
    /// Ended by this signal: the process exits with the shell's convention, 128 + the signal number.
    Signal(i32),
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Problems => 1,
            Exit::Usage => 2,
            Exit::Signal(n) => u8::try_from(128 + n.clamp(1, 127)).unwrap_or(u8::MAX),
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

/// Writes to stdout. `backchain … | head` closing the pipe early is not an error.
pub fn emit(text: &str) -> Exit {
    let mut out = std::io::stdout().lock();
    match out
        .write_all(printable(text).as_bytes())
        .and_then(|_| out.flush())
    {
        Ok(()) => Exit::Ok,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Ok,
        Err(e) => {
            emit_err(&format!("backchain: cannot write output: {e}\n"));
            Exit::Usage
        }
    }
}

/// Writes to stderr, ignoring failures (there is nowhere left to report them).
pub fn emit_err(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(printable(text).as_bytes());
}

/// Problems as `path:line:col: message` lines, at most [`crate::content::MAX_PROBLEMS_PER_FILE`] per file, then one line
/// per file that had more: "backchain: … and 39,990 more problems in PATH".
pub fn problem_lines(problems: &[Problem]) -> String {
    let (shown, more) = cap_per_file(problems);
    let mut text = String::new();
    for p in shown {
        let _ = writeln!(text, "{p}");
    }
    for (path, count) in more {
        let _ = writeln!(
            text,
            "backchain: … and {} more problem{} in {path}",
            thousands(count),
            if count == 1 { "" } else { "s" }
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::MAX_PROBLEMS_PER_FILE;

    #[test]
    fn problems_are_capped_per_file() {
        let problem = |path: &str, line| Problem {
            path: path.into(),
            line,
            col: 1,
            message: "bad".into(),
        };
        let mut problems: Vec<Problem> = (1..=25).map(|n| problem("a.toml", n)).collect();
        problems.push(problem("b.toml", 1));
        let text = problem_lines(&problems);
        assert_eq!(text.lines().count(), MAX_PROBLEMS_PER_FILE + 2);
        assert!(text.contains("b.toml:1:1: bad\n"));
        assert!(
            text.ends_with("backchain: … and 5 more problems in a.toml\n"),
            "{text}"
        );
    }
}
