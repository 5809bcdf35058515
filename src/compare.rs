//! Two articles side by side: their claims lined up by topic, and whether the articles agree on each.

use crate::content::{Article, Claim, Evidence, Store, Topic};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// How two sides' stances on one topic relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Both hold exactly the same stances.
    Agree,
    /// They share a stance, but one or both also hold another.
    Partly,
    /// They share no stance.
    Disagree,
    /// Only the first side speaks to the topic.
    OnlyA,
    /// Only the second side speaks to the topic.
    OnlyB,
}

impl Relation {
    pub const ALL: [Relation; 5] = [
        Relation::Agree,
        Relation::Partly,
        Relation::Disagree,
        Relation::OnlyA,
        Relation::OnlyB,
    ];

    /// The stable name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Partly => "partly",
            Relation::Disagree => "disagree",
            Relation::OnlyA => "only_a",
            Relation::OnlyB => "only_b",
        }
    }

    /// A mark that carries the relation without colour: `=`, `≈`, `≠`, `←`, `→`.
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Agree => "=",
            Relation::Partly => "≈",
            Relation::Disagree => "≠",
            Relation::OnlyA => "←",
            Relation::OnlyB => "→",
        }
    }

    /// Words for a reader, naming the side that speaks alone: "only Ribs & breathing speaks".
    pub fn label(self, a: &str, b: &str) -> String {
        match self {
            Relation::Agree => String::from("agree"),
            Relation::Partly => String::from("partly agree"),
            Relation::Disagree => String::from("disagree"),
            Relation::OnlyA => format!("only {a} speaks"),
            Relation::OnlyB => format!("only {b} speaks"),
        }
    }

    /// True when only one side speaks.
    pub fn is_one_sided(self) -> bool {
        matches!(self, Relation::OnlyA | Relation::OnlyB)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Relates two sets of stance ids on one topic.
///
/// Two empty sets are equal, so they come out as [`Relation::Agree`]; callers that mean "neither side
/// speaks" should check for that first, as [`compare`] does by leaving such topics out.
pub fn relation(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> Relation {
    match (a.is_empty(), b.is_empty()) {
        (false, true) => Relation::OnlyA,
        (true, false) => Relation::OnlyB,
        _ if a == b => Relation::Agree,
        _ if a.is_disjoint(b) => Relation::Disagree,
        _ => Relation::Partly,
    }
}

/// The stance ids that any of `articles` takes on `topic`, through its claims.
pub fn stances<'a>(store: &'a Store, articles: &[&str], topic: &str) -> BTreeSet<&'a str> {
    store
        .claims
        .iter()
        .filter(|c| c.topic == topic && articles.contains(&c.article.as_str()))
        .map(|c| c.stance.as_str())
        .collect()
}

/// One topic in a comparison: what each article claims on it, and how the two relate.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub topic: &'a Topic,
    /// The first article's claims on the topic, in file order (may be empty).
    pub a: Vec<&'a Claim>,
    /// The second article's claims on the topic, in file order (may be empty).
    pub b: Vec<&'a Claim>,
    pub relation: Relation,
}

/// Two articles' claims aligned by topic.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub a: &'a Article,
    pub b: &'a Article,
    /// One row per topic that at least one of the two speaks to, in `topics.toml` order.
    pub rows: Vec<Row<'a>>,
}

/// How many rows of a comparison have each relation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub agree: usize,
    pub partly: usize,
    pub disagree: usize,
    pub only_a: usize,
    pub only_b: usize,
}

impl Tally {
    pub fn get(&self, relation: Relation) -> usize {
        match relation {
            Relation::Agree => self.agree,
            Relation::Partly => self.partly,
            Relation::Disagree => self.disagree,
            Relation::OnlyA => self.only_a,
            Relation::OnlyB => self.only_b,
        }
    }

    fn add(&mut self, relation: Relation) {
        let slot = match relation {
            Relation::Agree => &mut self.agree,
            Relation::Partly => &mut self.partly,
            Relation::Disagree => &mut self.disagree,
            Relation::OnlyA => &mut self.only_a,
            Relation::OnlyB => &mut self.only_b,
        };
        *slot += 1;
    }

    /// Rows where only one article speaks.
    pub fn one_sided(&self) -> usize {
        self.only_a + self.only_b
    }

    pub fn total(&self) -> usize {
        Relation::ALL.iter().map(|r| self.get(*r)).sum()
    }
}

impl fmt::Display for Tally {
    /// "3 agree, 1 partly, 4 disagree, 5 one-sided"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} agree, {} partly, {} disagree, {} one-sided",
            self.agree,
            self.partly,
            self.disagree,
            self.one_sided()
        )
    }
}

impl<'a> Comparison<'a> {
    /// How many rows have each relation.
    pub fn counts(&self) -> Tally {
        let mut tally = Tally::default();
        for row in &self.rows {
            tally.add(row.relation);
        }
        tally
    }

    /// The evidence labels the comparison shows (both articles' own and every claim's), each once, in
    /// label order: what a legend under the comparison explains.
    pub fn evidence_used(&self) -> BTreeSet<Evidence> {
        [self.a.evidence, self.b.evidence]
            .into_iter()
            .chain(
                self.rows
                    .iter()
                    .flat_map(|r| r.a.iter().chain(&r.b).map(|claim| claim.evidence)),
            )
            .collect()
    }

    /// The row for a topic id, if either article speaks to it.
    pub fn row(&self, topic: &str) -> Option<&Row<'a>> {
        self.rows.iter().find(|r| r.topic.id == topic)
    }
}

/// An article id that is not in the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareError {
    /// The id asked for (the first one, when both are unknown).
    pub unknown: String,
    /// Every article id in the store, in file order.
    pub known: Vec<String>,
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no article with id {}; article ids are: {}",
            crate::text::quote(&self.unknown),
            self.known.join(", ")
        )
    }
}

impl std::error::Error for CompareError {}

/// Lines up the claims of articles `a` and `b` by topic. An article compared with itself agrees
/// everywhere it speaks.
pub fn compare<'a>(store: &'a Store, a: &str, b: &str) -> Result<Comparison<'a>, CompareError> {
    let find = |id: &str| {
        store.article(id).ok_or_else(|| CompareError {
            unknown: id.to_owned(),
            known: store.articles.iter().map(|r| r.id.to_string()).collect(),
        })
    };
    let (a, b) = (find(a)?, find(b)?);
    let rows = store
        .topics
        .iter()
        .filter_map(|topic| {
            let on_topic = |article: &'a Article| -> Vec<&'a Claim> {
                store
                    .claims_of(&article.id)
                    .filter(|c| c.topic == topic.id)
                    .collect()
            };
            let (claims_a, claims_b) = (on_topic(a), on_topic(b));
            if claims_a.is_empty() && claims_b.is_empty() {
                return None;
            }
            let held = |claims: &[&'a Claim]| -> BTreeSet<&'a str> {
                claims.iter().map(|c| c.stance.as_str()).collect()
            };
            Some(Row {
                topic,
                relation: relation(&held(&claims_a), &held(&claims_b)),
                a: claims_a,
                b: claims_b,
            })
        })
        .collect();
    Ok(Comparison { a, b, rows })
}
