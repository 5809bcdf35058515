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
    #[serde(skip)]
    pub file: Option<FileId>,
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
