//! Diagrams built into the binary from `assets/`.

use include_dir::{Dir, include_dir};
use std::collections::HashMap;
use std::sync::OnceLock;

static DIAGRAMS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/diagrams");

/// The `.txt` files of a folder by name without extension. `Dir::get_file` compares whole paths one
/// entry at a time, too slow for a checker that asks once per exercise.
fn by_name(dir: &'static Dir<'static>) -> HashMap<&'static str, &'static str> {
    dir.files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?.strip_suffix(".txt")?;
            Some((name, f.contents_utf8()?))
        })
        .collect()
}

fn diagrams() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| by_name(&DIAGRAMS))
}

/// A diagram from `assets/diagrams/<name>.txt` (`pelvis-anterior`, `breathing-belly` …).
pub fn diagram(name: &str) -> Option<&'static str> {
    diagrams().get(name).copied()
}
