//! The screens not yet moved into `screens/`: one small state per screen, each with the `update` that
//! changes it.

pub mod compare;
pub mod library;
pub mod results;

pub use compare::CompareState;
pub use library::LibraryState;
pub use results::ResultsState;
