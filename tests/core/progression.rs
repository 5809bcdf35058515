//! The person's current routine: the journal's ratings move exercises along their ladders or leave them
//! out, and every view of the routine (the sheet, the CLI text, the JSON) shows the same routine with
//! what changed and why.

use crate::common::fixture_answers;
use backchain::content::{Store, embedded};
use backchain::engine::{self, Report, present};
use backchain::journal::{Event, Rating, SkipReason};
use backchain::session::progression::{current, current_report, ratings_of};
use std::borrow::Cow;
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

/// 003's person: a routine of eight exercises with the hamstring bridge and the wall sit in it.
fn report() -> Report {
    let report = engine::evaluate(store(), &fixture_answers(store(), "pelvic-pulley"));
    let routine = report.routine.as_ref().expect("a routine");
    for id in ["hamstring-bridge", "wall-sit"] {
        assert!(routine.items.iter().any(|i| i.exercise == id), "{id}");
    }
    report
}

/// One session a day, each exercise rated as given.
fn sessions(days: &[&[(&str, Rating)]]) -> Vec<Event> {
    let mut events = Vec::new();
    for (day, rated) in days.iter().enumerate() {
        let session = i64::try_from(day).unwrap() + 1;
        events.push(Event::Session {
            id: session,
            at: format!("2026-11-{:02}T08:00:00Z", day + 1),
            ended_at: None,
            pain_before: None,
            pain_after: None,
            note: String::new(),
        });
        for (n, (exercise, rating)) in rated.iter().enumerate() {
            events.push(Event::Exercise {
                id: session * 100 + i64::try_from(n).unwrap(),
                at: format!("2026-11-{:02}T08:{:02}:00Z", day + 1, n + 1),
                session_id: session,
                exercise_id: (*exercise).to_owned(),
                outcome: "done",
                skip_reason: None,
                rating: Some(*rating),
            });
        }
    }
    events
}

#[test]
fn too_easy_twice_moves_an_exercise_one_rung_harder_and_every_view_says_so() {
    let report = report();
    let events = sessions(&[
        &[("hamstring-bridge", Rating::TooEasy)],
        &[("hamstring-bridge", Rating::TooEasy)],
    ]);
    let now = current(store(), report.routine.as_ref().unwrap(), &events);
    let bridge = now
        .items
        .iter()
        .find(|i| i.exercise == "hamstring-bridge")
        .expect("still in the routine");
    let rung = bridge.rung.as_ref().expect("on a rung");
    assert_eq!((rung.steps, rung.name.as_str()), (1, "Heels further away"));
    assert_eq!(bridge.title(), "Hamstring bridge — as Heels further away");
    assert_eq!(now.items.len(), 8, "nothing left out");
    assert_eq!(now.changes.len(), 1, "{:?}", now.changes);
    let change = &now.changes[0];
    assert!(!change.left_out);
    assert_eq!(
        change.sentence(),
        "Hamstring bridge: do it as \"Heels further away\" now (Place the heels a little further from \
         your bottom each week; the further away, the more the hamstrings work): too easy 2 sessions \
         in a row: one rung harder."
    );

    let sheet = present::sheet(store(), &report, &events, "2026-11-30").to_markdown();
    assert!(
        sheet.contains("### What changed since your last sessions, and why"),
        "{sheet}"
    );
    assert!(
        sheet.contains("too easy 2 sessions in a row: one rung harder"),
        "{sheet}"
    );
    assert!(
        sheet.contains("progression\\] in plan.toml): our suggestion, not an article's"),
        "the rules' source: {sheet}"
    );
    assert!(
        sheet.contains("| Hamstring bridge — as Heels further away |"),
        "the tick table: {sheet}"
    );
    assert!(
        sheet.contains("### Hamstring bridge — as Heels further away"),
        "the exercise in full: {sheet}"
    );

    let text = present::cli_report(store(), &report, &events).to_text(100);
    assert!(
        text.contains("What changed since your last sessions"),
        "{text}"
    );
    assert!(
        text.contains("Hamstring bridge — as Heels further away"),
        "{text}"
    );

    let json = current_report(store(), &report, &events).to_json("");
    let item = json["routine"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["exercise"] == "hamstring-bridge")
        .unwrap();
    assert_eq!(
        item["name"], "Hamstring bridge",
        "the name keeps its meaning"
    );
    assert_eq!(item["rung"]["name"], "Heels further away");
    assert_eq!(item["rung"]["steps"], 1);
    assert_eq!(json["routine_changes"][0]["exercise"], "hamstring-bridge");
    assert_eq!(json["routine_changes"][0]["left_out"], false);
}

#[test]
fn it_hurt_twice_leaves_an_exercise_out_and_says_to_see_a_clinician_if_it_persists() {
    let report = report();
    let events = sessions(&[&[("wall-sit", Rating::Hurt)], &[("wall-sit", Rating::Hurt)]]);
    let now = current(store(), report.routine.as_ref().unwrap(), &events);
    assert_eq!(now.items.len(), 7);
    assert!(!now.items.iter().any(|i| i.exercise == "wall-sit"));
    assert_eq!(now.changes.len(), 1);
    let change = &now.changes[0];
    assert!(change.left_out);
    assert_eq!(change.what, "left out");
    assert!(
        change
            .why
            .contains("if the pain stays, see a physiotherapist or GP"),
        "{}",
        change.why
    );

    let shown = current_report(store(), &report, &events);
    let routine = shown.routine.as_ref().unwrap();
    let built = report.routine.as_ref().unwrap();
    let wall_sit = built
        .items
        .iter()
        .find(|i| i.exercise == "wall-sit")
        .unwrap();
    assert_eq!(
        routine.total_seconds,
        built.total_seconds - wall_sit.seconds,
        "its time is gone too"
    );

    let sheet = present::sheet(store(), &report, &events, "2026-11-30").to_markdown();
    assert!(
        sheet.contains("**Wall sit** is left out: it hurt 2 sessions in a row"),
        "{sheet}"
    );
    assert!(sheet.contains("see a physiotherapist or GP"), "{sheet}");
    assert!(
        !sheet.contains("| Wall sit |"),
        "not in the tick table: {sheet}"
    );
    assert!(!sheet.contains("### Wall sit"), "not in full: {sheet}");
}

#[test]
fn without_ratings_the_routine_is_the_one_built() {
    let report = report();
    let built = report.routine.as_ref().unwrap();
    for events in [
        Vec::new(),
        sessions(&[
            &[
                ("hamstring-bridge", Rating::AboutRight),
                ("wall-sit", Rating::TooEasy),
            ],
            &[("hamstring-bridge", Rating::Hurt)],
            &[("hamstring-bridge", Rating::TooHard)],
            &[("no-such-exercise", Rating::Hurt)],
            &[("no-such-exercise", Rating::Hurt)],
        ]),
    ] {
        let now = current(store(), built, &events);
        if events.is_empty() {
            assert_eq!(now.items, built.items);
            assert!(now.changes.is_empty());
            assert!(matches!(
                current_report(store(), &report, &events),
                Cow::Borrowed(_)
            ));
            assert_eq!(
                present::sheet(store(), &report, &events, "2026-11-30"),
                present::sheet(store(), &report, &[], "2026-11-30")
            );
        } else {
            // One "it hurt" steps the bridge down to the glute bridge rung: a change, not the routine
            // as built, and the unknown exercise changes nothing.
            assert_eq!(now.items.len(), built.items.len());
            assert_eq!(now.changes.len(), 1, "{:?}", now.changes);
        }
    }
    let sheet = present::sheet(store(), &report, &[], "2026-11-30").to_markdown();
    assert!(!sheet.contains("What changed"), "{sheet}");
    assert!(!sheet.contains(" — as "), "{sheet}");
    let json = report.to_json("");
    assert_eq!(json["routine_changes"], serde_json::json!([]));
    assert!(json["routine"][0].get("rung").is_none());
}

#[test]
fn the_ratings_are_each_exercises_in_order_and_a_skip_for_pain_counts_as_it_hurt() {
    let mut events = sessions(&[
        &[("bird-dog", Rating::TooEasy)],
        &[("bird-dog", Rating::TooHard)],
    ]);
    for (n, reason) in [
        (1, Some(SkipReason::Pain)),
        (2, Some(SkipReason::NoEquipment)),
        (3, None),
    ] {
        events.push(Event::Exercise {
            id: 900 + n,
            at: format!("2026-11-1{n}T08:00:00Z"),
            session_id: 1,
            exercise_id: String::from("wall-sit"),
            outcome: "skipped",
            skip_reason: reason,
            rating: None,
        });
    }
    let ratings = ratings_of(&events);
    assert_eq!(ratings["bird-dog"], [Rating::TooEasy, Rating::TooHard]);
    assert_eq!(
        ratings["wall-sit"],
        [Rating::Hurt],
        "only the skip for pain"
    );
    assert_eq!(ratings.len(), 2);
}

#[test]
fn a_rung_that_is_an_exercise_of_its_own_gives_that_exercise_in_the_sheet() {
    let report = report();
    // Too easy four times: two rungs up, to the small ball, an exercise of its own.
    let too_easy: &[(&str, Rating)] = &[("hamstring-foam-roll", Rating::TooEasy)];
    let events = sessions(&[too_easy, too_easy, too_easy, too_easy]);
    let now = current(store(), report.routine.as_ref().unwrap(), &events);
    let roll = (now.items.iter())
        .find(|i| i.exercise == "hamstring-foam-roll")
        .expect("still in the routine");
    assert_eq!(roll.shown_exercise(), "hamstring-small-ball-release");
    let ball = store().exercise("hamstring-small-ball-release").unwrap();
    let base = store().exercise("hamstring-foam-roll").unwrap();
    assert_eq!(roll.shown(store()).unwrap().id, ball.id);
    let cautions: Vec<&str> = ball.cautions.iter().map(|c| c.as_str()).collect();
    assert_eq!(roll.shown_cautions(store()), cautions);
    let sheet = present::sheet(store(), &report, &events, "2026-11-30").to_markdown();
    let section = sheet
        .split("### Hamstring foam roll — as Small ball")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("the exercise in full");
    assert!(section.contains(ball.steps[0].as_str()), "{section}");
    assert!(!section.contains(base.steps[0].as_str()), "{section}");
    // An item as given shows its own exercise.
    let as_given = (now.items.iter())
        .find(|i| i.rung.is_none())
        .expect("an item as given");
    assert_eq!(as_given.shown_exercise(), as_given.exercise);
}
