//! What the questionnaire's likelihood rows allow, worked out from the rows alone so `check` can hold a
//! store to it: the most a story's answers can multiply its odds against "none of these stories", and
//! the answers that fit a story best.

use super::questionnaire::{MIN_LIKELIHOOD, NONE, Question, QuestionKind, Questionnaire};

/// A question's probability of `option` for `hypothesis`, as the engine reads it (floored, and
/// renormalised over the row's options); `None` when the option carries no evidence.
pub fn likelihood(question: &Question, hypothesis: &str, option: &str) -> Option<f64> {
    if question.kind != QuestionKind::Single || !question.is_informative(option) {
        return None;
    }
    let first = question.likelihoods.first()?;
    let row = question.likelihood(hypothesis);
    let p = |o: &str| {
        row.and_then(|r| r.p.get(o).copied())
            .filter(|p| p.is_finite())
            .unwrap_or(0.0)
            .clamp(MIN_LIKELIHOOD, 1.0)
    };
    let total: f64 = first.p.keys().map(|o| p(o)).sum();
    Some(p(option) / total)
}

/// How many times more likely `option` is for `chain` than for "none"; 1 for answers without evidence.
pub fn ratio(question: &Question, chain: &str, option: &str) -> f64 {
    match (
        likelihood(question, chain, option),
        likelihood(question, NONE, option),
    ) {
        (Some(c), Some(n)) if n > 0.0 => c / n,
        _ => 1.0,
    }
}

/// The best a set of answers can do for `chain` against "none": the largest product of [`ratio`]s over
/// any answers file (questions may be left out; conditional questions count only under the answers that
/// show them), leaving out the question `skip`. Returns the factor and the answers that give it.
pub fn best_case(
    questionnaire: &Questionnaire,
    chain: &str,
    skip: Option<&str>,
) -> (f64, Vec<(String, String)>) {
    let mut factor = 1.0;
    let mut picks = Vec::new();
    for root in questionnaire
        .questions
        .iter()
        .filter(|q| q.show_if.is_none())
    {
        let (f, p) = best_under(questionnaire, root, chain, skip, 0);
        factor *= f;
        picks.extend(p);
    }
    (factor, picks)
}

fn best_under(
    questionnaire: &Questionnaire,
    question: &Question,
    chain: &str,
    skip: Option<&str>,
    depth: usize,
) -> (f64, Vec<(String, String)>) {
    // Leaving a question out multiplies by 1; the checker rejects show_if cycles, the depth cap guards
    // stores that skipped it.
    let mut best = (1.0, Vec::new());
    if depth > questionnaire.questions.len() || question.is_red_flag_screen() {
        return best;
    }
    for option in &question.options {
        let own = if skip == Some(question.id.as_str()) {
            1.0
        } else {
            ratio(question, chain, &option.id)
        };
        let mut factor = own;
        let mut picks = vec![(question.id.to_string(), option.id.to_string())];
        for child in questionnaire.questions.iter().filter(|c| {
            c.show_if.as_ref().is_some_and(|s| {
                s.question == question.id.as_str() && s.any.iter().any(|a| *a == option.id.as_str())
            })
        }) {
            let (f, p) = best_under(questionnaire, child, chain, skip, depth + 1);
            factor *= f;
            picks.extend(p);
        }
        if factor > best.0 {
            best = (factor, picks);
        }
    }
    best
}
