//! The terminal app: one room per screen (`screens/`), one key table with scopes (`keys`), one drawing
//! toolkit (`ui`), state changed only by `update`, and a plain prepare → draw → poll → handle loop.

pub mod action;
pub mod app;
pub mod current;
pub mod keys;
pub mod layout;
pub mod loader;
pub mod loading;
pub mod overlay;
pub mod save;
pub mod screens;
pub mod searcher;
mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod view;

pub use action::{Action, Screen};
pub use app::App;
pub use terminal::{Options, run};
pub use update::update;
