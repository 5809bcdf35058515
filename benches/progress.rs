//! Progress: a journal of ten years of daily entries (a session a day with its exercises, a pain rating a
//! day, a retest every two weeks), written once outside the timing; then timed: open the journal, read
//! its events, compute the summary and draw the Progress screen at 200×60. Target < 50 ms.

mod common;

use backchain::content::{Origin, Store};
use backchain::journal::Journal;
use backchain::progress::synthetic::{self, Fill};
use backchain::tui::theme::Theme;
use backchain::tui::{App, Screen, view};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::path::Path;

const DAYS: u32 = 3650;

/// Writes the ten-year journal into `dir`; returns its path.
fn journal(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("journal.sqlite3");
    let (mut journal, _) = Journal::open(&path).expect("journal");
    let fill = Fill {
        sessions_per_week: 7,
        daily_pain: true,
        ..Fill::new(DAYS, 1_483_228_800, 10) // 2017-01-01
    };
    synthetic::fill_with(&mut journal, &fill).expect("filled");
    path
}

fn app(store: &Store) -> App {
    let mut app = App::new(store.clone(), Default::default(), Theme::new(false));
    app.size = Rect::new(0, 0, 200, 60);
    app.screen = Screen::Progress;
    app
}

/// What is timed: open, read, summarise, draw.
fn open_and_draw(path: &Path, app: &mut App, terminal: &mut Terminal<TestBackend>) -> usize {
    // A fresh screen state, so the summary is computed again and not taken from the last frame.
    app.progress = Default::default();
    let (journal, _) = Journal::open(path).expect("open");
    // Only what the screen needs: sessions, pain ratings and retests, not each exercise's row.
    app.events = journal
        .events_of(None, &backchain::progress::KINDS)
        .expect("events");
    terminal.draw(|f| view::draw(app, f)).expect("draw");
    app.events.len()
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let path = journal(dir.path());
    let (store, _) = Store::load(&Origin::Embedded).expect("store");
    let mut app = app(&store);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("progress_10y_open_read_draw_200x60", |b| {
        b.iter(|| open_and_draw(&path, &mut app, &mut terminal))
    });
}

criterion_group!(group, benches);

fn main() {
    group();
    let dir = tempfile::tempdir().expect("temp");
    let (path, written) = common::time(|| journal(dir.path()));
    let (store, _) = Store::load(&Origin::Embedded).expect("store");
    let mut app = app(&store);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    let events = open_and_draw(&path, &mut app, &mut terminal);
    println!(
        "ten years of daily entries written in {:.0} ms; the screen reads {events} of them (sessions, pain, retests)",
        written.as_secs_f64() * 1000.0
    );
    let s = common::stats(common::repeat(30, || {
        open_and_draw(&path, &mut app, &mut terminal)
    }));
    common::verdict(
        "open + read + summary + Progress screen at 200×60, 10 years daily, median",
        s.median,
        " ms",
        50.0,
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
