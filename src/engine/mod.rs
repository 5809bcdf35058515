//! The questionnaire engine: answers in; the safety gate, red flags, each story's probability with its
//! reasons, the next question worth asking, and a routine out.

pub mod answers;
pub mod counterpoint;
pub mod enumerate;
pub mod flow;
pub mod model;
pub mod next;
pub mod present;
pub mod red_flags;
pub mod report;
pub mod routine;
pub mod score;
pub mod verdict;

pub use answers::{Answer, Answers};
pub use red_flags::{RedFlag, disclaimer};
pub use report::{Report, Standing, evaluate};
pub use routine::{ItemRung, Routine, RoutineChange, RoutineItem};
pub use score::{ChainScore, Reason};
