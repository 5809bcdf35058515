//! The app while its content loads: drawn into a TestBackend, keys through the real key table. The status
//! line carries the load's counts and a gauge; every screen's body says "loading…".

use crate::drive::rows;
use backchain::content::{LoadCounts, LoadPhase};
use backchain::tui::keys::map_key;
use backchain::tui::loading::{self, Loading};
use backchain::tui::theme::Theme;
use backchain::tui::{Action, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn frame(state: &mut Loading, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| loading::draw(state, frame)).unwrap();
    terminal
}

fn press(state: &mut Loading, code: KeyCode) -> bool {
    map_key(
        &state.key_context(),
        KeyEvent::new(code, KeyModifiers::NONE),
    )
    .is_some_and(|action| state.update(action))
}

/// 43,210 of 100,000 files read.
fn reading() -> Loading {
    let mut state = Loading::new(Theme::new(true));
    state.progress = LoadCounts {
        phase: LoadPhase::Reading,
        found: 100_000,
        read: 43_210,
        parsed: 0,
    };
    state
}

#[test]
fn the_status_line_shows_the_counts_and_a_gauge_and_the_body_says_loading() {
    let mut state = reading();
    let shown = rows(&frame(&mut state, 100, 30));
    let status = shown.last().unwrap();
    assert!(status.starts_with("loading content… █"), "{status}");
    assert!(
        status.contains("  43,210 of 100,000 files read"),
        "{status}"
    );
    // Reading is the first 15 % of a load: 43 % of it is 6 % of the whole.
    let filled = status.matches('█').count();
    let empty = status.matches('░').count();
    assert!(filled >= 1 && empty > 10 * filled, "{status}");
    assert!(status.contains("   6 %"), "{status}");
    assert!(status.trim_end().ends_with("q quit"), "{status}");
    assert!(
        shown[0].contains(" 1 Questionnaire "),
        "the tab bar: {}",
        shown[0]
    );
    assert!(
        shown.iter().any(|r| r.contains("Questionnaire")),
        "the body's pane names the screen"
    );
    let body = shown[1..shown.len() - 1].join("\n");
    assert!(body.contains("loading…"), "{body}");

    // Further on, the gauge has grown.
    state.progress.phase = LoadPhase::Parsing;
    state.progress.read = 100_000;
    state.progress.parsed = 100_000;
    let later = rows(&frame(&mut state, 100, 30));
    let status = later.last().unwrap();
    assert!(
        status.contains("100,000 of 100,000 files parsed"),
        "{status}"
    );
    assert!(status.contains(" 80 %"), "{status}");
    assert!(status.matches('█').count() > filled, "{status}");
}

#[test]
fn every_screen_says_loading_and_the_choice_is_kept() {
    let mut state = reading();
    for screen in Screen::ALL {
        assert!(press(&mut state, KeyCode::Char(screen.key())));
        assert_eq!(state.screen, screen);
        let shown = rows(&frame(&mut state, 80, 24)).join("\n");
        assert!(shown.contains(screen.title()), "{shown}");
        assert!(shown.contains("loading…"), "{screen:?}:\n{shown}");
    }
    // Keys that need the content are passed over without a word.
    for code in [KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('/')] {
        assert!(!press(&mut state, code), "{code:?}");
    }
    assert_eq!(state.screen, Screen::Progress);
    assert!(state.update(Action::Click { column: 1, row: 0 }));
    assert_eq!(state.screen, Screen::Questionnaire, "a click on a tab");
}

#[test]
fn help_lists_the_keys_that_work_while_loading() {
    let mut state = reading();
    assert!(press(&mut state, KeyCode::Char('?')));
    let shown = rows(&frame(&mut state, 80, 24)).join("\n");
    assert!(shown.contains("Keys while the content loads"), "{shown}");
    assert!(shown.contains("the Compare screen"), "{shown}");
    assert!(shown.contains("next screen"), "{shown}");
    assert!(press(&mut state, KeyCode::Esc));
    assert!(state.help.is_none());
}

#[test]
fn too_small_and_tiny_frames_do_not_panic() {
    let mut state = reading();
    for (w, h) in [(30, 8), (50, 14), (1, 1), (200, 60)] {
        let _ = frame(&mut state, w, h);
        state.help = Some(Default::default());
        let _ = frame(&mut state, w, h);
        state.help = None;
    }
    let shown = rows(&frame(&mut state, 30, 8)).join("\n");
    assert!(shown.contains("Terminal too small"), "{shown}");
}

#[test]
fn snapshot_loading_80x24() {
    let mut state = reading();
    insta::assert_snapshot!("loading_80x24", frame(&mut state, 80, 24).backend());
}

#[test]
fn snapshot_loading_50x14() {
    let mut state = reading();
    state.progress.phase = LoadPhase::Checking;
    insta::assert_snapshot!(
        "loading_checking_50x14",
        frame(&mut state, 50, 14).backend()
    );
}
