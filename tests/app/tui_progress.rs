//! The Progress screen: twelve weeks of synthetic journal drawn at 80×24 and 160×48 (snapshots), an
//! empty journal, a red flag, charts left out when the window is small, scrolling, the retest form
//! (typing, a bad value refused, Esc, Enter sending the values to the journal) and the export.

use backchain::content::embedded;
use backchain::date::Date;
use backchain::journal::{Event, Journal};
use backchain::progress::{Measure, synthetic};
use backchain::tui::keys::{Mode, Scope, map_key};
use backchain::tui::screens::progress::form::Tenths;
use backchain::tui::screens::{Msg, Record};
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::common::fixture_answers as answers;

/// Monday 2026-09-07, midnight UTC: the synthetic journal's first day.
fn start() -> i64 {
    Date::parse("2026-09-07").unwrap().days() * 86_400
}

/// Twelve weeks of sessions, pain ratings and retests, read back from a journal in a temp file.
fn twelve_weeks() -> Vec<Event> {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(&dir.path().join("journal.sqlite3")).unwrap();
    synthetic::fill(&mut journal, 84, start(), 12).unwrap();
    journal.events(None).unwrap()
}

/// The app on the Progress screen, with these events and the answers of `person`, on day 84 at noon.
fn app(events: Vec<Event>, person: &str, width: u16, height: u16) -> App {
    let store = embedded();
    let answers = answers(&store, person);
    let mut app = App::new(store, answers, Theme::new(true));
    app.events = events;
    app.progress.clock = Some(start() + 84 * 86_400 + 12 * 3600);
    app.size = Rect::new(0, 0, width, height);
    app.handle(vec![Msg::Goto(Screen::Progress)]);
    app.prepare();
    app
}

fn screen_text(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) -> Option<Action> {
    let action = map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE))?;
    update(app, action);
    app.prepare();
    Some(action)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn twelve_weeks_at_80x24() {
    let mut app = app(twelve_weeks(), "pelvic-pulley", 80, 24);
    let screen = screen_text(&mut app);
    assert!(screen.contains("Progress"), "{screen}");
    assert!(
        screen.contains("Pain: • before ▄ after ⠤ 7-day mean"),
        "{screen}"
    );
    assert!(screen.contains("Retests · one is due now"), "{screen}");
    insta::assert_snapshot!("progress_12_weeks_80x24", screen);
}

#[test]
fn twelve_weeks_at_160x48() {
    let mut app = app(twelve_weeks(), "pelvic-pulley", 160, 48);
    let screen = screen_text(&mut app);
    for part in [
        "Pain, 0–10",
        "Sessions a week · plan 3",
        "Retests",
        "meaningful",
    ] {
        assert!(screen.contains(part), "{part}: {screen}");
    }
    insta::assert_snapshot!("progress_12_weeks_160x48", screen);
}

#[test]
fn an_empty_journal_says_how_to_start() {
    let mut app = app(Vec::new(), "pelvic-pulley", 80, 24);
    let screen = screen_text(&mut app);
    assert!(screen.contains("Nothing recorded yet."), "{screen}");
    assert!(screen.contains("on Results to start a session"), "{screen}");
    assert!(screen.contains("backchain session"), "{screen}");
    assert!(!screen.contains("• before"), "{screen}");
}

#[test]
fn a_red_flag_says_sessions_are_stopped_and_keeps_the_history() {
    let store = embedded();
    let mut flagged = answers(&store, "pelvic-pulley");
    flagged.set_many("red_flags", vec![String::from("night_pain")]);
    let mut app = app(twelve_weeks(), "pelvic-pulley", 160, 48);
    app.answers = flagged;
    app.report = backchain::engine::evaluate(&app.store, &app.answers);
    app.prepare();
    let screen = screen_text(&mut app);
    assert!(screen.contains("▲ Sessions are stopped"), "{screen}");
    assert!(screen.contains("within the next few days"), "{screen}");
    assert!(screen.contains("Pain, 0–10"), "{screen}");
    assert!(screen.contains("• before"), "{screen}");
}

#[test]
fn a_small_window_leaves_charts_out_and_says_so() {
    let mut app = app(twelve_weeks(), "pelvic-pulley", 60, 16);
    let drawn = app.progress.drawn.clone().unwrap();
    assert!(drawn.retests.is_none() && drawn.bars.is_none());
    let text: Vec<String> = drawn.summary_lines.iter().map(|l| l.plain()).collect();
    assert!(
        text.join(" ").contains("A larger window also shows"),
        "{text:?}"
    );
    // The summary is taller than its pane: j scrolls it, and stops at the end.
    assert_eq!(press(&mut app, KeyCode::Char('j')), Some(Action::Down));
    assert_eq!(app.progress.scroll.offset, 1);
    press(&mut app, KeyCode::End);
    let end = app.progress.scroll.offset;
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.progress.scroll.offset, end);
    let screen = screen_text(&mut app);
    assert!(!screen.contains("panicked"));
}

#[test]
fn the_retest_form_checks_values_and_sends_them_to_the_journal() {
    let mut app = app(twelve_weeks(), "pelvic-pulley", 80, 24);
    assert_eq!(
        press(&mut app, KeyCode::Char('r')),
        Some(Action::RecordRetest)
    );
    assert_eq!(app.key_context().scopes, vec![Scope::Mode(Mode::Form)]);
    // In the form, number keys type: they do not switch screens.
    type_text(&mut app, "12");
    assert_eq!(app.screen, Screen::Progress);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "95");
    press(&mut app, KeyCode::Enter);
    let form = app
        .progress
        .form
        .clone()
        .expect("a bad value keeps the form open");
    assert!(form.error.unwrap().contains("from 0 to 90"));
    assert!(screen_text(&mut app).contains("Record a retest"));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "38.5");
    app.effects.clear();
    press(&mut app, KeyCode::Enter);
    assert!(app.progress.form.is_none());
    let recorded: Vec<_> = app
        .effects
        .iter()
        .filter_map(|e| match e {
            backchain::tui::app::Effect::Record(Record::Retest { values, .. }) => {
                Some(values.clone())
            }
            _ => None,
        })
        .collect();
    // The stories' ranking on the answers as they stand goes with it, every story and "none".
    let stories = app
        .effects
        .iter()
        .find_map(|e| match e {
            backchain::tui::app::Effect::Record(Record::Retest { stories, .. }) => {
                Some(stories.clone())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(stories.len(), app.report.chains.len() + 1, "{stories:?}");
    let top = &app.report.chains[0];
    assert!(stories.contains(&(
        format!("story:{}", top.id),
        Tenths((top.probability * 1000.0).round() as i32)
    )));
    assert_eq!(
        recorded,
        [vec![
            (Measure::FingertipFloor, Tenths(120)),
            (Measure::HipInwardLeft, Tenths(90)),
            (Measure::HipInwardRight, Tenths(385)),
        ]]
    );
    // Esc leaves without writing.
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "5");
    app.effects.clear();
    press(&mut app, KeyCode::Esc);
    assert!(app.progress.form.is_none());
    assert!(app.effects.is_empty());
}

#[test]
fn e_exports_the_summary_the_charts_and_the_routine() {
    let mut app = app(twelve_weeks(), "pelvic-pulley", 80, 24);
    app.effects.clear();
    assert_eq!(press(&mut app, KeyCode::Char('e')), Some(Action::Export));
    let markdown = app
        .effects
        .iter()
        .find_map(|e| match e {
            backchain::tui::app::Effect::ExportProgress(text) => Some(text.clone()),
            _ => None,
        })
        .expect("an export effect");
    assert!(
        markdown.starts_with("# backchain — your progress"),
        "{markdown}"
    );
    assert!(markdown.contains("Made on 2026-11-30"), "{markdown}");
    assert!(markdown.contains("```text\nPain per session"), "{markdown}");
    assert!(
        markdown.contains("# backchain — your routine"),
        "{markdown}"
    );
}

#[test]
fn the_ranking_recorded_at_retests_shows_how_the_stories_moved() {
    let mut events = twelve_weeks();
    let retest = |id: i64, at: &str, story: &str, value: f64| Event::Retest {
        id,
        at: at.to_string(),
        measure: format!("story:{story}"),
        value,
    };
    events.push(retest(
        9001,
        "2026-09-07T09:00:00Z",
        "tight-hamstrings",
        64.0,
    ));
    events.push(retest(9002, "2026-09-07T09:00:00Z", "hip-rotation", 12.0));
    events.push(retest(
        9003,
        "2026-11-16T09:00:00Z",
        "tight-hamstrings",
        30.0,
    ));
    events.push(retest(9004, "2026-11-16T09:00:00Z", "hip-rotation", 51.0));
    let mut app = app(events, "pelvic-pulley", 160, 48);
    press(&mut app, KeyCode::End);
    let screen = screen_text(&mut app);
    assert!(screen.contains("How the stories moved"), "{screen}");
    assert!(screen.contains("12 % → 51 %"), "{screen}");
}
