//! The on-disk cache of a folder store: each file's parsed TOML tree, kept while its size and mtime stay.
//!
//! What is cached is the TOML tree (values and their byte spans), not the records: records are made from
//! it by the same serde code that makes them from a parsed file, so a cached store is the store the files
//! give, whatever the record types look like in this build. Only files that parsed without a problem are
//! cached; the rest are parsed each time, so their problems are found as they always are.
//!
//! A cache file holds a header (magic, format, version, the store folder), then the trees, then the index
//! (each file's path, size, mtime, and where its tree is, with its checksum), then the index's length and
//! checksum: trees are written as files are parsed, and the index once all are, so a cold load holds no
//! tree longer than it takes to write it. Until then the file is `store-*.partial`, renamed into place
//! when complete.
//!
//! The file is never trusted: a wrong magic, format, version, store folder or length, or a payload whose
//! checksum does not match, makes the whole file (or that entry) count as missing; it is then rewritten.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use toml::de::{DeTable, DeValue};

/// Set to anything but `0` or empty to read and write no cache.
pub const NO_CACHE_ENV: &str = "BACKCHAIN_NO_CACHE";

/// Bumped whenever the layout below changes.
const FORMAT: u32 = 4;
const MAGIC: &[u8; 16] = b"backchain-cache\n";

/// A file changed less than this long before it was read is not cached: a change within the same
/// mtime tick (coarse on some file systems) could otherwise leave the cache holding the old text.
const SETTLE: Duration = Duration::from_secs(2);

/// Is the cache turned off by [`NO_CACHE_ENV`]?
pub fn disabled_by_env() -> bool {
    std::env::var_os(NO_CACHE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// A file's size and modification time: its cached tree is used only while both are the same.
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

    /// The tree of an entry [`LayerCache::hit`] gave, when it reads back intact.
    pub fn tree(&self, entry: &Entry) -> Option<Vec<u8>> {
        let bytes = read_at(self.handle.as_ref()?, entry.at, entry.len as usize).ok()?;
        (checksum(&bytes) == entry.sum).then_some(bytes)
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
        self.format == FORMAT
            && self.version == env!("CARGO_PKG_VERSION").as_bytes()
            && self.root == root
    }
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
    for field in [env!("CARGO_PKG_VERSION").as_bytes(), root] {
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
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut buf, at)?;
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < len {
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
    Ok(buf)
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

// The tree: each value is a tag, its span (start, then length) and its content; numbers other than floats
// are LEB128 varints. Tables hold their keys, each with its span: a key in [`KEYS`] as its place there, any
// other as its text.
const STR: u8 = 1;
const INT: u8 = 2;
const FLOAT: u8 = 3;
const BOOL: u8 = 4;
const ARRAY: u8 = 5;
const TABLE: u8 = 6;

/// Keys the store's files use, written as one byte. Changing this list changes the format: bump [`FORMAT`].
const KEYS: [&str; 84] = [
    "id",
    "name",
    "aliases",
    "summary",
    "regions",
    "muscles",
    "equipment",
    "position",
    "phase",
    "steps",
    "cues",
    "cautions",
    "chains",
    "articles",
    "requires",
    "dosage",
    "sets",
    "reps",
    "breaths",
    "seconds",
    "hold_seconds",
    "per_side",
    "rest_seconds",
    "provenance",
    "idea",
    "dose",
    "note",
    "ladder",
    "move_up",
    "move_down",
    "easier",
    "harder",
    "change",
    "exercise",
    "level",
    "source",
    "licence",
    "url",
    "import",
    "figure",
    "steady",
    "props",
    "labels",
    "keyframe",
    "kind",
    "x",
    "at",
    "text",
    "trunk",
    "pelvis",
    "neck",
    "shoulder",
    "elbow",
    "hip",
    "knee",
    "ankle",
    "move_ms",
    "hold_ms",
    "key",
    "article",
    "topic",
    "claim",
    "chain",
    "stance",
    "statement",
    "evidence",
    "location",
    "label",
    "meaning",
    "question",
    "title",
    "short",
    "tilt",
    "tilt_source",
    "who",
    "step",
    "detail",
    "claims",
    "source_note",
    "way_out",
    "first",
    "next",
    "avoid",
    "counterpoints",
];

/// A parsed file's tree, or `None` when it holds what the cache does not keep (a date, an integer past
/// i64).
pub fn encode(document: &toml::Spanned<DeTable<'_>>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(2048);
    head(&mut out, TABLE, document.span());
    table(document.get_ref(), &mut out)?;
    Some(out)
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn head(out: &mut Vec<u8>, tag: u8, span: Range<usize>) {
    out.push(tag);
    varint(out, span.start as u64);
    varint(out, span.end.saturating_sub(span.start) as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn table(table: &DeTable<'_>, out: &mut Vec<u8>) -> Option<()> {
    varint(out, table.len() as u64);
    for (spanned_key, value) in table {
        let key: &str = spanned_key.get_ref();
        match key_place(key) {
            Some(at) => varint(out, at as u64 + 1),
            None => {
                out.push(0);
                put_str(out, key);
            }
        }
        let span = spanned_key.span();
        varint(out, span.start as u64);
        varint(out, span.end.saturating_sub(span.start) as u64);
        encode_value(value, out)?;
    }
    Some(())
}

/// A key's place in [`KEYS`], looked up by hash: every key of every file is written this way.
fn key_place(key: &str) -> Option<usize> {
    type Places = crate::text::intern::WordMap<&'static str, usize>;
    static PLACES: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    // Inserted last to first, so a key listed twice has its first place, as a scan would give.
    let places = PLACES.get_or_init(|| {
        (KEYS.iter().enumerate().rev())
            .map(|(i, k)| (*k, i))
            .collect()
    });
    places.get(key).copied()
}

fn encode_value(value: &toml::Spanned<DeValue<'_>>, out: &mut Vec<u8>) -> Option<()> {
    let span = value.span();
    match value.get_ref() {
        DeValue::String(s) => {
            head(out, STR, span);
            put_str(out, s);
        }
        DeValue::Integer(n) => {
            // What toml's deserializer gives an integer that fits i64; larger ones are not cached.
            let n = i64::from_str_radix(n.as_str(), n.radix()).ok()?;
            head(out, INT, span);
            varint(out, ((n << 1) ^ (n >> 63)) as u64);
        }
        DeValue::Float(f) => {
            let x: f64 = f.as_str().parse().ok()?;
            if x.is_infinite() && !f.as_str().contains("inf") {
                return None;
            }
            head(out, FLOAT, span);
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        DeValue::Boolean(b) => {
            head(out, BOOL, span);
            out.push(u8::from(*b));
        }
        DeValue::Datetime(_) => return None,
        DeValue::Array(items) => {
            head(out, ARRAY, span);
            varint(out, items.len() as u64);
            for item in items {
                encode_value(item, out)?;
            }
        }
        DeValue::Table(t) => {
            head(out, TABLE, span);
            table(t, out)?;
        }
    }
    Some(())
}

/// Why a cached tree could not be read back; the file is then parsed from its text.
#[derive(Debug)]
pub struct DecodeError(String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }
}

fn short() -> DecodeError {
    DecodeError(String::from("cache entry cut short"))
}

struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).ok_or_else(short)?;
        let out = self.buf.get(self.at..end).ok_or_else(short)?;
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, DecodeError> {
        self.array().map(u64::from_le_bytes)
    }

    fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.buf.get(self.at).ok_or_else(short)?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(DecodeError(String::from("varint too long")))
    }

    fn count(&mut self) -> Result<usize, DecodeError> {
        usize::try_from(self.varint()?).map_err(|_| short())
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.count()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| DecodeError(String::from("not UTF-8")))
    }

    fn key(&mut self) -> Result<(&'a str, Range<usize>), DecodeError> {
        let key = match self.count()? {
            0 => self.str()?,
            n => KEYS.get(n - 1).copied().ok_or_else(short)?,
        };
        let start = self.count()?;
        let len = self.count()?;
        Ok((key, start..start.saturating_add(len)))
    }

    fn head(&mut self) -> Result<(u8, Range<usize>), DecodeError> {
        let tag = self.byte()?;
        let start = self.count()?;
        let len = self.count()?;
        Ok((tag, start..start.saturating_add(len)))
    }

    /// Skips the content of a value whose head was read.
    fn skip(&mut self, tag: u8) -> Result<(), DecodeError> {
        match tag {
            STR => self.str().map(drop),
            INT => self.varint().map(drop),
            FLOAT => self.take(8).map(drop),
            BOOL => self.take(1).map(drop),
            ARRAY => {
                for _ in 0..self.count()? {
                    let (tag, _) = self.head()?;
                    self.skip(tag)?;
                }
                Ok(())
            }
            TABLE => {
                for _ in 0..self.count()? {
                    self.key()?;
                    let (tag, _) = self.head()?;
                    self.skip(tag)?;
                }
                Ok(())
            }
            _ => Err(DecodeError(format!("unknown tag {tag}"))),
        }
    }
}

/// A cached file's tree, read back as the document toml would give.
pub struct Document<'a> {
    reader: Reader<'a>,
}

impl<'a> Document<'a> {
    pub fn new(payload: &'a [u8]) -> Document<'a> {
        Document {
            reader: Reader {
                buf: payload,
                at: 0,
            },
        }
    }

    /// The whole file as one record (an exercise, the questionnaire).
    pub fn whole<T: de::DeserializeOwned>(mut self) -> Result<T, DecodeError> {
        let (tag, span) = self.reader.head()?;
        let out = T::deserialize(Value {
            r: &mut self.reader,
            tag,
            span,
        })?;
        self.end()?;
        Ok(out)
    }

    /// The records of an array-of-tables file whose only key is `key`.
    pub fn records<T: de::DeserializeOwned>(mut self, key: &str) -> Result<Vec<T>, DecodeError> {
        let r = &mut self.reader;
        let (tag, _) = r.head()?;
        if tag != TABLE {
            return Err(DecodeError(String::from("not a table")));
        }
        let mut out = Vec::new();
        for _ in 0..r.count()? {
            if r.key()?.0 != key {
                return Err(DecodeError(String::from("another key")));
            }
            let (tag, _) = r.head()?;
            if tag != ARRAY {
                return Err(DecodeError(String::from("not a list")));
            }
            for _ in 0..r.count()? {
                let (tag, span) = r.head()?;
                if tag != TABLE {
                    return Err(DecodeError(String::from("not a table")));
                }
                out.push(T::deserialize(Value {
                    r: &mut *r,
                    tag,
                    span,
                })?);
            }
        }
        self.end()?;
        Ok(out)
    }

    fn end(&self) -> Result<(), DecodeError> {
        if self.reader.at == self.reader.buf.len() {
            Ok(())
        } else {
            Err(DecodeError(String::from("bytes left over")))
        }
    }
}

/// One value whose head was read, as a serde deserializer that behaves like toml's for a value that
/// deserialized without error when the file was parsed.
struct Value<'r, 'a> {
    r: &'r mut Reader<'a>,
    tag: u8,
    span: Range<usize>,
}

impl<'de> IntoDeserializer<'de, DecodeError> for Value<'_, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, 'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.tag {
            STR => visitor.visit_borrowed_str(self.r.str()?),
            INT => {
                let n = self.r.varint()?;
                visitor.visit_i64(((n >> 1) as i64) ^ -((n & 1) as i64))
            }
            FLOAT => visitor.visit_f64(f64::from_bits(self.r.u64()?)),
            BOOL => visitor.visit_bool(self.r.byte()? != 0),
            ARRAY => {
                let left = self.r.count()?;
                let mut seq = Seq { r: self.r, left };
                let out = visitor.visit_seq(&mut seq)?;
                seq.rest()?;
                Ok(out)
            }
            TABLE => {
                let left = self.r.count()?;
                let mut map = Map {
                    r: self.r,
                    left,
                    value_due: false,
                };
                let out = visitor.visit_map(&mut map)?;
                map.rest()?;
                Ok(out)
            }
            tag => Err(DecodeError(format!("unknown tag {tag}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if name == crate::text::TEXT_NAME && self.tag == STR {
            let text = self.r.str()?;
            return visitor.visit_seq(TextParts {
                span: [self.span.start as u64, self.span.end as u64],
                text,
                at: 0,
            });
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.tag != STR {
            return Err(DecodeError(String::from("enum from a table")));
        }
        visitor.visit_enum(BorrowedStrDeserializer::new(self.r.str()?))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.r.skip(self.tag)?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 i8 i16 i32 i64 i128 u128 f32 f64 char str string seq
        bytes byte_buf map unit unit_struct tuple_struct tuple identifier
    }
}

/// A table's key, as toml gives it: a string, or a spanned string.
struct Key<'a> {
    key: &'a str,
    span: Range<usize>,
}

impl<'de> IntoDeserializer<'de, DecodeError> for Key<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_borrowed_str(self.key)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.key))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 i8 i16 i32 i64 i128 u128 f32 f64 char str string seq option
        bytes byte_buf map unit unit_struct tuple_struct tuple identifier ignored_any
    }
}

/// A [`crate::text::Text`] as the sequence it reads from the cache: its span's start and end, then the string.
struct TextParts<'a> {
    span: [u64; 2],
    text: &'a str,
    at: usize,
}

impl<'de> SeqAccess<'de> for TextParts<'de> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        self.at += 1;
        match self.at {
            1 | 2 => seed
                .deserialize(self.span[self.at - 1].into_deserializer())
                .map(Some),
            3 => seed
                .deserialize(BorrowedStrDeserializer::new(self.text))
                .map(Some),
            _ => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(3usize.saturating_sub(self.at))
    }
}

struct Seq<'r, 'a> {
    r: &'r mut Reader<'a>,
    left: usize,
}

impl Seq<'_, '_> {
    /// Skips what the visitor left unread, so the next value starts where it should.
    fn rest(&mut self) -> Result<(), DecodeError> {
        while self.left > 0 {
            self.left -= 1;
            let (tag, _) = self.r.head()?;
            self.r.skip(tag)?;
        }
        Ok(())
    }
}

impl<'de> SeqAccess<'de> for Seq<'_, 'de> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let (tag, span) = self.r.head()?;
        seed.deserialize(Value {
            r: &mut *self.r,
            tag,
            span,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

struct Map<'r, 'a> {
    r: &'r mut Reader<'a>,
    left: usize,
    /// A key was read and its value not yet.
    value_due: bool,
}

impl Map<'_, '_> {
    fn rest(&mut self) -> Result<(), DecodeError> {
        loop {
            if self.value_due {
                self.value_due = false;
                let (tag, _) = self.r.head()?;
                self.r.skip(tag)?;
            }
            if self.left == 0 {
                return Ok(());
            }
            self.left -= 1;
            self.r.key()?;
            self.value_due = true;
        }
    }
}

impl<'de> MapAccess<'de> for Map<'_, 'de> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let (key, span) = self.r.key()?;
        self.value_due = true;
        seed.deserialize(Key { key, span }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        if !self.value_due {
            return Err(DecodeError(String::from("value without a key")));
        }
        self.value_due = false;
        let (tag, span) = self.r.head()?;
        seed.deserialize(Value {
            r: &mut *self.r,
            tag,
            span,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        id: Text,
        count: toml::Spanned<u32>,
        ratio: f64,
        on: bool,
        #[serde(default)]
        tags: Vec<Text>,
        nested: Nested,
        weights: std::collections::BTreeMap<toml::Spanned<String>, f64>,
        missing: Option<Text>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Nested {
        kind: crate::content::Phase,
        at: Option<toml::Spanned<f64>>,
    }

    const TEXT: &str = "id = \"one\"\ncount = 7\nratio = 2\non = true\ntags = [\"a\", \"bé\"]\nunknown_is_skipped_by_serde = 1\n\n[nested]\nkind = \"breathe\"\nat = -1.5\n\n[weights]\nx = 0.25\n\"y z\" = 1e3\n";

    fn both(text: &str) -> (Result<Sample, toml::de::Error>, Option<Vec<u8>>) {
        let (doc, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        let tree = encode(&doc);
        (Sample::deserialize(doc.into_deserializer()), tree)
    }

    #[test]
    fn a_tree_reads_back_as_the_parsed_file_spans_included() {
        let text = TEXT.replace("unknown_is_skipped_by_serde = 1\n", "");
        let (parsed, tree) = both(&text);
        let parsed = parsed.unwrap();
        let cached: Sample = Document::new(&tree.unwrap()).whole().unwrap();
        assert_eq!(cached, parsed);
        assert_eq!(cached.id.span(), parsed.id.span());
        assert_eq!(cached.tags[1].span(), parsed.tags[1].span());
        assert_eq!(cached.count.span(), parsed.count.span());
        let keys: Vec<_> = cached.weights.keys().map(|k| k.span()).collect();
        let parsed_keys: Vec<_> = parsed.weights.keys().map(|k| k.span()).collect();
        assert_eq!(keys, parsed_keys);
        assert_eq!(
            cached.nested.at.as_ref().map(|a| a.span()),
            parsed.nested.at.map(|a| a.span())
        );
    }

    #[test]
    fn a_tree_cut_short_or_damaged_is_an_error_never_a_panic() {
        let text = TEXT.replace("unknown_is_skipped_by_serde = 1\n", "");
        let tree = both(&text).1.unwrap();
        for end in 0..tree.len() {
            assert!(
                Document::new(&tree[..end]).whole::<Sample>().is_err(),
                "cut at {end}"
            );
        }
        for at in 0..tree.len() {
            let mut damaged = tree.clone();
            damaged[at] = damaged[at].wrapping_add(0x41);
            // Either an error or some value: never a panic (the checksum keeps damage out in use).
            let _ = Document::new(&damaged).whole::<Sample>();
        }
    }

    #[test]
    fn what_the_cache_cannot_hold_is_not_encoded() {
        for text in [
            "when = 1979-05-27",
            "big = 0xffffffffffffffff",
            "x = [2024-01-01]",
        ] {
            let (doc, errors) = DeTable::parse_recoverable(text);
            assert!(errors.is_empty(), "{text}");
            assert!(encode(&doc).is_none(), "{text}");
        }
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

    #[test]
    fn each_key_is_found_at_its_first_place_and_no_other_key_is() {
        for (i, key) in KEYS.iter().enumerate() {
            assert_eq!(key_place(key), KEYS.iter().position(|k| k == key), "{key}");
            assert_eq!(
                KEYS.iter().position(|k| k == key),
                Some(i),
                "{key} listed twice"
            );
        }
        assert_eq!(key_place("no-such-key"), None);
        assert_eq!(key_place(""), None);
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for n in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            varint(&mut out, n);
            assert_eq!(Reader { buf: &out, at: 0 }.varint().unwrap(), n);
        }
    }
}
