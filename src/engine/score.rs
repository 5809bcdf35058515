//! Every chain's probability from the answers, with the reasons behind it, on one evidence scale.
//!
//! The probabilities come from [`super::model`]: naive Bayes over the chains and "none of these
//! stories". A reason is one answer and the factor by which it made this story more (or less) likely
//! than the others; the prior odds times the factors give the probability's odds exactly.

use super::model::{Model, Observation};
use crate::content::{Basis, Store};
use serde::Serialize;

/// Two stories whose probabilities differ by less than this are shown as a near-tie…
pub const NEAR_TIE: f64 = 0.1;
/// …when both hold at least this much (two stories at 1 % are not a tie worth naming).
pub const CONTENDER: f64 = 0.2;

/// One answer's effect on one chain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub question: String,
    pub prompt: String,
    pub answer: String,
    pub answer_label: String,
    /// How many times more likely this answer is if this is the person's story than if it is one of the
    /// others (as they stood before the answer); below 1 it counts against.
    pub factor: f64,
    /// How likely this answer is for the person this story describes (0…1).
    pub likelihood: f64,
    /// The other story (chain id, or "none") this answer weighed against most when it counts for this
    /// one, or weighed for most when it counts against.
    pub versus: Option<String>,
    /// Where the row behind the numbers comes from.
    pub basis: Option<Basis>,
    /// Why the numbers are what they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Factors closer to 1 than this say little either way.
const NEUTRAL: f64 = 1.15;

impl Reason {
    /// "up", "down" or "neutral".
    pub fn direction(&self) -> &'static str {
        direction(self.factor)
    }

    /// The factor in words a layperson reads: "about 4× more likely if this is your story".
    pub fn in_words(&self) -> String {
        factor_in_words(self.factor)
    }
}

pub fn direction(factor: f64) -> &'static str {
    if factor >= NEUTRAL {
        "up"
    } else if factor <= 1.0 / NEUTRAL {
        "down"
    } else {
        "neutral"
    }
}

/// "about 4× more likely if this is your story", "about 2.5× less likely …", "tells little either way".
pub fn factor_in_words(factor: f64) -> String {
    let times = |x: f64| {
        if x >= 9.5 {
            format!("{:.0}", x)
        } else {
            let r = (x * 10.0).round() / 10.0;
            if (r - r.round()).abs() < 1e-9 {
                format!("{:.0}", r)
            } else {
                format!("{r:.1}")
            }
        }
    };
    match direction(factor) {
        "up" => format!("about {}× more likely if this is your story", times(factor)),
        "down" => format!(
            "about {}× less likely if this is your story",
            times(1.0 / factor)
        ),
        _ => String::from("tells little either way"),
    }
}

/// Short form for narrow columns: "×4.0", "÷2.5", "≈1".
pub fn factor_short(factor: f64) -> String {
    match direction(factor) {
        "up" => format!("×{:.1}", factor),
        "down" => format!("÷{:.1}", 1.0 / factor),
        _ => String::from("≈1"),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChainScore {
    pub id: String,
    pub title: String,
    pub short: String,
    /// 0…1; all chains' probabilities and "none of these stories" sum to 1.
    pub probability: f64,
    /// Before any answer.
    pub prior: f64,
    /// Other stories (chain ids, or "none") within [`NEAR_TIE`] of this one.
    pub close_to: Vec<String>,
    /// Strongest first.
    pub reasons: Vec<Reason>,
}

impl ChainScore {
    /// `probability × 100`, for a bar or a percentage.
    pub fn percent(&self) -> f64 {
        self.probability * 100.0
    }
}

/// Every chain's probability, best first (exact ties keep store order), and the probability of "none".
pub fn rank(
    store: &Store,
    model: &Model,
    seen: &[Observation],
    posterior: &[f64],
) -> (Vec<ChainScore>, f64) {
    let none = model.none_index();
    let mut chains: Vec<ChainScore> = store
        .chains
        .iter()
        .enumerate()
        .map(|(h, chain)| {
            let factors = model.factors(seen, h);
            let mut reasons: Vec<Reason> = seen
                .iter()
                .zip(factors)
                .map(|(o, (factor, driver))| {
                    let mq = &model.questions[o.question];
                    let option_id = mq.options[o.option];
                    let label = mq
                        .question
                        .option(option_id)
                        .map_or(option_id.to_owned(), |opt| opt.label.to_string());
                    let row = mq.rows[h];
                    Reason {
                        question: mq.question.id.to_string(),
                        prompt: mq.question.prompt.to_string(),
                        answer: option_id.to_owned(),
                        answer_label: label,
                        factor,
                        versus: driver.map(|d| model.hypotheses[d].to_owned()),
                        likelihood: mq.likelihood[h][o.option],
                        basis: row.map(|r| r.basis),
                        note: row.map(|r| r.note.to_string()),
                    }
                })
                .collect();
            reasons.sort_by(|a, b| b.factor.ln().abs().total_cmp(&a.factor.ln().abs()));
            ChainScore {
                id: chain.id.to_string(),
                title: chain.title.to_string(),
                short: chain.short.to_string(),
                probability: posterior[h],
                prior: model.prior[h],
                close_to: Vec::new(),
                reasons,
            }
        })
        .collect();
    // A stable sort keeps store order among exact ties.
    chains.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    let none_probability = posterior[none];
    let all: Vec<(String, f64)> = chains
        .iter()
        .map(|c| (c.id.clone(), c.probability))
        .chain([(crate::content::NONE.to_owned(), none_probability)])
        .collect();
    for c in &mut chains {
        c.close_to = all
            .iter()
            .filter(|(id, p)| {
                *id != c.id
                    && (p - c.probability).abs() < NEAR_TIE
                    && p.min(c.probability) >= CONTENDER
            })
            .map(|(id, _)| id.clone())
            .collect();
    }
    (chains, none_probability)
}
