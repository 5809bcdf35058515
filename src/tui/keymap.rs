//! One table of key bindings, with descriptions. It drives key handling, the status-bar hints and the
//! `?` help overlay, so the three never disagree.

use super::action::{Action, Filter, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere (unless a text box has focus).
    Global,
    /// On one screen.
    On(Screen),
}

#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in hints and help: "j/↓".
    pub label: &'static str,
    pub what: &'static str,
    pub action: Action,
    pub scope: Scope,
    /// Shown in the status bar (the rest only in `?` help).
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

const fn code(c: KeyCode) -> (KeyCode, KeyModifiers) {
    (c, NONE)
}

macro_rules! bind {
    ($scope:expr, $hint:expr, [$($key:expr),+], $label:literal, $what:literal, $action:expr) => {
        Binding { keys: &[$($key),+], label: $label, what: $what, action: $action, scope: $scope, hint: $hint }
    };
}

use Scope::{Global, On};
use Screen::{Compare, Exercises, Library, Questionnaire, Results};

/// Every binding. Screen bindings come first, so a screen can give a global key its own meaning.
pub const BINDINGS: &[Binding] = &[
    // Questionnaire
    bind!(
        On(Questionnaire),
        true,
        [code(KeyCode::Enter), ch(' ')],
        "Enter/Space",
        "choose the option",
        Action::Select
    ),
    bind!(
        On(Questionnaire),
        true,
        [ch('n'), code(KeyCode::Right), ch('l')],
        "n/→",
        "next: the most telling question",
        Action::NextQuestion
    ),
    bind!(
        On(Questionnaire),
        true,
        [ch('p'), code(KeyCode::Left), ch('h')],
        "p/←",
        "back to the last question",
        Action::PrevQuestion
    ),
    bind!(
        On(Questionnaire),
        false,
        [ch(']')],
        "]",
        "next question in order",
        Action::NextInOrder
    ),
    bind!(
        On(Questionnaire),
        false,
        [ch('[')],
        "[",
        "previous question in order",
        Action::PrevInOrder
    ),
    bind!(
        On(Questionnaire),
        true,
        [ch('s')],
        "s",
        "skip this question",
        Action::Skip
    ),
    bind!(
        On(Questionnaire),
        true,
        [ch('X')],
        "X",
        "start over (clears answers)",
        Action::StartOver
    ),
    // Results
    bind!(
        On(Results),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open the step's claims",
        Action::Select
    ),
    bind!(
        On(Results),
        true,
        [ch('e')],
        "e",
        "export routine to Markdown",
        Action::Export
    ),
    // Compare
    bind!(
        On(Compare),
        true,
        [ch('a')],
        "a",
        "pick article A",
        Action::PickA
    ),
    bind!(
        On(Compare),
        true,
        [ch('b')],
        "b",
        "pick article B",
        Action::PickB
    ),
    bind!(
        On(Compare),
        true,
        [ch('x')],
        "x",
        "swap A and B",
        Action::Swap
    ),
    bind!(
        On(Compare),
        false,
        [code(KeyCode::Enter)],
        "Enter",
        "choose the article",
        Action::Select
    ),
    bind!(
        On(Compare),
        false,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "previous topic",
        Action::Left
    ),
    bind!(
        On(Compare),
        false,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "next topic",
        Action::Right
    ),
    // Exercises
    bind!(
        On(Exercises),
        true,
        [ch('/')],
        "/",
        "search",
        Action::FocusSearch
    ),
    bind!(
        On(Exercises),
        true,
        [ch('r')],
        "r",
        "filter by region",
        Action::CycleFilter(Filter::Region)
    ),
    bind!(
        On(Exercises),
        true,
        [ch('e')],
        "e",
        "filter by equipment",
        Action::CycleFilter(Filter::Equipment)
    ),
    bind!(
        On(Exercises),
        true,
        [ch('f')],
        "f",
        "filter by phase",
        Action::CycleFilter(Filter::Phase)
    ),
    bind!(
        On(Exercises),
        true,
        [ch('c')],
        "c",
        "filter by chain",
        Action::CycleFilter(Filter::Chain)
    ),
    bind!(
        On(Exercises),
        false,
        [ch('x')],
        "x",
        "clear filters",
        Action::ClearFilters
    ),
    // Library
    bind!(
        On(Library),
        true,
        [code(KeyCode::Enter)],
        "Enter",
        "open",
        Action::Select
    ),
    bind!(
        On(Library),
        true,
        [ch('a')],
        "a",
        "claim's article",
        Action::OpenArticle
    ),
    bind!(
        On(Library),
        true,
        [ch('c')],
        "c",
        "chains citing it",
        Action::OpenChains
    ),
    // Everywhere
    bind!(
        Global,
        true,
        [ch('1'), code(KeyCode::F(1))],
        "1",
        "questionnaire",
        Action::Goto(Questionnaire)
    ),
    bind!(
        Global,
        true,
        [ch('2'), code(KeyCode::F(2))],
        "2",
        "results",
        Action::Goto(Results)
    ),
    bind!(
        Global,
        true,
        [ch('3'), code(KeyCode::F(3))],
        "3",
        "compare",
        Action::Goto(Compare)
    ),
    bind!(
        Global,
        true,
        [ch('4'), code(KeyCode::F(4))],
        "4",
        "exercises",
        Action::Goto(Exercises)
    ),
    bind!(
        Global,
        true,
        [ch('5'), code(KeyCode::F(5))],
        "5",
        "library",
        Action::Goto(Library)
    ),
    bind!(
        Global,
        true,
        [code(KeyCode::Tab)],
        "Tab",
        "next pane",
        Action::NextPane
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::BackTab), (KeyCode::BackTab, SHIFT)],
        "Shift-Tab",
        "previous pane",
        Action::PrevPane
    ),
    bind!(
        Global,
        false,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        "move down",
        Action::Down
    ),
    bind!(
        Global,
        false,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        "move up",
        Action::Up
    ),
    bind!(
        Global,
        false,
        [ch('h'), code(KeyCode::Left)],
        "h/←",
        "left",
        Action::Left
    ),
    bind!(
        Global,
        false,
        [ch('l'), code(KeyCode::Right)],
        "l/→",
        "right",
        Action::Right
    ),
    bind!(
        Global,
        false,
        [ch('g'), code(KeyCode::Home)],
        "g/Home",
        "go to the top",
        Action::Top
    ),
    bind!(
        Global,
        false,
        [ch('G'), (KeyCode::Char('G'), SHIFT), code(KeyCode::End)],
        "G/End",
        "go to the bottom",
        Action::Bottom
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown
    ),
    bind!(
        Global,
        false,
        [code(KeyCode::Enter)],
        "Enter",
        "select",
        Action::Select
    ),
    bind!(Global, false, [ch(' ')], "Space", "toggle", Action::Toggle),
    bind!(
        Global,
        false,
        [code(KeyCode::Esc)],
        "Esc",
        "close / back",
        Action::Back
    ),
    bind!(Global, true, [ch('?')], "?", "help", Action::ToggleHelp),
    bind!(Global, true, [ch('q')], "q", "quit", Action::Quit),
];

/// What is on screen that changes how keys are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub screen: Screen,
    /// A text box has focus: letters and digits are typed into it.
    pub typing: bool,
    /// The `?` overlay is open.
    pub help: bool,
    /// A yes/no question is open.
    pub confirming: bool,
}

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding.keys.iter().any(|&(code, mods)| {
        // Shifted letters arrive as the capital with SHIFT on some terminals and without on others.
        let mods_match = mods == key.modifiers
            || (matches!(code, KeyCode::Char(c) if c.is_uppercase()) && key.modifiers == SHIFT);
        code == key.code && mods_match
    })
}

/// Turns a key press into an action; `None` for keys that mean nothing here (and for key releases).
pub fn map_key(ctx: KeyContext, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('u') if ctx.typing => Some(Action::ClearInput),
            _ => None,
        };
    }
    if ctx.help {
        return match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => {
                Some(Action::ToggleHelp)
            }
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            _ => None,
        };
    }
    if ctx.confirming {
        return match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Confirm(true)),
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        };
    }
    if ctx.typing {
        return match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Select),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Tab => Some(Action::NextPane),
            KeyCode::BackTab => Some(Action::PrevPane),
            KeyCode::Char(c) => Some(Action::Input(c)),
            _ => None,
        };
    }
    BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::On(ctx.screen))
        .chain(BINDINGS.iter().filter(|b| b.scope == Scope::Global))
        .find(|b| matches(b, &key))
        .map(|b| b.action)
}

/// The bindings that work on a screen, screen-specific first, without the global ones it overrides.
pub fn bindings_for(screen: Screen) -> Vec<&'static Binding> {
    let own: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::On(screen))
        .collect();
    let overridden = |g: &Binding| {
        g.keys
            .iter()
            .all(|k| own.iter().any(|o| o.keys.contains(k)))
    };
    own.iter()
        .copied()
        .chain(
            BINDINGS
                .iter()
                .filter(|b| b.scope == Scope::Global && !overridden(b)),
        )
        .collect()
}

/// Status-bar hints for a screen: `key what` pairs.
pub fn hints(screen: Screen) -> Vec<(&'static str, &'static str)> {
    bindings_for(screen)
        .into_iter()
        .filter(|b| b.hint && !matches!(b.action, Action::Goto(_)))
        .map(|b| (b.label, b.what))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctx(screen: Screen) -> KeyContext {
        KeyContext {
            screen,
            typing: false,
            help: false,
            confirming: false,
        }
    }

    #[test]
    fn number_keys_open_screens_everywhere() {
        for screen in Screen::ALL {
            for target in Screen::ALL {
                assert_eq!(
                    map_key(ctx(screen), key(KeyCode::Char(target.key()))),
                    Some(Action::Goto(target))
                );
            }
        }
    }

    #[test]
    fn screens_override_global_keys() {
        assert_eq!(
            map_key(ctx(Screen::Questionnaire), key(KeyCode::Right)),
            Some(Action::NextQuestion)
        );
        assert_eq!(
            map_key(ctx(Screen::Results), key(KeyCode::Right)),
            Some(Action::Right)
        );
        assert_eq!(
            map_key(ctx(Screen::Results), key(KeyCode::Char('e'))),
            Some(Action::Export)
        );
        assert_eq!(
            map_key(ctx(Screen::Exercises), key(KeyCode::Char('e'))),
            Some(Action::CycleFilter(Filter::Equipment))
        );
    }

    #[test]
    fn typing_sends_letters_and_digits_to_the_text_box() {
        let typing = KeyContext {
            typing: true,
            ..ctx(Screen::Exercises)
        };
        assert_eq!(
            map_key(typing, key(KeyCode::Char('q'))),
            Some(Action::Input('q'))
        );
        assert_eq!(
            map_key(typing, key(KeyCode::Char('2'))),
            Some(Action::Input('2'))
        );
        assert_eq!(map_key(typing, key(KeyCode::Esc)), Some(Action::Back));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map_key(typing, ctrl_c),
            Some(Action::Quit),
            "Ctrl-C always quits"
        );
    }

    #[test]
    fn releases_are_ignored_and_ctrl_z_suspends() {
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(map_key(ctx(Screen::Library), release), None);
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(map_key(ctx(Screen::Library), ctrl_z), Some(Action::Suspend));
    }

    #[test]
    fn help_and_confirmations_take_their_own_keys() {
        let help = KeyContext {
            help: true,
            ..ctx(Screen::Results)
        };
        assert_eq!(
            map_key(help, key(KeyCode::Char('q'))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(map_key(help, key(KeyCode::Char('1'))), None);
        let confirming = KeyContext {
            confirming: true,
            ..ctx(Screen::Questionnaire)
        };
        assert_eq!(
            map_key(confirming, key(KeyCode::Char('y'))),
            Some(Action::Confirm(true))
        );
        assert_eq!(
            map_key(confirming, key(KeyCode::Esc)),
            Some(Action::Confirm(false))
        );
        assert_eq!(map_key(confirming, key(KeyCode::Char('q'))), None);
    }

    #[test]
    fn shifted_capitals_match_with_or_without_shift() {
        let with_shift = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            map_key(ctx(Screen::Library), with_shift),
            Some(Action::Bottom)
        );
        let x = KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT);
        assert_eq!(
            map_key(ctx(Screen::Questionnaire), x),
            Some(Action::StartOver)
        );
    }

    #[test]
    fn hints_come_from_the_table_and_skip_overridden_keys() {
        let hints = hints(Screen::Questionnaire);
        assert!(hints.contains(&("n/→", "next: the most telling question")));
        assert!(hints.contains(&("q", "quit")));
        assert!(
            bindings_for(Screen::Questionnaire)
                .iter()
                .all(|b| b.action != Action::Right)
        );
    }
}
