//! A guided session, as pure data and a clock-driven state machine (issue 12, part 1): no terminal, no
//! real clock. [`timeline`] turns a routine into the steps a person goes through — get ready, each set
//! (on each side), the rests between sets — and [`Run`] walks them as the caller passes in the time from a
//! monotonic clock, so the app, the plain-terminal `session` command and the tests drive the same thing,
//! and a test can run a whole session in microseconds.
//!
//! Where the numbers come from: set, rep, hold and rest counts are the exercise's dose (its provenance
//! says whose); the seconds a rep or a breath takes and the 5-second get-ready are backchain's own
//! suggestion ([`crate::content::SECONDS_PER_REP`], [`crate::content::SECONDS_PER_BREATH`],
//! [`GET_READY_SECONDS`]).

mod outcome;
mod pace;
pub mod progression;
mod run;
mod steps;
mod words;

pub use outcome::{Outcome, Pain, Rating, SkipReason, parse_choice};
pub use pace::{Breath, Pace, breath_fill, pace};
pub use run::{Event, REST_STEP_MS, Run, Status};
pub use steps::{GET_READY_SECONDS, Side, Step, StepKind, Work, timeline};
pub use words::{clock, outcome_words, pace_words, seconds_up, step_title};
