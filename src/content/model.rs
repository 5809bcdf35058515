//! The records of the content store: articles, topics, claims, chains and exercises, as read from TOML.

use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

    /// Every label, strongest first.
    pub const ALL: [Evidence; 4] = [
        Evidence::ResearchCited,
        Evidence::Anatomy,
        Evidence::ClinicalOpinion,
        Evidence::Anecdote,
    ];

    /// What the label means, in plain words, for a reader deciding how far to trust a claim.
    pub fn meaning(self) -> &'static str {
        match self {
            Evidence::ResearchCited => {
                "The article says research backs this. If no study is named (see the note), there is nothing you can check it against."
            }
            Evidence::Anatomy => {
                "Textbook anatomy: where a muscle runs and what it moves. Any anatomy book will confirm it."
            }
            Evidence::ClinicalOpinion => {
                "The author's own professional view or theory. It may be right, but the article offers no study or other support for it."
            }
            Evidence::Anecdote => {
                "One person's experience, usually the author's. It shows what happened to them, not what usually happens."
            }
        }
    }

    /// The meaning in two or three words (at most 16 columns), for headers and narrow columns.
    pub fn gloss(self) -> &'static str {
        match self {
            Evidence::ResearchCited => "research claimed",
            Evidence::Anatomy => "textbook fact",
            Evidence::ClinicalOpinion => "author's view",
            Evidence::Anecdote => "a personal story",
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

/// Where a chain step (or a chain's tilt) comes from: said by the chain's articles, or our own
/// reconstruction where they leave a gap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepSource {
    #[default]
    Article,
    Reconstruction,
}

impl StepSource {
    pub fn as_str(self) -> &'static str {
        match self {
            StepSource::Article => "article",
            StepSource::Reconstruction => "reconstruction",
        }
    }

    pub fn is_article(&self) -> bool {
        *self == StepSource::Article
    }

    /// The marker shown beside a step that is ours, or nothing for the articles' own steps.
    pub fn marker(self) -> Option<&'static str> {
        match self {
            StepSource::Article => None,
            StepSource::Reconstruction => Some("our reconstruction, not the article's"),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub label: Text,
    pub detail: Text,
    pub claims: Vec<Text>,
    /// Whether the chain's articles say this step or we inferred it; the claims then show what it rests on.
    #[serde(default, skip_serializing_if = "StepSource::is_article")]
    pub source: StepSource,
    /// What a reconstructed step rests on and what the articles leave unsaid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_note: Option<Text>,
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
    /// Whether the articles state the tilt or we inferred it.
    #[serde(default, skip_serializing_if = "StepSource::is_article")]
    pub tilt_source: StepSource,
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
pub const SECONDS_PER_REP: u32 = 3;
/// Seconds one slow breath takes.
pub const SECONDS_PER_BREATH: u32 = 6;
/// Rest between sets when the exercise does not say.
pub const DEFAULT_REST: u32 = 30;

impl Dosage {
    /// "3 × 10 reps, hold 3 s, each side, rest 60 s" — the dose in words (rest between sets).
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
        if let (Some(rest), true) = (self.rest_seconds, self.sets > 1) {
            parts.push(format!("rest {rest} s"));
        }
        parts.join(", ")
    }

    /// Rough time the dose takes, rests between sets included: [`Dosage::sides`] × (sets × work + rests).
    pub fn seconds_total(&self) -> u32 {
        let sets = self.set_count();
        self.sides() * (sets * self.work_seconds() + (sets - 1) * self.rest_between_sets())
    }

    /// Sets, kept between 1 and 100 whatever the file says.
    pub fn set_count(&self) -> u32 {
        self.sets.clamp(1, 100)
    }

    /// 2 for an exercise done on each side, else 1.
    pub fn sides(&self) -> u32 {
        if self.per_side { 2 } else { 1 }
    }

    /// Seconds one set takes: reps at [`SECONDS_PER_REP`] plus any hold each, breaths at
    /// [`SECONDS_PER_BREATH`], or the timed hold (30 s when nothing is said).
    pub fn work_seconds(&self) -> u32 {
        if let Some(reps) = self.reps {
            reps.min(1000) * (SECONDS_PER_REP + self.hold_each())
        } else if let Some(breaths) = self.breaths {
            breaths.min(1000) * SECONDS_PER_BREATH
        } else {
            self.seconds.or(self.hold_seconds).unwrap_or(30).min(3600)
        }
    }

    /// The hold at the top of each rep (0 when none), capped at ten minutes.
    pub fn hold_each(&self) -> u32 {
        self.hold_seconds.unwrap_or(0).min(600)
    }

    /// Rest between two sets: the exercise's own, else [`DEFAULT_REST`]; capped at ten minutes.
    pub fn rest_between_sets(&self) -> u32 {
        self.rest_seconds.unwrap_or(DEFAULT_REST).min(600)
    }
}

/// Where one part of an exercise (its idea, its steps or its dose) comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartSource {
    /// The article gives it.
    Article,
    /// Rebuilt from the article's description (or, for an idea, from the work it asks for).
    Reconstruction,
    /// backchain's own.
    Suggestion,
}

impl PartSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PartSource::Article => "article",
            PartSource::Reconstruction => "reconstruction",
            PartSource::Suggestion => "suggestion",
        }
    }

    /// True when an article stands behind the part, given or rebuilt.
    pub fn from_article(self) -> bool {
        self != PartSource::Suggestion
    }

    /// "001", "reconstructed from 004" or "our suggestion", given the article numbers behind the exercise.
    pub fn describe(self, numbers: &str) -> String {
        match (self, numbers.is_empty()) {
            (PartSource::Article, false) => numbers.to_owned(),
            (PartSource::Article, true) => String::from("the article"),
            (PartSource::Reconstruction, false) => format!("reconstructed from {numbers}"),
            (PartSource::Reconstruction, true) => String::from("reconstructed"),
            (PartSource::Suggestion, _) => String::from("our suggestion"),
        }
    }
}

/// Where an exercise's idea, steps and dose come from, each on its own.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub idea: toml::Spanned<PartSource>,
    pub steps: toml::Spanned<PartSource>,
    pub dose: toml::Spanned<PartSource>,
    /// What the article does and does not give, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Provenance {
    /// The three parts with their names: `("idea", source)`, …
    pub fn parts(&self) -> [(&'static str, &toml::Spanned<PartSource>); 3] {
        [
            ("idea", &self.idea),
            ("steps", &self.steps),
            ("dose", &self.dose),
        ]
    }

    /// "idea: 001 · steps: reconstructed from 001 · dose: our suggestion"; neighbouring parts with the same
    /// source are named together: "idea: 003 · steps, dose: our suggestion".
    pub fn describe(&self, numbers: &str) -> String {
        let mut groups: Vec<(Vec<&str>, String)> = Vec::new();
        for (name, source) in self.parts() {
            let said = source.get_ref().describe(numbers);
            // Only neighbours are named together, so the parts keep their order.
            match groups.last_mut() {
                Some((names, last)) if *last == said => names.push(name),
                _ => groups.push((vec![name], said)),
            }
        }
        groups
            .iter()
            .map(|(names, said)| format!("{}: {said}", names.join(", ")))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

impl Ladder {
    /// Every rung with the side it is on: the easier ones nearest first, then the harder ones nearest
    /// first. [`crate::search::Field::Rung`] counts in this order.
    pub fn rungs(&self) -> impl Iterator<Item = (Side, &Rung)> {
        let easier = self.easier.iter().map(|r| (Side::Easier, r));
        easier.chain(self.harder.iter().map(|r| (Side::Harder, r)))
    }
}

/// Which side of an exercise a rung of its ladder is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Easier,
    Harder,
}

impl Side {
    /// "easier" or "harder", as the files name the lists.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Easier => "easier",
            Side::Harder => "harder",
        }
    }

    /// How the screens mark a rung of this side: "↓" a step down, "↑" a step up.
    pub fn mark(self) -> &'static str {
        match self {
            Side::Easier => "↓",
            Side::Harder => "↑",
        }
    }
}

/// One rung of a progression ladder: a variation one step easier or harder than the exercise.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    pub name: Text,
    /// What is different from the exercise itself.
    pub change: Text,
    /// Another exercise in the store that is this rung, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<Text>,
}

/// How to make an exercise easier or harder, and when to move. Rungs run nearest first: `easier[0]` is
/// one step down, `easier[1]` two; `harder[0]` one step up.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// When to take the next harder rung.
    pub move_up: Text,
    /// When to step down to an easier rung.
    pub move_down: Text,
    #[serde(default)]
    pub easier: Vec<Rung>,
    #[serde(default)]
    pub harder: Vec<Rung>,
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
    /// Needed for an exercise that serves a chain; an imported one may not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub phase: Phase,
    pub steps: Vec<Text>,
    pub cues: Vec<Text>,
    pub cautions: Vec<Text>,
    pub chains: Vec<Text>,
    /// The articles its idea, steps or dose come from (given or rebuilt); empty when all three are ours.
    pub articles: Vec<Text>,
    /// Exercises that must feel easy before this one is given; a first routine swaps them in instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Text>,
    /// How much to do: needed for an exercise that serves a chain (a routine gives it), optional for one
    /// that is only in the library (an imported exercise has no dose of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dosage: Option<Dosage>,
    /// Where idea, steps and dose come from among the articles; needed for an exercise that serves a chain
    /// and for any exercise without a [`ExerciseSource`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// Needed for an exercise that serves a chain: the journal's ratings move it along its ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ladder: Option<Ladder>,
    /// How hard the source rates it, for an imported exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The open database an imported exercise comes from, and its licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ExerciseSource>,
    /// The source's own values that backchain has no field for (or mapped with loss), by the source's
    /// field name, so an import drops nothing: `category = ["strength"]`, `mechanic = ["compound"]`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub import: BTreeMap<String, Vec<Text>>,
    /// The moving figure: keyframes of a side-view skeleton, props and labels. Needed for an exercise
    /// that serves a chain and for any exercise without a [`ExerciseSource`]; an imported exercise has none
    /// until someone draws it. Read from the store cache when first asked for (see [`LazyFigure`]).
    #[serde(default, skip_serializing_if = "super::LazyFigure::is_none")]
    pub figure: super::LazyFigure,
    #[serde(skip)]
    pub file: FileId,
}

impl Exercise {
    /// True when the exercise can be given in a routine: it serves at least one chain.
    pub fn serves_a_chain(&self) -> bool {
        !self.chains.is_empty()
    }

    /// The rung at `at` in [`Ladder::rungs`] order, with its side.
    pub fn rung(&self, at: usize) -> Option<(Side, &Rung)> {
        self.ladder.as_ref()?.rungs().nth(at)
    }
}

/// How hard an exercise is, as an imported source rates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Beginner,
    Intermediate,
    Expert,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Expert];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Expert => "expert",
        }
    }
}

/// Where an imported exercise comes from: the database, its licence, where to find it, and the
/// exercise's id there.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSource {
    /// "Free Exercise DB"
    pub name: Text,
    /// "public domain, Unlicense"
    pub licence: Text,
    pub url: Text,
    /// The exercise's id in the source.
    pub id: Text,
}

impl ExerciseSource {
    /// "Free Exercise DB (public domain, Unlicense), id 3_4_Sit-Up"
    pub fn describe(&self) -> String {
        format!(
            "{} ({}), id {}",
            self.name.as_str(),
            self.licence.as_str(),
            self.id.as_str()
        )
    }
}
