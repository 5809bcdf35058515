//! The records of the content store: articles, topics, claims, chains and exercises, as read from TOML.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Index of the file a record was read from, in [`super::Store::files`].
pub type FileId = usize;

/// What backs a claim (or, for an article, most of what it says). Strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    ResearchCited,
    Anatomy,
    ClinicalOpinion,
    Anecdote,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::ResearchCited => "research-cited",
            Evidence::Anatomy => "anatomy",
            Evidence::ClinicalOpinion => "clinical-opinion",
            Evidence::Anecdote => "anecdote",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: Text,
    pub number: Text,
    pub title: Text,
    pub short: Text,
    pub source: Text,
    pub thesis: Text,
    pub evidence: Evidence,
    pub evidence_note: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_disclosure: Option<Text>,
    pub chains: Vec<Text>,
    #[serde(skip)]
    pub file: FileId,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    pub id: Text,
    pub label: Text,
    pub meaning: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Text,
    pub question: Text,
    pub summary: Text,
    #[serde(rename = "stance")]
    pub stances: Vec<Stance>,
    #[serde(skip)]
    pub file: FileId,
}

impl Topic {
    pub fn stance(&self, id: &str) -> Option<&Stance> {
        self.stances.iter().find(|s| s.id == id)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: Text,
    pub article: Text,
    pub topic: Text,
    pub stance: Text,
    pub statement: Text,
    pub evidence: Evidence,
    pub location: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(skip)]
    pub file: FileId,
}

/// The pelvic tilt a chain predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tilt {
    Anterior,
    Posterior,
    None,
}

impl Tilt {
    pub fn as_str(self) -> &'static str {
        match self {
            Tilt::Anterior => "anterior",
            Tilt::Posterior => "posterior",
            Tilt::None => "none",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub label: Text,
    pub detail: Text,
    pub claims: Vec<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WayOut {
    pub first: Text,
    pub next: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoid: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chain {
    pub id: Text,
    pub title: Text,
    pub short: Text,
    pub articles: Vec<Text>,
    pub tilt: Tilt,
    pub summary: Text,
    pub who: Text,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
    pub way_out: WayOut,
    /// Claims from other articles that speak most strongly against this story, strongest first;
    /// every verdict shows the first. Without it, backchain picks one from the topics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counterpoints: Vec<Text>,
    #[serde(skip)]
    pub file: FileId,
}

/// Where an exercise sits in a routine; routines run in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Release,
    Breathe,
    Mobilise,
    Activate,
    Strengthen,
    Pattern,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Release,
        Phase::Breathe,
        Phase::Mobilise,
        Phase::Activate,
        Phase::Strengthen,
        Phase::Pattern,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Release => "release",
            Phase::Breathe => "breathe",
            Phase::Mobilise => "mobilise",
            Phase::Activate => "activate",
            Phase::Strengthen => "strengthen",
            Phase::Pattern => "pattern",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Ribcage,
    Core,
    LowerBack,
    Pelvis,
    Hips,
    Glutes,
    Hamstrings,
    Quads,
    HipFlexors,
    Nerves,
}

impl Region {
    pub const ALL: [Region; 10] = [
        Region::Ribcage,
        Region::Core,
        Region::LowerBack,
        Region::Pelvis,
        Region::Hips,
        Region::Glutes,
        Region::Hamstrings,
        Region::Quads,
        Region::HipFlexors,
        Region::Nerves,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::Ribcage => "ribcage",
            Region::Core => "core",
            Region::LowerBack => "lower-back",
            Region::Pelvis => "pelvis",
            Region::Hips => "hips",
            Region::Glutes => "glutes",
            Region::Hamstrings => "hamstrings",
            Region::Quads => "quads",
            Region::HipFlexors => "hip-flexors",
            Region::Nerves => "nerves",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equipment {
    None,
    Mat,
    FoamRoller,
    SmallBall,
    Wall,
    Chair,
    Band,
    Weight,
    Towel,
    Step,
}

impl Equipment {
    pub const ALL: [Equipment; 10] = [
        Equipment::None,
        Equipment::Mat,
        Equipment::FoamRoller,
        Equipment::SmallBall,
        Equipment::Wall,
        Equipment::Chair,
        Equipment::Band,
        Equipment::Weight,
        Equipment::Towel,
        Equipment::Step,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Equipment::None => "none",
            Equipment::Mat => "mat",
            Equipment::FoamRoller => "foam-roller",
            Equipment::SmallBall => "small-ball",
            Equipment::Wall => "wall",
            Equipment::Chair => "chair",
            Equipment::Band => "band",
            Equipment::Weight => "weight",
            Equipment::Towel => "towel",
            Equipment::Step => "step",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    Standing,
    Seated,
    Kneeling,
    HalfKneeling,
    AllFours,
    LyingBack,
    LyingFront,
    LyingSide,
}

impl Position {
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Standing => "standing",
            Position::Seated => "seated",
            Position::Kneeling => "kneeling",
            Position::HalfKneeling => "half-kneeling",
            Position::AllFours => "all-fours",
            Position::LyingBack => "lying on your back",
            Position::LyingFront => "lying on your front",
            Position::LyingSide => "lying on your side",
        }
    }
}

fn one_set() -> u32 {
    1
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dosage {
    #[serde(default = "one_set")]
    pub sets: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breaths: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
    #[serde(default)]
    pub per_side: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_seconds: Option<u32>,
}

/// Seconds one rep takes, beyond any hold, when nothing else is said.
const SECONDS_PER_REP: u32 = 3;
/// Seconds one slow breath takes.
const SECONDS_PER_BREATH: u32 = 6;
/// Rest between sets when the exercise does not say.
const DEFAULT_REST: u32 = 30;

impl Dosage {
    /// "3 × 10 reps, hold 3 s, each side" — the dose in words.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let work = if let Some(reps) = self.reps {
            format!("{reps} reps")
        } else if let Some(breaths) = self.breaths {
            format!("{breaths} breaths")
        } else if let Some(seconds) = self.seconds {
            format!("{seconds} s")
        } else if let Some(hold) = self.hold_seconds {
            format!("hold {hold} s")
        } else {
            String::from("as comfortable")
        };
        if self.sets > 1 {
            parts.push(format!("{} × {work}", self.sets));
        } else {
            parts.push(work);
        }
        if let (Some(hold), true) = (
            self.hold_seconds,
            self.reps.is_some() || self.breaths.is_some(),
        ) {
            parts.push(format!("hold {hold} s"));
        }
        if self.per_side {
            parts.push("each side".into());
        }
        parts.join(", ")
    }

    /// Rough time the dose takes, rests between sets included.
    pub fn seconds_total(&self) -> u32 {
        let sets = self.sets.clamp(1, 100);
        let work = if let Some(reps) = self.reps {
            reps.min(1000) * (SECONDS_PER_REP + self.hold_seconds.unwrap_or(0).min(600))
        } else if let Some(breaths) = self.breaths {
            breaths.min(1000) * SECONDS_PER_BREATH
        } else {
            self.seconds.or(self.hold_seconds).unwrap_or(30).min(3600)
        };
        let sides = if self.per_side { 2 } else { 1 };
        let rest = self.rest_seconds.unwrap_or(DEFAULT_REST).min(600);
        sides * (sets * work + (sets - 1) * rest)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: Text,
    pub name: Text,
    pub aliases: Vec<Text>,
    pub summary: Text,
    pub regions: Vec<Region>,
    pub muscles: Vec<Text>,
    pub equipment: Vec<Equipment>,
    pub position: Position,
    pub phase: Phase,
    pub steps: Vec<Text>,
    pub cues: Vec<Text>,
    pub cautions: Vec<Text>,
    pub chains: Vec<Text>,
    pub articles: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Text>,
    pub dosage: Dosage,
    #[serde(skip)]
    pub file: FileId,
}
