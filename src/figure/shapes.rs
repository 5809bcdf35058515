//! The figure as lines and circles in figure units — what the app's canvas and the braille rasteriser
//! both draw, so they draw the same thing — and the view that fits it into a grid of dots.

use super::skeleton::{Body, Point, length};

/// What a shape belongs to, so a renderer can colour it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The far arm and leg (drawn first, dimmer where there is colour).
    Far,
    /// The trunk, neck, head and the near arm and leg.
    Near,
    Prop,
    /// A ring on the place a label points at.
    Mark,
}

/// One line or circle, in figure units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Line {
        from: Point,
        to: Point,
        part: Part,
    },
    Circle {
        center: Point,
        radius: f64,
        part: Part,
    },
}

impl Shape {
    pub fn part(&self) -> Part {
        match self {
            Shape::Line { part, .. } | Shape::Circle { part, .. } => *part,
        }
    }

    /// The points that bound the shape: a line's ends, a circle's top, bottom, left and right.
    pub fn extremes(&self) -> [Point; 4] {
        match *self {
            Shape::Line { from, to, .. } => [from, to, from, to],
            Shape::Circle { center, radius, .. } => [
                center.shifted(-radius, 0.0),
                center.shifted(radius, 0.0),
                center.shifted(0.0, -radius),
                center.shifted(0.0, radius),
            ],
        }
    }
}

/// The radius of a label's ring.
pub const MARK_RADIUS: f64 = 0.4;

/// The body's lines (far side first) and the head's circle.
pub fn body_shapes(body: &Body, out: &mut Vec<Shape>) {
    for (limbs, part) in [(&body.far, Part::Far), (&body.near, Part::Near)] {
        for (from, to) in [
            (body.shoulder, limbs.elbow),
            (limbs.elbow, limbs.hand),
            (body.pelvis, limbs.knee),
            (limbs.knee, limbs.ankle),
            (limbs.ankle, limbs.toe),
        ] {
            out.push(Shape::Line { from, to, part });
        }
        if part == Part::Far {
            out.push(Shape::Line {
                from: body.pelvis,
                to: body.shoulder,
                part: Part::Near,
            });
            out.push(Shape::Line {
                from: body.shoulder,
                to: body.neck,
                part: Part::Near,
            });
            out.push(Shape::Line {
                from: body.pelvis_back,
                to: body.pelvis_front,
                part: Part::Near,
            });
        }
    }
    out.push(Shape::Circle {
        center: body.head,
        radius: length::HEAD_RADIUS,
        part: Part::Near,
    });
}

/// A box in figure units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
}

impl Bounds {
    pub fn around(points: impl IntoIterator<Item = Point>) -> Bounds {
        let mut b = Bounds {
            left: f64::INFINITY,
            right: f64::NEG_INFINITY,
            bottom: f64::INFINITY,
            top: f64::NEG_INFINITY,
        };
        for p in points {
            b.left = b.left.min(p.x);
            b.right = b.right.max(p.x);
            b.bottom = b.bottom.min(p.y);
            b.top = b.top.max(p.y);
        }
        if !b.left.is_finite() {
            return Bounds {
                left: 0.0,
                right: 1.0,
                bottom: 0.0,
                top: 1.0,
            };
        }
        b
    }

    pub fn grown(self, by: f64) -> Bounds {
        Bounds {
            left: self.left - by,
            right: self.right + by,
            bottom: self.bottom - by,
            top: self.top + by,
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        (self.left..=self.right).contains(&p.x) && (self.bottom..=self.top).contains(&p.y)
    }
}

/// The window of figure units shown on a grid of `dots_wide` × `dots_high` dots, the figure's bounds
/// centred in it at one scale for both axes (braille dots are about square). A canvas given
/// `x_bounds = [left, right]` and `y_bounds = [bottom, top]` shows the same window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
    pub dots_wide: usize,
    pub dots_high: usize,
}

impl View {
    /// Fits `bounds` into the grid. `dot_aspect` is a dot's height over its width (1 for braille, 2 for
    /// half blocks and whole cells… as a terminal cell is about twice as high as wide).
    pub fn fit(bounds: Bounds, dots_wide: usize, dots_high: usize, dot_aspect: f64) -> View {
        let dots_wide = dots_wide.max(2);
        let dots_high = dots_high.max(2);
        // Dots span (n - 1) steps from the first to the last, as the canvas maps them.
        let steps_x = (dots_wide - 1) as f64;
        let steps_y = (dots_high - 1) as f64 * dot_aspect;
        let width = (bounds.right - bounds.left).max(1e-6);
        let height = (bounds.top - bounds.bottom).max(1e-6);
        let scale = (steps_x / width).min(steps_y / height);
        let half_w = steps_x / scale / 2.0;
        let half_h = steps_y / scale / 2.0;
        let cx = (bounds.left + bounds.right) / 2.0;
        let cy = (bounds.bottom + bounds.top) / 2.0;
        View {
            left: cx - half_w,
            right: cx + half_w,
            bottom: cy - half_h,
            top: cy + half_h,
            dots_wide,
            dots_high,
        }
    }

    /// Where a point lands on the grid, in dots from the top-left (fractional, not rounded).
    pub fn project(&self, p: Point) -> (f64, f64) {
        let x = (p.x - self.left) * (self.dots_wide - 1) as f64 / (self.right - self.left);
        let y = (self.top - p.y) * (self.dots_high - 1) as f64 / (self.top - self.bottom);
        (x, y)
    }

    /// Figure units one dot spans across.
    pub fn unit_per_dot(&self) -> f64 {
        (self.right - self.left) / (self.dots_wide - 1) as f64
    }
}
