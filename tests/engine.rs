//! The questionnaire engine on the bundled store: each article's own person gets that article's chain,
//! for the reasons the article gives; red flags stop the routine; bad answer files are named precisely.

use backchain::content::{SourceFile, Store, embedded};
use backchain::engine::{self, Answers, Report};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

fn answers_from(text: &str) -> Answers {
    let file = SourceFile::named("answers.toml", text.into());
    Answers::parse(&file, &store().questionnaire).expect("valid answers")
}

fn fixture(name: &str) -> Answers {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/answers")
        .join(name);
    answers_from(&std::fs::read_to_string(path).unwrap())
}

fn report_for(name: &str) -> Report {
    engine::evaluate(store(), &fixture(name))
}

/// The top chain, and that one of its reasons is `question = answer` pushing it up.
fn assert_top(report: &Report, chain: &str, because: &[(&str, &str)]) {
    let top = &report.chains[0];
    assert_eq!(
        top.id,
        chain,
        "ranking: {:?}",
        report
            .chains
            .iter()
            .map(|c| (&c.id, c.score))
            .collect::<Vec<_>>()
    );
    assert!(
        top.score > report.chains[1].score,
        "{chain} must lead outright"
    );
    for (question, answer) in because {
        assert!(
            top.reasons.iter().any(|r| r.question == *question
                && r.answer == *answer
                && r.weight > 0
                && r.points > 0.0),
            "{chain} should be pushed up by {question} = {answer}: {:?}",
            top.reasons
        );
    }
    let sum: f64 = top.reasons.iter().map(|r| r.points).sum();
    assert!(
        (50.0 + sum - top.score).abs() < 1e-9,
        "reason points add up to the score"
    );
}

#[test]
fn ribs_person_gets_rib_stiffness() {
    let report = report_for("ribs-and-breathing.toml");
    assert_top(
        &report,
        "rib-stiffness",
        &[("breathing", "belly"), ("low_back_shape", "arched")],
    );
}

#[test]
fn tight_person_gets_tight_hamstrings() {
    let report = report_for("tight-or-sleepy-tight.toml");
    assert_top(
        &report,
        "tight-hamstrings",
        &[("low_back_shape", "flat"), ("back_bend", "hard")],
    );
}

#[test]
fn pelvic_pulley_person_gets_tight_hamstrings() {
    let report = report_for("pelvic-pulley.toml");
    assert_top(
        &report,
        "tight-hamstrings",
        &[("low_back_shape", "flat"), ("bend_habit", "round")],
    );
}

#[test]
fn sleepy_person_gets_sleepy_hamstrings() {
    let report = report_for("tight-or-sleepy-sleepy.toml");
    assert_top(
        &report,
        "sleepy-hamstrings",
        &[("forward_bend", "low_back"), ("low_back_shape", "arched")],
    );
}

#[test]
fn brain_and_hinge_person_gets_brain_guarding() {
    let report = report_for("brain-and-hinge.toml");
    assert_top(
        &report,
        "brain-guarding",
        &[("bend_habit", "round"), ("stretch_result", "returns")],
    );
}

#[test]
fn hip_rotation_person_gets_hip_rotation() {
    let report = report_for("hip-rotation-research.toml");
    assert_top(&report, "hip-rotation", &[("hip_rotation", "limited")]);
}

#[test]
fn answers_against_a_chain_push_it_down() {
    let report = report_for("ribs-and-breathing.toml");
    let tight = report
        .chains
        .iter()
        .find(|c| c.id == "tight-hamstrings")
        .unwrap();
    assert!(tight.score < 50.0);
    assert!(
        tight
            .reasons
            .iter()
            .any(|r| r.question == "low_back_shape" && r.weight < 0 && r.direction() == "down")
    );
}

#[test]
fn every_red_flag_empties_the_routine() {
    let q = store().questionnaire.question("red_flags").unwrap();
    for option in q.options.iter().filter(|o| o.red_flag.is_some()) {
        let mut answers = fixture("ribs-and-breathing.toml");
        answers.set_many("red_flags", vec![option.id.to_string()]);
        let report = engine::evaluate(store(), &answers);
        assert!(
            report.routine.is_none(),
            "{} must stop the routine",
            option.id
        );
        assert!(
            report.chains.is_empty(),
            "{}: only the care message is shown",
            option.id
        );
        assert_eq!(report.red_flags.len(), 1);
        assert_eq!(report.red_flags[0].id, option.id.as_str());
        assert!(!report.red_flags[0].message.is_empty());
        assert!(report.care.is_some());
        let json = report.to_json();
        assert_eq!(json["routine"].as_array().unwrap().len(), 0);
        assert_eq!(json["red_flags"][0]["id"], option.id.as_str());
    }
}

#[test]
fn emergencies_and_urgent_flags_are_told_apart() {
    let report = engine::evaluate(
        store(),
        &answers_from("red_flags = [\"fever\", \"saddle_numbness\"]\n"),
    );
    let urgencies: Vec<&str> = report
        .red_flags
        .iter()
        .map(|f| f.urgency.as_str())
        .collect();
    assert_eq!(urgencies, ["emergency", "urgent"], "emergencies first");
    assert_eq!(
        report.care.as_deref(),
        Some(store().questionnaire.red_flag_care.emergency.as_str())
    );
    let report = engine::evaluate(store(), &answers_from("red_flags = [\"night_pain\"]\n"));
    assert_eq!(report.red_flags[0].urgency.as_str(), "urgent");
    assert_eq!(
        report.care.as_deref(),
        Some(store().questionnaire.red_flag_care.urgent.as_str())
    );
}

#[test]
fn no_answers_means_every_chain_at_fifty_tied_and_no_routine() {
    let report = engine::evaluate(store(), &Answers::new());
    assert!(
        report
            .chains
            .iter()
            .all(|c| c.score == 50.0 && c.unknown == 1.0)
    );
    assert!(
        report
            .chains
            .iter()
            .all(|c| c.close_to.len() == report.chains.len() - 1)
    );
    assert!(report.routine.is_none());
    assert_eq!(report.answered, 0);
}

#[test]
fn partial_answers_score_from_what_is_known_and_say_what_is_not() {
    let report = engine::evaluate(store(), &answers_from("breathing = \"belly\"\n"));
    let top = &report.chains[0];
    assert_eq!(top.id, "rib-stiffness");
    assert!(top.score > 50.0 && top.score < 100.0);
    assert!(
        top.unknown > 0.5,
        "most of the evidence is still unanswered: {}",
        top.unknown
    );
    assert_eq!(report.answered, 1);
}

#[test]
fn conditional_questions_count_only_when_shown() {
    let q = &store().questionnaire;
    let conditional = q
        .questions
        .iter()
        .find(|q| q.show_if.is_some())
        .expect("a conditional question");
    let cond = conditional.show_if.as_ref().unwrap();
    let trigger = cond.any[0].as_str();
    let other = q
        .question(&cond.question)
        .unwrap()
        .options
        .iter()
        .find(|o| !cond.any.iter().any(|a| a == o.id.as_str()))
        .unwrap();
    let answer = &conditional.options[0].id;
    let mut shown = Answers::new();
    shown.set(&cond.question, trigger);
    shown.set(&conditional.id, answer);
    assert!(engine::flow::is_shown(q, conditional, &shown));
    let mut hidden = shown.clone();
    hidden.set(&cond.question, &other.id);
    assert!(!engine::flow::is_shown(q, conditional, &hidden));
    // The hidden answer is kept but ignored.
    assert!(hidden.is_answered(&conditional.id));
    let report = engine::evaluate(store(), &hidden);
    assert!(report.chains.iter().all(|c| {
        c.reasons
            .iter()
            .all(|r| r.question != conditional.id.as_str())
    }));
    assert_eq!(engine::flow::progress(q, &hidden).0, 1);
}

#[test]
fn routine_is_ordered_by_phase_without_duplicates_and_adds_up() {
    for name in [
        "ribs-and-breathing.toml",
        "tight-or-sleepy-tight.toml",
        "tight-or-sleepy-sleepy.toml",
        "brain-and-hinge.toml",
        "hip-rotation-research.toml",
        "pelvic-pulley.toml",
    ] {
        let report = report_for(name);
        let routine = report
            .routine
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: a routine"));
        assert!(!routine.items.is_empty());
        let phases: Vec<_> = routine.items.iter().map(|i| i.phase).collect();
        assert!(
            phases.windows(2).all(|w| w[0] <= w[1]),
            "{name}: phases in order {phases:?}"
        );
        let mut ids: Vec<_> = routine.items.iter().map(|i| &i.exercise).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), routine.items.len(), "{name}: no duplicates");
        assert_eq!(
            routine.total_seconds,
            routine.items.iter().map(|i| i.seconds).sum::<u32>()
        );
        assert!(
            routine
                .items
                .iter()
                .all(|i| !i.dose.is_empty() && !i.cautions.is_empty())
        );
        assert_eq!(routine.chains[0], report.chains[0].id);
        assert!(routine.items.iter().all(|i| !i.serves.is_empty()));
    }
}

#[test]
fn routine_names_the_articles_own_exercises() {
    let routine = report_for("brain-and-hinge.toml").routine.unwrap();
    let ids: Vec<&str> = routine.items.iter().map(|i| i.exercise.as_str()).collect();
    assert!(ids.contains(&"modified-good-morning"), "{ids:?}");
    assert!(ids.contains(&"hip-hinge-practice"), "{ids:?}");
    let routine = report_for("ribs-and-breathing.toml").routine.unwrap();
    assert_eq!(routine.items[0].exercise, "rib-expansion-breathing");
}

#[test]
fn routine_says_where_its_sources_disagree() {
    // tight-hamstrings is told by 002 and 003, which differ on how to start.
    let routine = report_for("tight-or-sleepy-tight.toml").routine.unwrap();
    let stretching = routine
        .conflicts
        .iter()
        .find(|c| c.topic == "stretching")
        .expect("a stretching conflict");
    let articles: Vec<&str> = stretching
        .sides
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert!(
        articles.contains(&"tight-or-sleepy") && articles.contains(&"pelvic-pulley"),
        "{articles:?}"
    );
    // 000 alone tells the rib story: nothing to disagree with.
    assert!(
        report_for("ribs-and-breathing.toml")
            .routine
            .unwrap()
            .conflicts
            .is_empty()
    );
}

#[test]
fn a_close_second_chain_joins_the_routine() {
    let report = report_for("pelvic-pulley.toml");
    let gap = report.chains[0].score - report.chains[1].score;
    let routine = report.routine.unwrap();
    assert_eq!(
        routine.chains.len() == 2,
        gap <= engine::routine::SECOND_WITHIN
    );
}

#[test]
fn answers_round_trip_through_toml() {
    let mut answers = fixture("tight-or-sleepy-sleepy.toml");
    answers.set("seat_edge", "yes");
    let text = answers.to_toml(&store().questionnaire);
    assert_eq!(answers_from(&text), answers);
}

#[test]
fn exclusive_none_clears_other_red_flags_and_the_reverse() {
    let q = &store().questionnaire;
    let mut answers = Answers::new();
    answers.toggle(q, "red_flags", "fever");
    answers.toggle(q, "red_flags", "night_pain");
    assert_eq!(answers.chosen("red_flags"), ["fever", "night_pain"]);
    answers.toggle(q, "red_flags", "none");
    assert_eq!(answers.chosen("red_flags"), ["none"]);
    answers.toggle(q, "red_flags", "trauma");
    assert_eq!(answers.chosen("red_flags"), ["trauma"]);
    answers.toggle(q, "red_flags", "trauma");
    assert!(!answers.is_answered("red_flags"));
}

#[test]
fn markdown_sheet_has_the_routine_or_only_the_care_message() {
    let report = report_for("ribs-and-breathing.toml");
    let sheet = engine::markdown::render(store(), &report);
    assert!(sheet.contains("## Routine (about "));
    assert!(
        sheet.contains("| [ ] | 1 | breathe | Rib expansion breathing |"),
        "{sheet}"
    );
    assert!(sheet.contains("not medical advice"));
    let flagged = engine::evaluate(store(), &answers_from("red_flags = [\"bladder_bowel\"]\n"));
    let sheet = engine::markdown::render(store(), &flagged);
    assert!(sheet.contains("Please see a clinician first"));
    assert!(!sheet.contains("## Routine"));
}

/// Runs `backchain quiz --answers` on a file with the given text.
fn quiz_with(name: &str, text: &str, format: &str) -> (i32, String, String) {
    let path = std::env::temp_dir().join(format!(
        "backchain-answers-{}-{name}.toml",
        std::process::id()
    ));
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["quiz", "--format", format, "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "<answers>");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}

#[test]
fn bad_answer_files_name_the_id_and_line_and_exit_2() {
    let cases = [
        (
            "unknown-question",
            "breathing = \"belly\"\nbreathnig = \"chest\"\n",
            "<answers>:2:1: unknown question id \"breathnig\"; questions are: red_flags, breathing, rib_expand, low_back_shape, forward_bend, back_bend, bend_habit, bridge_test, knee_lift, stretch_result, hip_rotation, sitting_hours, seat_edge",
        ),
        (
            "unknown-option",
            "red_flags = [\"none\"]\n\nback_bend = \"sideways\"\n",
            "<answers>:3:13: question \"back_bend\" has no option \"sideways\"; its options are: easy, hard",
        ),
        (
            "unknown-option-in-list",
            "red_flags = [\"fever\", \"feverish\"]\n",
            "<answers>:1:23: question \"red_flags\" has no option \"feverish\"; its options are: saddle_numbness, bladder_bowel, both_legs, leg_weakness, fever, weight_loss, cancer_history, trauma, night_pain, none",
        ),
        (
            "list-for-single",
            "breathing = [\"belly\", \"chest\"]\n",
            "<answers>:1:13: question \"breathing\" takes one answer, not 2",
        ),
        (
            "none-with-others",
            "red_flags = [\"none\", \"fever\"]\n",
            "<answers>:1:13: question \"red_flags\": \"none\" cannot be combined with other answers",
        ),
        (
            "not-a-string",
            "breathing = 3\n",
            "<answers>:1:13: question \"breathing\": the answer must be an option id in quotes, or a list of them",
        ),
        (
            "syntax",
            "breathing = \"belly\n",
            "<answers>:1:19: invalid basic string, expected `\"`",
        ),
        (
            "newer-version",
            "backchain-answers = 9\nbreathing = \"belly\"\n",
            "<answers>:1:21: these answers were saved by a newer backchain (format 9; this one reads 1); update backchain to read them",
        ),
    ];
    for (name, text, expected) in cases {
        let (code, stdout, stderr) = quiz_with(name, text, "json");
        assert_eq!(code, 2, "{name}: exit code; stderr: {stderr}");
        assert!(stdout.is_empty(), "{name}: nothing on stdout");
        assert_eq!(
            stderr.lines().next().unwrap_or_default(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn quiz_json_has_the_contracted_fields() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/answers/hip-rotation-research.toml"),
    )
    .unwrap();
    let (code, stdout, _) = quiz_with("json", &text, "json");
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(json["red_flags"].as_array().unwrap().is_empty());
    let chain = &json["chains"][0];
    assert_eq!(chain["id"], "hip-rotation");
    assert!(chain["title"].is_string() && chain["score"].is_number());
    assert_eq!(chain["reasons"][0]["question"], "hip_rotation");
    let item = &json["routine"][0];
    for key in ["exercise", "name", "phase", "sets", "dose"] {
        assert!(!item[key].is_null(), "routine item has {key}: {item}");
    }
}

#[test]
fn quiz_text_and_markdown_render() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/answers/ribs-and-breathing.toml"),
    )
    .unwrap();
    let (code, stdout, _) = quiz_with("text", &text, "text");
    assert_eq!(code, 0);
    assert!(stdout.contains("1. Stiff ribs, swayback"), "{stdout}");
    assert!(stdout.contains("Routine for"));
    let (code, stdout, _) = quiz_with("md", &text, "markdown");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("# backchain — your routine"));
}

#[test]
fn quiz_asks_line_by_line_without_a_file() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["quiz", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // red_flags: "none" is the last option; then belly breathing; then finish early.
    let none = store()
        .questionnaire
        .question("red_flags")
        .unwrap()
        .options
        .len();
    write!(child.stdin.take().unwrap(), "{none}\nbelly\nq\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["chains"][0]["id"], "rib-stiffness");
    assert_eq!(json["answered"], 2);
}
