//! The Results screen: `update` driven by actions (keys, clicks, wheel) and by keys through the real key
//! table, checked against the frame the screen laid out, and snapshots of the whole app.

use backchain::content::Store;
use backchain::engine::{self, Answers};
use backchain::text::Line;
use backchain::tui::action::{Action, Screen};
use backchain::tui::app::{App, Effect};
use backchain::tui::keys::{self, Mode, Scope, map_key};
use backchain::tui::screens::Msg;
use backchain::tui::screens::results::{Drawn, Pane};
use backchain::tui::theme::Theme;
use backchain::tui::{update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::common::fixture_answers as fixture;

fn app_with(answers: impl FnOnce(&Store) -> Answers, width: u16, height: u16) -> App {
    let store = backchain::content::embedded();
    let answers = answers(&store);
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Results;
    app.size = Rect::new(0, 0, width, height);
    draw(&mut app);
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

/// Safety answered, nothing else: no routine yet, and questions that would settle it.
fn undecided(width: u16, height: u16) -> App {
    app_with(
        |_| {
            let mut a = Answers::new();
            a.set("red_flags", "none");
            a
        },
        width,
        height,
    )
}

/// Lays out and draws a frame, as the event loop does between keys; returns the screen's text.
/// The routine pane as the last frame laid it out.
fn routine_drawn(app: &App) -> &backchain::tui::screens::results::layout::Routine {
    let drawn = app.results.drawn.as_ref().expect("a frame was drawn");
    drawn.routine.as_ref().expect("the routine pane is shown")
}

fn draw(app: &mut App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("terminal");
    terminal.draw(|f| view::draw(app, f)).expect("draw");
    terminal.backend().to_string()
}

/// Actions one at a time, each followed by a frame.
fn press(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
        draw(app);
    }
}

/// Keys through the key table, each followed by a frame.
fn keys(app: &mut App, codes: &[KeyCode]) {
    for &code in codes {
        if let Some(action) = map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE)) {
            update(app, action);
        }
        draw(app);
    }
}

/// What a screen reads, from the app's fields (so the screen's state can be borrowed beside it).
macro_rules! context {
    ($app:expr) => {
        backchain::tui::screens::Context {
            store: &$app.store,
            answers: &$app.answers,
            report: &$app.report,
            events: &$app.events,
            current: &$app.current,
            search: &$app.search,
            theme: &$app.theme,
            size: $app.size,
            now: $app.now,
            motion: $app.motion,
            braille: $app.braille,
        }
    };
}

fn drawn(app: &App) -> &Drawn {
    app.results.drawn.as_ref().expect("laid out")
}

fn plain(lines: &[Line]) -> String {
    lines.iter().map(Line::plain).collect::<Vec<_>>().join("\n")
}

fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    keys::hints(&app.key_context())
}

// --- keys ------------------------------------------------------------------------------------------

#[test]
fn tab_walks_the_panes_and_esc_goes_back_to_the_stories() {
    let mut app = ribs(80, 24);
    assert_eq!(app.results.pane, Pane::Chains);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut app, &[Action::NextPane]);
        seen.push(app.results.pane);
    }
    assert_eq!(
        seen,
        [Pane::Diagram, Pane::Reasons, Pane::Routine, Pane::Chains]
    );
    press(&mut app, &[Action::PrevPane]);
    assert_eq!(app.results.pane, Pane::Routine);
    assert!(update(&mut app, Action::Back));
    assert_eq!(app.results.pane, Pane::Chains, "Esc goes back to the list");
}

#[test]
fn moving_in_the_story_list_selects_a_story_and_starts_its_diagram_over() {
    let mut app = ribs(80, 24);
    assert_eq!(app.report.chains[0].id, "rib-stiffness");
    press(&mut app, &[Action::NextPane, Action::Right, Action::Right]);
    assert_eq!(app.results.step, 2);
    press(&mut app, &[Action::PrevPane, Action::Down]);
    assert_eq!(app.results.chain, 1);
    assert_eq!(app.results.step, 0, "a new story starts at its first step");
    press(&mut app, &[Action::Bottom, Action::Down]);
    assert_eq!(
        app.results.chain,
        app.report.chains.len() - 1,
        "stays at the end"
    );
    press(&mut app, &[Action::Top, Action::Up]);
    assert_eq!(app.results.chain, 0);
    // Enter on a story shows its chain.
    press(&mut app, &[Action::Select]);
    assert_eq!(app.results.pane, Pane::Diagram);
}

#[test]
fn in_the_diagram_h_and_l_pick_steps_j_and_k_scroll_the_step_text_and_enter_opens_its_claims() {
    let mut app = ribs(80, 24);
    let steps = app.store.chain("rib-stiffness").expect("chain").steps.len();
    keys(
        &mut app,
        &[KeyCode::Tab, KeyCode::Char('l'), KeyCode::Right],
    );
    assert_eq!(app.results.step, 2);
    keys(&mut app, &[KeyCode::Char('h')]);
    assert_eq!(app.results.step, 1);
    for _ in 0..steps + 2 {
        keys(&mut app, &[KeyCode::Char('l')]);
    }
    assert_eq!(app.results.step, steps - 1, "stays on the last step");
    keys(&mut app, &[KeyCode::Left, KeyCode::Left, KeyCode::Left]);
    assert_eq!(app.results.step, steps - 4);

    // j and k scroll the step's text, within it.
    keys(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(app.results.detail.offset, 1);
    assert_eq!(app.results.step, steps - 4, "j does not change the step");
    keys(&mut app, &[KeyCode::Char('G'), KeyCode::Char('j')]);
    let d = drawn(&app).diagram.as_ref().expect("diagram");
    let bottom = d.detail.len() - usize::from(d.parts.detail.height);
    assert_eq!(
        usize::from(app.results.detail.offset),
        bottom,
        "no blank space"
    );
    keys(&mut app, &[KeyCode::Char('l')]);
    assert_eq!(
        app.results.detail.offset, 0,
        "a new step's text starts at its top"
    );

    keys(&mut app, &[KeyCode::Enter]);
    assert!(app.results.claims.is_some());
    assert_eq!(app.key_context().mode(), Some(Mode::Popup));
    keys(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(
        app.results.claims.expect("open").offset,
        1,
        "j scrolls the popup"
    );
    keys(&mut app, &[KeyCode::Char('G'), KeyCode::Char('j')]);
    let popup = drawn(&app).claims.as_ref().expect("popup");
    let last = popup.lines.len() - usize::from(popup.rows());
    assert_eq!(usize::from(app.results.claims.expect("open").offset), last);
    keys(&mut app, &[KeyCode::Tab, KeyCode::Char('2')]);
    assert_eq!(app.results.pane, Pane::Diagram, "the popup keeps the keys");
    assert!(app.results.claims.is_some());
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.results.claims, None);
}

#[test]
fn text_panes_scroll_within_their_text() {
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.results.pane, Pane::Reasons);
    press(&mut app, &[Action::Bottom]);
    let reasons = drawn(&app).reasons.as_ref().expect("reasons");
    let bottom = reasons.lines.len() - usize::from(reasons.rows());
    assert!(bottom > 0, "the reasons overflow 80×24");
    assert_eq!(usize::from(app.results.reasons.offset), bottom);
    press(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(usize::from(app.results.reasons.offset), bottom);
    press(&mut app, &[Action::PageUp]);
    assert!(usize::from(app.results.reasons.offset) < bottom);
    press(&mut app, &[Action::Top, Action::Up]);
    assert_eq!(app.results.reasons.offset, 0);
}

#[test]
fn e_exports_only_when_there_is_a_routine() {
    let mut app = ribs(80, 24);
    keys(&mut app, &[KeyCode::Char('e')]);
    assert!(app.effects.contains(&Effect::ExportRoutine));
    for mut app in [undecided(80, 24), red_flag(80, 24), no_answers(80, 24)] {
        assert_eq!(
            map_key(
                &app.key_context(),
                KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE)
            ),
            None,
            "no routine, no export key"
        );
        assert!(!update(&mut app, Action::Export));
        assert!(!app.effects.contains(&Effect::ExportRoutine));
        assert!(hints(&app).iter().all(|(_, what)| !what.contains("export")));
    }
}

#[test]
fn following_the_best_fit_or_keeping_a_chosen_story_when_answers_change() {
    let mut app = ribs(80, 24);
    // Looking at the best fit: keep looking at the best fit.
    app.answers.set("breathing", "chest");
    app.answers_changed();
    assert_eq!(app.results.chain, 0);
    // A story chosen further down stays chosen wherever it lands.
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::Down, Action::Down]);
    let chosen = app.report.chains[2].id.clone();
    app.answers.set("breathing", "chest");
    app.answers_changed();
    assert_eq!(app.report.chains[app.results.chain].id, chosen);
}

// --- the care message -------------------------------------------------------------------------------

#[test]
fn a_red_flag_leaves_only_the_care_message_and_enter_goes_to_the_answer_that_raised_it() {
    let mut app = red_flag(80, 24);
    assert!(app.report.has_red_flags());
    let d = drawn(&app);
    assert_eq!(d.care.as_ref().map(|c| c.area), Some(d.body));
    assert!(d.chains.is_none() && d.diagram.is_none() && d.routine.is_none());
    assert!(!update(&mut app, Action::NextPane), "nothing else to go to");
    let text = draw(&mut app);
    assert!(text.contains("See a clinician — no routine"), "{text}");
    assert!(
        text.contains("Press Enter to review the answer that raised it"),
        "{text}"
    );
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Questionnaire);
    assert_eq!(app.question().expect("a question").id, "red_flags");
}

#[test]
fn before_the_safety_question_enter_answers_it() {
    let mut app = no_answers(80, 24);
    let text = draw(&mut app);
    assert!(text.contains("Safety question not answered"), "{text}");
    assert!(
        !text.contains("Stiff ribs"),
        "no ranking before the safety question"
    );
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Questionnaire);
    assert_eq!(app.question().expect("a question").id, "red_flags");
}

// --- issue 11, item 2: hints follow the focused pane ----------------------------------------------

#[test]
fn hints_follow_the_focused_pane_and_offer_only_what_works() {
    let mut app = ribs(160, 48);
    let expect = [
        (Pane::Chains, "show the story's chain"),
        (Pane::Diagram, "the step's claims"),
        (Pane::Reasons, "export routine"),
        (Pane::Routine, "open the exercise"),
    ];
    for (pane, what) in expect {
        app.results.pane = pane;
        draw(&mut app);
        let hints = hints(&app);
        assert_eq!(
            hints.first().map(|h| h.1),
            Some(what),
            "{pane:?}: {hints:?}"
        );
        let steps = hints.iter().any(|h| h.1 == "next step");
        assert_eq!(steps, pane == Pane::Diagram, "{pane:?}: {hints:?}");
    }
    // The reasons pane has no Enter.
    app.results.pane = Pane::Reasons;
    assert!(!update(&mut app, Action::Select));
    // With a red flag or the safety question open, only what works there.
    for (mut app, enter) in [
        (red_flag(80, 24), "review the answer that raised it"),
        (no_answers(80, 24), "answer the safety question"),
    ] {
        let hints = hints(&app);
        assert_eq!(hints.first(), Some(&("Enter", enter)), "{hints:?}");
        for (_, what) in &hints {
            assert!(
                !what.contains("claims") && !what.contains("export"),
                "{hints:?}"
            );
        }
        let text = draw(&mut app);
        let status = text.lines().last().expect("a status line");
        assert!(
            status.contains(enter) && !status.contains("claims"),
            "{status}"
        );
    }
    // Without a routine, Enter in its pane goes to the question that would settle the verdict.
    let mut app = undecided(80, 24);
    press(&mut app, &[Action::PrevPane]);
    assert_eq!(
        hints(&app)[0],
        ("Enter", "answer the most telling question")
    );
    let next = app.report.next_questions[0].id.clone();
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Questionnaire);
    assert_eq!(app.question().expect("a question").id.as_str(), next);
}

// --- issue 11, item 3: the routine is a list of exercises ---------------------------------------------

#[test]
fn the_routine_is_a_list_and_enter_opens_the_exercise() {
    let mut app = ribs(80, 24);
    keys(&mut app, &[KeyCode::BackTab]);
    assert_eq!(app.results.pane, Pane::Routine);
    assert_eq!(app.results.exercise, 0);
    keys(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert_eq!(app.results.exercise, 2);
    let text = draw(&mut app);
    let marked = app.report.routine.as_ref().expect("routine").items[2].clone();
    assert!(
        text.lines().any(|l| l.contains(&format!(
            "▶3. {:<10} {}",
            marked.phase.as_str(),
            marked.name
        ))),
        "the exercise under the cursor is marked:\n{text}"
    );
    let ctx = context!(app);
    let msgs = app.results.update(&ctx, Action::Select);
    assert_eq!(msgs, Some(vec![Msg::OpenExercise(marked.exercise.clone())]));
    // Through the app, the same key opens the Exercises screen.
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Exercises);
}

#[test]
fn moving_through_the_routine_keeps_the_exercise_in_view_and_reaches_the_cautions() {
    let mut app = ribs(80, 24);
    keys(&mut app, &[KeyCode::BackTab]);
    let count = app.report.routine.as_ref().expect("routine").items.len();
    for i in 1..count {
        keys(&mut app, &[KeyCode::Char('j')]);
        assert_eq!(app.results.exercise, i);
        let r = drawn(&app).routine.as_ref().expect("routine");
        let (start, len) = r.exercises[i];
        let top = usize::from(app.results.routine.offset);
        assert!(
            start >= top && start + len <= top + usize::from(r.pane.rows()),
            "exercise {i} in view"
        );
    }
    // Past the last exercise, j scrolls on to the end: moving on, what to avoid, the cautions.
    for _ in 0..60 {
        keys(&mut app, &[KeyCode::Char('j')]);
    }
    assert_eq!(app.results.exercise, count - 1);
    let text = draw(&mut app);
    assert!(text.contains("see a clinician"), "{text}");
    assert!(!text.contains("▼ more below"), "at the end:\n{text}");
    assert!(text.contains("▲ more above"), "{text}");
    // g goes back to the top and the first exercise; a page down takes the cursor along.
    keys(&mut app, &[KeyCode::Char('g')]);
    assert_eq!((app.results.exercise, app.results.routine.offset), (0, 0));
    keys(&mut app, &[KeyCode::PageDown]);
    let r = drawn(&app).routine.as_ref().expect("routine");
    let (start, len) = r.exercises[app.results.exercise];
    let top = usize::from(app.results.routine.offset);
    assert!(start + len > top && start < top + usize::from(r.pane.rows()));
}

#[test]
fn the_routine_says_the_rests_how_often_how_long_and_when_to_move_on() {
    let mut app = ribs(160, 48);
    let text = draw(&mut app);
    assert!(text.contains("rest 30 s"), "rest times show:\n{text}");
    assert!(text.contains("3 sessions a week for 6 weeks"), "{text}");
    assert!(text.contains("Moving on"), "{text}");
    assert!(
        text.contains("Move an exercise one rung up its ladder"),
        "{text}"
    );
}

#[test]
fn the_panes_say_what_the_cli_and_the_sheet_say() {
    let mut app = ribs(80, 24);
    app.results.pane = Pane::Routine;
    draw(&mut app);
    let r = drawn(&app).routine.as_ref().expect("routine");
    let width = usize::from(backchain::tui::ui::inner(r.pane.area).width);
    let cli = engine::present::routine(&app.store, &app.report, &app.events).to_lines(width);
    // The same lines, but for the cursor's mark.
    assert_eq!(plain(&r.pane.lines).replace('▶', " "), plain(&cli));
    app.results.pane = Pane::Reasons;
    draw(&mut app);
    let reasons = drawn(&app).reasons.as_ref().expect("reasons");
    let width = usize::from(backchain::tui::ui::inner(reasons.area).width);
    let mut doc = engine::present::reasons(&app.store, &app.report, "rib-stiffness");
    doc.append(engine::present::counterpoint(&app.report));
    assert_eq!(plain(&reasons.lines), plain(&doc.to_lines(width)));
}

#[test]
fn the_routine_lists_where_its_sources_disagree() {
    let mut app = app_with(|s| fixture(s, "tight-or-sleepy-tight"), 80, 24);
    let routine = app.report.routine.as_ref().expect("a routine");
    assert!(!routine.conflicts.is_empty());
    let first = routine.items[0].name.clone();
    app.results.pane = Pane::Routine;
    draw(&mut app);
    let text = plain(&drawn(&app).routine.as_ref().expect("routine").pane.lines);
    assert!(text.contains("Where the sources disagree"));
    assert!(text.contains("≠ "));
    assert!(text.contains("Cautions"));
    assert!(text.contains(&first));
}

// --- issue 11, item 4: scroll cues, and no scrolling into blank space ------------------------------

#[test]
fn every_pane_that_scrolls_says_so() {
    // Routine, reasons and the diagram's text at 80×24, each in its turn.
    for (pane, title) in [
        (Pane::Routine, "Routine"),
        (Pane::Reasons, "Why"),
        (Pane::Diagram, "Stiff ribs tip"),
    ] {
        let mut app = ribs(80, 24);
        app.results.pane = pane;
        let text = draw(&mut app);
        let bottom_border = text
            .lines()
            .skip_while(|l| !l.contains(title))
            .find(|l| l.contains('┗'))
            .unwrap_or_default()
            .to_owned();
        assert!(bottom_border.contains("▼ more below"), "{pane:?}:\n{text}");
        assert!(text.contains('█'), "a scrollbar: {pane:?}\n{text}");
        press(&mut app, &[Action::Bottom]);
        if pane == Pane::Diagram {
            // G goes to the bottom of the step's text, which never scrolls past its end.
            let d = drawn(&app).diagram.as_ref().expect("diagram");
            assert!(d.detail.len() > usize::from(d.parts.detail.height));
        }
        let text = draw(&mut app);
        assert!(text.contains("▲ more above"), "{pane:?}:\n{text}");
        assert!(!text.contains("▼ more below"), "{pane:?}:\n{text}");
    }
    // The claims popup.
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::NextPane, Action::Right, Action::Select]);
    let text = draw(&mut app);
    assert!(text.contains("Claims behind this step"), "{text}");
    assert!(text.contains("▼ more below"), "{text}");
}

// --- issue 11, item 5: one meaning per key ----------------------------------------------------------

#[test]
fn no_key_is_listed_twice_in_any_state_of_the_screen() {
    let mut states = vec![red_flag(80, 24), no_answers(80, 24), undecided(80, 24)];
    for pane in Pane::ALL {
        let mut app = ribs(80, 24);
        app.results.pane = pane;
        states.push(app);
    }
    let mut popup = ribs(80, 24);
    press(&mut popup, &[Action::NextPane, Action::Select]);
    states.push(popup);
    for app in &states {
        let ctx = app.key_context();
        let bindings = ctx.bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                for key in a.keys {
                    assert!(
                        !b.keys.contains(key),
                        "{:?}: {key:?} is both {:?} and {:?}",
                        ctx.scopes,
                        a.what,
                        b.what
                    );
                }
            }
        }
        // The export key means export, or nothing.
        let e = map_key(&ctx, KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE));
        assert!(matches!(e, None | Some(Action::Export)), "{e:?}");
    }
}

/// Every key the table lists for the Results screen, its panes and its care message does something in
/// a state where that scope is active; so do the popup's keys while the claims are open.
#[test]
fn every_results_key_does_something() {
    let all: Vec<_> = keys::all()
        .filter(|b| {
            matches!(
                b.scope,
                Scope::Screen(Screen::Results)
                    | Scope::Pane(Screen::Results, _)
                    | Scope::Mode(Mode::Popup)
            )
        })
        .collect();
    assert!(all.len() >= 10, "{}", all.len());
    for binding in all {
        let mut app = match binding.scope {
            Scope::Pane(_, "safety") => no_answers(80, 24),
            Scope::Pane(_, "red flag") => red_flag(80, 24),
            Scope::Pane(_, "verdict") => undecided(80, 24),
            _ => ribs(80, 24),
        };
        app.results.pane = match binding.scope {
            Scope::Pane(_, "diagram") | Scope::Mode(Mode::Popup) => Pane::Diagram,
            Scope::Pane(_, "reasons") => Pane::Reasons,
            Scope::Pane(_, "routine" | "verdict") => Pane::Routine,
            Scope::Pane(_, "chains" | "safety" | "red flag") | Scope::Screen(_) => Pane::Chains,
            Scope::Pane(_, other) => panic!("a Results pane this test does not know: {other}"),
            _ => unreachable!(),
        };
        draw(&mut app);
        if binding.scope == Scope::Mode(Mode::Popup) {
            // A step with claims enough to scroll, and a little way down so up and top mean something.
            press(&mut app, &[Action::Right, Action::Select, Action::Down]);
        }
        assert!(
            app.key_context().scopes.contains(&binding.scope),
            "{:?} is active for {}",
            binding.scope,
            binding.what
        );
        assert!(
            app.key_context()
                .bindings()
                .iter()
                .any(|b| b.action == binding.action),
            "{} is listed",
            binding.what
        );
        assert!(
            update(&mut app, binding.action),
            "{} does something",
            binding.what
        );
    }
}

// --- mouse -----------------------------------------------------------------------------------------

#[test]
fn clicking_a_story_row_selects_it() {
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::PrevPane]);
    let chains = drawn(&app).chains.as_ref().expect("stories shown");
    let inner = backchain::tui::ui::inner(chains.area);
    let row = inner.y + 3 - chains.first as u16;
    press(
        &mut app,
        &[Action::Click {
            column: inner.x + 4,
            row,
        }],
    );
    assert_eq!(app.results.pane, Pane::Chains);
    assert_eq!(app.results.chain, 3);
}

#[test]
fn clicking_a_step_selects_it_and_a_second_click_opens_its_claims() {
    for (w, h) in [(80, 24), (160, 48), (100, 40)] {
        let mut app = ribs(w, h);
        let click = |app: &App| {
            let parts = &drawn(app).diagram.as_ref().expect("diagram").parts;
            let target = parts.layout.boxes[3];
            (
                parts.canvas.x + target.x + 1,
                parts.canvas.y + target.y + target.height / 2 - parts.scroll,
            )
        };
        let (column, row) = click(&app);
        press(&mut app, &[Action::Click { column, row }]);
        assert_eq!(app.results.pane, Pane::Diagram, "{w}×{h}");
        assert_eq!(app.results.step, 3, "{w}×{h}");
        // The boxes may scroll for the new step: click where it is now.
        let (column, row) = click(&app);
        press(&mut app, &[Action::Click { column, row }]);
        assert!(app.results.claims.is_some(), "{w}×{h}");
        // A click outside the popup closes it.
        press(&mut app, &[Action::Click { column: 0, row: 1 }]);
        assert_eq!(app.results.claims, None, "{w}×{h}");
    }
}

#[test]
fn clicking_an_exercise_picks_it_and_a_second_click_opens_it() {
    let mut app = ribs(160, 48);
    let r = drawn(&app).routine.as_ref().expect("routine shown");
    let inner = backchain::tui::ui::inner(r.pane.area);
    let (start, _) = r.exercises[3];
    let at = Action::Click {
        column: inner.x + 6,
        row: inner.y + start as u16,
    };
    press(&mut app, &[at]);
    assert_eq!((app.results.pane, app.results.exercise), (Pane::Routine, 3));
    assert_eq!(app.screen, Screen::Results);
    press(&mut app, &[at]);
    assert_eq!(app.screen, Screen::Exercises);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_without_moving_focus() {
    let mut app = ribs(160, 48);
    assert!(drawn(&app).all_shown(), "160×48 shows every pane");
    let reasons = drawn(&app).reasons.as_ref().expect("reasons").area;
    let wheel = |area: Rect| Action::ScrollDown {
        column: area.x + 2,
        row: area.y + 2,
    };
    press(&mut app, &[wheel(reasons)]);
    assert_eq!(app.results.reasons.offset, 3);
    assert_eq!(app.results.pane, Pane::Chains);
    let chains = drawn(&app).chains.as_ref().expect("stories").area;
    press(&mut app, &[wheel(chains)]);
    assert_eq!(app.results.chain, 1, "the wheel moves through the stories");
    press(
        &mut app,
        &[Action::ScrollUp {
            column: chains.x + 2,
            row: chains.y + 2,
        }],
    );
    assert_eq!(app.results.chain, 0);
    assert_eq!(app.results.pane, Pane::Chains);
    // At 80×24 the routine overflows; the wheel scrolls it and the cursor follows into view.
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::PrevPane]);
    let routine = drawn(&app)
        .routine
        .as_ref()
        .expect("routine shown")
        .pane
        .area;
    press(&mut app, &[wheel(routine), wheel(routine)]);
    assert_eq!(app.results.routine.offset, 6);
    let r = drawn(&app).routine.as_ref().expect("routine");
    let (start, len) = r.exercises[app.results.exercise];
    assert!(start + len > 6, "the cursor moved into view");
}

// --- drawing ---------------------------------------------------------------------------------------

#[test]
fn no_size_and_no_state_panics() {
    let makers: [fn(u16, u16) -> App; 4] = [ribs, no_answers, red_flag, undecided];
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
                draw(&mut app);
                press(
                    &mut app,
                    &[
                        Action::Down,
                        Action::Right,
                        Action::Bottom,
                        Action::PageDown,
                        Action::Select,
                        Action::Bottom,
                    ],
                );
                for (column, row) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                ] {
                    press(
                        &mut app,
                        &[
                            Action::ScrollDown { column, row },
                            Action::Click { column, row },
                        ],
                    );
                }
                if app.screen != Screen::Results {
                    app.screen = Screen::Results;
                }
                draw(&mut app);
            }
        }
    }
}

#[test]
fn titles_too_long_for_their_pane_are_cut_with_an_ellipsis() {
    let mut app = ribs(50, 14);
    let text = draw(&mut app);
    let title = text
        .lines()
        .find(|l| l.contains("Stories"))
        .expect("the stories pane");
    assert!(title.contains("…"), "{text}");
}

#[test]
fn the_screen_shows_probabilities_reasons_and_the_routine() {
    let mut app = ribs(160, 48);
    let text = draw(&mut app);
    assert!(text.contains("9 of 15 answered"));
    assert!(text.contains("none of these 5 %"), "{text}");
    assert!(text.contains("Stiff ribs, swayback  76%"), "{text}");
    assert!(text.contains("about 3.1× more likely if this is your story"));
    assert!(text.contains("fits you best: 76 %"));
    assert!(text.contains("Rib expansion breathing"));
    assert!(text.contains("e export"));
    assert!(
        text.contains("○ anterior tilt"),
        "the pelvis drawing at 160×48"
    );
}

#[test]
fn snapshot_ribs_80x24() {
    let mut app = ribs(80, 24);
    insta::assert_snapshot!("results_ribs_80x24", draw(&mut app));
}

#[test]
fn snapshot_ribs_80x24_reasons() {
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::NextPane, Action::NextPane]);
    insta::assert_snapshot!("results_ribs_80x24_reasons", draw(&mut app));
}

#[test]
fn snapshot_ribs_80x24_routine() {
    let mut app = ribs(80, 24);
    press(&mut app, &[Action::PrevPane, Action::Down]);
    insta::assert_snapshot!("results_ribs_80x24_routine", draw(&mut app));
}

#[test]
fn snapshot_ribs_160x48() {
    let mut app = ribs(160, 48);
    press(&mut app, &[Action::NextPane, Action::Right]);
    insta::assert_snapshot!("results_ribs_160x48", draw(&mut app));
}

#[test]
fn snapshot_ribs_100x40_boxes() {
    let mut app = ribs(100, 40);
    press(&mut app, &[Action::Down, Action::NextPane, Action::Right]);
    insta::assert_snapshot!("results_second_chain_100x40", draw(&mut app));
}

#[test]
fn snapshot_ribs_50x14_smallest() {
    let mut app = ribs(50, 14);
    insta::assert_snapshot!("results_ribs_50x14", draw(&mut app));
}

#[test]
fn snapshot_claims_popup() {
    let mut app = ribs(100, 30);
    press(&mut app, &[Action::NextPane, Action::Right, Action::Select]);
    insta::assert_snapshot!("results_claims_popup_100x30", draw(&mut app));
}

#[test]
fn snapshot_red_flag() {
    let mut app = red_flag(80, 24);
    insta::assert_snapshot!("results_red_flag_80x24", draw(&mut app));
}

#[test]
fn snapshot_no_answers() {
    let mut app = no_answers(80, 24);
    insta::assert_snapshot!("results_no_answers_80x24", draw(&mut app));
}

#[test]
fn snapshot_no_routine_yet() {
    let mut app = undecided(80, 24);
    press(&mut app, &[Action::PrevPane]);
    insta::assert_snapshot!("results_no_routine_80x24", draw(&mut app));
}

#[test]
fn a_near_tie_shows_in_the_list_and_in_the_reasons() {
    let mut app = ribs(80, 24);
    let second = app.report.chains[1].id.clone();
    app.report.chains[0].close_to = vec![second];
    app.results.pane = Pane::Reasons;
    let text = draw(&mut app);
    assert!(text.contains("≈ near-tie"), "{text}");
    let reasons = plain(&drawn(&app).reasons.as_ref().expect("reasons").lines);
    assert!(
        reasons.contains("≈ near-tie with Tight hip flexors (11 %)"),
        "{reasons}"
    );
    let cli = engine::present::reasons(&app.store, &app.report, "rib-stiffness").to_text(78);
    assert!(
        cli.contains("≈ near-tie with Tight hip flexors (11 %)"),
        "{cli}"
    );
}

// --- the current routine ----------------------------------------------------------------------------

/// Two sessions in the journal: rib breathing too easy both times, the dead bug hurt both times.
fn rated_twice() -> Vec<backchain::journal::Event> {
    use backchain::journal::Rating;
    let session: &[(&str, Rating)] = &[
        ("rib-expansion-breathing", Rating::TooEasy),
        ("dead-bug", Rating::Hurt),
    ];
    crate::common::rated_sessions(&[session, session])
}

#[test]
fn the_routine_pane_shows_the_routine_the_journal_moved_and_what_changed() {
    let mut app = ribs(160, 48);
    let before = draw(&mut app);
    assert!(!before.contains("What changed"), "{before}");
    assert!(before.contains("Dead bug"), "{before}");
    app.events = rated_twice();
    app.results.pane = Pane::Routine;
    let text = draw(&mut app);
    assert!(
        text.contains("What changed since your last sessions, and why"),
        "{text}"
    );
    assert!(
        text.contains("Rib expansion breathing — as Sitting tall"),
        "the rung's name on the exercise: {text}"
    );
    assert!(text.contains("Dead bug is left out"), "{text}");
    assert!(text.contains("physiotherapist or GP"), "{text}");
    let r = drawn(&app).routine.as_ref().expect("routine");
    assert_eq!(r.exercises.len(), 5, "the dead bug is out of the list");
    assert!(
        !plain(&r.pane.lines).contains(" Dead bug ·"),
        "no line to do it"
    );
    let width = usize::from(backchain::tui::ui::inner(r.pane.area).width);
    // The cursor walks the current routine: the fourth exercise is now the glute bridge.
    keys(&mut app, &[KeyCode::Char('j'); 3]);
    assert_eq!(app.results.exercise, 3);
    let msgs = app
        .results
        .update(&context!(app), Action::Select)
        .expect("Enter opens it");
    assert_eq!(msgs, [Msg::OpenExercise(String::from("glute-bridge"))]);
    // What the pane says is what the CLI and the sheet say.
    let cli = engine::present::routine(&app.store, &app.report, &app.events).to_lines(width);
    assert_eq!(
        plain(&drawn(&app).routine.as_ref().unwrap().pane.lines).replace('▶', " "),
        plain(&cli)
    );
}

#[test]
fn snapshot_ribs_100x40_routine_moved_by_the_journal() {
    let mut app = ribs(100, 40);
    app.events = rated_twice();
    press(&mut app, &[Action::PrevPane]);
    insta::assert_snapshot!("results_ribs_100x40_routine_moved", draw(&mut app));
}

#[test]
fn the_drawings_beside_a_chain_move_only_while_in_sight_and_motion_is_on() {
    let mut app = ribs(160, 48);
    app.screen = Screen::Results;
    draw(&mut app);
    assert!(
        !app.results
            .drawn
            .as_ref()
            .unwrap()
            .diagram
            .as_ref()
            .unwrap()
            .parts
            .drawings
            .is_empty(),
        "the stiff-ribs story has its drawings at 160×48"
    );
    assert!(app.wake_in().is_some(), "they move: frames are due");
    app.motion = false;
    assert_eq!(app.wake_in(), None, "without motion they stand still");
    app.motion = true;
    app.screen = Screen::Compare;
    draw(&mut app);
    assert_eq!(app.wake_in(), None, "out of sight, nothing to draw");
}

#[test]
fn the_selected_routine_exercise_moves_under_the_list_when_there_is_room() {
    let mut app = ribs(160, 48);
    app.results.pane = Pane::Routine;
    app.results.exercise = 1;
    let screen = draw(&mut app);
    let routine = routine_drawn(&app);
    let (_, id) = routine
        .figure
        .as_ref()
        .expect("room for the figure at 160×48");
    let item = backchain::tui::screens::results::State::current_routine(&context!(app))
        .unwrap()
        .items[1]
        .clone();
    assert_eq!(*id, item.exercise, "the exercise under the cursor");
    assert!(screen.contains("how it moves"), "{screen}");
    assert!(app.wake_in().is_some(), "it moves");
    // Another pane focused, or too little room: the list keeps the whole pane.
    app.results.pane = Pane::Chains;
    draw(&mut app);
    let routine = routine_drawn(&app);
    assert!(routine.figure.is_none());
    let mut small = ribs(80, 24);
    small.results.pane = Pane::Routine;
    draw(&mut small);
    let routine = routine_drawn(&small);
    assert!(routine.figure.is_none());
}

/// A change to the app, and what it is.
type Change = (&'static str, fn(&mut App));

/// The whole frame's cells, styles and all.
fn cells(app: &mut App) -> ratatui::buffer::Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("terminal");
    terminal.draw(|f| view::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn frames_drawn_from_kept_text_and_drawings_are_the_frames_drawn_afresh() {
    // Kept between frames: the panes' wrapped lines, their visible text as cells, the drawings' cells.
    // The stiff-ribs story has its breathing drawings at 160×48; with the routine focused, the selected
    // exercise's figure is drawn too.
    for pane in [Pane::Chains, Pane::Routine] {
        let mut warm = ribs(160, 48);
        warm.results.pane = pane;
        cells(&mut warm);
        // Each change is made to the app that keeps its frame, and to a new one that draws it cold.
        let changes: [Change; 8] = [
            ("nothing", |_| {}),
            ("another moment of the movement", |app| app.now = 1300),
            ("another size", |app| app.size = Rect::new(0, 0, 200, 60)),
            ("no braille", |app| app.braille = false),
            ("another theme", |app| app.theme = Theme::new(false)),
            ("the journal moved the routine", |app| {
                app.events = rated_twice()
            }),
            // A frame clamps each scroll to its text: these come once the text is long enough.
            ("the reasons scrolled", |app| app.results.reasons.offset = 3),
            ("the routine scrolled", |app| app.results.routine.offset = 2),
        ];
        let mut applied: Vec<fn(&mut App)> = Vec::new();
        for (what, change) in changes {
            change(&mut warm);
            applied.push(change);
            let kept = cells(&mut warm);
            let again = cells(&mut warm);
            let mut cold = ribs(160, 48);
            cold.results.pane = pane;
            for change in &applied {
                change(&mut cold);
            }
            assert_eq!(kept, cells(&mut cold), "{pane:?}, {what}");
            assert_eq!(again, kept, "{pane:?}, {what}, drawn again unchanged");
        }
        assert_eq!(
            warm.results.reasons.offset, 3,
            "{pane:?}: the reasons scrolled"
        );
        // The routine only scrolls with its figure under it.
        if pane == Pane::Routine {
            assert_eq!(warm.results.routine.offset, 2, "the routine scrolled");
        }
    }
}

#[test]
fn a_routine_exercise_moved_to_a_rung_of_its_own_shows_and_opens_that_exercise() {
    use backchain::journal::Rating;
    let mut app = ribs(160, 48);
    let too_easy: &[(&str, Rating)] = &[("glute-bridge", Rating::TooEasy)];
    app.events = crate::common::rated_sessions(&[too_easy, too_easy]);
    app.results.pane = Pane::Routine;
    draw(&mut app);
    let routine = backchain::tui::screens::results::State::current_routine(&context!(app)).unwrap();
    let at = (routine.items.iter())
        .position(|i| i.exercise == "glute-bridge")
        .expect("the glute bridge is in the routine");
    assert_eq!(routine.items[at].shown_exercise(), "hamstring-bridge");
    app.results.exercise = at;
    let screen = draw(&mut app);
    let (_, id) = routine_drawn(&app)
        .figure
        .as_ref()
        .expect("room for the figure");
    assert_eq!(id, "hamstring-bridge", "the rung's own figure");
    assert!(
        screen.contains("Hamstring bridge · how it moves"),
        "{screen}"
    );
    let msgs = app
        .results
        .update(&context!(app), Action::Select)
        .expect("Enter opens it");
    assert_eq!(msgs, [Msg::OpenExercise(String::from("hamstring-bridge"))]);
}
