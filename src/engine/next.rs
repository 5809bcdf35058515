//! Which question to ask next: the safety question first, then the unanswered question whose answer
//! is expected to tell the stories apart best (largest expected information gain), and which two stories
//! it separates.

use super::answers::Answers;
use super::flow;
use super::model::{Model, entropy};
use crate::content::{NONE, Store};
use serde::Serialize;

/// A question worth asking, best first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextQuestion {
    pub id: String,
    pub prompt: String,
    /// Expected information gain about which story fits, in bits (0 for the safety question, which is
    /// asked for safety, not to tell stories apart).
    pub gain_bits: f64,
    /// The two stories (chain ids, or "none") this question tells apart best right now.
    pub tells_apart: Vec<String>,
}

/// Expected information gain (bits) about the hypotheses from asking model question `q`.
pub fn gain(model: &Model, q: usize, posterior: &[f64]) -> f64 {
    let mq = &model.questions[q];
    let before = entropy(posterior);
    let mut after = 0.0;
    for o in 0..mq.options.len() {
        let joint: Vec<f64> = posterior
            .iter()
            .enumerate()
            .map(|(h, p)| p * mq.likelihood[h][o])
            .collect();
        let p_answer: f64 = joint.iter().sum();
        if p_answer <= 0.0 {
            continue;
        }
        let post: Vec<f64> = joint.iter().map(|j| j / p_answer).collect();
        after += p_answer * entropy(&post);
    }
    (before - after).max(0.0)
}

/// The pair of hypotheses that model question `q` separates most, weighted by how much each is still
/// in play.
fn pair(model: &Model, q: usize, posterior: &[f64]) -> (usize, usize) {
    let mq = &model.questions[q];
    let mut best = (0.0, 0, 0);
    for a in 0..posterior.len() {
        for b in a + 1..posterior.len() {
            let distance: f64 = (0..mq.options.len())
                .map(|o| (mq.likelihood[a][o] - mq.likelihood[b][o]).abs())
                .sum::<f64>()
                / 2.0;
            let weight = posterior[a] * posterior[b] * distance;
            if weight > best.0 {
                best = (weight, a, b);
            }
        }
    }
    (best.1, best.2)
}

/// Questions still worth asking, best first: the safety question while it is unanswered, then every
/// shown, unanswered question of the model by expected information gain (ties keep file order).
pub fn ranked(
    store: &Store,
    model: &Model,
    answers: &Answers,
    posterior: &[f64],
) -> Vec<NextQuestion> {
    let q = &store.questionnaire;
    let mut out: Vec<NextQuestion> = q
        .questions
        .iter()
        .filter(|question| question.is_red_flag_screen() && !answers.is_answered(&question.id))
        .map(|question| NextQuestion {
            id: question.id.to_string(),
            prompt: question.prompt.to_string(),
            gain_bits: 0.0,
            tells_apart: Vec::new(),
        })
        .collect();
    if !out.is_empty() {
        return out;
    }
    let mut scored: Vec<(f64, NextQuestion)> = model
        .questions
        .iter()
        .enumerate()
        .filter(|(_, mq)| {
            flow::is_shown(q, mq.question, answers) && !answers.is_answered(&mq.question.id)
        })
        .map(|(i, mq)| {
            let bits = gain(model, i, posterior);
            let (a, b) = pair(model, i, posterior);
            let name = |h: usize| model.hypotheses.get(h).copied().unwrap_or(NONE).to_owned();
            (
                bits,
                NextQuestion {
                    id: mq.question.id.to_string(),
                    prompt: mq.question.prompt.to_string(),
                    gain_bits: bits,
                    tells_apart: vec![name(a), name(b)],
                },
            )
        })
        .collect();
    // A stable sort keeps file order among equal gains.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.extend(scored.into_iter().map(|(_, n)| n));
    out
}

/// The index (in the questionnaire) of the question to ask next, or `None` when every shown question is
/// answered. Questions outside the model (none, in the built-in store, but a custom store may have them)
/// come after the model's, in file order.
pub fn next_index(store: &Store, next: &[NextQuestion], answers: &Answers) -> Option<usize> {
    let q = &store.questionnaire;
    next.first()
        .and_then(|n| q.questions.iter().position(|x| x.id == n.id.as_str()))
        .or_else(|| {
            q.questions.iter().position(|question| {
                flow::is_shown(q, question, answers) && !answers.is_answered(&question.id)
            })
        })
}
