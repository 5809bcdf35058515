//! Drawings and diagrams built into the binary from `assets/`.

use include_dir::{Dir, include_dir};

static PICTURES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/pictures");
static DIAGRAMS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/diagrams");

fn text_file(dir: &'static Dir<'static>, name: &str) -> Option<&'static str> {
    dir.get_file(format!("{name}.txt"))
        .and_then(|f| f.contents_utf8())
}

/// An exercise drawing from `assets/pictures/<name>.txt`.
pub fn picture(name: &str) -> Option<&'static str> {
    text_file(&PICTURES, name)
}

/// A diagram from `assets/diagrams/<name>.txt` (`pelvis-anterior`, `breathing-belly` …).
pub fn diagram(name: &str) -> Option<&'static str> {
    text_file(&DIAGRAMS, name)
}

/// Names of all exercise drawings, sorted.
pub fn picture_names() -> Vec<&'static str> {
    let mut names: Vec<_> = PICTURES
        .files()
        .filter_map(|f| f.path().file_stem().and_then(|s| s.to_str()))
        .collect();
    names.sort_unstable();
    names
}
