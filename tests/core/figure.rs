
fn backchain(args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn braille_rows(text: &str) -> usize {
    text.lines()
        .filter(|l| l.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)))
        .count()
}

#[test]
fn show_exercise_draws_the_key_pose_only_when_asked() {
    let (code, with, _) = backchain(&["show", "exercise", "glute-bridge", "--figure"]);
    assert_eq!(code, Some(0));
    assert!(braille_rows(&with) >= 3, "{with}");
    assert!(with.contains("\n○ squeeze here\n"), "{with}");
    let (_, without, _) = backchain(&["show", "exercise", "glute-bridge"]);
    assert_eq!(braille_rows(&without), 0, "{without}");
    let (code, _, err) = backchain(&["show", "chain", "rib-stiffness", "--figure"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--figure"), "{err}");
}

#[test]
fn the_markdown_sheet_embeds_each_key_pose_in_a_code_block() {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/tight-or-sleepy-sleepy.toml"
    );
    let (code, sheet, err) = backchain(&["quiz", "--answers", answers, "--format", "markdown"]);
    assert_eq!(code, Some(0), "{err}");
    let exercises = sheet.split("## The exercises").nth(1).expect("a routine");
    let blocks = exercises.matches("```text\n").count();
    let headings = exercises.matches("\n### ").count();
    assert!(blocks > 0 && blocks == headings, "{blocks} drawings for {headings} exercises");
    for block in exercises.split("```text\n").skip(1) {
        let drawing = block.split("\n```").next().unwrap_or_default();
        assert!(braille_rows(drawing) >= 2, "{drawing}");
    }
}
