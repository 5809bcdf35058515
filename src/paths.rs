//! Where backchain reads content and settings from and saves state and exports to.

use crate::content::{Layers, Origin};
use etcetera::BaseStrategy;
use std::path::{Path, PathBuf};

/// Environment variable naming a content folder layered over the built-in store (as `--content` does, and
/// only when no `--content` is given; empty means none).
pub const CONTENT_ENV: &str = "BACKCHAIN_CONTENT";
/// Environment variable naming the folder where answers are saved.
pub const STATE_ENV: &str = "BACKCHAIN_STATE_DIR";
/// Environment variable naming the config file (tests, or a second set of settings).
pub const CONFIG_ENV: &str = "BACKCHAIN_CONFIG";
/// Environment variable naming the journal database (same as `backchain journal --journal`).
pub const JOURNAL_ENV: &str = "BACKCHAIN_JOURNAL";
/// Where the store cache is kept, instead of the XDG cache folder.
pub const CACHE_ENV: &str = "BACKCHAIN_CACHE_DIR";

/// A variable's value, when it is set to something.
fn from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The content to read, lowest layer first. `only` (the `--only` folders) replaces everything else.
/// Otherwise the built-in store, then the config file's `content_dirs`, then the `--content` folders, or
/// `$BACKCHAIN_CONTENT` when no `--content` is given and it is set and not empty.
pub fn content_layers(content: &[PathBuf], only: &[PathBuf], config_dirs: &[PathBuf]) -> Layers {
    if !only.is_empty() {
        return Layers::new(only.iter().cloned().map(Origin::Dir).collect());
    }
    let mut origins = vec![Origin::Embedded];
    origins.extend(config_dirs.iter().cloned().map(Origin::Dir));
    if content.is_empty() {
        origins.extend(from_env(CONTENT_ENV).map(Origin::Dir));
    } else {
        origins.extend(content.iter().cloned().map(Origin::Dir));
    }
    Layers::new(origins)
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
/// Where the store cache is kept: `$BACKCHAIN_CACHE_DIR`, else `$XDG_CACHE_HOME/backchain` (or
/// `~/.cache/backchain`); `None` when `BACKCHAIN_NO_CACHE` turns it off or no cache folder is known.
/// Safe to delete at any time.
pub fn cache_dir() -> Option<PathBuf> {
    if crate::content::cache::disabled_by_env() {
        return None;
    }
    if let Some(dir) = from_env(CACHE_ENV) {
        return Some(dir);
    }
    etcetera::choose_base_strategy()
        .ok()
        .map(|base| base.cache_dir())
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join("backchain"))
}

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

/// The saved answers file of a set of layers. The built-in store's alone is `answers.toml`; any other is
/// named after its top folder and a hash of every layer, in order (`answers-my-content-1f2e….toml`), so
/// answers to one store never meet another store's questions, and the same layers always find the same
/// file. One folder on its own (`--only DIR`) keeps the name a lone `--content DIR` had before layers.
pub fn answers_file(layers: &Layers) -> PathBuf {
    state_dir().join(answers_file_name(layers))
}

fn answers_file_name(layers: &Layers) -> String {
    let full = |dir: &PathBuf| {
        std::fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .unwrap_or_else(|_| dir.clone())
    };
    let mut top = None;
    let mut hashed: Vec<u8> = Vec::new();
    for (i, origin) in layers.origins().iter().enumerate() {
        if i > 0 {
            hashed.push(0);
        }
        match origin {
            Origin::Embedded => hashed.extend_from_slice(b"\0built-in\0"),
            Origin::Dir(dir) => {
                let dir = full(dir);
                hashed.extend_from_slice(dir.as_os_str().as_encoded_bytes());
                top = Some(dir);
            }
        }
    }
    let Some(top) = top else {
        return String::from("answers.toml");
    };
    let name: String = folder_name(&top)
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
    let hash = fnv1a(&hashed);
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
        let one = |origin: Origin| answers_file_name(&Layers::one(origin));
        assert_eq!(one(Origin::Embedded), "answers.toml");
        let a = one(Origin::Dir(PathBuf::from("/no/such/My Store")));
        let b = one(Origin::Dir(PathBuf::from("/no/other/My Store")));
        assert!(
            a.starts_with("answers-my-store-") && a.ends_with(".toml"),
            "{a}"
        );
        assert_ne!(a, b);
        let odd = one(Origin::Dir(PathBuf::from("/x/\u{1b}]0;t\u{7}")));
        assert!(odd.chars().all(|c| c.is_ascii_graphic()), "{odd}");
        // A lone folder keeps the name it had before layers: the hash of its path alone.
        assert_eq!(
            a,
            format!("answers-my-store-{:016x}.toml", fnv1a(b"/no/such/My Store"))
        );
    }

    #[test]
    fn each_set_of_layers_has_its_own_stable_answers_file() {
        let dir = |p: &str| Origin::Dir(PathBuf::from(p));
        let over = |dirs: &[&str]| {
            let mut origins = vec![Origin::Embedded];
            origins.extend(dirs.iter().map(|d| dir(d)));
            answers_file_name(&Layers::new(origins))
        };
        let layered = over(&["/no/such/mine"]);
        assert!(layered.starts_with("answers-mine-"), "{layered}");
        assert_eq!(
            layered,
            over(&["/no/such/mine"]),
            "the same layers, the same file"
        );
        assert_ne!(
            layered,
            answers_file_name(&Layers::one(dir("/no/such/mine")))
        );
        assert_ne!(
            over(&["/a", "/b"]),
            over(&["/b", "/a"]),
            "order matters: it decides who wins"
        );
        assert_ne!(over(&["/a", "/b"]), over(&["/b"]));
    }

    #[test]
    fn only_replaces_and_content_layers_over_the_config_folders() {
        let dirs = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
        let d = |p: &str| Origin::Dir(PathBuf::from(p));
        let layers = content_layers(&dirs(&["/flag"]), &[], &dirs(&["/conf"]));
        assert_eq!(layers.origins(), [Origin::Embedded, d("/conf"), d("/flag")]);
        let only = content_layers(&dirs(&["/flag"]), &dirs(&["/x", "/y"]), &dirs(&["/conf"]));
        assert_eq!(only.origins(), [d("/x"), d("/y")]);
        assert_eq!(Layers::new(Vec::new()).to_string(), "built-in content");
    }
}
