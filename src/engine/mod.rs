//! The questionnaire engine: answers in; red flags, ranked chains with reasons, and a routine out.

pub mod answers;
pub mod flow;
pub mod markdown;
pub mod red_flags;
pub mod report;
pub mod routine;
pub mod score;

pub use answers::{Answer, Answers};
pub use red_flags::RedFlag;
pub use report::{Report, evaluate};
pub use routine::{Routine, RoutineItem};
pub use score::{ChainScore, Reason};
