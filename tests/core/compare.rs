//! `compare`: the relation rule, comparisons of the built-in articles, and the `compare` command.

use backchain::compare::{self, Relation, relation, stances};
use backchain::content::{Store, embedded};
use std::collections::BTreeSet;
use std::process::{Command, Output};

fn set<'a>(ids: &[&'a str]) -> BTreeSet<&'a str> {
    ids.iter().copied().collect()
}

fn ids(store: &Store) -> Vec<&str> {
    store.articles.iter().map(|a| a.id.as_str()).collect()
}

fn backchain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(args)
        .env_remove("BACKCHAIN_CONTENT")
        .output()
        .expect("the backchain binary runs")
}

#[test]
fn relation_truth_table() {
    let cases: [(&[&str], &[&str], Relation); 8] = [
        (&["x"], &["x"], Relation::Agree),
        (&["x", "y"], &["y", "x"], Relation::Agree),
        (&["x", "y"], &["x"], Relation::Partly),
        (&["x"], &["x", "y"], Relation::Partly),
        (&["x", "y"], &["y", "z"], Relation::Partly),
        (&["x"], &["y"], Relation::Disagree),
        (&["x"], &[], Relation::OnlyA),
        (&[], &["y"], Relation::OnlyB),
    ];
    for (a, b, expected) in cases {
        assert_eq!(relation(&set(a), &set(b)), expected, "{a:?} vs {b:?}");
    }
    assert_eq!(
        relation(&set(&["x", "y"]), &set(&["z", "w"])),
        Relation::Disagree
    );
}

#[test]
fn relation_names_and_marks() {
    let names: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(names, ["agree", "partly", "disagree", "only_a", "only_b"]);
    let marks: BTreeSet<&str> = Relation::ALL.iter().map(|r| r.symbol()).collect();
    assert_eq!(marks.len(), 5, "each relation has its own mark");
    assert_eq!(Relation::Partly.label("A", "B"), "partly agree");
    assert_eq!(Relation::OnlyA.label("Ribs", "Pulley"), "only Ribs speaks");
    assert_eq!(
        Relation::OnlyB.label("Ribs", "Pulley"),
        "only Pulley speaks"
    );
}

#[test]
fn ribs_and_pulley_disagree_on_pelvic_tilt() {
    let store = embedded();
    let c = compare::compare(&store, "ribs-and-breathing", "pelvic-pulley").unwrap();
    assert_eq!(c.a.number, "000");
    assert_eq!(c.b.number, "003");
    let row = c.row("pelvic-tilt").expect("a pelvic-tilt row");
    assert_eq!(row.relation, Relation::Disagree);
    assert!(!row.a.is_empty() && row.a.iter().all(|c| c.stance == "anterior"));
    assert!(!row.b.is_empty() && row.b.iter().all(|c| c.stance == "posterior"));
}

#[test]
fn ribs_and_pulley_split_on_what_makes_hamstrings_tight() {
    let store = embedded();
    let c = compare::compare(&store, "ribs-and-breathing", "pelvic-pulley").unwrap();
    let row = c.row("tightness-cause").expect("a tightness-cause row");
    // 000 says only "stretched long"; 003 says "short from overuse" and, in its reverse case, also
    // "stretched long" — one shared stance, so by the rule they agree only partly.
    assert_eq!(row.relation, Relation::Partly);
    let a = stances(&store, &["ribs-and-breathing"], "tightness-cause");
    let b = stances(&store, &["pelvic-pulley"], "tightness-cause");
    assert_eq!(a, set(&["stretched-long"]));
    assert!(b.contains("short-overused"));
    assert_ne!(a, b);
    // And outright disagreement on whether tight hamstrings cause the pain.
    assert_eq!(
        c.row("tightness-causes-pain").map(|r| r.relation),
        Some(Relation::Disagree)
    );
}

#[test]
fn brain_and_hinge_agrees_with_hip_rotation_research_on_brain_tension() {
    let store = embedded();
    let c = compare::compare(&store, "brain-and-hinge", "hip-rotation-research").unwrap();
    let row = c.row("brain-tension").expect("a brain-tension row");
    assert_eq!(row.relation, Relation::Agree);
}

#[test]
fn stances_gathers_every_listed_article() {
    let store = embedded();
    assert_eq!(
        stances(
            &store,
            &["ribs-and-breathing", "pelvic-pulley"],
            "pelvic-tilt"
        ),
        set(&["anterior", "posterior"])
    );
    assert!(stances(&store, &[], "pelvic-tilt").is_empty());
    assert!(stances(&store, &["ribs-and-breathing"], "no-such-topic").is_empty());
}

#[test]
fn unknown_id_is_named_with_the_valid_ones() {
    let store = embedded();
    for (a, b) in [("nope", "pelvic-pulley"), ("pelvic-pulley", "nope")] {
        let err = compare::compare(&store, a, b).unwrap_err();
        assert_eq!(err.unknown, "nope");
        assert_eq!(err.known, ids(&store));
        let message = err.to_string();
        assert!(message.contains("\"nope\""), "{message}");
        for id in ids(&store) {
            assert!(message.contains(id), "{message} lacks {id}");
        }
    }
}

#[test]
fn an_article_agrees_with_itself_everywhere() {
    let store = embedded();
    for id in ids(&store) {
        let c = compare::compare(&store, id, id).unwrap();
        assert!(!c.rows.is_empty(), "{id} speaks to some topic");
        for row in &c.rows {
            assert_eq!(row.relation, Relation::Agree, "{id} on {}", row.topic.id);
            assert_eq!(row.a.len(), row.b.len());
        }
        assert_eq!(c.counts().agree, c.rows.len());
    }
}

#[test]
fn rows_are_the_topics_either_speaks_to_in_file_order() {
    let store = embedded();
    for a in ids(&store) {
        for b in ids(&store) {
            let c = compare::compare(&store, a, b).unwrap();
            let expected: Vec<&str> = store
                .topics
                .iter()
                .map(|t| t.id.as_str())
                .filter(|t| {
                    store
                        .claims
                        .iter()
                        .any(|c| c.topic == *t && (c.article == a || c.article == b))
                })
                .collect();
            let got: Vec<&str> = c.rows.iter().map(|r| r.topic.id.as_str()).collect();
            assert_eq!(got, expected, "{a} vs {b}");
            for row in &c.rows {
                let t = row.topic.id.as_str();
                assert!(row.a.iter().all(|c| c.article == a && c.topic == t));
                assert!(row.b.iter().all(|c| c.article == b && c.topic == t));
                let rel = relation(&stances(&store, &[a], t), &stances(&store, &[b], t));
                assert_eq!(row.relation, rel, "{a} vs {b} on {t}");
            }
            let counts = c.counts();
            assert_eq!(counts.total(), c.rows.len());
            assert_eq!(
                counts.only_a,
                compare::compare(&store, b, a).unwrap().counts().only_b
            );
        }
    }
}

#[test]
fn json_output_parses_and_marks_the_tilt_disagreement() {
    let out = backchain(&[
        "compare",
        "ribs-and-breathing",
        "pelvic-pulley",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["a"]["id"], "ribs-and-breathing");
    assert_eq!(doc["b"]["id"], "pelvic-pulley");
    // 003 is labelled by what carries its argument: 18 of its 19 claims are the author's reasoning.
    assert_eq!(doc["b"]["evidence"], "clinical-opinion");
    assert!(
        doc["b"]["evidence_meaning"]
            .as_str()
            .is_some_and(|m| m.contains("professional view")),
        "{}",
        doc["b"]
    );
    let rows = doc["rows"].as_array().expect("rows");
    let tilt = rows
        .iter()
        .find(|r| r["topic"] == "pelvic-tilt")
        .expect("a pelvic-tilt row");
    assert_eq!(tilt["relation"], "disagree");
    assert_eq!(tilt["a"][0]["stance"], "anterior");
    assert_eq!(tilt["b"][0]["stance"], "posterior");
    for key in [
        "id",
        "stance",
        "stance_label",
        "statement",
        "evidence",
        "evidence_meaning",
        "location",
    ] {
        assert!(tilt["a"][0][key].is_string(), "claim lacks {key}");
    }
    let counts = &doc["counts"];
    let total: u64 = ["agree", "partly", "disagree", "only_a", "only_b"]
        .iter()
        .map(|k| counts[k].as_u64().expect("a count"))
        .sum();
    assert_eq!(total as usize, rows.len());
}

#[test]
fn text_output_marks_the_tilt_row_by_word_and_symbol() {
    let out = backchain(&["compare", "ribs-and-breathing", "pelvic-pulley"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("(pelvic-tilt)"))
        .expect("the pelvic tilt row");
    assert!(
        lines[at].starts_with("Which way does the pelvis tilt"),
        "{}",
        lines[at]
    );
    let mark = lines[at + 1];
    assert!(mark.contains('≠') && mark.contains("disagree"), "{mark}");
    assert!(text.contains("Tight Hamstrings, Lower Back Pain"));
    assert!(text.contains("Untitled: hamstrings, pelvis and low back"));
    assert!(text.contains("[clinical-opinion · step 3]"));
    let store = embedded();
    let counts = compare::compare(&store, "ribs-and-breathing", "pelvic-pulley")
        .unwrap()
        .counts();
    let tally = format!(
        "{} agree, {} partly, {} disagree, {} one-sided",
        counts.agree,
        counts.partly,
        counts.disagree,
        counts.only_a + counts.only_b
    );
    let at_tally = lines
        .iter()
        .position(|l| *l == tally)
        .expect("the tally after the rows");
    // Every label used is explained in plain words after the tally.
    assert_eq!(lines[at_tally + 2], "Evidence labels:");
    let legend = lines[at_tally + 3..].join(" ");
    assert!(
        legend.starts_with("- anatomy: Textbook anatomy"),
        "{legend}"
    );
    assert!(
        legend.contains("- clinical-opinion: The author's own"),
        "{legend}"
    );
    assert!(
        !legend.contains("anecdote"),
        "only the labels used: {legend}"
    );
    assert!(text.contains("evidence: clinical-opinion (author's view)"));
    for line in &lines {
        assert!(line.chars().count() <= 78, "too wide: {line:?}");
    }
}

#[test]
fn unknown_id_exits_2_and_names_it() {
    let out = backchain(&["compare", "nope", "pelvic-pulley"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("backchain: "), "{err}");
    assert!(err.contains("\"nope\""), "{err}");
    assert!(err.contains("ribs-and-breathing"), "{err}");

    let out = backchain(&["compare", "ribs-and-breathing", "pelvic"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean pelvic-pulley?"), "{err}");
    let out = backchain(&["compare", "000", "999"]);
    assert_eq!(out.status.code(), Some(2), "an unknown number is an error");
}

#[test]
fn articles_can_be_named_by_number_as_the_app_labels_them() {
    let by_id = backchain(&["compare", "ribs-and-breathing", "pelvic-pulley"]);
    assert_eq!(by_id.status.code(), Some(0));
    for (a, b) in [("000", "003"), ("0", "3"), ("ribs-and-breathing", "003")] {
        let out = backchain(&["compare", a, b]);
        assert_eq!(out.status.code(), Some(0), "compare {a} {b}: {out:?}");
        assert_eq!(out.stdout, by_id.stdout, "compare {a} {b}");
    }
    let json = backchain(&["compare", "001", "004", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(doc["a"]["id"], "brain-and-hinge");
    assert_eq!(doc["b"]["id"], "hip-rotation-research");
}

#[test]
fn the_legend_lists_each_label_shown_once_and_no_other() {
    let store = embedded();
    for a in ids(&store) {
        for b in ids(&store) {
            if a == b {
                continue;
            }
            let c = compare::compare(&store, a, b).unwrap();
            let mut shown = vec![c.a.evidence, c.b.evidence];
            for row in &c.rows {
                shown.extend(row.a.iter().chain(&row.b).map(|claim| claim.evidence));
            }
            let used = c.evidence_used();
            assert!(shown.iter().all(|e| used.contains(e)), "{a} vs {b}");
            assert!(used.iter().all(|e| shown.contains(e)), "{a} vs {b}");
        }
    }
}
