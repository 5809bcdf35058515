//! The timeline of a session: every step a person goes through, in order, with how long it lasts.

use crate::content::{Dosage, SECONDS_PER_BREATH, SECONDS_PER_REP};
use crate::engine::RoutineItem;

/// The countdown before each exercise and before the second side, unless the caller says otherwise (our
/// suggestion, as issue 12 asks: 5 s).
pub const GET_READY_SECONDS: u32 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Right => "right",
            Side::Left => "left",
        }
    }
}

/// What one set asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// `reps` repetitions, each `seconds_per_rep` of movement plus `hold` seconds at the top.
    Reps {
        reps: u32,
        seconds_per_rep: u32,
        hold: u32,
    },
    /// `breaths` slow breaths, each `seconds_per_breath` long.
    Breaths {
        breaths: u32,
        seconds_per_breath: u32,
    },
    /// A position held (or a movement kept up) for `seconds`.
    Timed { seconds: u32 },
}

impl Work {
    /// The work of one set of `dosage` (the same seconds as [`Dosage::work_seconds`]).
    pub fn of(dosage: &Dosage) -> Work {
        if let Some(reps) = dosage.reps {
            Work::Reps {
                reps: reps.min(1000),
                seconds_per_rep: SECONDS_PER_REP,
                hold: dosage.hold_each(),
            }
        } else if let Some(breaths) = dosage.breaths {
            Work::Breaths {
                breaths: breaths.min(1000),
                seconds_per_breath: SECONDS_PER_BREATH,
            }
        } else {
            Work::Timed {
                seconds: dosage.work_seconds(),
            }
        }
    }

    pub fn seconds(self) -> u32 {
        match self {
            Work::Reps {
                reps,
                seconds_per_rep,
                hold,
            } => reps * (seconds_per_rep + hold),
            Work::Breaths {
                breaths,
                seconds_per_breath,
            } => breaths * seconds_per_breath,
            Work::Timed { seconds } => seconds,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The countdown before an exercise starts.
    GetReady,
    /// The countdown while the person changes to the other side.
    SwitchSide { to: Side },
    /// Set `set` of `sets`, on `side` for an exercise done on each side.
    Set {
        set: u32,
        sets: u32,
        side: Option<Side>,
        work: Work,
    },
    /// The rest after set `after` (a rest between sets; none after the last).
    Rest { after: u32, sets: u32 },
}

/// One step: which routine item it belongs to, what it is, and how long it lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Index into the routine's items.
    pub item: usize,
    pub kind: StepKind,
    pub seconds: u32,
}

impl Step {
    /// Steps that end with a bell: the end of a set and of a rest (the moments a person waits for).
    pub fn rings_at_end(&self) -> bool {
        matches!(self.kind, StepKind::Set { .. } | StepKind::Rest { .. })
    }

    /// Rest steps can be made longer or shorter (±15 s).
    pub fn is_rest(&self) -> bool {
        matches!(self.kind, StepKind::Rest { .. })
    }
}

/// Every step of a session through `items`, in order: for each exercise a get-ready countdown of
/// `get_ready` seconds, then its sets with rests between them — all the sets on the right side, a switch
/// (another countdown), then the left — so that the sets and rests of an exercise add up to its dose's
/// [`Dosage::seconds_total`]. A countdown of 0 leaves the countdowns out.
pub fn timeline(items: &[RoutineItem], get_ready: u32) -> Vec<Step> {
    let mut steps = Vec::new();
    for (item, routine_item) in items.iter().enumerate() {
        let dosage = &routine_item.dosage;
        let step = |kind, seconds| Step {
            item,
            kind,
            seconds,
        };
        if get_ready > 0 {
            steps.push(step(StepKind::GetReady, get_ready));
        }
        let sides: &[Option<Side>] = if dosage.per_side {
            &[Some(Side::Right), Some(Side::Left)]
        } else {
            &[None]
        };
        let sets = dosage.set_count();
        let work = Work::of(dosage);
        for &side in sides {
            if side == Some(Side::Left) && get_ready > 0 {
                steps.push(step(StepKind::SwitchSide { to: Side::Left }, get_ready));
            }
            for set in 1..=sets {
                steps.push(step(
                    StepKind::Set {
                        set,
                        sets,
                        side,
                        work,
                    },
                    work.seconds(),
                ));
                if set < sets {
                    steps.push(step(
                        StepKind::Rest { after: set, sets },
                        dosage.rest_between_sets(),
                    ));
                }
            }
        }
    }
    steps
}
