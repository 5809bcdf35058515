//! A session's moments in words, the same for the line version and the app: what the step is, where the
//! pace is, how long is left.

use super::outcome::Outcome;
use super::pace::{Breath, Pace};
use super::steps::{Step, StepKind};
use crate::engine::RoutineItem;

/// "Glute bridge · set 1 of 3 · right side", "Rest after set 1 of 3", "Get ready: Glute bridge".
pub fn step_title(step: &Step, items: &[RoutineItem]) -> String {
    let name = items.get(step.item).map_or("", |i| i.name.as_str());
    match step.kind {
        StepKind::GetReady => format!("Get ready: {name}"),
        StepKind::SwitchSide { to } => format!("{name}: switch to the {} side", to.as_str()),
        StepKind::Set {
            set, sets, side, ..
        } => {
            let mut out = String::from(name);
            if sets > 1 {
                out.push_str(&format!(" · set {set} of {sets}"));
            }
            if let Some(side) = side {
                out.push_str(&format!(" · {} side", side.as_str()));
            }
            out
        }
        StepKind::Rest { after, sets } => format!("Rest after set {after} of {sets}"),
    }
}

/// "rep 3 of 10", "rep 3 of 10 · hold 2 s", "breath 2 of 5 · breathe in", "25 s left".
pub fn pace_words(pace: Pace) -> String {
    match pace {
        Pace::Rep {
            rep,
            reps,
            hold_left_ms,
        } => match hold_left_ms {
            Some(ms) => format!("rep {rep} of {reps} · hold {} s", seconds_up(ms)),
            None => format!("rep {rep} of {reps}"),
        },
        Pace::Breathe {
            breath,
            breaths,
            now,
        } => format!(
            "breath {breath} of {breaths} · {}",
            match now {
                Breath::In => "breathe in",
                Breath::Out => "breathe out slowly",
            }
        ),
        Pace::Hold { left_ms } => format!("{} s left", seconds_up(left_ms)),
    }
}

/// What became of an exercise, in words: "done, about right", "skipped (pain)", "not reached" —
/// or "left part-way through" for the one under way when the person left.
pub fn outcome_words(outcome: Option<Outcome>, left_part_way: bool) -> String {
    match outcome {
        None if left_part_way => String::from("left part-way through"),
        None => String::from("not reached"),
        Some(Outcome::Done(None)) => String::from("done"),
        Some(Outcome::Done(Some(r))) => format!("done, {}", r.words()),
        Some(Outcome::Skipped(None)) => String::from("skipped"),
        Some(Outcome::Skipped(Some(r))) => format!("skipped ({})", r.words()),
    }
}

/// Whole seconds, rounded up: a countdown shows 1 until it reaches 0.
pub fn seconds_up(ms: u64) -> u64 {
    ms.div_ceil(1000)
}

/// "0:05", "4:31", "1:02:07": a time left, rounded up to the second.
pub fn clock(ms: u64) -> String {
    let s = seconds_up(ms);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_round_up_and_grow_hours() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(1), "0:01");
        assert_eq!(clock(59_001), "1:00");
        assert_eq!(clock(3_727_000), "1:02:07");
    }

    #[test]
    fn pace_in_words() {
        let rep = Pace::Rep {
            rep: 3,
            reps: 10,
            hold_left_ms: Some(1_200),
        };
        assert_eq!(pace_words(rep), "rep 3 of 10 · hold 2 s");
        let breath = Pace::Breathe {
            breath: 1,
            breaths: 5,
            now: Breath::Out,
        };
        assert_eq!(pace_words(breath), "breath 1 of 5 · breathe out slowly");
        assert_eq!(pace_words(Pace::Hold { left_ms: 24_001 }), "25 s left");
    }
}
