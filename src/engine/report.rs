//! The whole outcome of a questionnaire: the safety gate, red flags, each story's probability with its
//! reasons, how sure that is, the questions that would settle it, and a routine only when it is earned.

use super::answers::Answers;
use super::counterpoint::{self, Counterpoint};
use super::flow;
use super::model::Model;
use super::next::{self, NextQuestion};
use super::red_flags::{self, RedFlag};
use super::routine::{self, Routine};
use super::score::{self, ChainScore};
use crate::content::Store;
use serde::Serialize;
use serde_json::json;

/// A routine is given only when the top story holds at least this share of the probability…
pub const ROUTINE_MIN: f64 = 0.6;
/// …and at least this many answers that tell stories apart are in (a single answer never decides).
pub const MIN_EVIDENCE: usize = 4;
/// A second story joins the routine only when it is strong in its own right.
pub const SECOND_MIN: f64 = 0.3;
/// Once the top story holds this much, the remaining questions are optional.
pub const SETTLED: f64 = 0.9;
/// How many questions the verdict names when it cannot tell yet.
pub const NAMED_QUESTIONS: usize = 3;

/// Where the verdict stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The safety question is not answered: nothing is ranked and no routine is given.
    SafetyUnanswered,
    /// A red flag is raised: see a clinician; nothing else.
    RedFlag,
    /// Not enough evidence yet to name a story: too few telling answers, or no story holds
    /// [`ROUTINE_MIN`].
    Open,
    /// "None of these stories" is the likely reading: the answers fit none of them well.
    NoneFits,
    /// One story stands out, on enough answers: a routine is given.
    Clear,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::SafetyUnanswered => "safety_unanswered",
            Standing::RedFlag => "red_flag",
            Standing::Open => "open",
            Standing::NoneFits => "none_fits",
            Standing::Clear => "clear",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub standing: Standing,
    pub red_flags: Vec<RedFlag>,
    /// The headline care message: for a red flag, or for the unanswered safety question.
    pub care: Option<String>,
    /// Has the safety question been answered (with "none" or with flags)?
    pub safety_checked: bool,
    /// Best first. Empty until the safety question is answered, and with a red flag.
    pub chains: Vec<ChainScore>,
    /// "None of these stories"; with the chains it sums to 1. 0 while there is no ranking.
    pub none_probability: f64,
    /// Answers that carry evidence (shown questions answered with an option of the model).
    pub evidence_answers: usize,
    /// The verdict is decided: enough telling answers, and one story (or "none") holds [`ROUTINE_MIN`].
    pub enough_evidence: bool,
    /// The top story holds [`SETTLED`] or more: the remaining questions are optional.
    pub settled: bool,
    /// Questions still worth asking, best first (the safety question while it is unanswered).
    pub next_questions: Vec<NextQuestion>,
    /// The strongest word against the top story, from another article.
    pub counterpoint: Option<Counterpoint>,
    /// Only with [`Standing::Clear`].
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

    /// Where to go: the care message for the most urgent red flag (an emergency department for saddle
    /// numbness, a doctor within days for others), as the questionnaire words it; a clinician before
    /// exercising when the report has none. Every place that stops a routine or a session says this.
    pub fn care_or_clinician(&self) -> &str {
        (self.care.as_deref())
            .map(str::trim)
            .filter(|care| !care.is_empty())
            .unwrap_or("See a GP or a physiotherapist before exercising again.")
    }

    /// The top chain when it leads "none" (there may be no verdict yet).
    pub fn leader(&self) -> Option<&ChainScore> {
        self.chains
            .first()
            .filter(|c| c.probability >= self.none_probability)
    }

    /// The chains within [`score::NEAR_TIE`] of the top one, when both are contenders.
    pub fn near_tie(&self) -> Vec<&str> {
        self.chains
            .first()
            .map(|top| top.close_to.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The JSON object `backchain quiz --format json` prints (documented in the README).
    pub fn to_json(&self, disclaimer: &str) -> serde_json::Value {
        let round = |x: f64, places: i32| {
            let m = 10f64.powi(places);
            (x * m).round() / m
        };
        let routine = self.routine.as_ref();
        let items: Vec<serde_json::Value> = routine
            .map(|r| r.items.iter().map(routine::RoutineItem::to_json).collect())
            .unwrap_or_default();
        json!({
            "standing": self.standing.as_str(),
            "safety_checked": self.safety_checked,
            "red_flags": self.red_flags,
            "care": self.care,
            "chains": self.chains.iter().map(|c| json!({
                "id": c.id,
                "title": c.title,
                "probability": round(c.probability, 4),
                "score": round(c.percent(), 1),
                "close_to": c.close_to,
                "reasons": c.reasons.iter().map(|r| json!({
                    "question": r.question,
                    "answer": r.answer,
                    "factor": round(r.factor, 3),
                    "likelihood": round(r.likelihood, 3),
                    "direction": r.direction(),
                    "versus": r.versus,
                    "in_words": r.in_words(),
                    "basis": r.basis.map(|b| b.as_str()),
                    "note": r.note,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "none_probability": round(self.none_probability, 4),
            "enough_evidence": self.enough_evidence,
            "evidence_answers": self.evidence_answers,
            "settled": self.settled,
            "next_questions": self.next_questions.iter().map(|n| json!({
                "id": n.id,
                "prompt": n.prompt,
                "gain_bits": round(n.gain_bits, 3),
                "tells_apart": n.tells_apart,
            })).collect::<Vec<_>>(),
            "counterpoint": self.counterpoint,
            "routine": items,
            "routine_chains": routine.map(|r| r.chains.clone()).unwrap_or_default(),
            "total_minutes": routine.map_or(0, |r| r.total_seconds.div_ceil(60)),
            "conflicts": routine.map(|r| r.conflicts.clone()).unwrap_or_default(),
            "avoid": routine.map(|r| r.avoid.clone()).unwrap_or_default(),
            "routine_changes": routine.map(|r| r.changes.clone()).unwrap_or_default(),
            "cautions": if routine.is_some() { routine::GENERAL_CAUTIONS.to_vec() } else { Vec::new() },
            "answered": self.answered,
            "asked": self.asked,
            "disclaimer": disclaimer,
        })
    }
}

/// Scores the answers against the store.
pub fn evaluate(store: &Store, answers: &Answers) -> Report {
    let questionnaire = &store.questionnaire;
    let (answered, asked) = flow::progress(questionnaire, answers);
    let model = Model::new(store);
    let closed = |standing: Standing, red_flags: Vec<RedFlag>, care: Option<String>| Report {
        standing,
        red_flags,
        care,
        safety_checked: standing != Standing::SafetyUnanswered,
        chains: Vec::new(),
        none_probability: 0.0,
        evidence_answers: 0,
        enough_evidence: false,
        settled: false,
        next_questions: Vec::new(),
        counterpoint: None,
        routine: None,
        answered,
        asked,
    };
    let red_flags = red_flags::red_flags(questionnaire, answers);
    if !red_flags.is_empty() {
        // A flag ticked before the question was finished still counts: safety first.
        let care = red_flags::care_message(questionnaire, &red_flags);
        return closed(Standing::RedFlag, red_flags, care);
    }
    if !red_flags::safety_checked(questionnaire, answers) {
        let mut report = closed(
            Standing::SafetyUnanswered,
            Vec::new(),
            Some(red_flags::SAFETY_UNANSWERED.to_owned()),
        );
        report.next_questions = next::ranked(store, &model, answers, &model.prior);
        return report;
    }

    let seen = model.observations(store, answers);
    let posterior = model.posterior(&seen);
    let (chains, none_probability) = score::rank(store, &model, &seen, &posterior);
    let top = chains.first().map_or(0.0, |c| c.probability);
    let leader_p = top.max(none_probability);
    let enough_evidence = seen.len() >= MIN_EVIDENCE && leader_p >= ROUTINE_MIN;
    let standing = match () {
        _ if !enough_evidence => Standing::Open,
        _ if none_probability >= top => Standing::NoneFits,
        _ => Standing::Clear,
    };
    let next_questions = next::ranked(store, &model, answers, &posterior);
    let counterpoint = chains
        .first()
        .and_then(|c| store.chain(&c.id))
        .and_then(|c| counterpoint::for_chain(store, c));
    let routine = if standing == Standing::Clear {
        routine::build(store, &routine::routine_chains(&chains))
    } else {
        None
    };
    Report {
        standing,
        red_flags,
        care: None,
        safety_checked: true,
        settled: top >= SETTLED,
        chains,
        none_probability,
        evidence_answers: seen.len(),
        enough_evidence,
        next_questions,
        counterpoint,
        routine,
        answered,
        asked,
    }
}
