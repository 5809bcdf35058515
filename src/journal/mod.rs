//! The journal: what the person did and felt, session by session, in a private SQLite database on this
//! machine (`journal.sqlite3` in the XDG data folder; see [`crate::paths::journal_file`]).
//!
//! - Every call that records something is one transaction: a kill -9 at any moment loses at most the
//!   event being written. The database is in WAL mode with `synchronous = FULL`.
//! - The schema version is `PRAGMA user_version`, in the file's header: it changes in the same
//!   transaction as the tables, needs no table of its own, and can be read before anything else.
//!   Older journals are brought forward on open ([`schema::MIGRATIONS`]).
//! - A file that is not a readable backchain journal (garbage, damaged pages, another program's
//!   database) is renamed to `journal.sqlite3.unreadable-<UTC time>` and a new one started: never
//!   overwritten. A journal from a newer backchain is refused and left untouched ([`OpenError::Newer`]).
//!
//! Nothing here draws on a terminal.

mod event;
mod export;
mod open;
pub mod schema;

pub use event::{Event, Outcome, Pain, Rating, SkipReason};
pub use export::{csv, json};
pub use open::{OpenError, SetAside};

use crate::date::{self, Date};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// An open journal.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// Inside [`Journal::batch`]: writes join its one transaction instead of each taking their own.
    in_batch: bool,
}

/// A session's row id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionId(pub i64);

/// Reading or writing an open journal failed.
#[derive(Debug)]
pub struct Error {
    pub path: PathBuf,
    pub why: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot use the journal {}: {}",
            crate::text::path(&self.path),
            self.why
        )
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

impl Journal {
    /// Opens the journal at `path`, creating it (and its folder) when missing. The second value says
    /// when an unreadable file was set aside to make room for a new one.
    pub fn open(path: &Path) -> std::result::Result<(Journal, Option<SetAside>), OpenError> {
        let (conn, set_aside) = open::open(path)?;
        let journal = Journal {
            conn,
            path: path.to_path_buf(),
            in_batch: false,
        };
        Ok((journal, set_aside))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, e: rusqlite::Error) -> Error {
        Error {
            path: self.path.clone(),
            why: e.to_string(),
        }
    }

    /// Runs one insert or update in its own transaction (or in the batch's); returns the new row's id.
    fn write(&mut self, sql: &str, values: impl rusqlite::Params) -> Result<i64> {
        let in_batch = self.in_batch;
        let run = |conn: &mut Connection| {
            if in_batch {
                let changed = conn.execute(sql, values)?;
                return Ok((changed, conn.last_insert_rowid()));
            }
            let tx = conn.transaction()?;
            let changed = tx.execute(sql, values)?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok((changed, id))
        };
        match run(&mut self.conn) {
            Ok((0, _)) => Err(Error {
                path: self.path.clone(),
                why: String::from("no such row"),
            }),
            Ok((_, id)) => Ok(id),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Runs `writes` as one transaction: all of them are kept, or none (an error rolls them back). For
    /// writing many events at once (the synthetic journal of the tests and benchmarks): one commit, so
    /// one wait for the disk instead of one per event.
    pub fn batch<T>(&mut self, writes: impl FnOnce(&mut Journal) -> Result<T>) -> Result<T> {
        if self.in_batch {
            return writes(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.error(e))?;
        self.in_batch = true;
        let done = writes(self);
        self.in_batch = false;
        match done {
            Ok(value) => {
                if let Err(e) = self.conn.execute_batch("COMMIT") {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    return Err(self.error(e));
                }
                Ok(value)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// A pain rating outside a session, at `at` (seconds since 1970, UTC).
    pub fn add_pain(&mut self, at: i64, pain: Pain, note: &str) -> Result<i64> {
        self.write(
            "INSERT INTO pain (at, value, note) VALUES (?1, ?2, ?3)",
            params![date::rfc3339_utc(at), pain.value(), note],
        )
    }

    /// Starts a session, with the pain rating asked before it when there is one.
    pub fn start_session(&mut self, at: i64, pain_before: Option<Pain>) -> Result<SessionId> {
        self.write(
            "INSERT INTO session (started_at, pain_before) VALUES (?1, ?2)",
            params![date::rfc3339_utc(at), pain_before.map(Pain::value)],
        )
        .map(SessionId)
    }

    /// One exercise of a session done (perhaps rated) or skipped (with why).
    pub fn add_exercise(
        &mut self,
        session: SessionId,
        at: i64,
        exercise_id: &str,
        outcome: Outcome,
    ) -> Result<i64> {
        let (done, reason, rating) = match outcome {
            Outcome::Done(rating) => ("done", None, rating.map(Rating::as_str)),
            Outcome::Skipped(why) => ("skipped", why.map(SkipReason::as_str), None),
        };
        self.write(
            "INSERT INTO exercise_event (session_id, exercise_id, outcome, skip_reason, rating, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                session.0,
                exercise_id,
                done,
                reason,
                rating,
                date::rfc3339_utc(at)
            ],
        )
    }

    /// Ends a session, with the pain rating after it and a note (both optional).
    pub fn end_session(
        &mut self,
        session: SessionId,
        at: i64,
        pain_after: Option<Pain>,
        note: &str,
    ) -> Result<()> {
        self.write(
            "UPDATE session SET ended_at = ?2, pain_after = ?3, note = ?4 WHERE id = ?1",
            params![
                session.0,
                date::rfc3339_utc(at),
                pain_after.map(Pain::value),
                note
            ],
        )
        .map(drop)
    }

    /// A retest measure, e.g. fingertip-to-floor distance in cm.
    pub fn add_retest(&mut self, at: i64, measure: &str, value: f64) -> Result<i64> {
        self.write(
            "INSERT INTO retest (at, measure, value) VALUES (?1, ?2, ?3)",
            params![date::rfc3339_utc(at), measure, value],
        )
    }

    /// Every event, in time order; with `since`, only those from that day on (UTC).
    pub fn events(&self, since: Option<Date>) -> Result<Vec<Event>> {
        self.events_of(since, &KINDS)
    }

    /// The events of these kinds only ([`Event::kind`] names: `pain`, `session`, `exercise`,
    /// `retest`), in time order: a screen that needs a few kinds does not read the rest.
    pub fn events_of(&self, since: Option<Date>, kinds: &[&str]) -> Result<Vec<Event>> {
        let from = since.map_or_else(String::new, |d| d.to_string());
        self.read_events(&from, kinds).map_err(|e| self.error(e))
    }

    fn read_events(&self, from: &str, kinds: &[&str]) -> rusqlite::Result<Vec<Event>> {
        let mut events = Vec::new();
        for (kind, (sql, read)) in KINDS.iter().zip(READS) {
            if !kinds.contains(kind) {
                continue;
            }
            let mut stmt = self.conn.prepare_cached(sql)?;
            for event in stmt.query_map([from], read)? {
                events.push(event?);
            }
        }
        Event::sort(&mut events);
        Ok(events)
    }

    /// The schema version of the open file (always [`schema::CURRENT`] once opened).
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.error(e))
    }
}

type ReadRow = fn(&rusqlite::Row) -> rusqlite::Result<Event>;

/// The kinds of event, in [`READS`] order.
pub const KINDS: [&str; 4] = ["pain", "session", "exercise", "retest"];

/// Each kind's query (rows from `?1` on, by time) and how a row becomes an [`Event`].
const READS: [(&str, ReadRow); 4] = [
    ("SELECT id, at, value, note FROM pain WHERE at >= ?1", |r| {
        Ok(Event::Pain {
            id: r.get(0)?,
            at: r.get(1)?,
            value: r.get(2)?,
            note: r.get(3)?,
        })
    }),
    (
        "SELECT id, started_at, ended_at, pain_before, pain_after, note FROM session
         WHERE started_at >= ?1",
        |r| {
            Ok(Event::Session {
                id: r.get(0)?,
                at: r.get(1)?,
                ended_at: r.get(2)?,
                pain_before: r.get(3)?,
                pain_after: r.get(4)?,
                note: r.get(5)?,
            })
        },
    ),
    (
        "SELECT id, at, session_id, exercise_id, outcome, skip_reason, rating FROM exercise_event
         WHERE at >= ?1",
        |r| {
            let outcome: String = r.get(4)?;
            let reason: Option<String> = r.get(5)?;
            let rating: Option<String> = r.get(6)?;
            Ok(Event::Exercise {
                id: r.get(0)?,
                at: r.get(1)?,
                session_id: r.get(2)?,
                exercise_id: r.get(3)?,
                outcome: if outcome == "skipped" {
                    "skipped"
                } else {
                    "done"
                },
                skip_reason: reason.as_deref().and_then(SkipReason::parse),
                rating: rating.as_deref().and_then(Rating::parse),
            })
        },
    ),
    (
        "SELECT id, at, measure, value FROM retest WHERE at >= ?1",
        |r| {
            Ok(Event::Retest {
                id: r.get(0)?,
                at: r.get(1)?,
                measure: r.get(2)?,
                value: r.get(3)?,
            })
        },
    ),
];

#[cfg(test)]
mod tests;
