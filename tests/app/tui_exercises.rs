//! The Exercises screen: typing into the search box through the real key table, the filter picker, the
//! cursor, mouse clicks and wheel at coordinates from the screen's last frame, scroll cues, and whole
//! frames as snapshots.

use backchain::content::{Equipment, Phase, Region, Store, embedded, synthetic};
use backchain::search::{Field, fold};
use backchain::text::Role;
use backchain::tui::action::Screen::Exercises;
use backchain::tui::keys::{self, Mode, Scope, map_key};
use backchain::tui::screens::Msg;
use backchain::tui::screens::exercises::detail::{self, Picture};
use backchain::tui::screens::exercises::layout::list_offset;
use backchain::tui::screens::exercises::picker::Choice;
use backchain::tui::screens::exercises::{Drawn, Pane};
use backchain::tui::searcher::Searcher;
use backchain::tui::theme::Theme;
use backchain::tui::ui::Scroll;
use backchain::tui::{Action, App, Screen, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::common::fixture_answers as answers;

/// The app on the exercises screen, with a realistic set of answers, drawn once in a terminal of
/// `width`×`height`.
fn app(width: u16, height: u16) -> App {
    app_for(embedded(), width, height)
}

fn app_for(store: Store, width: u16, height: u16) -> App {
    let answers = if store.questionnaire.questions.is_empty() {
        backchain::engine::Answers::new()
    } else {
        answers(&store, "brain-and-hinge.toml")
    };
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Exercises;
    app.size = Rect::new(0, 0, width, height);
    frame(&mut app);
    app
}

/// One turn of the event loop's drawing: search, lay out, draw. Returns the screen.
fn frame(app: &mut App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    terminal
}

fn screen(app: &mut App) -> String {
    frame(app).backend().to_string()
}

/// An action, then a frame.
fn act(app: &mut App, action: Action) -> bool {
    let meant = update(app, action);
    frame(app);
    meant
}

/// Presses keys the way the event loop does: through the key table, then `update`, then a frame.
fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = map_key(&app.key_context(), key) {
            update(app, action);
        }
    }
    frame(app);
}

fn type_text(app: &mut App, text: &str) {
    let keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    press(app, &keys);
}

/// Opens the filter picker with `f`, moves to `choice` with `j`, and chooses it with Enter.
fn pick(app: &mut App, choice: Choice) {
    press(app, &[KeyCode::Char('f')]);
    let picker = app.exercises.picker.as_ref().expect("f opens the picker");
    let at = picker
        .choices
        .iter()
        .position(|c| *c == choice)
        .unwrap_or_else(|| panic!("{choice:?} is offered"));
    press(app, &[KeyCode::Char('g')]);
    for _ in 0..at {
        press(app, &[KeyCode::Char('j')]);
    }
    press(app, &[KeyCode::Enter]);
    assert!(app.exercises.picker.is_none(), "Enter chose and closed");
}

fn drawn(app: &App) -> &Drawn {
    app.exercises.drawn.as_ref().expect("a frame was laid out")
}

fn selected_id(app: &App) -> String {
    app.exercises
        .selected()
        .map(|h| app.store.exercises[h.index].id.to_string())
        .unwrap_or_default()
}

/// What the list says when nothing matches, as one line.
fn empty_text(app: &App) -> String {
    let lines: Vec<String> = drawn(app).empty.iter().map(|l| l.plain()).collect();
    lines.join(" ")
}

fn names_in_order(app: &App) -> Vec<String> {
    let hits = app.exercises.hits();
    hits.iter()
        .map(|h| app.store.exercises[h.index].name.to_string())
        .collect()
}

#[test]
fn opens_on_every_exercise_by_name_with_the_list_focused() {
    let app = app(80, 24);
    let state = &app.exercises;
    assert!(!state.typing());
    assert_eq!(state.pane, Pane::List);
    assert_eq!(state.hits().len(), app.store.exercises.len());
    assert_eq!(state.cursor, 0);
    let names = names_in_order(&app);
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| fold(n));
    assert_eq!(names, sorted, "sorted by the name shown, not by id");
    assert!(drawn(&app).list_title.contains("A–Z"));
}

#[test]
fn with_a_query_the_best_match_comes_first_and_clearing_it_sorts_by_name_again() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "bridge");
    let names = names_in_order(&app);
    assert!(names[0].to_lowercase().contains("bridge"), "{names:?}");
    assert!(drawn(&app).list_title.contains("best first"));
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('x')]);
    let names = names_in_order(&app);
    assert!(names.windows(2).all(|w| fold(&w[0]) <= fold(&w[1])));
}

#[test]
fn digits_and_letters_go_into_the_query_while_the_box_has_focus() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    assert!(app.exercises.typing());
    assert_eq!(app.key_context().scopes, [Scope::Mode(Mode::Typing)]);
    type_text(&mut app, "90/90 qfx");
    assert_eq!(app.exercises.query, "90/90 qfx");
    assert_eq!(
        app.screen,
        Screen::Exercises,
        "digits did not switch screens"
    );
    assert!(app.running, "q did not quit");
    assert!(app.exercises.picker.is_none(), "f was typed, not a picker");
    press(&mut app, &[KeyCode::Backspace, KeyCode::Backspace]);
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
fn a_paste_goes_into_the_search_box_and_nowhere_else() {
    let mut app = app(80, 24);
    // No box open: pasted letters are not keys (q would quit, f open a picker, 1 switch screens).
    backchain::tui::update::paste(&mut app, "q1f");
    assert!(app.running && app.screen == Screen::Exercises && app.exercises.picker.is_none());
    let status = app.status.as_ref().expect("says where a paste goes");
    assert!(status.text.contains("search box"), "{status:?}");
    press(&mut app, &[KeyCode::Char('/')]);
    backchain::tui::update::paste(&mut app, "hip\r\nhinge\tpractice");
    assert_eq!(app.exercises.query, "hip hinge practice");
    assert!(app.exercises.typing(), "a line break pasted is not Enter");
    // However long the paste, the box keeps what it holds.
    backchain::tui::update::paste(&mut app, &"x".repeat(50_000));
    assert_eq!(
        app.exercises.query.chars().count(),
        backchain::search::MAX_QUERY_CHARS
    );
}

#[test]
fn typing_only_marks_the_search_pending_until_the_frame() {
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
    frame(&mut app);
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
fn enter_in_the_box_opens_the_best_match_and_esc_goes_back_to_the_list() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "dead");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.pane, Pane::Detail);
    assert_eq!(selected_id(&app), "dead-bug");
    // j/k scroll the detail now, not the list.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(app.exercises.detail.offset, 2);
    assert_eq!(app.exercises.cursor, 0);
    press(&mut app, &[KeyCode::Char('G')]);
    let bottom = app.exercises.detail.offset;
    press(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(
        app.exercises.detail.offset, bottom,
        "scroll stops at the end"
    );
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.exercises.pane, Pane::List);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.exercises.pane, Pane::Detail);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.exercises.pane, Pane::List);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.pane, Pane::Detail);
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
fn the_filter_picker_sets_each_filter_and_x_clears_search_and_filters() {
    let mut app = app(80, 24);
    let all = app.store.exercises.len();
    press(&mut app, &[KeyCode::Char('f')]);
    assert_eq!(app.key_context().scopes, [Scope::Mode(Mode::Picker)]);
    assert!(screen(&mut app).contains("Filter the list"));
    // Esc closes it without changing anything.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Esc]);
    assert!(app.exercises.picker.is_none());
    assert!(!app.exercises.has_filters());

    pick(&mut app, Choice::Region(Some(Region::Hamstrings)));
    assert_eq!(app.exercises.filters.region, Some(Region::Hamstrings));
    assert!(app.exercises.hits().len() < all);
    for hit in app.exercises.hits() {
        assert!(
            app.store.exercises[hit.index]
                .regions
                .contains(&Region::Hamstrings)
        );
    }
    // Opened again, the picker starts on the value that is on.
    press(&mut app, &[KeyCode::Char('f')]);
    let picker = app.exercises.picker.as_ref().unwrap();
    assert_eq!(
        picker.chosen(),
        Some(&Choice::Region(Some(Region::Hamstrings)))
    );
    press(&mut app, &[KeyCode::Esc]);

    pick(&mut app, Choice::Phase(Some(Phase::Activate)));
    let chain = app.store.chains[0].id.to_string();
    pick(&mut app, Choice::Chain(Some(chain.clone())));
    assert_eq!(app.exercises.filters.phase, Some(Phase::Activate));
    assert_eq!(app.exercises.filters.chain.as_deref(), Some(chain.as_str()));
    pick(&mut app, Choice::Chain(None));
    assert_eq!(
        app.exercises.filters.chain, None,
        "any lets every chain through"
    );
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "bridge");
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('x')]);
    assert_eq!(app.exercises.filters, Default::default());
    assert_eq!(app.exercises.query, "", "x clears the search too");
    assert_eq!(app.exercises.hits().len(), all);
    assert!(
        !act(&mut app, Action::ClearFilters),
        "nothing left to clear"
    );
}

#[test]
fn the_picker_offers_only_values_some_exercise_has() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('f')]);
    let choices = app.exercises.picker.as_ref().unwrap().choices.clone();
    for e in Equipment::ALL {
        let used = app.store.exercises.iter().any(|x| x.equipment.contains(&e));
        assert_eq!(choices.contains(&Choice::Equipment(Some(e))), used, "{e:?}");
    }
    for r in Region::ALL {
        let used = app.store.exercises.iter().any(|x| x.regions.contains(&r));
        assert_eq!(choices.contains(&Choice::Region(Some(r))), used, "{r:?}");
    }
    for any in [
        Choice::Region(None),
        Choice::Equipment(None),
        Choice::Phase(None),
        Choice::Chain(None),
    ] {
        assert!(choices.contains(&any));
    }
    // Every value leaves something in the list.
    for choice in choices.iter().filter(|c| c.is_set()) {
        let mut app = self::app(80, 24);
        pick(&mut app, choice.clone());
        assert!(!app.exercises.hits().is_empty(), "{choice:?}");
    }
}

#[test]
fn a_filter_keeps_the_selected_exercise_when_it_still_fits() {
    let mut app = app(80, 24);
    while selected_id(&app) != "modified-good-morning" {
        press(&mut app, &[KeyCode::Char('j')]);
    }
    // Hamstrings is one of its regions.
    pick(&mut app, Choice::Region(Some(Region::Hamstrings)));
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
    press(&mut app, &[KeyCode::Down, KeyCode::Up, KeyCode::PageDown]);
    assert_eq!(app.exercises.cursor, 0);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.pane, Pane::List, "no match to open");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.exercises.pane, Pane::List, "no detail to focus");
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
    let d = drawn(&app).clone();
    act(
        &mut app,
        Action::Click {
            column: d.rows.x + 3,
            row: d.rows.y + 4,
        },
    );
    assert_eq!(app.exercises.cursor, 4);
    assert_eq!(app.exercises.pane, Pane::List);
    act(
        &mut app,
        Action::Click {
            column: d.search.x + 5,
            row: d.search.y + 1,
        },
    );
    assert!(app.exercises.typing());
    // Clicking the list leaves the box.
    act(
        &mut app,
        Action::Click {
            column: d.rows.x + 1,
            row: d.rows.y,
        },
    );
    assert!(!app.exercises.typing());
    assert_eq!(app.exercises.cursor, 0);
    // Clicking the detail focuses it.
    act(
        &mut app,
        Action::Click {
            column: d.text.x + 1,
            row: d.text.y + 1,
        },
    );
    assert_eq!(app.exercises.pane, Pane::Detail);
}

#[test]
fn clicks_land_on_the_row_drawn_there_after_scrolling() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('G')]);
    let d = drawn(&app).clone();
    let all = app.exercises.hits().len();
    let height = usize::from(d.rows.height);
    assert_eq!(d.first_row, all - height, "the last row is at the bottom");
    // The name drawn on the top row is the one a click there selects.
    let terminal = frame(&mut app);
    let buffer = terminal.backend().buffer();
    let top: String = (d.rows.x..d.rows.x + d.rows.width)
        .map(|x| buffer[(x, d.rows.y)].symbol().to_owned())
        .collect();
    act(
        &mut app,
        Action::Click {
            column: d.rows.x + 2,
            row: d.rows.y,
        },
    );
    assert_eq!(app.exercises.cursor, d.first_row);
    let name = app.store.exercises[app.exercises.selected().unwrap().index]
        .name
        .to_string();
    let shown: String = name.chars().take(10).collect();
    assert!(top.contains(&shown), "{top:?} shows {name:?}");
}

#[test]
fn the_wheel_moves_the_list_or_scrolls_the_detail_under_the_pointer() {
    let mut app = app(80, 24);
    let d = drawn(&app).clone();
    let (column, row) = (d.rows.x + 2, d.rows.y + 2);
    act(&mut app, Action::ScrollDown { column, row });
    act(&mut app, Action::ScrollDown { column, row });
    assert_eq!(app.exercises.cursor, 2);
    act(&mut app, Action::ScrollUp { column, row });
    assert_eq!(app.exercises.cursor, 1);
    let (column, row) = (d.text.x + 2, d.text.y + 2);
    act(&mut app, Action::ScrollDown { column, row });
    assert!(app.exercises.detail.offset > 0);
    assert_eq!(app.exercises.cursor, 1, "the list did not move");
    act(&mut app, Action::ScrollUp { column, row });
    assert_eq!(app.exercises.detail.offset, 0);
}

#[test]
fn the_screen_fits_every_size_and_never_panics() {
    for (w, h) in [
        (80, 24),
        (160, 48),
        (50, 14),
        (69, 20),
        (70, 20),
        (120, 30),
        (1, 1),
        (0, 0),
    ] {
        let mut app = app(w, h);
        let d = drawn(&app).clone();
        for r in [d.search, d.list, d.detail, d.rows, d.text] {
            assert!(r.right() <= d.body.right().max(r.x) && r.bottom() <= d.body.bottom().max(r.y));
        }
        press(&mut app, &[KeyCode::Char('/')]);
        type_text(&mut app, "hip");
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
        press(
            &mut app,
            &[KeyCode::Esc, KeyCode::Char('f'), KeyCode::Char('G')],
        );
        press(
            &mut app,
            &[KeyCode::Enter, KeyCode::Enter, KeyCode::Char('G')],
        );
    }
}

#[test]
fn an_alias_match_is_shown_dimly_after_the_name() {
    let mut app = app(100, 30);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "weighted hinge");
    let hit = &app.exercises.hits()[0];
    let exercise = &app.store.exercises[hit.index];
    let Field::Alias(i) = hit.matched_field else {
        panic!("{hit:?} matched on its alias \"weighted hinge\"");
    };
    let alias = format!("= {}", exercise.aliases[i]);
    let row = &drawn(&app).row_lines[0];
    assert!(
        row.runs
            .iter()
            .any(|r| r.role == Role::Muted && r.text.contains(&alias)),
        "{row:?}"
    );
    assert!(screen(&mut app).contains(&alias));
}

#[test]
fn a_rung_match_is_shown_dimly_after_the_name_with_its_side() {
    let mut app = app(100, 30);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "couch");
    let hit = &app.exercises.hits()[0];
    assert!(matches!(hit.matched_field, Field::Rung(_)), "{hit:?}");
    // One step harder, marked as the detail's ladder marks it.
    let row = &drawn(&app).row_lines[0];
    assert!(
        row.runs
            .iter()
            .any(|r| r.role == Role::Muted && r.text.starts_with(" ↑ Couch")),
        "{row:?}"
    );
    assert!(screen(&mut app).contains("Side-lying quad"));
}

#[test]
fn open_exercise_shows_its_detail_whatever_the_search_and_filters() {
    let mut app = app(80, 24);
    pick(&mut app, Choice::Phase(Some(Phase::Release)));
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "foam");
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('2')]);
    assert_eq!(app.screen, Screen::Results);
    // What Enter on a routine line in Results sends.
    app.handle(vec![Msg::OpenExercise("bird-dog".into())]);
    let text = screen(&mut app);
    assert_eq!(app.screen, Screen::Exercises);
    assert_eq!(selected_id(&app), "bird-dog");
    assert_eq!(app.exercises.pane, Pane::Detail);
    assert_eq!(app.exercises.query, "");
    assert!(!app.exercises.has_filters());
    assert_eq!(app.exercises.detail.offset, 0);
    assert!(text.contains("Bird dog"), "{text}");
    // An id the store does not have changes nothing.
    app.handle(vec![Msg::OpenExercise("no-such-exercise".into())]);
    frame(&mut app);
    assert_eq!(selected_id(&app), "bird-dog");
}

// Keys.

/// Puts the app in a state where `scope` is active and `action` can mean something there.
fn ready(app: &mut App, scope: Scope, action: Action) {
    let on_scope = |app: &mut App| match scope {
        Scope::Pane(_, "detail") => press(app, &[KeyCode::Enter]),
        Scope::Mode(Mode::Typing) => press(app, &[KeyCode::Char('/')]),
        Scope::Mode(Mode::Picker) => press(app, &[KeyCode::Char('f'), KeyCode::Char('j')]),
        _ => {}
    };
    // Something to clear, delete or go back from.
    if matches!(
        action,
        Action::ClearFilters | Action::Backspace | Action::ClearInput | Action::Back
    ) && scope != Scope::Mode(Mode::Picker)
    {
        press(app, &[KeyCode::Char('/')]);
        type_text(app, "hip");
        press(app, &[KeyCode::Esc]);
    }
    on_scope(app);
}

#[test]
fn every_exercises_key_does_something() {
    let scopes = [
        Scope::Screen(Exercises),
        Scope::Pane(Exercises, "list"),
        Scope::Pane(Exercises, "detail"),
        Scope::Mode(Mode::Typing),
        Scope::Mode(Mode::Picker),
    ];
    let mut tried = 0;
    for scope in scopes {
        for binding in keys::all().filter(|b| b.scope == scope) {
            let mut app = app(100, 30);
            ready(&mut app, scope, binding.action);
            assert!(
                app.key_context().scopes.contains(&scope),
                "{scope:?} is active for {:?}: {:?}",
                binding.what,
                app.key_context()
            );
            let listed = app.key_context().bindings();
            assert!(
                listed.iter().any(|b| b.action == binding.action),
                "{} is listed in {scope:?}",
                binding.what
            );
            // Each of its keys, through the key table.
            for &(code, mods) in binding.keys {
                let mut app = self::app(100, 30);
                ready(&mut app, scope, binding.action);
                let action = map_key(&app.key_context(), KeyEvent::new(code, mods));
                assert_eq!(action, Some(binding.action), "{code:?} in {scope:?}");
                assert!(
                    update(&mut app, binding.action),
                    "{} does something in {scope:?}",
                    binding.what
                );
                tried += 1;
            }
        }
    }
    assert!(tried >= 20, "{tried}");
}

#[test]
fn letters_mean_one_thing_and_help_lists_each_key_once() {
    let mut app = app(80, 24);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    // e exports and c chains elsewhere; here they mean nothing, and r no longer cycles a filter.
    for c in ['e', 'c', 'r'] {
        assert_eq!(map_key(&app.key_context(), key(c)), None, "{c}");
    }
    assert_eq!(
        map_key(&app.key_context(), key('f')),
        Some(Action::PickFilter)
    );
    assert_eq!(
        map_key(&app.key_context(), key('x')),
        Some(Action::ClearFilters)
    );
    assert_eq!(
        map_key(&app.key_context(), key('/')),
        Some(Action::FocusSearch)
    );
    for keys in [
        &[][..],
        &[KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('/')],
        &[KeyCode::Esc, KeyCode::Char('f')],
    ] {
        press(&mut app, keys);
        let bindings = app.key_context().bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                assert!(
                    !a.keys.iter().any(|k| b.keys.contains(k)),
                    "{} and {} share a key in {:?}",
                    a.what,
                    b.what,
                    app.key_context()
                );
            }
        }
    }
    // The prose that names keys takes them from the table.
    let mut app = self::app(80, 24);
    let filters = drawn(&app).search_lines[1].plain();
    assert!(filters.contains("f filter · x clear"), "{filters}");
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "xyzzy");
    press(&mut app, &[KeyCode::Esc]);
    let empty = empty_text(&app);
    assert!(empty.contains("or x to clear the search"), "{empty}");
}

// Scroll cues and blank space.

#[test]
fn the_list_and_the_detail_show_more_cues_and_never_scroll_into_blank_space() {
    let mut app = app(80, 24);
    let d = drawn(&app).clone();
    let text = screen(&mut app);
    let bottom = |text: &str| {
        text.lines()
            .nth(usize::from(d.list.bottom() - 1))
            .unwrap()
            .trim_matches('"')
            .to_owned()
    };
    let (list_border, detail_border) = {
        let line = bottom(&text);
        let split = line.char_indices().nth(usize::from(d.detail.x)).unwrap().0;
        (line[..split].to_owned(), line[split..].to_owned())
    };
    assert!(list_border.contains("▼ more below"), "{list_border}");
    assert!(detail_border.contains("▼ more below"), "{detail_border}");

    // At the end of the list: the last row sits on the last line, and the cue says what is above.
    press(&mut app, &[KeyCode::Char('G'), KeyCode::PageDown]);
    let d = drawn(&app).clone();
    assert_eq!(
        d.first_row + usize::from(d.rows.height),
        app.exercises.hits().len()
    );
    assert_eq!(
        d.row_lines.len(),
        usize::from(d.rows.height),
        "no blank rows"
    );
    let line = bottom(&screen(&mut app));
    let split = line.char_indices().nth(usize::from(d.detail.x)).unwrap().0;
    assert!(line[..split].contains("▲ more above"), "{line}");
    assert!(!line[..split].contains("▼"), "{line}");

    // At the end of the detail: its last line on the last row, however often PgDn is pressed.
    press(&mut app, &[KeyCode::Enter]);
    for _ in 0..40 {
        press(&mut app, &[KeyCode::PageDown]);
    }
    let d = drawn(&app).clone();
    let max = Scroll::max(d.detail_lines.len(), d.text.height);
    assert!(max > 0);
    assert_eq!(app.exercises.detail.offset, max);
    let line = bottom(&screen(&mut app));
    assert!(line[split..].contains("▲ more above"), "{line}");
    // The wheel stops there too.
    act(
        &mut app,
        Action::ScrollDown {
            column: d.text.x,
            row: d.text.y,
        },
    );
    assert_eq!(app.exercises.detail.offset, max);
}

#[test]
fn the_picker_scrolls_with_cues_and_keeps_its_cursor_in_view() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('f')]);
    let text = screen(&mut app);
    assert!(text.contains("▼ more below"), "{text}");
    press(&mut app, &[KeyCode::Char('G')]);
    let picker = drawn(&app).picker.clone().unwrap();
    let at = picker
        .choice_at
        .iter()
        .position(|c| *c == Some(app.exercises.picker.as_ref().unwrap().cursor));
    let at = at.unwrap();
    assert!(at >= picker.first && at < picker.first + usize::from(picker.rows.height));
    assert_eq!(
        picker.first + usize::from(picker.rows.height),
        picker.lines.len(),
        "no blank space"
    );
    assert!(screen(&mut app).contains("▲ more above"));
    // A click on a value chooses it; a click outside closes the picker.
    let row = picker.rows.y + u16::try_from(at - picker.first).unwrap();
    act(
        &mut app,
        Action::Click {
            column: picker.rows.x + 2,
            row,
        },
    );
    assert!(app.exercises.picker.is_none());
    assert!(app.exercises.has_filters());
    press(&mut app, &[KeyCode::Char('f')]);
    act(&mut app, Action::Click { column: 0, row: 23 });
    assert!(app.exercises.picker.is_none());
}

// Item 7: names, equipment, titles, figures.

#[test]
fn the_equipment_column_stays_and_long_names_are_cut_with_an_ellipsis() {
    for width in [80, 70, 160] {
        let mut app = app(width, 60);
        let d = drawn(&app).clone();
        let mut cut = 0;
        for (at, row) in d.row_lines.iter().enumerate() {
            let hit = &app.exercises.hits()[d.first_row + at];
            let e = &app.store.exercises[hit.index];
            let kit: Vec<&str> = e
                .equipment
                .iter()
                .filter(|q| **q != Equipment::None)
                .map(|q| q.as_str())
                .collect();
            let kit = if kit.is_empty() {
                String::from("none")
            } else {
                kit.join(", ")
            };
            let text = row.plain();
            assert!(
                text.trim_end().ends_with(&kit),
                "{width}: {text:?} ends with {kit:?}"
            );
            assert_eq!(
                backchain::text::width(&text),
                usize::from(d.rows.width),
                "{text:?}"
            );
            if !text.contains(e.name.as_str()) {
                assert!(text.contains('…'), "{width}: {text:?}");
                cut += 1;
            }
        }
        if width == 70 {
            assert!(cut > 0, "some names are long for a narrow list");
        }
        frame(&mut app);
    }
    // A name of thousands of columns, and wide letters.
    let mut files = synthetic::store_files(3);
    for f in files
        .iter_mut()
        .filter(|f| f.relative.starts_with("exercises/"))
    {
        f.text = f.text.replacen(
            "name = \"",
            &format!("name = \"髋关节内旋 {}", "hamstring ".repeat(300)),
            1,
        );
    }
    let mut problems = Vec::new();
    let mut app = app_for(Store::from_files(files, &mut problems), 80, 24);
    assert!(problems.is_empty());
    for row in &drawn(&app).row_lines {
        assert!(row.plain().contains('…'), "{row:?}");
    }
    assert!(screen(&mut app).contains("髋关节内旋"));
}

#[test]
fn pane_titles_are_cut_with_an_ellipsis() {
    let mut app = app(70, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "hip");
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('G')]);
    let d = drawn(&app).clone();
    assert!(d.list_title.contains("best first"));
    let text = screen(&mut app);
    let top = text
        .lines()
        .nth(usize::from(d.list.y))
        .unwrap()
        .trim_matches('"');
    let list_top: String = top.chars().take(usize::from(d.list.width)).collect();
    assert!(list_top.contains('…'), "{list_top}");
    assert!(
        list_top.ends_with('┐') || list_top.ends_with('┓'),
        "{list_top}"
    );
}

/// Does the text hold a braille drawing?
fn has_braille(text: &str) -> bool {
    text.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
}

#[test]
fn at_80_columns_the_figure_is_seen_without_scrolling() {
    let mut app = app(80, 24);
    while selected_id(&app) != "modified-good-morning" {
        press(&mut app, &[KeyCode::Char('j')]);
    }
    let d = drawn(&app).clone();
    assert!(d.figure.is_none(), "not beside at 80 columns");
    let rows = d.figure_rows.clone().expect("the figure is in the text");
    assert!(rows.end <= usize::from(d.text.height), "{rows:?}");
    let visible: Vec<String> = d
        .detail_lines
        .iter()
        .take(usize::from(d.text.height))
        .map(|l| l.plain())
        .collect();
    assert!(has_braille(&visible.join("\n")), "{visible:#?}");
    assert!(
        visible.iter().any(|l| l == "○ stretch here"),
        "{visible:#?}"
    );
    assert!(
        visible.iter().any(|l| l.starts_with("Dose:")),
        "the dose comes first"
    );
    assert!(screen(&mut app).contains("○ stretch here"));
    // Beside the text on a wide screen, on a canvas.
    let mut app = self::app(160, 48);
    while selected_id(&app) != "modified-good-morning" {
        press(&mut app, &[KeyCode::Char('j')]);
    }
    assert!(drawn(&app).figure.is_some());
    assert!(drawn(&app).figure_rows.is_none());
    assert!(
        !drawn(&app)
            .detail_lines
            .iter()
            .any(|l| has_braille(&l.plain()))
    );
    let text = screen(&mut app);
    assert!(has_braille(&text) && text.contains("○ stretch here"));
}

#[test]
fn the_figure_moves_with_the_clock_only_with_motion() {
    let mut app = app(160, 48);
    while selected_id(&app) != "glute-bridge" {
        press(&mut app, &[KeyCode::Char('j')]);
    }
    app.now = 0;
    let still = screen(&mut app);
    app.now = 1500;
    let lifted = screen(&mut app);
    assert_ne!(still, lifted, "the hips rise");
    assert_eq!(app.wake_in(), Some(std::time::Duration::from_millis(100)));
    app.motion = false;
    app.now = 0;
    let key = screen(&mut app);
    app.now = 1500;
    assert_eq!(key, screen(&mut app), "without motion the key pose stays");
    assert_eq!(app.wake_in(), None, "nothing moves, nothing wakes");
}

#[test]
fn without_braille_the_figure_is_drawn_in_half_blocks() {
    for (width, height) in [(160, 48), (80, 24)] {
        let mut app = app(width, height);
        while selected_id(&app) != "glute-bridge" {
            press(&mut app, &[KeyCode::Char('j')]);
        }
        assert!(has_braille(&screen(&mut app)), "{width}×{height}");
        app.braille = false;
        let text = screen(&mut app);
        assert!(!has_braille(&text), "{width}×{height}: {text}");
        assert!(
            text.contains('▀') || text.contains('▄') || text.contains('█'),
            "{width}×{height}: {text}"
        );
        // Beside the text on the canvas, or under the figure in the text (scrolled to at 80×24).
        let in_text = drawn(&app)
            .detail_lines
            .iter()
            .any(|l| l.plain() == "○ squeeze here");
        assert!(
            text.contains("○ squeeze here") || in_text,
            "{width}×{height}"
        );
    }
}

#[test]
fn frames_are_asked_for_only_while_the_figure_is_in_sight() {
    let mut app = app(80, 24);
    assert!(app.wake_in().is_some(), "the figure is in the text");
    // Scrolled past the figure: no frames.
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.exercises.pane, Pane::Detail);
    for _ in 0..20 {
        press(&mut app, &[KeyCode::Char('j')]);
        frame(&mut app);
    }
    let rows = drawn(&app).figure_rows.clone().expect("in the text");
    assert!(usize::from(app.exercises.detail.offset) >= rows.end);
    assert_eq!(app.wake_in(), None, "scrolled out of sight");
    // Another screen: none.
    app.screen = Screen::Questionnaire;
    frame(&mut app);
    assert_eq!(app.wake_in(), None);
}

#[test]
fn the_detail_says_where_each_part_comes_from_and_how_to_move_on_the_ladder() {
    let app = app(160, 48);
    let text = |id: &str| -> Vec<String> {
        let e = app.store.exercise(id).expect("an exercise");
        detail::lines(&app.store, e, Picture::None, 500)
            .iter()
            .map(|l| l.plain())
            .collect()
    };
    let gm = text("modified-good-morning");
    assert!(
        gm.contains(&String::from(
            "From: idea: 001 · steps: reconstructed from 001 · dose: 001"
        )),
        "{gm:#?}"
    );
    assert!(
        gm.iter()
            .any(|l| l.starts_with("Dose: 3 × 10 reps, hold 3 s, rest 60 s"))
    );
    assert!(gm.iter().any(|l| l.starts_with("001 gives 3 sets of 10")));
    for heading in ["Steps", "Cues", "Cautions", "Easier and harder"] {
        assert!(gm.contains(&String::from(heading)), "{heading}");
    }
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
    // Steps wrap under their own text.
    let e = app.store.exercise("modified-good-morning").unwrap();
    let narrow: Vec<String> = detail::lines(&app.store, e, Picture::None, 30)
        .iter()
        .map(|l| l.plain())
        .collect();
    let first = narrow.iter().position(|l| l.starts_with("1. ")).unwrap();
    assert!(narrow[first + 1].starts_with("   "), "{narrow:#?}");
    let too_wide = detail::lines(&app.store, e, Picture::TooWide, 30);
    assert!(too_wide.iter().any(|l| l.plain().contains("figure")));
}

// Snapshots of the whole app.

#[test]
fn snapshot_default_80x24() {
    let mut app = app(80, 24);
    insta::assert_snapshot!("exercises_80x24", screen(&mut app));
}

#[test]
fn snapshot_default_160x48() {
    let mut app = app(160, 48);
    insta::assert_snapshot!("exercises_160x48", screen(&mut app));
}

#[test]
fn snapshot_tiny_50x14() {
    let mut app = app(50, 14);
    insta::assert_snapshot!("exercises_50x14", screen(&mut app));
}

#[test]
fn snapshot_typing_good_mornin() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    assert_eq!(selected_id(&app), "modified-good-morning");
    let text = screen(&mut app);
    assert!(text.contains("3 × 10"), "{text}");
    insta::assert_snapshot!("exercises_good_mornin_80x24", text);
}

#[test]
fn snapshot_good_mornin_wide_with_figure_beside() {
    let mut app = app(160, 48);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    press(&mut app, &[KeyCode::Enter]);
    assert!(drawn(&app).figure.is_some());
    insta::assert_snapshot!("exercises_good_mornin_160x48", screen(&mut app));
}

#[test]
fn snapshot_filter_active() {
    let mut app = app(80, 24);
    pick(&mut app, Choice::Region(Some(Region::Hamstrings)));
    pick(&mut app, Choice::Phase(Some(Phase::Activate)));
    insta::assert_snapshot!("exercises_filtered_80x24", screen(&mut app));
}

#[test]
fn snapshot_filter_picker() {
    let mut app = app(80, 24);
    pick(&mut app, Choice::Equipment(Some(Equipment::Mat)));
    press(&mut app, &[KeyCode::Char('f'), KeyCode::Char('j')]);
    insta::assert_snapshot!("exercises_picker_80x24", screen(&mut app));
}

#[test]
fn snapshot_no_matches() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "xyzzy");
    assert!(app.exercises.hits().is_empty());
    let text = screen(&mut app);
    assert!(text.contains("No exercise matches"), "{text}");
    insta::assert_snapshot!("exercises_no_matches_80x24", text);
}

#[test]
fn matched_letters_are_highlighted_without_colour() {
    use ratatui::style::Modifier;
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "good mornin");
    let d = drawn(&app).clone();
    let terminal = frame(&mut app);
    let buffer = terminal.backend().buffer();
    let hit = &app.exercises.hits()[0];
    // "▶ " comes before the name; each matched char is bold and underlined.
    for &i in &hit.name_positions {
        let cell = &buffer[(d.rows.x + 2 + i as u16, d.rows.y)];
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "char {i} {:?}",
            cell.symbol()
        );
    }
    // "Modified " is not part of the match.
    let cell = &buffer[(d.rows.x + 2, d.rows.y)];
    assert!(!cell.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(cell.symbol(), "M");
}

#[test]
fn no_matches_with_filters_points_at_x() {
    let mut app = app(80, 24);
    pick(&mut app, Choice::Region(Some(Region::Hamstrings)));
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "xyzzy");
    let text = empty_text(&app);
    assert!(text.contains("press Esc then x"), "{text}");
    press(&mut app, &[KeyCode::Esc]);
    let text = empty_text(&app);
    assert!(text.contains("No exercise matches “xyzzy”"), "{text}");
    assert!(text.contains("filters with x."), "{text}");
    press(&mut app, &[KeyCode::Char('x')]);
    assert_eq!(app.exercises.filters, Default::default());
    assert_eq!(app.exercises.query, "");
    assert_eq!(app.exercises.hits().len(), app.store.exercises.len());
}

#[test]
fn a_store_without_exercises_says_so() {
    let mut app = app_for(Store::default(), 80, 24);
    assert_eq!(empty_text(&app), "This content store has no exercises.");
    assert!(screen(&mut app).contains("Nothing selected."));
    press(&mut app, &[KeyCode::Char('f')]);
    assert!(app.exercises.picker.is_none());
    assert!(app.status.is_some(), "f says why nothing opens");
}

#[test]
fn page_keys_move_the_picker_a_screenful_and_stop_at_the_ends() {
    let mut app = app(80, 24);
    press(&mut app, &[KeyCode::Char('f')]);
    screen(&mut app);
    let last = app.exercises.picker.as_ref().unwrap().choices.len() - 1;
    press(&mut app, &[KeyCode::PageDown]);
    let paged = app.exercises.picker.as_ref().unwrap().cursor;
    assert!(paged > 1, "a page is more than one choice: {paged}");
    press(&mut app, &[KeyCode::PageDown; 20]);
    assert_eq!(app.exercises.picker.as_ref().unwrap().cursor, last);
    press(&mut app, &[KeyCode::PageUp; 20]);
    assert_eq!(app.exercises.picker.as_ref().unwrap().cursor, 0);
}

// Imported exercises: in search, filters and detail, with no dose or ladder of their own.

/// The built-in store with the Free Exercise DB's 90/90 Hamstring imported beside it.
fn store_with_an_import() -> Store {
    use backchain::import::{FreeExerciseDb, Source};
    let json = r#"[{"id": "90_90_Hamstring", "name": "90/90 Hamstring", "force": "push",
        "level": "beginner", "mechanic": null, "equipment": "body only",
        "primaryMuscles": ["hamstrings"], "secondaryMuscles": ["calves"],
        "instructions": ["Lie on your back.", "Straighten the raised leg."],
        "category": "stretching", "images": []}]"#;
    let mut store = embedded();
    let imported = FreeExerciseDb.convert(json).expect("converts").exercises;
    store.exercises.extend(imported);
    store.reindex();
    store
}

#[test]
fn an_imported_exercise_is_found_filtered_and_shown_without_a_dose() {
    let mut app = app_for(store_with_an_import(), 100, 30);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "90/90 hamstring");
    assert_eq!(selected_id(&app), "90-90-hamstring");
    press(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
    pick(&mut app, Choice::Region(Some(Region::Hamstrings)));
    assert!(names_in_order(&app).iter().any(|n| n == "90/90 Hamstring"));
    let e = app.store.exercise("90-90-hamstring").expect("imported");
    let text: Vec<String> = detail::lines(&app.store, e, Picture::None, 500)
        .iter()
        .map(|l| l.plain())
        .collect();
    assert!(
        text.contains(&String::from("mobilise · beginner · no equipment")),
        "{text:#?}"
    );
    assert!(
        text.contains(&String::from(
            "Dose: none given: this exercise is in no routine"
        )),
        "{text:#?}"
    );
    assert!(
        text.contains(&String::from(
            "From: imported from Free Exercise DB (public domain, Unlicense), id 90_90_Hamstring"
        )),
        "{text:#?}"
    );
    assert!(
        !text.iter().any(|l| l.contains("Easier and harder")),
        "no ladder: {text:#?}"
    );
}

#[test]
fn a_long_list_ranks_the_rest_when_the_cursor_goes_past_its_top() {
    // 3,000 exercises, "h" in nearly all: the search ranks only its top at first.
    let mut problems = Vec::new();
    let store = Store::from_files(synthetic::store_files(3_000), &mut problems);
    assert!(problems.is_empty());
    let mut app = app_for(store, 100, 30);
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "h");
    frame(&mut app);
    let total = app.exercises.total();
    assert!(total > 1_000, "{total}");
    assert!(app.exercises.hits().len() < total, "only the top is ranked");
    let count = format!("{total} of 3000");
    assert!(
        screen(&mut app).contains(&count),
        "the count is every match"
    );
    let fresh = app.search.search("h", &Default::default());
    // To the bottom: the last of every match, in the order a full search gives.
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('G')]);
    assert_eq!(app.exercises.cursor, total - 1);
    assert_eq!(app.exercises.hits().len(), total);
    assert_eq!(app.exercises.hits(), &fresh[..]);
    assert_eq!(
        selected_id(&app),
        app.store.exercises[fresh[total - 1].index].id.as_str()
    );
    let text = screen(&mut app);
    assert!(text.contains(&format!("{total}/{total}")), "{text}");
}

/// The app on a 3,000-exercise store whose search runs on the search thread, as a store of
/// `BACKGROUND_FROM` exercises or more does.
fn app_searching_in_background() -> App {
    let mut problems = Vec::new();
    let store = Store::from_files(synthetic::store_files(3_000), &mut problems);
    assert!(problems.is_empty());
    let mut app = app_for(store, 100, 30);
    let searcher = Searcher::start(std::sync::Arc::clone(&app.search)).unwrap();
    app.exercises.search_in_background(searcher);
    app
}

/// Frames until the search thread's answer is in (at most a few seconds).
fn frames_until_searched(app: &mut App) -> String {
    for _ in 0..5_000 {
        let text = screen(app);
        if !app.exercises.searching() {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the search thread never answered");
}

#[test]
fn a_search_on_its_own_thread_shows_the_last_list_until_it_lands_then_what_a_search_here_gives() {
    let mut app = app_searching_in_background();
    let all = app.exercises.total();
    press(&mut app, &[KeyCode::Char('/')]);
    // Keys typed faster than searches: each frame asks, the thread runs the latest query waiting.
    let mut searching = 0;
    for c in "hamstrng".chars() {
        update(&mut app, Action::Input(c));
        let text = screen(&mut app);
        if app.exercises.searching() {
            searching += 1;
            assert!(text.contains("searching…"), "{text}");
            assert!(!text.contains("No exercise matches"), "{text}");
            // The event loop looks for the answer every frame meanwhile.
            assert_eq!(app.wake_in(), Some(std::time::Duration::from_millis(16)));
        }
    }
    assert!(searching > 0, "the frame that asks draws before the answer");
    let text = frames_until_searched(&mut app);
    let fresh = app.search.search("hamstrng", &Default::default());
    let ranked = app.exercises.hits().len();
    assert!(ranked > 0 && app.exercises.total() < all);
    assert_eq!(app.exercises.total(), fresh.len());
    assert_eq!(app.exercises.hits(), &fresh[..ranked]);
    assert_eq!(app.exercises.cursor, 0);
    assert!(text.contains(&format!("{} of 3000", fresh.len())), "{text}");
    // The figure's motion aside, nothing to wake for once it landed.
    app.motion = false;
    assert_eq!(app.wake_in(), None);
}

#[test]
fn moving_while_the_thread_searches_waits_for_its_list() {
    let mut app = app_searching_in_background();
    press(&mut app, &[KeyCode::Char('/')]);
    for c in "bridge".chars() {
        update(&mut app, Action::Input(c));
    }
    frame(&mut app);
    // Leave the box and move at once: the move is on the new list, not the one on screen.
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('j')]);
    assert!(!app.exercises.searching());
    let fresh = app.search.search("bridge", &Default::default());
    assert_eq!(app.exercises.cursor, 1);
    assert_eq!(
        selected_id(&app),
        app.store.exercises[fresh[1].index].id.as_str()
    );
}

#[test]
fn question_mark_in_the_picker_opens_help_and_closing_it_goes_back_to_the_picker() {
    let mut app = app(100, 30);
    press(&mut app, &[KeyCode::Char('f'), KeyCode::Char('j')]);
    let cursor = app.exercises.picker.as_ref().unwrap().cursor;
    press(&mut app, &[KeyCode::Char('?')]);
    assert!(app.help_open());
    let text = screen(&mut app);
    assert!(text.contains("choose") && text.contains("cancel"), "{text}");
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.help_open());
    let picker = app
        .exercises
        .picker
        .as_ref()
        .expect("the picker stays open");
    assert_eq!(picker.cursor, cursor);
}
