//! The plan a routine comes with (`plan.toml`): how often, for how many weeks, when to check progress,
//! and when to stop and see someone. None of the five articles gives a schedule, so every number here
//! says where it comes from.

use super::model::FileId;
use super::questionnaire::Basis;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Sessions a week.
    pub sessions_per_week: Spanned<u32>,
    /// Weeks before the routine is judged.
    pub weeks: Spanned<u32>,
    /// Every how many weeks to re-check the self-tests.
    pub retest_weeks: Spanned<u32>,
    pub basis: Basis,
    /// Where the numbers come from.
    pub note: Text,
    /// When to move an exercise on (each exercise's ladder says how).
    pub move_on: Text,
    /// When to stop and see a clinician even without a red flag.
    pub see_clinician: Text,
    /// How ratings after each session move an exercise along its ladder.
    pub progression: Progression,
    #[serde(skip)]
    pub file: Option<FileId>,
}

/// The progression rules, counted in sessions in a row that rate an exercise the same way. One "it hurt"
/// always steps down a rung and shows the cautions next time.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Progression {
    /// "Too easy" this many sessions in a row: one rung up.
    pub up_after_too_easy: Spanned<u32>,
    /// "Too hard" this many sessions in a row: one rung down (fewer keep the rung).
    pub down_after_too_hard: Spanned<u32>,
    /// "It hurt" this many sessions in a row: out of the routine, and see a clinician if it persists.
    pub drop_after_hurt: Spanned<u32>,
    pub basis: Basis,
    /// Where the numbers come from, and the rules in words as the person reads them.
    pub note: Text,
}

impl Plan {
    /// "3 sessions a week for 6 weeks; re-check the self-tests every 2 weeks".
    pub fn describe(&self) -> String {
        let sessions = *self.sessions_per_week.get_ref();
        format!(
            "{sessions} session{} a week for {} weeks; re-check the self-tests every {} weeks",
            if sessions == 1 { "" } else { "s" },
            self.weeks.get_ref(),
            self.retest_weeks.get_ref()
        )
    }
}
