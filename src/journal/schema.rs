//! The journal's SQL: one script per schema version, each taking the database from the version before it
//! to its own. A database's version is SQLite's `PRAGMA user_version` (a number in the file's header).
//!
//! Version 1 held pain ratings and sessions; version 2 added what happens inside a session (each exercise
//! done or skipped, with the reason and a rating) and retest measures. A script, once released, never
//! changes: a later version adds a new script instead.

/// The version this build writes, and the newest it can read.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;

/// Marks the file as a backchain journal (`PRAGMA application_id`, "BCJN"), so another program's SQLite
/// database given by mistake is set aside rather than written into.
pub const APPLICATION_ID: i32 = 0x4243_4A4E;

/// `MIGRATIONS[n]` takes a database at version `n` to version `n + 1` (version 0 is an empty file).
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// Version 1: pain ratings and sessions.
const V1: &str = "
CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    ended_at    TEXT,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_started_at ON session (started_at);
CREATE TABLE pain (
    id    INTEGER PRIMARY KEY,
    at    TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pain_at ON pain (at);
";

/// Version 2: exercises done or skipped inside a session, and retest measures.
const V2: &str = "
CREATE TABLE exercise_event (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id),
    exercise_id TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('done', 'skipped')),
    skip_reason TEXT CHECK (skip_reason IN ('pain', 'too_hard', 'no_equipment', 'other')),
    rating      TEXT CHECK (rating IN ('too_easy', 'about_right', 'too_hard', 'hurt')),
    at          TEXT NOT NULL,
    CHECK (outcome = 'skipped' OR skip_reason IS NULL)
);
CREATE INDEX exercise_event_at ON exercise_event (at);
CREATE INDEX exercise_event_session ON exercise_event (session_id);
CREATE TABLE retest (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    measure TEXT NOT NULL,
    value   REAL NOT NULL
);
CREATE INDEX retest_at ON retest (at);
";
