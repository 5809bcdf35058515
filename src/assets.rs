//! Diagrams built into the binary from `assets/diagrams/`: the pelvic tilts and the two ways of breathing,
//! each a moving figure written in the same format as an exercise's `[figure]` table.

use crate::figure::{Figure, FigureSpec, braille};
use include_dir::{Dir, include_dir};
use std::collections::HashMap;
use std::sync::OnceLock;

static DIAGRAMS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/diagrams");

/// Cells a diagram's key pose takes as text.
pub const DIAGRAM_COLS: usize = 20;
pub const DIAGRAM_ROWS: usize = 8;

/// Each diagram's figure as written, by name without extension (`pelvis-anterior`, `breathing-belly` …).
/// A diagram file that does not read is left out; a test reads every one.
fn specs() -> &'static HashMap<&'static str, FigureSpec> {
    static MAP: OnceLock<HashMap<&'static str, FigureSpec>> = OnceLock::new();
    MAP.get_or_init(|| {
        DIAGRAMS
            .files()
            .filter_map(|f| {
                let name = f.path().file_name()?.to_str()?.strip_suffix(".toml")?;
                let spec = toml::from_str(f.contents_utf8()?).ok()?;
                Some((name, spec))
            })
            .collect()
    })
}

fn texts() -> &'static HashMap<&'static str, String> {
    static MAP: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        specs()
            .iter()
            .map(|(name, spec)| {
                let text = braille::key_pose_text(&spec.figure(), DIAGRAM_COLS, DIAGRAM_ROWS);
                (*name, text.trim_end_matches('\n').to_owned())
            })
            .collect()
    })
}

/// A diagram's moving figure (for a screen that animates it).
pub fn diagram_figure(name: &str) -> Option<Figure> {
    specs().get(name).map(FigureSpec::figure)
}

/// A diagram's key pose drawn in braille, with its labels under it.
pub fn diagram(name: &str) -> Option<&'static str> {
    texts().get(name).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_diagram_reads_and_passes_the_figure_checks() {
        let names: Vec<&str> = DIAGRAMS
            .files()
            .filter_map(|f| f.path().file_name()?.to_str())
            .collect();
        assert_eq!(names.len(), 5, "{names:?}");
        for file in DIAGRAMS.files() {
            let name = file.path().display().to_string();
            let text = file.contents_utf8().expect("UTF-8").to_owned();
            let spec: FigureSpec = toml::from_str(&text).expect(&name);
            let source = crate::content::SourceFile::named(&name, text);
            let mut problems = Vec::new();
            crate::content::check_figure(&source, &name, &spec, &mut problems);
            assert!(problems.is_empty(), "{problems:?}");
        }
        for name in [
            "pelvis-anterior",
            "pelvis-neutral",
            "pelvis-posterior",
            "breathing-belly",
            "breathing-ribs",
        ] {
            let figure = diagram_figure(name).expect(name);
            assert!(figure.cycle_ms() > 0, "{name} moves");
            assert!(diagram(name).is_some_and(|d| d.lines().count() > DIAGRAM_ROWS));
        }
    }
}
