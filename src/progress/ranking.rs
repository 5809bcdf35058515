//! How the stories' ranking moved between retests. With each retest the app also records how likely each
//! story is on the answers as they stand then, as retest rows named `story:<chain id>` (percent) — so a
//! person who re-answers the questionnaire at a retest sees the ranking move, with no new journal table.

use crate::content::Store;
use crate::engine::Report;
use crate::journal::Event;

/// The prefix of a story's measure id: `story:tight-hamstrings`, `story:none`.
pub const PREFIX: &str = "story:";

/// The stories' probabilities now, in percent, as `(measure id, value)` rows to record beside a retest;
/// empty while there is no ranking (the safety question unanswered, or a red flag).
pub fn snapshot(report: &Report) -> Vec<(String, f64)> {
    if !report.safety_checked || report.has_red_flags() {
        return Vec::new();
    }
    let percent = |p: f64| (p * 1000.0).round() / 10.0;
    report
        .chains
        .iter()
        .map(|c| (format!("{PREFIX}{}", c.id), percent(c.probability)))
        .chain([(format!("{PREFIX}none"), percent(report.none_probability))])
        .collect()
}

/// One story's probability at the first and at the latest recorded ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// A chain id, or `none`.
    pub story: String,
    pub first: f64,
    pub latest: f64,
}

/// The first and the latest recorded rankings, when there are two.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// The days they were recorded (`2026-09-08`).
    pub first_day: String,
    pub latest_day: String,
    /// Largest now first.
    pub rows: Vec<Row>,
}

/// The rankings recorded in `events` (grouped by the moment they were written), first against latest;
/// `None` with fewer than two.
pub fn moved(events: &[Event]) -> Option<Moved> {
    let mut rankings: Vec<(&str, Vec<(&str, f64)>)> = Vec::new();
    for event in events {
        let Event::Retest {
            at, measure, value, ..
        } = event
        else {
            continue;
        };
        let Some(story) = measure.strip_prefix(PREFIX) else {
            continue;
        };
        match rankings.last_mut() {
            Some((when, rows)) if *when == at.as_str() => rows.push((story, *value)),
            _ => rankings.push((at.as_str(), vec![(story, *value)])),
        }
    }
    if rankings.len() < 2 {
        return None;
    }
    let (first_at, first) = rankings.first()?;
    let (latest_at, latest) = rankings.last()?;
    let mut rows: Vec<Row> = latest
        .iter()
        .map(|&(story, now)| Row {
            story: story.to_string(),
            first: first
                .iter()
                .find(|(s, _)| *s == story)
                .map_or(0.0, |(_, v)| *v),
            latest: now,
        })
        .collect();
    rows.sort_by(|a, b| b.latest.total_cmp(&a.latest));
    let day = |at: &str| at.get(..10).unwrap_or(at).to_string();
    Some(Moved {
        first_day: day(first_at),
        latest_day: day(latest_at),
        rows,
    })
}

impl Moved {
    /// In words, the three likeliest stories now: "How the stories moved from your first ranking
    /// (2026-09-08) to the latest (2026-11-17): Tight hamstrings 55 % → 30 %; …".
    pub fn sentence(&self, store: &Store) -> String {
        let name = |story: &str| {
            if story == "none" {
                String::from("None of these stories")
            } else {
                store
                    .chain(story)
                    .map_or_else(|| story.to_string(), |c| c.title.to_string())
            }
        };
        let rows: Vec<String> = self
            .rows
            .iter()
            .take(3)
            .map(|r| format!("{} {:.0} % → {:.0} %", name(&r.story), r.first, r.latest))
            .collect();
        format!(
            "How the stories moved from your first recorded ranking ({}) to the latest ({}): {}. The \
             ranking changes only when you re-answer the questionnaire.",
            self.first_day,
            self.latest_day,
            rows.join("; ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, at: &str, measure: &str, value: f64) -> Event {
        Event::Retest {
            id,
            at: at.to_string(),
            measure: measure.to_string(),
            value,
        }
    }

    #[test]
    fn the_first_and_latest_rankings_are_compared_largest_now_first() {
        let events = vec![
            row(1, "2026-09-08T08:00:00Z", "fingertip_floor_cm", 20.0),
            row(2, "2026-09-08T08:00:00Z", "story:tight-hamstrings", 60.0),
            row(3, "2026-09-08T08:00:00Z", "story:hip-rotation", 10.0),
            row(4, "2026-09-22T08:00:00Z", "story:tight-hamstrings", 50.0),
            row(5, "2026-09-22T08:00:00Z", "story:hip-rotation", 20.0),
            row(6, "2026-10-06T08:00:00Z", "story:tight-hamstrings", 25.0),
            row(7, "2026-10-06T08:00:00Z", "story:hip-rotation", 45.0),
        ];
        let moved = moved(&events).expect("two rankings");
        assert_eq!(moved.first_day, "2026-09-08");
        assert_eq!(moved.latest_day, "2026-10-06");
        assert_eq!(moved.rows[0].story, "hip-rotation");
        assert_eq!((moved.rows[0].first, moved.rows[0].latest), (10.0, 45.0));
        assert_eq!((moved.rows[1].first, moved.rows[1].latest), (60.0, 25.0));
        let store = crate::content::embedded();
        let words = moved.sentence(&store);
        assert!(words.contains("10 % → 45 %"), "{words}");
        assert!(!words.contains("hip-rotation"), "names, not ids: {words}");
    }

    #[test]
    fn one_ranking_moves_nothing() {
        let events = vec![row(1, "2026-09-08T08:00:00Z", "story:none", 30.0)];
        assert_eq!(moved(&events), None);
    }

    #[test]
    fn no_ranking_is_recorded_without_the_safety_question_or_with_a_red_flag() {
        let store = crate::content::embedded();
        let empty = crate::engine::evaluate(&store, &Default::default());
        assert!(snapshot(&empty).is_empty());
    }
}
