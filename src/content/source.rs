//! Where content comes from (the embedded store or a folder) and how problems in it are located.

use include_dir::{Dir, include_dir};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The store built into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Name shown for the built-in store in `--show-paths` and messages.
pub const EMBEDDED_NAME: &str = "built-in content";

/// One content file: the path shown to the user and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative to the store root, with `/` separators: `exercises/wall-sit.toml`.
    pub relative: String,
    /// What messages print: `content/exercises/wall-sit.toml` or the real path on disk.
    pub display: String,
    pub text: String,
}

impl SourceFile {
    /// A file that is not part of a store (an answers file, text made in code), shown as `display`.
    pub fn named(display: &str, text: String) -> SourceFile {
        SourceFile {
            relative: String::new(),
            display: display.to_owned(),
            text,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// A problem at a byte range of this file.
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, col) = self.line_col(span.start);
        Problem {
            path: self.display.clone(),
            line,
            col,
            message: message.into(),
        }
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
            Origin::Dir(dir) => write!(f, "{}", dir.display()),
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
            "cannot read content folder {:?}: {}; pass --content with a folder that holds articles.toml, exercises/ …",
            self.path.display().to_string(),
            self.error
        )
    }
}

impl std::error::Error for ReadError {}

/// What reading a store's folder gave: the `.toml` files sorted by relative path, and the files that could
/// not be read (not UTF-8, no permission) with the problem for each.
#[derive(Debug, Default)]
pub struct ReadFiles {
    pub files: Vec<SourceFile>,
    pub failed: Vec<(String, Problem)>,
}

pub fn read_files(origin: &Origin) -> Result<ReadFiles, ReadError> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    match origin {
        Origin::Embedded => collect_embedded(&EMBEDDED, &mut files),
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
            collect_dir(root, root, 0, &mut files, &mut problems).map_err(|error| ReadError {
                path: root.clone(),
                error,
            })?;
        }
    }
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(ReadFiles {
        files,
        failed: problems,
    })
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let relative = file.path().to_string_lossy().replace('\\', "/");
        if !relative.ends_with(".toml") {
            continue;
        }
        // The embedded store is checked by the test suite; lossy decoding only guards against a bad build.
        let text = String::from_utf8_lossy(file.contents()).into_owned();
        files.push(SourceFile {
            display: format!("content/{relative}"),
            relative,
            text,
        });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// How deep below the root content folders may nest.
const MAX_DEPTH: usize = 4;

/// A `.toml` file found in the store folder, not read yet.
struct Found {
    path: PathBuf,
    relative: String,
}

fn collect_dir(
    root: &Path,
    dir: &Path,
    depth: usize,
    files: &mut Vec<SourceFile>,
    problems: &mut Vec<(String, Problem)>,
) -> std::io::Result<()> {
    let mut found = Vec::new();
    walk(root, dir, depth, &mut found)?;
    // Reading many small files is I/O-bound per file: read them on every core.
    for result in crate::par::map(&found, read_one) {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    Ok(())
}

/// The `.toml` files below `dir`, skipping hidden entries.
fn walk(root: &Path, dir: &Path, depth: usize, found: &mut Vec<Found>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let file_type = entry.file_type()?;
        let is_dir = file_type.is_dir() || (file_type.is_symlink() && path.is_dir());
        if is_dir {
            if depth < MAX_DEPTH {
                walk(root, &path, depth + 1, found)?;
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        found.push(Found { path, relative });
    }
    Ok(())
}

/// Reads one file; a file that is not UTF-8 or cannot be opened becomes a problem naming it.
fn read_one(found: &Found) -> Result<SourceFile, (String, Problem)> {
    let display = found.path.display().to_string();
    let relative = found.relative.clone();
    match std::fs::read(&found.path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile {
                relative,
                display,
                text,
            }),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let file = SourceFile {
                    relative,
                    display,
                    text: String::from_utf8_lossy(&bytes[..valid]).into_owned(),
                };
                let problem = file.problem(
                    valid..valid,
                    format!(
                        "file is not valid UTF-8 (bad byte at offset {valid}); save it as UTF-8"
                    ),
                );
                Err((file.relative, problem))
            }
        },
        Err(e) => Err((
            relative,
            Problem {
                path: display,
                line: 1,
                col: 1,
                message: format!("cannot read file: {e}"),
            },
        )),
    }
}
