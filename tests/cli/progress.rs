//! `backchain progress` and `backchain journal retest`: the real binary on a journal in a temp folder
//! (named by `BACKCHAIN_JOURNAL`), filled by the library's synthetic generator or by the commands.

use backchain::journal::Journal;
use backchain::progress::synthetic;
use std::path::Path;

use crate::with_journal::{ok, run, temp};

/// Twelve weeks of sessions, ending yesterday.
fn twelve_weeks(file: &Path) {
    let today = backchain::date::unix_now().div_euclid(86_400);
    let (mut journal, _) = Journal::open(file).unwrap();
    synthetic::fill(&mut journal, 84, (today - 84) * 86_400, 3).unwrap();
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/answers/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn an_empty_journal_says_how_to_start_and_is_not_created() {
    let (_dir, file) = temp();
    let text = ok(&file, &["progress"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Nothing recorded yet"), "{text}");
    assert!(text.contains("`backchain session`"), "{text}");
    assert!(!file.exists());
}

#[test]
fn retests_are_recorded_and_bad_values_name_the_flag_and_the_range() {
    let (_dir, file) = temp();
    let said = ok(
        &file,
        &["journal", "retest", "--floor", "-3", "--hip-left", "35"],
    );
    assert!(said.contains("fingertips to floor -3 cm"), "{said}");
    assert!(said.contains("left hip inward turn 35°"), "{said}");
    let list = ok(&file, &["journal", "list"]);
    assert!(list.contains("retest fingertip_floor_cm = -3"), "{list}");
    assert!(list.contains("retest hip_inward_left_deg = 35"), "{list}");
    assert!(!list.contains("hip_inward_right_deg"), "{list}");

    for (args, flag, range) in [
        (&["--floor", "120"][..], "--floor", "from -40 to 100"),
        (&["--floor", "-41"][..], "--floor", "from -40 to 100"),
        (&["--floor", "far"][..], "--floor", "from -40 to 100"),
        (&["--hip-left", "91"][..], "--hip-left", "from 0 to 90"),
        (&["--hip-right", "-5"][..], "--hip-right", "from 0 to 90"),
        (&["--hip-right", "NaN"][..], "--hip-right", "from 0 to 90"),
    ] {
        let mut all = vec!["journal", "retest"];
        all.extend(args);
        let ran = run(&file, &all);
        assert_eq!(ran.code, Some(2), "{args:?}");
        assert!(ran.stderr.contains(flag), "{args:?}: {}", ran.stderr);
        assert!(ran.stderr.contains(range), "{args:?}: {}", ran.stderr);
    }
    let none = run(&file, &["journal", "retest"]);
    assert_eq!(none.code, Some(2));
    assert!(none.stderr.contains("--floor"), "{}", none.stderr);
    // Nothing bad was written.
    assert_eq!(ok(&file, &["journal", "list"]).lines().count(), 2);
}

#[test]
fn twelve_weeks_read_as_a_meaningful_change_with_charts() {
    let (_dir, file) = temp();
    twelve_weeks(&file);
    let text = ok(&file, &["progress"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("That is a meaningful change"), "{text}");
    assert!(text.contains("36 sessions"), "{text}");
    assert!(text.contains("Pain per session (0–10"), "{text}");
    assert!(text.contains("  before  "), "{text}");
    assert!(text.contains("(plan: 3 a week; · one short)"), "{text}");
    assert!(text.contains("███  3 of 3"), "{text}");
    assert!(text.contains("Fingertips to floor"), "{text}");
    // The last retest was two weeks ago.
    assert!(flat.contains("A retest is due"), "{text}");
    assert!(
        flat.contains("backchain journal retest --floor CM"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 78), "{text}");
}

#[test]
fn json_holds_the_series_and_the_summary() {
    let (_dir, file) = temp();
    twelve_weeks(&file);
    let json: serde_json::Value =
        serde_json::from_str(&ok(&file, &["progress", "--format", "json"])).unwrap();
    assert_eq!(json["summary"]["trend"], "meaningful");
    assert_eq!(json["summary"]["see_clinician"], false);
    assert_eq!(json["series"]["sessions"].as_array().unwrap().len(), 36);
    assert_eq!(json["series"]["target"], 3);
    assert_eq!(
        json["series"]["retests"][0]["measure"],
        "fingertip_floor_cm"
    );
    assert_eq!(json["sessions_stopped"], false);
}

#[test]
fn markdown_holds_the_summary_the_charts_and_the_routine_or_why_not() {
    let (_dir, file) = temp();
    twelve_weeks(&file);
    let bare = ok(&file, &["progress", "--format", "markdown"]);
    assert!(bare.starts_with("# backchain — your progress"), "{bare}");
    assert!(bare.contains("```text\nPain per session"), "{bare}");
    assert!(
        bare.contains("No routine: there are no saved answers yet"),
        "{bare}"
    );
    let answers = fixture("pelvic-pulley");
    let sheet = ok(
        &file,
        &["progress", "--format", "markdown", "--answers", &answers],
    );
    assert!(sheet.contains("# backchain — your routine"), "{sheet}");
    assert!(sheet.contains("That is a meaningful change"), "{sheet}");
    let missing = run(
        &file,
        &["progress", "--answers", "/nonexistent/answers.toml"],
    );
    assert_eq!(missing.code, Some(2), "{}", missing.stderr);
}

#[test]
fn a_red_flag_stops_sessions_but_keeps_the_history() {
    let (dir, file) = temp();
    twelve_weeks(&file);
    let answers = dir.path().join("flag.toml");
    std::fs::write(&answers, "red_flags = [\"night_pain\"]\n").unwrap();
    let answers = answers.to_str().unwrap();
    let text = ok(&file, &["progress", "--answers", answers]);
    assert!(text.starts_with("Sessions are stopped"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 78), "{text}");
    assert!(text.contains("Sessions per week"), "{text}");
    let md = ok(
        &file,
        &["progress", "--format", "markdown", "--answers", answers],
    );
    assert!(md.contains("**Sessions are stopped"), "{md}");
    assert!(!md.contains("# backchain — your routine"), "{md}");
    // Where to go is the questionnaire's care message for the sign answered: within days for night
    // pain, an emergency department for saddle numbness.
    assert!(text.contains("within the next few days"), "{text}");
    let emergency = dir.path().join("emergency.toml");
    std::fs::write(&emergency, "red_flags = [\"saddle_numbness\"]\n").unwrap();
    let text = ok(
        &file,
        &["progress", "--answers", emergency.to_str().unwrap()],
    );
    assert!(text.starts_with("Sessions are stopped"), "{text}");
    assert!(text.contains("emergency department"), "{text}");
    assert!(!text.contains("GP"), "{text}");
}
