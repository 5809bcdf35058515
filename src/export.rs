//! Exported sheets: a new file in the chosen folder, never over another one, or in a fallback folder
//! when the chosen one cannot take it, with the reason kept so the person can be told.

use crate::files;
use crate::text::path as shown;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Sheets are Markdown.
pub const EXTENSION: &str = "md";

/// `stem.md`, `stem-2.md` … `stem-999.md`; past that the folder counts as full.
pub const MAX_NUMBER: u32 = 999;

/// How old a sheet's temporary file must be before a later export sweeps it away (an export in flight
/// in another app is younger).
const STALE: Duration = Duration::from_secs(600);

/// Why a folder could not take a sheet.
#[derive(Debug)]
pub enum Unusable {
    Missing,
    NotAFolder,
    /// Its mode has no write bit, or it is on a read-only filesystem.
    ReadOnly,
    /// Its owner or an access rule keeps this user out.
    Denied,
    /// Every name from `stem.md` to `stem-999.md` is taken.
    Full,
    Failed(io::Error),
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::Missing => f.write_str("does not exist"),
            Unusable::NotAFolder => f.write_str("is not a folder"),
            Unusable::ReadOnly => f.write_str("is read-only"),
            Unusable::Denied => f.write_str("is not writable (permission denied)"),
            Unusable::Full => write!(f, "already holds {MAX_NUMBER} sheets of that name"),
            Unusable::Failed(e) => write!(f, "could not be written ({e})"),
        }
    }
}

impl From<io::Error> for Unusable {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => Unusable::Missing,
            io::ErrorKind::NotADirectory => Unusable::NotAFolder,
            io::ErrorKind::ReadOnlyFilesystem => Unusable::ReadOnly,
            io::ErrorKind::PermissionDenied => Unusable::Denied,
            _ => Unusable::Failed(e),
        }
    }
}

/// A sheet on disk, and the folder it should have gone to when it went to the fallback.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub instead_of: Option<(PathBuf, Unusable)>,
}

impl fmt::Display for Written {
    /// "Saved to /state/exports/backchain-routine.md (/home/pat/sheets is read-only)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Saved to {}", shown(&self.path))?;
        if let Some((preferred, why)) = &self.instead_of {
            write!(f, " ({} {why})", shown(preferred))?;
        }
        Ok(())
    }
}

/// Neither folder could take the sheet.
#[derive(Debug)]
pub struct ExportError {
    pub preferred: PathBuf,
    pub why: Unusable,
    /// `None` when the fallback is the preferred folder itself.
    pub fallback: Option<(PathBuf, Unusable)>,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not save: {} {}", shown(&self.preferred), self.why)?;
        if let Some((fallback, why)) = &self.fallback {
            write!(f, ", and {} {why}", shown(fallback))?;
        }
        Ok(())
    }
}

impl std::error::Error for ExportError {}

/// `stem.md` for the first, `stem-N.md` after.
pub fn file_name(stem: &str, n: u32) -> String {
    match n {
        1 => format!("{stem}.{EXTENSION}"),
        n => format!("{stem}-{n}.{EXTENSION}"),
    }
}

/// Writes `contents` to the first free name of `stem.md`, `stem-2.md` … in `preferred`, never over an
/// existing file. When `preferred` is missing, not a folder, read-only or fails the write, the sheet goes
/// to `fallback` (created when missing) and the result says why.
pub fn write_sheet(
    preferred: &Path,
    fallback: &Path,
    stem: &str,
    contents: &str,
) -> Result<Written, ExportError> {
    let why = match write_numbered(preferred, stem, contents) {
        Ok(path) => {
            return Ok(Written {
                path,
                instead_of: None,
            });
        }
        Err(why) => why,
    };
    if same_folder(preferred, fallback) {
        return Err(ExportError {
            preferred: preferred.to_path_buf(),
            why,
            fallback: None,
        });
    }
    let written = std::fs::create_dir_all(fallback)
        .map_err(Unusable::from)
        .and_then(|()| write_numbered(fallback, stem, contents));
    match written {
        Ok(path) => Ok(Written {
            path,
            instead_of: Some((preferred.to_path_buf(), why)),
        }),
        Err(fallback_why) => Err(ExportError {
            preferred: preferred.to_path_buf(),
            why,
            fallback: Some((fallback.to_path_buf(), fallback_why)),
        }),
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}

/// The first free numbered name in `dir`, written. The folder must already exist: a mistyped export
/// folder is reported, not created.
fn write_numbered(dir: &Path, stem: &str, contents: &str) -> Result<PathBuf, Unusable> {
    writable(dir)?;
    files::sweep_temp_files(dir, stem, STALE);
    for n in 1..=MAX_NUMBER {
        let path = dir.join(file_name(stem, n));
        // Skipping taken names first spares a temporary file and a sync per existing sheet; a name
        // taken in between is still caught by `write_new`.
        if path.symlink_metadata().is_ok() {
            continue;
        }
        match files::write_new(&path, contents.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Unusable::from(e)),
        }
    }
    Err(Unusable::Full)
}

/// Whether `dir` is a folder this process may create files in, checked before writing so that a
/// folder marked read-only is treated as such even by root (who could write into it anyway, and whom
/// `rm` also asks before removing a write-protected file).
fn writable(dir: &Path) -> Result<(), Unusable> {
    let meta = std::fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(Unusable::NotAFolder);
    }
    if meta.permissions().readonly() {
        return Err(Unusable::ReadOnly);
    }
    may_create_in(dir)
}

/// `faccessat(W_OK | X_OK, AT_EACCESS)`: the effective user's right to add a file, including a
/// read-only mount.
#[cfg(unix)]
fn may_create_in(dir: &Path) -> Result<(), Unusable> {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return Err(Unusable::Failed(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path holds a NUL byte",
        )));
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    let result = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            libc::W_OK | libc::X_OK,
            libc::AT_EACCESS,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(Unusable::from(io::Error::last_os_error()))
    }
}

#[cfg(not(unix))]
fn may_create_in(_dir: &Path) -> Result<(), Unusable> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("backchain-export-")
            .tempdir()
            .unwrap()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn sheets_are_numbered_and_never_overwritten() {
        let tmp = scratch();
        let dir = tmp.path().join("sheets");
        std::fs::create_dir(&dir).unwrap();
        let fallback = tmp.path().join("fallback");
        std::fs::write(dir.join("backchain-routine-2.md"), "kept").unwrap();
        let mut written = Vec::new();
        for n in 0..3 {
            let sheet =
                write_sheet(&dir, &fallback, "backchain-routine", &format!("sheet {n}")).unwrap();
            assert!(sheet.instead_of.is_none());
            written.push(sheet.path);
        }
        assert_eq!(
            written,
            [
                dir.join("backchain-routine.md"),
                dir.join("backchain-routine-3.md"),
                dir.join("backchain-routine-4.md")
            ]
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("backchain-routine-2.md")).unwrap(),
            "kept"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("backchain-routine-4.md")).unwrap(),
            "sheet 2"
        );
        assert_eq!(names(&dir).len(), 4, "no temporary files left");
        assert!(!fallback.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_sends_the_sheet_to_the_fallback_and_says_why() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = scratch();
        let locked = tmp.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let fallback = tmp.path().join("state/exports");
        let sheet = write_sheet(&locked, &fallback, "backchain-routine", "x").unwrap();
        // Restore the bits first, so the temporary folder can be removed even if an assert fails.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(sheet.path, fallback.join("backchain-routine.md"));
        assert!(matches!(sheet.instead_of, Some((ref p, Unusable::ReadOnly)) if *p == locked));
        assert_eq!(
            sheet.to_string(),
            format!(
                "Saved to {}/state/exports/backchain-routine.md ({}/locked is read-only)",
                tmp.path().display(),
                tmp.path().display()
            )
        );
        assert!(
            names(&locked).is_empty(),
            "nothing written there, even as root"
        );
    }

    #[test]
    fn a_missing_folder_or_a_file_is_not_created_or_written_through() {
        let tmp = scratch();
        let file = tmp.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let fallback = tmp.path().join("fallback");
        let under_file = write_sheet(&file.join("sub"), &fallback, "s", "x").unwrap();
        assert!(matches!(
            under_file.instead_of,
            Some((_, Unusable::NotAFolder))
        ));
        let at_file = write_sheet(&file, &fallback, "s", "x").unwrap();
        assert!(matches!(
            at_file.instead_of,
            Some((_, Unusable::NotAFolder))
        ));
        let missing = tmp.path().join("no/such");
        let sheet = write_sheet(&missing, &fallback, "s", "x").unwrap();
        assert!(matches!(sheet.instead_of, Some((_, Unusable::Missing))));
        assert!(
            sheet.to_string().ends_with("/no/such does not exist)"),
            "{sheet}"
        );
        assert!(!missing.exists());
        assert_eq!(names(&fallback), ["s-2.md", "s-3.md", "s.md"]);
    }

    #[test]
    fn when_neither_folder_can_take_it_both_reasons_are_given() {
        let tmp = scratch();
        let file = tmp.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let err =
            write_sheet(&tmp.path().join("gone"), &file.join("exports"), "s", "x").unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("could not save: ") && text.contains("/gone does not exist, and "),
            "{text}"
        );
        assert!(text.ends_with("/a-file/exports is not a folder"), "{text}");
        // The fallback is the folder that failed: one reason.
        let same =
            write_sheet(&tmp.path().join("gone"), &tmp.path().join("gone"), "s", "x").unwrap_err();
        assert!(same.fallback.is_none());
        assert!(same.to_string().ends_with("/gone does not exist"), "{same}");
    }

    #[test]
    fn a_full_folder_falls_back() {
        let tmp = scratch();
        let dir = tmp.path().join("full");
        std::fs::create_dir(&dir).unwrap();
        for n in 1..=MAX_NUMBER {
            std::fs::write(dir.join(file_name("s", n)), "").unwrap();
        }
        let sheet = write_sheet(&dir, &tmp.path().join("fb"), "s", "x").unwrap();
        assert!(matches!(sheet.instead_of, Some((_, Unusable::Full))));
        assert!(
            sheet.to_string().contains("already holds 999 sheets"),
            "{sheet}"
        );
    }

    #[test]
    fn names_quoted_when_they_hold_controls() {
        let written = Written {
            path: PathBuf::from("/x/\u{1b}[2Jy/s.md"),
            instead_of: None,
        };
        assert_eq!(written.to_string(), "Saved to \"/x/\\u001b[2Jy/s.md\"");
    }
}
