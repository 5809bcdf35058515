//! The strongest word against a story: a claim from another article that disagrees with it, shown with
//! every verdict so that nobody meets one story without its sharpest critic.

use crate::content::{Chain, Claim, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpoint {
    /// The chain it speaks against.
    pub chain: String,
    pub claim: String,
    pub article: String,
    /// "004 Hip rotation research".
    pub article_name: String,
    pub statement: String,
    /// The evidence label (`research-cited`, …).
    pub evidence: String,
    /// The label in plain words: "research claimed", "author's view", …
    pub evidence_gloss: String,
    /// The topic's question, when the claim is filed under one.
    pub topic: Option<String>,
}

/// The counterpoint for a chain: the first of its own `counterpoints` that exists, or else the claim
/// from an article outside the chain that takes another stance on a topic the chain's steps rely on,
/// strongest evidence first, then the topic the chain leans on most.
pub fn for_chain(store: &Store, chain: &Chain) -> Option<Counterpoint> {
    let named = chain
        .counterpoints
        .iter()
        .filter_map(|id| store.claim(id))
        .find(|c| !chain.articles.iter().any(|a| *a == c.article.as_str()));
    let claim = named.or_else(|| from_topics(store, chain))?;
    let article_name = store.article(&claim.article).map_or_else(
        || claim.article.to_string(),
        |a| format!("{} {}", a.number, a.short),
    );
    Some(Counterpoint {
        chain: chain.id.to_string(),
        claim: claim.id.to_string(),
        article: claim.article.to_string(),
        article_name,
        statement: claim.statement.to_string(),
        evidence: claim.evidence.as_str().to_owned(),
        evidence_gloss: claim.evidence.gloss().to_owned(),
        topic: store.topic(&claim.topic).map(|t| t.question.to_string()),
    })
}

fn from_topics<'a>(store: &'a Store, chain: &Chain) -> Option<&'a Claim> {
    // Topic → (stances the chain's own claims hold there, how many step citations land there).
    let mut held: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for id in chain.steps.iter().flat_map(|s| s.claims.iter()) {
        if let Some(c) = store.claim(id) {
            let entry = held.entry(c.topic.as_str()).or_default();
            entry.0.insert(c.stance.as_str());
            entry.1 += 1;
        }
    }
    store
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| !chain.articles.iter().any(|a| *a == c.article.as_str()))
        .filter_map(|(i, c)| {
            let (stances, weight) = held.get(c.topic.as_str())?;
            (!stances.contains(c.stance.as_str())).then_some((
                c.evidence,
                usize::MAX - weight,
                i,
                c,
            ))
        })
        .min_by_key(|(evidence, weight, i, _)| (*evidence, *weight, *i))
        .map(|(_, _, _, c)| c)
}
