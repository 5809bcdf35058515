//! Store scale: 10k exercise files read from disk, parsed, cleaned, checked and indexed (id indexes and the
//! search index), against plain toml+serde parsing of the same files. Target: ≤ 1.25× the plain parse.
//!
//! Then 100k, side by side in one run: a cold load (no store cache yet: it is written), a warm one (from
//! the cache), and the floor, a plain toml+serde parse of the same files over two threads; and the peak
//! memory of `backchain check --only DIR` against the store's bytes on disk. Targets: cold ≤ 1.25× the
//! floor, warm ≤ 0.5 s, memory ≤ 2.5× the bytes on disk.

mod common;

use backchain::content::{Layers, Origin, Store, synthetic};
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

fn store_dir_of(count: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backchain-bench-store-{count}"));
    if !dir.join("exercises").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        synthetic::write_store(&dir, count).expect("write synthetic store");
        // The cache keeps only files changed more than two seconds before they are read.
        std::thread::sleep(std::time::Duration::from_secs(3));
    }
    dir
}

fn store_dir() -> PathBuf {
    store_dir_of(EXERCISES)
}

fn exercise_paths(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("exercises"))
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    entries
}

fn plain_parse_paths(paths: &[PathBuf]) -> Vec<PlainExercise> {
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("read");
            toml::from_str::<PlainExercise>(&text).expect("parse")
        })
        .collect()
}

/// Both sides keep what they parsed and hand it back, so freeing it is not timed on either side.
fn plain_parse(dir: &Path) -> Vec<PlainExercise> {
    plain_parse_paths(&exercise_paths(dir))
}

/// The floor at 100k: the same plain parse, the files split over two threads.
fn plain_parse_two_threads(paths: &[PathBuf]) -> Vec<PlainExercise> {
    let (a, b) = paths.split_at(paths.len() / 2);
    std::thread::scope(|s| {
        let first = s.spawn(|| plain_parse_paths(a));
        let mut out = plain_parse_paths(b);
        let mut all = first.join().expect("thread");
        all.append(&mut out);
        all
    })
}

/// Load and check with the store cache in `cache` (what `backchain check --only DIR` does).
fn cached_load(dir: &Path, cache: &Path) -> Store {
    let layers = Layers::one(Origin::Dir(dir.to_path_buf()));
    let (store, problems) = Store::load_layers_cached(&layers, Some(cache)).expect("load");
    assert!(problems.is_empty(), "{:?}", problems.first());
    assert!(store.cache_note.is_none(), "{:?}", store.cache_note);
    store
}

/// Bytes of all files below `dir`.
fn bytes_on_disk(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            if p.is_dir() {
                bytes_on_disk(&p)
            } else {
                std::fs::metadata(&p).map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// Peak resident memory (bytes) of `backchain check --only DIR`, as `/usr/bin/time` reports it. (The
/// kernel's account of a child forked from this process would count the bench's own memory, copied at the
/// fork, as the child's peak.) `None` without `/usr/bin/time`.
fn peak_rss_of_check(dir: &Path, cache: Option<&Path>) -> Option<u64> {
    let mut cmd = std::process::Command::new("/usr/bin/time");
    cmd.args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_backchain"))
        .arg("check")
        .arg("--only")
        .arg(dir)
        .env_remove("BACKCHAIN_NO_CACHE");
    match cache {
        Some(cache) => cmd.env("BACKCHAIN_CACHE_DIR", cache),
        None => cmd.env("BACKCHAIN_NO_CACHE", "1"),
    };
    let out = cmd.output().ok()?;
    assert!(out.status.success(), "check failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kb: u64 = stderr.lines().last()?.trim().parse().ok()?;
    Some(kb * 1024)
}

fn at_100k() {
    const BIG: usize = 100_000;
    let dir = store_dir_of(BIG);
    let paths = exercise_paths(&dir);
    let cache = std::env::temp_dir().join(format!("backchain-bench-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    // Interleaved, so that disk cache and CPU frequency treat them alike; few rounds, each takes seconds.
    let (mut floor, mut cold, mut warm) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        floor.push(timed(|| plain_parse_two_threads(&paths)));
        let _ = std::fs::remove_dir_all(&cache);
        cold.push(timed(|| cached_load(&dir, &cache)));
        let store = cached_load(&dir, &cache);
        assert_eq!(
            store.files.iter().filter(|f| f.from_cache()).count(),
            store.files.len(),
            "a warm load reads every file from the cache"
        );
        drop(store);
        warm.push(timed(|| cached_load(&dir, &cache)));
    }
    let (floor, cold, warm) = (
        common::stats(floor),
        common::stats(cold),
        common::stats(warm),
    );
    let disk = bytes_on_disk(&dir);
    let mb = |b: u64| b as f64 / 1e6;
    let _ = std::fs::remove_dir_all(&cache);
    println!(
        "100k files — floor (plain toml+serde, 2 threads): median {:.0} ms (range {:.0}–{:.0}); cold load+check (writes the cache): median {:.0} ms (range {:.0}–{:.0}); warm load+check: median {:.0} ms (range {:.0}–{:.0})",
        floor.median,
        floor.min,
        floor.max,
        cold.median,
        cold.min,
        cold.max,
        warm.median,
        warm.min,
        warm.max
    );
    common::verdict("100k cold / floor", cold.median / floor.median, "×", 1.25);
    common::verdict("100k warm", warm.median / 1000.0, " s", 0.5);
    let _ = std::fs::remove_dir_all(&cache);
    let rss_cold = peak_rss_of_check(&dir, Some(&cache));
    let rss_warm = peak_rss_of_check(&dir, Some(&cache));
    let rss_off = peak_rss_of_check(&dir, None);
    let cache_bytes = bytes_on_disk(&cache);
    let _ = std::fs::remove_dir_all(&cache);
    let (Some(rss_cold), Some(rss_warm), Some(rss_off)) = (rss_cold, rss_warm, rss_off) else {
        println!("100k memory: not measured (needs /usr/bin/time)");
        return;
    };
    println!(
        "100k files — {:.0} MB on disk, cache {:.0} MB; peak RSS of `check --only`: cold {:.0} MB, warm {:.0} MB, no cache {:.0} MB",
        mb(disk),
        mb(cache_bytes),
        mb(rss_cold),
        mb(rss_warm),
        mb(rss_off)
    );
    let ratio = |rss: u64| rss as f64 / disk as f64;
    common::verdict(
        "100k memory, warm / bytes on disk",
        ratio(rss_warm),
        "×",
        2.5,
    );
    common::verdict(
        "100k memory, cold / bytes on disk",
        ratio(rss_cold),
        "×",
        2.5,
    );
    common::verdict(
        "100k memory, no cache / bytes on disk",
        ratio(rss_off),
        "×",
        2.5,
    );
}

/// Without the store cache, so the 10k figure stays a parse (the cache is measured at 100k).
fn full_load(dir: &Path) -> (Store, SearchIndex) {
    let layers = Layers::one(Origin::Dir(dir.to_path_buf()));
    let (store, problems) = Store::load_layers_cached(&layers, None).expect("load");
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
    // As the binary does at start (`cli::run`), for both sides alike.
    backchain::heap::grow_in_large_steps();
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
    at_100k();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
