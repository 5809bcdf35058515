//! Search per keystroke: the queries typed one character at a time through a `SearchSession`, at 900
//! (the bundled plus imported library's size), 10k and 100k synthetic exercises. Targets: p95 ≤ 1 ms at
//! 900 and ≤ 8 ms at 10k; at 100k the median ≤ 1.0× a plain byte-scan subsequence floor measured in
//! this run, and p95 ≤ 60 ms. nucleo-matcher scanning the same lines and the unoptimised reference
//! ranking (`search::reference`, 10k only) are printed alongside for comparison.

mod common;

use backchain::content::{Store, synthetic};
use backchain::search::{Filters, SearchIndex, SearchSession, reference};
use criterion::{Criterion, criterion_group};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::time::Duration;

const QUERIES: [&str; 5] = ["hamstrng", "good mornin", "hip ir", "kneel rot", "brth"];

fn store(count: usize) -> Store {
    let mut problems = Vec::new();
    let store = Store::from_files(synthetic::store_files(count), &mut problems);
    assert!(problems.is_empty(), "{:?}", problems.first());
    store
}

/// Every prefix of every query: what typing them produces.
fn keystrokes() -> Vec<&'static str> {
    QUERIES
        .iter()
        .flat_map(|q| q.char_indices().map(move |(i, c)| &q[..i + c.len_utf8()]))
        .collect()
}

/// Per-keystroke times of backchain's search, a session per query as the app uses it.
fn ours(index: &SearchIndex) -> Vec<Duration> {
    let filters = Filters::default();
    let mut times = Vec::new();
    for query in QUERIES {
        let mut session = SearchSession::new();
        for (i, c) in query.char_indices() {
            let prefix = &query[..i + c.len_utf8()];
            let (_, t) = common::time(|| session.search(index, prefix, &filters).len());
            times.push(t);
        }
    }
    times
}

fn floor(lines: &[String]) -> Vec<Duration> {
    keystrokes()
        .into_iter()
        .map(|q| common::time(|| reference::floor_count(lines, q)).1)
        .collect()
}

fn nucleo(lines: &[String]) -> Vec<Duration> {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    keystrokes()
        .into_iter()
        .map(|q| {
            let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
            common::time(|| {
                lines
                    .iter()
                    .filter(|l| {
                        pattern
                            .score(Utf32Str::new(l, &mut buf), &mut matcher)
                            .is_some()
                    })
                    .count()
            })
            .1
        })
        .collect()
}

/// The unoptimised path: the straightforward ranking of every keystroke's first 20 hits, from scratch.
fn unoptimised(index: &SearchIndex) -> Vec<Duration> {
    let filters = Filters::default();
    keystrokes()
        .into_iter()
        .map(|q| common::time(|| reference::rank(index, q, &filters, 20).len()).1)
        .collect()
}

fn benches(c: &mut Criterion) {
    let store = store(10_000);
    let index = SearchIndex::new(&store);
    let mut group = c.benchmark_group("search_10k");
    group.sample_size(20);
    group.bench_function("type_five_queries", |b| b.iter(|| ours(&index)));
    group.finish();
}

criterion_group!(group, benches);

/// The store sizes measured: all three, or those listed in `SEARCH_BENCH_SIZES` ("100000" or
/// "900,10000"), which also skips the criterion group, to measure one size quickly.
fn sizes() -> Vec<usize> {
    match std::env::var("SEARCH_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect(),
        Err(_) => vec![900, 10_000, 100_000],
    }
}

fn main() {
    if std::env::var_os("SEARCH_BENCH_SIZES").is_none() {
        group();
    }
    for count in sizes() {
        let (store, load) = common::time(|| store(count));
        let (index, build) = common::time(|| SearchIndex::new(&store));
        let lines = reference::floor_lines(&store);
        let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
        println!(
            "{count} exercises: store built in {:.0} ms, search index in {:.0} ms, {} lines, {:.1} MB of line text",
            load.as_secs_f64() * 1000.0,
            build.as_secs_f64() * 1000.0,
            lines.len(),
            bytes as f64 / 1e6
        );
        // Ours and the floor interleaved, so that a busy spell on the machine hits both alike.
        let repeats = match count {
            900 => 50,
            10_000 => 10,
            _ => 5,
        };
        let (mut a, mut f) = (Vec::new(), Vec::new());
        for _ in 0..repeats {
            a.extend(ours(&index));
            f.extend(floor(&lines));
        }
        let (a, f) = (common::stats(a), common::stats(f));
        let n = common::stats(nucleo(&lines));
        let mut rows = vec![
            ("backchain (session)", &a),
            ("byte-scan floor", &f),
            ("nucleo-matcher naive", &n),
        ];
        let r;
        if count == 10_000 {
            r = common::stats(unoptimised(&index));
            rows.push(("unoptimised reference", &r));
        }
        for (name, s) in rows {
            println!(
                "  {name:<22} per keystroke: median {:.2} ms, p95 {:.2} ms, range {:.2}–{:.2} ms",
                s.median, s.p95, s.min, s.max
            );
        }
        match count {
            900 => common::verdict("900 p95 per keystroke", a.p95, " ms", 1.0),
            10_000 => common::verdict("10k p95 per keystroke", a.p95, " ms", 8.0),
            _ => {
                common::verdict(
                    "100k median / byte-scan floor",
                    a.median / f.median,
                    "×",
                    1.0,
                );
                common::verdict("100k p95 per keystroke", a.p95, " ms", 60.0);
            }
        }
    }
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
