//! The questionnaire engine on the bundled store: each article's own person gets that article's chain,
//! for the reasons the article gives; red flags stop the routine; bad answer files are named precisely.

use backchain::content::{SourceFile, Store, embedded};
use backchain::engine::{self, Answers, Report, Standing};
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

/// Every persona file with the chain its person must get: the articles' own (answers/) and the others
/// written from the articles, mixed cases included (persons/).
const PERSONAS: &[(&str, &str)] = &[
    ("answers/ribs-and-breathing.toml", "rib-stiffness"),
    ("answers/brain-and-hinge.toml", "brain-guarding"),
    ("answers/tight-or-sleepy-tight.toml", "tight-hamstrings"),
    ("answers/tight-or-sleepy-sleepy.toml", "sleepy-hamstrings"),
    ("answers/pelvic-pulley.toml", "tight-hamstrings"),
    ("answers/pelvic-pulley-reverse.toml", "tight-hip-flexors"),
    ("answers/hip-rotation-research.toml", "hip-rotation"),
    ("persons/ribs-desk-worker.toml", "rib-stiffness"),
    ("persons/sleepy-stretcher.toml", "sleepy-hamstrings"),
    ("persons/brain-guarding-desk.toml", "brain-guarding"),
    ("persons/tight-belly-breather.toml", "tight-hamstrings"),
    ("persons/hip-rotation-rounder.toml", "hip-rotation"),
    ("persons/reverse-sitter.toml", "tight-hip-flexors"),
];

fn persona(path: &str) -> Answers {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    answers_from(&std::fs::read_to_string(path).unwrap())
}

/// The top chain, at 0.6 or more, and that one of its reasons is `question = answer` counting for it.
fn assert_top(report: &Report, chain: &str, because: &[(&str, &str)]) {
    let top = &report.chains[0];
    assert_eq!(
        top.id,
        chain,
        "ranking: {:?}",
        report
            .chains
            .iter()
            .map(|c| (&c.id, c.probability))
            .collect::<Vec<_>>()
    );
    assert!(top.probability >= 0.6, "{chain}: {}", top.probability);
    for (question, answer) in because {
        assert!(
            top.reasons.iter().any(|r| r.question == *question
                && r.answer == *answer
                && r.factor > 1.0
                && r.direction() == "up"),
            "{chain} should be made likelier by {question} = {answer}: {:?}",
            top.reasons
        );
    }
}

#[test]
fn every_persona_gets_its_chain_with_a_routine() {
    for (path, chain) in PERSONAS {
        let report = engine::evaluate(store(), &persona(path));
        assert_top(&report, chain, &[]);
        assert_eq!(report.standing, Standing::Clear, "{path}");
        assert!(report.enough_evidence && report.safety_checked, "{path}");
        let routine = report
            .routine
            .as_ref()
            .unwrap_or_else(|| panic!("{path}: a routine"));
        assert_eq!(routine.chains[0], *chain, "{path}");
    }
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
        &[("low_back_shape", "flat"), ("stretch_result", "not_tried")],
    );
}

#[test]
fn pelvic_pulley_reverse_person_gets_tight_hip_flexors() {
    let report = report_for("pelvic-pulley-reverse.toml");
    assert_top(
        &report,
        "tight-hip-flexors",
        &[
            ("hip_flexor_test", "thigh_lifts"),
            ("bridge_test", "cramps"),
        ],
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
    let tight = report.chain("tight-hamstrings").unwrap();
    assert!(tight.probability < tight.prior);
    let reason = tight
        .reasons
        .iter()
        .find(|r| r.question == "low_back_shape")
        .unwrap();
    assert_eq!(reason.direction(), "down");
    assert!(reason.factor < 0.01, "a premise answer: {}", reason.factor);
    assert!(
        reason.in_words().contains("less likely"),
        "{}",
        reason.in_words()
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
        assert_eq!(report.standing, Standing::RedFlag);
        assert_eq!(report.red_flags.len(), 1);
        assert_eq!(report.red_flags[0].id, option.id.as_str());
        assert!(!report.red_flags[0].message.is_empty());
        assert!(report.care.is_some());
        let json = report.to_json("");
        assert_eq!(json["routine"].as_array().unwrap().len(), 0);
        assert_eq!(json["red_flags"][0]["id"], option.id.as_str());
        assert_eq!(json["safety_checked"], true);
    }
}

#[test]
fn the_nhs_red_flags_are_all_there() {
    let q = store().questionnaire.question("red_flags").unwrap();
    for (id, urgency) in [
        ("saddle_numbness", "emergency"),
        ("bladder_bowel", "emergency"),
        ("sexual_dysfunction", "emergency"),
        ("both_legs", "emergency"),
        ("leg_weakness", "emergency"),
        ("chest_pain", "emergency"),
        ("trauma", "emergency"),
        ("fever", "urgent"),
        ("weight_loss", "urgent"),
        ("cancer_history", "urgent"),
        ("back_lump", "urgent"),
        ("night_pain", "urgent"),
        ("age_onset", "urgent"),
        ("not_improving", "soon"),
    ] {
        let option = q.option(id).unwrap_or_else(|| panic!("red flag {id}"));
        assert_eq!(option.red_flag.map(|u| u.as_str()), Some(urgency), "{id}");
        let short = option.short.as_deref().unwrap();
        assert!(
            engine::disclaimer(&store().questionnaire).contains(short),
            "the disclaimer names {id}"
        );
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
    let report = engine::evaluate(store(), &answers_from("red_flags = [\"not_improving\"]\n"));
    assert_eq!(
        report.care.as_deref(),
        store().questionnaire.red_flag_care.soon.as_deref()
    );
}

#[test]
fn nothing_gets_past_an_unanswered_safety_question() {
    // A whole persona without red_flags: no ranking, no routine, and the reason given first.
    let mut answers = fixture("pelvic-pulley.toml");
    answers.clear("red_flags");
    let report = engine::evaluate(store(), &answers);
    assert_eq!(report.standing, Standing::SafetyUnanswered);
    assert!(!report.safety_checked);
    assert!(report.chains.is_empty() && report.routine.is_none());
    assert_eq!(
        report.care.as_deref(),
        Some(engine::red_flags::SAFETY_UNANSWERED)
    );
    assert_eq!(report.next_questions[0].id, "red_flags");
    let json = report.to_json("");
    assert_eq!(json["safety_checked"], false);
    assert!(json["routine"].as_array().unwrap().is_empty());
    assert!(json["chains"].as_array().unwrap().is_empty());
    assert!(json["care"].as_str().unwrap().contains("safety question"));
    let text = render(&answers, "text");
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("Safety question not answered — no ranking, no routine"),
        "{text}"
    );
    let sheet = engine::present::sheet(store(), &report, &[], "2026-11-30").to_markdown();
    assert!(
        sheet.contains("## !! Safety question not answered — no ranking, no routine"),
        "{sheet}"
    );
    assert!(!sheet.contains("## Routine"));
    // No answers at all: the same.
    assert_eq!(
        engine::evaluate(store(), &Answers::new()).standing,
        Standing::SafetyUnanswered
    );
}

/// `backchain quiz --answers` on these answers, in a format.
fn render(answers: &Answers, format: &str) -> String {
    let (code, stdout, stderr) = quiz_with(
        &format!("render-{format}"),
        &answers.to_toml(&store().questionnaire),
        format,
    );
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn a_single_answer_never_gives_a_routine() {
    for q in &store().questionnaire.questions {
        if q.is_red_flag_screen() {
            continue;
        }
        for option in &q.options {
            let mut answers = answers_from("red_flags = [\"none\"]\n");
            answers.set(&q.id, &option.id);
            let report = engine::evaluate(store(), &answers);
            assert!(report.routine.is_none(), "{} = {}", q.id, option.id);
            assert_eq!(report.standing, Standing::Open, "{} = {}", q.id, option.id);
            let verdict = engine::verdict::verdict(store(), &report);
            assert_eq!(verdict.headline, "We can't tell yet");
            assert!(!verdict.ask.is_empty(), "names questions to answer");
        }
    }
}

#[test]
fn not_enough_yet_names_the_questions_that_would_settle_it() {
    let report = engine::evaluate(
        store(),
        &answers_from(
            "red_flags = [\"none\"]\nbreathing = \"belly\"\nlow_back_shape = \"arched\"\n",
        ),
    );
    assert_eq!(report.standing, Standing::Open);
    assert_eq!(report.evidence_answers, 2);
    assert!(!report.enough_evidence);
    let verdict = engine::verdict::verdict(store(), &report);
    assert!(
        verdict.body[0].starts_with("2 of the 4 answers"),
        "{verdict:?}"
    );
    assert_eq!(verdict.ask.len(), 3);
    assert!(verdict.ask[0].contains("this tells"), "{verdict:?}");
    // The first one named is the most telling question.
    assert_eq!(
        report.next_questions[0].prompt,
        store()
            .questionnaire
            .question(&report.next_questions[0].id)
            .unwrap()
            .prompt
            .as_str()
    );
    assert!(verdict.ask[0].contains(report.next_questions[0].prompt.as_str()));
}

#[test]
fn a_near_tie_is_named_and_gets_no_routine() {
    // The first fully answered file whose top two stories are both chains, nearly tied.
    let model = engine::model::Model::new(store());
    let mut tied = None;
    engine::enumerate::for_each_full(store(), &model, |seen, posterior| {
        if tied.is_some() {
            return;
        }
        let mut order: Vec<usize> = (0..posterior.len()).collect();
        order.sort_by(|&a, &b| posterior[b].total_cmp(&posterior[a]));
        let (a, b) = (order[0], order[1]);
        let chains = a != model.none_index() && b != model.none_index();
        if chains && posterior[a] - posterior[b] < 0.05 && posterior[b] > 0.3 {
            tied = Some(engine::enumerate::to_answers(store(), &model, seen));
        }
    });
    let report = engine::evaluate(store(), &tied.expect("a near-tie exists"));
    let (a, b) = (&report.chains[0], &report.chains[1]);
    assert!((a.probability - b.probability).abs() < engine::score::NEAR_TIE);
    assert_eq!(report.near_tie(), [b.id.as_str()]);
    assert!(report.routine.is_none());
    assert_eq!(report.standing, Standing::Open);
    let verdict = engine::verdict::verdict(store(), &report);
    assert!(
        verdict.body.iter().any(|p| p.contains("nearly tied")),
        "{verdict:?}"
    );
}

#[test]
fn a_second_chain_joins_only_when_strong() {
    let report = engine::evaluate(store(), &persona("persons/hip-rotation-rounder.toml"));
    let second = &report.chains[1];
    assert!(second.probability >= engine::report::SECOND_MIN);
    assert_eq!(
        report.routine.unwrap().chains,
        ["hip-rotation", second.id.as_str()]
    );
    for (path, _) in PERSONAS {
        let report = engine::evaluate(store(), &persona(path));
        let strong = report.chains[1].probability >= engine::report::SECOND_MIN;
        assert_eq!(report.routine.unwrap().chains.len() == 2, strong, "{path}");
    }
}

#[test]
fn settled_verdicts_say_the_rest_is_optional() {
    let report = report_for("tight-or-sleepy-tight.toml");
    assert!(report.chains[0].probability >= engine::report::SETTLED);
    assert!(report.settled);
    let verdict = engine::verdict::verdict(store(), &report);
    assert!(verdict.body.iter().any(|p| p.contains("optional")));
    assert!(verdict.ask.is_empty());
}

#[test]
fn every_verdict_shows_the_strongest_word_against_it() {
    for (path, chain) in PERSONAS {
        let report = engine::evaluate(store(), &persona(path));
        let c = report
            .counterpoint
            .as_ref()
            .unwrap_or_else(|| panic!("{path}"));
        assert_eq!(c.chain, *chain);
        let own = store().chain(chain).unwrap();
        assert!(
            !own.articles.iter().any(|a| *a == c.article.as_str()),
            "{path}: the counterpoint comes from another article"
        );
        assert!(store().claim(&c.claim).is_some());
    }
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
    let mut shown = answers_from("red_flags = [\"none\"]\n");
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
    assert_eq!(engine::flow::progress(q, &hidden).0, 2);
}

#[test]
fn routine_is_ordered_by_phase_without_duplicates_and_adds_up() {
    for (name, _) in PERSONAS {
        let report = engine::evaluate(store(), &persona(name));
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
    let sheet = engine::present::sheet(store(), &report, &[], "2026-11-30").to_markdown();
    assert!(
        sheet.contains("## Routine for Stiff ribs, swayback — about "),
        "{sheet}"
    );
    assert!(
        sheet.contains("| ☐ | 1 | breathe | Rib expansion breathing |"),
        "{sheet}"
    );
    assert!(sheet.contains("not medical advice"));
    // The sheet says when it was made, the safety status, and where every story comes from.
    assert!(sheet.contains("Made on 2026-11-30 by backchain"));
    assert!(sheet.contains("Safety question answered: no red flags."));
    assert!(sheet.contains("## Sources"));
    for article in &store().articles {
        assert!(
            sheet.contains(&format!("- {} **", article.number)),
            "{}",
            article.number
        );
    }
    assert!(sheet.contains("3 sessions a week for 6 weeks"), "{sheet}");
    let flagged = engine::evaluate(store(), &answers_from("red_flags = [\"bladder_bowel\"]\n"));
    let sheet = engine::present::sheet(store(), &flagged, &[], "2026-11-30").to_markdown();
    assert!(sheet.contains("See a clinician — no routine"), "{sheet}");
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
            "<answers>:2:1: unknown question id \"breathnig\"; questions are: red_flags, breathing, rib_expand, low_back_shape, forward_bend, back_bend, bend_habit, bridge_test, knee_lift, hip_flexor_test, stretch_result, stretch_habit, stretch_effect, hip_rotation, hamstring_strain, sitting_hours, seat_edge",
        ),
        (
            "unknown-option",
            "red_flags = [\"none\"]\n\nback_bend = \"sideways\"\n",
            "<answers>:3:13: question \"back_bend\" has no option \"sideways\"; its options are: easy, hard",
        ),
        (
            "unknown-option-in-list",
            "red_flags = [\"fever\", \"feverish\"]\n",
            "<answers>:1:23: question \"red_flags\" has no option \"feverish\"; its options are: saddle_numbness, bladder_bowel, sexual_dysfunction, both_legs, leg_weakness, chest_pain, trauma, fever, weight_loss, cancer_history, back_lump, night_pain, age_onset, not_improving, none",
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
    for key in [
        "red_flags",
        "care",
        "chains",
        "routine",
        "routine_chains",
        "conflicts",
        "avoid",
        "cautions",
        "answered",
        "asked",
        "none_probability",
        "safety_checked",
        "enough_evidence",
        "next_questions",
    ] {
        assert!(json.get(key).is_some(), "{key} is in the JSON");
    }
    assert!(json["red_flags"].as_array().unwrap().is_empty());
    assert_eq!(json["safety_checked"], true);
    assert_eq!(json["enough_evidence"], true);
    let chain = &json["chains"][0];
    assert_eq!(chain["id"], "hip-rotation");
    assert!(chain["title"].is_string());
    let p = chain["probability"].as_f64().unwrap();
    assert!(
        (chain["score"].as_f64().unwrap() - p * 100.0).abs() < 0.06,
        "score = probability × 100"
    );
    let total: f64 = json["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["probability"].as_f64().unwrap())
        .sum::<f64>()
        + json["none_probability"].as_f64().unwrap();
    assert!((total - 1.0).abs() < 1e-3, "{total}");
    assert_eq!(chain["reasons"][0]["question"], "hip_rotation");
    for key in ["question", "answer", "note", "factor"] {
        assert!(!chain["reasons"][0][key].is_null(), "reason has {key}");
    }
    let next = &json["next_questions"][0];
    for key in ["id", "prompt", "gain_bits"] {
        assert!(!next[key].is_null(), "next question has {key}: {next}");
    }
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
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("Safety question answered: no red flags."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Stiff ribs tip the pelvis forward fits you best:"),
        "{stdout}"
    );
    assert!(stdout.contains("more likely if this is your story"));
    assert!(stdout.contains("The strongest word against it\n≠ "));
    assert!(stdout.contains("Routine for"));
    let (code, stdout, _) = quiz_with("md", &text, "markdown");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("# backchain — your routine"));
    assert!(stdout.contains("## How likely each story is (together 100 %)"));
}

/// Runs the line-by-line quiz with this input; returns exit code, stdout (JSON) and stderr.
fn line_quiz(input: &str, order: &str) -> (i32, serde_json::Value, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["quiz", "--format", "json", "--order", order])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    write!(child.stdin.take().unwrap(), "{input}").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json, stderr)
}

#[test]
fn quiz_asks_line_by_line_without_a_file() {
    // red_flags: "none" is the last option; then belly breathing; then finish early.
    let none = store()
        .questionnaire
        .question("red_flags")
        .unwrap()
        .options
        .len();
    let (code, json, stderr) = line_quiz(&format!("{none}\nbelly\nq\n"), "file");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["chains"][0]["id"], "rib-stiffness");
    assert_eq!(json["answered"], 2);
    assert_eq!(json["safety_checked"], true);
}

#[test]
fn the_line_quiz_will_not_skip_the_safety_question() {
    // The attack from the issue: Enter at the first prompt used to skip the safety question and give a
    // routine. Now Enter asks again, and the next line answers it (2 = a red flag).
    let (code, json, stderr) = line_quiz("\n2\n1\n", "best");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("This question cannot be skipped"),
        "{stderr}"
    );
    assert_eq!(json["red_flags"][0]["id"], "bladder_bowel");
    assert!(json["routine"].as_array().unwrap().is_empty());
    // Input that ends at the safety question leaves it unanswered: no ranking, no routine.
    let (code, json, _) = line_quiz("\n\n", "best");
    assert_eq!(code, 0);
    assert_eq!(json["safety_checked"], false);
    assert!(json["chains"].as_array().unwrap().is_empty());
    assert!(json["routine"].as_array().unwrap().is_empty());
}

#[test]
fn the_line_quiz_asks_the_most_telling_question_next() {
    let none = store()
        .questionnaire
        .question("red_flags")
        .unwrap()
        .options
        .len();
    let after_safety = engine::evaluate(store(), &answers_from("red_flags = [\"none\"]\n"));
    let best = &after_safety.next_questions[0];
    let (_, _, stderr) = line_quiz(&format!("{none}\nq\n"), "best");
    let asked: Vec<&str> = stderr.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(asked.len(), 2, "{stderr}");
    assert!(
        asked[1].ends_with(best.prompt.as_str()),
        "{asked:?} vs {}",
        best.prompt
    );
    assert!(stderr.contains("(asked now because this tells"), "{stderr}");
    // In file order, breathing comes second.
    let (_, _, stderr) = line_quiz(&format!("{none}\nq\n"), "file");
    let breathing = store().questionnaire.question("breathing").unwrap();
    assert!(
        stderr.contains(&format!("] {}", breathing.prompt)),
        "{stderr}"
    );
}

/// Imported exercises join a routine only when content links them to a chain, with a dose: unlinked
/// they change no routine, and linked without a dose (which `check` refuses) they are still never given.
#[test]
fn imported_exercises_join_no_routine_unless_linked_with_a_dose() {
    use backchain::import::{FreeExerciseDb, Source};
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/free-exercise-db/exercises.json"),
    )
    .unwrap();
    let imported = FreeExerciseDb.convert(&json).expect("converts").exercises;
    let ids = |routine: Option<engine::routine::Routine>| -> Vec<String> {
        routine.map_or_else(Vec::new, |r| {
            r.items.into_iter().map(|i| i.exercise).collect()
        })
    };
    let mut with = store().clone();
    with.exercises.extend(imported.iter().cloned());
    with.reindex();
    let mut linked = with.clone();
    for e in &mut linked.exercises {
        if e.source.is_some() {
            e.chains = store().chains.iter().map(|c| c.id.clone()).collect();
        }
    }
    linked.reindex();
    for chain in &store().chains {
        let chains = [chain.id.as_str()];
        let plain = ids(engine::routine::build(store(), &chains));
        assert!(!plain.is_empty(), "{}", chain.id);
        assert_eq!(
            ids(engine::routine::build(&with, &chains)),
            plain,
            "{}",
            chain.id
        );
        assert_eq!(
            ids(engine::routine::build(&linked, &chains)),
            plain,
            "{}",
            chain.id
        );
    }
}
