//! The questionnaire as read from `questionnaire.toml`: sections, questions, options and their weights.

use super::model::FileId;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest weight an option may give a chain, either way.
pub const MAX_WEIGHT: i32 = 3;

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
    /// See a doctor soon, before exercising.
    Urgent,
}

impl Urgency {
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
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
    /// Chain id → how far picking this option moves that chain (−3…3).
    #[serde(default)]
    pub weights: BTreeMap<Text, i32>,
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
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&QuestionOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// A question whose options can raise a red flag.
    pub fn is_red_flag_screen(&self) -> bool {
        self.options.iter().any(|o| o.red_flag.is_some())
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagCare {
    pub emergency: Text,
    pub urgent: Text,
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
