//! One side-view skeleton with fixed segment proportions, and forward kinematics from joint angles to
//! points on the page.
//!
//! Units are "figure units": a standing figure is about 8.7 units from the soles to the top of the head;
//! `y` points up and the floor is `y = 0`. The figure faces right (+x). Every angle is in degrees:
//!
//! | angle | 0° | positive |
//! |---|---|---|
//! | `trunk` | upright (pelvis under the shoulders) | leaning forward; 90 = face down and level (all fours), −90 = lying on the back |
//! | `pelvis` | pelvis level across (at a right angle to the trunk) | its front tipping down (anterior tilt); negative = tucked under (posterior) |
//! | `neck` | head in line with the trunk | chin towards the chest (flexion) |
//! | `shoulder` | arm hanging along the trunk | arm raised forward (flexion); 180 = overhead |
//! | `elbow` | straight | bent (flexion) |
//! | `hip` | thigh in line with the trunk | thigh raised forward (flexion); 90 = sitting |
//! | `knee` | straight | bent, the shin going back (flexion) |
//! | `ankle` | foot at a right angle to the shin | toes towards the shin (dorsiflexion); negative = pointed |
//!
//! Limb angles come in pairs: the near side (facing the viewer) and the far side.

/// Lengths of the segments, in figure units: roughly an adult's proportions (thigh ≈ shin, trunk a third
/// of standing height), drawn for us, not measured.
pub mod length {
    pub const HEAD_RADIUS: f64 = 0.55;
    /// From the hip joint to the front (or the back) of the pelvis, drawn as one short line.
    pub const HALF_PELVIS: f64 = 0.5;
    pub const NECK: f64 = 0.35;
    pub const TRUNK: f64 = 2.9;
    pub const UPPER_ARM: f64 = 1.5;
    pub const FOREARM: f64 = 1.35;
    pub const THIGH: f64 = 2.2;
    pub const SHIN: f64 = 2.1;
    pub const FOOT: f64 = 0.8;
}

/// A point on the page, in figure units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The point `length` away in direction `phi` (see [`direction`]).
    fn toward(self, phi: f64, length: f64) -> Point {
        let (dx, dy) = direction(phi);
        Point::new(self.x + dx * length, self.y + dy * length)
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn lerp(self, other: Point, t: f64) -> Point {
        Point::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }

    pub fn shifted(self, dx: f64, dy: f64) -> Point {
        Point::new(self.x + dx, self.y + dy)
    }
}

/// A unit vector for a world angle: 0° points down, 90° forward (+x), 180° up.
fn direction(phi: f64) -> (f64, f64) {
    let r = phi.to_radians();
    (r.sin(), -r.cos())
}

/// The angles of one arm and one leg.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limbs {
    pub shoulder: f64,
    pub elbow: f64,
    pub hip: f64,
    pub knee: f64,
    pub ankle: f64,
}

/// Every joint angle of the figure, in degrees (conventions in the module doc).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Angles {
    pub trunk: f64,
    pub pelvis: f64,
    pub neck: f64,
    pub near: Limbs,
    pub far: Limbs,
}

/// One arm and one leg placed on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LimbPoints {
    pub elbow: Point,
    pub hand: Point,
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
}

/// The skeleton placed on the page: the pelvis (hip joint), the top of the trunk, the head's centre,
/// and each side's limbs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Body {
    pub pelvis: Point,
    /// The front and back of the pelvis, on a line through the hip joint that shows its tilt.
    pub pelvis_front: Point,
    pub pelvis_back: Point,
    pub shoulder: Point,
    pub neck: Point,
    pub head: Point,
    pub near: LimbPoints,
    pub far: LimbPoints,
}

impl Body {
    /// Forward kinematics: the body for `angles` with the pelvis at `pelvis`.
    pub fn place(angles: &Angles, pelvis: Point) -> Body {
        let up = 180.0 - angles.trunk;
        let down = -angles.trunk;
        let shoulder = pelvis.toward(up, length::TRUNK);
        let front = up - 90.0 - angles.pelvis;
        let pelvis_front = pelvis.toward(front, length::HALF_PELVIS);
        let pelvis_back = pelvis.toward(front + 180.0, length::HALF_PELVIS);
        let neck_phi = up - angles.neck;
        let neck = shoulder.toward(neck_phi, length::NECK);
        let head = neck.toward(neck_phi, length::HEAD_RADIUS);
        let limbs = |l: &Limbs| {
            let arm = down + l.shoulder;
            let elbow = shoulder.toward(arm, length::UPPER_ARM);
            let hand = elbow.toward(arm + l.elbow, length::FOREARM);
            let thigh = down + l.hip;
            let knee = pelvis.toward(thigh, length::THIGH);
            let shin = thigh - l.knee;
            let ankle = knee.toward(shin, length::SHIN);
            let toe = ankle.toward(shin + 90.0 + l.ankle, length::FOOT);
            LimbPoints {
                elbow,
                hand,
                knee,
                ankle,
                toe,
            }
        };
        Body {
            pelvis,
            pelvis_front,
            pelvis_back,
            shoulder,
            neck,
            head,
            near: limbs(&angles.near),
            far: limbs(&angles.far),
        }
    }

    /// Every joint, the head's lowest and highest points included: what must fit on the page.
    pub fn extremes(&self) -> Vec<Point> {
        let mut points = vec![
            self.pelvis,
            self.pelvis_front,
            self.pelvis_back,
            self.shoulder,
            self.neck,
            self.head.shifted(0.0, -length::HEAD_RADIUS),
            self.head.shifted(0.0, length::HEAD_RADIUS),
            self.head.shifted(-length::HEAD_RADIUS, 0.0),
            self.head.shifted(length::HEAD_RADIUS, 0.0),
        ];
        for l in [&self.near, &self.far] {
            points.extend([l.elbow, l.hand, l.knee, l.ankle, l.toe]);
        }
        points
    }

    /// Each segment as (start, end, its length in the skeleton): the head's circle aside.
    pub fn segments(&self) -> Vec<(Point, Point, f64)> {
        let mut out = vec![
            (self.pelvis, self.shoulder, length::TRUNK),
            (self.shoulder, self.neck, length::NECK),
            (self.pelvis, self.pelvis_front, length::HALF_PELVIS),
            (self.pelvis, self.pelvis_back, length::HALF_PELVIS),
        ];
        for l in [&self.far, &self.near] {
            out.extend([
                (self.shoulder, l.elbow, length::UPPER_ARM),
                (l.elbow, l.hand, length::FOREARM),
                (self.pelvis, l.knee, length::THIGH),
                (l.knee, l.ankle, length::SHIN),
                (l.ankle, l.toe, length::FOOT),
            ]);
        }
        out
    }

    /// Moves the whole body.
    pub fn shift(&mut self, dx: f64, dy: f64) {
        let all = [
            &mut self.pelvis,
            &mut self.pelvis_front,
            &mut self.pelvis_back,
            &mut self.shoulder,
            &mut self.neck,
            &mut self.head,
            &mut self.near.elbow,
            &mut self.near.hand,
            &mut self.near.knee,
            &mut self.near.ankle,
            &mut self.near.toe,
            &mut self.far.elbow,
            &mut self.far.hand,
            &mut self.far.knee,
            &mut self.far.ankle,
            &mut self.far.toe,
        ];
        for p in all {
            *p = p.shifted(dx, dy);
        }
    }

    /// Where an anchor (a label's or a prop's) is on this body.
    pub fn anchor(&self, anchor: Anchor) -> Point {
        let side = |near: bool| if near { &self.near } else { &self.far };
        match anchor {
            Anchor::Head => self.head,
            Anchor::Chest => self.pelvis.lerp(self.shoulder, 0.75),
            Anchor::Belly => self.pelvis.lerp(self.shoulder, 0.35),
            Anchor::LowBack => self.pelvis.lerp(self.shoulder, 0.2),
            Anchor::Pelvis => self.pelvis,
            Anchor::Shoulder => self.shoulder,
            Anchor::Hand(near) => side(near).hand,
            Anchor::Elbow(near) => side(near).elbow,
            Anchor::Thigh(near) => self.pelvis.lerp(side(near).knee, 0.5),
            Anchor::Knee(near) => side(near).knee,
            Anchor::Shin(near) => side(near).knee.lerp(side(near).ankle, 0.5),
            Anchor::Ankle(near) => side(near).ankle,
            Anchor::Foot(near) => side(near).ankle.lerp(side(near).toe, 0.5),
        }
    }
}

/// A named place on the body that a label points at or a prop sits under (`near_thigh`, `belly` …).
/// `true` is the near side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Head,
    Chest,
    Belly,
    LowBack,
    Pelvis,
    Shoulder,
    Hand(bool),
    Elbow(bool),
    Thigh(bool),
    Knee(bool),
    Shin(bool),
    Ankle(bool),
    Foot(bool),
}

impl Anchor {
    /// Every name an anchor goes by in the content files.
    pub const NAMES: [&'static str; 22] = [
        "head",
        "chest",
        "belly",
        "low_back",
        "pelvis",
        "shoulder",
        "near_hand",
        "far_hand",
        "near_elbow",
        "far_elbow",
        "near_thigh",
        "far_thigh",
        "near_knee",
        "far_knee",
        "near_shin",
        "far_shin",
        "near_ankle",
        "far_ankle",
        "near_foot",
        "far_foot",
        "near_hip",
        "far_hip",
    ];

    /// The anchor a content file names, if it is one.
    pub fn parse(name: &str) -> Option<Anchor> {
        let (near, part) = if let Some(part) = name.strip_prefix("near_") {
            (true, part)
        } else if let Some(part) = name.strip_prefix("far_") {
            (false, part)
        } else {
            return match name {
                "head" => Some(Anchor::Head),
                "chest" => Some(Anchor::Chest),
                "belly" => Some(Anchor::Belly),
                "low_back" => Some(Anchor::LowBack),
                "pelvis" => Some(Anchor::Pelvis),
                "shoulder" => Some(Anchor::Shoulder),
                _ => None,
            };
        };
        match part {
            "hand" => Some(Anchor::Hand(near)),
            "elbow" => Some(Anchor::Elbow(near)),
            "thigh" => Some(Anchor::Thigh(near)),
            "knee" => Some(Anchor::Knee(near)),
            "shin" => Some(Anchor::Shin(near)),
            "ankle" => Some(Anchor::Ankle(near)),
            "foot" => Some(Anchor::Foot(near)),
            // The hip joint is the pelvis in a side view; the names say which leg is meant.
            "hip" => Some(Anchor::Pelvis),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standing_is_upright_and_facing_right() {
        let mut angles = Angles::default();
        angles.near.ankle = 0.0;
        let body = Body::place(&angles, Point::new(0.0, 0.0));
        assert!((body.shoulder.y - length::TRUNK).abs() < 1e-9);
        assert!((body.near.ankle.y + length::THIGH + length::SHIN).abs() < 1e-9);
        assert!(body.near.toe.x > body.near.ankle.x, "feet point forward");
    }

    #[test]
    fn sitting_puts_the_thigh_forward_and_the_shin_down() {
        let mut angles = Angles::default();
        angles.near.hip = 90.0;
        angles.near.knee = 90.0;
        let body = Body::place(&angles, Point::default());
        assert!((body.near.knee.x - length::THIGH).abs() < 1e-9);
        assert!((body.near.ankle.y + length::SHIN).abs() < 1e-9);
    }

    #[test]
    fn lying_on_the_back_puts_the_head_behind_and_level() {
        let angles = Angles {
            trunk: -90.0,
            ..Angles::default()
        };
        let body = Body::place(&angles, Point::default());
        assert!((body.shoulder.x + length::TRUNK).abs() < 1e-9);
        assert!(body.shoulder.y.abs() < 1e-9);
    }

    #[test]
    fn an_anterior_tilt_tips_the_front_of_the_pelvis_down() {
        let mut angles = Angles::default();
        let level = Body::place(&angles, Point::default());
        assert!((level.pelvis_front.y).abs() < 1e-9 && level.pelvis_front.x > 0.0);
        angles.pelvis = 20.0;
        let tipped = Body::place(&angles, Point::default());
        assert!(tipped.pelvis_front.y < 0.0 && tipped.pelvis_back.y > 0.0);
    }

    #[test]
    fn every_anchor_name_parses() {
        for name in Anchor::NAMES {
            assert!(Anchor::parse(name).is_some(), "{name}");
        }
        assert!(Anchor::parse("near_tail").is_none());
    }
}
