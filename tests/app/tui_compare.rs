//! The compare screen: `update` driven by keys, clicks and the wheel, the pickers, the search, and
//! snapshots of the whole app.

use backchain::content::{Store, embedded};
use backchain::engine::Answers;
use backchain::tui::action::{Action, Screen};
use backchain::tui::app::App;
use backchain::tui::keys::{Mode, Scope, all, map_key};
use backchain::tui::screens::Msg;
use backchain::tui::screens::compare::doc::{DocLine, document};
use backchain::tui::screens::compare::{Anchor, Drawn, Focus, Picker, Side};
use backchain::tui::theme::Theme;
use backchain::tui::{update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Color;

fn app_with(store: Store, width: u16, height: u16) -> App {
    let answers = if store.questionnaire.questions.is_empty() {
        Answers::default()
    } else {
        crate::common::fixture_answers(&store, "ribs-and-breathing")
    };
    let mut app = App::new(store, answers, Theme::new(true));
    app.size = Rect::new(0, 0, width, height);
    app.handle(vec![Msg::Goto(Screen::Compare)]);
    app.prepare();
    app
}

fn app(width: u16, height: u16) -> App {
    app_with(embedded(), width, height)
}

/// An action as the event loop does it: `update`, then the next frame laid out.
fn act(app: &mut App, action: Action) -> bool {
    let meant = update(app, action);
    app.prepare();
    meant
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        if let Some(action) = map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE)) {
            act(app, action);
        }
    }
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("a test terminal");
    terminal
        .draw(|f| view::draw(app, f))
        .expect("the app draws");
    terminal
}

/// The screen as lines of text.
fn screen_lines(app: &mut App) -> Vec<String> {
    crate::drive::rows(&draw(app))
}

fn drawn(app: &App) -> &Drawn {
    app.compare.drawn.as_ref().expect("laid out")
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

/// The first line in view, as an index into the wrapped rows.
fn top_line(app: &App) -> usize {
    drawn(app).top
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
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
fn falls_back_to_the_first_two_articles_and_never_one_against_itself() {
    let mut store = embedded();
    store.articles.retain(|a| a.id != "pelvic-pulley");
    store.reindex();
    let app = app_with(store, 80, 24);
    assert_eq!((app.compare.a, app.compare.b), (0, 1));

    let mut store = embedded();
    store.articles.truncate(1);
    store.reindex();
    let mut app = app_with(store, 80, 24);
    assert!(app.compare.comparison(&app.store).is_none());
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("needs two articles"), "{text}");
    assert!(text.contains("000 Ribs &"), "{text}");
    assert!(
        !text.contains("= agree"),
        "an article is not compared with itself"
    );
    for action in [Action::PickA, Action::Swap, Action::Down] {
        assert!(!act(&mut app, action), "{action:?} means nothing here");
    }
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
        Action::FocusSearch,
        Action::Click { column: 5, row: 3 },
    ] {
        act(&mut app, action);
    }
    assert_eq!(app.compare.picker, None);
    assert!(!app.compare.typing);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("no articles to compare"));
}

#[test]
fn w_swaps_the_articles_and_keeps_the_topic_in_view() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Right]);
    let top = app.compare.top;
    press(&mut app, &[KeyCode::Char('w')]);
    assert_eq!(id(&app, Side::A), "pelvic-pulley");
    assert_eq!(id(&app, Side::B), "ribs-and-breathing");
    assert_eq!(app.compare.top, top);
    // x is the search's key now, not a swap.
    press(&mut app, &[KeyCode::Char('x')]);
    assert_eq!(id(&app, Side::A), "pelvic-pulley");
}

#[test]
fn the_picker_moves_chooses_cancels_and_skips_the_other_sides_article() {
    let mut app = app(80, 24);
    act(&mut app, Action::PickA);
    let a = app.compare.a;
    assert_eq!(
        app.compare.picker,
        Some(Picker {
            side: Side::A,
            cursor: a
        }),
        "the cursor starts on the article now shown"
    );
    assert_eq!(app.key_context().mode(), Some(Mode::Picker));
    let b = app.compare.b;
    act(&mut app, Action::Top);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    act(&mut app, Action::Up);
    assert_eq!(app.compare.picker.map(|p| p.cursor), Some(1));
    // Down from just above B's article jumps over it.
    app.compare.picker = Some(Picker {
        side: Side::A,
        cursor: b - 1,
    });
    act(&mut app, Action::Down);
    assert_eq!(app.compare.picker.map(|p| p.cursor), Some(b + 1));
    act(&mut app, Action::Up);
    assert_eq!(app.compare.picker.map(|p| p.cursor), Some(b - 1));
    // Keys that scroll the rows move the picker's cursor instead while it is open.
    let before = app.compare.top;
    act(&mut app, Action::Bottom);
    assert_eq!(app.compare.top, before);
    assert_eq!(
        app.compare.picker.map(|p| p.cursor),
        Some(app.store.articles.len() - 1)
    );
    act(&mut app, Action::Select);
    assert_eq!(app.compare.picker, None);
    assert_eq!(app.compare.a, app.store.articles.len() - 1);

    act(&mut app, Action::PickB);
    act(&mut app, Action::Top);
    act(&mut app, Action::Back);
    assert_eq!(app.compare.picker, None, "Esc cancels");
    assert_eq!(id(&app, Side::B), "pelvic-pulley", "and changes nothing");
}

#[test]
fn the_other_sides_article_is_refused_with_a_message() {
    let mut app = app(80, 24);
    act(&mut app, Action::PickB);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("(already A: pick another)"), "{text}");
    // A click on A's article in B's picker: refused, the picker stays open.
    let (_, list) = drawn(&app).picker.expect("open");
    let row = list.y + u16::try_from(app.compare.a - drawn(&app).picker_offset).unwrap();
    act(
        &mut app,
        Action::Click {
            column: list.x + 5,
            row,
        },
    );
    assert_ne!(app.compare.a, app.compare.b);
    assert!(app.compare.picker.is_some());
    let said = status(&app);
    assert!(
        said.contains("000 Ribs & breathing is already article A") && said.contains("w swaps"),
        "{said}"
    );
    // Even with the cursor put on it, Enter refuses.
    app.compare.picker = Some(Picker {
        side: Side::B,
        cursor: app.compare.a,
    });
    act(&mut app, Action::Select);
    assert_ne!(app.compare.a, app.compare.b);
}

#[test]
fn choosing_keeps_the_topic_when_the_new_pair_speaks_to_it() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    app.compare.top = Anchor { row: tilt, line: 0 };
    act(&mut app, Action::PickB);
    let sleepy = index_of(&app, "tight-or-sleepy");
    app.compare.picker = Some(Picker {
        side: Side::B,
        cursor: sleepy,
    });
    act(&mut app, Action::Select);
    assert_eq!(id(&app, Side::B), "tight-or-sleepy");
    assert_eq!(app.compare.top.row, row_of(&app, "pelvic-tilt"));
}

#[test]
fn tab_focuses_the_headers_and_enter_opens_their_picker() {
    let mut app = app(80, 24);
    assert_eq!(app.compare.focus, Focus::Rows);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.compare.focus, Focus::Header(Side::A));
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.compare.focus, Focus::Header(Side::B));
    assert_eq!(
        app.key_context().scopes[0],
        Scope::Pane(Screen::Compare, "header")
    );
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::B));
    press(&mut app, &[KeyCode::Esc, KeyCode::BackTab]);
    assert_eq!(app.compare.focus, Focus::Header(Side::A));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.compare.focus, Focus::Rows);
}

#[test]
fn keys_scroll_both_columns_together_and_never_into_blank_space() {
    let mut app = app(80, 24);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    assert_eq!(top_line(&app), 2);
    act(&mut app, Action::Up);
    assert_eq!(top_line(&app), 1);
    act(&mut app, Action::PageDown);
    let height = drawn(&app).viewport.height;
    assert_eq!(top_line(&app), 1 + usize::from(height) - 1);
    act(&mut app, Action::Bottom);
    let max = drawn(&app).doc.max_top(height);
    assert_eq!(top_line(&app), max);
    act(&mut app, Action::Down);
    assert_eq!(top_line(&app), max, "stops at the end");
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("▲ more above"), "{text}");
    act(&mut app, Action::Top);
    assert_eq!(top_line(&app), 0);
    act(&mut app, Action::Up);
    assert_eq!(top_line(&app), 0, "stops at the start");
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("▼ more below · topic 1 of 13"), "{text}");
}

#[test]
fn left_and_right_step_topic_by_topic() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('l')]);
    assert_eq!(app.compare.top, Anchor { row: 1, line: 0 });
    press(&mut app, &[KeyCode::Right, KeyCode::Down, KeyCode::Left]);
    assert_eq!(
        app.compare.top,
        Anchor { row: 2, line: 0 },
        "mid-row, ← goes back to the row's own topic line first"
    );
    press(&mut app, &[KeyCode::Char('h')]);
    assert_eq!(app.compare.top, Anchor { row: 1, line: 0 });
}

#[test]
fn the_wheel_scrolls_and_clicks_open_the_pickers() {
    let mut app = app(80, 24);
    let d = drawn(&app).clone();
    act(
        &mut app,
        Action::ScrollDown {
            column: d.viewport.x + 3,
            row: d.viewport.y + 2,
        },
    );
    assert_eq!(top_line(&app), 3);
    act(
        &mut app,
        Action::ScrollUp {
            column: d.header_b.x + 2,
            row: d.header_b.y + 1,
        },
    );
    assert_eq!(
        top_line(&app),
        0,
        "the wheel over a header scrolls the rows too"
    );

    act(
        &mut app,
        Action::Click {
            column: d.header_b.x + 4,
            row: d.header_b.y + 1,
        },
    );
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::B));
    let (_, list) = drawn(&app).picker.expect("the picker is open");
    let hip = index_of(&app, "hip-rotation-research");
    let row = list.y + u16::try_from(hip - drawn(&app).picker_offset).expect("small");
    act(
        &mut app,
        Action::Click {
            column: list.x + 5,
            row,
        },
    );
    assert_eq!(app.compare.picker, None);
    assert_eq!(id(&app, Side::B), "hip-rotation-research");

    act(
        &mut app,
        Action::Click {
            column: d.header_a.x + 2,
            row: d.header_a.y,
        },
    );
    assert_eq!(app.compare.picker.map(|p| p.side), Some(Side::A));
    act(
        &mut app,
        Action::ScrollDown {
            column: 0,
            row: d.body.y,
        },
    );
    assert_eq!(
        app.compare.picker.map(|p| p.cursor),
        Some(app.compare.a + 1),
        "the wheel moves the picker's cursor while it is open"
    );
    // A click outside the picker closes it without choosing.
    let before = app.compare.a;
    let (popup, _) = drawn(&app).picker.expect("open");
    act(
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
fn search_finds_a_topic_or_claim_and_jumps_to_its_row() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    assert_eq!(app.key_context().mode(), Some(Mode::Typing));
    // Keys of the screen are letters in the box: a, b, w and q are typed, not acted on.
    for c in "which way".chars() {
        press(&mut app, &[KeyCode::Char(c)]);
    }
    assert!(app.running && app.compare.picker.is_none());
    assert_eq!(app.compare.query, "which way");
    let tilt = row_of(&app, "pelvic-tilt");
    assert_eq!(
        app.compare.top,
        Anchor { row: tilt, line: 0 },
        "jumped to the question"
    );
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("/ which way█"), "{text}");
    let found = app.compare.matches(&app.store);
    assert_eq!(found[0], tilt);
    assert!(
        text.contains(&format!("topic 1 of {} found", found.len())),
        "{text}"
    );
    // A word from a claim's statement finds its row; ↓ goes to the next one found, round at the end.
    press(&mut app, &[KeyCode::Char('u')]);
    for _ in 0.."which wayu".len() {
        press(&mut app, &[KeyCode::Backspace]);
    }
    for c in "pelvis".chars() {
        press(&mut app, &[KeyCode::Char(c)]);
    }
    let found = app.compare.matches(&app.store);
    assert!(found.len() > 1, "{found:?}");
    assert_eq!(app.compare.top.row, found[0]);
    press(&mut app, &[KeyCode::Down]);
    assert_eq!(app.compare.top.row, found[1]);
    press(&mut app, &[KeyCode::Up, KeyCode::Up]);
    assert_eq!(
        app.compare.top.row,
        *found.last().unwrap(),
        "round at the start"
    );
    // Enter leaves the box where it is; x clears the search.
    press(&mut app, &[KeyCode::Enter]);
    assert!(!app.compare.typing);
    assert_eq!(app.compare.top.row, *found.last().unwrap());
    press(&mut app, &[KeyCode::Char('x')]);
    assert_eq!(app.compare.query, "");
    assert!(drawn(&app).search.is_none(), "the box goes with its text");
    // Nothing found says so.
    press(
        &mut app,
        &[KeyCode::Char('/'), KeyCode::Char('z'), KeyCode::Char('z')],
    );
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("no topic or claim matches"), "{text}");
}

#[test]
fn a_resize_keeps_the_topic_in_view() {
    let mut app = app(160, 48);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        act(&mut app, Action::Right);
    }
    assert_eq!(app.compare.top.row, tilt);
    app.size = Rect::new(0, 0, 60, 30);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("Which way does the pelvis tilt"));
}

#[test]
fn narrow_bodies_stack_a_above_b() {
    let mut app = app(60, 30);
    let d = drawn(&app);
    assert!(d.stacked);
    assert_eq!(d.header_a.width, 60);
    assert!(d.header_b.y > d.header_a.y);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("A · Ribs & breathing"));
    assert!(text.contains("B · Pelvic pulley"));
    // Scrolled into B's claims, the pinned topic line says whose claims are showing.
    let (_, b_start) = drawn(&app).doc.rows[0]
        .sides
        .expect("stacked rows know their sides");
    for _ in 0..=b_start {
        act(&mut app, Action::Down);
    }
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("(B cont.)"), "{text}");
    let wide = app_with(embedded(), 80, 24);
    assert!(!drawn(&wide).stacked);
}

#[test]
fn rows_align_the_taller_side_sets_the_height() {
    let app = app(80, 24);
    let d = drawn(&app);
    let c = app.compare.comparison(&app.store).expect("a comparison");
    let doc = document(&c, d.viewport.width, d.stacked);
    assert_eq!(doc, d.doc, "the frame keeps the document it drew");
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
            DocLine::Full(line) => line.plain(),
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
    for line in &doc.lines {
        let width = match line {
            DocLine::Full(l) => l.width(),
            DocLine::Split(a, b) => a.width().max(b.width()),
            DocLine::Rule => 0,
        };
        assert!(width <= usize::from(d.viewport.width));
    }
}

#[test]
fn the_pelvic_tilt_row_is_marked_disagree_by_symbol_word_and_role() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        act(&mut app, Action::Right);
    }
    assert_eq!(app.compare.top, Anchor { row: tilt, line: 0 });
    let lines = screen_lines(&mut app);
    let y = lines
        .iter()
        .position(|l| l.contains("Which way does the pelvis tilt"))
        .expect("the pelvic-tilt row is in view");
    let line = &lines[y];
    assert!(line.contains('≠'), "{line}");
    assert!(line.contains("disagree"), "{line}");
    let text = lines.join("\n");
    assert!(text.contains("Tipped forward (anterior)"));
    assert!(text.contains("Tucked under (posterior)"));
    // Drawn in the theme's "bad" colour, with a colour theme.
    let mut coloured = App::new(embedded(), Answers::default(), Theme::new(false));
    coloured.size = app.size;
    coloured.handle(vec![Msg::Goto(Screen::Compare)]);
    coloured.compare.top = app.compare.top;
    let terminal = draw(&mut coloured);
    let buffer = terminal.backend().buffer();
    let x = (0..buffer.area.width)
        .find(|&x| buffer[(x, y as u16)].symbol() == "≠")
        .expect("the symbol");
    let expected = Theme::new(false).bad().fg;
    assert!(expected.is_some_and(|c| c != Color::Reset));
    assert_eq!(buffer[(x, y as u16)].fg, expected.unwrap());
}

#[test]
fn one_sided_rows_say_who_speaks_and_the_silent_side_says_so() {
    let mut app = app(160, 48);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("→ only Pelvic pulley speaks"));
    assert!(text.contains("(says nothing on this)"));
    act(&mut app, Action::Bottom);
    let text = screen_lines(&mut app).join("\n");
    assert!(text.contains("← only Ribs & breathing speaks") || text.contains("speaks"));
}

#[test]
fn headers_keep_the_evidence_gloss_and_cut_titles_with_an_ellipsis() {
    let mut app = app(80, 24);
    let text = screen_lines(&mut app).join("\n");
    assert!(
        text.contains("evidence: clinical-opinion (author's"),
        "{text}"
    );
    assert!(
        text.contains("Tight Hamstrings, Lower Back Pain &…"),
        "{text}"
    );
    let mut narrow = app_with(embedded(), 50, 24);
    act(&mut narrow, Action::PickB);
    let hip = index_of(&narrow, "hip-rotation-research");
    narrow.compare.picker = Some(Picker {
        side: Side::B,
        cursor: hip,
    });
    act(&mut narrow, Action::Select);
    let text = screen_lines(&mut narrow).join("\n");
    assert!(
        text.contains("B · 004 Hip rotation resea…")
            || text.contains("B · 004 Hip rotation research"),
        "{text}"
    );
    for line in text.lines() {
        assert!(line.chars().count() <= 50);
    }
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
        Action::FocusSearch,
        Action::Input('p'),
        Action::Down,
        Action::Back,
        Action::Top,
    ];
    for width in [1, 2, 10, 30, 49, 50, 51, 69, 70, 71, 100, 200] {
        for height in [1, 2, 5, 13, 14, 15, 20, 24, 33, 34, 60] {
            let mut app = app(width, height);
            for action in actions {
                act(&mut app, action);
                draw(&mut app);
            }
            act(&mut app, Action::PickA);
            draw(&mut app);
        }
    }
}

/// The states to try each key in: the rows, a header, the picker and the search box holding text.
fn states() -> Vec<App> {
    let mut rows = app(100, 30);
    press(
        &mut rows,
        &[
            KeyCode::Right,
            KeyCode::Down,
            KeyCode::Char('/'),
            KeyCode::Char('p'),
            KeyCode::Esc,
        ],
    );
    let mut header = app(100, 30);
    press(&mut header, &[KeyCode::Tab]);
    let mut picker = app(100, 30);
    press(&mut picker, &[KeyCode::Char('b'), KeyCode::Char('k')]);
    let mut typing = app(100, 30);
    press(&mut typing, &[KeyCode::Char('/'), KeyCode::Char('p')]);
    vec![rows, header, picker, typing]
}

#[test]
fn every_compare_key_does_something() {
    let ours = |scope: &Scope| {
        matches!(
            scope,
            Scope::Screen(Screen::Compare)
                | Scope::Pane(Screen::Compare, _)
                | Scope::Mode(Mode::Picker)
                | Scope::Mode(Mode::Typing)
        )
    };
    for binding in all().filter(|b| ours(&b.scope)) {
        let done = states().into_iter().any(|mut app| {
            let active = app
                .key_context()
                .bindings()
                .iter()
                .any(|b| b.scope == binding.scope && b.action == binding.action);
            active && act(&mut app, binding.action)
        });
        assert!(done, "{:?} {} does nothing", binding.scope, binding.what);
    }
}

#[test]
fn no_key_is_listed_twice_with_two_meanings() {
    for app in states() {
        let bindings = app.key_context().bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                for key in a.keys {
                    assert!(
                        !b.keys.contains(key),
                        "{key:?} is both {} and {}",
                        a.what,
                        b.what
                    );
                }
            }
        }
    }
}

// ---- snapshots ----

#[test]
fn snapshot_default_pair_80x24() {
    let mut app = app(80, 24);
    insta::assert_snapshot!("compare_80x24", draw(&mut app).backend());
}

#[test]
fn snapshot_default_pair_160x48() {
    let mut app = app(160, 48);
    insta::assert_snapshot!("compare_160x48", draw(&mut app).backend());
}

#[test]
fn snapshot_picker_open() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('b'), KeyCode::Char('k')]);
    insta::assert_snapshot!("compare_picker_80x24", draw(&mut app).backend());
}

#[test]
fn snapshot_scrolled_to_pelvic_tilt() {
    let mut app = app(80, 24);
    let tilt = row_of(&app, "pelvic-tilt");
    for _ in 0..tilt {
        act(&mut app, Action::Right);
    }
    insta::assert_snapshot!("compare_pelvic_tilt_80x24", draw(&mut app).backend());
}

#[test]
fn snapshot_mid_row_pins_the_topic() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Right, KeyCode::Down, KeyCode::Down]);
    insta::assert_snapshot!("compare_pinned_80x24", draw(&mut app).backend());
}

#[test]
fn snapshot_narrow_stacks() {
    let mut app = app(60, 30);
    insta::assert_snapshot!("compare_narrow_60x30", draw(&mut app).backend());
}

#[test]
fn snapshot_search_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    for c in "which way".chars() {
        press(&mut app, &[KeyCode::Char(c)]);
    }
    insta::assert_snapshot!("compare_search_80x24", draw(&mut app).backend());
}

#[test]
fn snapshot_tiny_50x14() {
    let mut app = app(50, 14);
    insta::assert_snapshot!("compare_50x14", draw(&mut app).backend());
}

#[test]
fn snapshot_one_article() {
    let mut store = embedded();
    store.articles.truncate(1);
    store.reindex();
    let mut app = app_with(store, 80, 24);
    insta::assert_snapshot!("compare_one_article_80x24", draw(&mut app).backend());
}
