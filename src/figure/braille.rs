//! A pure rasteriser: shapes onto a grid of braille cells (2 × 4 dots each), or of half blocks (1 × 2) for
//! a font without braille, as text for the CLI, the Markdown sheet and the app's scrolled text. It maps
//! figure units to dots as the app's canvas does, so both draw the same figure.

use super::pose::{Figure, Pose};
use super::shapes::{Shape, View};
use super::skeleton::Point;

/// A grid of dots `cols` × `rows` cells large.
pub struct Dots {
    cols: usize,
    rows: usize,
    /// Braille cells (2 × 4 dots); else half blocks (1 × 2).
    braille: bool,
    /// One byte of dots per cell: the braille bit order, or 1 for the top half and 2 for the bottom.
    cells: Vec<u8>,
}

/// The bit of each dot in a braille cell, by (column, row) in the cell: Unicode's dot numbering.
const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

impl Dots {
    /// Braille cells.
    pub fn new(cols: usize, rows: usize) -> Dots {
        Dots::with(cols, rows, true)
    }

    /// Braille cells, or half blocks when `braille` is false.
    pub fn with(cols: usize, rows: usize, braille: bool) -> Dots {
        Dots {
            cols,
            rows,
            braille,
            cells: vec![0; cols * rows],
        }
    }

    /// Dots across and down a cell.
    fn per_cell(&self) -> (usize, usize) {
        if self.braille { (2, 4) } else { (1, 2) }
    }

    /// The grid's view of a figure's bounds: square dots (a cell is about twice as high as wide).
    pub fn view(&self, figure_bounds: super::shapes::Bounds) -> View {
        let (across, down) = self.per_cell();
        View::fit(figure_bounds, self.cols * across, self.rows * down, 1.0)
    }

    /// Sets the dot at (x, y), counted from the top-left; dots off the grid are left out.
    pub fn set(&mut self, x: i64, y: i64) {
        let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) else {
            return;
        };
        let (across, down) = self.per_cell();
        if x >= self.cols * across || y >= self.rows * down {
            return;
        }
        let bit = if self.braille {
            BITS[x % 2][y % 4]
        } else {
            1 << (y % 2)
        };
        self.cells[(y / down) * self.cols + x / across] |= bit;
    }

    /// Draws one shape through `view`.
    pub fn draw(&mut self, shape: &Shape, view: &View) {
        match *shape {
            Shape::Line { from, to, .. } => self.line(view.project(from), view.project(to)),
            Shape::Circle { center, radius, .. } => {
                let dots = radius / view.unit_per_dot();
                // Enough points round the circle that neighbours touch.
                let steps = ((dots * std::f64::consts::TAU).ceil() as usize).clamp(8, 720);
                for i in 0..steps {
                    let a = i as f64 / steps as f64 * std::f64::consts::TAU;
                    let p = Point::new(center.x + radius * a.cos(), center.y + radius * a.sin());
                    let (x, y) = view.project(p);
                    self.set(x.round() as i64, y.round() as i64);
                }
            }
        }
    }

    /// A line between two dot positions, one dot per step along its longer axis.
    fn line(&mut self, a: (f64, f64), b: (f64, f64)) {
        let steps = (b.0 - a.0).abs().max((b.1 - a.1).abs()).ceil().max(1.0);
        let n = steps.min(10_000.0) as usize;
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let x = a.0 + (b.0 - a.0) * t;
            let y = a.1 + (b.1 - a.1) * t;
            self.set(x.round() as i64, y.round() as i64);
        }
    }

    /// The grid as lines of characters: braille (a blank cell is U+2800, which keeps its width) or
    /// half blocks (a blank cell is a space).
    pub fn lines(&self) -> Vec<String> {
        let cell = |bits: u8| {
            if self.braille {
                char::from_u32(0x2800 + u32::from(bits)).unwrap_or(' ')
            } else {
                [' ', '▀', '▄', '█'][usize::from(bits & 3)]
            }
        };
        (self.cells.chunks(self.cols.max(1)))
            .take(self.rows)
            .map(|row| row.iter().map(|&bits| cell(bits)).collect())
            .collect()
    }
}

/// `pose` of `figure` drawn in `cols` × `rows` braille cells, fitted to the figure's whole reach.
pub fn pose_lines(figure: &Figure, pose: &Pose, cols: usize, rows: usize) -> Vec<String> {
    pose_lines_in(figure, pose, cols, rows, true)
}

/// [`pose_lines`] in braille or, when `braille` is false, half blocks.
pub fn pose_lines_in(
    figure: &Figure,
    pose: &Pose,
    cols: usize,
    rows: usize,
    braille: bool,
) -> Vec<String> {
    let mut dots = Dots::with(cols, rows, braille);
    let bounds = figure.bounds();
    let view = dots.view(bounds);
    for shape in figure.shapes(pose, &bounds) {
        dots.draw(&shape, &view);
    }
    dots.lines()
}

/// The key pose as text: the drawing, then one line for each label ("○ stretch here").
pub fn key_pose_text(figure: &Figure, cols: usize, rows: usize) -> String {
    let mut out = String::new();
    for line in pose_lines(figure, &figure.key_pose(), cols, rows) {
        out.push_str(line.trim_end_matches('\u{2800}'));
        out.push('\n');
    }
    for label in &figure.labels {
        out.push_str(&format!("○ {}\n", label.text));
    }
    out
}
