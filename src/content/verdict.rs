//! The checker's verdict on a store, kept beside the store cache: a store read again with every file as it
//! was (same paths, sizes and mtimes, same layers, same backchain binary) has the same problems, so a
//! warm load need not check 100,000 exercises again to find none.
//!
//! The verdict is keyed by a digest of all of that. It is kept only for a store read without a problem
//! before the checker (a file that could not be read or parsed is read afresh each time, and what made it
//! fail, such as permissions, has no mtime), and only when every file was changed long enough before it
//! was read that a later change gets another mtime (as for the cache, see [`Stamp::settled`]). Like the
//! cache, the file is never trusted: anything off about it counts as no verdict, and the store is checked.

use super::cache::{self, Stamp};
use super::source::{Problem, SourceFile};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How a verdict file's name begins (`verdict-<layers and binary>.bin`).
pub const PREFIX: &str = "verdict-";

/// The largest verdict file read.
const MAX_BYTES: u64 = 256 << 20;

/// Where a store's verdict is kept, and the digest of the store read that it must match.
#[derive(Debug)]
pub struct Verdict {
    file: PathBuf,
    root: Vec<u8>,
    digest: u64,
}

impl Verdict {
    /// The verdict for a store read, or `None` when one may not be kept for it: `place` is the cache
    /// folder and the top folder layer, `layers` the layers' names, `files` every file read.
    pub fn for_store(
        place: (&Path, &[u8]),
        layers: &[String],
        files: &[SourceFile],
        read_at: SystemTime,
    ) -> Option<Verdict> {
        let exe = std::env::current_exe().ok()?;
        Verdict::for_store_by(&exe, place, layers, files, read_at)
    }

    /// [`Verdict::for_store`] by the binary at `exe`. Each binary keeps its own verdict file (its path is
    /// in the file's name): a release and a debug build reading one store each keep theirs, where they
    /// replaced each other's and so checked afresh on every alternate run. A binary rebuilt in place
    /// replaces its own.
    fn for_store_by(
        exe: &Path,
        (cache_dir, root): (&Path, &[u8]),
        layers: &[String],
        files: &[SourceFile],
        read_at: SystemTime,
    ) -> Option<Verdict> {
        let built = std::fs::metadata(exe).ok()?;
        let built = Stamp::of(&built)?;
        // Fixed keys: the same input gives the same digest in every process of this binary.
        let mut digest = std::hash::DefaultHasher::new();
        (
            env!("CARGO_PKG_VERSION"),
            &exe,
            built.size,
            built.secs,
            built.nanos,
        )
            .hash(&mut digest);
        layers.hash(&mut digest);
        files.len().hash(&mut digest);
        // Each file hashed on its own, on every core (a 100k store's are most of the work), and the
        // digests in order into the whole.
        let each = crate::par::map(files, |file| {
            let mut digest = std::hash::DefaultHasher::new();
            (file.layer, &file.relative).hash(&mut digest);
            match &file.disk {
                // The built-in store is part of the binary.
                None => 0u8.hash(&mut digest),
                Some((_, stamp)) => {
                    let stamp = stamp.filter(|s| s.settled(read_at))?;
                    (1u8, stamp.size, stamp.secs, stamp.nanos).hash(&mut digest);
                }
            }
            Some(digest.finish())
        });
        for file in each {
            file?.hash(&mut digest);
        }
        let mut named = std::hash::DefaultHasher::new();
        (layers, exe).hash(&mut named);
        Some(Verdict {
            file: cache_dir.join(format!("{PREFIX}{:016x}.bin", named.finish())),
            root: root.to_vec(),
            digest: digest.finish(),
        })
    }

    /// The problems the checker found in this very store, when a verdict for it was kept intact.
    pub fn kept(&self) -> Option<Vec<Problem>> {
        let file = std::fs::File::open(&self.file).ok()?;
        let header = cache::read_header(&file).filter(|h| h.is_ours(&self.root))?;
        let total = file.metadata().ok()?.len();
        // Far more than the problems of any store the checker could find: not a verdict we wrote.
        if total > MAX_BYTES {
            return None;
        }
        let body = cache::read_at(
            &file,
            header.len,
            usize::try_from(total.checked_sub(header.len)?).ok()?,
        );
        let body = body.ok()?;
        let (body, sum) = body.split_at_checked(body.len().checked_sub(8)?)?;
        if cache::checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        let mut r = Body { bytes: body };
        if r.u64()? != self.digest {
            return None;
        }
        let count = r.u64()?;
        let mut problems = Vec::new();
        for _ in 0..count {
            problems.push(Problem {
                path: r.text()?,
                line: usize::try_from(r.u64()?).ok()?,
                col: usize::try_from(r.u64()?).ok()?,
                message: r.text()?,
            });
        }
        r.bytes.is_empty().then_some(problems)
    }

    /// Keeps the checker's problems for the next read of the same store (written whole, then renamed
    /// into place, so a reader never sees half a verdict).
    pub fn keep(&self, problems: &[Problem]) -> std::io::Result<()> {
        let mut body = Vec::new();
        body.extend_from_slice(&self.digest.to_le_bytes());
        body.extend_from_slice(&(problems.len() as u64).to_le_bytes());
        for p in problems {
            let text = |body: &mut Vec<u8>, s: &str| {
                body.extend_from_slice(&(s.len() as u64).to_le_bytes());
                body.extend_from_slice(s.as_bytes());
            };
            text(&mut body, &p.path);
            body.extend_from_slice(&(p.line as u64).to_le_bytes());
            body.extend_from_slice(&(p.col as u64).to_le_bytes());
            text(&mut body, &p.message);
        }
        let sum = cache::checksum(&body);
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut out = tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(".partial")
            .tempfile_in(dir)?;
        out.write_all(&cache::header(&self.root)?)?;
        out.write_all(&body)?;
        out.write_all(&sum.to_le_bytes())?;
        out.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A verdict's body being read: each number eight bytes, each text its length then its bytes.
struct Body<'a> {
    bytes: &'a [u8],
}

impl Body<'_> {
    fn u64(&mut self) -> Option<u64> {
        let (n, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(u64::from_le_bytes(*n))
    }

    fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.u64()?).ok()?;
        let (text, rest) = self.bytes.split_at_checked(len)?;
        self.bytes = rest;
        String::from_utf8(text.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("backchain-verdict-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn problems() -> Vec<Problem> {
        vec![
            Problem {
                path: String::from("/store/exercises/a.toml"),
                line: 3,
                col: 12,
                message: String::from("unknown chain \"nó\""),
            },
            Problem {
                path: String::from("/store/chains.toml"),
                line: 1,
                col: 1,
                message: String::new(),
            },
        ]
    }

    /// One file on disk, changed at `when`.
    fn file(size: u64, when: SystemTime) -> SourceFile {
        let since = when.duration_since(SystemTime::UNIX_EPOCH).unwrap();
        let mut file = SourceFile::new(
            String::from("exercises/a.toml"),
            String::new(),
            String::new(),
        );
        let stamp = Stamp {
            size,
            secs: since.as_secs() as i64,
            nanos: since.subsec_nanos(),
        };
        file.disk = Some((PathBuf::from("/store/exercises/a.toml"), Some(stamp)));
        file
    }

    fn verdict(dir: &Path, files: &[SourceFile], now: SystemTime) -> Option<Verdict> {
        Verdict::for_store((dir, b"/store"), &[String::from("/store")], files, now)
    }

    #[test]
    fn a_kept_verdict_reads_back_only_for_the_same_store() {
        let dir = scratch("same");
        let now = SystemTime::now();
        let hour_ago = now - Duration::from_secs(3600);
        let first = verdict(&dir, &[file(10, hour_ago)], now).unwrap();
        assert_eq!(first.kept(), None, "nothing kept yet");
        first.keep(&problems()).unwrap();
        assert_eq!(first.kept(), Some(problems()));
        let same = verdict(&dir, &[file(10, hour_ago)], now).unwrap();
        assert_eq!(same.kept(), Some(problems()));
        // Another size, another mtime, another file: the same verdict file, another store.
        for files in [
            vec![file(11, hour_ago)],
            vec![file(10, hour_ago - Duration::from_secs(1))],
            vec![file(10, hour_ago), file(10, hour_ago)],
        ] {
            let other = verdict(&dir, &files, now).unwrap();
            assert_eq!(other.file, first.file);
            assert_eq!(other.kept(), None);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn two_binaries_keep_their_own_verdicts_of_one_store() {
        let dir = scratch("builds");
        std::fs::create_dir_all(&dir).unwrap();
        let (release, debug) = (dir.join("release"), dir.join("debug"));
        std::fs::write(&release, "a build").unwrap();
        std::fs::write(&debug, "another build").unwrap();
        let now = SystemTime::now();
        let files = [file(10, now - Duration::from_secs(3600))];
        let by = |exe: &Path| {
            Verdict::for_store_by(
                exe,
                (&dir, b"/store"),
                &[String::from("/store")],
                &files,
                now,
            )
            .unwrap()
        };
        by(&release).keep(&problems()).unwrap();
        by(&debug).keep(&[]).unwrap();
        assert_eq!(
            by(&release).kept(),
            Some(problems()),
            "the debug build's kept its own"
        );
        assert_eq!(by(&debug).kept(), Some(Vec::new()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn no_verdict_while_a_file_is_new_or_without_a_stamp() {
        let dir = scratch("new");
        let now = SystemTime::now();
        assert!(verdict(&dir, &[file(10, now)], now).is_none());
        let mut unstamped = file(10, now - Duration::from_secs(60));
        unstamped.disk = Some((PathBuf::from("/store/a.toml"), None));
        assert!(verdict(&dir, &[unstamped], now).is_none());
        // The built-in store is part of the binary: no stamp needed.
        let built_in = SourceFile::new(String::from("chains.toml"), String::new(), String::new());
        assert!(verdict(&dir, &[built_in], now).is_some());
    }

    #[test]
    fn a_verdict_cut_short_or_damaged_is_none_never_a_panic() {
        let dir = scratch("damaged");
        let now = SystemTime::now();
        let files = [file(10, now - Duration::from_secs(3600))];
        let v = verdict(&dir, &files, now).unwrap();
        v.keep(&problems()).unwrap();
        let whole = std::fs::read(&v.file).unwrap();
        for end in 0..whole.len() {
            std::fs::write(&v.file, &whole[..end]).unwrap();
            assert_eq!(v.kept(), None, "cut at {end}");
        }
        for at in 0..whole.len() {
            let mut bytes = whole.clone();
            bytes[at] ^= 0x21;
            std::fs::write(&v.file, &bytes).unwrap();
            assert_eq!(v.kept(), None, "byte {at} changed");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
