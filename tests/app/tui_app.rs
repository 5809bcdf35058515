//! The app as a whole, without a terminal: keys through the real key table into `update`, whole frames
//! rendered into a TestBackend, and the answers file kept safe.

use backchain::content::embedded;
use backchain::tui::keys::map_key;
use backchain::tui::screens::Msg;
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, save, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::os::unix::fs::FileTypeExt;

use crate::common::fixture_answers as answers;
use crate::drive::{press, render};

fn app_with(answers: Option<&str>) -> App {
    let store = embedded();
    let answers = answers
        .map(|n| self::answers(&store, n))
        .unwrap_or_default();
    App::new(store, answers, Theme::new(true))
}

fn current_question(app: &App) -> String {
    app.question().unwrap().id.to_string()
}

#[test]
fn answering_by_keys_moves_through_the_questions() {
    let mut app = app_with(None);
    assert_eq!(current_question(&app), "red_flags");
    // The safety question cannot be passed over: n, → and s explain why and stay.
    for key in [
        KeyCode::Char('n'),
        KeyCode::Right,
        KeyCode::Char('s'),
        KeyCode::Char(']'),
    ] {
        press(&mut app, &[key]);
        assert_eq!(current_question(&app), "red_flags", "{key:?}");
        let status = app.status.as_ref().expect("a message");
        assert!(
            status.error && status.text.contains("cannot be skipped"),
            "{status:?}"
        );
    }
    // "None of these" is the last option: G then Enter; it is exclusive, so the app moves on, to the
    // question that tells the stories apart best.
    press(&mut app, &[KeyCode::Char('G'), KeyCode::Enter]);
    assert_eq!(app.answers.chosen("red_flags"), ["none"]);
    let best = app.report.next_questions[0].id.clone();
    assert_eq!(current_question(&app), best);
    // In the questionnaire's own order, breathing comes right after the safety question.
    while current_question(&app) != "red_flags" {
        press(&mut app, &[KeyCode::Char('[')]);
    }
    press(&mut app, &[KeyCode::Char(']')]);
    assert_eq!(current_question(&app), "breathing");
    // Belly breathing (second option): on to the most telling open question.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Enter]);
    assert_eq!(app.answers.chosen("breathing"), ["belly"]);
    assert_eq!(current_question(&app), app.report.next_questions[0].id);
    // Back to breathing, change the answer to chest: the conditional rib question is no longer asked.
    press(
        &mut app,
        &[KeyCode::Char('p'), KeyCode::Char('g'), KeyCode::Enter],
    );
    assert_eq!(app.answers.chosen("breathing"), ["chest"]);
    assert!(
        app.report
            .next_questions
            .iter()
            .all(|n| n.id != "rib_expand")
    );
    // Skip leaves it unanswered, moves on, and n does not come back to it.
    let skipped = current_question(&app);
    press(&mut app, &[KeyCode::Char('s')]);
    assert!(!app.answers.is_answered(&skipped));
    assert_ne!(current_question(&app), skipped);
    for _ in 0..3 {
        press(&mut app, &[KeyCode::Char('n')]);
        assert_ne!(current_question(&app), skipped);
    }
    assert!(
        app.effects
            .contains(&backchain::tui::app::Effect::SaveAnswers),
        "every change is saved"
    );
}

#[test]
fn unticking_every_safety_answer_says_it_is_unanswered_again() {
    let mut app = app_with(None);
    // Tick fever, then untick it: nothing is ticked.
    let fever = app
        .store
        .questionnaire
        .question("red_flags")
        .unwrap()
        .options
        .iter()
        .position(|o| o.id == "fever")
        .unwrap();
    app.questionnaire.cursor = fever;
    press(&mut app, &[KeyCode::Char(' ')]);
    assert!(app.report.has_red_flags());
    press(&mut app, &[KeyCode::Char(' ')]);
    assert!(!app.answers.is_answered("red_flags"));
    let status = app.status.as_ref().unwrap();
    assert!(status.text.contains("unanswered again"), "{status:?}");
    assert!(!app.report.safety_checked);
    // Results shows the gate, and Enter there goes straight back to the question.
    press(&mut app, &[KeyCode::Char('2')]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Safety question not answered"), "{screen}");
    insta::assert_snapshot!("results_safety_unanswered_80x24", screen);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Questionnaire);
    assert_eq!(current_question(&app), "red_flags");
}

#[test]
fn a_red_flag_shows_the_care_message_and_no_routine() {
    let mut app = app_with(Some("ribs-and-breathing.toml"));
    app.questionnaire.current = 0;
    app.questionnaire.cursor = 0; // saddle numbness
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.report.has_red_flags());
    assert!(app.report.routine.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("STOP — PLEASE SEE A CLINICIAN"), "{screen}");
    insta::assert_snapshot!("questionnaire_red_flag_80x24", screen);
}

#[test]
fn start_over_asks_first_and_clears_on_yes() {
    let mut app = app_with(Some("ribs-and-breathing.toml"));
    press(&mut app, &[KeyCode::Char('X')]);
    assert_eq!(
        app.key_context().mode(),
        Some(backchain::tui::keys::Mode::Confirm)
    );
    insta::assert_snapshot!("questionnaire_start_over_80x24", render(&mut app, 80, 24));
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(!app.answers.is_empty(), "no keeps the answers");
    press(&mut app, &[KeyCode::Char('X'), KeyCode::Char('y')]);
    assert!(app.answers.is_empty());
    assert_eq!(current_question(&app), "red_flags");
}

#[test]
fn number_keys_switch_screens_and_q_quits() {
    let mut app = app_with(None);
    for screen in Screen::ALL {
        press(&mut app, &[KeyCode::Char(screen.key())]);
        assert_eq!(app.screen, screen);
    }
    press(&mut app, &[KeyCode::Char('1'), KeyCode::Char('q')]);
    assert!(!app.running);
    let mut app = app_with(None);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let quit = map_key(&app.key_context(), ctrl_c).unwrap();
    update(&mut app, quit);
    assert!(!app.running);
}

#[test]
fn help_opens_and_closes_and_lists_this_screens_keys() {
    let mut app = app_with(None);
    press(&mut app, &[KeyCode::Char('?')]);
    assert!(app.help_open());
    press(&mut app, &[KeyCode::Char('2')]);
    assert_eq!(
        app.screen,
        Screen::Questionnaire,
        "keys do not leak through the overlay"
    );
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("next question") && screen.contains("start over"),
        "{screen}"
    );
    insta::assert_snapshot!("help_80x24", screen);
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.help_open());
}

#[test]
fn mouse_clicks_pick_options_and_tabs() {
    let mut app = app_with(None);
    press(&mut app, &[KeyCode::Char('G'), KeyCode::Enter]); // red flags: none
    app.handle(vec![Msg::OpenQuestion("breathing".into())]);
    render(&mut app, 100, 30);
    let options = app.questionnaire.drawn.as_ref().unwrap().options;
    // The second option (belly) starts one row below the first.
    update(
        &mut app,
        Action::Click {
            column: options.x + 4,
            row: options.y + 1,
        },
    );
    assert_eq!(app.answers.chosen("breathing"), ["belly"]);
    // The "3 Compare" tab on the top row.
    let (_, start, _) = backchain::tui::layout::tabs(app.size)[2];
    update(
        &mut app,
        Action::Click {
            column: start + 1,
            row: 0,
        },
    );
    assert_eq!(app.screen, Screen::Compare);
}

#[test]
fn questionnaire_renders_at_every_size() {
    let mut app = app_with(None);
    insta::assert_snapshot!("questionnaire_80x24", render(&mut app, 80, 24));
    let mut app = app_with(Some("ribs-and-breathing.toml"));
    app.questionnaire.current = 1;
    insta::assert_snapshot!("questionnaire_160x48", render(&mut app, 160, 48));
    insta::assert_snapshot!("questionnaire_60x16", render(&mut app, 60, 16));
}

#[test]
fn a_tiny_terminal_says_so_on_every_screen() {
    let mut app = app_with(Some("ribs-and-breathing.toml"));
    for screen in Screen::ALL {
        app.screen = screen;
        let text = render(&mut app, 30, 8);
        assert!(text.contains("Terminal too small"), "{text}");
    }
    insta::assert_snapshot!("too_small_30x8", render(&mut app, 30, 8));
    for (w, h) in [(1, 1), (1, 40), (2, 40), (200, 3), (200, 1)] {
        let _ = render(&mut app, w, h);
    }
}

#[test]
fn keys_pressed_in_a_too_small_window_change_nothing_but_q_quits() {
    let mut app = app_with(None);
    let _ = render(&mut app, 30, 8);
    // Blind, Enter would pick the first option of the safety question: saddle numbness, a red flag.
    press(
        &mut app,
        &[
            KeyCode::Enter,
            KeyCode::Char(' '),
            KeyCode::Char('2'),
            KeyCode::Char('?'),
        ],
    );
    assert!(app.answers.is_empty(), "{:?}", app.answers);
    assert_eq!(app.screen, Screen::Questionnaire);
    assert!(!app.help_open());
    assert!(app.running);
    // Once it is large enough again, the same key does what it says.
    let _ = render(&mut app, 100, 30);
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.answers.is_answered("red_flags"), "{:?}", app.answers);
    let _ = render(&mut app, 30, 8);
    press(&mut app, &[KeyCode::Char('q')]);
    assert!(!app.running, "q quits even in a window too small");
}

// ---- Saved answers -------------------------------------------------------------------------------

/// A fresh folder under the temp dir for one test, removed when the test lets go of it.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("backchain-save-{name}-"))
        .tempdir()
        .unwrap()
}

#[test]
fn answers_survive_a_restart() {
    let store = embedded();
    let scratch = scratch("restart");
    let path = scratch.path().join("state/answers.toml");
    let saved = answers(&store, "tight-or-sleepy-sleepy.toml");
    save::save(&path, &saved, &store.questionnaire).unwrap();
    let restored = save::restore(&path, &store.questionnaire);
    assert_eq!(restored.answers, saved);
    assert!(restored.notice.is_none());
    // The app opens at the first unanswered question.
    let app = App::new(store, restored.answers, Theme::new(true));
    assert!(!app.answers.is_answered(&current_question(&app)));
}

#[test]
fn a_corrupt_save_file_is_set_aside_with_a_message() {
    let store = embedded();
    let scratch = scratch("corrupt");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    std::fs::write(&path, "breathing = \"belly\nthis is not toml").unwrap();
    let restored = save::restore(&path, &store.questionnaire);
    assert!(restored.answers.is_empty());
    let notice = restored.notice.expect("a notice");
    assert!(
        notice.contains("could not be read") && notice.contains("unreadable-"),
        "{notice}"
    );
    assert!(!path.exists());
    let kept: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(kept.len(), 1, "the old file is kept: {kept:?}");
    let text = std::fs::read_to_string(dir.join(&kept[0])).unwrap();
    assert!(text.contains("this is not toml"), "kept byte for byte");
}

#[test]
fn a_save_from_a_newer_version_is_kept_not_overwritten() {
    let store = embedded();
    let scratch = scratch("newer");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    std::fs::write(&path, "backchain-answers = 7\nbreathing = \"belly\"\n").unwrap();
    let restored = save::restore(&path, &store.questionnaire);
    assert!(restored.notice.unwrap().contains("newer backchain"));
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}

#[test]
fn a_planted_temp_name_neither_blocks_a_save_nor_redirects_it() {
    let store = embedded();
    let scratch = scratch("planted");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    let old = answers(&store, "brain-and-hinge.toml");
    save::save(&path, &old, &store.questionnaire).unwrap();
    // A leftover temporary file from a killed write does not matter.
    std::fs::write(dir.join("answers.toml.tmp-999999"), "half a fi").unwrap();
    assert_eq!(save::restore(&path, &store.questionnaire).answers, old);
    // Older versions wrote to `answers.toml.tmp-<pid>`: a link planted there once made a save overwrite
    // the file it pointed at, and a folder there made every save fail.
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(
        &victim,
        dir.join(format!("answers.toml.tmp-{}", std::process::id())),
    )
    .unwrap();
    let newer = answers(&store, "ribs-and-breathing.toml");
    save::save(&path, &newer, &store.questionnaire).unwrap();
    assert_eq!(save::restore(&path, &store.questionnaire).answers, newer);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_save_that_cannot_replace_the_file_fails_and_leaves_nothing_behind() {
    let store = embedded();
    let scratch = scratch("failed");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    // A folder with something in it cannot be replaced by a file.
    std::fs::create_dir_all(path.join("occupied")).unwrap();
    let newer = answers(&store, "ribs-and-breathing.toml");
    assert!(save::save(&path, &newer, &store.questionnaire).is_err());
    assert!(path.join("occupied").exists());
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}

#[test]
fn a_file_that_cannot_be_read_is_never_replaced_and_saves_go_elsewhere() {
    let store = embedded();
    let scratch = scratch("unreadable");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    // Root reads through permissions, so a FIFO stands in for an unreadable file: it is not a regular file.
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let restored = save::restore(&path, &store.questionnaire);
    let notice = restored.notice.expect("a notice");
    let save_to = restored.save_to.expect("somewhere to save");
    assert_ne!(save_to, path);
    assert!(
        notice.contains("left as it is") && notice.contains("answers-2.toml"),
        "{notice}"
    );
    let newer = answers(&store, "ribs-and-breathing.toml");
    save::save(&save_to, &newer, &store.questionnaire).unwrap();
    assert!(path.metadata().unwrap().file_type().is_fifo());
    assert_eq!(save::restore(&save_to, &store.questionnaire).answers, newer);
}

#[test]
fn answers_that_no_longer_fit_are_set_aside_and_the_rest_carry_on() {
    let store = embedded();
    let scratch = scratch("partial");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    let mut text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/brain-and-hinge.toml"
    ))
    .unwrap();
    text.push_str("renamed_question = \"gone\"\n");
    std::fs::write(&path, &text).unwrap();
    let restored = save::restore(&path, &store.questionnaire);
    assert_eq!(restored.answers, answers(&store, "brain-and-hinge.toml"));
    let notice = restored.notice.unwrap();
    assert!(
        notice.contains("1 saved answer could not be read") && notice.contains("renamed_question"),
        "{notice}"
    );
    let kept: Vec<_> = std::fs::read_dir(dir).unwrap().collect();
    assert_eq!(kept.len(), 1);
    let kept = kept[0].as_ref().unwrap().path();
    assert_eq!(std::fs::read_to_string(kept).unwrap(), text);
}

#[test]
fn files_set_aside_in_the_same_second_keep_their_own_names() {
    let store = embedded();
    let scratch = scratch("aside");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    for n in 0..3 {
        std::fs::write(&path, format!("not toml {n} = = =")).unwrap();
        let restored = save::restore(&path, &store.questionnaire);
        assert!(restored.notice.unwrap().contains("unreadable-"));
    }
    let mut kept: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        ["not toml 0 = = =", "not toml 1 = = =", "not toml 2 = = ="]
    );
}

#[test]
fn a_second_app_on_one_answers_file_saves_to_its_own_and_says_so() {
    let store = embedded();
    let scratch = scratch("twice");
    let dir = scratch.path();
    let path = dir.join("answers.toml");
    let saved = answers(&store, "pelvic-pulley.toml");
    save::save(&path, &saved, &store.questionnaire).unwrap();
    // A temporary file that a killed session left is swept by the first app to open the file.
    std::fs::write(dir.join(".answers.toml.Xy12Ab.backchain-tmp"), "half").unwrap();
    let first = save::open(&path, &store.questionnaire);
    assert_eq!(first.restored.save_to.as_deref(), Some(path.as_path()));
    assert!(first.restored.notice.is_none());
    assert!(!dir.join(".answers.toml.Xy12Ab.backchain-tmp").exists());
    let second = save::open(&path, &store.questionnaire);
    assert_eq!(
        second.restored.answers, saved,
        "it starts from the same answers"
    );
    let elsewhere = second.restored.save_to.clone().unwrap();
    assert_eq!(elsewhere, dir.join("answers-2.toml"));
    let notice = second.restored.notice.clone().unwrap();
    assert!(
        notice.contains("another backchain") && notice.contains("answers-2.toml"),
        "{notice}"
    );
    drop(first);
    drop(second);
    assert!(
        !elsewhere.exists(),
        "an empty file nothing was saved to is removed"
    );
    let third = save::open(&path, &store.questionnaire);
    assert_eq!(third.restored.save_to.as_deref(), Some(path.as_path()));
}

#[test]
fn an_unwritable_folder_is_an_error_not_a_crash() {
    let store = embedded();
    let scratch = scratch("unwritable");
    let dir = scratch.path();
    let blocker = dir.join("not-a-dir");
    std::fs::write(&blocker, "").unwrap();
    let path = blocker.join("answers.toml");
    let err = save::save(
        &path,
        &answers(&store, "brain-and-hinge.toml"),
        &store.questionnaire,
    );
    assert!(err.is_err());
    let restored = save::restore(&path, &store.questionnaire);
    assert!(restored.answers.is_empty());
}

/// Every key the table lists for a screen does something on that screen, in a state where its scope is
/// active (the other screens' tests check theirs).
#[test]
fn every_questionnaire_key_does_something() {
    use backchain::tui::keys::{Scope, all};
    for binding in all().filter(|b| {
        matches!(
            b.scope,
            Scope::Screen(Screen::Questionnaire) | Scope::Pane(Screen::Questionnaire, _)
        )
    }) {
        let mut app = app_with(Some("ribs-and-breathing.toml"));
        app.handle(vec![Msg::OpenQuestion("breathing".into())]);
        render(&mut app, 100, 30);
        assert!(
            app.key_context()
                .bindings()
                .iter()
                .any(|b| b.action == binding.action),
            "{} is active on the questionnaire",
            binding.what
        );
        assert!(
            update(&mut app, binding.action),
            "{} does something",
            binding.what
        );
    }
}

#[test]
fn a_paste_on_the_questionnaire_answers_nothing() {
    let mut app = app_with(None);
    let _ = render(&mut app, 100, 30);
    backchain::tui::update::paste(&mut app, " 1 2 \n");
    assert!(app.answers.is_empty(), "{:?}", app.answers);
    assert!(app.running);
    assert_eq!(app.screen, Screen::Questionnaire);
}
