//! Hard to break: random, truncated, mutated and oversized input to the loader, the checker and the
//! answers reader; escape sequences in content never reach the output. No panic, no hang, only problems
//! with a path and a message.

use backchain::content::{Origin, Problem, SourceFile, Store, embedded, synthetic};
use backchain::engine::{self, Answers};
use proptest::prelude::*;
use std::process::Command;
use std::sync::OnceLock;

fn bundled_files() -> &'static Vec<SourceFile> {
    static FILES: OnceLock<Vec<SourceFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        synthetic::store_files(0)
            .into_iter()
            .chain(synthetic::exercise_files(3))
            .collect()
    })
}

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

/// The store with one file replaced by `text`; returns the problems found.
fn load_with(replace: usize, text: String) -> (Store, Vec<Problem>) {
    let mut files = bundled_files().clone();
    let index = replace % files.len();
    files[index].text = text;
    let mut problems = Vec::new();
    let store = Store::from_files(files, &mut problems);
    (store, problems)
}

fn assert_well_formed(problems: &[Problem]) {
    for p in problems {
        assert!(
            !p.path.is_empty() && p.line >= 1 && p.col >= 1 && !p.message.is_empty(),
            "{p:?}"
        );
        assert!(
            !p.message.contains('\u{1b}') && !p.path.contains('\u{1b}'),
            "{p:?}"
        );
    }
}

/// Characters that must never be printed from file text.
fn has_terminal_controls(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_text_in_any_file_gives_problems_not_panics(file in 0usize..64, text in ".{0,400}") {
        let (_, problems) = load_with(file, text);
        assert_well_formed(&problems);
    }

    #[test]
    fn truncated_real_files_give_problems_not_panics(file in 0usize..64, cut in 0.0f64..1.0) {
        let files = bundled_files();
        let original = &files[file % files.len()].text;
        let mut at = (original.len() as f64 * cut) as usize;
        while !original.is_char_boundary(at) {
            at -= 1;
        }
        let (_, problems) = load_with(file, original[..at].to_owned());
        assert_well_formed(&problems);
    }

    #[test]
    fn mutated_real_files_give_problems_not_panics(
        file in 0usize..64,
        edits in prop::collection::vec((0.0f64..1.0, any::<char>(), 0u8..3), 1..8),
    ) {
        let files = bundled_files();
        let mut text: Vec<char> = files[file % files.len()].text.chars().collect();
        for (at, c, kind) in edits {
            let i = ((text.len() as f64) * at) as usize;
            match kind {
                0 if i < text.len() => text[i] = c,
                1 => text.insert(i.min(text.len()), c),
                _ if i < text.len() => { text.remove(i); }
                _ => {}
            }
        }
        let (store, problems) = load_with(file, text.into_iter().collect());
        assert_well_formed(&problems);
        // Whatever survived loads into an engine that does not panic either.
        let _ = engine::evaluate(&store, &Answers::new());
    }

    #[test]
    fn random_answer_files_are_read_or_refused_cleanly(
        lines in prop::collection::vec((0usize..20, prop::collection::vec(0usize..14, 0..4), any::<bool>(), ".{0,12}"), 0..12),
    ) {
        let q = &store().questionnaire;
        let mut text = String::new();
        for (question, options, as_list, junk) in lines {
            let qid = q.questions.get(question).map_or(junk.as_str(), |x| x.id.as_str());
            let opts: Vec<String> = options
                .iter()
                .map(|&o| q.questions.get(question).and_then(|x| x.options.get(o)).map_or(format!("{junk:?}"), |x| format!("{:?}", x.id.as_str())))
                .collect();
            let value = if as_list || opts.is_empty() { format!("[{}]", opts.join(", ")) } else { opts[0].clone() };
            text.push_str(&format!("{qid} = {value}\n"));
        }
        let file = SourceFile::named("answers.toml", text);
        match Answers::parse(&file, q) {
            Ok(answers) => {
                let report = engine::evaluate(store(), &answers);
                assert!(report.chains.iter().all(|c| (0.0..=1.0).contains(&c.probability)));
                if report.has_red_flags() || !report.safety_checked {
                    assert!(report.routine.is_none());
                }
                let json = report.to_json("").to_string();
                assert!(!has_terminal_controls(&json));
            }
            Err(problems) => assert_well_formed(&problems),
        }
    }

    #[test]
    fn random_bytes_from_disk_are_refused_with_a_path(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let dir = std::env::temp_dir().join(format!("backchain-bytes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("exercises")).unwrap();
        std::fs::write(dir.join("exercises/x.toml"), &bytes).unwrap();
        let (_, problems) = Store::load(&Origin::Dir(dir.clone())).unwrap();
        assert_well_formed(&problems);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn deep_nesting_and_huge_strings_are_refused_or_read() {
    let deep = format!(
        "id = \"x\"\nname = {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let (_, problems) = load_with(usize::MAX, deep);
    assert_well_formed(&problems);
    assert!(!problems.is_empty());
    let deep_tables = format!(
        "id = \"x\"\nname = {}1{}\n",
        "{a=".repeat(50_000),
        "}".repeat(50_000)
    );
    let (_, problems) = load_with(usize::MAX, deep_tables);
    assert!(!problems.is_empty());
    // A 10 MB name on the last (synthetic) exercise: loads, and the checker names it.
    let files = bundled_files();
    let last = files.len() - 1;
    let huge = files[last].text.replacen(
        "name = \"",
        &format!("name = \"{}", "x".repeat(10_000_000)),
        1,
    );
    let (store, problems) = load_with(last, huge);
    assert_well_formed(&problems);
    assert!(store.exercises.iter().any(|e| e.name.len() > 10_000_000));
}

/// A store whose text is full of escape sequences, control characters and bidi overrides.
fn hostile_store() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("backchain-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    synthetic::write_store(&dir, 0).unwrap();
    std::fs::create_dir_all(dir.join("exercises")).unwrap();
    let nasty = r#"Evil \u001b[31mred\u001b[0m \u0007bell \u009b2J \u202eevil\u202c tab\there cr\rline \u001b]0;title\u0007"#;
    let exercise = format!(
        r#"id = "hostile"
name = "{nasty}"
aliases = ["{nasty}"]
summary = "{nasty}"
regions = ["hips"]
muscles = ["{nasty}"]
equipment = ["none"]
position = "standing"
phase = "mobilise"
steps = ["{nasty}", "two"]
cues = ["{nasty}"]
cautions = ["{nasty}"]
chains = ["hip-rotation"]
articles = []

[dosage]
reps = 5

[provenance]
idea = "suggestion"
steps = "suggestion"
dose = "suggestion"
note = "{nasty}"

[ladder]
move_up = "{nasty}"
move_down = "{nasty}"

[[ladder.easier]]
name = "{nasty}"
change = "{nasty}"

[[ladder.harder]]
name = "{nasty}"
change = "{nasty}"

[figure]
labels = [{{ text = "\u001b[31mred\u0007", at = "pelvis" }}]

[[figure.keyframe]]
move_ms = 1000
hold_ms = 0
"#
    );
    std::fs::write(dir.join("exercises/hostile.toml"), exercise).unwrap();
    dir
}

#[test]
fn escape_sequences_in_content_never_reach_cli_output() {
    let dir = hostile_store();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
            .args(args)
            .arg("--only")
            .arg(&dir)
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
            out.status.code(),
        )
    };
    let (stdout, stderr, code) = run(&["check"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    for args in [
        &["show", "exercise", "hostile"][..],
        &["show", "exercise", "hostile", "--figure"],
        &["show", "exercise", "hostile", "--format", "json"],
        &["search", "evil"],
        &["search", "evil", "--format", "json"],
    ] {
        let (stdout, stderr, _) = run(args);
        assert!(
            stdout.contains("Evil") || stdout.contains("hostile"),
            "{args:?}: {stdout}"
        );
        assert!(
            !has_terminal_controls(&stdout),
            "{args:?} printed a control character: {stdout:?}"
        );
        assert!(!has_terminal_controls(&stderr), "{args:?}: {stderr:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn escape_sequences_in_answer_files_never_reach_the_output() {
    let path = std::env::temp_dir().join(format!(
        "backchain-hostile-answers-{}.toml",
        std::process::id()
    ));
    std::fs::write(
        &path,
        r#"breathing = "\u001b[2Jbellyx\u0007"
"\u001b]0;x\u0007\u202e" = "chest"
"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["quiz", "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("has no option") && stderr.contains("unknown question id"),
        "{stderr}"
    );
    assert!(!has_terminal_controls(&stderr), "{stderr:?}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn odd_stores_load_empty_articles_only() {
    let mut problems = Vec::new();
    let empty = Store::from_files(Vec::new(), &mut problems);
    assert_eq!(engine::evaluate(&empty, &Answers::new()).chains.len(), 0);
    // It loads, and the checker says what the app would lack.
    let places: Vec<String> = problems
        .iter()
        .map(|p| format!("{}:{}:{}", p.path, p.line, p.col))
        .collect();
    assert_eq!(
        places,
        ["chains.toml:1:1", "exercises:1:1", "questionnaire.toml:1:1"],
        "{problems:?}"
    );
    problems.clear();
    let articles_only: Vec<SourceFile> = bundled_files()
        .iter()
        .filter(|f| f.relative == "articles.toml")
        .cloned()
        .collect();
    let store = Store::from_files(articles_only, &mut problems);
    assert_eq!(store.articles.len(), 5);
    // Articles name chains that this store does not have, and it lacks what the app needs: reported,
    // not a crash.
    assert!(
        problems.iter().all(|p| p.message.contains("does not exist")
            || p.message.contains("missing")
            || p.message.contains("no exercises")),
        "{problems:?}"
    );
}
