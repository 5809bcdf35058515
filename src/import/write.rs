//! Writing imported exercises as a store: `exercises/<id>.toml`, one file each, never over an existing
//! file unless asked.

use crate::content::Exercise;
use std::fmt;
use std::path::{Path, PathBuf};

/// The text of one exercise file: a comment naming where it comes from, then the record.
pub fn exercise_toml(exercise: &Exercise) -> Result<String, String> {
    let body = toml::to_string_pretty(exercise).map_err(|e| e.to_string())?;
    let from = exercise.source.as_ref().map_or_else(String::new, |s| {
        format!("# Imported from {}.\n", s.describe())
    });
    Ok(format!("{from}{body}"))
}

/// What was written.
#[derive(Debug, PartialEq, Eq)]
pub struct Written {
    /// The `exercises` folder the files went to.
    pub folder: PathBuf,
    pub files: usize,
    /// Files that were there before and were replaced (only with `force`).
    pub replaced: usize,
}

/// Why nothing (or not everything) was written.
#[derive(Debug)]
pub enum WriteError {
    /// Files already there, and `force` was not given: nothing was written.
    Exists { first: PathBuf, count: usize },
    /// A folder or file could not be written; the files before it were.
    Io {
        path: PathBuf,
        error: String,
        written: usize,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::text::path;
        match self {
            WriteError::Exists { first, count } => write!(
                f,
                "{} and {} other exercise file{} already exist; nothing was written. Import into another folder with --into DIR, or replace them with --force",
                path(first),
                count - 1,
                if *count == 2 { "" } else { "s" }
            ),
            WriteError::Io {
                path: at,
                error,
                written,
            } => write!(
                f,
                "cannot write {}: {error} ({written} file{} written before it)",
                path(at),
                if *written == 1 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes each exercise to `into/exercises/<id>.toml`, creating the folders. Without `force`, nothing is
/// written when any of those files exists already; with it, they are replaced (each atomically).
pub fn write_store(
    exercises: &[Exercise],
    into: &Path,
    force: bool,
) -> Result<Written, WriteError> {
    let folder = into.join("exercises");
    let targets: Vec<PathBuf> = exercises
        .iter()
        .map(|e| folder.join(format!("{}.toml", e.id.as_str())))
        .collect();
    let existing: Vec<&PathBuf> = targets
        .iter()
        .filter(|t| t.symlink_metadata().is_ok())
        .collect();
    if !force && let Some(first) = existing.first() {
        return Err(WriteError::Exists {
            first: (*first).clone(),
            count: existing.len(),
        });
    }
    std::fs::create_dir_all(&folder).map_err(|e| WriteError::Io {
        path: folder.clone(),
        error: e.to_string(),
        written: 0,
    })?;
    for (written, (exercise, target)) in exercises.iter().zip(&targets).enumerate() {
        let io = |error: String| WriteError::Io {
            path: target.clone(),
            error,
            written,
        };
        let text = exercise_toml(exercise).map_err(io)?;
        let result = if force {
            crate::files::write_atomic(target, text.as_bytes())
        } else {
            crate::files::write_new(target, text.as_bytes())
        };
        result.map_err(|e| io(e.to_string()))?;
    }
    Ok(Written {
        folder,
        files: targets.len(),
        replaced: existing.len(),
    })
}
