//! Builds a routine from the best-fitting chain (and a close second): exercises ordered by phase, no
//! duplicates, a dose for each, the total time, the cautions, and where the chains' articles disagree.

use super::report::SECOND_MIN;
use super::score::ChainScore;
use crate::compare::{Relation, relation, stances};
use crate::content::{Dosage, Exercise, PartSource, Phase, Store};
use serde::Serialize;
use serde_json::json;
use std::collections::HashSet;

/// At most this many exercises of one phase.
const PER_PHASE: usize = 2;
/// At most this many exercises in all.
const MAX_ITEMS: usize = 8;
/// At most this many disagreements listed.
const MAX_CONFLICTS: usize = 4;

/// Said with every routine.
pub const GENERAL_CAUTIONS: [&str; 3] = [
    "Stop any exercise that causes sharp, spreading or increasing pain, numbness or tingling.",
    "Mild stretch or effort is fine; pain is not. Work in a range that feels safe, and go slowly.",
    "This is not medical advice: if pain persists, worsens or came with an injury, see a clinician.",
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoutineItem {
    pub exercise: String,
    pub name: String,
    pub phase: Phase,
    pub dosage: Dosage,
    /// The dose in words: "3 × 10 reps, hold 3 s".
    pub dose: String,
    /// Rough time for the whole dose, rests included.
    pub seconds: u32,
    /// The routine's chains this exercise serves.
    pub serves: Vec<String>,
    pub cautions: Vec<String>,
    /// Where its idea, steps and dose come from.
    pub provenance: ItemProvenance,
    /// The rung of its ladder to do it at now, when the journal's ratings moved it; `None` as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rung: Option<ItemRung>,
}

/// A rung of an exercise's ladder, as a routine item carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemRung {
    /// Rungs from the exercise as given: 1 is the first harder rung, -1 the first easier one.
    pub steps: i32,
    pub name: String,
    /// What is different from the exercise itself.
    pub change: String,
    /// Another exercise in the store that is this rung, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
}

/// What the journal's ratings changed in a routine, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoutineChange {
    pub exercise: String,
    /// The exercise's own name.
    pub name: String,
    /// `do it as "Heels further away" now (…)`, or `left out`.
    pub what: String,
    /// The rule that made the change: "too easy 2 sessions in a row: one rung harder".
    pub why: String,
    /// Out of the routine after repeated pain.
    pub left_out: bool,
}

impl RoutineChange {
    /// The change as a sentence: "Wall sit is left out: it hurt 2 sessions in a row: …".
    pub fn sentence(&self) -> String {
        if self.left_out {
            format!("{} is left out: {}.", self.name, self.why)
        } else {
            format!("{}: {}: {}.", self.name, self.what, self.why)
        }
    }
}

/// An exercise's provenance as a routine carries it: each part's source, the articles behind them, and
/// the line a sheet prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemProvenance {
    pub idea: PartSource,
    pub steps: PartSource,
    pub dose: PartSource,
    /// Ids of the articles the parts marked article or reconstruction come from.
    pub articles: Vec<String>,
    /// "idea: 001 · steps: reconstructed from 001 · dose: our suggestion".
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One side of a disagreement: an article of one of the routine's chains and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    pub chain: String,
    pub article: String,
    pub article_short: String,
    pub stances: Vec<String>,
}

/// A topic on which the articles behind the routine disagree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    pub topic: String,
    pub question: String,
    pub sides: Vec<Side>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Routine {
    /// The chains the routine is for, best first.
    pub chains: Vec<String>,
    pub items: Vec<RoutineItem>,
    pub total_seconds: u32,
    pub conflicts: Vec<Conflict>,
    /// What the chains' articles say to avoid.
    pub avoid: Vec<String>,
    /// What the journal's ratings changed, and why (empty for the routine as built).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<RoutineChange>,
}

impl RoutineItem {
    /// The name every view shows: "Hamstring bridge — as Heels further away" when it moved to a rung.
    pub fn title(&self) -> String {
        match &self.rung {
            Some(rung) => format!("{} — as {}", self.name, rung.name),
            None => self.name.clone(),
        }
    }

    /// The id of the exercise to show for this item: the rung's own exercise when the rung it moved to is
    /// one in the store (its steps, cautions and figure are what to do now), else the item's.
    pub fn shown_exercise(&self) -> &str {
        (self.rung.as_ref())
            .and_then(|rung| rung.exercise.as_deref())
            .unwrap_or(&self.exercise)
    }

    /// The exercise to show for this item ([`RoutineItem::shown_exercise`]), or the item's own if the
    /// rung's is not in `store`.
    pub fn shown<'a>(&self, store: &'a Store) -> Option<&'a Exercise> {
        (store.exercise(self.shown_exercise())).or_else(|| store.exercise(&self.exercise))
    }

    /// The cautions to show: the shown exercise's (the rung's own when it moved to one); the item's
    /// when its exercise is not in `store`.
    pub fn shown_cautions<'a>(&'a self, store: &'a Store) -> Vec<&'a str> {
        match self.shown(store) {
            Some(exercise) => exercise.cautions.iter().map(|c| c.as_str()).collect(),
            None => self.cautions.iter().map(String::as_str).collect(),
        }
    }

    /// One item of `routine` in `backchain quiz --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut item = json!({
            "exercise": self.exercise,
            "name": self.name,
            "phase": self.phase,
            "dose": self.dose,
            "sets": self.dosage.sets,
            "per_side": self.dosage.per_side,
            "seconds_total": self.seconds,
            "serves": self.serves,
            "cautions": self.cautions,
            "provenance": self.provenance,
        });
        if let Some(rung) = &self.rung {
            item["rung"] = json!(rung);
        }
        let d = &self.dosage;
        for (key, value) in [
            ("reps", d.reps),
            ("breaths", d.breaths),
            ("seconds", d.seconds),
            ("hold_seconds", d.hold_seconds),
            ("rest_seconds", d.rest_seconds),
        ] {
            if let Some(v) = value {
                item[key] = json!(v);
            }
        }
        item
    }
}

/// The chains a routine is built for, given a clear verdict: the top one, plus the second when it is
/// strong in its own right ([`SECOND_MIN`]).
pub fn routine_chains(ranked: &[ChainScore]) -> Vec<&str> {
    let mut chains: Vec<&str> = ranked.first().map(|c| c.id.as_str()).into_iter().collect();
    if let Some(second) = ranked.get(1).filter(|s| s.probability >= SECOND_MIN) {
        chains.push(&second.id);
    }
    chains
}

/// The routine for these chains (best first), or `None` without a chain.
pub fn build(store: &Store, chains: &[&str]) -> Option<Routine> {
    let top = *chains.first()?;
    let articles_of = |chain: &str| -> Vec<&str> {
        store
            .chain(chain)
            .map(|c| c.articles.iter().map(|a| a.as_str()).collect())
            .unwrap_or_default()
    };
    let top_articles = articles_of(top);
    let other_articles: Vec<&str> = chains.iter().skip(1).flat_map(|c| articles_of(c)).collect();

    // Priority: serving the best chain first, then being named by its articles, then the second chain.
    let mut candidates: Vec<(i32, usize)> = store
        .exercises
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let serves = |c: &str| e.chains.iter().any(|x| x == c);
            let named_by = |arts: &[&str]| e.articles.iter().any(|a| arts.contains(&a.as_str()));
            let mut priority = 0;
            if serves(top) {
                priority += 4;
            }
            if chains.iter().skip(1).any(|c| serves(c)) {
                priority += 2;
            }
            if priority == 0 {
                return None;
            }
            if serves(top) && named_by(&top_articles) {
                priority += 3;
            }
            if named_by(&other_articles) {
                priority += 1;
            }
            Some((priority, i))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    // A first routine: nothing is known to be easy yet, so an exercise with prerequisites gives way to
    // them (the loaded deadlift to the good morning it builds on).
    let easy: HashSet<&str> = HashSet::new();
    // Only an exercise with a dose and a provenance can be given; `check` requires both of one that
    // serves a chain.
    let serves_any = |i: usize| {
        let e = &store.exercises[i];
        e.dosage.is_some()
            && e.provenance.is_some()
            && chains.iter().any(|c| e.chains.iter().any(|x| x == *c))
    };
    let mut picked: Vec<(i32, usize)> = Vec::new();
    for (priority, candidate) in candidates {
        for i in entry_points(store, candidate, &easy) {
            if picked.iter().any(|&(_, j)| j == i) || !serves_any(i) {
                continue;
            }
            let phase = store.exercises[i].phase;
            let in_phase = picked
                .iter()
                .filter(|(_, j)| store.exercises[*j].phase == phase)
                .count();
            if in_phase < PER_PHASE && picked.len() < MAX_ITEMS {
                picked.push((priority, i));
            }
        }
    }
    picked.sort_by(|a, b| {
        let (ea, eb) = (&store.exercises[a.1], &store.exercises[b.1]);
        ea.phase
            .cmp(&eb.phase)
            .then(b.0.cmp(&a.0))
            .then(a.1.cmp(&b.1))
    });

    let items: Vec<RoutineItem> = picked
        .into_iter()
        .filter_map(|(_, i)| {
            let e = &store.exercises[i];
            let dosage = e.dosage.clone()?;
            let provenance = item_provenance(store, e)?;
            Some(RoutineItem {
                exercise: e.id.to_string(),
                name: e.name.to_string(),
                phase: e.phase,
                dose: dosage.describe(),
                seconds: dosage.seconds_total(),
                dosage,
                serves: chains
                    .iter()
                    .filter(|c| e.chains.iter().any(|x| x == **c))
                    .map(|c| c.to_string())
                    .collect(),
                cautions: e.cautions.iter().map(|c| c.to_string()).collect(),
                provenance,
                rung: None,
            })
        })
        .collect();
    let total_seconds = items.iter().map(|i| i.seconds).sum();
    let avoid = chains
        .iter()
        .filter_map(|c| {
            store
                .chain(c)?
                .way_out
                .avoid
                .as_ref()
                .map(|a| a.to_string())
        })
        .collect();
    Some(Routine {
        chains: chains.iter().map(|c| c.to_string()).collect(),
        items,
        total_seconds,
        conflicts: conflicts(store, chains),
        avoid,
        changes: Vec::new(),
    })
}

/// What to give in place of exercise `i` when its prerequisites are not yet easy: the prerequisites
/// themselves, followed down until one can be given (each at most once, prerequisites first). An
/// exercise whose prerequisites are all easy is its own entry point.
fn entry_points(store: &Store, i: usize, easy: &HashSet<&str>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk_prerequisites(store, i, easy, &mut seen, &mut out);
    out
}

fn walk_prerequisites(
    store: &Store,
    i: usize,
    easy: &HashSet<&str>,
    seen: &mut HashSet<usize>,
    out: &mut Vec<usize>,
) {
    // `seen` also stops a cycle (which `check` reports) from looping here.
    if !seen.insert(i) {
        return;
    }
    let e = &store.exercises[i];
    let waiting: Vec<usize> = e
        .requires
        .iter()
        .filter(|r| !easy.contains(r.as_str()))
        .filter_map(|r| store.exercises.iter().position(|x| x.id == *r))
        .collect();
    if waiting.is_empty() {
        out.push(i);
        return;
    }
    for r in waiting {
        walk_prerequisites(store, r, easy, seen, out);
    }
}

/// The provenance of an exercise for a routine item; `None` for one without `[provenance]`, which
/// no routine gives.
pub fn item_provenance(store: &Store, e: &crate::content::Exercise) -> Option<ItemProvenance> {
    let p = e.provenance.as_ref()?;
    Some(ItemProvenance {
        idea: *p.idea.get_ref(),
        steps: *p.steps.get_ref(),
        dose: *p.dose.get_ref(),
        articles: e.articles.iter().map(|a| a.to_string()).collect(),
        summary: store.provenance_line(e),
        note: p.note.as_ref().map(|n| n.to_string()),
    })
}

/// Topics on which two of the articles behind these chains take disjoint stances.
pub fn conflicts(store: &Store, chains: &[&str]) -> Vec<Conflict> {
    let voices: Vec<(&str, &str)> = chains
        .iter()
        .filter_map(|c| store.chain(c))
        .flat_map(|c| c.articles.iter().map(move |a| (c.id.as_str(), a.as_str())))
        .collect();
    let mut found = Vec::new();
    for topic in &store.topics {
        let sides: Vec<(&str, &str, std::collections::BTreeSet<&str>)> = voices
            .iter()
            .map(|&(chain, article)| (chain, article, stances(store, &[article], &topic.id)))
            .filter(|(_, _, s)| !s.is_empty())
            .collect();
        let disagree = sides.iter().enumerate().any(|(i, a)| {
            sides[i + 1..]
                .iter()
                .any(|b| a.1 != b.1 && relation(&a.2, &b.2) == Relation::Disagree)
        });
        if !disagree {
            continue;
        }
        let mut seen_articles = Vec::new();
        let sides = sides
            .into_iter()
            .filter(|(_, article, _)| {
                let first = !seen_articles.contains(article);
                seen_articles.push(article);
                first
            })
            .map(|(chain, article, held)| Side {
                chain: chain.to_owned(),
                article: article.to_owned(),
                article_short: store
                    .article(article)
                    .map_or(article.to_owned(), |a| a.short.to_string()),
                stances: held
                    .iter()
                    .map(|s| {
                        topic
                            .stance(s)
                            .map_or(s.to_string(), |st| st.label.to_string())
                    })
                    .collect(),
            })
            .collect();
        found.push(Conflict {
            topic: topic.id.to_string(),
            question: topic.question.to_string(),
            sides,
        });
        if found.len() == MAX_CONFLICTS {
            break;
        }
    }
    found
}
