//! The event loop and terminal hygiene: raw mode, alternate screen and mouse capture on entry; restored
//! on exit, on panic, on every terminating signal, and around Ctrl-Z.

use super::action::Action;
use super::app::{App, Effect, Overlay};
use super::keys;
use super::loader::{Loaded, Loader};
use super::loading::{self, Loading};
use super::save;
use super::screens::{Msg, Record};
use super::theme::Theme;
use super::ui::Scroll;
use super::update::update;
use super::view;
use crate::content::{LoadProgress, Store};
use crate::journal::{Journal, SessionId};
use crate::text;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{BufWriter, IsTerminal, Stdout};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The terminal, drawing through a buffer that holds a whole frame: stdout's own holds 1 KiB, so a
/// large frame went out in a dozen or more writes, which a terminal may show half drawn. Each
/// `draw` flushes it, so a frame is one write.
type AppTerminal = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Bytes buffered per frame: a full 200×60 frame with colours fits several times over.
const FRAME_BUFFER: usize = 256 * 1024;

pub struct Options {
    /// Capture the mouse (off with `--no-mouse`).
    pub mouse: bool,
    /// Where answers are saved between sessions.
    pub answers_path: PathBuf,
    /// Where exported routines are written.
    pub export_dir: PathBuf,
    /// Where they go when `export_dir` cannot take them.
    pub fallback_export_dir: PathBuf,
    /// Draw without colours (theme "mono", `NO_COLOR`).
    pub no_colour: bool,
    /// Shown in the status bar at start (a config file that could not be used).
    pub notice: Option<String>,
    /// The journal sessions are written to (created by the first session).
    pub journal: PathBuf,
    /// Ring the terminal bell at the end of each set and rest.
    pub bell: bool,
    /// Animations allowed (gauges move between whole seconds).
    pub motion: bool,
    /// Figures drawn in braille (else half blocks).
    pub braille: bool,
    /// Seconds of the get-ready countdown before each exercise.
    pub get_ready: u32,
}

/// Writes a message to stderr through the printable gate (nowhere left to report a failure).
fn emit_err(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr()
        .lock()
        .write_all(text::printable(text).as_bytes());
}

/// Runs the app until the person quits, loading the content with `load` on a thread of its own
/// meanwhile: the first frame is drawn at once, with the load's progress, unless the content is ready
/// within [`super::loader::GRACE`] (or is a small store nearly ready). Gives back `load`'s refusal (a store with problems) after restoring the
/// terminal, for the caller to report. An error means the app could not run or the terminal failed; the
/// terminal is restored either way.
pub fn run<E: Send + 'static>(
    load: impl FnOnce(&LoadProgress) -> Result<Store, E> + Send + 'static,
    options: Options,
) -> std::io::Result<Result<(), E>> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // As ever: problems in the content are said before this.
        if let Err(refused) = load(&LoadProgress::new()) {
            return Ok(Err(refused));
        }
        return Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "the app needs a terminal; for scripts use `backchain quiz`, `backchain search` or `backchain compare`",
        ));
    }
    let loader = Loader::start(load)?;
    // A store that loads at once opens straight on its screens, without a loading frame flashing by.
    let early = match loader.wait_first_frame()? {
        // Nor does a store with problems enter the terminal only to leave it again.
        Some(Err(refused)) => return Ok(Err(refused)),
        early => early,
    };

    let mouse = options.mouse;
    let screen = Arc::new(Mutex::new(Screen { restored: false }));
    watch_signals(Arc::clone(&screen), mouse);

    // `init` enters raw mode and the alternate screen and installs the restoring panic hook; its
    // terminal writes through stdout's small buffer, so drawing goes through a frame-sized one.
    drop(ratatui::init());
    let backend = CrosstermBackend::new(BufWriter::with_capacity(FRAME_BUFFER, std::io::stdout()));
    let mut terminal = match Terminal::new(backend) {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            return Err(e);
        }
    };
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_input(mouse);
        previous(info);
    }));
    take_input(mouse);

    let mut loading = Loading::new(Theme::new(options.no_colour));
    let loaded = match early {
        Some(done) => Ok(Some(done)),
        None => loading_loop(&mut terminal, &loader, &mut loading, &screen, mouse),
    };
    let result = match loaded {
        Ok(Some(Ok(loaded))) => open(&mut terminal, loaded, &loading, &options, &screen).map(Ok),
        Ok(Some(Err(refused))) => Ok(Err(refused)),
        // Quit while loading: the load is abandoned.
        Ok(None) => Ok(Ok(())),
        Err(e) => Err(e),
    };

    let mut guard = lock(&screen);
    restore_terminal(mouse);
    guard.restored = true;
    result
}

/// Draws the loading frame until the load ends (its result) or the person quits (`None`). Wakes every
/// [`loading::REDRAW`] to move the gauge, only while loading.
fn loading_loop<E: Send + 'static>(
    terminal: &mut AppTerminal,
    loader: &Loader<E>,
    loading: &mut Loading,
    screen: &Mutex<Screen>,
    mouse: bool,
) -> std::io::Result<Option<Result<Loaded, E>>> {
    loop {
        if let Some(done) = loader.wait(Duration::ZERO)? {
            return Ok(Some(done));
        }
        {
            let _drawing = lock(screen);
            loading.progress = loader.progress();
            terminal.draw(|frame| loading::draw(loading, frame))?;
        }
        if !event::poll(loading::REDRAW)? {
            continue;
        }
        // Everything already queued, before drawing again.
        loop {
            let event = event::read()?;
            if let Some(size) = resized(&event) {
                loading.size = size;
            }
            if let Some(action) = to_action(&loading.key_context(), event) {
                let _handling = lock(screen);
                loading.update(action);
                for effect in loading.effects.drain(..) {
                    if effect == Effect::Suspend {
                        suspend(terminal, mouse)?;
                    }
                }
            }
            if !loading.running {
                return Ok(None);
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Opens the app on the loaded content, on the screen the person switched to while it loaded, and runs
/// it until the person quits.
fn open(
    terminal: &mut AppTerminal,
    loaded: Loaded,
    loading: &Loading,
    options: &Options,
    screen: &Mutex<Screen>,
) -> std::io::Result<()> {
    let opened = save::open(&options.answers_path, &loaded.store.questionnaire);
    let save_to = opened.restored.save_to.clone();
    let mut app = App::with_search(
        loaded.store,
        loaded.search,
        opened.restored.answers.clone(),
        Theme::new(options.no_colour),
    );
    app.motion = options.motion;
    app.braille = options.braille;
    app.session.get_ready = options.get_ready;
    app.size = loading.size;
    if loading.screen != app.screen {
        app.handle(vec![Msg::Goto(loading.screen)]);
    }
    if loading.help.is_some() {
        app.overlay = Some(Overlay::Help(Scroll::default()));
    }
    let (journal, journal_notice) = open_journal(&options.journal, false);
    if let Some(journal) = &journal {
        match journal.events(None) {
            Ok(events) => app.events = events,
            Err(e) => app.error(format!("{e}. Progress cannot be shown.")),
        }
    }
    let notices: Vec<&str> = options
        .notice
        .iter()
        .chain(&opened.restored.notice)
        .chain(&journal_notice)
        .map(String::as_str)
        .collect();
    // What the person must read stays on screen until dismissed; otherwise a first run opens on the
    // introduction.
    let intro_seen = intro_marker(&options.answers_path);
    if !notices.is_empty() {
        app.important(notices.join("\n\n"));
    } else if !intro_seen.exists() && !options.answers_path.exists() {
        app.show_intro();
    }

    let mut session = Session {
        answers_path: options.answers_path.clone(),
        save_to,
        export_dir: options.export_dir.clone(),
        fallback_export_dir: options.fallback_export_dir.clone(),
        mouse: options.mouse,
        journal_path: options.journal.clone(),
        journal,
        session_id: None,
        bell: options.bell,
        origin: Instant::now(),
    };
    let result = event_loop(terminal, &mut app, &mut session, screen);
    // The answers' lock is held until the app ends.
    drop(opened);
    result
}

/// The file whose presence says the introduction was read, beside the answers.
fn intro_marker(answers: &Path) -> PathBuf {
    answers
        .parent()
        .map_or_else(|| PathBuf::from("intro-seen"), |dir| dir.join("intro-seen"))
}

/// What the event loop needs beyond the app: where answers and exports go, the journal, the bell and
/// the monotonic clock timers run on.
struct Session {
    answers_path: PathBuf,
    save_to: Option<PathBuf>,
    export_dir: PathBuf,
    fallback_export_dir: PathBuf,
    mouse: bool,
    journal_path: PathBuf,
    /// Open once it exists (read at start) or once a session starts (created then).
    journal: Option<Journal>,
    /// The journal's row of the session running now.
    session_id: Option<SessionId>,
    bell: bool,
    origin: Instant,
}

impl Session {
    /// Milliseconds since the app started, on the monotonic clock.
    fn now(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// Opens the journal at `path`: only when it exists, unless `create`. Returns it (if usable) and what
/// the person must be told (a file set aside, a journal that cannot be used).
fn open_journal(path: &Path, create: bool) -> (Option<Journal>, Option<String>) {
    if !create && !path.exists() {
        return (None, None);
    }
    match Journal::open(path) {
        Ok((journal, None)) => (Some(journal), None),
        Ok((journal, Some(set_aside))) => (
            Some(journal),
            Some(format!("{set_aside}. A new, empty journal was started.")),
        ),
        Err(e) => (
            None,
            Some(format!(
                "{e}. Sessions can still be done, but they are not saved until this is fixed."
            )),
        ),
    }
}

/// The terminal as the loop and the signal thread share it. The loop holds the lock while it draws or
/// handles an event, never while it waits for input; the signal thread takes it to restore the terminal,
/// so a restore never lands in the middle of a frame or a save.
struct Screen {
    restored: bool,
}

fn lock(screen: &Mutex<Screen>) -> std::sync::MutexGuard<'_, Screen> {
    // A panic while drawing poisons the lock; the terminal still needs restoring.
    screen
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Normal screen, cooked mode, cursor shown, mouse released.
fn restore_terminal(mouse: bool) {
    give_back_input(mouse);
    // A terminal that hung up cannot be restored, and there is nobody to tell.
    let _ = ratatui::try_restore();
}

/// Every signal whose default action ends the process (and that a handler may catch): an external
/// `kill -INT`, `-QUIT`, `-USR1`, `-ALRM` … restores the terminal like SIGTERM and SIGHUP do.
fn terminating_signals() -> Vec<i32> {
    let mut signals = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGABRT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGTERM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGXFSZ,
        libc::SIGSYS,
        libc::SIGIO,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    signals.extend([libc::SIGPWR, libc::SIGSTKFLT]);
    signals
}

/// On a terminating signal: wait for the frame or event in hand, restore the terminal, and exit with the
/// shell's status for that signal, 128 + its number. Nothing waits for the loop to notice: it may be
/// blocked reading a terminal that has gone away.
fn watch_signals(screen: Arc<Mutex<Screen>>, mouse: bool) {
    let mut signals = match signal_hook::iterator::Signals::new(terminating_signals()) {
        Ok(signals) => signals,
        Err(e) => {
            emit_err(&format!(
                "backchain: cannot watch for signals ({e}); a kill may leave the terminal in raw mode\n"
            ));
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let guard = lock(&screen);
            if !guard.restored {
                restore_terminal(mouse);
            }
            // The shell's convention for a process ended by a signal.
            std::process::exit(128 + signal.clamp(1, 127));
        }
    });
}

fn event_loop(
    terminal: &mut AppTerminal,
    app: &mut App,
    session: &mut Session,
    screen: &Mutex<Screen>,
) -> std::io::Result<()> {
    while app.running {
        {
            let _drawing = lock(screen);
            app.now = session.now();
            terminal.draw(|frame| view::draw(app, frame))?;
        }
        // Wait for input, with no timeout while nothing moves: idle or paused, the app uses no CPU.
        // While a session runs, wake when its next second (or gauge step) is due; while the search
        // thread works, each frame, to show its answer. Signals are handled on their own thread, so
        // nothing else needs waking up.
        if let Some(wait) = app.wake_in()
            && !event::poll(wait)?
        {
            let _handling = lock(screen);
            app.now = session.now();
            app.tick();
            run_effects(terminal, app, session)?;
            continue;
        }
        let mut event = event::read()?;
        // Handle everything already queued before drawing again, so fast typing is coalesced.
        loop {
            if let Some(input) = input_of(&app.key_context(), event) {
                let _handling = lock(screen);
                app.now = session.now();
                app.tick();
                match input {
                    Input::Act(action) => {
                        update(app, action);
                    }
                    Input::Paste(text) => super::update::paste(app, &text),
                    // A key that follows a resize is read in the new size (too small, or not any more).
                    Input::Resize(size) => app.resize(size),
                }
                run_effects(terminal, app, session)?;
            }
            if !app.running || !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
    }
    Ok(())
}

/// The terminal's new size, for a resize event.
fn resized(event: &Event) -> Option<ratatui::layout::Rect> {
    match event {
        Event::Resize(width, height) => Some(ratatui::layout::Rect::new(0, 0, *width, *height)),
        _ => None,
    }
}

/// What an event asks of the app.
enum Input {
    Act(Action),
    Paste(String),
    Resize(ratatui::layout::Rect),
}

fn input_of(keys: &keys::KeyContext, event: Event) -> Option<Input> {
    match event {
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::Resize(..) => resized(&event).map(Input::Resize),
        other => to_action(keys, other).map(Input::Act),
    }
}

fn to_action(keys: &keys::KeyContext, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keys::map_key(keys, key),
        // Nothing is drawn to click on in a window too small for the app.
        Event::Mouse(_) if keys.mode() == Some(keys::Mode::TooSmall) => None,
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
    terminal: &mut AppTerminal,
    app: &mut App,
    session: &mut Session,
) -> std::io::Result<()> {
    let effects: Vec<Effect> = app.effects.drain(..).collect();
    for effect in effects {
        match effect {
            Effect::SaveAnswers => {
                let Some(path) = &session.save_to else {
                    continue;
                };
                if let Err(e) = save::save(path, &app.answers, &app.store.questionnaire) {
                    app.error(format!(
                        "could not save answers to {}: {e}. They are kept while the app stays open.",
                        text::path(path)
                    ));
                }
            }
            Effect::ExportRoutine => export(app, session),
            Effect::ExportProgress(text) => export_progress(app, session, &text),
            Effect::Record(record) => write_journal(app, session, record),
            Effect::Bell => {
                if session.bell {
                    use std::io::Write as _;
                    let mut out = std::io::stdout().lock();
                    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                }
            }
            Effect::Suspend => suspend(terminal, session.mouse)?,
            Effect::IntroSeen => {
                // Only a nicety: without the marker the introduction shows again next time.
                let marker = intro_marker(&session.answers_path);
                if let Some(dir) = marker.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = crate::files::write_new(&marker, b"The introduction has been read.\n");
            }
        }
    }
    Ok(())
}

/// Writes one session event or a retest to the journal (one transaction), opening or creating it for a
/// session's start or a retest; after a session's end or a retest, reads the journal again for the
/// screens. A failure is said once, and the session goes on unsaved.
fn write_journal(app: &mut App, session: &mut Session, record: Record) {
    if matches!(record, Record::Start { .. } | Record::Retest { .. }) && session.journal.is_none() {
        let (journal, notice) = open_journal(&session.journal_path, true);
        session.journal = journal;
        if let Some(notice) = notice {
            app.important(notice);
        }
    }
    let Some(journal) = session.journal.as_mut() else {
        return;
    };
    let at = crate::date::unix_now();
    let written = match record {
        Record::Start { pain } => journal.start_session(at, pain).map(|id| {
            session.session_id = Some(id);
        }),
        Record::Exercise { exercise, outcome } => match session.session_id {
            Some(id) => journal.add_exercise(id, at, &exercise, outcome).map(drop),
            None => Ok(()),
        },
        Record::End { pain, note } => match session.session_id.take() {
            Some(id) => journal.end_session(id, at, pain, &note).and_then(|()| {
                app.events = journal.events(None)?;
                Ok(())
            }),
            None => Ok(()),
        },
        Record::Retest { values, stories } => {
            let written = journal
                .batch(|j| {
                    for (measure, value) in &values {
                        j.add_retest(at, measure.id(), value.value())?;
                    }
                    for (story, percent) in &stories {
                        j.add_retest(at, story, percent.value())?;
                    }
                    Ok(())
                })
                .and_then(|()| journal.events(None));
            match written {
                Ok(events) => app.events = events,
                // The journal stays open for a session: only this retest is lost, and said so.
                Err(e) => app.important(format!("{e}. The retest was not recorded.")),
            }
            return;
        }
    };
    if let Err(e) = written {
        app.important(format!(
            "{e}. The session goes on, but from here it is not saved."
        ));
        session.journal = None;
        session.session_id = None;
    }
}

/// Writes the progress summary, its charts as text and the routine sheet to a new file in the export
/// folder (never over an existing one), or to the fallback folder when that one cannot take it.
fn export_progress(app: &mut App, session: &Session, text: &str) {
    match crate::export::write_sheet(
        &session.export_dir,
        &session.fallback_export_dir,
        "backchain-progress",
        text,
    ) {
        Ok(written) => app.info(written.to_string()),
        Err(e) => app.error(e.to_string()),
    }
}

/// Writes the routine sheet to a new file in the export folder (never over an existing one), or to the
/// fallback folder when that one cannot take it.
fn export(app: &mut App, session: &Session) {
    if app.report.has_red_flags() {
        app.error("No routine to export while a red flag is present; please see a clinician.");
        return;
    }
    if app.report.routine.is_none() {
        app.info("No routine yet: answer more questions first.");
        return;
    }
    let today = crate::date::Date::today().to_string();
    let sheet =
        crate::engine::present::sheet(&app.store, &app.report, &app.events, &today).to_markdown();
    match crate::export::write_sheet(
        &session.export_dir,
        &session.fallback_export_dir,
        "backchain-routine",
        &sheet,
    ) {
        Ok(written) => app.info(written.to_string()),
        Err(e) => app.error(e.to_string()),
    }
}

/// Ctrl-Z: give the terminal back, stop, and take it again when resumed (`fg`).
fn suspend(terminal: &mut AppTerminal, mouse: bool) -> std::io::Result<()> {
    give_back_input(mouse);
    execute!(std::io::stdout(), LeaveAlternateScreen)?;
    disable_raw_mode()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Execution continues here after SIGCONT.
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    take_input(mouse);
    terminal.clear()
}

/// What the app asks of the terminal beyond raw mode and the alternate screen: a paste as one event
/// (so pasted text is never read as keys), and the mouse unless `--no-mouse`.
fn take_input(mouse: bool) {
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
}

/// Gives back what [`take_input`] asked for.
fn give_back_input(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
}
