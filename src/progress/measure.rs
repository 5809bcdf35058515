//! The retest measures: their ids (a contract — the journal stores them and exports them), what each
//! measures, its unit and the values it may take.

use serde::Serialize;

/// One self-test repeated over the weeks to see whether anything moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Measure {
    /// Centimetres from the fingertips to the floor in a standing forward bend, knees straight: 0 when
    /// they touch it, below 0 when they reach past it (standing on a step).
    FingertipFloor,
    /// Degrees the left shin swings out in the seated hip test (the questionnaire's `hip_rotation`):
    /// the left hip turning inward.
    HipInwardLeft,
    /// The same for the right hip.
    HipInwardRight,
}

impl From<Measure> for &'static str {
    fn from(m: Measure) -> &'static str {
        m.id()
    }
}

impl Measure {
    pub const ALL: [Measure; 3] = [
        Measure::FingertipFloor,
        Measure::HipInwardLeft,
        Measure::HipInwardRight,
    ];

    /// The id the journal stores.
    pub fn id(self) -> &'static str {
        match self {
            Measure::FingertipFloor => "fingertip_floor_cm",
            Measure::HipInwardLeft => "hip_inward_left_deg",
            Measure::HipInwardRight => "hip_inward_right_deg",
        }
    }

    /// The measure a stored id names; `None` for an id this build does not know.
    pub fn parse(id: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.id() == id)
    }

    /// A short name for labels and chart titles.
    pub fn name(self) -> &'static str {
        match self {
            Measure::FingertipFloor => "Fingertips to floor",
            Measure::HipInwardLeft => "Left hip inward turn",
            Measure::HipInwardRight => "Right hip inward turn",
        }
    }

    /// `cm` or `°`.
    pub fn unit(self) -> &'static str {
        match self {
            Measure::FingertipFloor => "cm",
            Measure::HipInwardLeft | Measure::HipInwardRight => "°",
        }
    }

    /// The smallest and largest value accepted. Fingertips 40 cm past the floor (on a step) to 1 m above
    /// it covers everyone who can stand and bend; a shin cannot swing further than horizontal (90°).
    pub fn range(self) -> (f64, f64) {
        match self {
            Measure::FingertipFloor => (-40.0, 100.0),
            Measure::HipInwardLeft | Measure::HipInwardRight => (0.0, 90.0),
        }
    }

    /// Whether a smaller number is the better way for it to move: the fingertips coming closer to the
    /// floor. A hip's inward turn is better nearer the usual 35–40°, so neither way is marked for it.
    pub fn lower_is_closer(self) -> bool {
        matches!(self, Measure::FingertipFloor)
    }

    /// How to take the measure, in a sentence.
    pub fn how(self) -> &'static str {
        match self {
            Measure::FingertipFloor => {
                "Stand with feet together and knees straight, bend forward slowly as far as is comfortable, and measure from your longest fingertip to the floor (0 if you touch it, below 0 if you reach past it on a step)."
            }
            Measure::HipInwardLeft | Measure::HipInwardRight => {
                "Sit on a firm chair, knees together and bent to about 90°, keep the thigh still and swing the foot out to the side; the angle of the shin from straight down is how far the hip turns inward (most people reach about 35–40°)."
            }
        }
    }

    /// The value when it is a number within [`Measure::range`]; otherwise what is allowed, in words.
    pub fn check(self, value: f64) -> Result<f64, String> {
        let (low, high) = self.range();
        if value.is_finite() && (low..=high).contains(&value) {
            return Ok(value);
        }
        Err(self.allowed())
    }

    /// What values are allowed, in words, for error messages.
    pub fn allowed(self) -> String {
        match self {
            Measure::FingertipFloor => String::from(
                "fingertip-to-floor distance is in centimetres, from -40 to 100 (0 = fingertips touch the floor, below 0 = past it)",
            ),
            Measure::HipInwardLeft | Measure::HipInwardRight => String::from(
                "a hip's inward turn is in degrees, from 0 to 90 (the shin's angle from straight down; most people reach about 35–40)",
            ),
        }
    }

    /// A value as shown: whole numbers without decimals, others with one.
    pub fn show(self, value: f64) -> String {
        let number = if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.1}")
        };
        match self {
            Measure::FingertipFloor => format!("{number} cm"),
            Measure::HipInwardLeft | Measure::HipInwardRight => format!("{number}°"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_ranges_hold() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.id()), Some(m));
        }
        assert_eq!(Measure::parse("toe_touch"), None);
        let floor = Measure::FingertipFloor;
        assert_eq!(floor.check(-40.0), Ok(-40.0));
        assert_eq!(floor.check(100.0), Ok(100.0));
        assert!(floor.check(100.5).is_err());
        assert!(floor.check(-41.0).is_err());
        assert!(floor.check(f64::NAN).is_err());
        assert!(Measure::HipInwardLeft.check(-1.0).is_err());
        assert!(Measure::HipInwardRight.check(91.0).is_err());
        assert_eq!(Measure::HipInwardRight.check(38.5), Ok(38.5));
        assert_eq!(floor.show(12.0), "12 cm");
        assert_eq!(Measure::HipInwardLeft.show(37.5), "37.5°");
    }
}
