//! Large stores made from the bundled one, for benchmarks and robustness tests: the real articles, claims,
//! chains and questionnaire, plus any number of exercises varied from the real ones (about 1.4 KB each).

use super::Side;
use super::source::{Origin, SourceFile, read_files};
use std::path::Path;

const WORDS: [&str; 24] = [
    "banded",
    "single-leg",
    "tempo",
    "paused",
    "supported",
    "kneeling",
    "standing",
    "seated",
    "wall",
    "floor",
    "slow",
    "reverse",
    "lateral",
    "rotating",
    "assisted",
    "loaded",
    "elevated",
    "split",
    "narrow",
    "wide",
    "isometric",
    "eccentric",
    "reaching",
    "alternating",
];

/// The bundled store's files without its exercises.
fn base_files() -> Vec<SourceFile> {
    read_files(&Origin::Embedded, &super::LoadProgress::new())
        .map(|read| read.files)
        .unwrap_or_default()
        .into_iter()
        .filter(|f| !f.relative.starts_with("exercises/"))
        .collect()
}

/// `count` exercise files varied from the bundled exercises: new ids, names and aliases built from a
/// deterministic mix of modifier words, everything else (steps, cues, cautions, dose) copied.
pub fn exercise_files(count: usize) -> Vec<SourceFile> {
    let originals: Vec<toml::Table> = read_files(&Origin::Embedded, &super::LoadProgress::new())
        .map(|read| read.files)
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f.relative.starts_with("exercises/"))
        .filter_map(|f| toml::from_str(&f.text).ok())
        .collect();
    if originals.is_empty() {
        return Vec::new();
    }
    let base_ids: Vec<&str> = (originals.iter())
        .map(|t| t.get("id").and_then(|v| v.as_str()).unwrap_or("exercise"))
        .collect();
    // The id of the `i`th exercise, made from `originals[i % len]`.
    let id_of = |i: usize| {
        let (a, b) = (
            WORDS[(i / originals.len()) % WORDS.len()],
            WORDS[(i * 7 + 3) % WORDS.len()],
        );
        (
            format!("{}-{a}-{b}-{i}", base_ids[i % originals.len()]),
            a,
            b,
        )
    };
    (0..count)
        .map(|i| {
            let mut table = originals[i % originals.len()].clone();
            let base_name = table
                .get("name")
                .and_then(|v| v.as_str())
                .unwrap_or("Exercise")
                .to_owned();
            let (id, a, b) = id_of(i);
            table.insert("id".into(), toml::Value::String(id.clone()));
            table.insert(
                "name".into(),
                toml::Value::String(format!("{a} {b} {base_name} {i}")),
            );
            // Prerequisites would tie the routine to ids made here: left out.
            table.remove("requires");
            // A rung that is another exercise stays one, as in the bundled store: it links the copy of
            // that exercise made in the same round, or, when the store ends before it, is a plain rung.
            let round = i - i % originals.len();
            relink_rungs(&mut table, |base| {
                let at = base_ids.iter().position(|b| *b == base)?;
                Some(round + at).filter(|&j| j < count).map(|j| id_of(j).0)
            });
            if let Some(toml::Value::Array(aliases)) = table.get_mut("aliases") {
                aliases.push(toml::Value::String(format!("{b} {base_name}")));
            }
            SourceFile::new(
                format!("exercises/{id}.toml"),
                format!("synthetic/exercises/{id}.toml"),
                toml::to_string(&table).unwrap_or_default(),
            )
        })
        .collect()
}

/// Points each rung's `exercise` link of an exercise's table where `link` says, or drops it where `link`
/// gives nothing.
fn relink_rungs(table: &mut toml::Table, link: impl Fn(&str) -> Option<String>) {
    let Some(toml::Value::Table(ladder)) = table.get_mut("ladder") else {
        return;
    };
    for side in [Side::Easier, Side::Harder] {
        let Some(toml::Value::Array(rungs)) = ladder.get_mut(side.as_str()) else {
            continue;
        };
        for rung in rungs.iter_mut().filter_map(toml::Value::as_table_mut) {
            let linked = (rung.get("exercise").and_then(toml::Value::as_str)).and_then(&link);
            match linked {
                Some(id) => rung.insert("exercise".into(), toml::Value::String(id)),
                None => rung.remove("exercise"),
            };
        }
    }
}

/// The bundled store with `count` synthetic exercises instead of its own, in memory.
pub fn store_files(count: usize) -> Vec<SourceFile> {
    let mut files = base_files();
    files.extend(exercise_files(count));
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    files
}

/// Writes such a store to a folder (for `--content` and load benchmarks).
pub fn write_store(dir: &Path, count: usize) -> std::io::Result<()> {
    for file in store_files(count) {
        let path = dir.join(&file.relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, file.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Store;

    #[test]
    fn a_synthetic_store_checks_clean() {
        let mut problems = Vec::new();
        let store = Store::from_files(super::store_files(300), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(store.exercises.len(), 300);
        assert!(store.articles.len() == 5 && store.chains.len() >= 5);
        // Rungs that are exercises in the bundled store are exercises here too.
        let linked = (store.exercises.iter())
            .filter_map(|e| e.ladder.as_ref())
            .flat_map(|l| l.rungs())
            .filter_map(|(_, r)| r.exercise.as_ref())
            .count();
        assert!(linked >= 30, "{linked} rungs linked");
    }
}
