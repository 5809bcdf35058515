//! `backchain compare A B`: two articles' claims aligned by topic.

use super::{Exit, Format};
use crate::content::Store;

pub fn run(store: &Store, a: &str, b: &str, format: Format) -> Exit {
    let _ = (store, a, b, format);
    eprintln!("backchain: compare is being built");
    Exit::Usage
}
