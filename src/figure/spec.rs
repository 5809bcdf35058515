//! The `[figure]` table of an exercise file as written, with the place of every number kept for the
//! checker, and how it becomes a [`Figure`]. The ranges the checker holds angles and times to are here too.

use super::pose::{Figure, Keyframe, Label, Pose};
use super::props::{Prop, PropKind};
use super::skeleton::{Anchor, Angles, Limbs};
use crate::text::Text;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

/// An exercise's figure as written: its keyframes, props and labels.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The point that stays still while the figure moves (default `pelvis`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steady: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<PropSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelSpec>,
    #[serde(rename = "keyframe")]
    pub keyframes: Spanned<Vec<KeyframeSpec>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PropSpec {
    pub kind: Spanned<PropKind>,
    /// Where a wall stands, in figure units from the steady point (+ in front).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<Spanned<f64>>,
    /// The place on the body a ball or roller sits under, or a weight is held at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSpec {
    pub text: Text,
    pub at: Text,
}

/// One keyframe as written: only the angles that change from the keyframe before (the first starts from
/// standing, every angle 0).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyframeSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trunk: Option<Spanned<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pelvis: Option<Spanned<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neck: Option<Spanned<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shoulder: Option<Spanned<Sides>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elbow: Option<Spanned<Sides>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hip: Option<Spanned<Sides>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knee: Option<Spanned<Sides>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ankle: Option<Spanned<Sides>>,
    pub move_ms: Spanned<u32>,
    pub hold_ms: Spanned<u32>,
    /// The key pose: shown still, and held for the dose's hold (default: the longest hold).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
}

/// A limb angle for both sides (`90`) or near and far apart (`[90, 45]`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sides {
    pub near: f64,
    pub far: f64,
}

impl Serialize for Sides {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.near == self.far {
            serializer.serialize_f64(self.near)
        } else {
            [self.near, self.far].serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Sides {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SidesVisitor;
        impl<'de> Visitor<'de> for SidesVisitor {
            type Value = Sides;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an angle in degrees, or [near, far]")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Sides, E> {
                Ok(Sides { near: v, far: v })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Sides, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Sides, E> {
                self.visit_f64(v as f64)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sides, A::Error> {
                let near: f64 = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let far: f64 = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                if seq.next_element::<f64>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &self));
                }
                Ok(Sides { near, far })
            }
        }
        deserializer.deserialize_any(SidesVisitor)
    }
}

/// The joints a keyframe names, and the range (degrees) each may take: the trunk's is its orientation
/// (from lying on the back to folded past level), the others roughly the range of motion of a healthy
/// adult joint (textbook goniometry, rounded out a little). Two go further than a goniometer reads, as
/// one segment stands for several: the hip to 150 (the pelvis tilting with it in a child's pose) and the
/// ankle to −70 (kneeling on the top of the foot, the toes bending too).
pub const RANGES: [(&str, f64, f64); 8] = [
    ("trunk", -135.0, 135.0),
    ("pelvis", -30.0, 30.0),
    ("neck", -60.0, 70.0),
    ("shoulder", -60.0, 180.0),
    ("elbow", 0.0, 150.0),
    ("hip", -30.0, 150.0),
    ("knee", 0.0, 160.0),
    ("ankle", -70.0, 30.0),
];

/// The range of a move into a keyframe, in milliseconds.
pub const MOVE_MS: (u32, u32) = (100, 10_000);
/// The range of a hold, in milliseconds (0 passes straight through).
pub const HOLD_MS: (u32, u32) = (0, 60_000);
/// Most keyframes a figure may have.
pub const MAX_KEYFRAMES: usize = 8;
/// Most labels a figure may have, and the longest label.
pub const MAX_LABELS: usize = 2;
pub const MAX_LABEL: usize = 20;

impl KeyframeSpec {
    /// Each angle it names, by joint, with where it stands in the file.
    pub fn angles(&self) -> Vec<(&'static str, Vec<f64>, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        for (name, value) in [
            ("trunk", &self.trunk),
            ("pelvis", &self.pelvis),
            ("neck", &self.neck),
        ] {
            if let Some(v) = value {
                out.push((name, vec![*v.get_ref()], v.span()));
            }
        }
        for (name, value) in [
            ("shoulder", &self.shoulder),
            ("elbow", &self.elbow),
            ("hip", &self.hip),
            ("knee", &self.knee),
            ("ankle", &self.ankle),
        ] {
            if let Some(v) = value {
                out.push((name, vec![v.get_ref().near, v.get_ref().far], v.span()));
            }
        }
        out
    }

    /// This keyframe's pose, the angles it leaves out kept from `before`; every angle held to its range.
    fn pose(&self, before: &Pose) -> Pose {
        let clamp = |joint: &str, v: f64| {
            let (_, lo, hi) = RANGES
                .iter()
                .find(|r| r.0 == joint)
                .copied()
                .unwrap_or(("", -180.0, 180.0));
            if v.is_finite() { v.clamp(lo, hi) } else { 0.0 }
        };
        let mut a: Angles = before.angles;
        let one = |v: &Option<Spanned<f64>>, joint: &str, old: f64| {
            v.as_ref().map_or(old, |v| clamp(joint, *v.get_ref()))
        };
        a.trunk = one(&self.trunk, "trunk", a.trunk);
        a.pelvis = one(&self.pelvis, "pelvis", a.pelvis);
        a.neck = one(&self.neck, "neck", a.neck);
        let set = |v: &Option<Spanned<Sides>>, joint: &str, near: &mut f64, far: &mut f64| {
            if let Some(s) = v {
                *near = clamp(joint, s.get_ref().near);
                *far = clamp(joint, s.get_ref().far);
            }
        };
        let (n, f): (&mut Limbs, &mut Limbs) = (&mut a.near, &mut a.far);
        set(&self.shoulder, "shoulder", &mut n.shoulder, &mut f.shoulder);
        set(&self.elbow, "elbow", &mut n.elbow, &mut f.elbow);
        set(&self.hip, "hip", &mut n.hip, &mut f.hip);
        set(&self.knee, "knee", &mut n.knee, &mut f.knee);
        set(&self.ankle, "ankle", &mut n.ankle, &mut f.ankle);
        Pose { angles: a }
    }
}

impl FigureSpec {
    /// The figure to draw. Whatever the file says it never fails: angles and times are held to their
    /// ranges and unknown places fall back to the pelvis (the checker reports them).
    pub fn figure(&self) -> Figure {
        let mut before = Pose::default();
        let mut keyframes = Vec::new();
        for k in self.keyframes.get_ref().iter().take(MAX_KEYFRAMES) {
            let pose = k.pose(&before);
            before = pose;
            keyframes.push(Keyframe {
                pose,
                move_ms: (*k.move_ms.get_ref()).clamp(MOVE_MS.0, MOVE_MS.1),
                hold_ms: (*k.hold_ms.get_ref()).clamp(HOLD_MS.0, HOLD_MS.1),
            });
        }
        if keyframes.is_empty() {
            keyframes.push(Keyframe {
                pose: Pose::default(),
                move_ms: MOVE_MS.0,
                hold_ms: 0,
            });
        }
        let specs = self.keyframes.get_ref();
        let key = specs.iter().position(|k| k.key).unwrap_or_else(|| {
            // The longest hold; the last of equals, so a lift-and-lower shows the lift.
            (keyframes.iter().enumerate())
                .max_by_key(|(i, k)| (k.hold_ms, *i))
                .map_or(0, |(i, _)| i)
        });
        let anchor = |at: &Option<Text>| {
            at.as_deref()
                .and_then(Anchor::parse)
                .unwrap_or(Anchor::Pelvis)
        };
        Figure {
            key: key.min(keyframes.len() - 1),
            keyframes,
            props: (self.props.iter())
                .map(|p| Prop {
                    kind: *p.kind.get_ref(),
                    x: p.x.as_ref().map_or(0.0, |x| {
                        let x = *x.get_ref();
                        if x.is_finite() {
                            x.clamp(-20.0, 20.0)
                        } else {
                            0.0
                        }
                    }),
                    at: anchor(&p.at),
                })
                .collect(),
            labels: (self.labels.iter())
                .take(MAX_LABELS)
                .map(|l| Label {
                    text: crate::text::truncate(&l.text, MAX_LABEL),
                    at: anchor(&Some(l.at.clone())),
                })
                .collect(),
            steady: anchor(&self.steady),
        }
    }
}
