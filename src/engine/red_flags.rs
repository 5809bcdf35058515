//! Red flags: answers that mean "see a clinician", which stop the routine; the safety gate that keeps
//! everything else back until the red-flag question is answered; and the disclaimer built from the flags.

use super::answers::Answers;
use super::flow;
use crate::content::{Questionnaire, Urgency};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RedFlag {
    /// The option id, e.g. `saddle_numbness`.
    pub id: String,
    pub label: String,
    pub urgency: Urgency,
    /// What it may mean and what to do.
    pub message: String,
}

/// Every red flag among the answers, emergencies first.
pub fn red_flags(questionnaire: &Questionnaire, answers: &Answers) -> Vec<RedFlag> {
    let mut flags: Vec<RedFlag> = flow::shown(questionnaire, answers)
        .flat_map(|q| {
            answers
                .chosen(&q.id)
                .iter()
                .filter_map(|c| q.option(c))
                .filter_map(|o| {
                    Some(RedFlag {
                        id: o.id.to_string(),
                        label: o.label.to_string(),
                        urgency: o.red_flag?,
                        message: o
                            .message
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_default(),
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    flags.sort_by_key(|f| f.urgency);
    flags
}

/// Has every question that screens for red flags been answered (with "none" or with flags)? Until
/// then nothing is ranked and no routine is given.
pub fn safety_checked(questionnaire: &Questionnaire, answers: &Answers) -> bool {
    flow::shown(questionnaire, answers)
        .filter(|q| q.is_red_flag_screen())
        .all(|q| answers.is_answered(&q.id))
}

/// The id of the first safety question still unanswered.
pub fn unanswered_safety_question<'a>(
    questionnaire: &'a Questionnaire,
    answers: &Answers,
) -> Option<&'a str> {
    questionnaire
        .questions
        .iter()
        .find(|q| {
            q.is_red_flag_screen()
                && flow::is_shown(questionnaire, q, answers)
                && !answers.is_answered(&q.id)
        })
        .map(|q| q.id.as_str())
}

/// What backchain says while the safety question is unanswered.
pub const SAFETY_UNANSWERED: &str = "The safety question is not answered yet, so backchain shows no \
ranking and no routine. Answer it first: pick every sign that applies, or \"None of these\".";

/// The headline for the most urgent flag raised.
pub fn care_message(questionnaire: &Questionnaire, flags: &[RedFlag]) -> Option<String> {
    let care = &questionnaire.red_flag_care;
    flags.first().map(|f| match f.urgency {
        Urgency::Emergency => care.emergency.to_string(),
        Urgency::Urgent => care.urgent.to_string(),
        Urgency::Soon => care.soon.as_ref().unwrap_or(&care.urgent).to_string(),
    })
}

/// "backchain is not medical advice … Red flags (saddle numbness, …) need a clinician, not a routine.",
/// listing every red-flag option of the questionnaire, so the disclaimer and the question cannot drift.
pub fn disclaimer(questionnaire: &Questionnaire) -> String {
    let flags: Vec<String> = questionnaire
        .questions
        .iter()
        .flat_map(|q| q.options.iter())
        .filter(|o| o.red_flag.is_some())
        .map(|o| {
            o.short
                .as_ref()
                .map_or_else(|| o.label.to_lowercase(), |s| s.to_string())
        })
        .collect();
    let mut text = String::from(
        "backchain is not medical advice. It summarises five public articles; it cannot examine you.",
    );
    if !flags.is_empty() {
        text.push_str(&format!(
            " Red flags ({}) need a clinician, not a routine.",
            flags.join(", ")
        ));
    }
    text.push_str(" Stop any exercise that hurts.");
    text
}
