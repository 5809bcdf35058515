//! The pure core: content checks, the engine and its model, comparison, search, robustness of
//! loading and scoring. One test binary (one link) for all of them.

mod cache;
mod check_fixtures;
#[path = "../common/mod.rs"]
mod common;
mod compare;
mod content_truth;
mod engine;
mod figure;
mod model;
mod progress;
mod progression;
mod robustness;
mod search;
mod session;
