//! The screens not yet moved into `screens/`: one small state per screen, each with the `update` that
//! changes it.

pub mod exercises;
pub mod results;

pub use exercises::ExercisesState;
pub use results::ResultsState;
