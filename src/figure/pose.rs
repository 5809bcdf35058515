//! Poses, keyframes and a figure that moves through them: interpolation on a loop, the key pose, and
//! where the body stands (on the floor or a chair, with one point kept still).
//!
//! Time runs through the keyframes in order, each one *moved into* over its `move_ms` and then *held*
//! for its `hold_ms`; after the last keyframe the figure moves back into the first. A figure with one
//! keyframe stands still.
//!
//! A session drives a figure from its own clock with [`Figure::at`] (milliseconds into the exercise,
//! looping every [`Figure::cycle_ms`]) or [`Figure::pose_at_fraction`] (0‥1 of one cycle). To make the
//! hold in the figure the hold on the clock, give the figure the dose's hold with
//! [`Figure::with_key_hold`]: the key keyframe is then held exactly that long in every cycle, and one
//! cycle is one rep.

use super::props::{HIP_ABOVE_SEAT, Prop, PropKind, SEAT_HEIGHT};
use super::shapes::{Bounds, MARK_RADIUS, Part, Shape, body_shapes};
use super::skeleton::{Anchor, Angles, Body, Limbs, Point};

/// One position of the body: every joint angle (the trunk's angle from vertical is its orientation).
/// Where it stands on the page follows from the figure's props (see [`Figure::body`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pose {
    pub angles: Angles,
}

impl Pose {
    /// The pose `t` of the way (0‥1) from `self` to `other`, every angle moved in a straight line.
    pub fn lerp(&self, other: &Pose, t: f64) -> Pose {
        let f = |a: f64, b: f64| a + (b - a) * t;
        let limbs = |a: &Limbs, b: &Limbs| Limbs {
            shoulder: f(a.shoulder, b.shoulder),
            elbow: f(a.elbow, b.elbow),
            hip: f(a.hip, b.hip),
            knee: f(a.knee, b.knee),
            ankle: f(a.ankle, b.ankle),
        };
        let (a, b) = (&self.angles, &other.angles);
        Pose {
            angles: Angles {
                trunk: f(a.trunk, b.trunk),
                pelvis: f(a.pelvis, b.pelvis),
                neck: f(a.neck, b.neck),
                near: limbs(&a.near, &b.near),
                far: limbs(&a.far, &b.far),
            },
        }
    }
}

/// A pose, how long the figure takes to move into it, and how long it stays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keyframe {
    pub pose: Pose,
    pub move_ms: u32,
    pub hold_ms: u32,
}

/// A short "feel it here" text and the place on the body it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub at: Anchor,
}

/// An exercise's moving figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// At least one.
    pub keyframes: Vec<Keyframe>,
    pub props: Vec<Prop>,
    pub labels: Vec<Label>,
    /// The point kept at `x = 0` in every frame (the planted foot of a hinge, the head of a lying
    /// figure), so the figure moves about it instead of drifting.
    pub steady: Anchor,
    /// Index of the key pose: the one shown still and the one held for the dose's hold.
    pub key: usize,
}

/// Samples taken of each move when working out how far a figure reaches.
const SAMPLES_PER_MOVE: usize = 16;
/// Room kept around the figure, in figure units, beyond what the samples reach.
const MARGIN: f64 = 0.3;

impl Figure {
    /// One loop through every keyframe, in milliseconds (0 for a still figure).
    pub fn cycle_ms(&self) -> u64 {
        if self.keyframes.len() < 2 {
            return 0;
        }
        (self.keyframes.iter())
            .map(|k| u64::from(k.move_ms) + u64::from(k.hold_ms))
            .sum()
    }

    /// The pose shown still (with `--no-motion`, in the CLI and the Markdown sheet).
    pub fn key_pose(&self) -> Pose {
        (self.keyframes.get(self.key).or(self.keyframes.first()))
            .map_or_else(Pose::default, |k| k.pose)
    }

    /// The pose `elapsed_ms` into the loop (any value: it wraps). Moves ease in and out.
    pub fn at(&self, elapsed_ms: u64) -> Pose {
        let cycle = self.cycle_ms();
        if cycle == 0 {
            return self.key_pose();
        }
        let mut t = elapsed_ms % cycle;
        let n = self.keyframes.len();
        for (i, k) in self.keyframes.iter().enumerate() {
            let moving = u64::from(k.move_ms);
            if t < moving {
                let from = &self.keyframes[(i + n - 1) % n].pose;
                let s = t as f64 / moving as f64;
                return from.lerp(&k.pose, s * s * (3.0 - 2.0 * s));
            }
            t -= moving;
            if t < u64::from(k.hold_ms) {
                return k.pose;
            }
            t -= u64::from(k.hold_ms);
        }
        self.key_pose()
    }

    /// The pose a `fraction` (0‥1, wrapping) of the way through one loop.
    pub fn pose_at_fraction(&self, fraction: f64) -> Pose {
        let f = fraction.rem_euclid(1.0);
        let f = if f.is_finite() { f } else { 0.0 };
        self.at((f * self.cycle_ms() as f64) as u64)
    }

    /// The same figure with its key pose held `hold_ms` (the hold on the session's clock).
    pub fn with_key_hold(&self, hold_ms: u32) -> Figure {
        let mut figure = self.clone();
        if let Some(k) = figure.keyframes.get_mut(self.key) {
            k.hold_ms = hold_ms;
        }
        figure
    }

    /// The same figure with every hold cut to at most `max_ms`: a loop short enough to watch whole
    /// where no clock runs (the Exercises screen), the moves unchanged.
    pub fn preview(&self, max_ms: u32) -> Figure {
        let mut figure = self.clone();
        for k in &mut figure.keyframes {
            k.hold_ms = k.hold_ms.min(max_ms);
        }
        figure
    }

    /// The body for `pose`, placed: on a chair the hips rest on the seat; otherwise the lowest point (of
    /// the body, or of a ball or roller under it) rests on the floor. The steady point stays at `x = 0`.
    pub fn body(&self, pose: &Pose) -> Body {
        let mut body = Body::place(&pose.angles, Point::default());
        let dy = if self.has(PropKind::Chair) {
            SEAT_HEIGHT + HIP_ABOVE_SEAT - body.pelvis.y
        } else {
            let body_low = (body.extremes().iter()).fold(f64::INFINITY, |m, p| m.min(p.y));
            let prop_low = (self.props.iter())
                .filter_map(|p| p.bottom(&body))
                .fold(f64::INFINITY, f64::min);
            -body_low.min(prop_low)
        };
        let dx = -body.anchor(self.steady).x;
        body.shift(dx, dy);
        body
    }

    fn has(&self, kind: PropKind) -> bool {
        self.props.iter().any(|p| p.kind == kind)
    }

    /// Everything drawn for `pose`: the props, the body, and a ring at each label's place. The floor
    /// runs under the figure's whole reach, [`Figure::bounds`].
    pub fn shapes(&self, pose: &Pose, bounds: &Bounds) -> Vec<Shape> {
        let body = self.body(pose);
        let mut out = Vec::with_capacity(24);
        for prop in &self.props {
            prop.shapes(
                &body,
                (bounds.left + MARGIN, bounds.right - MARGIN),
                &mut out,
            );
        }
        body_shapes(&body, &mut out);
        for label in &self.labels {
            out.push(Shape::Circle {
                center: body.anchor(label.at),
                radius: MARK_RADIUS,
                part: Part::Mark,
            });
        }
        out
    }

    /// How far the figure reaches through its whole loop, props and label rings included, with a
    /// margin: every frame fits inside, so a figure fitted once does not jump about as it moves.
    pub fn bounds(&self) -> Bounds {
        let mut points = Vec::new();
        let n = self.keyframes.len();
        let mut add = |pose: &Pose| {
            let body = self.body(pose);
            points.extend(body.extremes());
            let mut shapes = Vec::new();
            for prop in &self.props {
                prop.shapes(&body, (body.pelvis.x, body.pelvis.x), &mut shapes);
            }
            for label in &self.labels {
                let at = body.anchor(label.at);
                points.extend([
                    at.shifted(-MARK_RADIUS, -MARK_RADIUS),
                    at.shifted(MARK_RADIUS, MARK_RADIUS),
                ]);
            }
            points.extend(shapes.iter().flat_map(Shape::extremes));
        };
        for (i, k) in self.keyframes.iter().enumerate() {
            let from = &self.keyframes[(i + n - 1) % n].pose;
            for s in 0..=SAMPLES_PER_MOVE {
                add(&from.lerp(&k.pose, s as f64 / SAMPLES_PER_MOVE as f64));
            }
        }
        if n == 0 {
            add(&Pose::default());
        }
        let mut b = Bounds::around(points);
        // The floor is under everything.
        b.bottom = b.bottom.min(0.0);
        b.grown(MARGIN)
    }
}
