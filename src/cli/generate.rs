//! `backchain completions SHELL` and `backchain man`: generated from the clap definitions, so they never
//! fall behind the flags.

use super::Cli;
use super::output::{Exit, emit, emit_err};
use clap::CommandFactory;
use clap_complete::Shell;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: Shell) -> Exit {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "backchain", &mut script);
    emit(&String::from_utf8_lossy(&script))
}

/// The man page (roff), on stdout: the generated page, then where backchain keeps its files and the
/// environment variables it reads.
pub fn man() -> Exit {
    match man_page() {
        Ok(page) => emit(&page),
        Err(e) => {
            emit_err(&format!("backchain: cannot render the man page: {e}\n"));
            Exit::Usage
        }
    }
}

pub fn man_page() -> std::io::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let page = String::from_utf8_lossy(&page)
        // clap names the `after_help` text EXTRA; here it is the medical note.
        .replacen(".SH EXTRA\n", ".SH \"NOT MEDICAL ADVICE\"\n", 1);
    // FILES and ENVIRONMENT go before VERSION, where man pages keep them.
    Ok(match page.find(".SH VERSION") {
        Some(at) => format!("{}{FILES_AND_ENVIRONMENT}{}", &page[..at], &page[at..]),
        None => page + FILES_AND_ENVIRONMENT,
    })
}

/// Hand-written roff: `\-` is a real hyphen (so the text can be searched and pasted), `\fB`/`\fI` bold
/// and italic.
const FILES_AND_ENVIRONMENT: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/backchain/config.toml\fR (else \fI~/.config/backchain/config.toml\fR)
Settings: \fBtheme\fR ("color" or "mono"), \fBexport_dir\fR, \fBmouse\fR, \fBbell\fR, \fBmotion\fR, \fBbraille\fR, \fBcontent_dirs\fR.
Every key is optional. \fBbackchain config init\fR writes a commented file, \fBbackchain config show\fR
prints what applies and where each value comes from. A file with a problem is reported with its line
and column, and the defaults apply.
.TP
\fI$XDG_STATE_HOME/backchain/answers.toml\fR (else \fI~/.local/state/backchain/answers.toml\fR)
Your saved answers, in the format \fBbackchain quiz \-\-answers\fR reads.
.TP
\fI$XDG_DATA_HOME/backchain/journal.sqlite3\fR (else \fI~/.local/share/backchain/journal.sqlite3\fR)
The journal (\fBbackchain journal\fR): pain ratings and sessions, private to this machine. A file that
cannot be read is renamed to \fIjournal.sqlite3.unreadable\-\fR<UTC time> and a new one started.
.TP
\fIbackchain\-routine.md\fR, \fIbackchain\-routine\-2.md\fR ...
Exported routines, in the export folder (\fB\-\-export\-dir\fR, else \fBexport_dir\fR, else the folder
backchain is started in). When that folder is missing or cannot be written, they go to
\fI$XDG_STATE_HOME/backchain/exports/\fR and the app says so. An existing file is never replaced.
.SH ENVIRONMENT
.TP
\fBBACKCHAIN_CONFIG\fR
The config file to read instead of the one above.
.TP
\fBBACKCHAIN_CONTENT\fR
A content folder layered over the built\-in store and the config file's \fBcontent_dirs\fR (as \fB\-\-content\fR,
and only when no \fB\-\-content\fR is given; empty means none). \fB\-\-only\fR ignores it.
.TP
\fBBACKCHAIN_JOURNAL\fR
The journal database to use instead of the one above (as \fBbackchain journal \-\-journal\fR).
.TP
\fBBACKCHAIN_STATE_DIR\fR
The folder for answers and fallback exports instead of \fI$XDG_STATE_HOME/backchain\fR.
.TP
\fBNO_COLOR\fR
Set and not empty: no colours (theme "mono"), over the config file; \fB\-\-theme\fR wins over it.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR, \fBXDG_STATE_HOME\fR
Used when they are absolute paths.
"#;
