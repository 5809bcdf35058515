//! Which questions are asked, given the answers so far (conditional questions), and how far along a person is.

use super::answers::Answers;
use crate::content::{Question, Questionnaire};

/// Is this question asked, given these answers? A conditional question is asked when the question it
/// depends on is itself asked and was answered with one of the listed options.
pub fn is_shown(questionnaire: &Questionnaire, question: &Question, answers: &Answers) -> bool {
    // The checker guarantees `show_if` points backwards, so this walk ends; the depth cap guards
    // hand-built questionnaires that skipped the checker.
    let mut current = question;
    for _ in 0..=questionnaire.questions.len() {
        let Some(cond) = &current.show_if else {
            return true;
        };
        let chosen = answers.chosen(&cond.question);
        if !chosen
            .iter()
            .any(|c| cond.any.iter().any(|a| a == c.as_str()))
        {
            return false;
        }
        match questionnaire.question(&cond.question) {
            Some(earlier) => current = earlier,
            None => return false,
        }
    }
    false
}

/// The questions asked, in order.
pub fn shown<'a>(
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
) -> impl Iterator<Item = &'a Question> + 'a {
    questionnaire
        .questions
        .iter()
        .filter(move |q| is_shown(questionnaire, q, answers))
}

/// How many of the shown questions are answered, out of how many.
pub fn progress(questionnaire: &Questionnaire, answers: &Answers) -> (usize, usize) {
    shown(questionnaire, answers).fold((0, 0), |(done, all), q| {
        (done + usize::from(answers.is_answered(&q.id)), all + 1)
    })
}
