//! The real binary from outside: hostile stores, answers files, paths and environments; settings; and
//! end to end in a real terminal (tmux). One test binary.

mod attack;
mod cache;
#[path = "../common/mod.rs"]
mod common;
mod config;
mod e2e_tmux;
mod import;
mod journal;
mod layers;
mod loading_tmux;
mod progress;
mod quiz_routine;
mod search_quality;
mod session;
mod session_tmux;
mod tmux;
mod with_journal;
