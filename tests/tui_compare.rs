//! The compare screen: `update` driven by keys, clicks and the wheel, and snapshots of the whole app.

mod common;

use backchain::content::{Store, embedded};
use backchain::engine::Answers;
use backchain::tui::action::{Action, Screen};
use backchain::tui::app::App;
use backchain::tui::layout;
use backchain::tui::state::compare::{
    Anchor, DocLine, Focus, Picker, Side, WHEEL_LINES, areas, document, picker_offset,
};
use backchain::tui::theme::Theme;
use backchain::tui::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn answers(store: &Store) -> Answers {
    common::fixture_answers(store, "ribs-and-breathing")
}

fn app_with(store: Store, width: u16, height: u16) -> App {
    let answers = answers(&store);
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Compare;
    app.size = Rect::new(0, 0, width, height);
    app
}

fn app(width: u16, height: u16) -> App {
    app_with(embedded(), width, height)
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("a test terminal");
    terminal
        .draw(|f| backchain::tui::view::render(app, f))
        .expect("the app draws");
    terminal
}

/// The screen as lines of text.
fn screen_lines(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn id(app: &App, side: Side) -> String {
    app.compare
        .article(&app.store, side)
        .map(|a| a.id.to_string())
        .unwrap_or_default()
}

fn index_of(app: &App, article: &str) -> usize {
    app.store
        .articles
        .iter()
        .position(|a| a.id == article)
        .expect("the article exists")
}

/// The row index of a topic in the current comparison.
fn row_of(app: &App, topic: &str) -> usize {
    let c = app.compare.comparison(&app.store).expect("a comparison");
    c.rows
        .iter()
        .position(|r| r.topic.id == topic)
        .expect("the pair speaks to the topic")
}

fn body(app: &App) -> Rect {
    layout::frame(app.size).body
}

/// The first line in view, as an index into the wrapped rows.
fn top_line(app: &App) -> usize {
    let a = areas(body(app), &app.store, &app.compare);
    let c = app.compare.comparison(&app.store).expect("a comparison");
    let doc = document(&c, a.viewport.width, a.stacked);
    doc.line_of(app.compare.top, a.viewport.height)
}

// ---- update ----

#[test]
fn opens_on_the_pelvic_tilt_pair() {
    let app = app(80, 24);
    assert_eq!(id(&app, Side::A), "ribs-and-breathing");
    assert_eq!(id(&app, Side::B), "pelvic-pulley");
    assert_eq!(app.compare.top, Anchor::default());
    assert_eq!(app.compare.picker, None);
}

#[test]
fn falls_back_to_the_first_two_articles_then_one_twice() {
    let mut store = embedded();
    store.articles.retain(|a| a.id != "pelvic-pulley");
    store.reindex();
    let app = app_with(store, 80, 24);
    assert_eq!((app.compare.a, app.compare.b), (0, 1));

    let mut store = embedded();
    store.articles.truncate(1);
    store.reindex();
    let app = app_with(store, 80, 24);
    assert_eq!((app.compare.a, app.compare.b), (0, 0));
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("= agree"), "an article agrees with itself");
}

#[test]
fn an_empty_store_says_so_and_ignores_keys() {
    let mut store = embedded();
    store.articles.clear();
    store.reindex();
    let mut app = app_with(store, 80, 24);
    for action in [
        Action::PickA,
        Action::Down,
        Action::Swap,
        Action::Bottom,
        Action::Click { column: 5, row: 3 },
    ] {
        update(&mut app, action);
    }
    assert_eq!(app.compare.picker, None);
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("no articles to compare"));
}

#[test]
fn x_swaps_the_articles_and_keeps_the_topic_in_view() {
    let mut app = app(80, 24);
    update(&mut app, Action::Right);
    let top = app.compare.top;
    update(&mut app, Action::Swap);
    assert_eq!(id(&app, Side::A), "pelvic-pulley");
    assert_eq!(id(&app, Side::B), "ribs-and-breathing");
    assert_eq!(app.compare.top, top);
}

#[test]
fn the_picker_moves_chooses_and_cancels() {
    let mut app = app(80, 24);
    update(&mut app, Action::PickA);
    let a = app.compare.a;
    assert_eq!(
        app.compare.picker,
        Some(Picker {
            side: Side::A,
            cursor: a
        }),
        "the cursor starts on the article now shown"
    );
    update(&mut app, Action::Top);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::Up);
    assert_eq!(app.compare.picker.map(|p| p.cursor), Some(1));
    // Keys that scroll the rows move the picker's cursor instead while it is open.
    let before = app.compare.top;
    update(&mut app, Action::Bottom);
    assert_eq!(app.compare.top, before);
    assert_eq!(
        app.compare.picker.map(|p| p.cursor),
        Some(app.store.articles.len() - 1)
    );
    update(&mut app, Action::Up);
    update(&mut app, Action::Select);
    assert_eq!(app.compare.picker, None);
    assert_eq!(app.compare.a, app.store.articles.len() - 2);

    update(&mut app, Action::PickB);
    update(&mut app, Action::Top);
    update(&mut app, Action::Back);
    assert_eq!(app.compare.picker, None, "Esc cancels");
    assert_eq!(id(&app, Side::B), "pelvic-pulley", "and changes nothing");

    // b while A's picker is open switches to B's.
    update(&mut app, Action::PickA);
    update(&mut app, Action::PickB);
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::B));
}

#[test]
fn choosing_keeps_the_topic_when_the_new_pair_speaks_to_it() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    app.compare.top = Anchor { row: tilt, line: 0 };
    update(&mut app, Action::PickB);
    let sleepy = index_of(&app, "tight-or-sleepy");
    app.compare.picker = Some(Picker {
        side: Side::B,
        cursor: sleepy,
    });
    update(&mut app, Action::Select);
    assert_eq!(id(&app, Side::B), "tight-or-sleepy");
    assert_eq!(app.compare.top.row, row_of(&app, "pelvic-tilt"));
}

#[test]
fn tab_focuses_the_headers_and_enter_opens_their_picker() {
    let mut app = app(80, 24);
    assert_eq!(app.compare.focus, Focus::Rows);
    update(&mut app, Action::NextPane);
    assert_eq!(app.compare.focus, Focus::Header(Side::A));
    update(&mut app, Action::NextPane);
    assert_eq!(app.compare.focus, Focus::Header(Side::B));
    update(&mut app, Action::Select);
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::B));
    update(&mut app, Action::Back);
    update(&mut app, Action::PrevPane);
    assert_eq!(app.compare.focus, Focus::Header(Side::A));
    update(&mut app, Action::Back);
    assert_eq!(app.compare.focus, Focus::Rows);
}

#[test]
fn keys_scroll_both_columns_together() {
    let mut app = app(80, 24);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(top_line(&app), 2);
    update(&mut app, Action::Up);
    assert_eq!(top_line(&app), 1);
    update(&mut app, Action::PageDown);
    let a = areas(body(&app), &app.store, &app.compare);
    assert_eq!(top_line(&app), 1 + usize::from(a.viewport.height) - 1);
    update(&mut app, Action::Bottom);
    let c = app.compare.comparison(&app.store).expect("a comparison");
    let doc = document(&c, a.viewport.width, a.stacked);
    assert_eq!(top_line(&app), doc.max_top(a.viewport.height));
    update(&mut app, Action::Down);
    assert_eq!(
        top_line(&app),
        doc.max_top(a.viewport.height),
        "stops at the end"
    );
    update(&mut app, Action::Top);
    assert_eq!(top_line(&app), 0);
    update(&mut app, Action::Up);
    assert_eq!(top_line(&app), 0, "stops at the start");
}

#[test]
fn left_and_right_step_topic_by_topic() {
    let mut app = app(80, 24);
    update(&mut app, Action::Right);
    assert_eq!(app.compare.top, Anchor { row: 1, line: 0 });
    update(&mut app, Action::Right);
    update(&mut app, Action::Down);
    update(&mut app, Action::Left);
    assert_eq!(
        app.compare.top,
        Anchor { row: 2, line: 0 },
        "mid-row, ← goes back to the row's own topic line first"
    );
    update(&mut app, Action::Left);
    assert_eq!(app.compare.top, Anchor { row: 1, line: 0 });
}

#[test]
fn the_wheel_scrolls_and_clicks_open_the_pickers() {
    let mut app = app(80, 24);
    let a = areas(body(&app), &app.store, &app.compare);
    update(
        &mut app,
        Action::ScrollDown {
            column: a.viewport.x + 3,
            row: a.viewport.y + 2,
        },
    );
    assert_eq!(top_line(&app), WHEEL_LINES);
    update(
        &mut app,
        Action::ScrollUp {
            column: a.header_b.x + 2,
            row: a.header_b.y + 1,
        },
    );
    assert_eq!(
        top_line(&app),
        0,
        "the wheel over a header scrolls the rows too"
    );

    update(
        &mut app,
        Action::Click {
            column: a.header_b.x + 4,
            row: a.header_b.y + 1,
        },
    );
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::B));
    let a = areas(body(&app), &app.store, &app.compare);
    let list = a.picker_list.expect("the picker is open");
    let cursor = app.compare.picker.map_or(0, |p| p.cursor);
    let hip = index_of(&app, "hip-rotation-research");
    let row = list.y + u16::try_from(hip - picker_offset(cursor, list.height)).expect("small");
    update(
        &mut app,
        Action::Click {
            column: list.x + 5,
            row,
        },
    );
    assert_eq!(app.compare.picker, None);
    assert_eq!(id(&app, Side::B), "hip-rotation-research");

    let a = areas(body(&app), &app.store, &app.compare);
    update(
        &mut app,
        Action::Click {
            column: a.header_a.x + 2,
            row: a.header_a.y,
        },
    );
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::A));
    let top = body(&app).y;
    update(
        &mut app,
        Action::ScrollDown {
            column: 0,
            row: top,
        },
    );
    assert_eq!(
        app.compare.picker.map(|p| p.cursor),
        Some(app.compare.a + 1),
        "the wheel moves the picker's cursor while it is open"
    );
    // A click outside the picker closes it without choosing.
    let before = app.compare.a;
    let popup = areas(body(&app), &app.store, &app.compare)
        .picker
        .expect("open");
    update(
        &mut app,
        Action::Click {
            column: popup.x.saturating_sub(1),
            row: popup.y,
        },
    );
    assert_eq!(app.compare.picker, None);
    assert_eq!(app.compare.a, before);
}

#[test]
fn a_resize_keeps_the_topic_in_view() {
    let mut app = app(160, 48);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        update(&mut app, Action::Right);
    }
    assert_eq!(app.compare.top.row, tilt);
    app.size = Rect::new(0, 0, 60, 30);
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("Which way does the pelvis tilt"));
}

#[test]
fn narrow_bodies_stack_a_above_b() {
    let app = app(60, 30);
    let a = areas(body(&app), &app.store, &app.compare);
    assert!(a.stacked);
    assert_eq!(a.header_a.width, 60);
    assert!(a.header_b.y > a.header_a.y);
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("A · Ribs & breathing"));
    assert!(text.contains("B · Pelvic pulley"));
    // Scrolled into B's claims, the pinned topic line says whose claims are showing.
    let mut app = app;
    let a = areas(body(&app), &app.store, &app.compare);
    let c = app.compare.comparison(&app.store).expect("a comparison");
    let doc = document(&c, a.viewport.width, a.stacked);
    let (_, b_start) = doc.rows[0].sides.expect("stacked rows know their sides");
    for _ in 0..=b_start {
        update(&mut app, Action::Down);
    }
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("(B cont.)"), "{text}");
    let wide = app_with(embedded(), 80, 24);
    assert!(!areas(body(&wide), &wide.store, &wide.compare).stacked);
}

#[test]
fn rows_align_the_taller_side_sets_the_height() {
    let app = app(80, 24);
    let a = areas(body(&app), &app.store, &app.compare);
    let c = app.compare.comparison(&app.store).expect("a comparison");
    let doc = document(&c, a.viewport.width, a.stacked);
    assert_eq!(doc.rows.len(), c.rows.len());
    for pair in doc.rows.windows(2) {
        // One rule between rows, nothing lost.
        assert_eq!(pair[0].start + pair[0].height + 1, pair[1].start);
    }
    let total: usize = doc.rows.iter().map(|r| r.height).sum::<usize>() + doc.rows.len() - 1;
    assert_eq!(total, doc.footer);
    // After the rows, a rule and what each evidence label shown means.
    assert_eq!(doc.lines[doc.footer], DocLine::Rule);
    let legend: Vec<String> = doc.lines[doc.footer + 1..]
        .iter()
        .map(|l| match l {
            DocLine::Full(run) => run.iter().map(|p| p.text.as_str()).collect(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(legend[0], "Evidence labels");
    assert!(
        legend
            .iter()
            .any(|l| l.starts_with("• clinical-opinion — The author's own")),
        "{legend:?}"
    );
}

#[test]
fn the_pelvic_tilt_row_is_marked_disagree_by_symbol_and_word() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        update(&mut app, Action::Right);
    }
    assert_eq!(app.compare.top, Anchor { row: tilt, line: 0 });
    let lines = screen_lines(&app);
    let line = lines
        .iter()
        .find(|l| l.contains("Which way does the pelvis tilt"))
        .expect("the pelvic-tilt row is in view");
    assert!(line.contains('≠'), "{line}");
    assert!(line.contains("disagree"), "{line}");
    let text = lines.join("\n");
    assert!(text.contains("Tipped forward (anterior)"));
    assert!(text.contains("Tucked under (posterior)"));
    assert!(text.contains(&format!("topic {} of", tilt + 1)) || text.contains("topics"));
}

#[test]
fn one_sided_rows_say_who_speaks_and_the_silent_side_says_so() {
    let mut app = app(160, 48);
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("→ only Pelvic pulley speaks"));
    assert!(text.contains("(says nothing on this)"));
    update(&mut app, Action::Bottom);
    let text = screen_lines(&app).join("\n");
    assert!(text.contains("← only Ribs & breathing speaks") || text.contains("speaks"));
}

#[test]
fn no_size_panics() {
    let actions = [
        Action::Down,
        Action::PageDown,
        Action::Right,
        Action::Bottom,
        Action::PickA,
        Action::Down,
        Action::Click { column: 1, row: 1 },
        Action::PickB,
        Action::Select,
        Action::ScrollDown { column: 2, row: 2 },
        Action::Swap,
        Action::Left,
        Action::Top,
    ];
    for width in [1, 2, 10, 30, 49, 50, 51, 69, 70, 71, 100, 200] {
        for height in [1, 2, 5, 13, 14, 15, 20, 24, 33, 34, 60] {
            let mut app = app(width, height);
            for action in actions {
                update(&mut app, action);
                draw(&app);
            }
            update(&mut app, Action::PickA);
            draw(&app);
        }
    }
}

#[test]
fn small_rects_do_not_panic() {
    let app = app(80, 24);
    for w in 0..30 {
        for h in 0..12 {
            let area = Rect::new(0, 0, w, h);
            let a = areas(area, &app.store, &app.compare);
            assert!(a.rows.height <= h && a.header_a.height <= h);
            let c = app.compare.comparison(&app.store).expect("a comparison");
            let doc = document(&c, w, w < 70);
            let _ = doc.line_of(Anchor { row: 99, line: 99 }, h);
        }
    }
}

// ---- snapshots ----

#[test]
fn snapshot_default_pair_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!("compare_80x24", draw(&app).backend());
}

#[test]
fn snapshot_default_pair_160x48() {
    let app = app(160, 48);
    insta::assert_snapshot!("compare_160x48", draw(&app).backend());
}

#[test]
fn snapshot_picker_open() {
    let mut app = app(80, 24);
    update(&mut app, Action::PickB);
    update(&mut app, Action::Down);
    insta::assert_snapshot!("compare_picker_80x24", draw(&app).backend());
}

#[test]
fn snapshot_scrolled_to_pelvic_tilt() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        update(&mut app, Action::Right);
    }
    insta::assert_snapshot!("compare_pelvic_tilt_80x24", draw(&app).backend());
}

#[test]
fn snapshot_mid_row_pins_the_topic() {
    let mut app = app(80, 24);
    update(&mut app, Action::Right);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    insta::assert_snapshot!("compare_pinned_80x24", draw(&app).backend());
}

#[test]
fn snapshot_narrow_stacks() {
    let app = app(60, 30);
    insta::assert_snapshot!("compare_narrow_60x30", draw(&app).backend());
}
