//! Scores every chain from 0 to 100 from the answers, with the reasons behind each score.
//!
//! For a chain, each shown question can push it up by at most its largest option weight and down by at
//! most its smallest. The answers' summed weight is scaled so that every sign answered in the chain's
//! favour gives 100 and every sign against gives 0; 50 means no evidence either way. Unanswered questions
//! add nothing, and the share of the chain's possible evidence still unanswered is reported as `unknown`.

use super::answers::Answers;
use super::flow;
use crate::content::{Chain, Question, Questionnaire, Store};
use serde::Serialize;

/// Two chains whose scores differ by less than this are shown as a near-tie.
pub const NEAR_TIE: f64 = 5.0;

/// One answer's effect on one chain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub question: String,
    pub prompt: String,
    pub answer: String,
    pub answer_label: String,
    /// The option's weight for this chain (−3…3): positive fits the chain's story.
    pub weight: i32,
    /// Score points this answer moved the chain (their sum is `score − 50`).
    pub points: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Reason {
    pub fn direction(&self) -> &'static str {
        if self.weight > 0 { "up" } else { "down" }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChainScore {
    pub id: String,
    pub title: String,
    pub short: String,
    /// 0…100; 50 is "no evidence either way".
    pub score: f64,
    /// Summed weights of the answers.
    pub raw: i32,
    /// Share (0…1) of this chain's possible evidence in questions not yet answered.
    pub unknown: f64,
    /// Chains within [`NEAR_TIE`] points of this one.
    pub close_to: Vec<String>,
    /// Strongest first.
    pub reasons: Vec<Reason>,
}

/// Largest and smallest weight any option of a question gives a chain (0 when none mention it).
fn weight_range(question: &Question, chain: &str) -> (i32, i32) {
    question.options.iter().fold((0, 0), |(hi, lo), o| {
        let w = o.weights.get(chain).copied().unwrap_or(0);
        (hi.max(w), lo.min(w))
    })
}

fn score_chain(questionnaire: &Questionnaire, chain: &Chain, answers: &Answers) -> ChainScore {
    let (mut raw, mut up, mut down) = (0i32, 0i32, 0i32);
    let (mut known_span, mut total_span) = (0i32, 0i32);
    let mut moved = Vec::new();
    for question in flow::shown(questionnaire, answers) {
        let (hi, lo) = weight_range(question, &chain.id);
        up += hi;
        down -= lo;
        total_span += hi - lo;
        let chosen = answers.chosen(&question.id);
        if chosen.is_empty() {
            continue;
        }
        known_span += hi - lo;
        for option in chosen.iter().filter_map(|c| question.option(c)) {
            let weight = option.weights.get(chain.id.as_str()).copied().unwrap_or(0);
            raw += weight;
            if weight != 0 {
                moved.push((question, option, weight));
            }
        }
    }
    let scale = |w: i32| -> f64 {
        let room = if raw >= 0 { up } else { down };
        if room == 0 {
            0.0
        } else {
            50.0 * f64::from(w) / f64::from(room)
        }
    };
    let score = (50.0 + scale(raw)).clamp(0.0, 100.0);
    let mut reasons: Vec<Reason> = moved
        .into_iter()
        .map(|(question, option, weight)| Reason {
            question: question.id.to_string(),
            prompt: question.prompt.to_string(),
            answer: option.id.to_string(),
            answer_label: option.label.to_string(),
            weight,
            points: scale(weight),
            note: option.note.as_ref().map(|n| n.to_string()),
        })
        .collect();
    reasons.sort_by(|a, b| {
        b.weight
            .abs()
            .cmp(&a.weight.abs())
            .then(b.weight.cmp(&a.weight))
    });
    let unknown = if total_span == 0 {
        1.0
    } else {
        1.0 - f64::from(known_span) / f64::from(total_span)
    };
    ChainScore {
        id: chain.id.to_string(),
        title: chain.title.to_string(),
        short: chain.short.to_string(),
        score,
        raw,
        unknown,
        close_to: Vec::new(),
        reasons,
    }
}

/// Every chain scored, best first (ties broken by the larger raw evidence, then content order).
pub fn rank(store: &Store, answers: &Answers) -> Vec<ChainScore> {
    let mut scores: Vec<ChainScore> = store
        .chains
        .iter()
        .map(|chain| score_chain(&store.questionnaire, chain, answers))
        .collect();
    // A stable sort keeps content order among exact ties.
    scores.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.raw.cmp(&a.raw)));
    let all: Vec<(String, f64)> = scores.iter().map(|s| (s.id.clone(), s.score)).collect();
    for s in &mut scores {
        s.close_to = all
            .iter()
            .filter(|(id, score)| *id != s.id && (score - s.score).abs() < NEAR_TIE)
            .map(|(id, _)| id.clone())
            .collect();
    }
    scores
}
