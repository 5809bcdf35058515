//! Checks of the plan: its numbers in a sane range and its texts present.

use super::*;

impl Checker<'_> {
    /// The plan's numbers in a sane range, and its texts present.
    pub(super) fn plan(&mut self) {
        let Some(plan) = &self.store.plan else { return };
        let Some(file) = plan.file else { return };
        let id = Text::new("plan");
        self.texts(
            file,
            "plan",
            &id,
            &[
                ("note", &plan.note),
                ("move_on", &plan.move_on),
                ("see_clinician", &plan.see_clinician),
                ("progression.note", &plan.progression.note),
            ],
        );
        let problem = |span: std::ops::Range<usize>, message: String| {
            self.store.files.get(file).map(|f| f.problem(span, message))
        };
        let mut found = Vec::new();
        for (field, value, max) in [
            ("sessions_per_week", &plan.sessions_per_week, 14),
            ("weeks", &plan.weeks, 52),
            ("retest_weeks", &plan.retest_weeks, 52),
            (
                "progression.up_after_too_easy",
                &plan.progression.up_after_too_easy,
                10,
            ),
            (
                "progression.down_after_too_hard",
                &plan.progression.down_after_too_hard,
                10,
            ),
            (
                "progression.drop_after_hurt",
                &plan.progression.drop_after_hurt,
                10,
            ),
        ] {
            let n = *value.get_ref();
            if n == 0 || n > max {
                found.extend(problem(
                    value.span(),
                    format!("plan: `{field}` = {n} must be 1 to {max}"),
                ));
            }
        }
        if plan.retest_weeks.get_ref() > plan.weeks.get_ref() {
            found.extend(problem(
                plan.retest_weeks.span(),
                format!(
                    "plan: `retest_weeks` ({}) is longer than `weeks` ({}); re-check at least once within the plan",
                    plan.retest_weeks.get_ref(),
                    plan.weeks.get_ref()
                ),
            ));
        }
        self.problems.extend(found);
    }
}
