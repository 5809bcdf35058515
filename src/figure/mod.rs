//! Moving figures drawn from data: a side-view skeleton ([`skeleton`]), poses and keyframes that loop
//! ([`pose`]), the props ([`props`]), the `[figure]` table of an exercise file ([`spec`]), the figure as
//! lines and circles fitted to any grid ([`shapes`]) and a braille rasteriser for text ([`braille`]).
//! No terminal code: the app's canvas draws the same [`Shape`]s.
//!
//! To draw a figure at a time: `let figure = spec.figure(); let bounds = figure.bounds();` once, then per
//! frame `figure.shapes(&figure.at(ms), &bounds)` onto a canvas whose window is
//! `View::fit(bounds, cols * 2, rows * 4, 1.0)` (braille), or [`braille::pose_lines`] for text.

pub mod braille;
pub mod pose;
pub mod props;
pub mod shapes;
pub mod skeleton;
pub mod spec;

pub use pose::{Figure, Keyframe, Label, Pose};
pub use props::{Prop, PropKind};
pub use shapes::{Bounds, Part, Shape, View};
pub use skeleton::{Anchor, Angles, Body, Point};
pub use spec::FigureSpec;

/// The smallest grid, in cells, a figure is drawn in; below it the app leaves it out.
pub const MIN_COLS: usize = 12;
pub const MIN_ROWS: usize = 6;
