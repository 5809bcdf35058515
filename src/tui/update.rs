//! The one place state changes: `update(app, action)` handles what is global (quitting, overlays, screen
//! switching) and hands the rest to the open screen, whose messages the app then handles.

use super::action::{Action, Screen};
use super::app::{App, Effect, Overlay, context};
use super::layout;
use super::screens::Msg;

/// The most of a paste that is typed: more than any box holds (a note takes 500 characters).
pub const PASTE_MAX_CHARS: usize = 1_000;

/// Text pasted into the terminal (which sends it as one event, never as keys): typed into the box that
/// has focus, a line break as a space, as if each character were pressed; with no box open, nothing
/// takes it and the status line says so (pasted letters must not act as keys: answer a question, quit).
pub fn paste(app: &mut App, text: &str) {
    if !app.key_context().typing() {
        app.info("Pasted text goes into a search box, a note or the retest form: open one first. Nothing changed.");
        return;
    }
    let chars = text.chars().filter(|c| *c != '\r').take(PASTE_MAX_CHARS);
    for c in chars {
        let c = if c.is_whitespace() { ' ' } else { c };
        update(app, Action::Input(c));
    }
}

/// Applies an action. Returns whether it meant anything here: `false` when the open screen had no use
/// for it in its present state (tests use this to check that every key the table lists does something).
pub fn update(app: &mut App, action: Action) -> bool {
    // The journal may have been read again since the last frame.
    app.refresh_current();
    // A status message lasts until the next key press; the wheel does not dismiss it.
    if !matches!(action, Action::ScrollUp { .. } | Action::ScrollDown { .. }) {
        app.status = None;
    }
    match action {
        Action::Quit => {
            // What a session in progress has done is kept: it ends in the journal as it stands.
            let ctx = context!(app);
            let msgs = app.session.close(&ctx);
            app.handle(msgs);
            app.running = false;
        }
        Action::Suspend => {
            // The session waits while the app is stopped.
            let ctx = context!(app);
            let msgs = app.session.hold(&ctx);
            app.handle(msgs);
            app.effects.push(Effect::Suspend);
        }
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help(_)) => None,
                _ => Some(Overlay::Help(Default::default())),
            }
        }
        _ if app.overlay.is_some() => overlay(app, action),
        Action::ShowIntro => app.show_intro(),
        Action::Goto(screen) => app.handle(vec![Msg::Goto(screen)]),
        Action::Click { column, row }
            if row == layout::frame(app.size).tabs.y && !layout::too_small(app.size) =>
        {
            if let Some(screen) = layout::tab_at(app.size, column) {
                app.handle(vec![Msg::Goto(screen)]);
            }
        }
        _ => {
            let ctx = context!(app);
            let msgs = match app.screen {
                Screen::Questionnaire => app.questionnaire.update(&ctx, action),
                Screen::Results => app.results.update(&ctx, action),
                Screen::Compare => app.compare.update(&ctx, action),
                Screen::Exercises => app.exercises.update(&ctx, action),
                Screen::Library => app.library.update(&ctx, action),
                Screen::Session => app.session.update(&ctx, action),
                Screen::Progress => app.progress.update(&ctx, action),
            };
            let Some(msgs) = msgs else { return false };
            app.handle(msgs);
        }
    }
    true
}

/// Keys while an overlay is open: scroll it, or close it.
fn overlay(app: &mut App, action: Action) {
    let intro = matches!(app.overlay, Some(Overlay::Intro(_)));
    match action {
        Action::Dismiss | Action::Back => {
            if intro {
                app.effects.push(Effect::IntroSeen);
            }
            app.overlay = None;
        }
        _ => {
            let drawn = app.overlay_drawn.take();
            super::overlay::scroll(app, drawn.as_ref(), action);
            app.overlay_drawn = drawn;
        }
    }
}
