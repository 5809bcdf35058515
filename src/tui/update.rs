//! The one place state changes: `update(app, action)` handles what is global and hands the rest to the
//! open screen.

use super::action::{Action, Screen};
use super::app::{App, Effect};
use super::layout;
use super::state;

pub fn update(app: &mut App, action: Action) {
    // A status message lasts until the next key press; the wheel does not dismiss it.
    if !matches!(action, Action::ScrollUp { .. } | Action::ScrollDown { .. }) {
        app.status = None;
    }
    match action {
        Action::Quit => app.running = false,
        Action::Suspend => app.effects.push(Effect::Suspend),
        Action::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        _ if app.help.is_some() => help_scroll(app, action),
        Action::Goto(Screen::Questionnaire) if app.screen != Screen::Questionnaire => {
            app.screen = Screen::Questionnaire;
            state::questionnaire::resume(app);
        }
        Action::Goto(screen) => app.screen = screen,
        Action::Click { column, row }
            if row == layout::frame(app.size).tabs.y && !layout::too_small(app.size) =>
        {
            if let Some(screen) = layout::tab_at(app.size, column) {
                app.screen = screen;
            }
        }
        _ => match app.screen {
            Screen::Questionnaire => state::questionnaire::update(app, action),
            Screen::Results => state::results::update(app, action),
            Screen::Compare => state::compare::update(app, action),
            Screen::Exercises => state::exercises::update(app, action),
            Screen::Library => state::library::update(app, action),
        },
    }
}

fn help_scroll(app: &mut App, action: Action) {
    let Some(scroll) = app.help.as_mut() else {
        return;
    };
    match action {
        Action::Down | Action::ScrollDown { .. } => *scroll = scroll.saturating_add(1),
        Action::Up | Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        _ => {}
    }
}
