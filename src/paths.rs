//! Where backchain reads content from and saves state to.

use crate::content::Origin;
use std::path::PathBuf;

/// Environment variable naming a content folder (same as `--content`).
pub const CONTENT_ENV: &str = "BACKCHAIN_CONTENT";
/// Environment variable naming the folder where answers are saved.
pub const STATE_ENV: &str = "BACKCHAIN_STATE_DIR";

/// The content store to read: the folder given, or the built-in one.
pub fn content_origin(dir: Option<PathBuf>) -> Origin {
    match dir {
        Some(dir) => Origin::Dir(dir),
        None => Origin::Embedded,
    }
}

/// Folder for saved answers: `$BACKCHAIN_STATE_DIR`, else `$XDG_STATE_HOME/backchain`,
/// else `~/.local/state/backchain`, else `./.backchain` when there is no home.
pub fn state_dir() -> PathBuf {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = from_env(STATE_ENV) {
        return dir;
    }
    if let Some(dir) = from_env("XDG_STATE_HOME") {
        return dir.join("backchain");
    }
    if let Some(home) = from_env("HOME") {
        return home.join(".local").join("state").join("backchain");
    }
    PathBuf::from(".backchain")
}

/// The saved answers file.
pub fn answers_file() -> PathBuf {
    state_dir().join("answers.toml")
}
