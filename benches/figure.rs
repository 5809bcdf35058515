//! Figure: one frame of an exercise's moving figure at 200×60 — interpolate the pose, lay out the shapes
//! and draw them on a braille canvas into a `TestBackend`, and the same through the braille rasteriser.
//! Target: well under 1 ms.

mod common;

use backchain::content::embedded;
use backchain::figure::{Figure, View, braille};
use backchain::tui::screens::exercises::figure::{figure_drawn, render};
use backchain::tui::theme::Theme;
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 200, 60);

fn figure() -> Figure {
    let store = embedded();
    let e = store
        .exercise("romanian-deadlift")
        .expect("romanian-deadlift");
    e.figure
        .as_ref()
        .expect("every built-in exercise has a figure")
        .figure()
}

/// One frame on the app's canvas: the pose at `ms`, its shapes, drawn.
fn canvas_frame(figure: &Figure, terminal: &mut Terminal<TestBackend>, theme: &Theme, ms: u64) {
    let pose = figure.at(ms);
    let drawn = figure_drawn(figure, &pose, AREA, true).expect("room");
    terminal
        .draw(|f| render(&drawn, f, theme))
        .map(|_| ())
        .expect("draw");
}

fn text_frame(figure: &Figure, ms: u64) -> usize {
    let pose = figure.at(ms);
    braille::pose_lines(figure, &pose, 200, 60).len()
}

fn benches(c: &mut Criterion) {
    let figure = figure();
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    let mut group = c.benchmark_group("figure_200x60");
    let mut ms = 0;
    group.bench_function("canvas frame", |b| {
        b.iter(|| {
            ms += 100;
            canvas_frame(&figure, &mut terminal, &theme, ms)
        })
    });
    group.bench_function("braille text frame", |b| {
        b.iter(|| {
            ms += 100;
            text_frame(&figure, ms)
        })
    });
    group.bench_function("bounds and view", |b| {
        b.iter(|| View::fit(figure.bounds(), 400, 240, 1.0))
    });
    group.finish();
}

criterion_group!(group, benches);

fn main() {
    group();
    let figure = figure();
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    let mut ms = 0;
    let s = common::stats(common::repeat(500, || {
        ms += 100;
        canvas_frame(&figure, &mut terminal, &theme, ms)
    }));
    common::verdict(
        "figure frame on the canvas at 200×60, median",
        s.median,
        " ms",
        1.0,
    );
    let s = common::stats(common::repeat(500, || {
        ms += 100;
        text_frame(&figure, ms)
    }));
    common::verdict(
        "figure frame as braille text at 200×60, median",
        s.median,
        " ms",
        1.0,
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
