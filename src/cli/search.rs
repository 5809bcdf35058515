//! `backchain search QUERY`: fuzzy search over exercises.

use super::{Exit, SearchArgs};
use crate::content::Origin;

pub fn run(origin: &Origin, args: &SearchArgs) -> Exit {
    let _ = (origin, args);
    eprintln!("backchain: search is being built");
    Exit::Usage
}
