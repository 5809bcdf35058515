//! The progress charts as plain text (block characters), for the CLI and the Markdown export: pain per
//! session as sparklines, sessions per week as bars against the plan, each retest measure over time.

use super::series::{AveragePoint, Series};
use crate::date::Date;
use std::fmt::Write as _;

/// Eight heights, lowest first.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// The label column's width ("  before  ").
const LABEL: usize = 10;
/// At most this many weeks as bars: the latest ones.
pub const BAR_WEEKS: usize = 12;

/// One character for `value` between `low` and `high`; a space for no value.
fn level(value: Option<f64>, low: f64, high: f64) -> char {
    match value {
        None => ' ',
        Some(_) if high - low <= f64::EPSILON => LEVELS[LEVELS.len() / 2],
        Some(v) => {
            let t = ((v - low) / (high - low)).clamp(0.0, 1.0);
            LEVELS[(t * (LEVELS.len() - 1) as f64).round() as usize]
        }
    }
}

/// A sparkline of values on the 0–10 pain scale.
pub fn pain_line(values: impl Iterator<Item = Option<f64>>) -> String {
    values.map(|v| level(v, 0.0, 10.0)).collect()
}

/// The 7-day average as it stood on `day` (the last point on or before it, within the week).
pub fn average_on(average: &[AveragePoint], day: i64) -> Option<f64> {
    let i = average.partition_point(|p| p.day <= day);
    let p = average.get(i.checked_sub(1)?)?;
    (day - p.day < super::series::AVERAGE_DAYS).then_some(p.mean)
}

fn date(day: i64) -> String {
    Date::from_days(day).to_string()
}

/// Every chart, `width` columns wide at most (at least 30 are used).
pub fn charts(series: &Series, width: usize) -> String {
    let mut out = String::new();
    let columns = width.max(30) - LABEL;
    pain(&mut out, series, columns);
    weeks(&mut out, series);
    retests(&mut out, series, columns);
    out
}

fn pain(out: &mut String, series: &Series, columns: usize) {
    let sessions = &series.sessions;
    if sessions.is_empty() {
        let _ = writeln!(out, "Pain per session (0–10): no sessions yet.");
        return;
    }
    let shown = &sessions[sessions.len().saturating_sub(columns)..];
    let (first, last) = (shown[0].day, shown[shown.len() - 1].day);
    let which = if shown.len() < sessions.len() {
        format!("the last {} of {} sessions", shown.len(), sessions.len())
    } else {
        format!(
            "{} session{}",
            shown.len(),
            if shown.len() == 1 { "" } else { "s" }
        )
    };
    let _ = writeln!(
        out,
        "Pain per session (0–10), {which}, {} to {}:",
        date(first),
        date(last)
    );
    let before = pain_line(shown.iter().map(|s| s.before.map(f64::from)));
    let after = pain_line(shown.iter().map(|s| s.after.map(f64::from)));
    let average = pain_line(shown.iter().map(|s| average_on(&series.average, s.day)));
    let _ = writeln!(out, "  before  {before}");
    let _ = writeln!(out, "  after   {after}");
    let _ = writeln!(out, "  7-day   {average}");
    let _ = writeln!(
        out,
        "  (7-day: mean of pain before sessions and lone ratings)"
    );
}

fn weeks(out: &mut String, series: &Series) {
    if series.weeks.is_empty() {
        return;
    }
    let shown = &series.weeks[series.weeks.len().saturating_sub(BAR_WEEKS)..];
    let target = series.target.unwrap_or(0);
    let plan = series.target.map_or_else(
        || String::from("no plan"),
        |t| format!("plan: {t} a week; · one short"),
    );
    let which = if shown.len() < series.weeks.len() {
        format!("the last {} of {} weeks", shown.len(), series.weeks.len())
    } else {
        format!(
            "{} week{}",
            shown.len(),
            if shown.len() == 1 { "" } else { "s" }
        )
    };
    let _ = writeln!(out, "Sessions per week, {which} ({plan}):");
    let widest = shown
        .iter()
        .map(|w| w.sessions)
        .max()
        .unwrap_or(0)
        .max(target) as usize;
    for w in shown {
        let done = w.sessions as usize;
        let short = (target as usize).saturating_sub(done);
        let bar = format!("{}{}", "█".repeat(done.min(14)), "·".repeat(short));
        let count = match series.target {
            Some(t) => format!("{} of {t}", w.sessions),
            None => w.sessions.to_string(),
        };
        let pad = widest.min(14).saturating_sub(done.min(14) + short);
        let _ = writeln!(out, "  {}  {bar}{}  {count}", w.label(), " ".repeat(pad));
    }
}

fn retests(out: &mut String, series: &Series, columns: usize) {
    if series.retests.is_empty() {
        let _ = writeln!(out, "Retests: none yet.");
        return;
    }
    let _ = writeln!(out, "Retests (oldest to latest):");
    let name_width = series
        .retests
        .iter()
        .map(|s| s.measure.name().chars().count())
        .max()
        .unwrap_or(0);
    let moved = |s: &super::series::MeasureSeries| match (s.points.first(), s.points.last()) {
        (Some(only), _) if s.points.len() == 1 => s.measure.show(only.value),
        (Some(first), Some(last)) => format!(
            "{} → {}",
            s.measure.show(first.value),
            s.measure.show(last.value)
        ),
        _ => String::new(),
    };
    let moved_width = series
        .retests
        .iter()
        .map(|s| moved(s).chars().count())
        .max()
        .unwrap_or(0);
    for s in &series.retests {
        let shown = &s.points[s
            .points
            .len()
            .saturating_sub(columns.saturating_sub(40).max(8))..];
        let (low, high) = shown.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.value), hi.max(p.value))
        });
        let line: String = shown
            .iter()
            .map(|p| level(Some(p.value), low, high))
            .collect();
        let (name, moved) = (s.measure.name(), moved(s));
        let _ = writeln!(
            out,
            "  {name}{}  {moved}{}  {line}",
            " ".repeat(name_width - name.chars().count()),
            " ".repeat(moved_width - moved.chars().count()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_span_the_scale() {
        assert_eq!(
            pain_line([Some(0.0), Some(10.0), None, Some(5.0)].into_iter()),
            "▁█ ▅"
        );
        assert_eq!(level(Some(3.0), 3.0, 3.0), '▅');
        let avg = [AveragePoint { day: 10, mean: 4.0 }];
        assert_eq!(average_on(&avg, 9), None);
        assert_eq!(average_on(&avg, 16), Some(4.0));
        assert_eq!(average_on(&avg, 17), None);
    }
}
