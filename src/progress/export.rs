//! Progress to keep: the summary and the charts as text, then the routine sheet (or why there is none),
//! in Markdown. Written once for the CLI (`backchain progress --format markdown`) and the app's export.

use super::Progress;
use crate::content::Store;
use crate::engine::{self, Report, Standing};

/// Said wherever progress is shown while a red flag is answered: sessions stop, as the questionnaire
/// stops the routine, and where to go is [`Report::care_or_clinician`], never softened to a routine
/// appointment.
pub fn sessions_stopped(report: &Report) -> String {
    format!(
        "Sessions are stopped: one of the signs that need a clinician is answered yes in the questionnaire. {} The charts below are your history.",
        report.care_or_clinician()
    )
}

/// Why a report gives no routine, in a sentence (the same reasons `backchain session` gives).
pub fn no_routine(report: Option<&Report>) -> String {
    let why = match report.map(|r| r.standing) {
        None => {
            "No routine: there are no saved answers yet. Answer the questionnaire first (the app, or `backchain quiz`)."
        }
        Some(Standing::SafetyUnanswered) => {
            "No routine: the safety question is not answered. Answer it first (the app, or `backchain quiz`)."
        }
        Some(Standing::RedFlag) => return report.map(sessions_stopped).unwrap_or_default(),
        Some(Standing::NoneFits | Standing::Open) => {
            "No routine yet: no story fits your answers clearly enough. The questionnaire names the questions that would settle it."
        }
        Some(Standing::Clear) => "",
    };
    why.to_string()
}

/// The progress summary and charts, then the routine sheet for `report` dated `date` as the journal's
/// `events` have moved it (or why there is no routine), as one Markdown document.
pub fn markdown(
    progress: &Progress,
    store: &Store,
    report: Option<&Report>,
    events: &[crate::journal::Event],
    date: &str,
) -> String {
    let mut out = format!(
        "# backchain — your progress\n\nMade on {date} by backchain {}.\n\n",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(report) = report.filter(|r| r.has_red_flags()) {
        out.push_str(&format!("**{}**\n\n", sessions_stopped(report)));
    }
    out.push_str(&progress.to_markdown());
    out.push('\n');
    match report {
        Some(r) if r.routine.is_some() && r.standing == Standing::Clear => {
            out.push_str(&engine::present::sheet(store, r, events, date).to_markdown());
        }
        other => {
            out.push_str("## Routine\n\n");
            out.push_str(&no_routine(other));
            out.push('\n');
        }
    }
    out
}
