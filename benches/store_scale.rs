//! Store scale: 10k exercise files read from disk, parsed, cleaned, checked and indexed (id indexes and the
//! search index), against plain toml+serde parsing of the same files. Target: ≤ 1.25× the plain parse.

mod common;

use backchain::content::{Origin, Store, synthetic};
use backchain::search::SearchIndex;
use criterion::{Criterion, criterion_group};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const EXERCISES: usize = 10_000;

/// The same fields as an exercise, without spans, cleaning or checks: the floor.
#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainExercise {
    id: String,
    name: String,
    aliases: Vec<String>,
    summary: String,
    regions: Vec<String>,
    muscles: Vec<String>,
    equipment: Vec<String>,
    position: String,
    phase: String,
    steps: Vec<String>,
    cues: Vec<String>,
    cautions: Vec<String>,
    chains: Vec<String>,
    articles: Vec<String>,
    #[serde(default)]
    requires: Vec<String>,
    picture: Option<String>,
    dosage: toml::Table,
    provenance: toml::Table,
    ladder: toml::Table,
}

fn store_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backchain-bench-store-{EXERCISES}"));
    if !dir.join("exercises").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        synthetic::write_store(&dir, EXERCISES).expect("write synthetic store");
    }
    dir
}

/// Both sides keep what they parsed and hand it back, so freeing it is not timed on either side.
fn plain_parse(dir: &Path) -> Vec<PlainExercise> {
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("exercises"))
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    entries
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("read");
            toml::from_str::<PlainExercise>(&text).expect("parse")
        })
        .collect()
}

fn full_load(dir: &Path) -> (Store, SearchIndex) {
    let (store, problems) = Store::load(&Origin::Dir(dir.to_path_buf())).expect("load");
    assert!(problems.is_empty(), "{:?}", problems.first());
    let index = SearchIndex::new(&store);
    (store, index)
}

/// Times `f` alone; what it returns is dropped after the clock stops.
fn timed<T>(f: impl FnOnce() -> T) -> std::time::Duration {
    let (out, t) = common::time(f);
    drop(out);
    t
}

fn benches(c: &mut Criterion) {
    let dir = store_dir();
    let mut group = c.benchmark_group("store_scale_10k");
    group.sample_size(10);
    group.bench_function("plain_toml_serde", |b| {
        b.iter_with_large_drop(|| plain_parse(&dir))
    });
    group.bench_function("backchain_load_check_index", |b| {
        b.iter_with_large_drop(|| full_load(&dir))
    });
    group.finish();
}

criterion_group!(group, benches);

fn main() {
    group();
    let dir = store_dir();
    // Interleave the two so that disk cache and CPU frequency treat them alike.
    let mut plain = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..9 {
        plain.push(timed(|| plain_parse(&dir)));
        ours.push(timed(|| full_load(&dir)));
    }
    let (plain, ours) = (common::stats(plain), common::stats(ours));
    println!(
        "10k files — plain toml+serde: median {:.1} ms (range {:.1}–{:.1}); backchain load+clean+check+index: median {:.1} ms (range {:.1}–{:.1})",
        plain.median, plain.min, plain.max, ours.median, ours.min, ours.max
    );
    common::verdict(
        "ratio backchain / plain",
        ours.median / plain.median,
        "×",
        1.25,
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
