//! The journal's events for the commands that show the routine, read without writing anything of
//! their own: a journal that does not exist yet is no history and is not created for a look.

use super::output::emit_err;
use crate::journal::{Event, Journal};
use std::path::Path;

/// Every event in the journal at `path`, oldest first. A missing journal has none; one that cannot be
/// opened or read is said on stderr (naming the file, with what to do) and read as none, so the routine
/// is shown as built.
pub fn journal_events(path: &Path) -> Vec<Event> {
    if path.symlink_metadata().is_err() {
        return Vec::new();
    }
    let journal = match Journal::open(path) {
        Ok((journal, set_aside)) => {
            if let Some(aside) = set_aside {
                emit_err(&format!("backchain: {aside}\n"));
            }
            journal
        }
        Err(e) => {
            emit_err(&format!(
                "backchain: {e}\nbackchain: the routine is shown as built, without your ratings.\n"
            ));
            return Vec::new();
        }
    };
    journal.events(None).unwrap_or_else(|e| {
        emit_err(&format!(
            "backchain: {e}\nbackchain: the routine is shown as built, without your ratings.\n"
        ));
        Vec::new()
    })
}
