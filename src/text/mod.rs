//! Text: cleaning what comes in and goes out, width-aware layout, and styled text — the one toolkit the
//! CLI, the Markdown sheet and the app all use.

mod clean;
mod file_text;
pub mod intern;
mod number;
pub mod styled;
mod wrap;

pub use clean::{MAX_ECHO, clean, path, printable, quote};
pub use file_text::{TEXT_NAME, Text};
pub use number::thousands;
pub use styled::{Line, Role, Run};
pub use wrap::{truncate, truncate_line, width, wrap, wrap_pieces, wrap_styled};
