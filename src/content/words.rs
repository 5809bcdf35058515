//! The words people type for what the exercises call otherwise (`search.toml`, optional): trainers'
//! abbreviations, gym slang, other names for a muscle or a piece of equipment. Search reads a query's words
//! through this table before matching, so "hammies" finds the hamstrings and "RDL" the Romanian deadlift.
//! A table in content, not code: anyone can add a word and `check` holds it to the rules.

use super::model::FileId;
use super::questionnaire::Basis;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchWords {
    pub basis: Basis,
    /// Where the words come from.
    pub note: Text,
    #[serde(default)]
    pub synonym: Vec<Synonym>,
    /// Words a query can do without ("with", "the"): dropped from a query that holds other words, so
    /// "hamstring stretch with the strap" is searched as "hamstring stretch strap". Same form as a key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filler: Vec<Spanned<String>>,
    /// Pairs of words that names use alike for one thing ("single leg" and "one leg"): a query holding
    /// one is also searched with the other, neither counting less.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alike: Vec<Alike>,
    #[serde(skip)]
    pub file: Option<FileId>,
}

/// Two words (or short phrases) that exercise names use alike for one thing: "Single-Leg Squat" and "One
/// Leg Barbell Squat". Same form as a synonym's words; exactly two.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Alike {
    pub words: Vec<Spanned<String>>,
}

/// Words (or short phrases) that mean what `means` says, in the exercises' own words.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    /// Lower case, letters, digits and single spaces: "hammies", "rdl", "it band".
    pub words: Vec<Spanned<String>>,
    pub means: Text,
}
