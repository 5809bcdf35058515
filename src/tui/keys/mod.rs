//! Keys as data, in scopes. Every binding says which scope it lives in: everywhere, a screen, one pane of a
//! screen, or a mode (help, the intro, a message, a yes/no question, a search box, a picker, a popup). The
//! app says which scopes are active, most specific first; a key means what the first scope that binds it
//! says. The same table drives key handling, the status-bar hints, the `?` help and any prose that names a
//! key, so they cannot disagree; tests check that no scope binds a key twice and that every key listed does
//! something.

use super::action::{Action, Screen};
use super::screens;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A mode takes the keyboard for itself: only its own bindings (and Ctrl-C, Ctrl-Z) work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The `?` overlay.
    Help,
    /// The first-run introduction (`i` later).
    Intro,
    /// An important message that stays until dismissed.
    Message,
    /// A yes/no question.
    Confirm,
    /// A search box has focus: letters are typed into it.
    Typing,
    /// A list to pick from (an article, a filter value).
    Picker,
    /// A text popup over the screen.
    Popup,
    /// A number on a 0–10 scale (a pain rating).
    Scale,
    /// One of a few numbered answers (a rating, a reason).
    Choice,
    /// A short note being typed: letters go into it.
    Note,
    /// A form of number boxes (the retest): characters go into the focused box.
    Form,
    /// The window is too small to show the app: nothing it cannot show may change, so only quitting
    /// works (a key pressed blind must not answer a question).
    TooSmall,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Help => "help",
            Mode::Intro => "introduction",
            Mode::Message => "message",
            Mode::Confirm => "question",
            Mode::Typing => "search box",
            Mode::Picker => "picker",
            Mode::Popup => "popup",
            Mode::Scale => "pain scale",
            Mode::Choice => "choice",
            Mode::Note => "note",
            Mode::Form => "retest form",
            Mode::TooSmall => "window too small",
        }
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    /// Moving between panes: active while the screen shows more than one (so a single panel never
    /// offers Tab).
    Panes,
    Screen(Screen),
    /// One pane of a screen, by the name the screen gives it.
    Pane(Screen, &'static str),
    Mode(Mode),
    /// While the content loads in the background: only moving between screens, help and quitting
    /// work (with the global number keys, `?` and `q`).
    Loading,
}

#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in hints, help and prose: "j/↓".
    pub label: &'static str,
    pub what: &'static str,
    pub action: Action,
    pub scope: Scope,
    /// Shown in the status bar (the rest only in `?` help).
    pub hint: bool,
}

pub const NONE: KeyModifiers = KeyModifiers::NONE;
pub const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

pub const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

pub const fn code(c: KeyCode) -> (KeyCode, KeyModifiers) {
    (c, NONE)
}

/// `bind!(scope, hint, [keys…], "label", "what", action)`.
#[macro_export]
macro_rules! bind {
    ($scope:expr, $hint:expr, [$($key:expr),+], $label:literal, $what:literal, $action:expr) => {
        $crate::tui::keys::Binding {
            keys: &[$($key),+],
            label: $label,
            what: $what,
            action: $action,
            scope: $scope,
            hint: $hint,
        }
    };
}

mod global;
mod modes;
pub use global::{GLOBAL, LOADING};
pub use modes::MODES;

/// Every binding: the modes, each screen's (panes first), loading's, then the global ones.
pub fn all() -> impl Iterator<Item = &'static Binding> {
    MODES
        .iter()
        .chain(screens::bindings())
        .chain(LOADING.iter())
        .chain(GLOBAL.iter())
}

/// The scopes active now, most specific first, as the app reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub scopes: Vec<Scope>,
}

impl KeyContext {
    /// The mode that has the keyboard, if any.
    pub fn mode(&self) -> Option<Mode> {
        match self.scopes.first() {
            Some(Scope::Mode(mode)) => Some(*mode),
            _ => None,
        }
    }

    /// A text box (a search, a note) has focus: letters are typed into it.
    pub fn typing(&self) -> bool {
        matches!(self.mode(), Some(Mode::Typing | Mode::Note | Mode::Form))
    }

    /// The bindings that work now, in the order they are tried, without those whose keys an earlier
    /// scope has all taken (so nothing is listed twice with two meanings).
    pub fn bindings(&self) -> Vec<&'static Binding> {
        let mut out: Vec<&'static Binding> = Vec::new();
        let scopes: Vec<Scope> = match self.mode() {
            Some(mode) => vec![Scope::Mode(mode)],
            None => self.scopes.clone(),
        };
        for scope in scopes {
            for b in all().filter(|b| b.scope == scope) {
                let shadowed = b
                    .keys
                    .iter()
                    .all(|k| out.iter().any(|o| o.keys.contains(k)));
                if !shadowed {
                    out.push(b);
                }
            }
        }
        out
    }
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
pub fn map_key(ctx: &KeyContext, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('u') if ctx.typing() => Some(Action::ClearInput),
            _ => None,
        };
    }
    let bound = ctx
        .bindings()
        .into_iter()
        .find(|b| matches(b, &key))
        .map(|b| b.action);
    match (bound, ctx.typing(), key.code) {
        // One binding stands for all the digit keys it lists: the action carries the digit pressed.
        (Some(Action::Digit(_)), _, KeyCode::Char(c)) => c
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(Action::Digit),
        (Some(action), _, _) => Some(action),
        (None, true, KeyCode::Char(c)) => Some(Action::Input(c)),
        _ => None,
    }
}

/// Status-bar hints for what is active now: `key what` pairs, the most specific first.
pub fn hints(ctx: &KeyContext) -> Vec<(&'static str, &'static str)> {
    ctx.bindings()
        .into_iter()
        .filter(|b| b.hint && !matches!(b.action, Action::Goto(_)))
        .map(|b| (b.label, b.what))
        .collect()
}

/// The label of the key that does `action` in this context ("Enter", "1"), for prose that names a key.
pub fn label_for(ctx: &KeyContext, action: Action) -> Option<&'static str> {
    ctx.bindings()
        .into_iter()
        .find(|b| b.action == action)
        .map(|b| b.label)
}

/// The label of the key that does `action` in `scope` or everywhere (for text shown outside a context).
pub fn label_in(scope: Scope, action: Action) -> &'static str {
    all()
        .find(|b| (b.scope == scope || b.scope == Scope::Global) && b.action == action)
        .map_or("?", |b| b.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Screen::{Exercises, Library, Questionnaire, Results};
    use std::collections::HashMap;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctx(scopes: &[Scope]) -> KeyContext {
        KeyContext {
            scopes: scopes.to_vec(),
        }
    }

    #[test]
    fn no_scope_binds_a_key_twice() {
        let mut seen: HashMap<(Scope, KeyCode, KeyModifiers), &str> = HashMap::new();
        for b in all() {
            assert!(!b.label.is_empty() && !b.what.is_empty(), "{b:?}");
            for &(code, mods) in b.keys {
                if let Some(other) = seen.insert((b.scope, code, mods), b.what) {
                    panic!(
                        "{:?}: {code:?} means both {other:?} and {:?}",
                        b.scope, b.what
                    );
                }
            }
        }
    }

    #[test]
    fn tab_moves_between_panes_only_where_there_are_panes() {
        let one = ctx(&[Scope::Pane(Results, "safety"), Scope::Global]);
        assert_eq!(map_key(&one, key(KeyCode::Tab)), None);
        assert!(hints(&one).iter().all(|(label, _)| *label != "Tab"));
        let many = ctx(&[Scope::Screen(Results), Scope::Panes, Scope::Global]);
        assert_eq!(map_key(&many, key(KeyCode::Tab)), Some(Action::NextPane));
        assert!(hints(&many).iter().any(|(label, _)| *label == "Tab"));
    }

    #[test]
    fn number_keys_open_screens_from_every_screen() {
        for screen in Screen::ALL {
            for target in Screen::ALL {
                let c = ctx(&[Scope::Screen(screen), Scope::Global]);
                assert_eq!(
                    map_key(&c, key(KeyCode::Char(target.key()))),
                    Some(Action::Goto(target))
                );
            }
        }
    }

    #[test]
    fn panes_and_screens_come_before_global_keys() {
        let q = ctx(&[Scope::Screen(Questionnaire), Scope::Global]);
        assert_eq!(map_key(&q, key(KeyCode::Right)), Some(Action::NextQuestion));
        let r = ctx(&[Scope::Screen(Results), Scope::Global]);
        assert_eq!(map_key(&r, key(KeyCode::Char('e'))), Some(Action::Export));
        let e = ctx(&[Scope::Screen(Exercises), Scope::Global]);
        assert_eq!(
            map_key(&e, key(KeyCode::Char('f'))),
            Some(Action::PickFilter)
        );
    }

    #[test]
    fn question_mark_opens_help_in_every_mode_that_takes_no_text() {
        for mode in [
            Mode::Picker,
            Mode::Popup,
            Mode::Confirm,
            Mode::Scale,
            Mode::Choice,
        ] {
            let c = ctx(&[Scope::Mode(mode)]);
            assert_eq!(
                map_key(&c, key(KeyCode::Char('?'))),
                Some(Action::ToggleHelp),
                "{mode:?}"
            );
        }
        // Where text is typed it is a character; over a message it would replace what must be read.
        for mode in [Mode::Typing, Mode::Note, Mode::Form] {
            let c = ctx(&[Scope::Mode(mode)]);
            assert_eq!(
                map_key(&c, key(KeyCode::Char('?'))),
                Some(Action::Input('?')),
                "{mode:?}"
            );
        }
        let message = ctx(&[Scope::Mode(Mode::Message)]);
        assert_ne!(
            map_key(&message, key(KeyCode::Char('?'))),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn a_mode_takes_the_keyboard() {
        let typing = ctx(&[Scope::Mode(Mode::Typing)]);
        assert_eq!(
            map_key(&typing, key(KeyCode::Char('q'))),
            Some(Action::Input('q'))
        );
        assert_eq!(
            map_key(&typing, key(KeyCode::Char('2'))),
            Some(Action::Input('2'))
        );
        assert_eq!(map_key(&typing, key(KeyCode::Esc)), Some(Action::Back));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map_key(&typing, ctrl_c),
            Some(Action::Quit),
            "Ctrl-C always quits"
        );
        let help = ctx(&[Scope::Mode(Mode::Help)]);
        assert_eq!(
            map_key(&help, key(KeyCode::Char('q'))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(map_key(&help, key(KeyCode::Char('1'))), None);
        assert_eq!(
            map_key(&help, key(KeyCode::Char('G'))),
            Some(Action::Bottom),
            "g/G work in help"
        );
        let confirm = ctx(&[Scope::Mode(Mode::Confirm)]);
        assert_eq!(
            map_key(&confirm, key(KeyCode::Char('y'))),
            Some(Action::Confirm(true))
        );
        assert_eq!(
            map_key(&confirm, key(KeyCode::Esc)),
            Some(Action::Confirm(false))
        );
        assert_eq!(map_key(&confirm, key(KeyCode::Char('q'))), None);
    }

    #[test]
    fn releases_are_ignored_and_ctrl_z_suspends() {
        let c = ctx(&[Scope::Screen(Library), Scope::Global]);
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(map_key(&c, release), None);
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(map_key(&c, ctrl_z), Some(Action::Suspend));
    }

    #[test]
    fn shifted_capitals_match_with_or_without_shift() {
        let c = ctx(&[Scope::Screen(Questionnaire), Scope::Global]);
        let x = KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT);
        assert_eq!(map_key(&c, x), Some(Action::StartOver));
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map_key(&c, g), Some(Action::Bottom));
    }

    #[test]
    fn help_and_hints_list_each_key_once_with_the_meaning_it_has_here() {
        let c = ctx(&[Scope::Screen(Questionnaire), Scope::Global]);
        let bindings = c.bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                assert!(
                    !a.keys.iter().all(|k| b.keys.contains(k)),
                    "{} and {} share keys",
                    a.what,
                    b.what
                );
            }
        }
        let hints = hints(&c);
        assert!(hints.contains(&("n/→", "next: the most telling question")));
        assert!(hints.contains(&("q", "quit")));
        assert_eq!(label_for(&c, Action::Goto(Results)), Some("2"));
        assert_eq!(label_in(Scope::Screen(Results), Action::Export), "e");
    }
}
