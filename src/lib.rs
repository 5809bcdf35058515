//! backchain: which causal chain explains your tight hamstrings and lower back pain, why, and what to do.
//!
//! The library is the pure core that the CLI, the TUI and the tests share: the content store
//! ([`content`]), the questionnaire engine ([`engine`]), search ([`search`]) and comparison
//! ([`compare`]). Nothing here draws on a terminal.

/// Said wherever backchain gives results.
pub const DISCLAIMER: &str = "backchain is not medical advice. It summarises five public articles; it cannot examine \
you. Red-flag symptoms (saddle numbness, bladder or bowel change, worsening leg weakness, fever, unexplained \
weight loss, major trauma) need a clinician, not a routine.";

pub mod assets;
pub mod cli;
pub mod compare;
pub mod config;
pub mod content;
pub mod engine;
pub mod export;
pub mod files;
pub mod par;
pub mod paths;
pub mod search;
pub mod text;
pub mod tui;
