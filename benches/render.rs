//! Render: every screen drawn at 200×60 with a 10k-exercise store. Target ≤ 2 ms per frame. Timed
//! twice: the draw alone (after one layout), and the whole frame as the app makes it (layout, then
//! draw) with ten years of journal loaded (a session a day: 22k events that move the routine).

mod common;

use backchain::content::{SourceFile, Store, synthetic as stores};
use backchain::engine::Answers;
use backchain::journal::Journal;
use backchain::progress::synthetic::{self, Fill};
use backchain::tui::theme::Theme;
use backchain::tui::{App, Screen, view};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn app() -> App {
    let mut problems = Vec::new();
    let store = Store::from_files(stores::store_files(10_000), &mut problems);
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

/// Ten years of daily sessions, pain ratings and retests, read as the app reads them at start.
fn ten_years(app: &mut App) {
    let dir = tempfile::tempdir().expect("temp");
    let (mut journal, _) = Journal::open(&dir.path().join("journal.sqlite3")).expect("journal");
    let fill = Fill {
        sessions_per_week: 7,
        daily_pain: true,
        ..Fill::new(3650, 1_483_228_800, 10) // 2017-01-01
    };
    synthetic::fill_with(&mut journal, &fill).expect("filled");
    app.events = journal.events(None).expect("events");
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
    ten_years(&mut app);
    println!("with {} journal events:", app.events.len());
    for screen in Screen::ALL {
        app.screen = screen;
        let s = common::stats(common::repeat(100, || {
            terminal.draw(|f| view::draw(&mut app, f)).map(|_| ())
        }));
        common::verdict(
            &format!(
                "{} whole frame (layout + draw) at 200×60, 10-year journal, median",
                screen.title()
            ),
            s.median,
            " ms",
            2.0,
        );
    }
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
