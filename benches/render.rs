//! Render: every screen drawn at 200×60 with a 10k-exercise store. Target ≤ 2 ms per frame.

mod common;

use backchain::content::{SourceFile, Store, synthetic};
use backchain::engine::Answers;
use backchain::tui::theme::Theme;
use backchain::tui::{App, Screen, view};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn app() -> App {
    let mut problems = Vec::new();
    let store = Store::from_files(synthetic::store_files(10_000), &mut problems);
    assert!(problems.is_empty());
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/pelvic-pulley.toml"
    ))
    .expect("fixture");
    let file = SourceFile::named("fixture", text);
    let answers = Answers::parse(&file, &store.questionnaire).expect("answers");
    let mut app = App::new(store, answers, Theme::new(false));
    app.size = Rect::new(0, 0, 200, 60);
    app
}

fn benches(c: &mut Criterion) {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    let mut group = c.benchmark_group("render_200x60_10k");
    for screen in Screen::ALL {
        app.screen = screen;
        app.settle();
        // Screens moved to `screens/` draw the frame `prepare` laid out for this size.
        app.prepare();
        group.bench_function(screen.title(), |b| {
            b.iter(|| terminal.draw(|f| view::render(&app, f)).map(|_| ()))
        });
    }
    group.finish();
}

criterion_group!(group, benches);

fn main() {
    group();
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    for screen in Screen::ALL {
        app.screen = screen;
        app.settle();
        // Screens moved to `screens/` draw the frame `prepare` laid out for this size.
        app.prepare();
        let s = common::stats(common::repeat(200, || {
            terminal.draw(|f| view::render(&app, f)).map(|_| ())
        }));
        common::verdict(
            &format!("{} frame at 200×60, median", screen.title()),
            s.median,
            " ms",
            2.0,
        );
    }
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
