//! The guided session's core: the timeline every routine becomes, and the clock-driven run through it.

use backchain::content::{Store, embedded};
use backchain::engine::routine;
use backchain::session::{
    Event, GET_READY_SECONDS, Run, Side, Step, StepKind, Work, pace, timeline,
};

/// Every chain's routine, each as its own list of items.
fn routines(store: &Store) -> Vec<backchain::engine::Routine> {
    store
        .chains
        .iter()
        .filter_map(|c| routine::build(store, &[c.id.as_str()]))
        .collect()
}

fn work_and_rest(steps: &[Step], item: usize) -> u32 {
    steps
        .iter()
        .filter(|s| s.item == item)
        .filter(|s| matches!(s.kind, StepKind::Set { .. } | StepKind::Rest { .. }))
        .map(|s| s.seconds)
        .sum()
}

#[test]
fn every_routine_becomes_a_timeline_that_adds_up_to_its_doses() {
    let store = embedded();
    let all = routines(&store);
    assert_eq!(all.len(), store.chains.len(), "every chain has a routine");
    for r in &all {
        let steps = timeline(&r.items, GET_READY_SECONDS);
        for (i, item) in r.items.iter().enumerate() {
            assert_eq!(
                work_and_rest(&steps, i),
                item.seconds,
                "{}: sets and rests are the dose's time",
                item.exercise
            );
            let of_item: Vec<&Step> = steps.iter().filter(|s| s.item == i).collect();
            assert_eq!(of_item[0].kind, StepKind::GetReady, "{}", item.exercise);
            assert_eq!(of_item[0].seconds, GET_READY_SECONDS);
            let sets = of_item
                .iter()
                .filter(|s| matches!(s.kind, StepKind::Set { .. }))
                .count();
            let sides = if item.dosage.per_side { 2 } else { 1 };
            assert_eq!(
                sets,
                sides * item.dosage.sets.max(1) as usize,
                "{}",
                item.exercise
            );
            // No rest after the last set of a side, and never two rests in a row.
            for pair in of_item.windows(2) {
                assert!(
                    !(pair[0].is_rest() && pair[1].is_rest()),
                    "{}",
                    item.exercise
                );
                if pair[0].is_rest() {
                    assert!(matches!(pair[1].kind, StepKind::Set { .. }));
                }
            }
            assert!(!of_item.last().unwrap().is_rest(), "{}", item.exercise);
        }
        // Items follow one another in routine order.
        assert!(steps.windows(2).all(|w| w[0].item <= w[1].item));
    }
}

#[test]
fn an_exercise_done_on_each_side_does_all_right_sets_then_switches() {
    let store = embedded();
    let item = routines(&store)
        .into_iter()
        .flat_map(|r| r.items)
        .find(|i| i.dosage.per_side && i.dosage.sets > 1)
        .expect("some routine has a per-side exercise with sets");
    let steps = timeline(std::slice::from_ref(&item), GET_READY_SECONDS);
    let sides: Vec<Option<Side>> = steps
        .iter()
        .filter_map(|s| match s.kind {
            StepKind::Set { side, .. } => Some(side),
            _ => None,
        })
        .collect();
    let n = item.dosage.sets as usize;
    assert!(sides[..n].iter().all(|&s| s == Some(Side::Right)));
    assert!(sides[n..].iter().all(|&s| s == Some(Side::Left)));
    let switches = steps
        .iter()
        .filter(|s| s.kind == StepKind::SwitchSide { to: Side::Left })
        .count();
    assert_eq!(switches, 1);
    // Without countdowns: only the sets and the rests, the same time.
    let bare = timeline(std::slice::from_ref(&item), 0);
    assert!(
        bare.iter()
            .all(|s| matches!(s.kind, StepKind::Set { .. } | StepKind::Rest { .. }))
    );
    assert_eq!(bare.iter().map(|s| s.seconds).sum::<u32>(), item.seconds);
}

fn small_run() -> (Vec<Step>, u64) {
    let store = embedded();
    let r = routines(&store).remove(0);
    let steps = timeline(&r.items[..2], GET_READY_SECONDS);
    let total = steps.iter().map(|s| u64::from(s.seconds) * 1000).sum();
    (steps, total)
}

#[test]
fn a_run_left_alone_ends_every_step_in_order_rings_and_finishes_once() {
    let (steps, total) = small_run();
    let mut run = Run::new(steps.clone(), 1_000);
    let mut events = Vec::new();
    // Ticks every quarter second, as the app does while something moves.
    let mut now = 1_000;
    while now <= 1_000 + total + 1_000 {
        events.extend(run.tick(now));
        now += 250;
    }
    let ended: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            Event::StepEnded { step, .. } => Some(*step),
            _ => None,
        })
        .collect();
    assert_eq!(ended, (0..steps.len()).collect::<Vec<_>>());
    for e in &events {
        if let Event::StepEnded { step, bell } = e {
            assert_eq!(*bell, steps[*step].rings_at_end());
        }
    }
    let exercises: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            Event::ExerciseEnded { item } => Some(*item),
            _ => None,
        })
        .collect();
    assert_eq!(exercises, [0, 1]);
    assert_eq!(events.last(), Some(&Event::Finished));
    assert_eq!(events.iter().filter(|e| **e == Event::Finished).count(), 1);
    assert!(run.tick(now + 60_000).is_empty(), "nothing after the end");
    assert!(run.is_finished());
    assert_eq!(run.status(now).done_permille, 1000);
}

#[test]
fn one_late_tick_catches_up_with_every_step_it_missed() {
    let (steps, total) = small_run();
    let mut a = Run::new(steps.clone(), 0);
    let mut b = Run::new(steps, 0);
    let mut fine = Vec::new();
    for now in (0..=total / 2).step_by(100) {
        fine.extend(a.tick(now));
    }
    let coarse = b.tick(total / 2);
    assert_eq!(fine, coarse, "the same events whether ticked often or once");
    assert_eq!(a.status(total / 2), b.status(total / 2));
}

#[test]
fn a_paused_session_keeps_its_place_however_long_the_pause() {
    let (steps, _) = small_run();
    let mut run = Run::new(steps, 0);
    run.tick(2_000);
    run.toggle_pause(2_000);
    let place = |run: &Run, now| {
        let s = run.status(now);
        (s.index, s.elapsed_ms, s.paused)
    };
    let (index, elapsed, paused) = place(&run, 2_000);
    assert!(paused);
    assert!(run.tick(10 * 60 * 1000).is_empty(), "no time passes paused");
    assert_eq!(place(&run, 10 * 60 * 1000), (index, elapsed, true));
    run.toggle_pause(10 * 60 * 1000);
    assert_eq!(
        place(&run, 10 * 60 * 1000 + 1_000),
        (index, elapsed + 1_000, false)
    );
}

#[test]
fn rests_take_fifteen_seconds_more_or_less_and_only_rests() {
    let (steps, _) = small_run();
    let rest = steps.iter().position(Step::is_rest).expect("a rest");
    let starts: u64 = steps[..rest]
        .iter()
        .map(|s| u64::from(s.seconds) * 1000)
        .sum();
    let mut run = Run::new(steps.clone(), 0);
    assert!(!run.adjust_rest(0, true), "the get-ready is not a rest");
    run.tick(starts + 1_000);
    let left = run.status(starts + 1_000).left_ms;
    assert!(run.adjust_rest(starts + 1_000, true));
    assert_eq!(run.status(starts + 1_000).left_ms, left + 15_000);
    // Shorter and shorter: never below what has run, and then it ends.
    let mut cuts = 0;
    while run.adjust_rest(starts + 1_000, false) {
        cuts += 1;
        assert!(cuts < 100, "a rest cannot be cut forever");
    }
    assert_eq!(run.status(starts + 1_000).left_ms, 0);
    assert_eq!(
        run.status(starts + 1_000).index,
        rest,
        "it ends at the next tick"
    );
    let events = run.tick(starts + 1_000);
    assert!(events.contains(&Event::StepEnded {
        step: rest,
        bell: true
    }));
}

#[test]
fn skipping_and_moving_between_exercises() {
    let (steps, _) = small_run();
    let second = steps.iter().position(|s| s.item == 1).unwrap();
    let mut run = Run::new(steps.clone(), 0);
    run.tick(3_000);
    assert_eq!(
        run.skip_exercise(3_000),
        [Event::ExerciseSkipped { item: 0 }]
    );
    assert_eq!(run.status(3_000).index, second);
    assert_eq!(
        run.status(3_000).elapsed_ms,
        0,
        "the next exercise starts afresh"
    );
    // p at the start of an exercise goes back one; p later in it goes to its start.
    run.previous_exercise(3_500);
    assert_eq!(run.status(3_500).index, 0);
    run.tick(9_000);
    run.previous_exercise(9_000);
    assert_eq!(run.status(9_000).index, 0);
    assert_eq!(run.status(9_000).elapsed_ms, 0);
    run.next_exercise(9_000);
    assert_eq!(run.status(9_000).index, second);
    // Skipping a step ends it without a bell; skipping the last exercise finishes the session.
    let events = run.skip_step(9_000);
    assert_eq!(events, []);
    assert_eq!(run.status(9_000).index, second + 1);
    let events = run.skip_exercise(9_000);
    assert_eq!(
        events,
        [Event::ExerciseSkipped { item: 1 }, Event::Finished]
    );
    assert!(run.is_finished());
}

#[test]
fn time_left_falls_and_the_share_done_rises_as_time_passes() {
    let (steps, total) = small_run();
    let mut run = Run::new(steps, 0);
    let start = run.status(0);
    assert_eq!((start.session_left_ms, start.done_permille), (total, 0));
    let mut done = 0;
    for now in (0..total).step_by(700) {
        run.tick(now);
        let s = run.status(now);
        assert_eq!(s.session_left_ms, total - now);
        assert!(s.done_permille >= done);
        done = s.done_permille;
    }
}

#[test]
fn a_set_of_reps_shows_each_rep_in_turn() {
    let store = embedded();
    let item = routines(&store)
        .into_iter()
        .flat_map(|r| r.items)
        .find(|i| i.dosage.reps.is_some() && i.dosage.hold_seconds.is_some())
        .expect("some routine has reps with a hold");
    let work = Work::of(&item.dosage);
    let Work::Reps { reps, .. } = work else {
        panic!("{work:?}");
    };
    let mut seen = Vec::new();
    for ms in (0..u64::from(work.seconds()) * 1000).step_by(500) {
        if let backchain::session::Pace::Rep { rep, .. } = pace(work, ms)
            && seen.last() != Some(&rep)
        {
            seen.push(rep);
        }
    }
    assert_eq!(seen, (1..=reps).collect::<Vec<_>>());
}
