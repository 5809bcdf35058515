//! The built-in content says no more than its articles: hedges kept, claims filed where the article puts
//! them, honest provenance and ladders on every exercise, routines that respect prerequisites, and 003's
//! reverse pattern as a chain whose inferred parts are marked as ours.

use backchain::compare::{Relation, compare};
use backchain::content::{
    Evidence, Exercise, PartSource, Phase, Region, StepSource, Store, embedded,
};
use backchain::engine::routine::{self, Routine};
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

fn exercise(id: &str) -> &'static Exercise {
    store()
        .exercise(id)
        .unwrap_or_else(|| panic!("no exercise {id}"))
}

/// The routine for one chain alone, as a clear verdict for it would give.
fn routine_for(chain: &str) -> Routine {
    routine::build(store(), &[chain]).unwrap_or_else(|| panic!("a routine for {chain}"))
}

fn ids(routine: &Routine) -> Vec<&str> {
    routine.items.iter().map(|i| i.exercise.as_str()).collect()
}

#[test]
fn the_built_in_store_checks_clean() {
    let (_, problems) =
        Store::load(&backchain::content::Origin::Embedded).expect("the built-in store reads");
    assert!(problems.is_empty(), "{problems:?}");
}

// ---- claims ----

#[test]
fn hedges_the_articles_use_are_kept() {
    // (claim, a word or phrase that carries the article's hedge)
    let hedged = [
        ("rb-stiff-ribs", "most of the time"),
        ("bh-brain-signal", "often"),
        ("bh-brain-restricts", "has a say"),
        ("pp-short-overuse", "chronically"),
        ("pp-front-weak", "often"),
        ("pp-pulley", "can be pulled"),
        ("ts-sleepy-overwork", "extra hard"),
        ("ts-sleepy-forward-bend", "often"),
        ("ts-check-hamstrings", "may be time"),
        ("ts-lowback-stretch", "sometimes"),
    ];
    for (id, hedge) in hedged {
        let claim = store().claim(id).unwrap_or_else(|| panic!("no claim {id}"));
        assert!(
            claim.statement.contains(hedge),
            "{id} lost its hedge {hedge:?}: {}",
            claim.statement
        );
    }
    // And the overstatements the first pass made are gone.
    for (id, overstated) in [
        ("bh-brain-signal", "usually"),
        ("bh-brain-restricts", "governs"),
        ("pp-short-overuse", "for good"),
        ("ts-sleepy-overwork", "whole job"),
    ] {
        let claim = store().claim(id).unwrap();
        assert!(
            !claim.statement.contains(overstated),
            "{id}: {}",
            claim.statement
        );
    }
}

#[test]
fn claims_sit_under_the_topic_the_article_speaks_to() {
    let placed = [
        // 001 takes no stance on stretching; its good morning is about waking the hamstrings.
        ("bh-good-morning", "hamstring-activity", "wake-up"),
        // Anatomy (and a metaphor) is not support for "hamstrings cause back pain".
        ("ts-anchor", "hamstring-anatomy", "pelvis-to-knee"),
        ("pp-attachments", "hamstring-anatomy", "pelvis-to-knee"),
        // A symptom of sleepy hamstrings, not advice on how to bend.
        ("ts-sleepy-forward-bend", "pain-mechanism", "swayback-load"),
    ];
    for (id, topic, stance) in placed {
        let claim = store().claim(id).unwrap();
        assert_eq!(
            (claim.topic.as_str(), claim.stance.as_str()),
            (topic, stance),
            "{id}"
        );
    }
}

#[test]
fn no_disagreement_is_invented() {
    let relation = |a: &str, b: &str, topic: &str| {
        compare(store(), a, b)
            .unwrap()
            .rows
            .iter()
            .find(|r| r.topic.id == topic)
            .map(|r| r.relation)
    };
    // 002 never says the low back should round in a forward bend.
    assert_eq!(
        relation("brain-and-hinge", "tight-or-sleepy", "bending-pattern"),
        Some(Relation::OnlyA)
    );
    // 001 says nothing about stretching, so it cannot agree with 002 about it.
    assert_eq!(
        relation("brain-and-hinge", "tight-or-sleepy", "stretching"),
        Some(Relation::OnlyB)
    );
    // 001 and 004 both want hip-rotation work, for different reasons; neither disputes the other.
    assert_eq!(
        relation("brain-and-hinge", "hip-rotation-research", "hip-rotation"),
        Some(Relation::Agree)
    );
    // A disagreement the articles do hold is kept: 003 quiets tight hamstrings, 002 strengthens them.
    assert_eq!(
        relation("tight-or-sleepy", "pelvic-pulley", "hamstring-activity"),
        Some(Relation::Disagree)
    );
    let tight = routine_for("tight-hamstrings");
    assert!(
        tight.conflicts.iter().all(|c| c.topic != "bending-pattern"),
        "{:?}",
        tight.conflicts
    );
    assert!(
        tight
            .conflicts
            .iter()
            .any(|c| c.topic == "hamstring-activity")
    );
}

#[test]
fn the_missing_points_are_there() {
    let expect = [
        ("ts-posture-dynamic", "tight-or-sleepy"),
        ("ts-posture-cues", "tight-or-sleepy"),
        ("ts-modern-life", "tight-or-sleepy"),
        ("ts-lowback-job", "tight-or-sleepy"),
        ("bh-teams", "brain-and-hinge"),
        ("bh-regular", "brain-and-hinge"),
        ("pp-extensors-together", "pelvic-pulley"),
        ("pp-learn-teamwork", "pelvic-pulley"),
        ("pp-tear-risk", "pelvic-pulley"),
        ("hr-outcome", "hip-rotation-research"),
    ];
    for (id, article) in expect {
        let claim = store().claim(id).unwrap_or_else(|| panic!("no claim {id}"));
        assert_eq!(claim.article, article, "{id}");
    }
    assert_eq!(
        store().claim("hr-outcome").unwrap().evidence,
        Evidence::Anecdote
    );
}

#[test]
fn articles_are_labelled_by_what_carries_them() {
    let claims_of = |a: &str| store().claims_of(a).map(|c| c.evidence).collect::<Vec<_>>();
    let pulley = store().article("pelvic-pulley").unwrap();
    let opinion = claims_of("pelvic-pulley")
        .iter()
        .filter(|e| **e == Evidence::ClinicalOpinion)
        .count();
    assert!(opinion * 2 > claims_of("pelvic-pulley").len());
    assert_eq!(pulley.evidence, Evidence::ClinicalOpinion);
    // 004 names no study: research it mentions cannot carry the label.
    assert_ne!(
        store().article("hip-rotation-research").unwrap().evidence,
        Evidence::ResearchCited
    );
    for article in &store().articles {
        assert!(
            article.evidence_note.contains("No study named")
                || article.evidence_note.contains("no study named"),
            "{}: say where no study is named: {}",
            article.id,
            article.evidence_note
        );
    }
    for claim in store()
        .claims
        .iter()
        .filter(|c| c.evidence == Evidence::ResearchCited)
    {
        let note = claim.note.as_deref().unwrap_or_default();
        assert!(note.starts_with("No study named"), "{}: {note}", claim.id);
    }
    for evidence in Evidence::ALL {
        assert!(evidence.meaning().len() > 40);
        assert!(evidence.gloss().chars().count() <= 16, "{evidence:?}");
    }
}

// ---- the sixth chain ----

#[test]
fn tight_hip_flexors_is_003s_reverse_story_with_our_parts_marked() {
    let chain = store().chain("tight-hip-flexors").expect("the sixth chain");
    assert_eq!(chain.articles, ["pelvic-pulley"]);
    assert!(chain.short.chars().count() <= 24);
    assert!(
        store()
            .article("pelvic-pulley")
            .unwrap()
            .chains
            .iter()
            .any(|c| c == "tight-hip-flexors")
    );
    // 003 never says which way the pelvis tips here.
    assert_eq!(chain.tilt_source, StepSource::Reconstruction);
    let claims: Vec<&str> = chain
        .steps
        .iter()
        .flat_map(|s| s.claims.iter().map(|c| c.as_str()))
        .collect();
    for id in ["pp-reverse", "pp-tired-tight", "pp-tear-risk"] {
        assert!(claims.contains(&id), "{id} is part of 003's story");
    }
    let ours: Vec<_> = chain
        .steps
        .iter()
        .filter(|s| s.source == StepSource::Reconstruction)
        .collect();
    assert!(!ours.is_empty(), "the pelvis step is ours");
    for step in &ours {
        assert!(
            step.source_note.is_some(),
            "{}: say what it rests on",
            step.label
        );
    }
    for step in chain
        .steps
        .iter()
        .filter(|s| s.source == StepSource::Article)
    {
        assert!(
            !step.detail.to_lowercase().contains("pelvis"),
            "003 says nothing of the pelvis here: {}",
            step.label
        );
    }
    // 003 gives no way out, so every part of it says it is ours.
    let way = &chain.way_out;
    for text in [&way.first, &way.next, way.avoid.as_ref().unwrap()] {
        assert!(text.starts_with("Our reconstruction"), "{text}");
    }
    // A stretch for the tight front and strengthening for the long, weak hamstrings.
    let serving: Vec<&Exercise> = store().exercises_for("tight-hip-flexors").collect();
    assert!(serving.iter().any(|e| {
        e.phase == Phase::Mobilise
            && (e.regions.contains(&Region::Quads) || e.regions.contains(&Region::HipFlexors))
    }));
    assert!(
        serving
            .iter()
            .any(|e| { e.phase == Phase::Strengthen && e.regions.contains(&Region::Hamstrings) })
    );
    let routine = routine_for("tight-hip-flexors");
    assert!(
        ids(&routine).contains(&"hamstring-bridge"),
        "{:?}",
        ids(&routine)
    );
}

// ---- exercises ----

#[test]
fn every_exercise_has_a_ladder_both_ways_and_cautions() {
    for e in &store().exercises {
        let ladder = e
            .ladder
            .as_ref()
            .expect("every built-in exercise has a ladder");
        assert!(!ladder.easier.is_empty(), "{}: an easier rung", e.id);
        assert!(!ladder.harder.is_empty(), "{}: a harder rung", e.id);
        assert!(!ladder.move_up.trim().is_empty() && !ladder.move_down.trim().is_empty());
        assert!(e.dosage.is_some() && e.position.is_some(), "{}", e.id);
        assert!(
            e.source.is_none(),
            "{}: the built-in store imports nothing",
            e.id
        );
        assert!(
            e.cautions.iter().any(|c| c.starts_with("Stop")),
            "{}: says when to stop",
            e.id
        );
    }
}

#[test]
fn provenance_says_what_the_articles_do_not_give() {
    let parts = |id: &str| {
        let p = exercise(id)
            .provenance
            .as_ref()
            .expect("a built-in exercise's provenance");
        (*p.idea.get_ref(), *p.steps.get_ref(), *p.dose.get_ref())
    };
    use PartSource::*;
    // 001 gives the good morning's dose but only a vague description of the movement.
    assert_eq!(
        parts("modified-good-morning"),
        (Article, Reconstruction, Article)
    );
    // 001 gives no sets or reps for its side-lying drill.
    assert_eq!(parts("side-lying-hip-rotation").2, Suggestion);
    // 004's drills exist only in its video.
    for id in ["kneeling-hip-ir-stretch", "standing-hip-ir-drill"] {
        assert_eq!(parts(id), (Article, Reconstruction, Suggestion), "{id}");
    }
    // 002 and 003 name no exercise: at most the idea is theirs, never the steps or dose.
    for e in store().exercises.iter().filter(|e| {
        e.articles
            .iter()
            .all(|a| a == "tight-or-sleepy" || a == "pelvic-pulley")
            && !e.articles.is_empty()
    }) {
        let (_, steps, dose) = parts(&e.id);
        assert_eq!((steps, dose), (Suggestion, Suggestion), "{}", e.id);
    }
    assert_eq!(
        store().provenance_line(exercise("modified-good-morning")),
        "idea: 001 · steps: reconstructed from 001 · dose: 001"
    );
    assert_eq!(
        store().provenance_line(exercise("bird-dog")),
        "idea, steps, dose: our suggestion"
    );
}

#[test]
fn the_kneeling_stretch_and_its_claim_name_the_same_muscles() {
    let stretch = exercise("kneeling-hip-ir-stretch");
    let claim = store().claim("hr-ir-drills").unwrap();
    let note = claim.note.as_deref().unwrap();
    // The hips turn inward, so the outward rotators lengthen: said in both places.
    assert!(
        stretch.summary.contains("turn them outward"),
        "{}",
        stretch.summary
    );
    assert!(note.contains("turn the hip outward"), "{note}");
    assert!(
        !claim
            .statement
            .contains("stretch for the hip internal rotators")
    );
    for muscle in ["piriformis", "obturator internus", "quadratus femoris"] {
        assert!(stretch.muscles.iter().any(|m| m == muscle), "{muscle}");
    }
}

#[test]
fn the_clamshell_and_cat_cow_serve_only_what_they_fit() {
    // Outward rotation does not serve the inward-rotation chain.
    assert!(
        !exercise("clamshell")
            .chains
            .iter()
            .any(|c| c == "hip-rotation")
    );
    assert!(!ids(&routine_for("hip-rotation")).contains(&"clamshell"));
    assert!(
        store()
            .exercises_for("hip-rotation")
            .any(|e| e.phase == Phase::Activate),
        "something else trains the inward turn"
    );
    // 002's chains say not to stretch the low back itself.
    for chain in ["tight-hamstrings", "sleepy-hamstrings"] {
        assert!(!ids(&routine_for(chain)).contains(&"cat-cow"), "{chain}");
    }
}

// ---- routines ----

#[test]
fn the_tight_hamstrings_routine_strengthens_the_hamstrings() {
    let routine = routine_for("tight-hamstrings");
    assert!(
        routine.items.iter().any(|item| {
            let e = exercise(&item.exercise);
            matches!(e.phase, Phase::Strengthen | Phase::Activate)
                && e.regions.contains(&Region::Hamstrings)
        }),
        "002 asks for strengthening as well as lengthening: {:?}",
        ids(&routine)
    );
}

#[test]
fn no_first_routine_gives_an_exercise_before_what_it_builds_on() {
    for chain in &store().chains {
        let routine = routine_for(&chain.id);
        let ids = ids(&routine);
        for (at, id) in ids.iter().enumerate() {
            for required in &exercise(id).requires {
                let before = ids[..at].iter().any(|x| *x == required.as_str());
                assert!(before, "{}: {id} before {required}: {ids:?}", chain.id);
            }
        }
        let rdl = ids.iter().position(|x| *x == "romanian-deadlift");
        let gm = ids.iter().position(|x| *x == "modified-good-morning");
        if let Some(rdl) = rdl {
            assert!(gm.is_some_and(|gm| gm < rdl), "{}: {ids:?}", chain.id);
        }
        for item in &routine.items {
            assert!(!item.provenance.summary.is_empty());
        }
    }
    // The deadlift's chain gets the good morning in its place.
    let brain = routine_for("brain-guarding");
    assert!(
        !ids(&brain).contains(&"romanian-deadlift"),
        "{:?}",
        ids(&brain)
    );
    assert!(ids(&brain).contains(&"modified-good-morning"));
    // And a harder hamstring exercise gives way to the bridge it requires.
    let reverse = routine_for("tight-hip-flexors");
    assert!(!ids(&reverse).contains(&"hamstring-slider-curl"));
}

#[test]
fn the_routine_sheet_says_where_each_exercise_comes_from() {
    let answers = crate::common::fixture_answers(store(), "brain-and-hinge");
    let report = backchain::engine::evaluate(store(), &answers);
    let sheet =
        backchain::engine::present::sheet(store(), &report, &[], "2026-11-30").to_markdown();
    assert!(
        sheet.contains("*idea: 001 · steps: reconstructed from 001 · dose: 001*"),
        "{sheet}"
    );
    assert!(sheet.contains("*idea, steps, dose: our suggestion*"));
}

// ---- the command line ----

fn show(kind: &str, id: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(["show", kind, id])
        .env_remove("BACKCHAIN_CONTENT")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn show_marks_what_is_ours_and_explains_the_labels() {
    let chain = show("chain", "tight-hip-flexors");
    assert!(chain.contains("Pelvic tilt: anterior (our reconstruction, not the article's)"));
    assert!(
        chain.contains(
            "  5. Pelvis tipped forward?\n     [our reconstruction, not the article's]\n"
        )
    );
    assert!(!chain.contains("  1. Quads, hip flexors too tight\n     [our"));
    assert!(chain.contains("     source: Inferred from 003's pulley picture"));
    let exercise = show("exercise", "side-lying-hip-rotation");
    assert!(exercise.contains(
        "Where it comes from: idea: 001 · steps: reconstructed from 001 · dose: our suggestion"
    ));
    assert!(exercise.contains("Easier (nearest first):\n  - Clamshell (clamshell): "));
    assert!(exercise.contains("\nMove up:\n  When 10 slow reps"));
    assert!(
        show("exercise", "romanian-deadlift").contains("First make easy: modified-good-morning")
    );
    assert!(show("exercise", "clamshell").contains("On the ladders of: side-lying-hip-rotation"));
    let claim = show("claim", "hr-ir-link");
    assert!(
        claim.contains("Evidence: research-cited\n          The article says research backs this.")
    );
    let article = show("article", "pelvic-pulley");
    assert!(article.contains("Evidence: clinical-opinion:\n  The author's own professional view"));
    assert!(article.contains("Evidence labels:\n  - anatomy: Textbook anatomy"));
}

#[test]
fn the_review_table_covers_every_claim_as_it_stands() {
    let review = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/content-review.md"
    ))
    .expect("docs/content-review.md");
    for claim in &store().claims {
        let row = review
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", claim.id)))
            .unwrap_or_else(|| panic!("no review row for {}", claim.id));
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells.len(), 5, "{row}");
        assert_eq!(
            cells[1].replace("\\|", "|"),
            claim.statement.as_str(),
            "{}",
            claim.id
        );
        assert_eq!(cells[2], claim.location.as_str(), "{}", claim.id);
        assert_eq!(
            cells[3],
            format!("`{}`", claim.evidence.as_str()),
            "{}",
            claim.id
        );
    }
    for article in &store().articles {
        assert!(
            review.contains(&format!(
                "| {} `{}` | `{}` |",
                article.number,
                article.id,
                article.evidence.as_str()
            )),
            "{}",
            article.id
        );
    }
}
