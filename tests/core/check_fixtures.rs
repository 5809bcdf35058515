//! `backchain check` against bad stores: each fixture in tests/fixtures/invalid/<case> is the valid store
//! with one thing broken, and `expected.txt` beside it holds the exact report.

use crate::common::copy_tree;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs `check` on the valid store overlaid with one case (that store alone, `--only`: not layered over
/// the built-in one); returns (exit code, stdout with the store path as `<store>`).
fn check_case(case: &Path) -> (i32, String) {
    let store = std::env::temp_dir().join(format!(
        "backchain-fixture-{}-{}",
        std::process::id(),
        case.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&store);
    copy_tree(&fixtures().join("valid"), &store, &["expected.txt"]);
    copy_tree(case, &store, &["expected.txt"]);
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["check", "--only"])
        .arg(&store)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&store);
    let stdout = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&store.display().to_string(), "<store>");
    (out.status.code().unwrap_or(-1), stdout)
}

#[test]
fn valid_store_passes() {
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["check", "--only"])
        .arg(fixtures().join("valid"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn every_invalid_fixture_reports_exactly_its_error() {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "expected the full set of fixtures, found {}",
        cases.len()
    );
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let (code, stdout) = check_case(&case);
        let expected_path = case.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &stdout).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        let problems = stdout.lines().filter(|l| l.starts_with("<store>/")).count();
        if code != 1 || stdout != expected || problems != 1 {
            failures.push(format!(
                "{}: exit {code}, {problems} problems (want exit 1, one problem)\n--- expected\n{expected}--- got\n{stdout}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn content_dir_comes_from_the_flag_before_or_after_the_command_or_the_environment() {
    let bad = fixtures().join("invalid/unknown-phase");
    let bin = env!("CARGO_BIN_EXE_backchain");
    let code = |cmd: &mut Command| cmd.output().unwrap().status.code();
    // Layered over the built-in store, the fixture's exercise still has an unknown phase: exit 1 either
    // way; read alone (`--only`) it also lacks the rest of a store.
    assert_eq!(
        code(Command::new(bin).arg("--content").arg(&bad).arg("check")),
        Some(1)
    );
    assert_eq!(
        code(Command::new(bin).arg("check").arg("--content").arg(&bad)),
        Some(1)
    );
    assert_eq!(
        code(
            Command::new(bin)
                .arg("check")
                .env("BACKCHAIN_CONTENT", &bad)
        ),
        Some(1)
    );
    assert_eq!(
        code(Command::new(bin).arg("--only").arg(&bad).arg("check")),
        Some(1)
    );
    assert_eq!(
        code(
            Command::new(bin)
                .arg("check")
                .env_remove("BACKCHAIN_CONTENT")
        ),
        Some(0)
    );
    let missing = Command::new(bin)
        .args(["check", "--content", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read content folder"));
}

#[test]
fn show_paths_names_the_content_and_the_answers_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .arg("--show-paths")
        .env("BACKCHAIN_STATE_DIR", "/tmp/backchain-paths-test")
        .env("BACKCHAIN_CONFIG", "/tmp/backchain-paths-test/config.toml")
        .env_remove("BACKCHAIN_CONTENT")
        .env(
            "BACKCHAIN_JOURNAL",
            "/tmp/backchain-paths-test/journal.sqlite3",
        )
        .env("BACKCHAIN_CACHE_DIR", "/tmp/backchain-paths-test/cache")
        .env_remove("BACKCHAIN_NO_CACHE")
        .current_dir("/")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "content: built-in content\ncache: /tmp/backchain-paths-test/cache\n\
         answers: /tmp/backchain-paths-test/answers.toml\n\
         config: /tmp/backchain-paths-test/config.toml\nexports: /\n\
         exports fallback: /tmp/backchain-paths-test/exports\n\
         journal: /tmp/backchain-paths-test/journal.sqlite3\n"
    );
}
