//! Start-up: the bundled store loaded and checked (target ≤ 10 ms); the first frame of the app after
//! launch — store, app state, search index and one render (target ≤ 20 ms); and with a 100k-exercise
//! store on disk, the first frame while it loads in the background — from starting the load to the
//! loading frame drawn at 200×60, as the app does it (target ≤ 50 ms, whatever the store's size).

mod common;

use backchain::content::{Layers, Origin, Store, synthetic};
use backchain::tui::loader::Loader;
use backchain::tui::loading::{self, Loading};
use backchain::tui::theme::Theme;
use backchain::tui::{App, view};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The large store: exercises on disk, generated once in the temp folder and reused.
const LARGE: usize = 100_000;

fn large_store() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backchain-bench-store-{LARGE}"));
    if !dir.join("exercises").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        synthetic::write_store(&dir, LARGE).expect("write synthetic store");
    }
    dir
}

/// Set to the large store's folder, the bench measures one start and prints its two times.
const ONE_START: &str = "BACKCHAIN_BENCH_ONE_START";

/// `n` starts of the app on the large store, each in a fresh process as the app always starts: in one
/// process, a load after an earlier 100k store was freed meets a heap the app never has (its first draw
/// then stalls for a few hundred ms now and then).
fn starts(dir: &Path, n: usize) -> Vec<(Duration, Duration)> {
    (0..n)
        .map(|_| {
            let out = std::process::Command::new(std::env::current_exe().expect("this bench"))
                .env(ONE_START, dir)
                .output()
                .expect("run one start");
            let text = String::from_utf8_lossy(&out.stdout);
            let nanos: Vec<u64> = text
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            assert!(nanos.len() == 2, "one start printed {text:?}");
            (
                Duration::from_nanos(nanos[0]),
                Duration::from_nanos(nanos[1]),
            )
        })
        .collect()
}

/// One start of the app on the large store: the time to its first frame (the load started, the grace
/// period waited, the loading frame drawn) and the time until the store is loaded, checked and indexed.
fn first_frame_large(dir: &Path) -> (Duration, Duration) {
    let layers = Layers::one(Origin::Dir(dir.to_path_buf()));
    let start = Instant::now();
    let loader = Loader::start(move |progress| {
        let (store, problems) = Store::load_layers_watched(&layers, progress).map_err(drop)?;
        if problems.is_empty() {
            Ok(store)
        } else {
            Err(())
        }
    })
    .expect("load thread");
    let early = loader.wait_first_frame().expect("load");
    assert!(
        early.is_none(),
        "the large store loaded within the grace period"
    );
    let mut loading = Loading::new(Theme::new(false));
    loading.progress = loader.progress();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    terminal
        .draw(|f| loading::draw(&mut loading, f))
        .expect("draw");
    let first = start.elapsed();
    // The next start waits for this load to end, so loads do not pile up on each other.
    let ready = loop {
        if let Some(done) = loader.wait(Duration::from_millis(10)).expect("load") {
            assert!(done.is_ok(), "the large store has problems");
            break start.elapsed();
        }
    };
    (first, ready)
}

fn first_frame() -> usize {
    let (store, problems) = Store::load(&Origin::Embedded).expect("bundled store");
    assert!(problems.is_empty());
    let app = App::new(store, Default::default(), Theme::new(false));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    terminal.backend().buffer().content.len()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.bench_function("load_and_check_bundled_store", |b| {
        b.iter(|| Store::load(&Origin::Embedded).expect("bundled store"))
    });
    group.bench_function("first_frame_200x60", |b| b.iter(first_frame));
    group.finish();
}

criterion_group!(group, benches);

fn main() {
    // One start of the app, in a process of its own (see `starts`).
    if let Some(dir) = std::env::var_os(ONE_START) {
        let (first, ready) = first_frame_large(Path::new(&dir));
        println!("{} {}", first.as_nanos(), ready.as_nanos());
        return;
    }
    group();
    let load = common::stats(common::repeat(50, || Store::load(&Origin::Embedded)));
    common::verdict(
        "bundled store loaded and checked, median",
        load.median,
        " ms",
        10.0,
    );
    let frame = common::stats(common::repeat(30, first_frame));
    common::verdict(
        "first frame after launch (load + app + render 200×60), median",
        frame.median,
        " ms",
        20.0,
    );
    let starts = starts(&large_store(), 5);
    let first = common::stats(starts.iter().map(|s| s.0).collect());
    let ready = common::stats(starts.iter().map(|s| s.1).collect());
    common::verdict(
        &format!(
            "first frame while a {}k store loads (load started → loading frame at 200×60), max of {}",
            LARGE / 1000,
            starts.len()
        ),
        first.max,
        " ms",
        50.0,
    );
    println!(
        "       that store ready behind it (read, parsed, checked, indexed): median {:.0} ms",
        ready.median
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
