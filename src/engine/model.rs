//! The evidence model: naive Bayes over the chains and "none of these stories", built from the
//! likelihood rows in the questionnaire. Every answer multiplies in; the result is one probability per
//! story (and for "none") that sums to 1, so the same answer moves every story on one scale.

use super::answers::Answers;
use super::flow;
use crate::content::{
    DEFAULT_NONE_PRIOR, Likelihood, MIN_LIKELIHOOD, NONE, Question, QuestionKind, Store,
};

/// One question that tells stories apart, as dense numbers.
#[derive(Clone, Debug)]
pub struct ModelQuestion<'a> {
    pub question: &'a Question,
    /// The options that carry evidence, in the question's order.
    pub options: Vec<&'a str>,
    /// `likelihood[h][o]`: how likely option `o` is for hypothesis `h`; each row sums to 1.
    pub likelihood: Vec<Vec<f64>>,
    /// The content row behind each hypothesis (for its basis and note); `None` when a hand-built store
    /// left it out, and then the row is flat.
    pub rows: Vec<Option<&'a Likelihood>>,
}

impl ModelQuestion<'_> {
    pub fn option_index(&self, option: &str) -> Option<usize> {
        self.options.iter().position(|o| *o == option)
    }
}

/// The model for one store.
#[derive(Clone, Debug)]
pub struct Model<'a> {
    /// Chain ids in store order, then [`NONE`] last.
    pub hypotheses: Vec<&'a str>,
    pub prior: Vec<f64>,
    /// In questionnaire order.
    pub questions: Vec<ModelQuestion<'a>>,
}

/// One answer that carries evidence: which model question, which option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Observation {
    pub question: usize,
    pub option: usize,
}

impl<'a> Model<'a> {
    pub fn new(store: &'a Store) -> Model<'a> {
        let mut hypotheses: Vec<&str> = store.chains.iter().map(|c| c.id.as_str()).collect();
        hypotheses.push(NONE);
        let chains = hypotheses.len() - 1;
        let none_prior = if chains == 0 {
            1.0
        } else {
            store
                .questionnaire
                .model
                .as_ref()
                .map(|m| m.none_prior)
                .filter(|p| p.is_finite())
                .unwrap_or(DEFAULT_NONE_PRIOR)
                .clamp(0.01, 0.99)
        };
        let mut prior = vec![(1.0 - none_prior) / chains.max(1) as f64; chains];
        prior.push(none_prior);
        let questions = store
            .questionnaire
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Single && !q.likelihoods.is_empty())
            .map(|q| model_question(q, &hypotheses))
            .filter(|mq| !mq.options.is_empty())
            .collect();
        Model {
            hypotheses,
            prior,
            questions,
        }
    }

    pub fn none_index(&self) -> usize {
        self.hypotheses.len() - 1
    }

    /// The answers that carry evidence, in questionnaire order: shown questions answered with an
    /// option that is in the model ("I'm not sure" and hidden questions carry none).
    pub fn observations(&self, store: &Store, answers: &Answers) -> Vec<Observation> {
        let q = &store.questionnaire;
        self.questions
            .iter()
            .enumerate()
            .filter(|(_, mq)| flow::is_shown(q, mq.question, answers))
            .filter_map(|(i, mq)| {
                let chosen = answers.chosen(&mq.question.id).first()?;
                Some(Observation {
                    question: i,
                    option: mq.option_index(chosen)?,
                })
            })
            .collect()
    }

    /// The probability of every hypothesis given the evidence; sums to 1.
    pub fn posterior(&self, seen: &[Observation]) -> Vec<f64> {
        let mut log: Vec<f64> = self.prior.iter().map(|p| p.ln()).collect();
        for e in seen {
            let mq = &self.questions[e.question];
            for (h, l) in log.iter_mut().enumerate() {
                *l += mq.likelihood[h][e.option].ln();
            }
        }
        normalise_log(&log)
    }

    /// For one hypothesis, how much each answer shifted it against the others: the likelihood of the
    /// answer under this story divided by its likelihood under the other stories, weighted as they
    /// stood just before it (answers taken in questionnaire order). Their product times the prior odds
    /// is the posterior odds exactly, so the factors account for the probability.
    ///
    /// Each factor comes with the other hypothesis that moved it most: for a factor above 1 the one
    /// the answer speaks against most, below 1 the one it favours most.
    pub fn factors(&self, seen: &[Observation], hypothesis: usize) -> Vec<(f64, Option<usize>)> {
        let mut log: Vec<f64> = self.prior.iter().map(|p| p.ln()).collect();
        let mut factors = Vec::with_capacity(seen.len());
        for e in seen {
            let mq = &self.questions[e.question];
            let weights = normalise_log(&log);
            let rest: f64 = weights
                .iter()
                .enumerate()
                .filter(|(h, _)| *h != hypothesis)
                .map(|(_, w)| *w)
                .sum();
            let others: f64 = if rest > 0.0 {
                weights
                    .iter()
                    .enumerate()
                    .filter(|(h, _)| *h != hypothesis)
                    .map(|(h, w)| w * mq.likelihood[h][e.option])
                    .sum::<f64>()
                    / rest
            } else {
                // Only one hypothesis: nothing to compare against.
                mq.likelihood[hypothesis][e.option]
            };
            let own = mq.likelihood[hypothesis][e.option];
            let factor = own / others;
            let driver = weights
                .iter()
                .enumerate()
                .filter(|(h, _)| *h != hypothesis)
                .map(|(h, w)| {
                    let gap = own - mq.likelihood[h][e.option];
                    (h, w * if factor >= 1.0 { gap } else { -gap })
                })
                .filter(|(_, push)| *push > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(h, _)| h);
            factors.push((factor, driver));
            for (h, l) in log.iter_mut().enumerate() {
                *l += mq.likelihood[h][e.option].ln();
            }
        }
        factors
    }
}

/// exp-normalises log weights so they sum to 1.
pub fn normalise_log(log: &[f64]) -> Vec<f64> {
    let max = log.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> = log.iter().map(|l| (l - max).exp()).collect();
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

/// Dense rows for one question. Rows are renormalised and floored here too, so a hand-built store
/// that skipped `check` still gives probabilities that sum to 1.
fn model_question<'a>(question: &'a Question, hypotheses: &[&str]) -> ModelQuestion<'a> {
    let options: Vec<&str> = question
        .options
        .iter()
        .map(|o| o.id.as_str())
        .filter(|o| question.is_informative(o))
        .collect();
    let mut likelihood = Vec::with_capacity(hypotheses.len());
    let mut rows = Vec::with_capacity(hypotheses.len());
    for h in hypotheses {
        let row = question.likelihood(h);
        let raw: Vec<f64> = options
            .iter()
            .map(|o| {
                row.and_then(|r| r.p.get(*o).copied())
                    .filter(|p| p.is_finite())
                    .unwrap_or(0.0)
                    .clamp(MIN_LIKELIHOOD, 1.0)
            })
            .collect();
        let total: f64 = raw.iter().sum();
        likelihood.push(raw.iter().map(|p| p / total).collect());
        rows.push(row);
    }
    ModelQuestion {
        question,
        options,
        likelihood,
        rows,
    }
}

/// Entropy in bits.
pub fn entropy(p: &[f64]) -> f64 {
    p.iter().filter(|&&x| x > 0.0).map(|&x| -x * x.log2()).sum()
}
