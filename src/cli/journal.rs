//! `backchain journal add-pain|retest|list|export|path`: the journal from the command line. Messages about the
//! file (set aside, refused, unwritable) go to stderr and name it.

use super::output::{Exit, emit, emit_err};
use super::{ExportFormat, Format, JournalAction, JournalArgs};
use crate::journal::{self, Event, Journal, OpenError};
use crate::progress::Measure;
use crate::{date, paths, text};
use std::fmt::Write as _;

pub fn run(args: &JournalArgs) -> Exit {
    let path = paths::journal_file(args.journal.clone());
    let reads = matches!(
        args.action,
        JournalAction::List { .. } | JournalAction::Export { .. }
    );
    if let JournalAction::Path = args.action {
        return emit(&format!("{}\n", text::path(&path)));
    }
    // Reading a journal that does not exist yet prints an empty one and creates nothing.
    if reads && path.symlink_metadata().is_err() {
        return emit(&output(&args.action, &[]));
    }
    let mut journal = match open(&path) {
        Ok(journal) => journal,
        Err(exit) => return exit,
    };
    let done = match &args.action {
        JournalAction::AddPain { pain, note } => {
            journal.add_pain(date::unix_now(), *pain, note).map(|_| {
                format!(
                    "Recorded pain {}/10 in {}\n",
                    pain.value(),
                    text::path(&path)
                )
            })
        }
        JournalAction::Retest {
            floor,
            hip_left,
            hip_right,
        } => retest(&mut journal, [*floor, *hip_left, *hip_right])
            .map(|said| format!("Recorded retest: {said} in {}\n", text::path(&path))),
        JournalAction::List { since, .. } => journal
            .events(*since)
            .map(|events| output(&args.action, &events)),
        JournalAction::Export { .. } => journal
            .events(None)
            .map(|events| output(&args.action, &events)),
        JournalAction::Path => unreachable!("handled above"),
    };
    match done {
        Ok(text) => emit(&text),
        Err(e) => {
            emit_err(&format!(
                "backchain: {e}; check that the file and its folder can be written\n"
            ));
            Exit::Usage
        }
    }
}

/// Opens the journal at `path` for a command: a file set aside is said on stderr; a journal that cannot
/// be opened is said there too and gives the exit code (1 for a newer journal, 2 otherwise).
pub(super) fn open(path: &std::path::Path) -> Result<Journal, Exit> {
    match Journal::open(path) {
        Ok((journal, set_aside)) => {
            if let Some(aside) = set_aside {
                emit_err(&format!("backchain: {aside}\n"));
            }
            Ok(journal)
        }
        Err(e) => {
            emit_err(&format!("backchain: {e}\n"));
            Err(match e {
                OpenError::Newer { .. } => Exit::Problems,
                OpenError::Io { .. } => Exit::Usage,
            })
        }
    }
}

/// Writes the measures given (in [`Measure::ALL`] order), all at the same time; says what was written.
fn retest(journal: &mut Journal, values: [Option<f64>; 3]) -> journal::Result<String> {
    let now = date::unix_now();
    let mut said = Vec::new();
    for (measure, value) in Measure::ALL.into_iter().zip(values) {
        if let Some(value) = value {
            journal.add_retest(now, measure.id(), value)?;
            said.push(format!(
                "{} {}",
                measure.name().to_lowercase(),
                measure.show(value)
            ));
        }
    }
    Ok(said.join(", "))
}

/// What `list` and `export` print for these events.
fn output(action: &JournalAction, events: &[Event]) -> String {
    match action {
        JournalAction::List {
            format: Format::Text,
            ..
        } => list_text(events),
        JournalAction::List {
            format: Format::Json,
            ..
        } => {
            let mut json =
                serde_json::to_string_pretty(events).unwrap_or_else(|_| String::from("[]"));
            json.push('\n');
            json
        }
        JournalAction::Export {
            format: ExportFormat::Csv,
        } => journal::csv(events),
        JournalAction::Export {
            format: ExportFormat::Json,
        } => journal::json(events),
        JournalAction::AddPain { .. } | JournalAction::Retest { .. } | JournalAction::Path => {
            String::new()
        }
    }
}

/// One line per event: time, kind, what was recorded.
fn list_text(events: &[Event]) -> String {
    if events.is_empty() {
        return String::from(
            "The journal has no entries yet; `backchain journal add-pain N` adds one.\n",
        );
    }
    let mut out = String::new();
    for event in events {
        let what = match event {
            Event::Pain { value, note, .. } => with_note(format!("pain {value}/10"), note),
            Event::Session {
                ended_at,
                pain_before,
                pain_after,
                note,
                ..
            } => {
                let pain = |p: &Option<u8>| p.map_or_else(|| String::from("-"), |p| p.to_string());
                let end = ended_at.as_deref().unwrap_or("not finished");
                with_note(
                    format!(
                        "session until {end}, pain {} before, {} after",
                        pain(pain_before),
                        pain(pain_after)
                    ),
                    note,
                )
            }
            Event::Exercise {
                exercise_id,
                outcome,
                skip_reason,
                rating,
                ..
            } => {
                // In words, as the app and `session` say them; `--format json` keeps the ids.
                let why = skip_reason.map(|r| format!(" ({})", r.words()));
                let rated = rating.map(|r| format!(", {}", r.words()));
                format!(
                    "exercise {exercise_id} {outcome}{}{}",
                    why.unwrap_or_default(),
                    rated.unwrap_or_default()
                )
            }
            Event::Retest { measure, value, .. } => format!("retest {measure} = {value}"),
        };
        let _ = writeln!(out, "{}  {what}", event.at());
    }
    out
}

fn with_note(what: String, note: &str) -> String {
    if note.is_empty() {
        what
    } else {
        format!("{what}: {}", note.replace('\n', " / "))
    }
}
