//! The exercise's figure in the Session screen, moving with the session's own clock: one loop of the
//! figure is one rep (its key pose held as long as the dose's hold), a timed hold moves into the key pose
//! and stays there for the set, a breathing figure goes round once a breath; during a get-ready, a side
//! switch or a rest it stands in its starting pose. Paused or without motion: the key pose, still.

use crate::figure::{Figure, FigureSpec, Pose};
use crate::session::{Step, StepKind, Work};

/// The figure as timed for `step`, and its pose `elapsed_ms` into it.
pub fn figure_now(
    spec: &FigureSpec,
    step: Option<&Step>,
    elapsed_ms: u64,
    moving: bool,
) -> (Figure, Pose) {
    let base = spec.figure();
    let hold_ms = |seconds: u32| seconds.saturating_mul(1000);
    let figure = match step.map(|s| s.kind) {
        Some(StepKind::Set {
            work: Work::Reps { hold, .. },
            ..
        }) => base.with_key_hold(hold_ms(hold)),
        Some(StepKind::Set {
            work: Work::Timed { seconds },
            ..
        }) => base.with_key_hold(hold_ms(seconds)),
        _ => base,
    };
    if !moving {
        let key = figure.key_pose();
        return (figure, key);
    }
    let pose = match step.map(|s| s.kind) {
        Some(StepKind::Set {
            work: Work::Breaths {
                seconds_per_breath, ..
            },
            ..
        }) => {
            let each = u64::from(seconds_per_breath).max(1) * 1000;
            figure.pose_at_fraction((elapsed_ms % each) as f64 / each as f64)
        }
        Some(StepKind::Set { .. }) => figure.at(elapsed_ms),
        // Getting ready, switching sides, resting: where the movement starts.
        _ => figure.at(0),
    };
    (figure, pose)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Side;

    fn spec() -> FigureSpec {
        crate::content::embedded()
            .exercise("hamstring-bridge")
            .and_then(|e| e.figure.cloned())
            .expect("a built-in exercise with a figure")
    }

    fn set(work: Work) -> Step {
        Step {
            item: 0,
            kind: StepKind::Set {
                set: 1,
                sets: 1,
                side: Some(Side::Right),
                work,
            },
            seconds: work.seconds(),
        }
    }

    #[test]
    fn a_rep_holds_the_key_pose_as_long_as_the_dose_says() {
        let step = set(Work::Reps {
            reps: 8,
            seconds_per_rep: 3,
            hold: 3,
        });
        let (figure, _) = figure_now(&spec(), Some(&step), 0, true);
        let plain = spec().figure();
        assert_eq!(
            figure.cycle_ms() - plain.with_key_hold(0).cycle_ms(),
            3_000,
            "the hold on the clock is the hold in the figure"
        );
    }

    #[test]
    fn still_without_motion_and_at_the_start_between_sets() {
        let step = set(Work::Timed { seconds: 30 });
        let (figure, pose) = figure_now(&spec(), Some(&step), 12_345, false);
        assert_eq!(pose, figure.key_pose());
        let rest = Step {
            item: 0,
            kind: StepKind::Rest { after: 1, sets: 2 },
            seconds: 30,
        };
        let (figure, pose) = figure_now(&spec(), Some(&rest), 9_000, true);
        assert_eq!(pose, figure.at(0));
    }
}
