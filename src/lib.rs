//! backchain: which causal chain explains your tight hamstrings and lower back pain, why, and what to do.
//!
//! The library is the pure core that the CLI, the TUI and the tests share: the content store
//! ([`content`]), the questionnaire engine ([`engine`]), search ([`search`]) and comparison
//! ([`compare`]). Nothing here draws on a terminal.

pub mod assets;
pub mod cli;
pub mod content;
pub mod paths;
pub mod text;
