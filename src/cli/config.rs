//! `backchain config path|show|init`, and the settings read by every run that uses them (the app,
//! `--show-paths`): the config file, the flags and `NO_COLOR`, with a warning when the file is unusable.

use super::output::{self, Exit, emit, emit_err};
use super::{Cli, ConfigAction};
use crate::config::{self, Found, Overrides, Settings, ThemeName};
use crate::{files, paths, text};
use std::path::PathBuf;

/// The settings for this run and the file they were read from.
pub struct Loaded {
    pub path: PathBuf,
    pub found: Found,
    pub settings: Settings,
}

impl Loaded {
    /// What to print on stderr when the file could not be used (the run goes on with the defaults).
    pub fn warning(&self) -> Option<String> {
        let shown = text::path(&self.path);
        match &self.found {
            Found::Missing | Found::Read(_) => None,
            Found::Unreadable(why) => Some(format!(
                "backchain: cannot read config file {shown}: {why}; using the default settings\n"
            )),
            Found::Problems(problems) => {
                let n = problems.len();
                Some(format!(
                    "{}backchain: config file {shown} has {} problem{}; using the default settings until {} fixed (`backchain config show` checks it)\n",
                    output::problem_lines(problems),
                    output::thousands(n),
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it is" } else { "they are" },
                ))
            }
        }
    }

    /// The same, in one line for the app's status bar.
    pub fn notice(&self) -> Option<String> {
        match &self.found {
            Found::Missing | Found::Read(_) => None,
            Found::Unreadable(why) => Some(format!(
                "cannot read config file {}: {why}; using the default settings",
                text::path(&self.path)
            )),
            Found::Problems(problems) => problems
                .first()
                .map(|first| format!("{first}; using the default settings")),
        }
    }

    pub fn no_colour(&self) -> bool {
        self.settings.theme.value == ThemeName::Mono
    }
}

/// Reads the config file and applies the flags and the environment over it.
pub fn load(cli: &Cli) -> Loaded {
    let path = paths::config_file();
    let found = config::load(&path, paths::home_dir().as_deref());
    let over = Overrides {
        theme: cli.theme,
        export_dir: cli
            .export_dir
            .as_ref()
            .map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.clone())),
        no_mouse: cli.no_mouse,
        quiet: cli.quiet,
        no_motion: cli.no_motion,
        no_braille: cli.no_braille,
        only: !cli.only.is_empty(),
        no_color: config::no_color_env(),
    };
    let current_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let file = match &found {
        Found::Read(config) => Some(config),
        _ => None,
    };
    let settings = config::resolve(file, &over, &current_dir);
    Loaded {
        path,
        found,
        settings,
    }
}

pub fn run(cli: &Cli, action: ConfigAction) -> Exit {
    match action {
        ConfigAction::Path => emit(&format!("{}\n", text::path(&paths::config_file()))),
        ConfigAction::Show => show(cli),
        ConfigAction::Init => init(),
    }
}

/// The effective settings, as TOML with where each comes from; exit 1 when the file has problems.
fn show(cli: &Cli) -> Exit {
    let loaded = load(cli);
    let state = match &loaded.found {
        Found::Missing => "not found; `backchain config init` writes one",
        Found::Read(_) => "read",
        Found::Unreadable(_) => "cannot be read, so not used",
        Found::Problems(_) => "has problems, so not used",
    };
    if let Some(warning) = loaded.warning() {
        emit_err(&warning);
    }
    let exit = emit(&format!(
        "# config file: {} ({state})\n{}",
        text::path(&loaded.path),
        loaded.settings.to_toml()
    ));
    match loaded.found {
        Found::Unreadable(_) | Found::Problems(_) if exit == Exit::Ok => Exit::Problems,
        _ => exit,
    }
}

/// Writes the commented default file, never over an existing one.
fn init() -> Exit {
    let path = paths::config_file();
    let shown = text::path(&path);
    let exists = || {
        emit_err(&format!(
            "backchain: {shown} already exists and was left as it is; `backchain config show` prints what it sets\n"
        ));
        Exit::Usage
    };
    if path.symlink_metadata().is_ok() {
        return exists();
    }
    match files::write_new(&path, config::TEMPLATE.as_bytes()) {
        Ok(()) => emit(&format!(
            "Wrote {shown}: every key commented out at its default\n"
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => exists(),
        Err(e) => {
            emit_err(&format!("backchain: cannot write {shown}: {e}\n"));
            Exit::Usage
        }
    }
}
