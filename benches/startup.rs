//! Start-up: the bundled store loaded and checked (target ≤ 10 ms); the first frame of the app after
//! launch — store, app state, search index and one render (target ≤ 20 ms).

mod common;

use backchain::content::{Origin, Store};
use backchain::tui::theme::Theme;
use backchain::tui::{App, view};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
