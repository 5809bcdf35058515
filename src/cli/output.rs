//! Writing command output: exit codes, and a closed pipe treated as a normal end.

use std::io::Write;

/// Process exit codes, the same for every command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// The content or the answers have problems.
    Problems = 1,
    /// Bad usage or an I/O error.
    Usage = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

/// Writes to stdout. `backchain … | head` closing the pipe early is not an error.
pub fn emit(text: &str) -> Exit {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Exit::Ok,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Ok,
        Err(e) => {
            eprintln!("backchain: cannot write output: {e}");
            Exit::Usage
        }
    }
}

/// Writes to stderr, ignoring failures (there is nowhere left to report them).
pub fn emit_err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
