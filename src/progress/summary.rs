//! The summary in plain words: how pain changed since the first week, whether that is a meaningful
//! change, when it is time to see a clinician, and whether a retest is due. Every threshold is a named
//! constant that says where it comes from.

use super::series::{Reading, Series};
use crate::date::Date;
use serde::Serialize;

/// A drop of at least this many points on the 0–10 scale is meaningful. Our stated rule: it is the usual
/// threshold for a clinically important change on 0–10 pain scales.
pub const MEANINGFUL_POINTS: f64 = 2.0;
/// …or a drop of at least this share of the first week's mean (30 %), the same rule's relative form.
pub const MEANINGFUL_SHARE: f64 = 0.30;
/// Weeks from the first reading after which pain that is not meaningfully better means: see a clinician.
/// From `see_clinician` in content/plan.toml ("after four weeks the pain is no better") and the NHS list
/// of reasons to see a GP (back pain not improving after a few weeks).
pub const CLINICIAN_WEEKS: i64 = 4;
/// The first and the latest week are each this many days of readings.
pub const WEEK_DAYS: i64 = 7;
/// Days of readings needed before the first and the latest week can be compared without overlapping:
/// two weeks.
pub const MIN_SPAN_DAYS: i64 = 2 * WEEK_DAYS;
/// Means closer than this are equal (0.3 × 10 is not exactly 3 in floating point).
const EPSILON: f64 = 1e-9;

/// Which way pain moved between the first week and the latest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Fewer than two weeks of readings.
    NotEnough,
    /// Down by at least [`MEANINGFUL_POINTS`] or [`MEANINGFUL_SHARE`].
    Meaningful,
    /// Down, but by less than that.
    Small,
    Same,
    /// Up.
    Worse,
}

/// The first week's mean pain against the latest week's.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The first reading's day and the mean of the readings in the 7 days from it.
    pub first_day: i64,
    pub first_week: f64,
    /// The last reading's day and the mean of the readings in the 7 days up to it.
    pub latest_day: i64,
    pub latest_week: f64,
    /// `first_week - latest_week`: positive when pain went down.
    pub drop: f64,
    /// The drop as a share of the first week's mean (`None` when that mean is 0).
    pub share: Option<f64>,
}

/// Whether a retest is due, and since or until when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RetestDue {
    pub due: bool,
    /// The last retest's day, if there was one.
    pub last_day: Option<i64>,
    /// The day the next retest falls due (already passed when `due`).
    pub due_day: i64,
}

/// How a sentence of the summary should be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Plain,
    Good,
    /// See a clinician, or a retest is due: shown so it cannot be missed.
    Warning,
}

/// What a sentence is about, so a screen short of room can put the urgent ones first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum About {
    /// How pain changed since the first week (or what is still needed to tell).
    Change,
    /// When to see a clinician.
    Clinician,
    /// A retest is due.
    RetestDue,
    /// Sessions done against the plan.
    Sessions,
    /// One retest measure, first and latest.
    Measure,
    /// When the next retest falls due.
    NextRetest,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub tone: Tone,
    pub about: About,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub trend: Trend,
    pub change: Option<Change>,
    /// Whole weeks from the first reading to `now`.
    pub weeks: i64,
    pub see_clinician: bool,
    /// `None` without a plan (no retest schedule) or before anything was recorded.
    pub retest: Option<RetestDue>,
    /// The summary in words, in the order to read it.
    pub sentences: Vec<Sentence>,
}

/// Whether a drop from `first` is meaningful: at least 2 points, or at least 30 % of `first`.
pub fn is_meaningful(first: f64, latest: f64) -> bool {
    let drop = first - latest;
    drop + EPSILON >= MEANINGFUL_POINTS
        || (first > 0.0 && drop + EPSILON >= MEANINGFUL_SHARE * first)
}

fn mean(readings: &[Reading]) -> Option<f64> {
    (!readings.is_empty())
        .then(|| readings.iter().map(|r| f64::from(r.value)).sum::<f64>() / readings.len() as f64)
}

/// The first week's and the latest week's means, once the readings span two weeks.
fn change(readings: &[Reading]) -> Option<Change> {
    let (first, last) = (readings.first()?.day, readings.last()?.day);
    if last - first + 1 < MIN_SPAN_DAYS {
        return None;
    }
    let first_week: Vec<Reading> = readings
        .iter()
        .take_while(|r| r.day < first + WEEK_DAYS)
        .copied()
        .collect();
    let from = readings.partition_point(|r| r.day <= last - WEEK_DAYS);
    let (first_week, latest_week) = (mean(&first_week)?, mean(&readings[from..])?);
    let drop = first_week - latest_week;
    Some(Change {
        first_day: first,
        first_week,
        latest_day: last,
        latest_week,
        drop,
        share: (first_week > 0.0).then(|| drop / first_week),
    })
}

fn date(day: i64) -> String {
    Date::from_days(day).to_string()
}

/// `6.2`, `3`.
fn points(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

impl Summary {
    /// The summary of `series` at `now` (seconds since 1970); `retest_weeks` is the plan's retest
    /// interval (no retest schedule without a plan).
    pub fn of(series: &Series, retest_weeks: Option<u32>, now: i64) -> Summary {
        let today = now.div_euclid(86_400);
        let change = change(&series.readings);
        let trend = match change {
            None => Trend::NotEnough,
            Some(c) if is_meaningful(c.first_week, c.latest_week) => Trend::Meaningful,
            Some(c) if c.drop > EPSILON => Trend::Small,
            Some(c) if c.drop < -EPSILON => Trend::Worse,
            Some(_) => Trend::Same,
        };
        let weeks = series
            .readings
            .first()
            .map_or(0, |r| (today - r.day).max(0) / 7);
        // Pain gone altogether in the latest week needs no clinician, whatever the first week was.
        let pain_left = change.is_some_and(|c| c.latest_week > EPSILON);
        let see_clinician = trend == Trend::Worse
            || (weeks >= CLINICIAN_WEEKS
                && pain_left
                && matches!(trend, Trend::Small | Trend::Same));
        let retest = retest_weeks.and_then(|w| retest_due(series, w, today));
        let mut summary = Summary {
            trend,
            change,
            weeks,
            see_clinician,
            retest,
            sentences: Vec::new(),
        };
        summary.sentences = summary.words(series, retest_weeks, today);
        summary
    }

    fn words(&self, series: &Series, retest_weeks: Option<u32>, today: i64) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut say = |tone, about, text: String| out.push(Sentence { tone, about, text });
        if series.is_empty() {
            say(
                Tone::Plain,
                About::Change,
                String::from(
                    "Nothing recorded yet. Do a session (rating your pain before and after it), or record your pain on its own; the summary needs two weeks of ratings.",
                ),
            );
            return out;
        }
        match (self.change, self.trend) {
            (None, _) => {
                let text = match (series.readings.first(), series.readings.last()) {
                    (Some(first), Some(last)) => format!(
                        "Your pain ratings so far cover {} day{}; the first week is compared with the latest once there are two weeks of ratings (from {}).",
                        last.day - first.day + 1,
                        if last.day == first.day { "" } else { "s" },
                        date(first.day + MIN_SPAN_DAYS - 1)
                    ),
                    _ => String::from(
                        "No pain ratings yet: rate your pain before each session, or on its own; the summary needs two weeks of ratings.",
                    ),
                };
                say(Tone::Plain, About::Change, text);
            }
            (Some(c), trend) => {
                let from = format!(
                    "{} in the first week (from {}) to {} in the latest week (to {})",
                    points(c.first_week),
                    date(c.first_day),
                    points(c.latest_week),
                    date(c.latest_day)
                );
                let share = c
                    .share
                    .map(|s| format!(" ({:.0} %)", (s * 100.0).abs()))
                    .unwrap_or_default();
                let text = match trend {
                    Trend::Meaningful => format!(
                        "Pain went down from {from}: {} points{share} less. That is a meaningful change: at least {} points or {:.0} %, the usual threshold for a 0–10 pain scale.",
                        points(c.drop),
                        points(MEANINGFUL_POINTS),
                        MEANINGFUL_SHARE * 100.0
                    ),
                    Trend::Small => format!(
                        "Pain went down from {from}: {} points{share} less, not yet a meaningful change (that takes {} points or {:.0} %, the usual threshold for a 0–10 pain scale).",
                        points(c.drop),
                        points(MEANINGFUL_POINTS),
                        MEANINGFUL_SHARE * 100.0
                    ),
                    Trend::Same => format!("Pain is the same as in the first week: {from}."),
                    Trend::Worse | Trend::NotEnough => format!(
                        "Pain went up from {from}: {} points{share} worse.",
                        points(-c.drop)
                    ),
                };
                let tone = if trend == Trend::Meaningful {
                    Tone::Good
                } else {
                    Tone::Plain
                };
                say(tone, About::Change, text);
            }
        }
        if self.trend == Trend::Worse {
            say(
                Tone::Warning,
                About::Clinician,
                String::from(
                    "Pain getting worse is a reason to see a GP or a physiotherapist now, rather than keep going alone (the plan's advice, and the NHS's for back pain that is not improving).",
                ),
            );
        } else if self.see_clinician {
            say(
                Tone::Warning,
                About::Clinician,
                format!(
                    "After {} weeks without a meaningful improvement it is time to see a GP or a physiotherapist: the NHS advises it for back pain that is not improving after a few weeks, and the plan says the same after {CLINICIAN_WEEKS}.",
                    self.weeks
                ),
            );
        } else if matches!(self.trend, Trend::Small | Trend::Same | Trend::NotEnough)
            && let Some(first) = series.readings.first()
            // A date already past would only confuse: too few ratings to tell is said above.
            && first.day + 7 * CLINICIAN_WEEKS > today
        {
            say(
                Tone::Plain,
                About::Clinician,
                format!(
                    "If it is not meaningfully better by {} ({CLINICIAN_WEEKS} weeks after your first rating), see a GP or a physiotherapist.",
                    date(first.day + 7 * CLINICIAN_WEEKS)
                ),
            );
        }
        say(Tone::Plain, About::Sessions, sessions_sentence(series));
        for s in &series.retests {
            if let (Some(first), Some(last)) = (s.points.first(), s.points.last()) {
                let text = if s.points.len() == 1 {
                    format!(
                        "{}: {} on {}.",
                        s.measure.name(),
                        s.measure.show(first.value),
                        date(first.day)
                    )
                } else {
                    format!(
                        "{}: {} on {}, {} on {}.",
                        s.measure.name(),
                        s.measure.show(first.value),
                        date(first.day),
                        s.measure.show(last.value),
                        date(last.day)
                    )
                };
                say(Tone::Plain, About::Measure, text);
            }
        }
        if let (Some(r), Some(weeks)) = (self.retest, retest_weeks) {
            let since = r.last_day.map_or_else(
                || String::from("none yet since your first session"),
                |d| format!("the last was on {}", date(d)),
            );
            if r.due {
                say(
                    Tone::Warning,
                    About::RetestDue,
                    format!(
                        "A retest is due ({since}; the plan asks for one every {weeks} weeks): fingertips to floor, and how far each hip turns inward."
                    ),
                );
            } else {
                say(
                    Tone::Plain,
                    About::NextRetest,
                    format!("Next retest on {} ({since}).", date(r.due_day)),
                );
            }
        }
        out
    }
}

/// "36 sessions in 12 weeks, 3.0 a week (the plan asks for 3)."
fn sessions_sentence(series: &Series) -> String {
    let count = series.sessions.len();
    let weeks = series.weeks.len();
    let plan = series
        .target
        .map(|t| format!(" (the plan asks for {t} a week)"))
        .unwrap_or_default();
    if count == 0 {
        return format!("No sessions yet{plan}.");
    }
    format!(
        "{count} session{} in {weeks} week{}, {:.1} a week{plan}.",
        if count == 1 { "" } else { "s" },
        if weeks == 1 { "" } else { "s" },
        count as f64 / weeks.max(1) as f64
    )
}

/// Due when `weeks` weeks have passed since the last retest, or since the first session without one.
fn retest_due(series: &Series, weeks: u32, today: i64) -> Option<RetestDue> {
    let last = series
        .retests
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.day))
        .max();
    let from = last.or_else(|| series.sessions.first().map(|s| s.day))?;
    let due_day = from + 7 * i64::from(weeks);
    Some(RetestDue {
        due: today >= due_day,
        last_day: last,
        due_day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meaningful_rule_has_exact_edges() {
        assert!(is_meaningful(6.0, 4.0));
        assert!(!is_meaningful(10.0, 8.1));
        assert!(is_meaningful(10.0, 7.0));
        assert!(is_meaningful(5.0, 3.5));
        assert!(!is_meaningful(5.0, 3.6));
        assert!(!is_meaningful(0.0, 0.0));
        assert!(!is_meaningful(3.0, 4.0));
        assert_eq!(points(3.04), "3");
        assert_eq!(points(2.96), "3");
        assert_eq!(points(6.25), "6.3");
    }
}
