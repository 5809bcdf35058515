//! `backchain progress`: the summary in plain words and the charts as text, the same as Markdown with
//! the routine sheet, or the series and summary as JSON. Reads the journal; never creates one.

use super::output::{Exit, emit};
use super::show::WIDTH;
use super::{ProgressFormat, quiz};
use crate::content::Store;
use crate::date::{self, Date};
use crate::engine::{self, Report};
use crate::journal::Event;
use crate::progress::{Progress, export};
use std::path::Path;

pub struct Options<'a> {
    /// An answers file given with `--answers`, else the app's saved answers.
    pub answers: &'a Path,
    /// Whether the answers file was named on the command line (a missing one is then an error).
    pub named: bool,
    pub journal: &'a Path,
    pub format: ProgressFormat,
}

pub fn run(store: &Store, options: &Options) -> Exit {
    let events = match read(options.journal) {
        Ok(events) => events,
        Err(exit) => return exit,
    };
    let report = match report(store, options) {
        Ok(report) => report,
        Err(exit) => return exit,
    };
    let progress =
        Progress::of(&events, store.plan.as_ref(), date::unix_now()).with_ranking(&events, store);
    let stopped = report.as_ref().is_some_and(Report::has_red_flags);
    match options.format {
        ProgressFormat::Text => emit(&text(
            &progress,
            report.as_ref().filter(|r| r.has_red_flags()),
        )),
        ProgressFormat::Markdown => emit(&export::markdown(
            &progress,
            store,
            report.as_ref(),
            &events,
            &Date::today().to_string(),
        )),
        ProgressFormat::Json => {
            let mut value = serde_json::to_value(&progress).unwrap_or_default();
            if let Some(object) = value.as_object_mut() {
                object.insert(String::from("sessions_stopped"), stopped.into());
            }
            let mut json = serde_json::to_string_pretty(&value).unwrap_or_default();
            json.push('\n');
            emit(&json)
        }
    }
}

/// The journal's events; a journal that does not exist yet reads as empty and is not created.
fn read(path: &Path) -> Result<Vec<Event>, Exit> {
    if path.symlink_metadata().is_err() {
        return Ok(Vec::new());
    }
    let journal = super::journal::open(path)?;
    journal.events(None).map_err(|e| {
        super::output::emit_err(&format!(
            "backchain: {e}; check that the file can be read\n"
        ));
        Exit::Usage
    })
}

/// The questionnaire's report from the answers, for the red-flag check and the routine; `None` when no
/// answers were saved yet (a named file that is missing is an error, as everywhere).
fn report(store: &Store, options: &Options) -> Result<Option<Report>, Exit> {
    if !options.named && !options.answers.exists() {
        return Ok(None);
    }
    let answers = quiz::read_answers(store, options.answers)?;
    Ok(Some(engine::evaluate(store, &answers)))
}

/// `stopped`: the report whose red flag stops sessions, if one does.
fn text(progress: &Progress, stopped: Option<&Report>) -> String {
    let mut out = String::new();
    if let Some(report) = stopped {
        out.push_str(&super::show::wrap(&export::sessions_stopped(report), ""));
        out.push('\n');
    }
    out.push_str(&progress.to_text(WIDTH));
    if progress.summary.retest.is_some_and(|r| r.due) {
        out.push('\n');
        out.push_str(&super::show::wrap(
            "To record a retest: backchain journal retest --floor CM --hip-left DEG --hip-right DEG",
            "",
        ));
    }
    if progress.series.is_empty() {
        out.push('\n');
        out.push_str(&super::show::wrap(
            "To start: `backchain session` guides your routine and records it here; `backchain journal add-pain N` records pain on its own.",
            "",
        ));
    }
    out
}
