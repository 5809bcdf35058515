//! The app while its content loads in the background: the tab bar, each screen saying "loading…" in its
//! body, the load's progress as counts and a gauge in the status line, and the few keys that need no
//! content — the screens, `?` help and quitting. Everything else waits, silently, for the content.

use super::action::{Action, Screen};
use super::app::Effect;
use super::keys::{self, KeyContext, Mode, Scope};
use super::layout;
use super::overlay::{heading, row};
use super::theme::Theme;
use super::ui::{self, Scroll, ScrollView};
use super::view;
use crate::content::{LoadCounts, LoadPhase};
use crate::text::{self, Line, Role, thousands};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use std::time::Duration;

/// How often the loading frame is redrawn to move the gauge (input is read as it comes).
pub const REDRAW: Duration = Duration::from_millis(50);

/// What is on screen before the content is ready.
pub struct Loading {
    pub theme: Theme,
    /// The screen the person switched to; the app opens on it once the content is ready.
    pub screen: Screen,
    /// The `?` help, when open, with its scroll.
    pub help: Option<Scroll>,
    /// Becomes `false` when the person quits.
    pub running: bool,
    /// The terminal's size, for the help's page size and for clicks on the tabs.
    pub size: Rect,
    /// The load's counts as they stood for this frame (set by the event loop before drawing).
    pub progress: LoadCounts,
    /// Work for the event loop (suspending).
    pub effects: Vec<Effect>,
}

impl Loading {
    pub fn new(theme: Theme) -> Loading {
        Loading {
            theme,
            screen: Screen::Questionnaire,
            help: None,
            running: true,
            size: Rect::new(0, 0, 80, 24),
            progress: LoadCounts::default(),
            effects: Vec::new(),
        }
    }

    /// The key scopes active now: the help's, or loading's own over the global keys.
    pub fn key_context(&self) -> KeyContext {
        let scopes = if layout::too_small(self.size) {
            vec![Scope::Mode(Mode::TooSmall)]
        } else if self.help.is_some() {
            vec![Scope::Mode(Mode::Help)]
        } else {
            vec![Scope::Loading, Scope::Global]
        };
        KeyContext { scopes }
    }

    /// Applies an action; `false` when it means nothing until the content is ready.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => self.running = false,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::ToggleHelp | Action::Back if self.help.is_some() => self.help = None,
            Action::ToggleHelp => self.help = Some(Scroll::default()),
            _ if self.help.is_some() => {
                let area = help_area(layout::frame(self.size).body);
                let lines = help_lines(usize::from(ui::inner(area).width.max(1))).len();
                if let Some(scroll) = self.help.as_mut() {
                    return scroll.apply(action, lines, ui::inner(area).height);
                }
            }
            Action::Goto(screen) => self.screen = screen,
            Action::NextPane => self.screen = step(self.screen, 1),
            Action::PrevPane => self.screen = step(self.screen, Screen::ALL.len() - 1),
            Action::Click { column, row }
                if row == layout::frame(self.size).tabs.y && !layout::too_small(self.size) =>
            {
                match layout::tab_at(self.size, column) {
                    Some(screen) => self.screen = screen,
                    None => return false,
                }
            }
            _ => return false,
        }
        true
    }
}

/// The screen `by` places on in the tab order, wrapping round.
fn step(screen: Screen, by: usize) -> Screen {
    let at = Screen::ALL.iter().position(|&s| s == screen).unwrap_or(0);
    Screen::ALL[(at + by) % Screen::ALL.len()]
}

/// The actions loading answers (what its help lists).
fn works_while_loading(action: Action) -> bool {
    matches!(
        action,
        Action::Quit | Action::ToggleHelp | Action::Goto(_) | Action::NextPane | Action::PrevPane
    )
}

/// Where the help goes over the body (as the app's own help).
fn help_area(body: Rect) -> Rect {
    if body.width < 100 {
        body
    } else {
        ui::centered(body, 90, body.height)
    }
}

/// The keys that work while loading, from the key table, and a word on the rest.
fn help_lines(width: usize) -> Vec<Line> {
    let mut out = text::wrap_pieces(&[(Role::Title, "Keys while the content loads")], width, 0);
    let ctx = KeyContext {
        scopes: vec![Scope::Loading, Scope::Global],
    };
    for b in ctx
        .bindings()
        .into_iter()
        .filter(|b| works_while_loading(b.action))
    {
        let what = match b.action {
            Action::Goto(screen) => format!("the {} screen", screen.title()),
            _ => b.what.to_owned(),
        };
        out.extend(row(b.label, &what, width));
    }
    out.extend(row("Ctrl-C", "quit", width));
    out.extend(row("Ctrl-Z", "suspend (fg to come back)", width));
    out.extend(heading("Everything else", width));
    out.extend(text::wrap_pieces(
        &[(
            Role::Plain,
            "works once the content is read: the status line shows how far that has got. Each screen's own keys are in this help then.",
        )],
        width,
        0,
    ));
    out
}

/// Lays the frame out for the terminal's size and draws it: what the event loop and the tests call.
pub fn draw(loading: &mut Loading, frame: &mut Frame) {
    loading.size = frame.area();
    render(loading, frame);
}

/// Draws the loading frame; only reads.
pub fn render(loading: &Loading, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        view::too_small(frame);
        return;
    }
    let theme = &loading.theme;
    let areas = layout::frame(area);
    view::tabs(theme, loading.screen, frame, areas.tabs);
    let block = ui::pane(loading.screen.title(), true, theme);
    let inner = block.inner(areas.body);
    frame.render_widget(block, areas.body);
    let text = vec![
        ratatui::text::Line::from(Span::styled("loading…", theme.title())),
        ratatui::text::Line::default(),
        ratatui::text::Line::from(Span::styled(
            "This screen opens as soon as the content is read.",
            theme.muted(),
        )),
    ];
    let top = inner.height.saturating_sub(3) / 2;
    let message = Rect::new(
        inner.x,
        inner.y + top,
        inner.width,
        inner.height.saturating_sub(top),
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        message,
    );
    if let Some(scroll) = loading.help {
        let help = help_area(areas.body);
        let lines = help_lines(usize::from(ui::inner(help).width.max(1)));
        frame.render_widget(Clear, help);
        ScrollView {
            title: "Help — Esc or ? to close",
            lines: &lines,
            scroll,
            focused: true,
        }
        .render(frame, help, theme);
    }
    status_line(loading, frame, areas.status);
}

/// "loading content… ████░░░░   6 %  43,210 of 100,000 files read", then the help and quit hints at the
/// right when they fit. The gauge keeps its width while the counts change, and gives way (then the word
/// "content") only where the line would not fit.
fn status_line(loading: &Loading, frame: &mut Frame, area: Rect) {
    let theme = &loading.theme;
    let width = usize::from(area.width);
    let fraction = loading.progress.fraction();
    let percent = format!(" {:>3} %  ", (fraction * 100.0).floor() as u32);
    let counts = counts(&loading.progress);
    let room = |prefix: &str| {
        width.saturating_sub(text::width(prefix) + text::width(&percent) + text::width(&counts))
    };
    let prefix = if room("loading content… ") >= 5 {
        "loading content… "
    } else {
        "loading… "
    };
    let gauge = room(prefix).min((width / 4).clamp(5, 30));
    let gauge = if gauge < 5 { 0 } else { gauge };
    let filled = ((fraction * gauge as f64).round() as usize).min(gauge);
    let mut line = ratatui::text::Line::from(vec![
        Span::styled(prefix, theme.accent()),
        Span::styled("█".repeat(filled), theme.accent()),
        Span::styled("░".repeat(gauge - filled), theme.muted()),
        Span::raw(percent),
        Span::raw(counts),
    ]);
    let hints = view::hint_line(theme, &keys::hints(&loading.key_context()), width);
    let used = line.width();
    if used + 3 + hints.width() <= width {
        line.spans
            .push(Span::raw(" ".repeat(width - used - hints.width())));
        line.spans.extend(hints.spans);
    }
    frame.render_widget(line, area);
}

/// The counts of the phase running: "43,210 of 100,000 files read".
fn counts(progress: &LoadCounts) -> String {
    let of = |done: usize| format!("{} of {}", thousands(done), thousands(progress.found));
    match progress.phase {
        LoadPhase::Reading if progress.found == 0 => String::from("finding files"),
        LoadPhase::Reading => format!("{} files read", of(progress.read)),
        LoadPhase::Parsing => format!("{} files parsed", of(progress.parsed)),
        LoadPhase::Checking => format!("checking {} files", thousands(progress.found)),
        LoadPhase::Indexing => String::from("indexing the exercises for search"),
        LoadPhase::Done => String::from("ready"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(loading: &mut Loading, code: KeyCode) -> bool {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        keys::map_key(&loading.key_context(), key).is_some_and(|a| loading.update(a))
    }

    #[test]
    fn screens_help_and_quit_work_and_the_rest_waits() {
        let mut loading = Loading::new(Theme::new(true));
        assert!(press(&mut loading, KeyCode::Char('3')));
        assert_eq!(loading.screen, Screen::Compare);
        assert!(press(&mut loading, KeyCode::Tab));
        assert_eq!(loading.screen, Screen::Exercises);
        assert!(press(&mut loading, KeyCode::BackTab));
        assert!(press(&mut loading, KeyCode::BackTab));
        assert_eq!(loading.screen, Screen::Results);
        for code in [KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('i')] {
            assert!(!press(&mut loading, code), "{code:?} waits for the content");
        }
        assert!(press(&mut loading, KeyCode::Char('?')));
        assert!(loading.help.is_some());
        assert!(press(&mut loading, KeyCode::Char('q')), "q closes the help");
        assert!(loading.help.is_none() && loading.running);
        assert!(press(&mut loading, KeyCode::Char('q')));
        assert!(!loading.running);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let mut again = Loading::new(Theme::new(true));
        let action = keys::map_key(&again.key_context(), ctrl_c).unwrap();
        assert!(again.update(action) && !again.running);
    }

    #[test]
    fn every_loading_key_does_something() {
        for binding in keys::all().filter(|b| b.scope == Scope::Loading) {
            let mut loading = Loading::new(Theme::new(true));
            assert!(loading.update(binding.action), "{}", binding.what);
        }
    }

    #[test]
    fn each_phase_says_its_counts() {
        let at = |phase, read, parsed| LoadCounts {
            phase,
            found: 100_000,
            read,
            parsed,
        };
        assert_eq!(
            counts(&at(LoadPhase::Reading, 43_210, 0)),
            "43,210 of 100,000 files read"
        );
        assert_eq!(
            counts(&at(LoadPhase::Parsing, 100_000, 5)),
            "5 of 100,000 files parsed"
        );
        assert_eq!(
            counts(&at(LoadPhase::Checking, 100_000, 100_000)),
            "checking 100,000 files"
        );
        assert_eq!(counts(&LoadCounts::default()), "finding files");
    }
}
