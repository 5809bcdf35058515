//! Content layers: folders over the built-in store, later layers winning by id; a replaced record is a
//! note, `--only` reads folders alone, and the config file's `content_dirs` add layers.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backchain");

fn content() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

/// Runs the binary with `config` as its config file and its own state folder.
fn run(home: &Path, config: &str, env: &[(&str, &Path)], args: &[&str]) -> (i32, String, String) {
    let config_file = home.join("config.toml");
    std::fs::write(&config_file, config).unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("BACKCHAIN_CONTENT")
        .env("BACKCHAIN_CONFIG", &config_file)
        .env("BACKCHAIN_STATE_DIR", home.join("state"))
        .env("BACKCHAIN_CACHE_DIR", home.join("cache"))
        .env_remove("BACKCHAIN_NO_CACHE")
        .current_dir(home);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A layer holding the built-in wall sit under another name.
fn wall_sit_layer(dir: &Path, name: &str) {
    std::fs::create_dir_all(dir.join("exercises")).unwrap();
    let text = std::fs::read_to_string(content().join("exercises/wall-sit.toml")).unwrap();
    let renamed = text.replacen("name = \"Wall sit\"", &format!("name = {name:?}"), 1);
    assert_ne!(renamed, text, "the built-in wall sit is named \"Wall sit\"");
    std::fs::write(dir.join("exercises/wall-sit.toml"), renamed).unwrap();
}

fn show_name(out: &str) -> &str {
    out.lines().next().unwrap_or_default()
}

#[test]
fn a_later_layer_wins_by_id_and_check_notes_each_replacement() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (a, b) = (h.join("a"), h.join("b"));
    wall_sit_layer(&a, "Wall sit A");
    wall_sit_layer(&b, "Wall sit B");
    let (a_s, b_s) = (a.to_str().unwrap(), b.to_str().unwrap());

    // The later layer wins; the order of the flags decides.
    for (layers, shown) in [
        (&[a_s][..], "Wall sit A"),
        (&[a_s, b_s][..], "Wall sit B"),
        (&[b_s, a_s][..], "Wall sit A"),
    ] {
        let mut args = vec!["show", "exercise", "wall-sit"];
        for layer in layers {
            args.extend(["--content", layer]);
        }
        let (code, out, _) = run(h, "", &[], &args);
        assert_eq!(code, 0, "{layers:?}: {out}");
        assert!(
            show_name(&out).starts_with(&format!("{shown} (wall-sit)")),
            "{layers:?}: {out}"
        );
    }

    // Each replacement is a note at the record that won, naming the one it replaced; check still passes.
    let (code, out, _) = run(h, "", &[], &["check", "--content", a_s, "--content", b_s]);
    assert_eq!(code, 0, "{out}");
    let notes: Vec<&str> = out.lines().filter(|l| l.contains(": note: ")).collect();
    assert_eq!(
        notes,
        [
            format!(
                "{b_s}/exercises/wall-sit.toml:1:6: note: exercise \"wall-sit\" replaces the one in {a_s} ({a_s}/exercises/wall-sit.toml:1:6)"
            ),
            format!(
                "{b_s}/exercises/wall-sit.toml:1:6: note: exercise \"wall-sit\" replaces the one in built-in content (content/exercises/wall-sit.toml:1:6)"
            ),
        ],
        "{out}"
    );
    let exercises = std::fs::read_dir(content().join("exercises"))
        .unwrap()
        .count();
    assert!(
        out.contains(&format!(
            "{exercises} exercises, 17 questions — no problems, 2 notes"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "  from {b_s}: 0 articles, 0 topics, 0 claims, 0 chains, 1 exercise, 0 questions"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "  from {a_s}: 0 articles, 0 topics, 0 claims, 0 chains, 0 exercises, 0 questions"
        )),
        "{out}"
    );

    // In JSON, each record says its layer.
    let (code, out, _) = run(h, "", &[], &["check", "--format", "json", "--content", a_s]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let layer_of = |id: &str| {
        report["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["layer"]
            .clone()
    };
    assert_eq!(layer_of("wall-sit"), 2);
    assert_eq!(layer_of("dead-bug"), 1);
    assert_eq!(report["layers"][0]["content"], "built-in content");
    assert_eq!(report["notes"][0]["line"], 1);

    // Two records with one id in the same layer are still a problem, not a note.
    std::fs::copy(
        a.join("exercises/wall-sit.toml"),
        a.join("exercises/wall-sit-2.toml"),
    )
    .unwrap();
    let (code, out, _) = run(h, "", &[], &["check", "--content", a_s]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("duplicate exercise id \"wall-sit\""), "{out}");
}

#[test]
fn only_reads_the_folder_alone_and_does_not_mix_with_content() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let a = h.join("a");
    wall_sit_layer(&a, "Wall sit A");
    let a_s = a.to_str().unwrap();
    let (code, out, _) = run(h, "", &[], &["check", "--only", a_s]);
    assert_eq!(code, 1, "a folder of one exercise is not a store: {out}");
    assert!(out.contains("chains.toml is missing"), "{out}");
    let (code, out, _) = run(
        h,
        "",
        &[],
        &["check", "--only", content().to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("note:"), "{out}");
    // A questionnaire in a layer replaces the built-in one whole, with a note.
    let q = h.join("q");
    std::fs::create_dir_all(&q).unwrap();
    std::fs::copy(
        content().join("questionnaire.toml"),
        q.join("questionnaire.toml"),
    )
    .unwrap();
    let (code, out, _) = run(h, "", &[], &["check", "--content", q.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!("{}/questionnaire.toml:1:1: note: questionnaire.toml replaces the one in built-in content (content/questionnaire.toml)", q.display())),
        "{out}"
    );
    let (code, _, err) = run(h, "", &[], &["check", "--only", a_s, "--content", a_s]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn the_config_files_content_dirs_and_the_environment_add_layers() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (a, b) = (h.join("a"), h.join("b"));
    wall_sit_layer(&a, "Wall sit A");
    wall_sit_layer(&b, "Wall sit B");
    let (a_s, b_s) = (a.to_str().unwrap(), b.to_str().unwrap());
    let config = format!("content_dirs = [{a_s:?}]\n");

    let (code, out, _) = run(h, &config, &[], &["show", "exercise", "wall-sit"]);
    assert_eq!(code, 0, "{out}");
    assert!(show_name(&out).starts_with("Wall sit A"), "{out}");
    // --content layers over the config's folders; --only reads neither them nor the built-in store.
    let (_, out, _) = run(
        h,
        &config,
        &[],
        &["show", "exercise", "wall-sit", "--content", b_s],
    );
    assert!(show_name(&out).starts_with("Wall sit B"), "{out}");
    let (code, out, _) = run(
        h,
        &config,
        &[],
        &[
            "show",
            "exercise",
            "wall-sit",
            "--only",
            content().to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    assert!(show_name(&out).starts_with("Wall sit (wall-sit)"), "{out}");
    // BACKCHAIN_CONTENT layers as --content does, when no --content is given.
    let (_, out, _) = run(
        h,
        &config,
        &[("BACKCHAIN_CONTENT", b.as_path())],
        &["show", "exercise", "wall-sit"],
    );
    assert!(show_name(&out).starts_with("Wall sit B"), "{out}");
    let (_, out, _) = run(
        h,
        "",
        &[("BACKCHAIN_CONTENT", b.as_path())],
        &["show", "exercise", "wall-sit", "--content", a_s],
    );
    assert!(
        show_name(&out).starts_with("Wall sit A"),
        "--content wins over the variable: {out}"
    );

    // --show-paths prints the layers, and config show the key.
    let (code, out, _) = run(h, &config, &[], &["--show-paths", "--content", b_s]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(&format!(
            "content: built-in content\ncontent layer 2: {a_s}\ncontent layer 3: {b_s}\ncache: {}\nanswers: ",
            h.join("cache").display()
        )),
        "{out}"
    );
    let (code, out, _) = run(h, &config, &[], &["config", "show"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!("content_dirs = [{a_s:?}]")) && out.contains("# config file"),
        "{out}"
    );

    // A content_dirs entry that is not absolute makes the file unusable: said once, and not layered.
    let (code, out, err) = run(
        h,
        "content_dirs = [\"a\"]\n",
        &[],
        &["show", "exercise", "wall-sit"],
    );
    assert_eq!(code, 0);
    assert!(show_name(&out).starts_with("Wall sit (wall-sit)"), "{out}");
    assert_eq!(
        err.matches("content_dirs \"a\" is a relative path").count(),
        1,
        "{err}"
    );
}

#[test]
fn the_same_layers_find_the_same_answers_file() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let a = h.join("a");
    wall_sit_layer(&a, "Wall sit A");
    let a_s = a.to_str().unwrap();
    let answers = |args: &[&str]| {
        let (_, out, _) = run(h, "", &[], args);
        out.lines()
            .find_map(|l| l.strip_prefix("answers: "))
            .unwrap()
            .to_owned()
    };
    let layered = answers(&["--show-paths", "--content", a_s]);
    assert_eq!(layered, answers(&["--show-paths", "--content", a_s]));
    assert!(layered.contains("/answers-a-"), "{layered}");
    assert_ne!(layered, answers(&["--show-paths", "--only", a_s]));
    assert!(answers(&["--show-paths"]).ends_with("/answers.toml"));
}
