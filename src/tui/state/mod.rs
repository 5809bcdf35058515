//! The screens not yet moved into `screens/`: one small state per screen, each with the `update` that
//! changes it.

pub mod compare;
pub mod library;

pub use compare::CompareState;
pub use library::LibraryState;
