//! What a session would run now: the routine as the journal's ratings have moved it, or why there is
//! none (the safety question, a red flag, no clear story, everything left out).

use crate::engine::{RoutineChange, RoutineItem, Standing};
use crate::session::Rating;
use crate::tui::screens::Context;

#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    /// The exercises to do, and what progression changed, in words.
    Ready {
        items: Vec<RoutineItem>,
        changes: Vec<String>,
        /// Exercises whose last session hurt: their cautions come first.
        hurt_last: Vec<String>,
    },
    /// No session, and why, in words.
    None(String),
}

pub fn plan(ctx: &Context) -> Plan {
    let why = match (ctx.report.standing, &ctx.report.routine) {
        (Standing::Clear, Some(routine)) => {
            // As the journal moved it (worked out when the journal last changed).
            let current = ctx.current.routine.as_ref().unwrap_or(routine);
            if current.items.is_empty() {
                return Plan::None(String::from(
                    "Every exercise of this routine is left out for now, after repeated pain. Please see a \
                     physiotherapist or GP.",
                ));
            }
            let ratings = &ctx.current.ratings;
            let hurt_last = current
                .items
                .iter()
                .filter(|i| {
                    ratings
                        .get(&i.exercise)
                        .and_then(|r| r.last())
                        .is_some_and(|r| *r == Rating::Hurt)
                })
                .map(|i| i.exercise.clone())
                .collect();
            return Plan::Ready {
                items: current.items.clone(),
                changes: current
                    .changes
                    .iter()
                    .map(RoutineChange::sentence)
                    .collect(),
                hurt_last,
            };
        }
        (Standing::SafetyUnanswered, _) => {
            "No session yet: the safety question is not answered. Answer it first on the Questionnaire (1)."
        }
        (Standing::RedFlag, _) => {
            return Plan::None(format!(
                "No session: one of the signs that need a clinician is answered yes. {}",
                ctx.report.care_or_clinician()
            ));
        }
        _ => {
            "No session yet: no story fits your answers clearly enough for a routine. Answer the questions \
             Results (2) names, then come back."
        }
    };
    Plan::None(why.to_string())
}
