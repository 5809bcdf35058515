//! Where content comes from (the embedded store or a folder) and how problems in it are located.

use super::cache::{Entry, LayerCache, Stamp};
use crate::files::{self, MAX_FILE_BYTES};
use include_dir::{Dir, include_dir};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The store built into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Name shown for the built-in store in `--show-paths` and messages.
pub const EMBEDDED_NAME: &str = "built-in content";

/// One content file: the path shown to the user and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative to the store root, with `/` separators: `exercises/wall-sit.toml`.
    pub relative: String,
    /// What messages print (see [`SourceFile::display`]); made from the path on disk when first asked
    /// for, since a large store's files are named in messages only when they have a problem.
    display: OnceLock<String>,
    /// Empty once [`SourceFile::release`]d: see [`SourceFile::contents`].
    pub text: String,
    /// Which layer of the store it was read from (0 for the lowest, usually the built-in store).
    pub layer: usize,
    /// The file on disk and its size and mtime when read; `None` for the built-in store and text made
    /// in code.
    pub(crate) disk: Option<(PathBuf, Option<Stamp>)>,
    /// Where the store cache holds this file's tree unchanged; its text was then not read.
    pub(crate) cached: Option<Entry>,
    /// The text was let go (or never read): it is read back from disk when a problem must be placed.
    released: bool,
    reread: OnceLock<String>,
    /// Built the first time a problem is located in this file.
    lines: OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(relative: String, display: String, text: String) -> SourceFile {
        SourceFile {
            relative,
            display: OnceLock::from(display),
            text,
            layer: 0,
            disk: None,
            cached: None,
            released: false,
            reread: OnceLock::new(),
            lines: OnceLock::new(),
        }
    }

    /// A file read from disk at `path`, named in messages by its path (made when first needed).
    pub(crate) fn on_disk(
        relative: String,
        path: PathBuf,
        stamp: Option<Stamp>,
        text: String,
    ) -> SourceFile {
        let mut file = SourceFile::new(relative, String::new(), text);
        file.display = OnceLock::new();
        file.disk = Some((path, stamp));
        file
    }

    /// A file on disk whose tree the store cache holds: its text is not read unless needed.
    pub(crate) fn cached(relative: String, path: PathBuf, stamp: Stamp, at: Entry) -> SourceFile {
        let mut file = SourceFile::on_disk(relative, path, Some(stamp), String::new());
        file.cached = Some(at);
        file.released = true;
        file
    }

    /// What messages print: `content/exercises/wall-sit.toml` or the real path on disk, escaped and
    /// quoted by [`crate::text::path`] when it holds anything that could break `path:line:col`.
    pub fn display(&self) -> &str {
        self.display.get_or_init(|| match &self.disk {
            Some((path, _)) => crate::text::path(path),
            None => self.relative.clone(),
        })
    }

    /// Were the records of this file read from the store cache (not from its text)?
    pub fn from_cache(&self) -> bool {
        self.cached.is_some()
    }

    /// The file's text: as read, or read back from disk after [`SourceFile::release`] (empty if it can no
    /// longer be read).
    pub fn contents(&self) -> &str {
        if !self.released {
            return &self.text;
        }
        self.reread.get_or_init(|| {
            let Some((path, _)) = &self.disk else {
                return String::new();
            };
            match files::read_regular(path, MAX_FILE_BYTES) {
                Ok(bytes) => String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                Err(_) => String::new(),
            }
        })
    }

    /// Lets go of the text of a file on disk once it is parsed: a large store then holds its records,
    /// not its files. Problems found later read the text back (see [`SourceFile::contents`]).
    pub fn release(&mut self) {
        if self.disk.is_some() {
            self.text = String::new();
            self.released = true;
            self.reread = OnceLock::new();
            self.lines = OnceLock::new();
        }
    }

    /// A file that is not part of a store (an answers file, text made in code), shown as `display`.
    pub fn named(display: &str, text: String) -> SourceFile {
        SourceFile::new(String::new(), display.to_owned(), text)
    }

    /// 1-based line and column (in characters) of a byte offset. Constant time after the first call, so
    /// a file with many problems is located in one pass, not one pass per problem.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.contents();
        let index = self.lines.get_or_init(|| LineIndex::new(text));
        if index.fits(text) {
            index.line_col(text, offset)
        } else {
            // `text` was replaced after the index was built (tests do this): index it afresh.
            LineIndex::new(text).line_col(text, offset)
        }
    }

    /// A problem at a byte range of this file. The message is cut to [`MAX_MESSAGE`] characters.
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, col) = self.line_col(span.start);
        Problem {
            path: self.display().to_owned(),
            line,
            col,
            message: cap_message(message.into()),
        }
    }
}

/// Longest problem message kept, in characters (values inside are cut sooner, see [`crate::text::quote`]).
pub const MAX_MESSAGE: usize = 1000;

/// A problem message is printed to the terminal: controls inside it (from a TOML value the parser
/// echoes back, say) are shown escaped, never sent raw; then it is capped.
fn cap_message(message: String) -> String {
    let mut message = match crate::text::printable(&message) {
        std::borrow::Cow::Borrowed(_) => message,
        std::borrow::Cow::Owned(clean) => clean,
    };
    if let Some((at, _)) = message.char_indices().nth(MAX_MESSAGE) {
        message.truncate(at);
        message.push('…');
    }
    message
}

/// Bytes per block of the character-count index: a column costs at most two scans of this many bytes.
const BLOCK: usize = 256;

/// Where each line of a text starts, and how many characters stand before each [`BLOCK`] of it.
#[derive(Clone, Debug, Default)]
struct LineIndex {
    /// Length and address of the text indexed, to notice a replaced text.
    len: usize,
    addr: usize,
    line_starts: Vec<u32>,
    /// Empty for ASCII text, where a byte is a character.
    chars_before_block: Vec<u32>,
}

/// UTF-8 bytes that start a character (all but continuation bytes).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut line_starts = vec![0];
        line_starts.extend(
            (bytes.iter().enumerate())
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| as_u32(i + 1)),
        );
        let mut chars_before_block = Vec::new();
        if !text.is_ascii() {
            chars_before_block.reserve(bytes.len() / BLOCK + 1);
            let mut chars = 0usize;
            for block in bytes.chunks(BLOCK) {
                chars_before_block.push(as_u32(chars));
                chars += block.iter().filter(|b| starts_char(**b)).count();
            }
            chars_before_block.push(as_u32(chars));
        }
        LineIndex {
            len: text.len(),
            addr: text.as_ptr() as usize,
            line_starts,
            chars_before_block,
        }
    }

    fn fits(&self, text: &str) -> bool {
        self.len == text.len() && self.addr == text.as_ptr() as usize
    }

    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        if self.chars_before_block.is_empty() {
            return offset;
        }
        let block = offset / BLOCK;
        let counted = self
            .chars_before_block
            .get(block)
            .map_or(0, |&n| n as usize);
        counted
            + bytes[block * BLOCK..offset]
                .iter()
                .filter(|b| starts_char(**b))
                .count()
    }

    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self
            .line_starts
            .partition_point(|&start| start as usize <= offset)
            .max(1);
        let line_start = (self.line_starts[line - 1] as usize).min(offset);
        let bytes = text.as_bytes();
        let col = self.chars_before(bytes, offset) - self.chars_before(bytes, line_start) + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A problem in the content, reported as `path:line:col: message`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

/// Problems shown for one file; the rest are only counted. A file with 40,000 unknown ids needs its first
/// few fixed, not a screenful per id.
pub const MAX_PROBLEMS_PER_FILE: usize = 20;

/// The problems worth showing: at most [`MAX_PROBLEMS_PER_FILE`] per file, in the order given, and for
/// each file with more, its path and how many were left out.
pub fn cap_per_file(problems: &[Problem]) -> (Vec<&Problem>, Vec<(&str, usize)>) {
    let mut shown = Vec::new();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut files: Vec<&str> = Vec::new();
    for p in problems {
        let count = counts.entry(&p.path).or_insert_with(|| {
            files.push(&p.path);
            0
        });
        *count += 1;
        if *count <= MAX_PROBLEMS_PER_FILE {
            shown.push(p);
        }
    }
    let more = files
        .into_iter()
        .filter_map(|path| {
            let left_out = counts[path].saturating_sub(MAX_PROBLEMS_PER_FILE);
            (left_out > 0).then_some((path, left_out))
        })
        .collect();
    (shown, more)
}

/// Where to read content from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Dir(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str(EMBEDDED_NAME),
            Origin::Dir(dir) => f.write_str(&crate::text::path(dir)),
        }
    }
}

/// A folder that could not be read at all: a usage/IO error (exit 2), not a content problem.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read content folder {}: {}; a content folder holds articles.toml, exercises/ … (any of them)",
            crate::text::path(&self.path),
            self.error
        )
    }
}

impl std::error::Error for ReadError {}

/// What reading a store's folder gave: the `.toml` files sorted by relative path, and what could not be
/// read (a file that is not UTF-8 or not a regular file, a folder without permission, a folder where a file
/// belongs …), each with its problem and the kind of record it may have held.
#[derive(Debug, Default)]
pub struct ReadFiles {
    pub files: Vec<SourceFile>,
    pub failed: Vec<Failed>,
}

/// Something in the store that could not be read.
#[derive(Debug)]
pub struct Failed {
    /// The kind of record that may be lost with it ("exercise" …), so references to such records are
    /// not also reported as missing.
    pub kind: Option<&'static str>,
    pub problem: Problem,
}

pub fn read_files(origin: &Origin, progress: &super::LoadProgress) -> Result<ReadFiles, ReadError> {
    read_files_with(origin, &|| None, progress)
}

/// The store cache of a folder being read, asked for when the first file is looked up in it (so its
/// index can be read on another thread while the walk lists the folders); `None` for no cache.
pub type CacheOf<'a> = &'a (dyn Fn() -> Option<&'a LayerCache> + Sync);

/// [`read_files`], with the store cache of a folder: a file it holds unchanged is not read, only
/// stamped (see [`SourceFile::contents`]).
pub fn read_files_with<'a>(
    origin: &'a Origin,
    cache: CacheOf<'a>,
    progress: &'a super::LoadProgress,
) -> Result<ReadFiles, ReadError> {
    let mut read = ReadFiles::default();
    match origin {
        Origin::Embedded => {
            collect_embedded(&EMBEDDED, &mut read.files);
            progress.found(read.files.len());
            progress.read(read.files.len());
        }
        Origin::Dir(root) => {
            let meta = std::fs::metadata(root).map_err(|error| ReadError {
                path: root.clone(),
                error,
            })?;
            if !meta.is_dir() {
                return Err(ReadError {
                    path: root.clone(),
                    error: std::io::Error::other("not a folder"),
                });
            }
            // Only the root itself is fatal; a folder below it that cannot be read is one more problem.
            let entries = std::fs::read_dir(root).map_err(|error| ReadError {
                path: root.clone(),
                error,
            })?;
            let at = Walk {
                root,
                cache,
                progress,
            };
            walk(&at, root, entries, 0, &mut read);
        }
    }
    // The walk gives files in path order as a rule (not when a folder's name is a file's name cut short:
    // `a/x.toml` comes before `a.toml`): a sorted list is only checked, not moved.
    if !read.files.is_sorted_by(|a, b| a.relative <= b.relative) {
        read.files.sort_by(|a, b| a.relative.cmp(&b.relative));
    }
    Ok(read)
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let relative = file.path().to_string_lossy().replace('\\', "/");
        if !relative.ends_with(".toml") {
            continue;
        }
        // The embedded store is checked by the test suite; lossy decoding only guards against a bad build.
        let text = String::from_utf8_lossy(file.contents()).into_owned();
        files.push(SourceFile::new(
            relative.clone(),
            format!("content/{relative}"),
            text,
        ));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// How deep below the root content folders are read; deeper ones are reported, not read.
pub const MAX_DEPTH: usize = 4;

/// Folders at the root that hold one file per record.
const RECORD_FOLDERS: [&str; 2] = ["claims", "exercises"];

fn relative_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// What a failed file or folder may have held: a folder's kind is that of the files it would hold.
fn kind_at(relative: &str, is_folder: bool) -> Option<&'static str> {
    let as_file = if is_folder {
        format!("{relative}/_.toml")
    } else {
        relative.to_owned()
    };
    super::FileRole::of(&as_file).map(super::FileRole::kind)
}

/// A problem about a file or folder as a whole, placed at its first line.
fn failed_at(path: &Path, kind: Option<&'static str>, message: String) -> Failed {
    Failed {
        kind,
        problem: Problem {
            path: crate::text::path(path),
            line: 1,
            col: 1,
            message,
        },
    }
}

/// What the walk makes of one entry of a folder.
// A file is nearly every entry of a large store: boxing it would cost an allocation each.
#[allow(clippy::large_enum_variant)]
enum Seen {
    /// A folder to walk next (its path and its path in the store).
    Folder(PathBuf, String),
    /// A `.toml` file, read (or stamped, when the cache holds it unchanged), or why it could not be.
    File(Result<SourceFile, Failed>),
    /// Something in the way: an entry that cannot be `stat`ed, a folder where a file belongs, a file
    /// where a folder does, a folder nested too deep.
    Failed(Failed),
    /// Not ours (another extension).
    Skip,
}

/// Where the walk is, and what it needs at each entry.
struct Walk<'a> {
    root: &'a Path,
    cache: CacheOf<'a>,
    progress: &'a super::LoadProgress,
}

/// Reads the `.toml` files below `dir` into `read`, skipping hidden entries; what cannot be walked or
/// read becomes a problem. Each entry is `stat`ed, looked up in the cache and read where it is found, on
/// every core (a record folder holds a file per record); entries are taken in name order, each folder
/// where it stands among them.
fn walk(at: &Walk, dir: &Path, entries: std::fs::ReadDir, depth: usize, read: &mut ReadFiles) {
    let folder_kind = || kind_at(&relative_of(at.root, dir), true);
    let mut list = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => list.push(entry),
            Err(e) => {
                read.failed.push(failed_at(
                    dir,
                    folder_kind(),
                    format!("cannot read folder: {e}"),
                ));
                return;
            }
        }
    }
    // Each name taken once (`file_name` copies it), then sorted by it.
    let mut list: Vec<_> = (list.into_iter())
        .map(|entry| (entry.file_name(), entry))
        .filter(|(name, _)| !name.as_encoded_bytes().starts_with(b"."))
        .collect();
    list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Counted before any is read, for the "of N files read" of the app's status line.
    let files = (list.iter())
        .filter(|(name, entry)| {
            name.as_encoded_bytes().ends_with(b".toml")
                && !entry.file_type().is_ok_and(|kind| kind.is_dir())
        })
        .count();
    at.progress.found(files);
    let dir_relative = relative_of(at.root, dir);
    let seen = crate::par::map(&list, |(name, entry)| {
        at.see((name, entry), (dir, &dir_relative), depth)
    });
    // 100,000 entries of a record folder take a while to free: on another thread, while the files
    // found are gathered.
    std::thread::scope(|scope| {
        if list.len() >= 1024 {
            scope.spawn(move || drop(list));
        }
        gather(at, seen, files, depth, read);
    });
}

/// What [`Walk::see`] found in a folder: its files and problems kept, its folders walked.
fn gather(at: &Walk, seen: Vec<Seen>, files: usize, depth: usize, read: &mut ReadFiles) {
    read.files.reserve(files);
    for seen in seen {
        match seen {
            Seen::Folder(path, relative) => match std::fs::read_dir(&path) {
                Ok(entries) => walk(at, &path, entries, depth + 1, read),
                Err(e) => read.failed.push(failed_at(
                    &path,
                    kind_at(&relative, true),
                    format!("cannot read folder: {e}"),
                )),
            },
            Seen::File(Ok(file)) => read.files.push(file),
            Seen::File(Err(failed)) | Seen::Failed(failed) => read.failed.push(failed),
            Seen::Skip => {}
        }
    }
}

impl Walk<'_> {
    /// One entry of a folder at `depth` below the root: `stat`ed (following a symbolic link to see what
    /// it points at; a broken one is reported when it looks like ours), and read when it is a `.toml`
    /// file. Anything else is `stat`ed beside its folder's open handle (no lookup of the whole path).
    fn see(
        &self,
        (name, entry): (&std::ffi::OsStr, &std::fs::DirEntry),
        (at_dir, dir_relative): (&Path, &str),
        depth: usize,
    ) -> Seen {
        let metadata = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => entry.metadata(),
            _ => std::fs::metadata(entry.path()),
        };
        // The folder's path and the name, joined by hand: `DirEntry::path` takes the folder's path
        // apart to join them, for each of a record folder's 100,000 files.
        let path = {
            let dir = at_dir.as_os_str();
            let mut joined = std::ffi::OsString::with_capacity(dir.len() + 1 + name.len());
            joined.push(dir);
            let ends_in_separator = (dir.as_encoded_bytes().last())
                .is_some_and(|b| std::path::is_separator(char::from(*b)));
            if !ends_in_separator {
                joined.push(std::path::MAIN_SEPARATOR_STR);
            }
            joined.push(name);
            PathBuf::from(joined)
        };
        let name = name.to_string_lossy();
        // Made to size: a record folder makes 100,000 of these.
        let mut relative = String::with_capacity(dir_relative.len() + 1 + name.len());
        if !dir_relative.is_empty() {
            relative.push_str(dir_relative);
            relative.push('/');
        }
        relative.push_str(&name);
        let (is_dir, stamp) = match metadata {
            Ok(meta) => (
                meta.is_dir(),
                (meta.is_file() && meta.len() <= MAX_FILE_BYTES)
                    .then(|| Stamp::of(&meta))
                    .flatten(),
            ),
            Err(e) => {
                let record_folder = depth == 0 && RECORD_FOLDERS.contains(&name.as_ref());
                return if record_folder {
                    Seen::Failed(failed_at(
                        &path,
                        kind_at(&relative, true),
                        format!("cannot read folder: {e}"),
                    ))
                } else if name.ends_with(".toml") {
                    Seen::Failed(failed_at(
                        &path,
                        kind_at(&relative, false),
                        format!("cannot read file: {e}"),
                    ))
                } else {
                    Seen::Skip
                };
            }
        };
        if is_dir {
            return if name.ends_with(".toml") {
                Seen::Failed(failed_at(
                    &path,
                    kind_at(&relative, false),
                    format!(
                        "{} is a folder; it must be a file",
                        crate::text::quote(&name)
                    ),
                ))
            } else if depth >= MAX_DEPTH {
                Seen::Failed(failed_at(
                    &path,
                    None,
                    format!("folder is nested more than {MAX_DEPTH} deep; its files are not read"),
                ))
            } else {
                Seen::Folder(path, relative)
            };
        }
        if depth == 0 && RECORD_FOLDERS.contains(&name.as_ref()) {
            return Seen::Failed(failed_at(
                &path,
                kind_at(&relative, true),
                format!(
                    "`{name}` is a file; it must be a folder holding one .toml file per record"
                ),
            ));
        }
        // A hidden `.toml` was left out before: any other name ending so has the extension.
        if !name.ends_with(".toml") {
            return Seen::Skip;
        }
        let file = read_one(path, relative, stamp, (self.cache)());
        self.progress.read(1);
        Seen::File(file)
    }
}

/// Reads one file; a file that is not a regular file of at most [`MAX_FILE_BYTES`], cannot be opened or
/// is not UTF-8 becomes a problem naming it.
/// `stamp`: the file's size and mtime, taken before it is read (a change while it is read gives it
/// another mtime than the one cached with it); `None` when it is not a regular file within the size.
fn read_one(
    path: PathBuf,
    relative: String,
    stamp: Option<Stamp>,
    cache: Option<&LayerCache>,
) -> Result<SourceFile, Failed> {
    if let (Some(cache), Some(stamp)) = (cache, stamp)
        && let Some(at) = cache.hit(&relative, stamp)
    {
        return Ok(SourceFile::cached(relative, path, stamp, at));
    }
    // The walk's `stat` found a regular file within the size when it gave a stamp: not asked again.
    let read = match stamp {
        Some(_) => files::read_seen_regular(&path, MAX_FILE_BYTES),
        None => files::read_regular(&path, MAX_FILE_BYTES),
    };
    // What the file may have held, only needed when it fails.
    let kind = kind_at(&relative, false);
    let bytes = read.map_err(|e| failed_at(&path, kind, format!("cannot read file: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::on_disk(relative, path, stamp, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid_text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let file = SourceFile::on_disk(relative, path, stamp, valid_text);
            let problem = file.problem(
                valid..valid,
                format!("file is not valid UTF-8 (bad byte at offset {valid}); save it as UTF-8"),
            );
            Err(Failed { kind, problem })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SourceFile;

    #[test]
    fn a_folder_is_read_in_path_order_and_counted_as_it_is_read() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        for file in [
            "b.toml",
            "a.toml",
            "a/x.toml",
            "a/y/z.toml",
            ".hidden.toml",
            "notes.txt",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x = 1\n").unwrap();
        }
        std::fs::create_dir_all(dir.join("d.toml")).unwrap();
        let progress = super::super::LoadProgress::new();
        let origin = super::Origin::Dir(dir.to_path_buf());
        let read = super::read_files_with(&origin, &|| None, &progress).unwrap();
        let files: Vec<&str> = read.files.iter().map(|f| f.relative.as_str()).collect();
        // `a/x.toml` is walked before `a.toml` (the folder `a` sorts first) and put in place after.
        assert_eq!(files, ["a.toml", "a/x.toml", "a/y/z.toml", "b.toml"]);
        let shown = crate::text::path(&dir.join("a/y/z.toml"));
        assert_eq!(read.files[2].display(), shown);
        assert_eq!(read.failed.len(), 1, "{:?}", read.failed);
        assert!(read.failed[0].problem.message.contains("is a folder"));
        let counts = progress.snapshot();
        assert_eq!((counts.found, counts.read), (4, 4));
    }

    #[test]
    fn a_control_character_in_a_message_is_shown_escaped() {
        let file = SourceFile::named("plan.toml", String::from("basis = 1\n"));
        let problem = file.problem(0..5, "unknown variant `a\u{1b}[2Jb`");
        assert!(!problem.message.contains('\u{1b}'), "{:?}", problem.message);
        assert!(
            problem.message.contains("\\u001b[2J"),
            "{:?}",
            problem.message
        );
    }

    #[test]
    fn line_and_column_count_characters_from_one_index() {
        let file = SourceFile::named("x", String::from("ab\nçé\n\nlast"));
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(2), (1, 3));
        assert_eq!(file.line_col(3), (2, 1));
        assert_eq!(file.line_col(5), (2, 2));
        assert_eq!(file.line_col(6), (2, 2), "inside a character: its start");
        assert_eq!(file.line_col(8), (3, 1));
        assert_eq!(file.line_col(9), (4, 1));
        assert_eq!(file.line_col(usize::MAX), (4, 5));
        // Across index blocks, with multi-byte characters before the line.
        let long = format!("{}\n{}x", "é".repeat(5000), "ü".repeat(3000));
        let file = SourceFile::named("y", long.clone());
        let at = long.find('x').unwrap();
        assert_eq!(file.line_col(at), (2, 3001));
    }

    #[test]
    fn a_replaced_text_is_indexed_afresh() {
        let mut file = SourceFile::named("x", String::from("a\nb"));
        assert_eq!(file.line_col(2), (2, 1));
        file.text = String::from("\n\n\nbbbb");
        assert_eq!(file.line_col(4), (4, 2));
    }
}
