//! The whole outcome of a questionnaire: red flags, ranked chains with reasons, and the routine.

use super::answers::Answers;
use super::flow;
use super::red_flags::{self, RedFlag};
use super::routine::{self, Routine};
use super::score::{self, ChainScore};
use crate::content::Store;
use serde_json::json;

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub red_flags: Vec<RedFlag>,
    /// The headline care message when a red flag is raised.
    pub care: Option<String>,
    /// Best first. Empty when a red flag is raised: then only the care message is shown.
    pub chains: Vec<ChainScore>,
    /// `None` with a red flag, or when no chain has evidence for it yet.
    pub routine: Option<Routine>,
    /// Questions answered, out of the questions asked.
    pub answered: usize,
    pub asked: usize,
}

impl Report {
    /// A chain's score by id.
    pub fn chain(&self, id: &str) -> Option<&ChainScore> {
        self.chains.iter().find(|c| c.id == id)
    }

    pub fn has_red_flags(&self) -> bool {
        !self.red_flags.is_empty()
    }

    /// The JSON object `backchain quiz --format json` prints.
    pub fn to_json(&self) -> serde_json::Value {
        let routine = self.routine.as_ref();
        let items: Vec<serde_json::Value> = routine
            .map(|r| {
                r.items
                    .iter()
                    .map(|i| {
                        let mut item = json!({
                            "exercise": i.exercise,
                            "name": i.name,
                            "phase": i.phase,
                            "dose": i.dose,
                            "sets": i.dosage.sets,
                            "per_side": i.dosage.per_side,
                            "seconds_total": i.seconds,
                            "serves": i.serves,
                            "cautions": i.cautions,
                        });
                        let d = &i.dosage;
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
                    })
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "red_flags": self.red_flags,
            "care": self.care,
            "chains": self.chains.iter().map(|c| json!({
                "id": c.id,
                "title": c.title,
                "score": (c.score * 10.0).round() / 10.0,
                "unknown": (c.unknown * 100.0).round() / 100.0,
                "close_to": c.close_to,
                "reasons": c.reasons.iter().map(|r| json!({
                    "question": r.question,
                    "answer": r.answer,
                    "weight": r.weight,
                    "points": (r.points * 10.0).round() / 10.0,
                    "direction": r.direction(),
                    "note": r.note,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "routine": items,
            "routine_chains": routine.map(|r| r.chains.clone()).unwrap_or_default(),
            "total_minutes": routine.map_or(0, |r| r.total_seconds.div_ceil(60)),
            "conflicts": routine.map(|r| r.conflicts.clone()).unwrap_or_default(),
            "avoid": routine.map(|r| r.avoid.clone()).unwrap_or_default(),
            "cautions": if routine.is_some() { routine::GENERAL_CAUTIONS.to_vec() } else { Vec::new() },
            "answered": self.answered,
            "asked": self.asked,
            "disclaimer": crate::DISCLAIMER,
        })
    }
}

/// Scores the answers against the store.
pub fn evaluate(store: &Store, answers: &Answers) -> Report {
    let questionnaire = &store.questionnaire;
    let red_flags = red_flags::red_flags(questionnaire, answers);
    let care = red_flags::care_message(questionnaire, &red_flags);
    let (answered, asked) = flow::progress(questionnaire, answers);
    if !red_flags.is_empty() {
        return Report {
            red_flags,
            care,
            chains: Vec::new(),
            routine: None,
            answered,
            asked,
        };
    }
    let chains = score::rank(store, answers);
    let routine = routine::build(store, &chains);
    Report {
        red_flags,
        care,
        chains,
        routine,
        answered,
        asked,
    }
}
