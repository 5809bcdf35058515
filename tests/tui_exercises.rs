//! The exercises screen: typing into the search box through the real key table, filters, the cursor,
//! mouse clicks and wheel at coordinates from the screen's own areas, and whole frames as snapshots.

mod common;

use backchain::content::{Equipment, Phase, Region, embedded};
use backchain::search::Field;
use backchain::tui::action::Filter;
use backchain::tui::keys::map_key;
use backchain::tui::layout;
use backchain::tui::state::exercises::{Focus, areas, current_areas, list_offset};
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use common::fixture_answers as answers;

/// The app on the exercises screen, with a realistic set of answers, in a terminal of `width`×`height`.
fn app(width: u16, height: u16) -> App {
    let store = embedded();
    let answers = answers(&store, "brain-and-hinge.toml");
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Exercises;
    app.size = Rect::new(0, 0, width, height);
    app
}

/// What the event loop does before each draw: run the search the last keys asked for.
fn settle(app: &mut App) {
    app.settle();
}

fn act(app: &mut App, action: Action) {
    update(app, action);
    settle(app);
}

/// Presses keys the way the event loop does: through the key table, then `update`, then a frame.
fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = map_key(&app.key_context(), key) {
            update(app, action);
        }
    }
    settle(app);
}

fn type_text(app: &mut App, text: &str) {
    let keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    press(app, &keys);
}

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| view::render(app, frame)).unwrap();
    terminal
}

fn selected_id(app: &App) -> String {
    app.exercises
        .exercise(&app.store)
        .map(|e| e.id.to_string())
        .unwrap_or_default()
}

#[test]
fn opens_on_every_exercise_in_store_order_with_the_list_focused() {
    let app = app(80, 24);
    let state = &app.exercises;
    assert!(!state.typing());
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.hits().len(), app.store.exercises.len());
    let order: Vec<usize> = state.hits().iter().map(|h| h.index).collect();
    assert_eq!(order, (0..app.store.exercises.len()).collect::<Vec<_>>());
    assert_eq!(state.cursor, 0);
}

#[test]
fn digits_and_letters_go_into_the_query_while_the_box_has_focus() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    assert!(app.exercises.typing());
    type_text(&mut app, "90/90 q");
    assert_eq!(app.exercises.query, "90/90 q");
    assert_eq!(
        app.screen,
        Screen::Exercises,
        "digits did not switch screens"
    );
    assert!(app.running, "q did not quit");
    press(&mut app, &[KeyCode::Backspace, KeyCode::Backspace]);
    assert_eq!(app.exercises.query, "90/90");
    assert!(
        selected_id(&app).starts_with("ninety-ninety"),
        "{}",
        selected_id(&app)
    );
    // Ctrl-U empties the box.
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let action = map_key(&app.key_context(), ctrl_u).unwrap();
    act(&mut app, action);
    assert_eq!(app.exercises.query, "");
    assert_eq!(app.exercises.hits().len(), app.store.exercises.len());
}

#[test]
fn typing_only_marks_the_search_pending_until_refresh() {
    let mut app = app(80, 24);
    update(&mut app, Action::FocusSearch);
    for c in "bridge".chars() {
        update(&mut app, Action::Input(c));
    }
    assert!(app.exercises.pending());
    assert_eq!(
        app.exercises.hits().len(),
        app.store.exercises.len(),
        "not searched yet"
    );
    settle(&mut app);
    assert!(!app.exercises.pending());
    assert!(app.exercises.hits().len() < app.store.exercises.len());
    assert!(
        selected_id(&app).contains("bridge"),
        "{}",
        selected_id(&app)
    );
    // Moving needs the current list, so it searches first.
    update(&mut app, Action::Backspace);
    update(&mut app, Action::Down);
    assert!(!app.exercises.pending());
    assert_eq!(app.exercises.cursor, 1);
}

#[test]
fn esc_leaves_the_box_keeping_the_query_and_esc_again_clears_it() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "bridge");
    press(&mut app, &[KeyCode::Down]);
    let chosen = selected_id(&app);
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.exercises.typing());
    assert_eq!(app.exercises.query, "bridge");
    // Now keys are commands again: 2 opens the results.
    assert_eq!(
        map_key(
            &app.key_context(),
            KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE)
        ),
        Some(Action::Goto(Screen::Results))
    );
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.exercises.query, "");
    assert_eq!(app.exercises.hits().len(), app.store.exercises.len());
    assert_eq!(
        selected_id(&app),
        chosen,
        "clearing keeps the exercise selected"
    );
}

#[test]
fn enter_in_the_box_goes_to_the_list_and_enter_again_to_the_detail() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "dead");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.focus, Focus::List);
    assert_eq!(selected_id(&app), "dead-bug");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.focus, Focus::Detail);
    // j/k scroll the detail now, not the list.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(app.exercises.detail_scroll, 2);
    assert_eq!(app.exercises.cursor, 0);
    press(&mut app, &[KeyCode::Char('G')]);
    let bottom = app.exercises.detail_scroll;
    press(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(
        app.exercises.detail_scroll, bottom,
        "scroll stops at the end"
    );
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.exercises.focus, Focus::List);
}

#[test]
fn good_mornin_finds_the_modified_good_morning() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    let first = &app.exercises.hits()[0];
    assert_eq!(
        app.store.exercises[first.index].name.as_str(),
        "Modified good morning"
    );
    assert!(!first.name_positions.is_empty());
}

#[test]
fn filters_cycle_through_their_values_and_clear() {
    let mut app = app(80, 24);
    let all = app.store.exercises.len();
    press(&mut app, &[KeyCode::Char('r')]);
    assert_eq!(app.exercises.filters.region, Some(Region::ALL[0]));
    assert!(app.exercises.hits().len() < all);
    for hit in app.exercises.hits() {
        assert!(
            app.store.exercises[hit.index]
                .regions
                .contains(&Region::ALL[0])
        );
    }
    // Cycling walks every value some exercise has, then back to none.
    let used = Region::ALL
        .iter()
        .filter(|r| app.store.exercises.iter().any(|e| e.regions.contains(r)))
        .count();
    for _ in 1..used {
        press(&mut app, &[KeyCode::Char('r')]);
        assert!(app.exercises.filters.region.is_some());
        assert!(!app.exercises.hits().is_empty());
    }
    press(&mut app, &[KeyCode::Char('r')]);
    assert_eq!(app.exercises.filters.region, None);

    act(&mut app, Action::CycleFilter(Filter::Phase));
    assert_eq!(app.exercises.filters.phase, Some(Phase::Release));
    press(&mut app, &[KeyCode::Char('e'), KeyCode::Char('c')]);
    assert!(app.exercises.filters.equipment.is_some());
    assert_eq!(
        app.exercises.filters.chain.as_deref(),
        Some(app.store.chains[0].id.as_str())
    );
    press(&mut app, &[KeyCode::Char('x')]);
    assert_eq!(app.exercises.filters, Default::default());
    assert_eq!(app.exercises.hits().len(), all);
}

#[test]
fn equipment_cycle_skips_kit_no_exercise_uses() {
    let mut app = app(80, 24);
    let mut seen = Vec::new();
    loop {
        act(&mut app, Action::CycleFilter(Filter::Equipment));
        match app.exercises.filters.equipment {
            Some(e) => seen.push(e),
            None => break,
        }
        assert!(seen.len() <= Equipment::ALL.len());
    }
    for e in Equipment::ALL {
        let used = app.store.exercises.iter().any(|x| x.equipment.contains(&e));
        assert_eq!(seen.contains(&e), used, "{e:?}");
    }
}

#[test]
fn a_filter_keeps_the_selected_exercise_when_it_still_fits() {
    let mut app = app(80, 24);
    let at = app
        .store
        .exercises
        .iter()
        .position(|e| e.id == "modified-good-morning")
        .unwrap();
    for _ in 0..at {
        press(&mut app, &[KeyCode::Char('j')]);
    }
    assert_eq!(selected_id(&app), "modified-good-morning");
    // Hamstrings is one of its regions.
    while app.exercises.filters.region != Some(Region::Hamstrings) {
        press(&mut app, &[KeyCode::Char('r')]);
    }
    assert_eq!(selected_id(&app), "modified-good-morning");
}

#[test]
fn the_cursor_stays_in_range() {
    let mut app = app(80, 24);
    let all = app.store.exercises.len();
    press(&mut app, &[KeyCode::Char('k'), KeyCode::Up]);
    assert_eq!(app.exercises.cursor, 0);
    press(&mut app, &[KeyCode::Char('G')]);
    assert_eq!(app.exercises.cursor, all - 1);
    press(&mut app, &[KeyCode::Char('j'), KeyCode::PageDown]);
    assert_eq!(app.exercises.cursor, all - 1);
    press(&mut app, &[KeyCode::PageUp]);
    assert!(app.exercises.cursor < all - 1);
    press(&mut app, &[KeyCode::Char('g')]);
    assert_eq!(app.exercises.cursor, 0);
    // At the bottom, a narrower search moves the cursor onto what is left.
    press(&mut app, &[KeyCode::Char('G'), KeyCode::Char('/')]);
    type_text(&mut app, "zzzzqqq");
    assert!(app.exercises.hits().is_empty());
    assert_eq!(app.exercises.cursor, 0);
    assert!(app.exercises.selected().is_none());
    press(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::PageDown,
            KeyCode::Enter,
        ],
    );
    assert_eq!(app.exercises.cursor, 0);
    assert_eq!(app.exercises.focus, Focus::List);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.focus, Focus::List, "no detail to focus");
}

#[test]
fn the_list_scrolls_to_keep_the_cursor_visible() {
    assert_eq!(list_offset(0, 0, 10, 27), 0);
    assert_eq!(list_offset(0, 12, 10, 27), 3);
    assert_eq!(list_offset(3, 5, 10, 27), 3);
    assert_eq!(list_offset(3, 1, 10, 27), 1);
    assert_eq!(
        list_offset(20, 5, 10, 8),
        0,
        "a shorter list starts at the top"
    );
    assert_eq!(list_offset(4, 7, 0, 27), 7);
}

#[test]
fn clicking_a_row_selects_it_and_clicking_the_box_focuses_it() {
    let mut app = app(80, 24);
    let a = current_areas(&app);
    act(
        &mut app,
        Action::Click {
            column: a.rows.x + 3,
            row: a.rows.y + 4,
        },
    );
    assert_eq!(app.exercises.cursor, 4);
    assert_eq!(app.exercises.focus, Focus::List);
    act(
        &mut app,
        Action::Click {
            column: a.search.x + 5,
            row: a.search.y + 1,
        },
    );
    assert!(app.exercises.typing());
    // Clicking the list leaves the box.
    act(
        &mut app,
        Action::Click {
            column: a.rows.x + 1,
            row: a.rows.y,
        },
    );
    assert!(!app.exercises.typing());
    assert_eq!(app.exercises.cursor, 0);
    // Clicking the detail focuses it.
    act(
        &mut app,
        Action::Click {
            column: a.text.x + 1,
            row: a.text.y + 1,
        },
    );
    assert_eq!(app.exercises.focus, Focus::Detail);
}

#[test]
fn clicks_land_on_the_row_drawn_there_after_scrolling() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('G')]);
    let a = current_areas(&app);
    let all = app.exercises.hits().len();
    let height = usize::from(a.rows.height);
    let offset = list_offset(app.exercises.list_offset, app.exercises.cursor, height, all);
    assert_eq!(offset, all - height, "the last row is at the bottom");
    // The name drawn on the top row is the one a click there selects.
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let top: String = (a.rows.x..a.rows.x + a.rows.width)
        .map(|x| buffer[(x, a.rows.y)].symbol().to_owned())
        .collect();
    act(
        &mut app,
        Action::Click {
            column: a.rows.x + 2,
            row: a.rows.y,
        },
    );
    assert_eq!(app.exercises.cursor, offset);
    let name = app.exercises.exercise(&app.store).unwrap().name.to_string();
    let shown: String = name.chars().take(10).collect();
    assert!(top.contains(&shown), "{top:?} shows {name:?}");
}

#[test]
fn the_wheel_moves_the_list_or_scrolls_the_detail_under_the_pointer() {
    let mut app = app(80, 24);
    let a = current_areas(&app);
    let (column, row) = (a.rows.x + 2, a.rows.y + 2);
    act(&mut app, Action::ScrollDown { column, row });
    act(&mut app, Action::ScrollDown { column, row });
    assert_eq!(app.exercises.cursor, 2);
    act(&mut app, Action::ScrollUp { column, row });
    assert_eq!(app.exercises.cursor, 1);
    let (column, row) = (a.text.x + 2, a.text.y + 2);
    act(&mut app, Action::ScrollDown { column, row });
    assert!(app.exercises.detail_scroll > 0);
    assert_eq!(app.exercises.cursor, 1, "the list did not move");
    act(&mut app, Action::ScrollUp { column, row });
    assert!(app.exercises.detail_scroll < 3);
}

#[test]
fn areas_fit_the_body_at_every_size_and_never_panic() {
    for (w, h) in [
        (80, 24),
        (160, 48),
        (50, 14),
        (69, 20),
        (120, 30),
        (1, 1),
        (0, 0),
    ] {
        let body = layout::frame(Rect::new(0, 0, w, h)).body;
        for picture in [None, Some(28)] {
            let a = areas(body, picture);
            for r in [a.search, a.list, a.detail, a.rows, a.text] {
                assert!(r.right() <= body.right().max(r.x) && r.bottom() <= body.bottom().max(r.y));
            }
        }
        let mut app = app(w, h);
        render(&app);
        press(&mut app, &[KeyCode::Char('/')]);
        type_text(&mut app, "hip");
        render(&app);
        act(
            &mut app,
            Action::Click {
                column: w / 2,
                row: h / 2,
            },
        );
        act(
            &mut app,
            Action::ScrollDown {
                column: w / 2,
                row: h / 2,
            },
        );
        render(&app);
    }
    // The view on its own, in tiny areas.
    let app = app(80, 24);
    for (w, h) in [(0, 0), (1, 1), (3, 2), (10, 3), (20, 5), (49, 11)] {
        let mut terminal = Terminal::new(TestBackend::new(w.max(1), h.max(1))).unwrap();
        terminal
            .draw(|frame| {
                backchain::tui::view::render(&app, frame);
            })
            .unwrap();
    }
}

#[test]
fn an_alias_match_is_shown_dimly_after_the_name() {
    let mut app = app(100, 30);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "hip ir");
    let hit = &app.exercises.hits()[0];
    let exercise = &app.store.exercises[hit.index];
    let Field::Alias(i) = hit.matched_field else {
        panic!("{hit:?} matched on its alias \"hip IR\"");
    };
    let screen = render(&app).backend().to_string();
    assert!(
        screen.contains(&format!("= {}", exercise.aliases[i])),
        "{screen}"
    );
}

// Snapshots of the whole app.

#[test]
fn snapshot_default_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!("exercises_80x24", render(&app).backend());
}

#[test]
fn snapshot_default_160x48() {
    let app = app(160, 48);
    insta::assert_snapshot!("exercises_160x48", render(&app).backend());
}

#[test]
fn snapshot_typing_good_mornin() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    assert_eq!(selected_id(&app), "modified-good-morning");
    let screen = render(&app).backend().to_string();
    assert!(screen.contains("3 × 10"), "{screen}");
    insta::assert_snapshot!("exercises_good_mornin_80x24", render(&app).backend());
}

#[test]
fn snapshot_good_mornin_wide_with_picture_beside() {
    let mut app = app(160, 48);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(current_areas(&app).picture.is_some());
    insta::assert_snapshot!("exercises_good_mornin_160x48", render(&app).backend());
}

#[test]
fn snapshot_filter_active() {
    let mut app = app(80, 24);
    while app.exercises.filters.region != Some(Region::Hamstrings) {
        press(&mut app, &[KeyCode::Char('r')]);
    }
    press(
        &mut app,
        &[
            KeyCode::Char('f'),
            KeyCode::Char('f'),
            KeyCode::Char('f'),
            KeyCode::Char('f'),
        ],
    );
    assert_eq!(app.exercises.filters.phase, Some(Phase::Activate));
    insta::assert_snapshot!("exercises_filtered_80x24", render(&app).backend());
}

#[test]
fn snapshot_no_matches() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "xyzzy");
    assert!(app.exercises.hits().is_empty());
    let screen = render(&app).backend().to_string();
    assert!(screen.contains("No exercise matches"), "{screen}");
    insta::assert_snapshot!("exercises_no_matches_80x24", render(&app).backend());
}

#[test]
fn matched_letters_are_highlighted_without_colour() {
    use ratatui::style::Modifier;
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    let a = current_areas(&app);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let hit = &app.exercises.hits()[0];
    // "▶ " comes before the name; each matched char is bold and underlined.
    for &i in &hit.name_positions {
        let cell = &buffer[(a.rows.x + 2 + i as u16, a.rows.y)];
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "char {i} {:?}",
            cell.symbol()
        );
    }
    // "Modified " is not part of the match.
    let cell = &buffer[(a.rows.x + 2, a.rows.y)];
    assert!(!cell.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(cell.symbol(), "M");
}

#[test]
fn no_matches_with_filters_points_at_x() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('r'), KeyCode::Char('/')]);
    type_text(&mut app, "xyzzy");
    press(&mut app, &[KeyCode::Esc]);
    let screen = render(&app).backend().to_string();
    assert!(screen.contains("No exercise matches “xyzzy”"), "{screen}");
    assert!(screen.contains("clear filters"), "{screen}");
    assert!(screen.contains("with x."), "{screen}");
    press(&mut app, &[KeyCode::Char('x')]);
    assert!(
        app.exercises.hits().is_empty(),
        "the query still finds nothing"
    );
    assert_eq!(app.exercises.filters, Default::default());
}

#[test]
fn the_detail_says_where_each_part_comes_from_and_how_to_move_on_the_ladder() {
    use backchain::tui::state::exercises::detail_lines;
    let app = app(160, 48);
    let text = |id: &str| -> Vec<String> {
        let e = app.store.exercise(id).expect("an exercise");
        detail_lines(&app.store, e, None)
            .iter()
            .map(|l| l.text())
            .collect()
    };
    let gm = text("modified-good-morning");
    assert!(
        gm.contains(&String::from(
            "From: idea: 001 · steps: reconstructed from 001 · dose: 001"
        )),
        "{gm:#?}"
    );
    assert!(gm.iter().any(|l| l.starts_with("001 gives 3 sets of 10")));
    assert!(gm.contains(&String::from("Easier and harder")));
    assert!(gm.iter().any(|l| l.starts_with("↓ Hip hinge practice: ")));
    assert!(gm.iter().any(|l| l.starts_with("↑ Romanian deadlift: ")));
    assert!(gm.iter().any(|l| l.starts_with("Move up: ")));
    assert!(gm.iter().any(|l| l.starts_with("Move down: ")));
    let rdl = text("romanian-deadlift");
    assert!(
        rdl.contains(&String::from("First make easy: Modified good morning")),
        "{rdl:#?}"
    );
    let bird = text("bird-dog");
    assert!(bird.contains(&String::from("From: idea, steps, dose: our suggestion")));
}
