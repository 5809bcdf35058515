//! The Session screen without a terminal: the clock is the app's `now`, set by the test, so a whole session
//! runs in an instant; keys go through the real key table; what the app would write to the journal is
//! read from its effects; frames are snapshots at 80×24 and 160×48.

use backchain::content::embedded;
use backchain::session::{Outcome, Pain, Rating, SkipReason};
use backchain::tui::app::Effect;
use backchain::tui::keys::{Mode, Scope, all};
use backchain::tui::screens::Record;
use backchain::tui::screens::session::Phase;
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update};
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::common::fixture_answers;
use crate::drive::{press, render};

fn app(answers: &str) -> App {
    let store = embedded();
    let answers = fixture_answers(&store, answers);
    let mut app = App::new(store, answers, Theme::new(true));
    app.session.get_ready = 5;
    app
}

/// Moves the app's clock to `ms` and lets the session catch up, as the event loop does.
fn at(app: &mut App, ms: u64) {
    app.now = ms;
    app.tick();
}

/// What the app asked to be written to the journal so far.
fn records(app: &App) -> Vec<Record> {
    app.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Record(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

/// 003's person, on Results, starting with `p` and a pain of 3.
fn started() -> App {
    let mut app = app("pelvic-pulley.toml");
    press(&mut app, &[KeyCode::Char('2'), KeyCode::Char('p')]);
    assert_eq!(app.screen, Screen::Session);
    assert!(matches!(app.session.phase, Phase::PainBefore { .. }));
    press(&mut app, &[KeyCode::Char('3'), KeyCode::Enter]);
    assert!(matches!(app.session.phase, Phase::Running(_)));
    app
}

fn guide(app: &App) -> &backchain::tui::screens::session::Guide {
    match &app.session.phase {
        Phase::Running(guide) => guide,
        other => panic!("not running: {other:?}"),
    }
}

#[test]
fn snapshot_plan_80x24_and_160x48() {
    let mut app = app("pelvic-pulley.toml");
    press(&mut app, &[KeyCode::Char('6')]);
    insta::assert_snapshot!("session_plan_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("session_plan_160x48", render(&mut app, 160, 48));
}

#[test]
fn snapshot_running_hold_and_rating_80x24_and_160x48() {
    let mut app = started();
    // 5 s get-ready, then 20 s into the first side's 60 s roll.
    at(&mut app, 25_000);
    insta::assert_snapshot!("session_hold_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("session_hold_160x48", render(&mut app, 160, 48));
    // The first exercise ends: the run waits for its rating.
    let end = guide(&app).run.steps()[..4]
        .iter()
        .map(|s| u64::from(s.seconds) * 1000)
        .sum::<u64>();
    at(&mut app, end + 100);
    assert_eq!(app.key_context().mode(), Some(Mode::Choice));
    insta::assert_snapshot!("session_rate_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("session_rate_160x48", render(&mut app, 160, 48));
}

#[test]
fn a_whole_session_writes_start_each_exercise_and_end() {
    let mut app = started();
    let items = guide(&app).items.len();
    let mut now = 0;
    let mut rated = 0;
    // Let time run, answering each rating "about right", until the pain-after question.
    while matches!(app.session.phase, Phase::Running(_)) {
        now += 1_000;
        at(&mut app, now);
        if app.key_context().mode() == Some(Mode::Choice) {
            press(&mut app, &[KeyCode::Char('2')]);
            rated += 1;
        }
        assert!(now < 4 * 3_600_000, "the session never ended");
    }
    assert_eq!(rated, items);
    press(&mut app, &[KeyCode::Char('1'), KeyCode::Enter]);
    for c in "better".chars() {
        press(&mut app, &[KeyCode::Char(c)]);
    }
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.session.phase, Phase::Done(_)));
    let records = records(&app);
    assert_eq!(records.first(), Some(&Record::Start { pain: Pain::new(3) }));
    assert_eq!(
        records.last(),
        Some(&Record::End {
            pain: Pain::new(1),
            note: String::from("better")
        })
    );
    let done = records
        .iter()
        .filter(|r| {
            matches!(
                r,
                Record::Exercise {
                    outcome: Outcome::Done(Some(Rating::AboutRight)),
                    ..
                }
            )
        })
        .count();
    assert_eq!(done, items);
    // Bells rang at the ends of sets and rests.
    assert!(app.effects.contains(&Effect::Bell));
    let summary = render(&mut app, 100, 30);
    assert!(summary.contains("Session done."), "{summary}");
    assert!(
        summary.contains("Pain before: 3/10 · after: 1/10"),
        "{summary}"
    );
}

#[test]
fn pause_stops_the_clock_and_the_app_sleeps() {
    let mut app = started();
    at(&mut app, 10_000);
    assert!(app.wake_in().is_some(), "a running session wakes the app");
    press(&mut app, &[KeyCode::Char(' ')]);
    assert_eq!(app.wake_in(), None, "paused, nothing moves: no wake-ups");
    let before = guide(&app).run.status(10_000).session_left_ms;
    at(&mut app, 600_000);
    assert_eq!(guide(&app).run.status(600_000).session_left_ms, before);
    press(&mut app, &[KeyCode::Char(' ')]);
    at(&mut app, 601_000);
    assert_eq!(
        guide(&app).run.status(601_000).session_left_ms,
        before - 1_000
    );
}

#[test]
fn looking_elsewhere_or_suspending_pauses_the_session() {
    let mut app = started();
    at(&mut app, 8_000);
    press(&mut app, &[KeyCode::Char('4')]);
    assert!(guide(&app).run.is_paused(), "another screen pauses it");
    assert_eq!(app.wake_in(), None);
    press(&mut app, &[KeyCode::Char('6'), KeyCode::Char(' ')]);
    assert!(!guide(&app).run.is_paused());
    update(&mut app, Action::Suspend);
    assert!(guide(&app).run.is_paused(), "Ctrl-Z pauses it");
    press(&mut app, &[KeyCode::Char(' ')]);
    assert!(!guide(&app).run.is_paused());
    app.resize(Rect::new(0, 0, 100, 30));
    assert!(
        !guide(&app).run.is_paused(),
        "a size that fits changes nothing"
    );
    app.resize(Rect::new(0, 0, 30, 8));
    assert!(
        guide(&app).run.is_paused(),
        "a window too small to show it pauses it"
    );
}

#[test]
fn skip_asks_why_and_records_it() {
    let mut app = started();
    at(&mut app, 2_000);
    press(&mut app, &[KeyCode::Char('s')]);
    assert_eq!(app.key_context().mode(), Some(Mode::Choice));
    assert!(
        guide(&app).run.is_paused(),
        "the clock waits for the answer"
    );
    press(&mut app, &[KeyCode::Char('3')]);
    assert!(!guide(&app).run.is_paused());
    let first = guide(&app).items[0].exercise.clone();
    assert!(records(&app).contains(&Record::Exercise {
        exercise: first,
        outcome: Outcome::Skipped(Some(SkipReason::ALL[2])),
    }));
}

#[test]
fn rests_change_by_fifteen_seconds_and_only_rests() {
    let mut app = started();
    at(&mut app, 1_000);
    press(&mut app, &[KeyCode::Char('+')]);
    let status = app.status.as_ref().expect("a message");
    assert!(status.text.contains("not a rest"), "{status:?}");
}

#[test]
fn leaving_asks_first_and_keeps_what_was_done() {
    let mut app = started();
    at(&mut app, 30_000);
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.key_context().mode(), Some(Mode::Confirm));
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(matches!(app.session.phase, Phase::Running(_)));
    assert!(app.running, "q on the Session screen never quits the app");
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(matches!(app.session.phase, Phase::PainAfter { .. }));
    press(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
    let Phase::Done(summary) = &app.session.phase else {
        panic!("not done: {:?}", app.session.phase)
    };
    assert!(summary.left_early);
    assert!(
        summary.outcomes[0].1.contains("part-way"),
        "{:?}",
        summary.outcomes
    );
    assert_eq!(
        records(&app).last(),
        Some(&Record::End {
            pain: None,
            note: String::new()
        })
    );
}

#[test]
fn quitting_the_app_mid_session_ends_it_in_the_journal() {
    let mut app = started();
    at(&mut app, 9_000);
    update(&mut app, Action::Quit);
    assert!(!app.running);
    assert!(matches!(
        records(&app).last(),
        Some(Record::End { pain: None, .. })
    ));
}

#[test]
fn a_red_flag_answered_later_stops_the_session() {
    let mut app = started();
    at(&mut app, 9_000);
    app.answers.set("red_flags", "saddle_numbness");
    app.answers_changed();
    assert!(matches!(app.session.phase, Phase::Ready));
    assert!(matches!(records(&app).last(), Some(Record::End { .. })));
    assert!(app.overlay_open(), "the reason stays on screen");
    // And no new session starts.
    press(
        &mut app,
        &[KeyCode::Enter, KeyCode::Char('6'), KeyCode::Enter],
    );
    assert!(matches!(app.session.phase, Phase::Ready));
    let screen = render(&mut app, 100, 30);
    // Saddle numbness is an emergency: the screen says so in the questionnaire's words, not "see a GP".
    assert!(screen.contains("No session"), "{screen}");
    assert!(screen.contains("emergency department"), "{screen}");
    assert!(!screen.contains("GP"), "{screen}");
}

#[test]
fn without_a_clear_story_there_is_no_session() {
    let store = embedded();
    let mut app = App::new(store, Default::default(), Theme::new(true));
    press(&mut app, &[KeyCode::Char('6'), KeyCode::Enter]);
    assert!(matches!(app.session.phase, Phase::Ready));
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("safety question is not answered"),
        "{screen}"
    );
}

/// Every key the table lists for the Session screen does something where its scope is active.
#[test]
fn every_session_key_does_something() {
    for binding in all().filter(|b| {
        matches!(
            b.scope,
            Scope::Screen(Screen::Session) | Scope::Pane(Screen::Session, _)
        )
    }) {
        let mut app = started();
        let Scope::Pane(_, pane) = binding.scope else {
            continue;
        };
        match pane {
            "plan" => {
                app = self::app("pelvic-pulley.toml");
                press(&mut app, &[KeyCode::Char('6')]);
            }
            "running" => at(&mut app, 60_000),
            "done" => {
                press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
                press(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
            }
            other => panic!("no state for pane {other}"),
        }
        render(&mut app, 100, 30);
        assert!(
            app.key_context().scopes.contains(&binding.scope),
            "{} is active",
            binding.what
        );
        let rest = matches!(binding.action, Action::RestLonger | Action::RestShorter);
        if rest {
            into_first_rest(&mut app);
        }
        let before = rest.then(|| guide(&app).run.status(app.now).session_left_ms);
        assert!(
            update(&mut app, binding.action),
            "{} does something",
            binding.what
        );
        if let Some(before) = before {
            let after = guide(&app).run.status(app.now).session_left_ms;
            let longer = binding.action == Action::RestLonger;
            let change = if longer {
                before + 15_000
            } else {
                before - 15_000
            };
            assert_eq!(after, change, "{} changes the rest by 15 s", binding.what);
        }
    }
}

/// Ends steps (`x`), rating each exercise "about right", until a rest between sets runs.
fn into_first_rest(app: &mut App) {
    for _ in 0..100 {
        if app.key_context().mode() == Some(Mode::Choice) {
            press(app, &[KeyCode::Char('2')]);
            continue;
        }
        let status = guide(app).run.status(app.now);
        if status.step.is_some_and(|s| s.is_rest()) {
            return;
        }
        press(app, &[KeyCode::Char('x')]);
    }
    panic!("no rest between sets in this routine");
}

/// A journal in which the roll was too easy twice and the ball release hurt once.
fn rated() -> Vec<backchain::journal::Event> {
    crate::common::rated_sessions(&[
        &[("hamstring-foam-roll", Rating::TooEasy)],
        &[
            ("hamstring-foam-roll", Rating::TooEasy),
            ("hamstring-small-ball-release", Rating::Hurt),
        ],
    ])
}

#[test]
fn the_session_runs_the_routine_the_journal_moved_with_cautions_first_after_pain() {
    let mut app = app("pelvic-pulley.toml");
    app.events = rated();
    press(&mut app, &[KeyCode::Char('6')]);
    let plan = render(&mut app, 160, 48);
    assert!(plan.contains("Since your last sessions:"), "{plan}");
    assert!(plan.contains("Hamstring foam roll — as "), "{plan}");
    assert!(
        plan.contains("Hamstring small ball release — as ") && plan.contains("it hurt last time"),
        "{plan}"
    );
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    let guide = guide(&app);
    assert!(guide.items[0].rung.is_some(), "the session does the rung");
    // Into the second exercise: its cautions come first.
    let first: u64 = guide
        .run
        .steps()
        .iter()
        .filter(|s| s.item == 0)
        .map(|s| u64::from(s.seconds) * 1000)
        .sum();
    at(&mut app, first + 100);
    press(&mut app, &[KeyCode::Char('2')]);
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("It hurt last time"), "{screen}");
}

#[test]
fn a_rung_that_is_an_exercise_of_its_own_shows_that_exercise_in_the_session() {
    let mut app = app("pelvic-pulley.toml");
    // Too easy four times: two rungs up, to the small ball, an exercise of its own.
    let too_easy = [("hamstring-foam-roll", Rating::TooEasy)];
    app.events = crate::common::rated_sessions(&[&too_easy, &too_easy, &too_easy, &too_easy]);
    press(&mut app, &[KeyCode::Char('6')]);
    let plan = render(&mut app, 160, 48);
    assert!(
        plan.contains("Hamstring foam roll — as Small ball"),
        "{plan}"
    );
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    let rung = guide(&app).items[0].rung.clone().expect("moved up");
    assert_eq!(
        rung.exercise.as_deref(),
        Some("hamstring-small-ball-release")
    );
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("as Small ball"), "{screen}");
    assert!(
        screen.contains("Sit on a chair with a small firm ball"),
        "{screen}"
    );
    assert!(!screen.contains("roll the backs of the thighs"), "{screen}");
}
