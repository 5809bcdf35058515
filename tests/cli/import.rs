//! `backchain import free-exercise-db`: the vendored database imported into a folder, layered over the
//! built-in store, checked, searched and kept out of routines; bad exports refused with their place.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

fn vendored() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/free-exercise-db/exercises.json")
}

/// Runs the binary with no config file, no `BACKCHAIN_CONTENT` and its own state folder.
fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env_remove("BACKCHAIN_CONTENT")
        .env("BACKCHAIN_CONFIG", home.join("no-config.toml"))
        .env("BACKCHAIN_STATE_DIR", home.join("state"))
        .env("BACKCHAIN_JOURNAL", home.join("journal.sqlite3"))
        .current_dir(home)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn routine_ids(report: &serde_json::Value) -> Vec<String> {
    report["routine"]
        .as_array()
        .expect("a routine")
        .iter()
        .map(|item| item["exercise"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_vendored_database_imports_checks_searches_and_stays_out_of_routines() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let into = h.join("fedb");
    let file = vendored();
    let file = file.to_str().unwrap();
    let into_s = into.to_str().unwrap();

    let (code, out, err) = run(h, &["import", "free-exercise-db", file, "--into", into_s]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Read 873 exercises"), "{out}");
    assert!(out.contains("Wrote 873 files"), "{out}");
    assert!(
        out.contains("equipment: \"other\" ×108, \"cable\" ×81, \"machine\" ×67, \"exercise ball\" ×12 — no backchain equipment"),
        "{out}"
    );
    // "Other" or none given, and the steps name it: "loop a belt, band, or rope over the ball of your foot".
    assert!(
        out.contains("equipment: \"other\" ×14 — no backchain equipment; `equipment` taken from what the steps name"),
        "{out}"
    );
    assert!(
        out.contains("id: \"Dead_Bug\" ×1, \"Romanian_Deadlift\" ×1"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_dir(into.join("exercises")).unwrap().count(),
        873
    );

    let built_in = backchain::content::embedded().exercises.len();
    assert!(
        out.contains(&format!(
            "Checked built-in content + {into_s}: {} exercises, no problems.",
            873 + built_in
        )),
        "the import checks what it wrote: {out}"
    );

    // Layered over the built-in store, the whole passes check: 873 imported + the built-in exercises.
    let (code, out, err) = run(h, &["check", "--format", "json", "--content", into_s]);
    assert_eq!(code, 0, "{out}{err}");
    let report = json(&out);
    assert_eq!(report["ok"], true);
    assert_eq!(report["exercises"], 873 + built_in);
    assert_eq!(
        report["notes"].as_array().unwrap().len(),
        0,
        "an import replaces nothing"
    );
    assert_eq!(report["layers"][1]["counts"]["exercises"], 873);
    let record = report["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "90-90-hamstring")
        .expect("the imported record is listed");
    assert_eq!(record["layer"], 2);
    let (code, out, _) = run(h, &["check", "--content", into_s]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "from {into_s}: 0 articles, 0 topics, 0 claims, 0 chains, 873 exercises, 0 questions"
        )),
        "{out}"
    );

    // Search, its filters and show find it.
    let (code, out, _) = run(
        h,
        &[
            "search",
            "90/90 hamstring",
            "--format",
            "json",
            "--content",
            into_s,
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(json(&out)[0]["id"], "90-90-hamstring");
    let (code, out, _) = run(
        h,
        &[
            "search",
            "hamstring",
            "--region",
            "hamstrings",
            "--phase",
            "mobilise",
            "--limit",
            "100",
            "--content",
            into_s,
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("90-90-hamstring"), "{out}");
    let (code, out, _) = run(
        h,
        &["show", "exercise", "90-90-hamstring", "--content", into_s],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Dose:      none given (not in any routine)"),
        "{out}"
    );
    assert!(
        out.contains(
            "imported from Free Exercise DB (public domain, Unlicense), id 90_90_Hamstring"
        ),
        "{out}"
    );

    let (code, out, _) = run(
        h,
        &[
            "search",
            "cable chest press",
            "--limit",
            "1",
            "--content",
            into_s,
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("(strengthen; equipment not stated)"), "{out}");
    let (_, out, _) = run(
        h,
        &["show", "exercise", "cable-chest-press", "--content", into_s],
    );
    assert!(
        out.contains("Equipment: not stated\nRegions:   not stated\n"),
        "{out}"
    );

    // A routine is the same with the import as without: imported exercises serve no chain.
    let answers =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/pelvic-pulley.toml");
    let answers = answers.to_str().unwrap();
    let (code, plain, err) = run(h, &["quiz", "--answers", answers, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let (code, layered, err) = run(
        h,
        &[
            "quiz",
            "--answers",
            answers,
            "--format",
            "json",
            "--content",
            into_s,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (plain, layered) = (routine_ids(&json(&plain)), routine_ids(&json(&layered)));
    assert!(!plain.is_empty());
    assert_eq!(plain, layered);

    // Linked to a chain without a dose, an imported exercise is a problem at the chain it names.
    let linked = into.join("exercises/90-90-hamstring.toml");
    let text = std::fs::read_to_string(&linked).unwrap();
    std::fs::write(
        &linked,
        text.replace("chains = []", "chains = [\"tight-hamstrings\"]"),
    )
    .unwrap();
    let (code, out, _) = run(h, &["check", "--content", into_s]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("/exercises/90-90-hamstring.toml:21:11: exercise \"90-90-hamstring\": [dosage] is missing; it serves chain \"tight-hamstrings\", so a routine can give it"),
        "{out}"
    );

    // Importing again writes nothing without --force, and replaces everything with it.
    let (code, out, err) = run(h, &["import", "free-exercise-db", file, "--into", into_s]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("and 872 other exercise files already exist; nothing was written"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&linked)
            .unwrap()
            .contains("tight-hamstrings")
    );
    let (code, out, _) = run(
        h,
        &[
            "import",
            "free-exercise-db",
            file,
            "--into",
            into_s,
            "--force",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Wrote 873 files") && out.contains("(873 replaced)"),
        "{out}"
    );
    assert!(
        !std::fs::read_to_string(&linked)
            .unwrap()
            .contains("tight-hamstrings")
    );
}

#[test]
fn a_bad_export_is_refused_with_its_place_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let whole = std::fs::read_to_string(vendored()).unwrap();
    let cases: [(&str, Vec<u8>, &str); 6] = [
        (
            "truncated.json",
            whole.as_bytes()[..5000].to_vec(),
            "truncated.json:",
        ),
        (
            "object.json",
            b"{\"exercises\": []}".to_vec(),
            "object.json: the file must be a list of exercises ([{…}, …]), found an object",
        ),
        (
            "wrong-type.json",
            whole
                .replacen("\"name\": \"3/4 Sit-Up\"", "\"name\": 34", 1)
                .into_bytes(),
            "wrong-type.json: [0] (\"3_4_Sit-Up\").name: must be a string, found a number",
        ),
        (
            "not-utf8.json",
            b"[\"\xff\"]".to_vec(),
            "not-utf8.json is not UTF-8 text",
        ),
        (
            "empty.json",
            Vec::new(),
            "empty.json:1:0: not valid JSON: EOF while parsing a value",
        ),
        (
            "items.json",
            b"[1, [], null]".to_vec(),
            "items.json: [2]: each exercise must be an object, found null",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = h.join(name);
        std::fs::write(&file, bytes).unwrap();
        let into = h.join(format!("out-{name}"));
        let (code, out, err) = run(
            h,
            &[
                "import",
                "free-exercise-db",
                file.to_str().unwrap(),
                "--into",
                into.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!into.exists(), "{name}: nothing is written");
    }
    let truncated = run(
        h,
        &[
            "import",
            "free-exercise-db",
            h.join("truncated.json").to_str().unwrap(),
        ],
    )
    .2;
    assert!(
        truncated.contains("not valid JSON: EOF while parsing"),
        "{truncated}"
    );
    let (code, _, err) = run(h, &["import", "free-exercise-db", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /no/such/file.json"), "{err}");
    let (code, _, err) = run(h, &["import", "free-exercise-db", h.to_str().unwrap()]);
    assert_eq!(code, 2, "a folder is not read");
    assert!(err.starts_with("backchain: cannot read"), "{err}");
    assert!(!h.join("free-exercise-db").exists());

    // Into a folder that already holds a broken exercise: written, then the check says what is wrong.
    let mixed = h.join("mixed");
    std::fs::create_dir_all(mixed.join("exercises")).unwrap();
    std::fs::write(
        mixed.join("exercises/mine.toml"),
        "id = \"mine\"\nnmae = 1\n",
    )
    .unwrap();
    let small = h.join("small.json");
    std::fs::write(&small, r#"[{"id": "A_B", "name": "A b", "level": "beginner", "category": "strength", "instructions": ["One.", "Two."], "primaryMuscles": ["glutes"]}]"#).unwrap();
    let (code, out, err) = run(
        h,
        &[
            "import",
            "free-exercise-db",
            small.to_str().unwrap(),
            "--into",
            mixed.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("Wrote 1 file to"), "{out}");
    assert!(
        err.contains("exercises/mine.toml:2:1: exercise \"mine\": unknown field `nmae`"),
        "{err}"
    );
    assert!(mixed.join("exercises/a-b.toml").exists());
}
