//! The person's files, handled with care: only regular files are read, and only up to a size cap; writes
//! go to a fresh temporary file beside the target and are renamed over it; temporary files that a killed
//! process left are swept; an advisory lock keeps two running apps from writing one file.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Largest file backchain reads: one content file, an answers file. Real ones are a few KiB.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Ends the name of every temporary file backchain writes, so a sweep removes only its own.
pub const TEMP_SUFFIX: &str = ".backchain-tmp";

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadFailure {
    Missing,
    /// A folder, FIFO, device or socket: reading it could block or never end.
    NotRegular(&'static str),
    TooLarge(u64),
    Io(io::Error),
}

impl fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadFailure::Missing => f.write_str("it does not exist"),
            ReadFailure::NotRegular(kind) => {
                write!(f, "it is a {kind}, not a regular file")
            }
            ReadFailure::TooLarge(size) => write!(
                f,
                "it is {}; backchain reads files of at most {}",
                size_words(*size),
                size_words(MAX_FILE_BYTES)
            ),
            ReadFailure::Io(e) => write!(f, "{e}"),
        }
    }
}

/// "8 MiB", "12.5 MiB", "300 bytes".
fn size_words(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b => format!("{b} bytes"),
    }
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    if kind.is_dir() {
        "folder"
    } else {
        "special file"
    }
}

/// The bytes of a regular file (symbolic links followed) of at most `max` bytes. A FIFO, a device, a
/// socket or a folder is refused before it is opened, and the file is opened without blocking, so
/// neither `/dev/zero` nor a pipe nobody writes to can hang or flood backchain.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadFailure> {
    let meta = std::fs::metadata(path).map_err(io_failure)?;
    if !meta.is_file() {
        return Err(ReadFailure::NotRegular(kind_of(&meta)));
    }
    if meta.len() > max {
        return Err(ReadFailure::TooLarge(meta.len()));
    }
    read_seen_regular(path, max)
}

/// [`read_regular`] for a file the caller has just `stat`ed and found a regular file of at most `max`
/// bytes (a store's walk does, for every file): not `stat`ed again before it is opened. It is still opened
/// without blocking and checked once open, so a file swapped for a pipe or a device since is refused, as
/// by [`read_regular`].
pub fn read_seen_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadFailure> {
    let io = io_failure;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Something swapped in between the check and the open must not block the open.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ReadFailure::NotRegular(kind_of(&meta)));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadFailure::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn io_failure(e: io::Error) -> ReadFailure {
    match e.kind() {
        io::ErrorKind::NotFound => ReadFailure::Missing,
        _ => ReadFailure::Io(e),
    }
}

/// A new, uniquely named temporary file beside `target` (`.answers.toml.Ab12Cd.backchain-tmp`), created
/// exclusively: a link planted under a predictable name cannot redirect the write.
fn temp_beside(target: &Path) -> io::Result<(tempfile::NamedTempFile, PathBuf)> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    Ok((tmp, dir))
}

fn write_then(
    target: &Path,
    contents: &[u8],
    place: impl FnOnce(tempfile::NamedTempFile) -> io::Result<()>,
) -> io::Result<()> {
    let (mut tmp, dir) = temp_beside(target)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is removed when `tmp` is dropped.
    place(tmp)?;
    // Make the rename itself durable; not every filesystem can sync a folder, and the data is safe anyway.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Replaces `target` atomically: a crash or a kill mid-write leaves the old file whole. A symbolic link
/// at `target` is replaced, not followed.
pub fn write_atomic(target: &Path, contents: &[u8]) -> io::Result<()> {
    write_then(target, contents, |tmp| {
        tmp.persist(target).map(drop).map_err(|e| e.error)
    })
}

/// Writes a new file at `target`, failing with `AlreadyExists` rather than replace anything there.
pub fn write_new(target: &Path, contents: &[u8]) -> io::Result<()> {
    write_then(target, contents, |tmp| {
        tmp.persist_noclobber(target).map(drop).map_err(|e| e.error)
    })
}

/// Removes temporary files of ours in `dir` whose target name starts with `name_prefix` and that are older
/// than `older_than`: `.answers.toml.Ab12Cd.backchain-tmp`, and `answers.toml.tmp-1234` as older versions
/// named them. Only regular files are touched. Returns how many were removed.
pub fn sweep_temp_files(dir: &Path, name_prefix: &str, older_than: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name
            .strip_prefix('.')
            .is_some_and(|n| n.starts_with(name_prefix) && n.ends_with(TEMP_SUFFIX))
            || name
                .strip_prefix(name_prefix)
                .and_then(|n| n.split_once(".tmp-"))
                .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if !ours {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if meta.is_file() && age >= older_than && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// An advisory lock on a file, held until dropped.
#[derive(Debug)]
pub enum Lock {
    /// Ours until dropped.
    Held(File),
    /// Another process holds it.
    Busy,
    /// The lock file could not be made or this filesystem cannot lock.
    Unavailable(io::Error),
}

/// Takes the lock file at `path` without waiting (creating it and its folder when needed).
pub fn lock(path: &Path) -> Lock {
    let open = || {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        options.open(path)
    };
    let file = match open() {
        Ok(file) => file,
        Err(e) => return Lock::Unavailable(e),
    };
    match file.try_lock() {
        Ok(()) => Lock::Held(file),
        Err(std::fs::TryLockError::WouldBlock) => Lock::Busy,
        Err(std::fs::TryLockError::Error(e)) => Lock::Unavailable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("backchain-files-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn only_regular_files_under_the_cap_are_read() {
        let dir = scratch("read");
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap(), b"x = 1\n");
        assert!(matches!(
            read_regular(&file, 3),
            Err(ReadFailure::TooLarge(6))
        ));
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadFailure::NotRegular("folder"))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none"), 100),
            Err(ReadFailure::Missing)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadFailure::NotRegular("device"))
        ));
    }

    #[test]
    fn a_file_seen_regular_is_still_checked_once_open() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read_seen_regular(&file, 100).unwrap(), b"x = 1\n");
        // Swapped for a folder or a device since it was seen: refused, not read.
        assert!(matches!(
            read_seen_regular(dir.path(), 100),
            Err(ReadFailure::NotRegular(_))
        ));
        assert!(matches!(
            read_seen_regular(Path::new("/dev/zero"), 100),
            Err(ReadFailure::NotRegular(_))
        ));
        assert!(matches!(
            read_seen_regular(&dir.path().join("gone"), 100),
            Err(ReadFailure::Missing)
        ));
    }
    #[test]
    fn writes_replace_atomically_and_new_files_never_clobber() {
        let dir = scratch("write");
        let target = dir.path().join("answers.toml");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let err = write_new(&target, b"three").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_replace_leaves_no_temporary_file() {
        let dir = scratch("fail");
        let target = dir.path().join("answers.toml");
        std::fs::create_dir_all(target.join("occupied")).unwrap();
        assert!(write_atomic(&target, b"x").is_err());
        assert!(target.join("occupied").is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_sweep_removes_only_our_stale_temporary_files() {
        let dir = scratch("sweep");
        let d = dir.path();
        for name in [
            ".answers.toml.a1B2c3.backchain-tmp",
            "answers.toml.tmp-4242",
            "answers.toml",
            "answers.toml.tmp-notapid",
            ".other.toml.a1B2c3.backchain-tmp",
        ] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        std::fs::create_dir(d.join(".answers.toml.dir.backchain-tmp")).unwrap();
        assert_eq!(
            sweep_temp_files(d, "answers.toml", Duration::from_secs(3600)),
            0
        );
        assert_eq!(sweep_temp_files(d, "answers.toml", Duration::ZERO), 2);
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".answers.toml.dir.backchain-tmp",
                ".other.toml.a1B2c3.backchain-tmp",
                "answers.toml",
                "answers.toml.tmp-notapid"
            ]
        );
    }

    #[test]
    fn a_second_lock_on_one_file_is_refused_until_the_first_is_dropped() {
        let dir = scratch("lock");
        let path = dir.path().join("state/answers.toml.lock");
        let first = lock(&path);
        assert!(matches!(first, Lock::Held(_)));
        assert!(matches!(lock(&path), Lock::Busy));
        drop(first);
        assert!(matches!(lock(&path), Lock::Held(_)));
    }
}
