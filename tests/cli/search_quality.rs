//! Search quality: does what people type find what they mean? A table of queries
//! (`tests/fixtures/search/quality.toml`) — names, misspellings, word order, plurals, trainers'
//! abbreviations, equipment words and muscles as people say them — run through `backchain search` over the
//! built-in store with the Free Exercise DB imported over it. Reports the hit rate (benches/README.md has
//! it) and holds it to the table's floor, so search can get better and never quietly worse.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

#[derive(serde::Deserialize)]
struct Table {
    floor: f64,
    query: Vec<Query>,
}

#[derive(serde::Deserialize)]
struct Query {
    text: String,
    expect: String,
    within: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in store with the vendored Free Exercise DB imported into `dir`.
fn import(dir: &Path) {
    crate::common::succeeded(
        Command::new(BIN)
            .args(["import", "free-exercise-db"])
            .arg(root().join("data/free-exercise-db/exercises.json"))
            .arg("--into")
            .arg(dir)
            .output()
            .unwrap(),
    );
}

/// Where `expect` ranks for `text` (1-based), among the first 20.
fn rank(store: &Path, text: &str, expect: &str) -> Option<usize> {
    let out = Command::new(BIN)
        .arg("--content")
        .arg(store)
        .args(["search", text, "--format", "json", "--limit", "20"])
        .env("BACKCHAIN_STATE_DIR", store.join("state"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{text}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    hits.iter().position(|h| h["id"] == expect).map(|i| i + 1)
}

#[test]
fn what_people_type_finds_what_they_mean() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/search/quality.toml")).unwrap();
    let table: Table = toml::from_str(&text).unwrap();
    assert!(
        table.query.len() >= 40,
        "the table holds at least 40 queries"
    );
    let dir = tempfile::tempdir().unwrap();
    import(dir.path());
    let mut hits = 0;
    let mut misses = Vec::new();
    for q in &table.query {
        match rank(dir.path(), &q.text, &q.expect) {
            Some(r) if r <= q.within => hits += 1,
            other => misses.push(format!(
                "{:?} → {} ranks {} (wanted within {})",
                q.text,
                q.expect,
                other.map_or_else(|| String::from("below 20"), |r| r.to_string()),
                q.within
            )),
        }
    }
    let rate = f64::from(hits) / table.query.len() as f64;
    println!(
        "search quality: {hits} of {} ({:.0} %); misses:\n  {}",
        table.query.len(),
        rate * 100.0,
        misses.join("\n  ")
    );
    assert!(
        rate + 1e-9 >= table.floor,
        "hit rate {:.3} fell below the floor {:.3}; misses:\n  {}",
        rate,
        table.floor,
        misses.join("\n  ")
    );
}
