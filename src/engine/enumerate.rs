//! Every possible answers file, for re-measuring the model: all fully and definitely answered files
//! (each shown question answered with an option that carries evidence), and seeded random partial ones.
//! `backchain model` prints what they give; the tests hold the model to the articles' logic with them.

use super::answers::Answers;
use super::flow;
use super::model::{Model, Observation, normalise_log};
use super::report::{MIN_EVIDENCE, ROUTINE_MIN};
use crate::content::{QuestionKind, Store};
use serde::Serialize;
use std::collections::BTreeMap;

/// Calls `visit` with every fully and definitely answered file: the safety question answered with its
/// exclusive "none" option, and every shown question of the model answered with an option that
/// carries evidence. Conditional questions appear exactly when their condition holds. `visit` gets the
/// observations and the posterior (chains in store order, "none" last), computed along the way so that
/// millions of files take seconds; [`to_answers`] turns the observations into an answers file.
pub fn for_each_full(store: &Store, model: &Model, mut visit: impl FnMut(&[Observation], &[f64])) {
    let base = base_answers(store);
    // For each model question: when it is shown, in terms of an earlier model question's answer.
    let conditions: Vec<Condition> = model
        .questions
        .iter()
        .map(|mq| match &mq.question.show_if {
            None => Condition::Always,
            Some(cond) => match model
                .questions
                .iter()
                .position(|p| p.question.id == cond.question.as_str())
            {
                Some(parent) => Condition::After(
                    parent,
                    model.questions[parent]
                        .options
                        .iter()
                        .map(|o| cond.any.iter().any(|a| a == o))
                        .collect(),
                ),
                None if flow::is_shown(&store.questionnaire, mq.question, &base) => {
                    Condition::Always
                }
                None => Condition::Never,
            },
        })
        .collect();
    let hypotheses = model.prior.len();
    let mut logs: Vec<f64> = model.prior.iter().map(|p| p.ln()).collect();
    logs.resize(hypotheses * (model.questions.len() + 1), 0.0);
    let mut walk = Walk {
        model,
        conditions,
        chosen: vec![None; model.questions.len()],
        seen: Vec::new(),
        logs,
        depth: 0,
        hypotheses,
    };
    walk.step(0, &mut visit);
}

/// The answers every enumerated file shares: "none" for each safety question.
fn base_answers(store: &Store) -> Answers {
    let mut answers = Answers::new();
    for q in &store.questionnaire.questions {
        if q.kind == QuestionKind::Multi
            && let Some(none) = q.options.iter().find(|o| o.exclusive)
        {
            answers.set_many(&q.id, vec![none.id.to_string()]);
        }
    }
    answers
}

/// The answers file behind a list of observations (for messages and tests).
pub fn to_answers(store: &Store, model: &Model, seen: &[Observation]) -> Answers {
    let mut answers = base_answers(store);
    for o in seen {
        let mq = &model.questions[o.question];
        answers.set(&mq.question.id, mq.options[o.option]);
    }
    answers
}

enum Condition {
    Always,
    Never,
    /// Shown when that model question was answered with one of the marked options.
    After(usize, Vec<bool>),
}

struct Walk<'a> {
    model: &'a Model<'a>,
    conditions: Vec<Condition>,
    chosen: Vec<Option<usize>>,
    seen: Vec<Observation>,
    /// Log scores after each answer on the current path, `hypotheses` numbers per level.
    logs: Vec<f64>,
    depth: usize,
    hypotheses: usize,
}

impl Walk<'_> {
    fn step(&mut self, at: usize, visit: &mut impl FnMut(&[Observation], &[f64])) {
        let model = self.model;
        let n = self.hypotheses;
        let Some(mq) = model.questions.get(at) else {
            let current = &self.logs[self.depth * n..(self.depth + 1) * n];
            visit(&self.seen, &normalise_log(current));
            return;
        };
        let shown = match &self.conditions[at] {
            Condition::Always => true,
            Condition::Never => false,
            Condition::After(parent, allowed) => {
                self.chosen[*parent].is_some_and(|o| allowed.get(o).copied().unwrap_or(false))
            }
        };
        if !shown {
            self.step(at + 1, visit);
            return;
        }
        for o in 0..mq.options.len() {
            self.chosen[at] = Some(o);
            self.seen.push(Observation {
                question: at,
                option: o,
            });
            let (from, to) = (self.depth * n, (self.depth + 1) * n);
            for h in 0..n {
                self.logs[to + h] = self.logs[from + h] + mq.likelihood[h][o].ln();
            }
            self.depth += 1;
            self.step(at + 1, visit);
            self.depth -= 1;
            self.seen.pop();
        }
        self.chosen[at] = None;
    }
}

/// A small, seeded random number generator (xorshift64*), so partial samples are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A random partial answers file: the safety question answered "none" or left out (one time in
/// `skip_safety`; 0 never), every other shown question left out, answered with any of its options
/// ("not sure" included), each with even odds.
pub fn random_partial(store: &Store, rng: &mut Rng, skip_safety: usize) -> Answers {
    let mut answers = Answers::new();
    for q in &store.questionnaire.questions {
        if !flow::is_shown(&store.questionnaire, q, &answers) {
            continue;
        }
        if q.is_red_flag_screen() {
            if (skip_safety == 0 || rng.below(skip_safety) != 0)
                && let Some(none) = q.options.iter().find(|o| o.exclusive)
            {
                answers.set_many(&q.id, vec![none.id.to_string()]);
            }
            continue;
        }
        if rng.below(2) == 0 || q.options.is_empty() {
            continue;
        }
        let option = &q.options[rng.below(q.options.len())];
        match q.kind {
            QuestionKind::Single => answers.set(&q.id, &option.id),
            QuestionKind::Multi => answers.set_many(&q.id, vec![option.id.to_string()]),
        }
    }
    answers
}

/// What the model gives over a set of answers files.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    pub files: usize,
    /// How often each story (or "none") comes first.
    pub winners: BTreeMap<String, usize>,
    /// Files whose top two stories (counting "none") are within 0.1 of each other.
    pub near_ties: usize,
    /// The near-ties by pair, "a / b" with the pair in store order.
    pub tie_pairs: BTreeMap<String, usize>,
    /// Files that would get a routine: enough telling answers and a story at [`ROUTINE_MIN`] or more.
    pub routines: usize,
    /// Files where "none of these stories" leads at [`ROUTINE_MIN`] or more.
    pub none_fits: usize,
    /// Files whose top story holds 0.9 or more.
    pub settled: usize,
    /// Files by the top probability, in tenths: `top_by_tenth[6]` counts tops in 0.6…0.7.
    pub top_by_tenth: [usize; 10],
}

impl Tally {
    /// Adds one file's posterior (chains in store order, "none" last) and how many telling answers it has.
    pub fn add(&mut self, model: &Model, posterior: &[f64], evidence: usize) {
        self.files += 1;
        let mut order: Vec<usize> = (0..posterior.len()).collect();
        // Ties keep store order, as the report's ranking does.
        order.sort_by(|&a, &b| posterior[b].total_cmp(&posterior[a]));
        let Some(&first) = order.first() else { return };
        let top = posterior[first];
        *self
            .winners
            .entry(model.hypotheses[first].to_owned())
            .or_default() += 1;
        if let Some(&second) = order.get(1)
            && top - posterior[second] < 0.1
        {
            self.near_ties += 1;
            let (a, b) = (first.min(second), first.max(second));
            *self
                .tie_pairs
                .entry(format!("{} / {}", model.hypotheses[a], model.hypotheses[b]))
                .or_default() += 1;
        }
        let none = first == model.none_index();
        if evidence >= MIN_EVIDENCE && top >= ROUTINE_MIN {
            if none {
                self.none_fits += 1;
            } else {
                self.routines += 1;
            }
        }
        if !none && top >= 0.9 {
            self.settled += 1;
        }
        self.top_by_tenth[((top * 10.0) as usize).min(9)] += 1;
    }

    pub fn share(&self, n: usize) -> f64 {
        if self.files == 0 {
            0.0
        } else {
            n as f64 / self.files as f64
        }
    }
}
