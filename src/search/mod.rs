//! Fuzzy search over the exercises of a store: an index built once, filters, and a session that narrows
//! as the user types.
//!
//! A query is split into words; every word must match some field of an exercise (name, an alias, a tag
//! such as a muscle or the equipment, or a word of the summary) and the scores add up. Names and aliases
//! count for more than tags and summary, and a query that matches a name or alias as a whole gets a
//! bonus; backchain's own exercises score a twentieth more than imported ones, so near-ties go to them.
//! Each field is checked with a cheap byte-level subsequence test before the scorer runs.

mod carry;
mod fold;
mod index;
mod matcher;
mod prefilter;
mod query;
pub mod reference;
mod scorer;
mod session;
mod skim_ascii;
mod words;

use crate::content::{Equipment, Phase, Region};

/// Longest query searched, in characters; more is a paste gone wrong, not a search. (Typed one character
/// at a time, as `search --timings` does, the work grows with the square of the length.)
pub const MAX_QUERY_CHARS: usize = 100;

pub use fold::fold;
pub use index::SearchIndex;
pub use matcher::{POSITIONED, RANKED};
pub use scorer::{Scorer, SkimScorer};
pub use session::SearchSession;

/// Where a hit matched best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    /// The alias at this position in [`crate::content::Exercise::aliases`].
    Alias(usize),
    /// A muscle, equipment, region, phase, position or chain id.
    Tag,
    Summary,
    /// The name of a rung on the exercise's ladder, at this position in
    /// [`crate::content::Ladder::rungs`]: a variation no other exercise in the store is
    /// ("Couch stretch", a harder rung of the side-lying quad stretch).
    Rung(usize),
}

impl Field {
    /// "name", "alias", "tag", "summary" or "rung".
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::Tag => "tag",
            Field::Summary => "summary",
            Field::Rung(_) => "rung",
        }
    }
}

/// One exercise found by a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Position in [`crate::content::Store::exercises`].
    pub index: usize,
    /// Higher is better; 0 for every hit of an empty query.
    pub score: i64,
    /// Char indices into the exercise name that the query matched, sorted, for highlighting; empty when
    /// no part of the query matched the name, and for hits past the first [`POSITIONED`] (ask
    /// [`SearchIndex::highlight`] for those).
    pub name_positions: Vec<usize>,
    /// The field that contributed most to the score ([`Field::Name`] for an empty query).
    pub matched_field: Field,
}

/// Restrictions applied before any scoring; `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub region: Option<Region>,
    pub equipment: Option<Equipment>,
    pub phase: Option<Phase>,
    /// A chain id; an id no exercise serves matches nothing.
    pub chain: Option<String>,
}
