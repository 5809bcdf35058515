//! Progress over the weeks, from the journal's events: the series the charts draw (pain before and after
//! each session, a 7-day average, sessions per ISO week against the plan, each retest measure), the
//! summary in plain words (a meaningful change or not, when to see a clinician, whether a retest is due),
//! the charts as text, and a synthetic journal for tests and benchmarks. Nothing here draws on a terminal.

pub mod export;
mod measure;
pub mod ranking;
mod series;
mod summary;
pub mod synthetic;
pub mod text_chart;

pub use measure::Measure;
pub use series::{
    AVERAGE_DAYS, AveragePoint, KINDS, MeasurePoint, MeasureSeries, Reading, Series, SessionPoint,
    Week, day_of, monday_of, parse_at,
};
pub use summary::{
    About, CLINICIAN_WEEKS, Change, MEANINGFUL_POINTS, MEANINGFUL_SHARE, MIN_SPAN_DAYS, RetestDue,
    Sentence, Summary, Tone, Trend, WEEK_DAYS, is_meaningful,
};

use crate::content::Plan;
use crate::document::Document;
use crate::journal::Event;
use crate::text::{Line, Role};
use serde::Serialize;

/// The series and their summary, at one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// The day (from 1970, UTC) the summary was made for.
    pub today: i64,
    pub summary: Summary,
    pub series: Series,
    /// How the stories' ranking moved between the first and the latest retest, in words (see
    /// [`Progress::with_ranking`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<String>,
}

impl Progress {
    /// Progress from these journal events at `now` (seconds since 1970): the plan gives the weekly
    /// target and the retest interval (neither without a plan).
    pub fn of(events: &[Event], plan: Option<&Plan>, now: i64) -> Progress {
        let target = plan.map(|p| *p.sessions_per_week.get_ref());
        let retest_weeks = plan.map(|p| *p.retest_weeks.get_ref());
        let series = Series::of(events, target, now);
        let summary = Summary::of(&series, retest_weeks, now);
        Progress {
            today: now.div_euclid(86_400),
            summary,
            series,
            ranking: None,
        }
    }

    /// Adds how the stories' ranking moved between retests (recorded by the app with each retest),
    /// with the stories named as `store` names them.
    pub fn with_ranking(mut self, events: &[Event], store: &crate::content::Store) -> Progress {
        self.ranking = ranking::moved(events).map(|m| m.sentence(store));
        self
    }

    /// The summary as a document: a heading, then one paragraph per sentence (warnings marked, so they
    /// show without colour too).
    pub fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.heading(2, "Progress");
        for s in &self.summary.sentences {
            let line = match s.tone {
                Tone::Plain => Line::from(s.text.as_str()),
                Tone::Good => Line::of(Role::Good, s.text.as_str()),
                Tone::Warning => Line::of(Role::Warn, format!("▲ {}", s.text)),
            };
            doc.paragraph(line);
        }
        if let Some(ranking) = &self.ranking {
            doc.paragraph(Line::from(ranking.as_str()));
        }
        doc
    }

    /// The summary, then the charts as text, `width` columns wide.
    pub fn to_text(&self, width: usize) -> String {
        let mut out = self.document().to_text(width);
        out.push('\n');
        out.push_str(&text_chart::charts(&self.series, width));
        out
    }

    /// The summary in Markdown, then the charts as text in a fenced block.
    pub fn to_markdown(&self) -> String {
        format!(
            "{}```text\n{}```\n",
            self.document().to_markdown(),
            text_chart::charts(&self.series, 100)
        )
    }
}
