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
    #[serde(skip)]
    pub file: Option<FileId>,
}

/// Words (or short phrases) that mean what `means` says, in the exercises' own words.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    /// Lower case, letters, digits and single spaces: "hammies", "rdl", "it band".
    pub words: Vec<Spanned<String>>,
    pub means: Text,
}
