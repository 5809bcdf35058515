//! Writing command output: exit codes, every byte through the one printable gate, and a closed pipe
//! treated as a normal end.

use crate::text::printable;
use std::io::Write;

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
