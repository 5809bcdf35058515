//! Red flags: answers that mean "see a clinician", which stop the routine.

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

/// The headline for the most urgent flag raised.
pub fn care_message(questionnaire: &Questionnaire, flags: &[RedFlag]) -> Option<String> {
    let care = &questionnaire.red_flag_care;
    flags.first().map(|f| match f.urgency {
        Urgency::Emergency => care.emergency.to_string(),
        Urgency::Urgent => care.urgent.to_string(),
    })
}
