//! Saving and restoring answers between sessions: atomic writes, one app at a time per answers file, and
//! a file that cannot be read never replaced: it is set aside or left alone, and the person is told where
//! this session saves instead.

use crate::content::{Questionnaire, SourceFile};
use crate::engine::Answers;
use crate::files::{self, Lock, MAX_FILE_BYTES, ReadFailure};
use crate::text::path as shown;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What restoring found.
#[derive(Debug)]
pub struct Restored {
    pub answers: Answers,
    /// Something the person should be told (a file set aside, answers saved elsewhere).
    pub notice: Option<String>,
    /// Where this session saves: the answers file, another file when that one must not be replaced, or
    /// nowhere (answers kept while the app is open) when no file can be made.
    pub save_to: Option<PathBuf>,
}

/// The answers file opened for a session: restored answers, and the lock that makes this app the only
/// one writing it. Dropping it releases the lock.
#[derive(Debug)]
pub struct Opened {
    pub restored: Restored,
    path: PathBuf,
    _lock: Option<std::fs::File>,
}

impl Drop for Opened {
    /// A file made to save elsewhere that nothing was saved to is removed again.
    fn drop(&mut self) {
        if let Some(other) = &self.restored.save_to
            && *other != self.path
            && other.metadata().is_ok_and(|m| m.is_file() && m.len() == 0)
        {
            let _ = std::fs::remove_file(other);
        }
    }
}

/// The lock file beside an answers file: `answers.toml.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Opens the answers file for a session. The first app to open it takes its lock, sweeps temporary files
/// that killed sessions left, and restores the answers; a second app reads the answers too but saves to
/// a file of its own, and says so, rather than overwrite the first one's answers.
pub fn open(path: &Path, questionnaire: &Questionnaire) -> Opened {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match files::lock(&lock_path(path)) {
        Lock::Held(file) => {
            // Holding the lock, no other app is writing: every temporary file of ours is stale.
            files::sweep_temp_files(dir, &name, Duration::ZERO);
            Opened {
                restored: restore(path, questionnaire),
                path: path.to_path_buf(),
                _lock: Some(file),
            }
        }
        Lock::Busy => {
            let answers = match read(path, questionnaire) {
                Outcome::Read(answers) | Outcome::Problems { answers, .. } => answers,
                Outcome::Missing | Outcome::Unreadable(_) => Answers::new(),
            };
            let (save_to, saves) = elsewhere(path);
            Opened {
                restored: Restored {
                    answers,
                    notice: Some(format!(
                        "{saves}: another backchain has {} open",
                        name_of(path)
                    )),
                    save_to,
                },
                path: path.to_path_buf(),
                _lock: None,
            }
        }
        Lock::Unavailable(_) => {
            // No locking here (a read-only or unusual filesystem): carry on as the only app.
            files::sweep_temp_files(dir, &name, Duration::from_secs(3600));
            Opened {
                restored: restore(path, questionnaire),
                path: path.to_path_buf(),
                _lock: None,
            }
        }
    }
}

/// Reads saved answers. A missing file is a fresh start. A file with answers that do not fit the
/// questionnaire (or no TOML at all) is renamed to `answers.toml.unreadable-<seconds>` (kept, never
/// deleted) and the answers that do fit carry on. A file that cannot be read at all is left alone, and
/// answers are saved to another file.
pub fn restore(path: &Path, questionnaire: &Questionnaire) -> Restored {
    let (answers, first, count) = match read(path, questionnaire) {
        Outcome::Read(answers) => {
            return Restored {
                answers,
                notice: None,
                save_to: Some(path.to_path_buf()),
            };
        }
        Outcome::Missing => {
            return Restored {
                answers: Answers::new(),
                notice: None,
                save_to: Some(path.to_path_buf()),
            };
        }
        Outcome::Unreadable(e) => {
            let (save_to, saves) = elsewhere(path);
            return Restored {
                answers: Answers::new(),
                notice: Some(format!(
                    "{saves}: {} could not be read ({e}) and is left as it is",
                    name_of(path)
                )),
                save_to,
            };
        }
        Outcome::Problems {
            answers,
            first,
            count,
        } => (answers, first, count),
    };
    let what = if answers.is_empty() {
        String::from("Started fresh: saved answers could not be read")
    } else {
        format!(
            "{count} saved answer{} could not be read, the others are back",
            if count == 1 { "" } else { "s" }
        )
    };
    match set_aside(path) {
        Ok(aside) => Restored {
            answers,
            notice: Some(format!(
                "{what}; kept the old file as {} ({first})",
                name_of(&aside)
            )),
            save_to: Some(path.to_path_buf()),
        },
        Err(e) => {
            let (save_to, saves) = elsewhere(path);
            Restored {
                answers,
                notice: Some(format!(
                    "{saves}: saved answers could not be read ({first}) nor set aside ({e})"
                )),
                save_to,
            }
        }
    }
}

enum Outcome {
    Missing,
    Unreadable(ReadFailure),
    Read(Answers),
    /// Some answers did not fit: those that did, the first problem as "line 3: …", and how many there were.
    Problems {
        answers: Answers,
        first: String,
        count: usize,
    },
}

/// What reading the answers file found.
fn read(path: &Path, questionnaire: &Questionnaire) -> Outcome {
    let bytes = match files::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadFailure::Missing) => return Outcome::Missing,
        Err(e) => return Outcome::Unreadable(e),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Outcome::Problems {
            answers: Answers::new(),
            first: String::from("it is not valid UTF-8"),
            count: 1,
        };
    };
    let file = SourceFile::named(&shown(path), text);
    let (answers, problems) = Answers::read(&file, questionnaire);
    match problems.first() {
        None => Outcome::Read(answers),
        Some(p) => Outcome::Problems {
            answers,
            first: format!("line {}: {}", p.line, p.message),
            count: problems.len(),
        },
    }
}

/// Renames the file to a name no other file has: `answers.toml.unreadable-<seconds>`, then `-2`, `-3` …
/// when several are set aside in one second. A hard link claims the name atomically (it fails if the
/// name is taken), then the old name goes.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = path.file_name().unwrap_or_default().to_string_lossy();
    let mut last = std::io::Error::other("no free name");
    for n in 1..1000 {
        let name = match n {
            1 => format!("{base}.unreadable-{seconds}"),
            n => format!("{base}.unreadable-{seconds}-{n}"),
        };
        let aside = path.with_file_name(name);
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            // No hard links here: fall back to a rename onto a name that is free now.
            Err(_) if !aside.exists() => {
                std::fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// Another file for this session's answers (`answers-2.toml`, `answers-3.toml` …, created now so that no
/// other app takes it), and how to say so.
fn elsewhere(path: &Path) -> (Option<PathBuf>, String) {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let extension = path
        .extension()
        .map_or(String::new(), |e| format!(".{}", e.to_string_lossy()));
    let mut failure = None;
    for n in 2..1000 {
        let other = path.with_file_name(format!("{stem}-{n}{extension}"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&other)
        {
            Ok(_) => {
                let says = format!("Saving to {}", name_of(&other));
                return (Some(other), says);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    let why = failure.map_or_else(String::new, |e| format!(" ({e})"));
    (
        None,
        format!("Answers are kept only while the app is open (no file could be made{why})"),
    )
}

/// A file's name as messages show it: the files of one session all sit in the answers folder, which
/// `--show-paths` names.
fn name_of(path: &Path) -> String {
    shown(Path::new(path.file_name().unwrap_or(path.as_os_str())))
}

/// Writes the answers atomically: to a fresh temporary file beside the target, flushed to disk, then
/// renamed over it. A crash or kill mid-write leaves the old file whole.
pub fn save(path: &Path, answers: &Answers, questionnaire: &Questionnaire) -> std::io::Result<()> {
    files::write_atomic(path, answers.to_toml(questionnaire).as_bytes())
}
