//! backchain: which causal chain explains your tight hamstrings and lower back pain, why, and what to do.
//!
//! The library is the pure core that the CLI, the TUI and the tests share: the content store
//! ([`content`]), the questionnaire engine ([`engine`]), search ([`search`]) and comparison
//! ([`compare`]), the guided session's timeline, clock and progression ([`session`]), the journal of
//! sessions and pain ratings ([`journal`]), progress over the weeks ([`progress`]), the text toolkit
//! ([`text`]) and the report document ([`document`]). Nothing here draws on a terminal: the app is
//! behind the `tui` feature (on by default), and the library builds without it.

pub mod assets;
pub mod cli;
pub mod compare;
pub mod config;
pub mod content;
pub mod date;
pub mod document;
pub mod engine;
pub mod export;
pub mod figure;
pub mod files;
pub mod heap;
pub mod import;
pub mod journal;
pub mod par;
pub mod paths;
pub mod progress;
pub mod search;
pub mod session;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
