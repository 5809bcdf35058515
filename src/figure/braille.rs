//! A pure rasteriser: shapes onto a grid of braille cells (2 × 4 dots each), as text for the CLI and the
//! Markdown sheet. It maps figure units to dots as the app's canvas does, so both draw the same figure.

use super::pose::{Figure, Pose};
use super::shapes::{Shape, View};
use super::skeleton::Point;

/// A grid of dots `cols` × `rows` braille cells large.
pub struct Dots {
    cols: usize,
    rows: usize,
    /// One byte of dots per cell, in the braille bit order.
    cells: Vec<u8>,
}

/// The bit of each dot in a braille cell, by (column, row) in the cell: Unicode's dot numbering.
const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

impl Dots {
    pub fn new(cols: usize, rows: usize) -> Dots {
        Dots {
            cols,
            rows,
            cells: vec![0; cols * rows],
        }
    }

    /// The grid's view of a figure's bounds: square dots, two across and four down a cell.
    pub fn view(&self, figure_bounds: super::shapes::Bounds) -> View {
        View::fit(figure_bounds, self.cols * 2, self.rows * 4, 1.0)
    }

    /// Sets the dot at (x, y), counted from the top-left; dots off the grid are left out.
    pub fn set(&mut self, x: i64, y: i64) {
        let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) else {
            return;
        };
        if x >= self.cols * 2 || y >= self.rows * 4 {
            return;
        }
        self.cells[(y / 4) * self.cols + x / 2] |= BITS[x % 2][y % 4];
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

    /// The grid as lines of braille characters (a blank cell is U+2800, which keeps its width).
    pub fn lines(&self) -> Vec<String> {
        (self.cells.chunks(self.cols.max(1)))
            .take(self.rows)
            .map(|row| {
                row.iter()
                    .map(|&bits| char::from_u32(0x2800 + u32::from(bits)).unwrap_or(' '))
                    .collect()
            })
            .collect()
    }
}

/// `pose` of `figure` drawn in `cols` × `rows` braille cells, fitted to the figure's whole reach.
pub fn pose_lines(figure: &Figure, pose: &Pose, cols: usize, rows: usize) -> Vec<String> {
    let mut dots = Dots::new(cols, rows);
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
