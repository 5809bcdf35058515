//! Where a person is inside a set: which rep and whether to move or hold, which breath and whether to
//! breathe in or out — what the rep counter and the breathing cue show.

use super::steps::Work;

/// Share of a slow breath spent breathing in. The breathing drills' steps ask for a slow, full breath out
/// (crocodile, child's pose, rib expansion); the split, 2 parts in to 3 out, is our own suggestion.
const IN_SHARE_NUMERATOR: u64 = 2;
const IN_SHARE_DENOMINATOR: u64 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breath {
    In,
    Out,
}

/// The pace of a set at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// Rep `rep` of `reps` (from 1); `hold_left_ms` is `Some` while holding at the top.
    Rep {
        rep: u32,
        reps: u32,
        hold_left_ms: Option<u64>,
    },
    /// Breath `breath` of `breaths` (from 1), in or out.
    Breathe {
        breath: u32,
        breaths: u32,
        now: Breath,
    },
    /// A timed hold: milliseconds left.
    Hold { left_ms: u64 },
}

/// The pace of `work` after `elapsed_ms` of the set (past its end: the last rep or breath).
pub fn pace(work: Work, elapsed_ms: u64) -> Pace {
    match work {
        Work::Reps {
            reps,
            seconds_per_rep,
            hold,
        } => {
            let each = u64::from(seconds_per_rep + hold).max(1) * 1000;
            let index = (elapsed_ms / each).min(u64::from(reps.max(1) - 1));
            let into = elapsed_ms.saturating_sub(index * each).min(each);
            let moving = u64::from(seconds_per_rep) * 1000;
            Pace::Rep {
                rep: u32::try_from(index).unwrap_or(u32::MAX) + 1,
                reps,
                hold_left_ms: (hold > 0 && into >= moving).then(|| each - into),
            }
        }
        Work::Breaths {
            breaths,
            seconds_per_breath,
        } => {
            let each = u64::from(seconds_per_breath).max(1) * 1000;
            let index = (elapsed_ms / each).min(u64::from(breaths.max(1) - 1));
            let into = elapsed_ms.saturating_sub(index * each);
            let now = if into * IN_SHARE_DENOMINATOR < each * IN_SHARE_NUMERATOR {
                Breath::In
            } else {
                Breath::Out
            };
            Pace::Breathe {
                breath: u32::try_from(index).unwrap_or(u32::MAX) + 1,
                breaths,
                now,
            }
        }
        Work::Timed { seconds } => Pace::Hold {
            left_ms: (u64::from(seconds) * 1000).saturating_sub(elapsed_ms),
        },
    }
}

/// How full the breathing cue is, in thousandths, after `elapsed_ms` of a breathing set: rising from 0
/// to 1000 while breathing in, falling back to 0 while breathing out (what the app's cue bar draws).
/// `None` for work that is not breathing.
pub fn breath_fill(work: Work, elapsed_ms: u64) -> Option<u32> {
    let Work::Breaths {
        breaths,
        seconds_per_breath,
    } = work
    else {
        return None;
    };
    let each = u64::from(seconds_per_breath).max(1) * 1000;
    let index = (elapsed_ms / each).min(u64::from(breaths.max(1) - 1));
    let into = elapsed_ms.saturating_sub(index * each).min(each);
    let breathe_in = each * IN_SHARE_NUMERATOR / IN_SHARE_DENOMINATOR;
    let fill = if into < breathe_in {
        into * 1000 / breathe_in.max(1)
    } else {
        (each - into) * 1000 / (each - breathe_in).max(1)
    };
    Some(u32::try_from(fill.min(1000)).unwrap_or(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breath_cue_fills_on_the_way_in_and_empties_on_the_way_out() {
        let work = Work::Breaths {
            breaths: 2,
            seconds_per_breath: 5,
        };
        let at = |ms| breath_fill(work, ms).unwrap();
        assert_eq!(at(0), 0);
        assert_eq!(at(1_000), 500);
        assert_eq!(at(2_000), 1000, "full at the top of the breath in");
        assert_eq!(at(3_500), 500);
        assert_eq!(at(5_000), 0, "the next breath starts empty");
        assert_eq!(at(10_000), 0, "past the end: the last breath, empty");
        assert_eq!(breath_fill(Work::Timed { seconds: 5 }, 0), None);
    }

    #[test]
    fn reps_move_then_hold_and_count_from_one() {
        let work = Work::Reps {
            reps: 3,
            seconds_per_rep: 3,
            hold: 2,
        };
        let at = |ms| pace(work, ms);
        assert_eq!(
            at(0),
            Pace::Rep {
                rep: 1,
                reps: 3,
                hold_left_ms: None
            }
        );
        assert_eq!(
            at(3_500),
            Pace::Rep {
                rep: 1,
                reps: 3,
                hold_left_ms: Some(1_500)
            }
        );
        assert_eq!(
            at(5_000),
            Pace::Rep {
                rep: 2,
                reps: 3,
                hold_left_ms: None
            }
        );
        assert!(
            matches!(at(99_000), Pace::Rep { rep: 3, .. }),
            "stays on the last"
        );
    }

    #[test]
    fn a_breath_is_shorter_in_than_out() {
        let work = Work::Breaths {
            breaths: 2,
            seconds_per_breath: 5,
        };
        let now = |ms| match pace(work, ms) {
            Pace::Breathe { breath, now, .. } => (breath, now),
            other => panic!("{other:?}"),
        };
        assert_eq!(now(0), (1, Breath::In));
        assert_eq!(now(1_999), (1, Breath::In));
        assert_eq!(now(2_000), (1, Breath::Out));
        assert_eq!(now(5_000), (2, Breath::In));
    }

    #[test]
    fn a_timed_hold_counts_down_to_zero() {
        let work = Work::Timed { seconds: 30 };
        assert_eq!(pace(work, 0), Pace::Hold { left_ms: 30_000 });
        assert_eq!(pace(work, 29_500), Pace::Hold { left_ms: 500 });
        assert_eq!(pace(work, 31_000), Pace::Hold { left_ms: 0 });
    }
}
