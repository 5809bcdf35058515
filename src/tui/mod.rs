//! The terminal app: state and `update` apart from the views, one key table, and a plain
//! draw → poll → handle loop.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod save;
pub mod state;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Screen};
pub use app::App;
pub use terminal::{Options, run};
pub use update::update;
