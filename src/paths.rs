//! Where backchain reads content and settings from and saves state and exports to.

use crate::content::Origin;
use etcetera::BaseStrategy;
use std::path::{Path, PathBuf};

/// Environment variable naming a content folder (same as `--content`; empty means the built-in store).
pub const CONTENT_ENV: &str = "BACKCHAIN_CONTENT";
/// Environment variable naming the folder where answers are saved.
pub const STATE_ENV: &str = "BACKCHAIN_STATE_DIR";
/// Environment variable naming the config file (tests, or a second set of settings).
pub const CONFIG_ENV: &str = "BACKCHAIN_CONFIG";
/// Environment variable naming the journal database (same as `backchain journal --journal`).
pub const JOURNAL_ENV: &str = "BACKCHAIN_JOURNAL";

/// A variable's value, when it is set to something.
fn from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The content store to read: the folder given with `--content`, else `$BACKCHAIN_CONTENT` when it is
/// set and not empty, else the built-in one.
pub fn content_origin(dir: Option<PathBuf>) -> Origin {
    match dir.or_else(|| from_env(CONTENT_ENV)) {
        Some(dir) => Origin::Dir(dir),
        None => Origin::Embedded,
    }
}

/// Folder for saved answers: `$BACKCHAIN_STATE_DIR`, else the XDG state folder (`$XDG_STATE_HOME` when it
/// is an absolute path, as the XDG spec asks, else `~/.local/state`) + `backchain`, else `./.backchain`
/// when there is no home folder.
pub fn state_dir() -> PathBuf {
    if let Some(dir) = from_env(STATE_ENV) {
        return dir;
    }
    etcetera::choose_base_strategy()
        .ok()
        .and_then(|base| base.state_dir())
        .filter(|dir| dir.is_absolute())
        .map_or_else(|| PathBuf::from(".backchain"), |dir| dir.join("backchain"))
}

/// Folder for data the person made (the journal): the XDG data folder (`$XDG_DATA_HOME` when it is an
/// absolute path, else `~/.local/share`) + `backchain`, else `./.backchain` when there is no home folder
/// (as for [`state_dir`]).
pub fn data_dir() -> PathBuf {
    etcetera::choose_base_strategy()
        .ok()
        .map(|base| base.data_dir())
        .filter(|dir| dir.is_absolute())
        .map_or_else(|| PathBuf::from(".backchain"), |dir| dir.join("backchain"))
}

/// The journal database: the file given with `--journal`, else `$BACKCHAIN_JOURNAL` when it is set and
/// not empty, else `journal.sqlite3` in [`data_dir`].
pub fn journal_file(file: Option<PathBuf>) -> PathBuf {
    file.or_else(|| from_env(JOURNAL_ENV))
        .unwrap_or_else(|| data_dir().join("journal.sqlite3"))
}

/// The config file: `$BACKCHAIN_CONFIG`, else the XDG config folder (`$XDG_CONFIG_HOME` when it is an
/// absolute path, else `~/.config`) + `backchain/config.toml`, else `./.backchain/config.toml` when there is
/// no home folder (as for [`state_dir`]).
pub fn config_file() -> PathBuf {
    if let Some(file) = from_env(CONFIG_ENV) {
        return file;
    }
    etcetera::choose_base_strategy()
        .ok()
        .map(|base| base.config_dir())
        .filter(|dir| dir.is_absolute())
        .map_or_else(|| PathBuf::from(".backchain"), |dir| dir.join("backchain"))
        .join("config.toml")
}

/// Where exported routine sheets go when the chosen folder cannot take them: `exports/` in the state
/// folder.
pub fn fallback_export_dir() -> PathBuf {
    state_dir().join("exports")
}

/// The person's home folder, for `~/` in the config file: only an absolute one counts.
pub fn home_dir() -> Option<PathBuf> {
    etcetera::home_dir().ok().filter(|home| home.is_absolute())
}

/// The saved answers file of a store. The built-in store's is `answers.toml`; a folder's is named after
/// the folder and a hash of its full path (`answers-my-content-1f2e….toml`), so answers to one store
/// never meet another store's questions.
pub fn answers_file(origin: &Origin) -> PathBuf {
    state_dir().join(answers_file_name(origin))
}

fn answers_file_name(origin: &Origin) -> String {
    let Origin::Dir(dir) = origin else {
        return String::from("answers.toml");
    };
    let full = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.clone());
    let name: String = folder_name(&full)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(32)
        .collect();
    let name = match name.trim_matches('-') {
        "" => "store",
        name => name,
    };
    let hash = fnv1a(full.as_os_str().as_encoded_bytes());
    format!("answers-{name}-{hash:016x}.toml")
}

fn folder_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || String::from("store"),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike the standard library's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_store_has_its_own_answers_file() {
        assert_eq!(answers_file_name(&Origin::Embedded), "answers.toml");
        let a = answers_file_name(&Origin::Dir(PathBuf::from("/no/such/My Store")));
        let b = answers_file_name(&Origin::Dir(PathBuf::from("/no/other/My Store")));
        assert!(
            a.starts_with("answers-my-store-") && a.ends_with(".toml"),
            "{a}"
        );
        assert_ne!(a, b);
        let odd = answers_file_name(&Origin::Dir(PathBuf::from("/x/\u{1b}]0;t\u{7}")));
        assert!(odd.chars().all(|c| c.is_ascii_graphic()), "{odd}");
    }
}
