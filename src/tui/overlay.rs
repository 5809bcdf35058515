//! What covers the screen: the `?` help (built from the key table for what is active underneath), the
//! introduction shown on first run (and with `i`), and important messages that stay until dismissed.

use super::action::Screen;
use super::app::{App, Overlay};
use super::keys::{self, Scope};
use super::ui::{self, ScrollView};
use crate::text::{self, Line, Role};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

/// Where the overlay goes and its text, wrapped to fit.
pub struct Drawn {
    pub area: Rect,
    pub title: String,
    pub lines: Vec<Line>,
}

/// Lays the open overlay out over `body`, keeping its scroll within its text.
pub fn prepare(app: &mut App, body: Rect) -> Option<Drawn> {
    let overlay = app.overlay.as_ref()?;
    let area = match overlay {
        Overlay::Message(..) => {
            let width = body.width.saturating_sub(4).min(72);
            ui::centered(body, width, body.height)
        }
        _ if body.width < 100 => body,
        _ => ui::centered(body, 90, body.height),
    };
    let width = usize::from(ui::inner(area).width.max(1));
    let (title, lines) = match overlay {
        Overlay::Help(_) => (
            String::from("Help — Esc or ? to close"),
            help_lines(app, width),
        ),
        Overlay::Intro(_) => (
            String::from("Welcome to backchain — Enter to start"),
            intro_lines(app, width),
        ),
        Overlay::Message(message, _) => (
            String::from("Please read — Enter to close"),
            text::wrap_pieces(&[(Role::Warn, message)], width, 0),
        ),
    };
    // A message box is as tall as its text.
    let area = match overlay {
        Overlay::Message(..) => ui::centered(body, area.width, ui::to_u16(lines.len() + 2)),
        _ => area,
    };
    let rows = ui::inner(area).height;
    if let Some(Overlay::Help(scroll) | Overlay::Intro(scroll) | Overlay::Message(_, scroll)) =
        app.overlay.as_mut()
    {
        scroll.clamp(lines.len(), rows);
    }
    Some(Drawn { area, title, lines })
}

pub fn render(app: &App, drawn: &Drawn, frame: &mut Frame) {
    let scroll = match &app.overlay {
        Some(Overlay::Help(s) | Overlay::Intro(s) | Overlay::Message(_, s)) => *s,
        None => return,
    };
    // Laid out for the app's size; never draw outside the frame if the two differ.
    let area = drawn.area.intersection(frame.area());
    frame.render_widget(Clear, area);
    ScrollView {
        title: &drawn.title,
        lines: &drawn.lines,
        scroll,
        focused: true,
    }
    .render(frame, area, &app.theme);
}

/// Scrolls the overlay within the text it showed last.
pub fn scroll(app: &mut App, drawn: Option<&Drawn>, action: super::action::Action) {
    let (lines, rows) = drawn.map_or((0, 1), |d| (d.lines.len(), ui::inner(d.area).height));
    if let Some(Overlay::Help(s) | Overlay::Intro(s) | Overlay::Message(_, s)) =
        app.overlay.as_mut()
    {
        s.apply(action, lines, rows);
    }
}

/// A key and what it does, the text in a column; a key too long for its column gets a line of its own.
pub(super) fn row(label: &str, what: &str, width: usize) -> Vec<Line> {
    const COLUMN: usize = 12;
    if text::width(label) < COLUMN {
        return text::wrap_pieces(
            &[
                (Role::Accent, &format!("  {label:<COLUMN$}")),
                (Role::Plain, what),
            ],
            width,
            COLUMN + 2,
        );
    }
    let mut out = text::wrap_pieces(&[(Role::Accent, &format!("  {label}"))], width, 2);
    out.extend(text::wrap_pieces(
        &[(Role::Plain, &format!("{}{what}", " ".repeat(COLUMN + 2)))],
        width,
        COLUMN + 2,
    ));
    out
}

pub(super) fn heading(text: &str, width: usize) -> Vec<Line> {
    let mut out = vec![Line::new()];
    out.extend(text::wrap_pieces(&[(Role::Title, text)], width, 0));
    out
}

/// The keys that work here, from the table, each listed once with the meaning it has here.
fn help_lines(app: &App, width: usize) -> Vec<Line> {
    let ctx = app.screen_key_context();
    let mut out = text::wrap_pieces(
        &[(
            Role::Title,
            &format!("Keys on the {} screen", app.screen.title()),
        )],
        width,
        0,
    );
    let bindings = ctx.bindings();
    let here: Vec<_> = bindings
        .iter()
        .filter(|b| !matches!(b.scope, Scope::Global))
        .collect();
    for b in &here {
        out.extend(row(b.label, b.what, width));
    }
    out.extend(heading("Everywhere", width));
    for b in bindings.iter().filter(|b| b.scope == Scope::Global) {
        out.extend(row(b.label, b.what, width));
    }
    out.extend(row("Ctrl-C", "quit", width));
    out.extend(row("Ctrl-Z", "suspend (fg to come back)", width));
    out.extend(row(
        "mouse",
        "the wheel scrolls the pane under it; a click picks",
        width,
    ));
    out.extend(heading("Other screens", width));
    for screen in Screen::ALL.into_iter().filter(|s| *s != app.screen) {
        let keys: Vec<String> = keys::all()
            .filter(|b| matches!(b.scope, Scope::Screen(s) if s == screen))
            .map(|b| format!("{} {}", b.label, b.what))
            .collect();
        out.extend(row(
            &format!("{} {}", screen.key(), screen.title()),
            &keys.join(" · "),
            width,
        ));
    }
    out.push(Line::new());
    out.extend(text::wrap_pieces(
        &[(
            Role::Muted,
            &crate::engine::disclaimer(&app.store.questionnaire),
        )],
        width,
        0,
    ));
    out
}

/// What backchain is, what it is not, and how to move around — keys from the table.
fn intro_lines(app: &App, width: usize) -> Vec<Line> {
    let key = |action| keys::label_in(Scope::Global, action);
    use super::action::Action;
    let mut out = text::wrap_pieces(
        &[(
            Role::Title,
            "backchain: five stories about tight hamstrings and a sore low back, and which one fits you",
        )],
        width,
        0,
    );
    out.push(Line::new());
    let paragraphs = [
        "The web tells five different stories about why hamstrings feel tight and the low back hurts: stiff ribs, a protective brain, tight or sleepy hamstrings, short hamstrings pulling the pelvis, and the hip's inward turn. They contradict each other.",
        "backchain asks about your own body with self-tests you can do now, weighs each story by your answers, and says how likely each one is and why. Where it cannot tell yet, it says so and names the questions that would settle it. Once one story clearly fits, it gives you a routine of exercises, each saying where it comes from.",
    ];
    for p in paragraphs {
        out.extend(text::wrap_pieces(&[(Role::Plain, p)], width, 0));
        out.push(Line::new());
    }
    out.extend(text::wrap_pieces(
        &[(
            Role::Warn,
            &crate::engine::disclaimer(&app.store.questionnaire),
        )],
        width,
        0,
    ));
    out.extend(heading("Getting around", width));
    for (label, what) in [
        (
            key(Action::Goto(Screen::Questionnaire)).to_owned(),
            "the questionnaire: start here; the safety question comes first",
        ),
        (
            key(Action::Goto(Screen::Results)).to_owned(),
            "your results: how likely each story is, why, and your routine",
        ),
        (
            key(Action::Goto(Screen::Compare)).to_owned(),
            "two articles side by side, claim by claim",
        ),
        (
            key(Action::Goto(Screen::Exercises)).to_owned(),
            "search every exercise",
        ),
        (
            key(Action::Goto(Screen::Library)).to_owned(),
            "the articles, their claims and the stories",
        ),
        (
            key(Action::ToggleHelp).to_owned(),
            "every key for the screen you are on",
        ),
        (key(Action::ShowIntro).to_owned(), "this introduction again"),
        (key(Action::Quit).to_owned(), "quit; your answers are kept"),
    ] {
        out.extend(row(&label, what, width));
    }
    out
}
