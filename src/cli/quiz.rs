//! `backchain quiz`: answers in, chains + reasons + routine out.

use super::{Exit, QuizFormat};
use crate::content::Store;
use std::path::Path;

pub fn run(store: &Store, answers: Option<&Path>, format: QuizFormat) -> Exit {
    let _ = (store, answers, format);
    eprintln!("backchain: quiz is being built");
    Exit::Usage
}
