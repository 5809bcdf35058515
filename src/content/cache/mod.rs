//! The on-disk cache of a folder store: each file as parsed (an exercise's record, any other file's TOML
//! tree), kept while its size and mtime stay.
//!
//! An exercise file (nearly all of a large store) is cached as its record, every text and number with
//! its byte span, written and read by [`exercise`] without serde; the header carries that codec's
//! fingerprint, so a build whose exercise types differ reads no cache written by another. Any other file
//! is cached as its TOML tree (values and their byte spans), made into records by the same serde code that
//! makes them from a parsed file. Only files that parsed without a problem are cached; the rest are
//! parsed each time, so their problems are found as they always are.
//!
//! A cache file holds a header (magic, format, version, the store folder), then the trees, then the index
//! (each file's path, size, mtime, and where its tree is, with its checksum), then the index's length and
//! checksum: trees are written as files are parsed, and the index once all are, so a cold load holds no
//! tree longer than it takes to write it. Until then the file is `store-*.partial`, renamed into place
//! when complete.
//!
//! The file is never trusted: a wrong magic, format, version, store folder or length, or a payload whose
//! checksum does not match, makes the whole file (or that entry) count as missing; it is then rewritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub mod exercise;
mod tree;
use tree::Reader;
pub use tree::{DecodeError, Document, encode};

/// Set to anything but `0` or empty to read and write no cache.
pub const NO_CACHE_ENV: &str = "BACKCHAIN_NO_CACHE";

/// Bumped whenever the layout below changes.
const FORMAT: u32 = 5;
const MAGIC: &[u8; 16] = b"backchain-cache\n";

/// A file changed less than this long before it was read is not cached: a change within the same
/// mtime tick (coarse on some file systems) could otherwise leave the cache holding the old text.
const SETTLE: Duration = Duration::from_secs(2);

/// Is the cache turned off by [`NO_CACHE_ENV`]?
pub fn disabled_by_env() -> bool {
    std::env::var_os(NO_CACHE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// A file's size and modification time: what the cache keeps of it is used only while both are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub secs: i64,
    pub nanos: u32,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            secs: i64::try_from(since.as_secs()).ok()?,
            nanos: since.subsec_nanos(),
        })
    }

    /// Changed long enough before `now` that a later change gets another mtime.
    pub(super) fn settled(&self, now: SystemTime) -> bool {
        let Ok(secs) = u64::try_from(self.secs) else {
            return false;
        };
        let modified = UNIX_EPOCH + Duration::new(secs, self.nanos);
        now.duration_since(modified).is_ok_and(|age| age >= SETTLE)
    }
}

/// The cache file of one store folder, as read: which files it holds, unchanged or not. Only its index is
/// read when it is opened; each file's tree is read when that file is parsed, so a large store's cache is
/// never in memory whole.
#[derive(Debug, Default)]
pub struct LayerCache {
    /// Where the cache file is (or would be).
    file: PathBuf,
    /// The folder it caches, as written in its header.
    root: Vec<u8>,
    /// The cache file, open to read trees from.
    handle: Option<std::fs::File>,
    entries: Entries,
    /// How many files the cache held, kept after [`LayerCache::let_go_of_index`].
    held: usize,
    /// The file was missing or unusable: write it afresh even if nothing changed.
    rewrite: bool,
    /// The new cache file, once a tree changed; the error that stopped it, if one did.
    spool: std::sync::Mutex<Option<std::io::Result<Spool>>>,
}

/// Each cached file's stamp and entry by its path in the store, hashed a word at a time (a 100k store's
/// index is 100,000 paths to hash when it is read and again when the files are looked up).
type Entries = crate::text::intern::WordMap<String, (Stamp, Entry)>;

/// Where one file's tree is in the cache file, and its checksum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    at: u64,
    len: u32,
    sum: u64,
}

/// The cache file for a store folder: its name holds the folder's full path hashed, so each folder has
/// its own.
pub fn file_for(cache_dir: &Path, root: &Path) -> (PathBuf, Vec<u8>) {
    let full = std::fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf());
    let key = full.as_os_str().as_encoded_bytes().to_vec();
    let hash = checksum(&key);
    (cache_dir.join(format!("store-{hash:016x}.bin")), key)
}

impl LayerCache {
    /// Reads the index of the cache for a store folder; anything wrong with it gives an empty cache.
    pub fn open(cache_dir: &Path, root: &Path) -> LayerCache {
        let (file, key) = file_for(cache_dir, root);
        let mut cache = LayerCache {
            file,
            root: key,
            ..LayerCache::default()
        };
        let opened = std::fs::File::open(&cache.file)
            .ok()
            .and_then(|handle| Some((read_index(&handle, &cache.root)?, handle)));
        match opened {
            Some((entries, handle)) => {
                cache.held = entries.len();
                cache.entries = entries;
                cache.handle = Some(handle);
            }
            None => cache.rewrite = true,
        }
        cache
    }

    /// The cache folder this cache file is in, and the store folder it caches (as its header names it).
    pub(super) fn place(&self) -> (&Path, &[u8]) {
        (self.file.parent().unwrap_or(Path::new(".")), &self.root)
    }

    /// Where the cache holds a file's tree, when it holds it at this size and mtime.
    pub fn hit(&self, relative: &str, stamp: Stamp) -> Option<Entry> {
        let (cached, entry) = self.entries.get(relative)?;
        (*cached == stamp).then(|| entry.clone())
    }

    /// Deletes the cache file, sound or damaged, if there is one: its folder is no longer cached (it
    /// shrank below [`MIN_FILES`]). A reader that has it open reads on.
    pub fn delete(self) {
        let _ = std::fs::remove_file(&self.file);
    }

    /// Lets go of the index once every file has been looked up in it (a large store's is tens of MB).
    pub fn let_go_of_index(&mut self) {
        self.entries = Entries::default();
    }

    /// The tree of an entry [`LayerCache::hit`] gave, when it reads back intact (a copy, for tests).
    #[cfg(test)]
    pub fn tree(&self, entry: &Entry) -> Option<Vec<u8>> {
        self.with_tree(entry, |tree| Some(tree.to_vec()))
    }

    /// `read` given the tree of an entry [`LayerCache::hit`] gave, when it reads back intact. The tree
    /// is read into a buffer each thread keeps: a 100k store's trees are not each allocated and zeroed.
    pub fn with_tree<R>(&self, entry: &Entry, read: impl FnOnce(&[u8]) -> Option<R>) -> Option<R> {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let handle = self.handle.as_ref()?;
        let len = entry.len as usize;
        // Taken out while `read` runs, so a `read` that reads another tree gets a buffer of its own.
        let mut buffer = BUFFER.with(|b| b.take());
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        let tree = &mut buffer[..len];
        let out = (read_exact_at(handle, tree, entry.at).is_ok() && checksum(tree) == entry.sum)
            .then(|| read(tree))
            .flatten();
        BUFFER.with(|b| b.replace(buffer));
        out
    }

    /// Keeps a file's newly encoded tree for the next cache: written at once to the new cache file (begun
    /// on the first tree), so a cold load does not hold every tree until the end. `Payload::None` when
    /// the file changed too recently to be cached (see [`SETTLE`]) or the new file cannot be written
    /// ([`LayerCache::update`] then says why).
    pub fn keep_new(&self, tree: &[u8], stamp: Option<Stamp>, now: SystemTime) -> Payload {
        if !stamp.is_some_and(|stamp| stamp.settled(now)) {
            return Payload::None;
        }
        let mut spool = self.spool.lock().unwrap_or_else(|e| e.into_inner());
        let appended = match spool.get_or_insert_with(|| Spool::begin(&self.file, &self.root)) {
            Ok(writing) => writing.append(tree),
            Err(_) => return Payload::None,
        };
        match appended {
            Ok(entry) => Payload::New(entry),
            Err(e) => {
                *spool = Some(Err(e));
                Payload::None
            }
        }
    }

    /// Writes the cache afresh when the store read differs from what it holds: `files` are every file
    /// read, with its stamp and either its entry in this cache or its tree kept by
    /// [`LayerCache::keep_new`]. The new file is renamed over the old one only once complete.
    pub fn update(&self, files: &[(&str, Option<Stamp>, &Payload)]) -> Result<(), String> {
        let keep: Vec<(&str, Stamp, &Payload)> = files
            .iter()
            .filter_map(|(relative, stamp, payload)| {
                let stamp = (*stamp)?;
                (!matches!(payload, Payload::None)).then_some((*relative, stamp, *payload))
            })
            .collect();
        // Entries kept as they were are hits; any other one, or one fewer, means a change.
        let fresh = keep
            .iter()
            .any(|(_, _, payload)| matches!(payload, Payload::New(_)));
        let unchanged = !self.rewrite && !fresh && keep.len() == self.held;
        let spool = self.spool.lock().unwrap_or_else(|e| e.into_inner()).take();
        // A tree that could not be kept is a change the cache misses, whatever else stayed the same.
        let failed = matches!(spool, Some(Err(_)));
        let nothing = keep.is_empty() && self.held == 0 && !self.file.exists();
        if !failed && (unchanged || nothing) {
            return Ok(());
        }
        let spool = spool.unwrap_or_else(|| Spool::begin(&self.file, &self.root));
        spool
            .and_then(|spool| spool.finish(&self.file, self.handle.as_ref(), &keep))
            .map_err(|e| {
                format!(
                    "note: cannot write the store cache {}: {e}",
                    crate::text::path(&self.file)
                )
            })
    }
}

/// A folder of fewer files than this is read without a cache (by the app and the commands): it loads
/// in well under a tenth of a second either way (the built-in store is ~60 files), and a cache file for
/// every small folder read (a test's, a download's) would only pile up in the cache folder.
pub const MIN_FILES: usize = 1_000;

/// How a cache file being written is named until it is complete.
const PARTIAL: &str = ".partial";

/// A cache file being written is this old at most while its writer lives (it is written to all the
/// while, and a cold 100k load takes seconds); an older one was left by a process that ended mid-load.
const ABANDONED: Duration = Duration::from_secs(600);

/// Deletes what no load will use again, each of which may be hundreds of MB: cache files left half
/// written by processes that ended while loading (the app quit during a cold load of a large store, say),
/// and the caches (and kept verdicts, see `verdict.rs`) of folders that are gone.
pub(super) fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = |n: &&str| n.starts_with("store-") || n.starts_with(super::verdict::PREFIX);
        let Some(name) = name.to_str().filter(ours) else {
            continue;
        };
        let gone = if name.ends_with(PARTIAL) {
            (entry.metadata().ok())
                .and_then(|m| m.modified().ok())
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age > ABANDONED)
        } else {
            name.ends_with(".bin")
                && folder_named_in(&entry.path()).is_some_and(|folder| !folder.exists())
        };
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The store folder a cache file's header names (`None` when it is not a cache file).
fn folder_named_in(file: &Path) -> Option<PathBuf> {
    let root = read_header(&std::fs::File::open(file).ok()?)?.root;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(&root)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(root).ok().map(PathBuf::from)
    }
}

/// A cache file's header: its format, the version of backchain that wrote it, the store folder it
/// caches, and its length in bytes (the trees start there).
pub(super) struct Header {
    pub(super) format: u32,
    pub(super) version: Vec<u8>,
    pub(super) root: Vec<u8>,
    pub(super) len: u64,
}

impl Header {
    /// Written by this format and version of backchain, for the store folder `root`: anything else is
    /// read as no file at all.
    pub(super) fn is_ours(&self, root: &[u8]) -> bool {
        self.format == FORMAT && self.version == version().as_bytes() && self.root == root
    }
}

/// The version of backchain, and the fingerprint of the exercise codec's layout
/// ([`exercise::fingerprint`]): a cache written by another build of the same version whose exercise
/// types differ is not read.
fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} {:016x}",
            env!("CARGO_PKG_VERSION"),
            exercise::fingerprint()
        )
    })
}

/// The header at the start of `file`; `None` when it is not a cache file's (another magic, or a field
/// longer than any folder's path).
pub(super) fn read_header(file: &std::fs::File) -> Option<Header> {
    use std::io::Read;
    let mut input = std::io::BufReader::with_capacity(256, file);
    let mut take = |n: usize| -> Option<Vec<u8>> {
        let mut buf = vec![0; n];
        input.read_exact(&mut buf).ok()?;
        Some(buf)
    };
    let head = take(MAGIC.len() + 4)?;
    if head[..MAGIC.len()] != MAGIC[..] {
        return None;
    }
    let format = u32::from_le_bytes(head[MAGIC.len()..].try_into().ok()?);
    let mut field = || {
        let len = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        (len <= 1 << 16).then_some(())?;
        take(len)
    };
    let version = field()?;
    let root = field()?;
    let len = (head.len() + 8 + version.len() + root.len()) as u64;
    Some(Header {
        format,
        version,
        root,
        len,
    })
}

/// The header of a file in the cache folder (a store's cache or a kept verdict): magic, format, the
/// version of backchain writing it, and the store folder it is for.
pub(super) fn header(root: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut header = Vec::new();
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    for field in [version().as_bytes(), root] {
        header.extend_from_slice(&len32(field.len())?.to_le_bytes());
        header.extend_from_slice(field);
    }
    Ok(header)
}

/// A new cache file being written beside the old one: its header, then trees as they come, then (once
/// every file is read) the trees kept from the old file, the index and the trailer.
#[derive(Debug)]
struct Spool {
    out: std::io::BufWriter<tempfile::NamedTempFile>,
    at: u64,
}

impl Spool {
    fn begin(file: &Path, root: &[u8]) -> std::io::Result<Spool> {
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        sweep(dir);
        let partial = tempfile::Builder::new()
            .prefix("store-")
            .suffix(PARTIAL)
            .tempfile_in(dir)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, partial);
        let header = header(root)?;
        out.write_all(&header)?;
        Ok(Spool {
            out,
            at: header.len() as u64,
        })
    }

    fn append(&mut self, tree: &[u8]) -> std::io::Result<Entry> {
        let entry = Entry {
            at: self.at,
            len: len32(tree.len())?,
            sum: checksum(tree),
        };
        self.out.write_all(tree)?;
        self.at += tree.len() as u64;
        Ok(entry)
    }

    /// Copies in the trees kept from the old cache file (`old`), writes the index and the trailer (the
    /// index's length and checksum), and puts the file in place of `file`.
    fn finish(
        mut self,
        file: &Path,
        old: Option<&std::fs::File>,
        keep: &[(&str, Stamp, &Payload)],
    ) -> std::io::Result<()> {
        let mut index = Vec::with_capacity(keep.len() * 72);
        index.extend_from_slice(&len32(keep.len())?.to_le_bytes());
        for (relative, stamp, payload) in keep {
            let entry = match payload {
                Payload::New(entry) => entry.clone(),
                Payload::Cached(entry) => {
                    let old = old.ok_or_else(|| std::io::Error::other("the old cache is gone"))?;
                    let copied = self.append(&read_at(old, entry.at, entry.len as usize)?)?;
                    if copied.sum != entry.sum {
                        return Err(std::io::Error::other("the old cache changed while read"));
                    }
                    copied
                }
                Payload::None => continue,
            };
            index.extend_from_slice(&len32(relative.len())?.to_le_bytes());
            index.extend_from_slice(relative.as_bytes());
            index.extend_from_slice(&stamp.size.to_le_bytes());
            index.extend_from_slice(&stamp.secs.to_le_bytes());
            index.extend_from_slice(&stamp.nanos.to_le_bytes());
            index.extend_from_slice(&entry.at.to_le_bytes());
            index.extend_from_slice(&entry.len.to_le_bytes());
            index.extend_from_slice(&entry.sum.to_le_bytes());
        }
        self.out.write_all(&index)?;
        self.out.write_all(&(index.len() as u64).to_le_bytes())?;
        self.out.write_all(&checksum(&index).to_le_bytes())?;
        let out = self.out.into_inner().map_err(|e| e.into_error())?;
        out.persist(file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// `len` bytes of a file from `at`, without moving a shared cursor (so threads can read side by side).
pub(super) fn read_at(file: &std::fs::File, at: u64, len: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0; len];
    read_exact_at(file, &mut buf, at)?;
    Ok(buf)
}

/// Fills `buf` from the file at `at`, without moving a shared cursor.
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)?;
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            match std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                at + done as u64,
            )? {
                0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                n => done += n,
            }
        }
    }
    Ok(())
}

/// Where a file's tree for the next cache comes from.
#[derive(Debug)]
pub enum Payload {
    /// Unchanged: the entry in the cache read.
    Cached(Entry),
    /// Parsed now, and already in the new cache file.
    New(Entry),
    /// Not cacheable (it has problems, or a value the cache does not hold).
    None,
}

fn len32(n: usize) -> std::io::Result<u32> {
    u32::try_from(n).map_err(|_| std::io::Error::other("too large for the cache"))
}

/// A fast 64-bit checksum, to notice a damaged entry (not an adversary).
pub(super) fn checksum(bytes: &[u8]) -> u64 {
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    let mut h = 0x243F_6A88_85A3_08D3 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(h, u64::from_le_bytes(last))
}

/// The entries of a cache file, or `None` when anything about it is off: magic, format, version,
/// folder, index checksum, or an entry outside the trees' part of the file.
fn read_index(file: &std::fs::File, root: &[u8]) -> Option<Entries> {
    let total = file.metadata().ok()?.len();
    let header = read_header(file).filter(|h| h.is_ours(root))?;
    let trees_from = header.len;
    let word = |b: &[u8]| -> Option<u64> {
        let mut w = [0u8; 8];
        w.get_mut(..b.len())?.copy_from_slice(b);
        Some(u64::from_le_bytes(w))
    };
    // The trailer: the index's length and checksum, the last 16 bytes.
    let trailer = read_at(file, total.checked_sub(16)?, 16).ok()?;
    let index_len = word(&trailer[..8])?;
    let trees_to = (total - 16).checked_sub(index_len)?;
    if trees_to < trees_from {
        return None;
    }
    let index = read_at(file, trees_to, usize::try_from(index_len).ok()?).ok()?;
    if word(&trailer[8..])? != checksum(&index) {
        return None;
    }
    let mut r = Reader { buf: &index, at: 0 };
    let count = r.u32().ok()? as usize;
    let mut entries =
        Entries::with_capacity_and_hasher(count.min(index.len() / 40), Default::default());
    for _ in 0..count {
        let relative = std::str::from_utf8(r.bytes().ok()?).ok()?.to_owned();
        let stamp = Stamp {
            size: r.u64().ok()?,
            secs: r.u64().ok()? as i64,
            nanos: r.u32().ok()?,
        };
        let entry = Entry {
            at: r.u64().ok()?,
            len: r.u32().ok()?,
            sum: r.u64().ok()?,
        };
        if entry.at < trees_from || entry.at.checked_add(u64::from(entry.len))? > trees_to {
            return None;
        }
        entries.insert(relative, (stamp, entry));
    }
    (r.at == index.len()).then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::tree::TABLE;
    use super::*;

    /// Exercises are cached as records in this build's layout: a cache whose header names another
    /// layout (the same version of backchain built with other exercise types) is not read.
    #[test]
    fn a_cache_written_with_another_exercise_layout_is_not_read() {
        let ours = Header {
            format: FORMAT,
            version: version().as_bytes().to_vec(),
            root: b"/store".to_vec(),
            len: 0,
        };
        assert!(ours.is_ours(b"/store"));
        let fingerprint = format!("{:016x}", exercise::fingerprint());
        assert!(version().ends_with(&fingerprint));
        let other = format!("{:016x}", exercise::fingerprint() ^ 1);
        let theirs = Header {
            version: version().replace(&fingerprint, &other).into_bytes(),
            ..ours
        };
        assert!(!theirs.is_ours(b"/store"));
    }

    #[test]
    fn a_cache_file_is_read_only_when_everything_about_it_fits() {
        let scratch = tempfile::Builder::new()
            .prefix("backchain-cache-unit-")
            .tempdir()
            .unwrap();
        let dir = scratch.path();
        let root = dir.join("store");
        std::fs::create_dir_all(&root).unwrap();
        let cache = LayerCache::open(dir, &root);
        assert!(cache.rewrite && cache.entries.is_empty());
        let stamp = Stamp {
            size: 3,
            secs: 1_000_000,
            nanos: 5,
        };
        // Changed in 1970: long settled.
        let now = SystemTime::now();
        let tree = cache.keep_new(&[TABLE, 0, 0, 0], Some(stamp), now);
        assert!(matches!(tree, Payload::New(_)));
        cache.update(&[("a.toml", Some(stamp), &tree)]).unwrap();
        let cache = LayerCache::open(dir, &root);
        let hit = cache.hit("a.toml", stamp).unwrap();
        assert_eq!(cache.tree(&hit).unwrap(), vec![TABLE, 0, 0, 0]);
        let newer = Stamp { nanos: 6, ..stamp };
        assert!(cache.hit("a.toml", newer).is_none());
        assert!(cache.hit("b.toml", stamp).is_none());
        let (file, _) = file_for(dir, &root);
        let good = std::fs::read(&file).unwrap();
        let index_of = |bytes: &[u8], root: &[u8]| {
            let damaged = dir.join("damaged.bin");
            std::fs::write(&damaged, bytes).unwrap();
            read_index(&std::fs::File::open(&damaged).unwrap(), root)
        };
        // Another folder with the same cache file name (a hash collision) is not this one's cache.
        assert!(index_of(&good, b"/elsewhere").is_none());
        assert!(index_of(&good, &cache.root).is_some());
        // Every shorter or longer file is refused, and so is any byte changed outside the tree.
        for end in 0..good.len() {
            assert!(index_of(&good[..end], &cache.root).is_none(), "{end}");
        }
        assert!(index_of(&[&good[..], b"x"].concat(), &cache.root).is_none());
        let tree_at = hit.at as usize..hit.at as usize + 4;
        for at in (0..good.len()).filter(|at| !tree_at.contains(at)) {
            let mut damaged = good.clone();
            damaged[at] ^= 0x10;
            assert!(index_of(&damaged, &cache.root).is_none(), "{at}");
        }
        // A damaged tree is caught by its checksum.
        let mut damaged = good.clone();
        damaged[tree_at.end - 1] ^= 0x10;
        std::fs::write(&file, &damaged).unwrap();
        let cache = LayerCache::open(dir, &root);
        assert!(cache.tree(&cache.hit("a.toml", stamp).unwrap()).is_none());
        // A file changed a moment ago is not kept, and a cache that gains nothing is not written.
        let recent = Stamp::of(&std::fs::metadata(&root).unwrap()).unwrap();
        let tree = cache.keep_new(&[TABLE, 0, 0, 0], Some(recent), SystemTime::now());
        assert!(matches!(tree, Payload::None));
        cache.update(&[("b.toml", Some(recent), &tree)]).unwrap();
        let cache = LayerCache::open(dir, &root);
        assert!(cache.entries.is_empty() && !cache.rewrite);
    }
}
