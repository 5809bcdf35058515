//! The event loop and terminal hygiene: raw mode, alternate screen and mouse capture on entry; restored
//! on exit, on panic, on SIGTERM/SIGHUP, and around Ctrl-Z.

use super::action::Action;
use super::app::{App, Effect};
use super::keymap;
use super::save;
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::cli::Exit;
use crate::content::Store;
use crate::engine::markdown;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the loop waits for input before checking signals again.
const POLL: Duration = Duration::from_millis(50);

pub struct Options {
    /// Capture the mouse (off with `--no-mouse`).
    pub mouse: bool,
    /// Where answers are saved between sessions.
    pub answers_path: PathBuf,
    /// Where exported routines are written.
    pub export_dir: PathBuf,
}

/// Runs the app until the person quits.
pub fn run(store: Store, options: Options) -> Exit {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "backchain: the app needs a terminal; for scripts use `backchain quiz`, `backchain search` or `backchain compare`"
        );
        return Exit::Usage;
    }
    let restored = save::restore(&options.answers_path, &store.questionnaire);
    let mut app = App::new(store, restored.answers, Theme::from_env());
    if let Some(notice) = restored.notice {
        app.error(notice);
    }

    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), options.mouse);

    let mut terminal = ratatui::init();
    let mouse = options.mouse;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if mouse {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
        }
        previous(info);
    }));
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }

    let result = event_loop(&mut terminal, &mut app, &options, &stop);

    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    match result {
        Ok(()) => Exit::Ok,
        Err(e) => {
            eprintln!("backchain: terminal error: {e}");
            Exit::Usage
        }
    }
}

/// How long the loop gets to wind down by itself after SIGTERM/SIGHUP before the terminal is restored
/// from the signal thread.
const GRACE: Duration = Duration::from_millis(500);

/// SIGTERM and SIGHUP ask the loop to stop. If it cannot (it may be blocked reading a terminal that has
/// gone away), the terminal is restored from here and the process exits.
fn watch_signals(stop: Arc<AtomicBool>, mouse: bool) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
        Ok(signals) => signals,
        Err(e) => {
            eprintln!("backchain: cannot watch for SIGTERM/SIGHUP: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            if mouse {
                let _ = execute!(std::io::stdout(), DisableMouseCapture);
            }
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &Options,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    // Draw only when something happened: idle, the app uses no CPU.
    let mut dirty = true;
    while app.running && !stop.load(Ordering::Relaxed) {
        if dirty {
            let size = terminal.size()?;
            app.size = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            app.settle();
            terminal.draw(|frame| view::render(app, frame))?;
            dirty = false;
        }
        if !event::poll(POLL)? {
            continue;
        }
        dirty = true;
        // Handle everything already queued before drawing again, so fast typing is coalesced.
        loop {
            let event = event::read()?;
            if let Some(action) = to_action(app, event) {
                update(app, action);
                run_effects(terminal, app, options)?;
            }
            if !app.running || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::map_key(app.key_context(), key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            _ => None,
        },
        _ => None,
    }
}

fn run_effects(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &Options,
) -> std::io::Result<()> {
    let effects: Vec<Effect> = app.effects.drain(..).collect();
    for effect in effects {
        match effect {
            Effect::SaveAnswers => {
                if let Err(e) = save::save(
                    &options.answers_path,
                    &app.answers,
                    &app.store.questionnaire,
                ) {
                    app.error(format!(
                        "could not save answers to {}: {e}. They are kept while the app stays open.",
                        options.answers_path.display()
                    ));
                }
            }
            Effect::ExportRoutine => export(app, options),
            Effect::Suspend => suspend(terminal, options.mouse)?,
        }
    }
    Ok(())
}

/// Writes the routine sheet to a new file in the export folder (never over an existing one).
fn export(app: &mut App, options: &Options) {
    if app.report.has_red_flags() {
        app.error("No routine to export while a red flag is present; please see a clinician.");
        return;
    }
    if app.report.routine.is_none() {
        app.info("No routine yet: answer more questions first.");
        return;
    }
    let sheet = markdown::render(&app.store, &app.report);
    let path = (1..1000)
        .map(|n| {
            let name = if n == 1 {
                String::from("backchain-routine.md")
            } else {
                format!("backchain-routine-{n}.md")
            };
            options.export_dir.join(name)
        })
        .find(|p| !p.exists());
    let Some(path) = path else {
        app.error(format!(
            "too many backchain-routine files in {}",
            options.export_dir.display()
        ));
        return;
    };
    match save::write_atomic(&path, sheet.as_bytes()) {
        Ok(()) => app.info(format!("Routine saved to {}", path.display())),
        Err(e) => app.error(format!("could not write {}: {e}", path.display())),
    }
}

/// Ctrl-Z: give the terminal back, stop, and take it again when resumed (`fg`).
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    execute!(std::io::stdout(), LeaveAlternateScreen)?;
    disable_raw_mode()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Execution continues here after SIGCONT.
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    terminal.clear()
}
