//! The app under random keys, clicks and resizes, and with big or odd stores: no panic, every frame drawn,
//! no control characters on screen.

use backchain::content::{SourceFile, Store, embedded, synthetic};
use backchain::engine::Answers;
use backchain::tui::keys::map_key;
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// Draws the app at a size and returns the screen as text.
fn draw(app: &mut App, width: u16, height: u16) -> String {
    app.size = Rect::new(0, 0, width, height);
    app.settle();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    let text = terminal.backend().to_string();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the screen"
    );
    text
}

#[derive(Clone, Debug)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn input() -> impl Strategy<Value = Input> {
    let keys = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        prop::sample::select(vec![
            'j', 'k', 'g', 'G', '/', 'a', 'b', 'c', 'e', 'f', 'r', 'x', 'X', 'y', 'n', 's', 'p',
            '?', '1', '2', '3', '4', '5', ' '
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
        ]),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    prop_oneof![
        6 => (keys, mods).prop_map(|(k, m)| Input::Key(k, m)),
        1 => (0u16..220, 0u16..70).prop_map(|(c, r)| Input::Click(c, r)),
        1 => (0u16..220, 0u16..70, any::<bool>()).prop_map(|(c, r, d)| Input::Wheel(c, r, d)),
        1 => (1u16..220, 1u16..70).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn apply(app: &mut App, input: &Input) {
    let action = match *input {
        // Ctrl-C and Ctrl-Z would end the run or stop the test process.
        Input::Key(KeyCode::Char('c' | 'z'), KeyModifiers::CONTROL) => None,
        Input::Key(code, mods) => map_key(&app.key_context(), KeyEvent::new(code, mods)),
        Input::Click(column, row) => Some(Action::Click { column, row }),
        Input::Wheel(column, row, down) => Some(if down {
            Action::ScrollDown { column, row }
        } else {
            Action::ScrollUp { column, row }
        }),
        Input::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            None
        }
    };
    if let Some(action) = action {
        update(app, action);
        app.effects.clear();
        app.running = true;
    }
}

use crate::common::fixture_answers as fixture;

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_breaks_the_app(inputs in prop::collection::vec(input(), 1..60), start in 0usize..5) {
        let store = embedded();
        let answers = if start % 2 == 0 { fixture(&store, "pelvic-pulley") } else { Answers::new() };
        let mut app = App::new(store, answers, Theme::new(start == 3));
        app.screen = Screen::ALL[start];
        for (i, input) in inputs.iter().enumerate() {
            apply(&mut app, input);
            if i % 5 == 0 || matches!(input, Input::Resize(..)) {
                let (w, h) = (app.size.width, app.size.height);
                draw(&mut app, w, h);
            }
        }
        for (w, h) in [(1, 1), (30, 8), (80, 24), (200, 60)] {
            draw(&mut app, w, h);
        }
    }
}

fn app_for(store: Store) -> App {
    let answers = if store.questionnaire.questions.is_empty() {
        Answers::new()
    } else {
        fixture(&store, "pelvic-pulley")
    };
    App::new(store, answers, Theme::new(true))
}

/// Every screen, in a few sizes, with a few keys pressed on each.
fn exercise_every_screen(app: &mut App) {
    for screen in Screen::ALL {
        app.screen = screen;
        for (w, h) in [(80, 24), (160, 48), (50, 14)] {
            draw(app, w, h);
            for code in [
                KeyCode::Tab,
                KeyCode::Char('j'),
                KeyCode::Enter,
                KeyCode::Char('G'),
                KeyCode::Esc,
            ] {
                if let Some(action) =
                    map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE))
                {
                    update(app, action);
                }
                draw(app, w, h);
            }
        }
    }
}

#[test]
fn empty_and_articles_only_stores_show_every_screen() {
    exercise_every_screen(&mut app_for(Store::default()));
    let articles: Vec<SourceFile> = synthetic::store_files(0)
        .into_iter()
        .filter(|f| f.relative == "articles.toml")
        .collect();
    let mut problems = Vec::new();
    exercise_every_screen(&mut app_for(Store::from_files(articles, &mut problems)));
}

#[test]
fn ten_thousand_exercises_show_every_screen() {
    let mut problems = Vec::new();
    let store = Store::from_files(synthetic::store_files(10_000), &mut problems);
    assert!(problems.is_empty());
    let mut app = app_for(store);
    exercise_every_screen(&mut app);
    app.screen = Screen::Exercises;
    for c in "tempo hip".chars() {
        update(&mut app, Action::FocusSearch);
        update(&mut app, Action::Input(c));
    }
    let screen = draw(&mut app, 160, 48);
    assert!(screen.to_lowercase().contains("tempo"), "{screen}");
}

#[test]
fn long_and_non_latin_text_lays_out_in_every_screen() {
    let mut files = synthetic::store_files(3);
    let long = "hamstring ".repeat(1000); // 10 KB
    let wide = "髋关节内旋 ストレッチ 🧘‍♀️ 🦵 café ñ e\u{301} a\u{308}";
    for f in files.iter_mut() {
        if f.relative.starts_with("exercises/") {
            f.text = f
                .text
                .replacen("name = \"", &format!("name = \"{wide} {long}"), 1);
        }
        if f.relative == "articles.toml" {
            f.text = f
                .text
                .replacen("title = \"", &format!("title = \"{wide} "), 1);
        }
        if f.relative.starts_with("claims/") {
            f.text = f
                .text
                .replacen("statement = \"", &format!("statement = \"{wide} {long}"), 1);
        }
    }
    let mut problems = Vec::new();
    let store = Store::from_files(files, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = app_for(store);
    exercise_every_screen(&mut app);
    app.screen = Screen::Exercises;
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("髋关节内旋"), "{screen}");
}
