//! The results screen: `update` driven by actions (keys, clicks, wheel) and snapshots of the whole app.

mod common;

use backchain::content::Store;
use backchain::engine::Answers;
use backchain::tui::action::{Action, Screen};
use backchain::tui::app::{App, Effect};
use backchain::tui::layout;
use backchain::tui::state::results::{
    Pane, TextLine, Tone, areas, diagram_areas, inner, list_offset, routine_text, wrap,
};
use backchain::tui::theme::Theme;
use backchain::tui::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use common::fixture_answers as fixture;

fn app_with(answers: impl FnOnce(&Store) -> Answers, width: u16, height: u16) -> App {
    let store = backchain::content::embedded();
    let answers = answers(&store);
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Results;
    app.size = Rect::new(0, 0, width, height);
    app
}

fn ribs(width: u16, height: u16) -> App {
    app_with(|s| fixture(s, "ribs-and-breathing"), width, height)
}

fn no_answers(width: u16, height: u16) -> App {
    app_with(|_| Answers::new(), width, height)
}

fn red_flag(width: u16, height: u16) -> App {
    app_with(
        |_| {
            let mut a = Answers::new();
            a.set("red_flags", "saddle_numbness");
            a
        },
        width,
        height,
    )
}

fn press(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
    }
}

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("terminal");
    terminal
        .draw(|f| backchain::tui::view::render(app, f))
        .expect("draw");
    terminal
}

fn screen_text(app: &App) -> String {
    render(app).backend().to_string()
}

fn body(app: &App) -> Rect {
    layout::frame(app.size).body
}

// --- keys ------------------------------------------------------------------------------------------

#[test]
fn tab_walks_the_panes_and_back() {
    let mut app = ribs(80, 24);
    assert_eq!(app.results.pane, Pane::Chains);
    let mut seen = Vec::new();
    for _ in 0..4 {
        update(&mut app, Action::NextPane);
        seen.push(app.results.pane);
    }
    assert_eq!(
        seen,
        [Pane::Diagram, Pane::Reasons, Pane::Routine, Pane::Chains]
    );
    update(&mut app, Action::PrevPane);
    assert_eq!(app.results.pane, Pane::Routine);
    update(&mut app, Action::Back);
    assert_eq!(app.results.pane, Pane::Chains, "Esc goes back to the list");
}

#[test]
fn moving_in_the_chain_list_selects_a_chain_and_starts_its_diagram_over() {
    let mut app = ribs(80, 24);
    assert_eq!(app.results.chain, 0);
    assert_eq!(app.report.chains[0].id, "rib-stiffness");
    press(&mut app, &[Action::NextPane, Action::Down, Action::Down]);
    assert_eq!(app.results.step, 2);
    press(&mut app, &[Action::PrevPane, Action::Down]);
    assert_eq!(app.results.chain, 1);
    assert_eq!(app.results.step, 0, "a new chain starts at its first step");
    update(&mut app, Action::Bottom);
    assert_eq!(app.results.chain, app.report.chains.len() - 1);
    update(&mut app, Action::Down);
    assert_eq!(
        app.results.chain,
        app.report.chains.len() - 1,
        "stays at the end"
    );
    update(&mut app, Action::Top);
    assert_eq!(app.results.chain, 0);
    update(&mut app, Action::Up);
    assert_eq!(app.results.chain, 0);
}

#[test]
fn the_diagram_pane_selects_steps_and_enter_opens_their_claims() {
    let mut app = ribs(80, 24);
    let steps = app.store.chain("rib-stiffness").expect("chain").steps.len();
    press(&mut app, &[Action::NextPane, Action::Right, Action::Down]);
    assert_eq!(app.results.step, 2);
    update(&mut app, Action::Bottom);
    assert_eq!(app.results.step, steps - 1);
    update(&mut app, Action::Down);
    assert_eq!(app.results.step, steps - 1);
    press(&mut app, &[Action::Up, Action::Left]);
    assert_eq!(app.results.step, steps - 3);
    update(&mut app, Action::Top);
    assert_eq!(app.results.step, 0);

    update(&mut app, Action::Down);
    update(&mut app, Action::Select);
    assert_eq!(app.results.claims, Some(0));
    update(&mut app, Action::Down);
    assert_eq!(app.results.claims, Some(1), "j scrolls the popup");
    update(&mut app, Action::Bottom);
    let bottom = app.results.claims.expect("open");
    update(&mut app, Action::Down);
    assert_eq!(
        app.results.claims,
        Some(bottom),
        "no scrolling past the end"
    );
    update(&mut app, Action::NextPane);
    assert_eq!(app.results.pane, Pane::Diagram, "the popup keeps the keys");
    update(&mut app, Action::Back);
    assert_eq!(app.results.claims, None);
}

#[test]
fn text_panes_scroll_within_their_text() {
    let mut app = ribs(80, 24);
    press(
        &mut app,
        &[Action::NextPane, Action::NextPane, Action::NextPane],
    );
    assert_eq!(app.results.pane, Pane::Routine);
    update(&mut app, Action::Bottom);
    let bottom = app.results.routine_scroll;
    assert!(bottom > 0, "the routine and its cautions overflow 80×24");
    press(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(app.results.routine_scroll, bottom);
    update(&mut app, Action::PageUp);
    assert!(app.results.routine_scroll < bottom);
    update(&mut app, Action::Top);
    assert_eq!(app.results.routine_scroll, 0);
    update(&mut app, Action::Up);
    assert_eq!(app.results.routine_scroll, 0);
}

#[test]
fn e_asks_the_loop_to_export_the_routine() {
    let mut app = ribs(80, 24);
    update(&mut app, Action::Export);
    assert!(app.effects.contains(&Effect::ExportRoutine));
}

#[test]
fn a_red_flag_leaves_only_the_care_message() {
    let mut app = red_flag(80, 24);
    assert!(app.report.has_red_flags());
    let a = areas(body(&app), &app.store, &app.report, &app.results);
    assert_eq!(a.care, Some(body(&app)));
    assert!(a.chains.is_none() && a.diagram.is_none() && a.routine.is_none());
    press(&mut app, &[Action::Select, Action::NextPane]);
    assert_eq!(app.results.claims, None);
    let text = screen_text(&app);
    assert!(text.contains("No routine is shown while a red flag is present"));
    assert!(text.contains("Press 1"));
}

#[test]
fn following_the_best_fit_or_keeping_a_chosen_chain_when_answers_change() {
    let mut app = ribs(80, 24);
    let top = app.report.chains[0].id.clone();
    assert_eq!(top, "rib-stiffness");
    // Looking at the best fit: keep looking at the best fit.
    app.answers.clear_all();
    app.answers_changed();
    assert_eq!(app.results.chain, 0);
    // A chain chosen further down stays chosen wherever it lands.
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::Down, Action::Down]);
    let chosen = app.report.chains[2].id.clone();
    app.answers.set("breathing", "chest");
    app.answers_changed();
    assert_eq!(app.report.chains[app.results.chain].id, chosen);
}

// --- mouse -----------------------------------------------------------------------------------------

#[test]
fn clicking_a_chain_row_selects_it() {
    let mut app = ribs(80, 24);
    app.results.pane = Pane::Routine;
    let a = areas(body(&app), &app.store, &app.report, &app.results);
    let list = inner(a.chains.expect("chains shown"));
    let row = list.y + 3 - list_offset(0, list.height) as u16;
    update(
        &mut app,
        Action::Click {
            column: list.x + 4,
            row,
        },
    );
    assert_eq!(app.results.pane, Pane::Chains);
    assert_eq!(app.results.chain, 3);
}

#[test]
fn clicking_a_step_selects_it_and_a_second_click_opens_its_claims() {
    for (w, h) in [(80, 24), (160, 48), (100, 40)] {
        let mut app = ribs(w, h);
        let a = areas(body(&app), &app.store, &app.report, &app.results);
        let pane = a.diagram.expect("diagram shown");
        let chain = app.results.selected_chain(&app.store, &app.report);
        let d = diagram_areas(pane, chain, app.results.step);
        let target = d.layout.boxes[3];
        let (column, row) = (
            d.canvas.x + target.x + 1,
            d.canvas.y + target.y + target.height / 2 - d.scroll,
        );
        update(&mut app, Action::Click { column, row });
        assert_eq!(app.results.pane, Pane::Diagram, "{w}×{h}");
        assert_eq!(app.results.step, 3, "{w}×{h}");
        // The layout may scroll for the new step; recompute before clicking again.
        let chain = app.results.selected_chain(&app.store, &app.report);
        let d = diagram_areas(pane, chain, app.results.step);
        let target = d.layout.boxes[3];
        let row = d.canvas.y + target.y + target.height / 2 - d.scroll;
        update(&mut app, Action::Click { column, row });
        assert_eq!(app.results.claims, Some(0), "{w}×{h}");
        // A click outside the popup closes it.
        update(&mut app, Action::Click { column: 0, row: 1 });
        assert_eq!(app.results.claims, None, "{w}×{h}");
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_without_moving_focus() {
    let mut app = ribs(160, 48);
    let a = areas(body(&app), &app.store, &app.report, &app.results);
    assert!(a.all_shown(), "160×48 shows every pane");
    let routine = a.routine.expect("routine");
    update(
        &mut app,
        Action::ScrollDown {
            column: routine.x + 2,
            row: routine.y + 2,
        },
    );
    assert_eq!(app.results.pane, Pane::Chains);
    let chains = a.chains.expect("chains");
    update(
        &mut app,
        Action::ScrollDown {
            column: chains.x + 2,
            row: chains.y + 2,
        },
    );
    assert_eq!(app.results.chain, 1, "the wheel moves through the chains");
    assert_eq!(app.results.pane, Pane::Chains);
    update(
        &mut app,
        Action::ScrollUp {
            column: chains.x + 2,
            row: chains.y + 2,
        },
    );
    assert_eq!(app.results.chain, 0);
    // At 80×24 the routine overflows and the wheel scrolls it.
    let mut app = ribs(80, 24);
    app.results.pane = Pane::Routine;
    let a = areas(body(&app), &app.store, &app.report, &app.results);
    let routine = a.routine.expect("routine shown when focused");
    update(
        &mut app,
        Action::ScrollDown {
            column: routine.x + 2,
            row: routine.y + 2,
        },
    );
    assert_eq!(app.results.routine_scroll, 3);
}

// --- text ----------------------------------------------------------------------------------------

fn plain(lines: &[TextLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
        .collect()
}

#[test]
fn wrapping_keeps_prefixes_and_indents_continuations() {
    let lines = wrap(
        &[
            (Tone::Good, "▲ +15.0  "),
            (Tone::Plain, "When you breathe in, what rises?"),
        ],
        24,
        9,
    );
    assert_eq!(
        plain(&lines),
        [
            "▲ +15.0  When you",
            "         breathe in,",
            "         what rises?"
        ]
    );
    assert_eq!(lines[0][0], (Tone::Good, "▲ +15.0  ".to_owned()));
    let long = wrap(&[(Tone::Plain, "abcdefghijkl")], 5, 0);
    assert_eq!(plain(&long), ["abcde", "fghij", "kl"]);
    assert_eq!(plain(&wrap(&[], 10, 0)), [""], "a blank line stays a line");
    let _ = wrap(&[(Tone::Plain, "x y z")], 0, 40);
}

#[test]
fn the_routine_lists_where_its_sources_disagree() {
    let app = app_with(|s| fixture(s, "tight-or-sleepy-tight"), 80, 24);
    let routine = app.report.routine.as_ref().expect("a routine");
    assert!(!routine.conflicts.is_empty());
    let text = plain(&routine_text(&app.store, &app.report, 78)).join("\n");
    assert!(text.contains("Where the sources disagree"));
    assert!(text.contains("≠ "));
    assert!(text.contains("Cautions"));
    assert!(text.contains(&routine.items[0].name));
}

// --- drawing ---------------------------------------------------------------------------------------

#[test]
fn no_size_and_no_state_panics() {
    let makers: [fn(u16, u16) -> App; 3] = [ribs, no_answers, red_flag];
    let sizes = [
        (1, 1),
        (20, 5),
        (50, 14),
        (60, 20),
        (80, 24),
        (100, 30),
        (119, 40),
        (120, 32),
        (160, 48),
        (220, 70),
        (300, 14),
    ];
    for make in makers {
        for (w, h) in sizes {
            let mut app = make(w, h);
            for pane in Pane::ALL {
                app.results.pane = pane;
                app.results.claims = None;
                let _ = render(&app);
                press(
                    &mut app,
                    &[
                        Action::Down,
                        Action::Bottom,
                        Action::PageDown,
                        Action::Select,
                        Action::Bottom,
                    ],
                );
                let _ = render(&app);
                for (column, row) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                ] {
                    update(&mut app, Action::ScrollDown { column, row });
                    update(&mut app, Action::Click { column, row });
                }
                let _ = render(&app);
            }
            // The geometry on its own, in rectangles smaller than the app ever gives it.
            for (bw, bh) in [(0, 0), (1, 1), (3, 2), (10, 4), (w, h)] {
                let small = Rect::new(0, 0, bw, bh);
                let _ = areas(small, &app.store, &app.report, &app.results);
                let chain = app.results.selected_chain(&app.store, &app.report);
                let d = diagram_areas(small, chain, app.results.step);
                for b in &d.layout.boxes {
                    assert!(b.right() <= d.layout.width.max(1), "{b:?} in {bw}×{bh}");
                }
            }
        }
    }
}

#[test]
fn the_screen_shows_probabilities_reasons_and_the_routine() {
    let app = ribs(160, 48);
    let text = screen_text(&app);
    assert!(text.contains("9 of 15 answered"));
    assert!(text.contains("none of these 5 %"), "{text}");
    assert!(text.contains("Stiff ribs, swayback  76%"), "{text}");
    assert!(text.contains("about 3.1× more likely if this is your story"));
    assert!(text.contains("fits you best: 76 %"));
    assert!(text.contains("Rib expansion breathing"));
    assert!(text.contains("e export"));
    assert!(
        text.contains("ANTERIOR TILT"),
        "the pelvis drawing at 160×48"
    );
    let empty = screen_text(&no_answers(80, 24));
    assert!(
        empty.contains("THE SAFETY QUESTION IS NOT ANSWERED YET"),
        "{empty}"
    );
    assert!(
        !empty.contains("Stiff ribs"),
        "no ranking before the safety question"
    );
}

#[test]
fn snapshot_ribs_80x24() {
    let app = ribs(80, 24);
    insta::assert_snapshot!("results_ribs_80x24", render(&app).backend());
}

#[test]
fn snapshot_ribs_80x24_reasons() {
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::NextPane, Action::NextPane]);
    insta::assert_snapshot!("results_ribs_80x24_reasons", render(&app).backend());
}

#[test]
fn snapshot_ribs_80x24_routine() {
    let mut app = ribs(80, 24);
    update(&mut app, Action::PrevPane);
    insta::assert_snapshot!("results_ribs_80x24_routine", render(&app).backend());
}

#[test]
fn snapshot_ribs_160x48() {
    let mut app = ribs(160, 48);
    press(&mut app, &[Action::NextPane, Action::Down]);
    insta::assert_snapshot!("results_ribs_160x48", render(&app).backend());
}

#[test]
fn snapshot_ribs_100x40_boxes() {
    let mut app = ribs(100, 40);
    press(&mut app, &[Action::Down, Action::NextPane, Action::Down]);
    insta::assert_snapshot!("results_second_chain_100x40", render(&app).backend());
}

#[test]
fn snapshot_claims_popup() {
    let mut app = ribs(100, 30);
    press(&mut app, &[Action::NextPane, Action::Down, Action::Select]);
    insta::assert_snapshot!("results_claims_popup_100x30", render(&app).backend());
}

#[test]
fn snapshot_red_flag() {
    let app = red_flag(80, 24);
    insta::assert_snapshot!("results_red_flag_80x24", render(&app).backend());
}

#[test]
fn snapshot_no_answers() {
    let app = no_answers(80, 24);
    insta::assert_snapshot!("results_no_answers_80x24", render(&app).backend());
}
