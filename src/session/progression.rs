//! Progression: where an exercise stands on its ladder after the ratings of the sessions so far, by the
//! rules in `plan.toml` (`[progression]`, our suggestion), with each change and why — and the person's
//! current routine that follows from the journal, which every view of the routine shows.

use super::outcome::{Rating, SkipReason};
use crate::content::{Ladder, Plan, Rung, Store};
use crate::engine::{ItemRung, Report, Routine, RoutineChange, RoutineItem};
use crate::journal::Event;
use std::borrow::Cow;
use std::collections::HashMap;

/// The rules, as numbers of sessions in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub up_after_too_easy: u32,
    pub down_after_too_hard: u32,
    pub drop_after_hurt: u32,
}

impl Rules {
    pub fn of(plan: &Plan) -> Rules {
        let p = &plan.progression;
        Rules {
            up_after_too_easy: *p.up_after_too_easy.get_ref(),
            down_after_too_hard: *p.down_after_too_hard.get_ref(),
            drop_after_hurt: *p.drop_after_hurt.get_ref(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Up,
    Down,
    /// Out of the routine.
    Drop,
}

/// One change, after which rating (0-based), and why in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub after: usize,
    pub change: Change,
    pub why: String,
}

/// Where an exercise stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// Rungs from the exercise as given: 1 is the first harder rung, -1 the first easier one.
    pub rung: i32,
    /// Out of the routine after repeated pain.
    pub dropped: bool,
    /// The last session hurt: show the cautions before the next one.
    pub show_cautions: bool,
    /// Each change, in order.
    pub moves: Vec<Moved>,
}

/// Follows `ratings` (this exercise's, oldest first; a skip for pain counts as "it hurt") through the
/// rules. The rung stays within the ladder: an exercise at its top or bottom stays there, and says so.
pub fn follow(rules: Rules, ladder: Option<&Ladder>, ratings: &[Rating]) -> Standing {
    let lowest = -ladder.map_or(0, |l| i32::try_from(l.easier.len()).unwrap_or(i32::MAX));
    let highest = ladder.map_or(0, |l| i32::try_from(l.harder.len()).unwrap_or(i32::MAX));
    let mut standing = Standing::default();
    let (mut easy, mut hard, mut hurt) = (0u32, 0u32, 0u32);
    for (after, &rating) in ratings.iter().enumerate() {
        let mut change = None;
        match rating {
            Rating::AboutRight => (easy, hard, hurt) = (0, 0, 0),
            Rating::TooEasy => {
                (easy, hard, hurt) = (easy + 1, 0, 0);
                if easy >= rules.up_after_too_easy && standing.rung < highest {
                    change = Some((
                        Change::Up,
                        format!("too easy {easy} sessions in a row: one rung harder"),
                    ));
                }
            }
            Rating::TooHard => {
                (easy, hard, hurt) = (0, hard + 1, 0);
                if hard >= rules.down_after_too_hard && standing.rung > lowest {
                    change = Some((
                        Change::Down,
                        format!("too hard {hard} sessions in a row: one rung easier"),
                    ));
                }
            }
            Rating::Hurt => {
                (easy, hard, hurt) = (0, 0, hurt + 1);
                change = if hurt >= rules.drop_after_hurt {
                    Some((
                        Change::Drop,
                        format!(
                            "it hurt {hurt} sessions in a row; if the pain stays, see a physiotherapist or GP"
                        ),
                    ))
                } else if standing.rung > lowest {
                    Some((Change::Down, String::from("it hurt: one rung easier")))
                } else {
                    None
                };
            }
        }
        standing.show_cautions = rating == Rating::Hurt;
        if let Some((change, why)) = change {
            match change {
                Change::Up => standing.rung += 1,
                Change::Down => standing.rung -= 1,
                Change::Drop => standing.dropped = true,
            }
            standing.moves.push(Moved { after, change, why });
            if change == Change::Drop {
                break;
            }
            (easy, hard) = (0, 0);
        }
    }
    standing
}

/// Each exercise's ratings in `events` (the journal's, oldest first), in the same order; a skip for pain
/// counts as "it hurt", other skips and unrated exercises count for nothing.
pub fn ratings_of(events: &[Event]) -> HashMap<String, Vec<Rating>> {
    let mut out: HashMap<String, Vec<Rating>> = HashMap::new();
    for event in events {
        if let Event::Exercise {
            exercise_id,
            rating,
            skip_reason,
            ..
        } = event
        {
            let rating = match (rating, skip_reason) {
                (Some(rating), _) => *rating,
                (None, Some(SkipReason::Pain)) => Rating::Hurt,
                _ => continue,
            };
            out.entry(exercise_id.clone()).or_default().push(rating);
        }
    }
    out
}

/// The routine as the journal has moved it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Current {
    /// The exercises to do now, in the routine's order: those left out after repeated pain are gone, and
    /// one that moved along its ladder carries the rung to do it at.
    pub items: Vec<RoutineItem>,
    /// Each exercise that moved or was left out, and why, in the routine's order.
    pub changes: Vec<RoutineChange>,
}

/// Follows each exercise of `routine` through the plan's rules with its ratings in `events` (the
/// journal's, oldest first). Without a plan, or without ratings, the routine is as given.
pub fn current(store: &Store, routine: &Routine, events: &[Event]) -> Current {
    let Some(plan) = &store.plan else {
        return Current {
            items: routine.items.clone(),
            changes: Vec::new(),
        };
    };
    let rules = Rules::of(plan);
    let history = ratings_of(events);
    let mut now = Current::default();
    for item in &routine.items {
        let ratings = history.get(&item.exercise).map_or(&[][..], Vec::as_slice);
        let ladder = store
            .exercise(&item.exercise)
            .and_then(|e| e.ladder.as_ref());
        let standing = follow(rules, ladder, ratings);
        let why = standing
            .moves
            .last()
            .map_or_else(String::new, |m| m.why.clone());
        if standing.dropped {
            now.changes.push(RoutineChange {
                exercise: item.exercise.clone(),
                name: item.name.clone(),
                what: String::from("left out"),
                why,
                left_out: true,
            });
            continue;
        }
        let mut item = item.clone();
        if let Some(rung) = ladder.and_then(|l| rung_at(l, standing.rung)) {
            now.changes.push(RoutineChange {
                exercise: item.exercise.clone(),
                name: item.name.clone(),
                what: format!(
                    "do it as \"{}\" now ({})",
                    rung.name.as_str(),
                    rung.change.trim_end_matches('.')
                ),
                why,
                left_out: false,
            });
            item.rung = Some(ItemRung {
                steps: standing.rung,
                name: rung.name.to_string(),
                change: rung.change.to_string(),
                exercise: rung.exercise.as_ref().map(|e| e.to_string()),
            });
        }
        now.items.push(item);
    }
    now
}

/// The rung `steps` away from the exercise as given; `None` for the exercise itself.
fn rung_at(ladder: &Ladder, steps: i32) -> Option<&Rung> {
    match steps {
        0 => None,
        r if r > 0 => ladder.harder.get(usize::try_from(r - 1).ok()?),
        r => ladder.easier.get(usize::try_from(-(r + 1)).ok()?),
    }
}

/// `routine` as the journal has moved it ([`current`]): its items, its length and its changes.
pub fn current_routine(store: &Store, routine: &Routine, events: &[Event]) -> Routine {
    let Current { items, changes } = current(store, routine, events);
    Routine {
        chains: routine.chains.clone(),
        total_seconds: items.iter().map(|i| i.seconds).sum(),
        items,
        conflicts: routine.conflicts.clone(),
        avoid: routine.avoid.clone(),
        changes,
    }
}

/// `report` with its routine as the journal has moved it; the report itself when nothing changed.
pub fn current_report<'a>(store: &Store, report: &'a Report, events: &[Event]) -> Cow<'a, Report> {
    let Some(routine) = &report.routine else {
        return Cow::Borrowed(report);
    };
    let now = current_routine(store, routine, events);
    if now.changes.is_empty() {
        return Cow::Borrowed(report);
    }
    let mut report = report.clone();
    report.routine = Some(now);
    Cow::Owned(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Rung;
    use Rating::*;

    const RULES: Rules = Rules {
        up_after_too_easy: 2,
        down_after_too_hard: 2,
        drop_after_hurt: 2,
    };

    fn ladder(easier: usize, harder: usize) -> Ladder {
        let rung = || Rung {
            name: "x".into(),
            change: "y".into(),
            exercise: None,
        };
        Ladder {
            move_up: "up".into(),
            move_down: "down".into(),
            easier: (0..easier).map(|_| rung()).collect(),
            harder: (0..harder).map(|_| rung()).collect(),
        }
    }

    #[test]
    fn two_easy_sessions_in_a_row_move_up_one_rung_and_start_counting_again() {
        let l = ladder(1, 2);
        assert_eq!(follow(RULES, Some(&l), &[TooEasy]).rung, 0);
        assert_eq!(
            follow(RULES, Some(&l), &[TooEasy, AboutRight, TooEasy]).rung,
            0
        );
        let s = follow(RULES, Some(&l), &[TooEasy, TooEasy]);
        assert_eq!(s.rung, 1);
        assert_eq!(s.moves[0].change, Change::Up);
        assert_eq!(s.moves[0].after, 1);
        assert_eq!(
            follow(RULES, Some(&l), &[TooEasy, TooEasy, TooEasy]).rung,
            1
        );
        assert_eq!(follow(RULES, Some(&l), &[TooEasy; 4]).rung, 2);
        assert_eq!(follow(RULES, Some(&l), &[TooEasy; 10]).rung, 2, "the top");
    }

    #[test]
    fn too_hard_once_keeps_twice_steps_down() {
        let l = ladder(1, 1);
        assert_eq!(follow(RULES, Some(&l), &[TooHard]).rung, 0);
        assert_eq!(follow(RULES, Some(&l), &[TooHard, TooHard]).rung, -1);
        assert_eq!(
            follow(RULES, Some(&l), &[TooHard; 6]).rung,
            -1,
            "the bottom"
        );
    }

    #[test]
    fn it_hurt_steps_down_shows_cautions_and_twice_drops_it() {
        let l = ladder(1, 1);
        let once = follow(RULES, Some(&l), &[Hurt]);
        assert_eq!(
            (once.rung, once.show_cautions, once.dropped),
            (-1, true, false)
        );
        let later = follow(RULES, Some(&l), &[Hurt, AboutRight]);
        assert!(
            !later.show_cautions,
            "cautions after a session that hurt, not forever"
        );
        let twice = follow(RULES, Some(&l), &[Hurt, Hurt, TooEasy, TooEasy]);
        assert!(twice.dropped);
        assert_eq!(twice.moves.last().unwrap().change, Change::Drop);
        assert!(twice.moves.last().unwrap().why.contains("GP"));
        assert_eq!(twice.rung, -1, "nothing moves after it is dropped");
    }

    #[test]
    fn without_a_ladder_it_stays_but_still_drops_on_pain() {
        assert_eq!(follow(RULES, None, &[TooEasy; 5]).rung, 0);
        assert!(follow(RULES, None, &[Hurt, Hurt]).dropped);
    }
}
