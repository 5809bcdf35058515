//! The store cache as the commands keep it: a folder large enough to gain from it is cached, a small one
//! never is (a cache per small folder would only pile up), and the caches (and kept verdicts) of folders
//! that are gone are deleted when the next one is written.

use crate::common;
use backchain::content::synthetic;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

fn check(store: &Path, cache: &Path) -> std::process::Output {
    common::succeeded(
        Command::new(BIN)
            .args(["check", "--timings", "--only"])
            .arg(store)
            .env("BACKCHAIN_CACHE_DIR", cache)
            .env_remove("BACKCHAIN_NO_CACHE")
            .output()
            .unwrap(),
    )
}

/// The cache folder's files, by name.
fn cached(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cache)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn only_a_large_folder_is_cached_and_a_gone_folders_cache_is_deleted() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache");
    let small = home.path().join("small");
    synthetic::write_store(&small, 20).unwrap();
    common::age(&small, 0);
    check(&small, &cache);
    assert_eq!(
        cached(&cache),
        Vec::<String>::new(),
        "a small folder is never cached"
    );

    let large = home.path().join("large");
    synthetic::write_store(&large, backchain::content::cache::MIN_FILES).unwrap();
    common::age(&large, 0);
    check(&large, &cache);
    let first = cached(&cache);
    // The cache, and the checker's verdict kept beside it.
    assert_eq!(first.len(), 2, "{first:?}");
    assert!(
        first[0].starts_with("store-") && first[0].ends_with(".bin"),
        "{first:?}"
    );
    assert!(
        first[1].starts_with("verdict-") && first[1].ends_with(".bin"),
        "{first:?}"
    );

    // Another large folder is cached beside it; once the first folder is gone, its cache goes when the
    // next cache is written.
    let other = home.path().join("other");
    std::fs::rename(&large, &other).unwrap();
    check(&other, &cache);
    let now = cached(&cache);
    assert_eq!(
        now.len(),
        2,
        "the cache and verdict of the folder that is gone are deleted: {now:?}"
    );
    assert!(now.iter().all(|name| !first.contains(name)), "{now:?}");

    // A cached folder that shrinks below the size worth caching loses its cache.
    for name in &common::files_in(&other.join("exercises"))[20..] {
        std::fs::remove_file(name).unwrap();
    }
    check(&other, &cache);
    let left = cached(&cache);
    assert!(
        left.iter().all(|name| !name.starts_with("store-")),
        "the cache of a folder now small is deleted: {left:?}"
    );
}

/// `check --timings`'s line on stderr, from a check of `store` with its cache in `cache`.
fn timings_of(store: &Path, cache: &Path) -> String {
    let stderr = String::from_utf8_lossy(&check(store, cache).stderr).into_owned();
    let line = stderr.lines().find(|l| l.starts_with("load: "));
    line.unwrap_or_else(|| panic!("no timings line in {stderr:?}"))
        .to_owned()
}

#[test]
fn check_timings_names_each_phase_and_the_files_the_cache_gave() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache");
    let store = home.path().join("store");
    synthetic::write_store(&store, backchain::content::cache::MIN_FILES).unwrap();
    common::age(&store, 0);
    // Every file written, as `write_store` writes them.
    let files = synthetic::store_files(backchain::content::cache::MIN_FILES).len();
    let files = backchain::text::thousands(files);
    let cold = timings_of(&store, &cache);
    let warm = timings_of(&store, &cache);
    for line in [&cold, &warm] {
        for phase in ["reading ", "parsing ", "checking "] {
            assert!(line.contains(phase), "{phase:?} in {line:?}");
        }
        assert!(line.contains(" ms in all ("), "{line:?}");
    }
    assert!(
        cold.ends_with(&format!("({files} files, 0 from the store cache)")),
        "{cold:?}"
    );
    assert!(
        warm.ends_with(&format!("({files} files, {files} from the store cache)")),
        "{warm:?}"
    );
}
