//! The exercises' moving figures: every key pose drawn in braille at two sizes (snapshots), and for any
//! exercise, time and canvas size, the skeleton keeps its segment lengths and every drawn point stays on
//! the canvas.

use backchain::content::{Store, embedded};
use backchain::figure::{MIN_COLS, MIN_ROWS, View, braille};
use proptest::prelude::*;
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

#[test]
fn every_exercise_key_pose_at_two_sizes() {
    assert_eq!(store().exercises.len(), 30);
    for e in &store().exercises {
        let figure = e
            .figure
            .as_ref()
            .expect("every built-in exercise has a figure")
            .figure();
        for (w, h) in [(24, 10), (48, 20)] {
            let text = braille::key_pose_text(&figure, w, h);
            let drawn: Vec<&str> = text.lines().take(h).collect();
            assert_eq!(drawn.len(), h, "{}", e.id);
            assert!(
                drawn
                    .iter()
                    .all(|l| l.chars().all(|c| ('\u{2800}'..='\u{28FF}').contains(&c))),
                "{}: only braille in the drawing",
                e.id
            );
            assert!(
                drawn.iter().all(|l| l.chars().count() <= w),
                "{}: {w} cells wide at most",
                e.id
            );
            insta::assert_snapshot!(format!("{}_{w}x{h}", e.id), text);
        }
    }
}

#[test]
fn every_exercise_moves_and_says_where_to_feel_it() {
    for e in &store().exercises {
        let figure = e
            .figure
            .as_ref()
            .expect("every built-in exercise has a figure")
            .figure();
        assert!(figure.keyframes.len() >= 2, "{} moves", e.id);
        assert!(figure.cycle_ms() > 0, "{}", e.id);
        assert!(!figure.labels.is_empty(), "{} has a label", e.id);
        let first = figure.at(0);
        let moved = (0..figure.cycle_ms())
            .step_by(100)
            .any(|t| figure.at(t) != first);
        assert!(moved, "{}: the pose changes over a loop", e.id);
    }
}

#[test]
fn a_hold_on_the_clock_is_a_hold_in_the_figure() {
    let e = store().exercise("wall-sit").expect("wall-sit");
    let figure = e
        .figure
        .as_ref()
        .expect("every built-in exercise has a figure")
        .figure()
        .with_key_hold(20_000);
    let key = figure.key_pose();
    // Into the key pose, then held for exactly 20 s.
    let before: u64 = figure.keyframes[..figure.key]
        .iter()
        .map(|k| u64::from(k.move_ms + k.hold_ms))
        .sum();
    let reached = before + u64::from(figure.keyframes[figure.key].move_ms);
    assert_eq!(figure.at(reached), key);
    assert_eq!(figure.at(reached + 19_999), key);
    assert_ne!(figure.at(reached + 20_000 + 500), key, "then it moves on");
    assert_eq!(figure.pose_at_fraction(0.0), figure.at(0));
    assert_eq!(
        figure.at(figure.cycle_ms() + 1234),
        figure.at(1234),
        "it loops"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn poses_keep_their_lengths_and_stay_on_the_canvas(
        which in 0usize..1000,
        ms in 0u64..400_000,
        cols in MIN_COLS..=200usize,
        rows in MIN_ROWS..=60usize,
    ) {
        let exercises = &store().exercises;
        let e = &exercises[which % exercises.len()];
        let figure = e.figure.as_ref().expect("every built-in exercise has a figure").figure();
        let pose = figure.at(ms);
        let body = figure.body(&pose);
        for (from, to, length) in body.segments() {
            prop_assert!((from.distance(to) - length).abs() < 1e-9, "{}: {from:?}–{to:?} is not {length}", e.id);
        }
        let bounds = figure.bounds();
        let view = View::fit(bounds, cols * 2, rows * 4, 1.0);
        let (max_x, max_y) = ((cols * 2 - 1) as f64, (rows * 4 - 1) as f64);
        for shape in figure.shapes(&pose, &bounds) {
            for p in shape.extremes() {
                let (x, y) = view.project(p);
                prop_assert!(
                    (-1e-6..=max_x + 1e-6).contains(&x) && (-1e-6..=max_y + 1e-6).contains(&y),
                    "{} at {ms} ms on {cols}×{rows}: {p:?} lands at ({x}, {y})", e.id
                );
            }
        }
        // The text drawing has exactly the rows and at most the columns asked for.
        let lines = braille::pose_lines(&figure, &pose, cols, rows);
        prop_assert_eq!(lines.len(), rows);
        prop_assert!(lines.iter().all(|l| l.chars().count() == cols));
    }
}

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
    assert!(
        blocks > 0 && blocks == headings,
        "{blocks} drawings for {headings} exercises"
    );
    for block in exercises.split("```text\n").skip(1) {
        let drawing = block.split("\n```").next().unwrap_or_default();
        assert!(braille_rows(drawing) >= 2, "{drawing}");
    }
}
