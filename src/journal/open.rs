//! Opening the journal: checked read-only first, a damaged file set aside, then opened for writing in WAL
//! mode and brought to the current schema.

use super::schema::{APPLICATION_ID, CURRENT, MIGRATIONS};
use crate::date;
use crate::text;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fmt;
use std::path::{Path, PathBuf};

/// A journal file moved out of the way because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub from: PathBuf,
    pub to: PathBuf,
    /// What was wrong with it.
    pub why: String,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the journal {} could not be read ({}); it was moved to {} as it was, and a new, empty journal was started at {}",
            text::path(&self.from),
            self.why,
            text::path(&self.to),
            text::path(&self.from),
        )
    }
}

/// Why the journal could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// Written by a newer backchain. Left exactly as it is: the data is probably fine, only this build is
    /// too old to understand it, and setting it aside would hide the person's newest entries from the
    /// newer build that wrote them.
    Newer {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// The folder or the file cannot be created, read, moved or written (permissions, a full disk …).
    Io { path: PathBuf, why: String },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Newer { path, found, known } => write!(
                f,
                "the journal {} has schema version {found}, newer than this backchain knows ({known}); it was left untouched. Use the newer backchain that wrote it, or point --journal (or BACKCHAIN_JOURNAL) at another file",
                text::path(path)
            ),
            OpenError::Io { path, why } => write!(
                f,
                "cannot open the journal {}: {why}; check that its folder exists and can be written, or point --journal (or BACKCHAIN_JOURNAL) at another file",
                text::path(path)
            ),
        }
    }
}

impl std::error::Error for OpenError {}

/// What a read-only look at an existing file found.
enum Probe {
    /// A backchain journal at this schema version (0: empty or new).
    Version(u32),
    /// Not readable as a backchain journal: why.
    Unreadable(String),
}

/// Opens (creating when missing) the journal at `path`, ready for writing at schema [`CURRENT`].
pub(super) fn open(path: &Path) -> Result<(Connection, Option<SetAside>), OpenError> {
    let io = |e: &dyn fmt::Display| OpenError::Io {
        path: path.to_path_buf(),
        why: e.to_string(),
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io(&e))?;
    }
    let mut set_aside = None;
    if let Ok(meta) = std::fs::metadata(path) {
        // Not a file, or not ours to read: a problem to report, not a damaged journal to move away.
        if !meta.is_file() {
            return Err(io(&"it is not a file"));
        }
        std::fs::File::open(path).map_err(|e| io(&e))?;
        match probe(path) {
            Probe::Version(found) if found > CURRENT => {
                return Err(OpenError::Newer {
                    path: path.to_path_buf(),
                    found,
                    known: CURRENT,
                });
            }
            Probe::Version(_) => {}
            Probe::Unreadable(why) => {
                let to = move_aside(path).map_err(|e| io(&e))?;
                set_aside = Some(SetAside {
                    from: path.to_path_buf(),
                    to,
                    why,
                });
            }
        }
    }
    let mut conn = Connection::open(path).map_err(|e| io(&e))?;
    configure(&conn).map_err(|e| io(&e))?;
    migrate(&mut conn, path)?;
    Ok((conn, set_aside))
}

/// Reads the header and checks the pages, without writing anything.
fn probe(path: &Path) -> Probe {
    let check = || -> rusqlite::Result<Probe> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if app != APPLICATION_ID && (app != 0 || version != 0 || tables != 0) {
            return Ok(Probe::Unreadable(String::from(
                "it is an SQLite database, but not a backchain journal",
            )));
        }
        if version > CURRENT {
            return Ok(Probe::Version(version));
        }
        let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        Ok(if verdict == "ok" {
            Probe::Version(version)
        } else {
            Probe::Unreadable(format!("damaged: {verdict}"))
        })
    };
    check().unwrap_or_else(|e| Probe::Unreadable(e.to_string()))
}

/// WAL (a write is appended and a crash mid-write leaves the file as it was before that write), FULL
/// sync (each committed event is on the disk before the call returns: events are rare, so the fsync
/// costs nothing anyone would notice, and a power cut cannot take back an event the person saw saved),
/// and a wait when another backchain is writing.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "journal_mode stayed {mode}"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Brings the schema forward, all steps in one transaction: a crash leaves the old version whole.
fn migrate(conn: &mut Connection, path: &Path) -> Result<(), OpenError> {
    let io = |e: rusqlite::Error| OpenError::Io {
        path: path.to_path_buf(),
        why: e.to_string(),
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(io)?;
    let found: u32 = tx
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(io)?;
    if found > CURRENT {
        // Another, newer backchain got there between the check and now.
        return Err(OpenError::Newer {
            path: path.to_path_buf(),
            found,
            known: CURRENT,
        });
    }
    if found == CURRENT {
        return Ok(());
    }
    for script in &MIGRATIONS[found as usize..] {
        tx.execute_batch(script).map_err(io)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(io)?;
    tx.pragma_update(None, "user_version", CURRENT)
        .map_err(io)?;
    tx.commit().map_err(io)
}

/// Renames `path` (and its `-wal` and `-shm`) to `path.unreadable-20261130T082700Z`, adding `-2`, `-3` …
/// when that name is taken. Never replaces a file.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = date::compact_utc(date::unix_now());
    let name = |n: u32| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".unreadable-{stamp}"));
        if n > 1 {
            name.push(format!("-{n}"));
        }
        PathBuf::from(name)
    };
    let with = |p: &Path, suffix: &str| {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let taken = |p: &Path| {
        [p.to_path_buf(), with(p, "-wal"), with(p, "-shm")]
            .iter()
            .any(|p| p.symlink_metadata().is_ok())
    };
    let to = (1..=u32::MAX)
        .map(name)
        .find(|p| !taken(p))
        .ok_or_else(|| std::io::Error::other("no free name to move it to"))?;
    std::fs::rename(path, &to)?;
    for suffix in ["-wal", "-shm"] {
        let side = with(path, suffix);
        if side.symlink_metadata().is_ok() {
            std::fs::rename(&side, with(&to, suffix))?;
        }
    }
    Ok(to)
}
