//! The questionnaire as read from `questionnaire.toml`: sections, questions, options, and the evidence
//! model — for each question, how likely each answer is for a person each story describes.

use super::model::FileId;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The id of the hypothesis "none of these stories describes me" in likelihood rows.
pub const NONE: &str = "none";
/// Smallest probability a likelihood row may give an answer: one odd answer may make a story very
/// unlikely, but never rule it out for good.
pub const MIN_LIKELIHOOD: f64 = 0.0005;
/// Share of the prior for "none of these stories" when the questionnaire does not say.
pub const DEFAULT_NONE_PRIOR: f64 = 0.25;
/// How far a row's probabilities may add up to something other than 1 (rounding in hand-written rows).
pub const SUM_TOLERANCE: f64 = 1e-6;

/// Where a number in the content comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The article says it.
    Article,
    /// Rebuilt from what the article says, by backchain.
    Reconstruction,
    /// backchain's own suggestion; no article speaks to it.
    Suggestion,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Article => "article",
            Basis::Reconstruction => "reconstruction",
            Basis::Suggestion => "suggestion",
        }
    }

    /// In plain words, for people reading a reason.
    pub fn describe(self) -> &'static str {
        match self {
            Basis::Article => "from the article",
            Basis::Reconstruction => "our reconstruction of the article",
            Basis::Suggestion => "our own estimate",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One option.
    Single,
    /// Any number of options.
    Multi,
}

/// How soon a red flag needs a clinician.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// Go now: possible cauda equina, major trauma.
    Emergency,
    /// See a doctor within days, before exercising.
    Urgent,
    /// Have it checked (GP or physiotherapist) before starting a routine.
    Soon,
}

impl Urgency {
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
            Urgency::Soon => "soon",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    pub intro: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub question: Text,
    pub any: Vec<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    pub id: Text,
    pub label: Text,
    /// A few words for lists such as the disclaimer ("saddle numbness"); red-flag options need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// What this answer means, shown while choosing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_flag: Option<Urgency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub section: Text,
    pub kind: QuestionKind,
    pub prompt: Text,
    pub how_to_check: Text,
    pub why: Text,
    pub articles: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
    #[serde(rename = "option")]
    pub options: Vec<QuestionOption>,
    /// The evidence model: one row per chain (and one for [`NONE`]); empty for questions that do not
    /// tell stories apart (the safety question).
    #[serde(default, rename = "likelihood", skip_serializing_if = "Vec::is_empty")]
    pub likelihoods: Vec<Likelihood>,
}

/// How likely each answer to a question is for a person that a story (or several, or "none of these
/// stories") describes. Options left out of `p` (such as "I'm not sure") carry no evidence.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Likelihood {
    /// Chain ids, or [`NONE`], that this row describes.
    pub chains: Vec<Text>,
    /// Option id → probability; the row sums to 1.
    pub p: BTreeMap<Text, f64>,
    pub basis: Basis,
    /// Why these numbers: the article's logic, or ours.
    pub note: Text,
    /// Options that contradict the premise of the stories in `chains`: `check` makes sure no other
    /// answers can lift such a story back to first place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<Text>,
}

/// The model's settings that are not tied to a question.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSettings {
    /// Share of the prior for "none of these stories"; the chains share the rest equally.
    pub none_prior: f64,
    pub basis: Basis,
    pub note: Text,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&QuestionOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// A question whose options can raise a red flag.
    pub fn is_red_flag_screen(&self) -> bool {
        self.options.iter().any(|o| o.red_flag.is_some())
    }

    /// The likelihood row that describes this chain (or [`NONE`]).
    pub fn likelihood(&self, chain: &str) -> Option<&Likelihood> {
        self.likelihoods
            .iter()
            .find(|row| row.chains.iter().any(|c| c == chain))
    }

    /// Does this answer carry evidence (is it in the model's rows)?
    pub fn is_informative(&self, option: &str) -> bool {
        self.likelihoods
            .first()
            .is_some_and(|row| row.p.contains_key(option))
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagCare {
    pub emergency: Text,
    pub urgent: Text,
    /// For flags that need a check-up before a routine (pain not improving); required when one is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soon: Option<Text>,
}

/// The whole questionnaire file.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    #[serde(default, rename = "section")]
    pub sections: Vec<Section>,
    #[serde(default, rename = "question")]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub red_flag_care: RedFlagCare,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelSettings>,
    #[serde(skip)]
    pub file: Option<FileId>,
}

impl Questionnaire {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}
