//! The things a figure uses: the floor, a wall, a chair, a ball, a foam roller, a weight. Sizes are in
//! figure units (see [`super::skeleton`]) and are ours, chosen to look right beside the skeleton.

use super::shapes::{Part, Shape};
use super::skeleton::{Anchor, Body, Point, length};
use serde::{Deserialize, Serialize};

/// Height of a chair's seat above the floor: a shin's length less the foot's thickness, so a person
/// sitting with the knees at a right angle has the feet on the floor.
pub const SEAT_HEIGHT: f64 = length::SHIN - 0.25;
/// How far the hip joint sits above the surface the person sits on.
pub const HIP_ABOVE_SEAT: f64 = 0.25;
/// A wall is drawn this high.
pub const WALL_HEIGHT: f64 = 9.0;
const CHAIR_DEPTH: f64 = 1.6;
const CHAIR_BACK: f64 = 2.6;
const BALL_RADIUS: f64 = 0.35;
const ROLLER_RADIUS: f64 = 0.5;
const WEIGHT_RADIUS: f64 = 0.35;

/// What a prop is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PropKind {
    Floor,
    Wall,
    Chair,
    Ball,
    FoamRoller,
    Weight,
}

impl PropKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PropKind::Floor => "floor",
            PropKind::Wall => "wall",
            PropKind::Chair => "chair",
            PropKind::Ball => "ball",
            PropKind::FoamRoller => "foam-roller",
            PropKind::Weight => "weight",
        }
    }

    /// Does the prop sit at a place on the body (`at`) rather than a place in the room (`x`)?
    pub fn follows_body(self) -> bool {
        matches!(
            self,
            PropKind::Ball | PropKind::FoamRoller | PropKind::Weight
        )
    }
}

/// A prop placed for a figure: a wall at `x` (figure units from the steady point), a ball, roller or
/// weight at a place on the body (under it, or in the hand); the floor and a chair place themselves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prop {
    pub kind: PropKind,
    pub x: f64,
    pub at: Anchor,
}

impl Prop {
    /// The prop's lowest point, when it lies under the body and so holds it off the floor.
    pub fn bottom(&self, body: &Body) -> Option<f64> {
        let p = body.anchor(self.at);
        match self.kind {
            PropKind::Ball => Some(p.y - 2.0 * BALL_RADIUS),
            PropKind::FoamRoller => Some(p.y - 2.0 * ROLLER_RADIUS),
            _ => None,
        }
    }

    /// The prop's outline for this body; `floor` is the floor's left and right ends.
    pub fn shapes(&self, body: &Body, floor: (f64, f64), out: &mut Vec<Shape>) {
        let line = |a: Point, b: Point| Shape::Line {
            from: a,
            to: b,
            part: Part::Prop,
        };
        let circle = |center: Point, radius: f64| Shape::Circle {
            center,
            radius,
            part: Part::Prop,
        };
        match self.kind {
            PropKind::Floor => out.push(line(Point::new(floor.0, 0.0), Point::new(floor.1, 0.0))),
            PropKind::Wall => out.push(line(
                Point::new(self.x, 0.0),
                Point::new(self.x, WALL_HEIGHT),
            )),
            PropKind::Chair => {
                let seat = body.pelvis.y - HIP_ABOVE_SEAT;
                let back = body.pelvis.x - 0.5;
                let front = back + CHAIR_DEPTH;
                out.extend([
                    line(Point::new(back, seat), Point::new(front, seat)),
                    line(Point::new(back, 0.0), Point::new(back, seat + CHAIR_BACK)),
                    line(Point::new(front, 0.0), Point::new(front, seat)),
                ]);
            }
            PropKind::Ball => {
                let p = body.anchor(self.at);
                out.push(circle(p.shifted(0.0, -BALL_RADIUS), BALL_RADIUS));
            }
            PropKind::FoamRoller => {
                let p = body.anchor(self.at);
                out.push(circle(p.shifted(0.0, -ROLLER_RADIUS), ROLLER_RADIUS));
            }
            PropKind::Weight => {
                let p = body.anchor(self.at);
                out.push(circle(p, WEIGHT_RADIUS));
            }
        }
    }
}
