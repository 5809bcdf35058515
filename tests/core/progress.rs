//! Progress over the weeks: the meaningful-change rule at its edges, when to see a clinician, when a
//! retest is due, weeks without sessions, and the synthetic journal read back.

use backchain::date::{Date, rfc3339_utc};
use backchain::journal::{Event, Journal};
use backchain::progress::{Measure, Progress, Series, Summary, Tone, Trend, synthetic};

/// Day 0 of every test: Monday 2026-09-07.
fn base() -> i64 {
    Date::parse("2026-09-07").unwrap().days()
}

fn at(day: i64) -> String {
    rfc3339_utc((base() + day) * 86_400 + 9 * 3600)
}

fn now(day: i64) -> i64 {
    (base() + day) * 86_400 + 12 * 3600
}

fn pain(day: i64, value: u8) -> Event {
    Event::Pain {
        id: day,
        at: at(day),
        value,
        note: String::new(),
    }
}

fn session(day: i64, before: Option<u8>, after: Option<u8>) -> Event {
    Event::Session {
        id: day,
        at: at(day),
        ended_at: None,
        pain_before: before,
        pain_after: after,
        note: String::new(),
    }
}

fn retest(day: i64, measure: Measure, value: f64) -> Event {
    Event::Retest {
        id: day,
        at: at(day),
        measure: measure.id().to_string(),
        value,
    }
}

/// Ratings every day of the first week (`first`) and of the third (`latest`, cycled).
fn two_weeks(first: &[u8], latest: &[u8]) -> Vec<Event> {
    let mut events = Vec::new();
    for (day, value) in (0..7).zip(first.iter().cycle()) {
        events.push(pain(day, *value));
    }
    for (i, value) in latest.iter().enumerate() {
        // Several a day when there are more than seven, all within days 14–20.
        events.push(pain(14 + (i as i64 % 7), *value));
    }
    events
}

fn summary(events: &[Event], today: i64) -> Summary {
    Summary::of(
        &Series::of(events, Some(3), now(today)),
        Some(2),
        now(today),
    )
}

#[test]
fn two_points_down_is_meaningful_and_one_point_nine_is_not() {
    let at_two = summary(&two_weeks(&[10], &[8]), 20);
    let c = at_two.change.unwrap();
    assert_eq!((c.first_week, c.latest_week), (10.0, 8.0));
    assert_eq!(
        at_two.trend,
        Trend::Meaningful,
        "2 of 10 is 20 %, but 2 points"
    );
    // Nine 8s and one 9: 8.1, a drop of 1.9 points (19 %).
    let below = summary(&two_weeks(&[10], &[8, 8, 8, 8, 8, 8, 8, 8, 8, 9]), 20);
    assert!((below.change.unwrap().latest_week - 8.1).abs() < 1e-9);
    assert_eq!(below.trend, Trend::Small);
    assert!(
        below.sentences[0]
            .text
            .contains("not yet a meaningful change")
    );
}

#[test]
fn thirty_percent_down_is_meaningful_and_twenty_nine_is_not() {
    // 5 → 3.5: 1.5 points, exactly 30 %.
    let exact = summary(&two_weeks(&[5], &[3, 4]), 20);
    assert!((exact.change.unwrap().latest_week - 3.5).abs() < 1e-9);
    assert_eq!(exact.trend, Trend::Meaningful);
    assert_eq!(exact.sentences[0].tone, Tone::Good);
    assert!(exact.sentences[0].text.contains("meaningful change"));
    // 5 → 3.55: 1.45 points, 29 %.
    let mut latest = vec![4; 11];
    latest.extend([3; 9]);
    let below = summary(&two_weeks(&[5], &latest), 20);
    assert!((below.change.unwrap().latest_week - 3.55).abs() < 1e-9);
    assert_eq!(below.trend, Trend::Small);
}

#[test]
fn pain_getting_worse_means_see_a_clinician_at_once() {
    let worse = summary(&two_weeks(&[4], &[5, 6]), 20);
    assert_eq!(worse.trend, Trend::Worse);
    assert!(worse.see_clinician);
    assert!(
        worse.sentences[0].text.contains("1.5 points"),
        "{:?}",
        worse.sentences
    );
    assert!(
        worse
            .sentences
            .iter()
            .any(|s| s.tone == Tone::Warning && s.text.contains("GP or a physiotherapist"))
    );
}

#[test]
fn four_weeks_without_meaningful_change_means_see_a_clinician_three_do_not() {
    let mut events = two_weeks(&[5], &[5]);
    events.extend((21..28).map(|d| pain(d, 5)));
    let three = summary(&events, 27);
    assert_eq!(three.weeks, 3);
    assert_eq!(three.trend, Trend::Same);
    assert!(!three.see_clinician);
    let warned = |s: &Summary| s.sentences.iter().any(|s| s.tone == Tone::Warning);
    assert!(!warned(&three));
    assert!(
        three
            .sentences
            .iter()
            .any(|s| s.text.contains("by 2026-10-05")),
        "{:?}",
        three.sentences
    );
    let four = summary(&events, 28);
    assert_eq!(four.weeks, 4);
    assert!(four.see_clinician);
    assert!(warned(&four));
    assert!(
        four.sentences
            .iter()
            .any(|s| s.text.contains("After 4 weeks"))
    );
    // A meaningful drop at four weeks: no clinician.
    let mut better = two_weeks(&[6], &[6]);
    better.extend((21..28).map(|d| pain(d, 3)));
    let better = summary(&better, 28);
    assert_eq!(better.trend, Trend::Meaningful);
    assert!(!better.see_clinician);
}

#[test]
fn too_little_data_says_what_is_needed() {
    let s = summary(&[pain(0, 5), pain(5, 4)], 6);
    assert_eq!(s.trend, Trend::NotEnough);
    assert!(s.sentences[0].text.contains("two weeks of ratings"));
    assert!(s.sentences.iter().any(|s| s.text.contains("by 2026-10-05")));
    // Long after a few ratings: no reminder dated in the past, and no verdict on too little data.
    let late = summary(&[pain(0, 5), pain(5, 4)], 60);
    assert!(!late.see_clinician);
    assert!(
        !late
            .sentences
            .iter()
            .any(|s| s.text.contains("by 2026-10-05"))
    );
    let empty = summary(&[], 0);
    assert!(empty.sentences[0].text.contains("Nothing recorded yet"));
    assert_eq!(empty.retest, None);
}

#[test]
fn a_retest_is_due_two_weeks_after_the_first_session_then_after_the_last_retest() {
    let events = vec![session(0, Some(5), Some(4))];
    assert!(!summary(&events, 13).retest.unwrap().due);
    let due = summary(&events, 14).retest.unwrap();
    assert!(due.due);
    assert_eq!(due.last_day, None);
    let mut events = events;
    events.push(retest(14, Measure::FingertipFloor, 12.0));
    let after = summary(&events, 20).retest.unwrap();
    assert!(!after.due);
    assert_eq!(after.due_day, base() + 28);
    assert!(summary(&events, 28).retest.unwrap().due);
    assert!(
        summary(&events, 28)
            .sentences
            .iter()
            .any(|s| s.tone == Tone::Warning && s.text.contains("A retest is due"))
    );
}

#[test]
fn weeks_without_sessions_are_counted() {
    let events = [session(0, Some(5), None), session(23, Some(4), None)];
    let series = Series::of(&events, Some(3), now(23));
    let counts: Vec<u32> = series.weeks.iter().map(|w| w.sessions).collect();
    assert_eq!(counts, [1, 0, 0, 1]);
    assert_eq!(series.weeks[0].label(), "2026-W37");
    // Up to today's week, when today is later than the last session.
    let later = Series::of(&events, Some(3), now(40));
    assert_eq!(later.weeks.len(), 6);
    assert_eq!(later.weeks[5].sessions, 0);
}

#[test]
fn the_average_uses_pain_before_and_ratings_on_their_own_not_pain_after() {
    let events = [session(0, Some(6), Some(0)), pain(1, 4)];
    let series = Series::of(&events, None, now(1));
    let readings: Vec<u8> = series.readings.iter().map(|r| r.value).collect();
    assert_eq!(readings, [6, 4]);
    assert_eq!(series.average.last().unwrap().mean, 5.0);
    assert_eq!(series.target, None);
}

#[test]
fn retests_of_unknown_measures_are_counted_not_shown() {
    let events = [
        retest(0, Measure::HipInwardRight, 30.0),
        Event::Retest {
            id: 9,
            at: at(0),
            measure: String::from("sit_and_reach_cm"),
            value: 3.0,
        },
        retest(14, Measure::HipInwardRight, 34.0),
        retest(14, Measure::FingertipFloor, 10.0),
    ];
    let series = Series::of(&events, None, now(14));
    assert_eq!(series.unknown_retests, 1);
    let measures: Vec<Measure> = series.retests.iter().map(|s| s.measure).collect();
    assert_eq!(measures, [Measure::FingertipFloor, Measure::HipInwardRight]);
    assert_eq!(series.retests[1].points.len(), 2);
}

#[test]
fn the_synthetic_journal_reads_back_as_twelve_weeks_of_progress() {
    let dir = tempfile::tempdir().unwrap();
    let start = base() * 86_400;
    let mut events = Vec::new();
    for name in ["a.sqlite3", "b.sqlite3"] {
        let (mut journal, _) = Journal::open(&dir.path().join(name)).unwrap();
        synthetic::fill(&mut journal, 84, start, 7).unwrap();
        events.push(journal.events(None).unwrap());
    }
    assert_eq!(
        events[0], events[1],
        "the same seed writes the same journal"
    );
    let (store, _) =
        backchain::content::Store::load(&backchain::content::Origin::Embedded).unwrap();
    let plan = store.plan;
    let progress = Progress::of(&events[0], plan.as_ref(), now(84));
    assert_eq!(progress.series.sessions.len(), 36);
    assert_eq!(progress.series.weeks.len(), 13);
    assert!(progress.series.weeks[..12].iter().all(|w| w.sessions == 3));
    assert_eq!(progress.series.retests.len(), 3);
    assert!(progress.series.retests.iter().all(|s| s.points.len() == 6));
    assert_eq!(progress.summary.trend, Trend::Meaningful);
    assert!(!progress.summary.see_clinician);
    assert!(progress.summary.retest.unwrap().due);
    let text = progress.to_text(78);
    assert!(text.contains("(plan: 3 a week; · one short)"), "{text}");
    assert!(text.contains("Fingertips to floor"), "{text}");
}

#[test]
fn a_batch_of_writes_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(&dir.path().join("j.sqlite3")).unwrap();
    let pain = backchain::journal::Pain::new(4).unwrap();
    let failed = journal.batch(|j| {
        j.add_pain(now(0), pain, "kept only with the rest")?;
        // No session 999: this write fails, and the pain above must go with it.
        j.end_session(backchain::journal::SessionId(999), now(0), None, "")
    });
    assert!(failed.is_err());
    assert!(journal.events(None).unwrap().is_empty());
    journal
        .batch(|j| {
            j.add_pain(now(0), pain, "")?;
            j.add_pain(now(1), pain, "")
        })
        .unwrap();
    assert_eq!(journal.events(None).unwrap().len(), 2);
    // Writes after a batch take their own transactions again.
    journal.add_pain(now(2), pain, "").unwrap();
    assert_eq!(journal.events(None).unwrap().len(), 3);
}

#[test]
fn the_screen_reads_only_the_kinds_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let (mut journal, _) = Journal::open(&dir.path().join("j.sqlite3")).unwrap();
    synthetic::fill(&mut journal, 28, base() * 86_400, 1).unwrap();
    let all = journal.events(None).unwrap();
    let some = journal
        .events_of(None, &backchain::progress::KINDS)
        .unwrap();
    assert!(all.iter().any(|e| e.kind() == "exercise"));
    assert!(some.iter().all(|e| e.kind() != "exercise"));
    let without: Vec<&Event> = all.iter().filter(|e| e.kind() != "exercise").collect();
    assert_eq!(some.iter().collect::<Vec<_>>(), without);
    // The same progress either way.
    let plan = None;
    assert_eq!(
        Progress::of(&all, plan, now(28)),
        Progress::of(&some, plan, now(28))
    );
}
