//! The journal's events as series over time: each session's pain before and after, the pain readings and
//! their 7-day average, sessions per ISO week, and each retest measure. Days are counted from 1970-01-01
//! in UTC, as the journal's times are written.

use super::measure::Measure;
use crate::date::Date;
use crate::journal::Event;
use serde::Serialize;

/// How many days the rolling average spans (today and the six before it).
pub const AVERAGE_DAYS: i64 = 7;

/// One session: the day it started and the pain rated before and after it (either may be skipped).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SessionPoint {
    pub day: i64,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// A pain reading that counts for the average and the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub day: i64,
    pub value: u8,
}

/// The mean of the readings on `day` and the [`AVERAGE_DAYS`]` - 1` days before it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AveragePoint {
    pub day: i64,
    pub mean: f64,
}

/// One ISO week (Monday to Sunday) and how many sessions started in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Week {
    /// The day its Monday falls on.
    pub monday: i64,
    pub year: i32,
    pub number: u32,
    pub sessions: u32,
}

impl Week {
    /// `2026-W49`.
    pub fn label(&self) -> String {
        format!("{}-W{:02}", self.year, self.number)
    }
}

/// One retest value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MeasurePoint {
    pub day: i64,
    pub value: f64,
}

/// Every value of one measure, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureSeries {
    pub measure: Measure,
    pub points: Vec<MeasurePoint>,
}

/// The journal's kinds of event the series are made from (exercises are not needed), for
/// [`crate::journal::Journal::events_of`].
pub const KINDS: [&str; 3] = ["pain", "session", "retest"];

/// Everything the charts and the summary are made from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Series {
    pub sessions: Vec<SessionPoint>,
    /// The readings the average and the summary use: each session's pain *before* it and every pain
    /// rating recorded on its own. The pain right after a session is left out: it says how that session
    /// went, not how the back is from day to day, and counting both would weigh session days twice.
    pub readings: Vec<Reading>,
    /// One point per day that has a reading.
    pub average: Vec<AveragePoint>,
    /// Every week from the first session's to the week of `now` (or of the last event, if later),
    /// weeks without a session included.
    pub weeks: Vec<Week>,
    /// The plan's sessions a week, when there is a plan.
    pub target: Option<u32>,
    /// Measures with at least one value, in [`Measure::ALL`] order.
    pub retests: Vec<MeasureSeries>,
    /// Retest rows whose measure id this build does not know (written by a newer backchain).
    pub unknown_retests: usize,
}

/// Seconds since 1970 of an RFC 3339 UTC time as the journal writes it (`2026-11-30T08:27:00Z`).
pub fn parse_at(at: &str) -> Option<i64> {
    let date = Date::parse(at.get(..10)?)?;
    let clock = at.get(11..19)?;
    let mut parts = clock.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
    Some(date.days() * 86_400 + h * 3600 + m * 60 + s)
}

/// The day (from 1970) of a journal time; `None` when it cannot be read.
pub fn day_of(at: &str) -> Option<i64> {
    parse_at(at).map(|t| t.div_euclid(86_400))
}

/// The Monday on or before `day`. 1970-01-01 was a Thursday.
pub fn monday_of(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// The ISO year and week number of the week starting on `monday`: the year its Thursday is in.
fn iso_week(monday: i64) -> (i32, u32) {
    let thursday = monday + 3;
    let year = Date::from_days(thursday).year;
    let first = Date {
        year,
        month: 1,
        day: 1,
    }
    .days();
    (year, ((thursday - first) / 7 + 1) as u32)
}

impl Series {
    /// The series of these events (in any order), with weeks counted up to `now` (seconds since 1970).
    /// Events whose time cannot be read are left out.
    pub fn of(events: &[Event], target: Option<u32>, now: i64) -> Series {
        let mut series = Series {
            target,
            ..Series::default()
        };
        let mut retests: Vec<MeasureSeries> = Vec::new();
        let mut last_day = None::<i64>;
        for event in events {
            // Exercises count for nothing here: skipped before their time is even read.
            if matches!(event, Event::Exercise { .. }) {
                continue;
            }
            let Some(day) = day_of(event.at()) else {
                continue;
            };
            last_day = Some(last_day.map_or(day, |d| d.max(day)));
            match event {
                Event::Session {
                    pain_before,
                    pain_after,
                    ..
                } => {
                    series.sessions.push(SessionPoint {
                        day,
                        before: *pain_before,
                        after: *pain_after,
                    });
                    if let Some(value) = pain_before {
                        series.readings.push(Reading { day, value: *value });
                    }
                }
                Event::Pain { value, .. } => series.readings.push(Reading { day, value: *value }),
                Event::Retest { measure, value, .. } => match Measure::parse(measure) {
                    Some(measure) => {
                        let point = MeasurePoint { day, value: *value };
                        match retests.iter_mut().find(|s| s.measure == measure) {
                            Some(s) => s.points.push(point),
                            None => retests.push(MeasureSeries {
                                measure,
                                points: vec![point],
                            }),
                        }
                    }
                    None => series.unknown_retests += 1,
                },
                Event::Exercise { .. } => {}
            }
        }
        series.sessions.sort_by_key(|s| s.day);
        series.readings.sort_by_key(|r| r.day);
        for s in &mut retests {
            s.points.sort_by_key(|p| p.day);
        }
        retests.sort_by_key(|s| Measure::ALL.iter().position(|m| *m == s.measure));
        series.retests = retests;
        series.average = rolling_average(&series.readings);
        let until = last_day.map_or(now.div_euclid(86_400), |d| d.max(now.div_euclid(86_400)));
        series.weeks = weeks(&series.sessions, until);
        series
    }

    /// The first and last day anything in the series falls on.
    pub fn span(&self) -> Option<(i64, i64)> {
        let days = self
            .sessions
            .iter()
            .map(|s| s.day)
            .chain(self.readings.iter().map(|r| r.day))
            .chain(
                self.retests
                    .iter()
                    .flat_map(|s| s.points.iter().map(|p| p.day)),
            );
        days.fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })
    }

    /// Whether there is nothing to show at all.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.readings.is_empty() && self.retests.is_empty()
    }
}

/// For each day with a reading, the mean of the readings in the 7 days ending that day (a sliding window
/// over sorted readings: one pass however long the journal).
fn rolling_average(readings: &[Reading]) -> Vec<AveragePoint> {
    let mut out: Vec<AveragePoint> = Vec::new();
    let (mut start, mut sum, mut count) = (0usize, 0u64, 0u64);
    for (i, r) in readings.iter().enumerate() {
        sum += u64::from(r.value);
        count += 1;
        while readings[start].day <= r.day - AVERAGE_DAYS {
            sum -= u64::from(readings[start].value);
            count -= 1;
            start += 1;
        }
        let mean = sum as f64 / count as f64;
        // Several readings on one day: the day's point is the one after its last reading.
        let last_of_day = readings.get(i + 1).is_none_or(|next| next.day != r.day);
        if last_of_day {
            out.push(AveragePoint { day: r.day, mean });
        }
    }
    out
}

/// Every ISO week from the first session's to the one holding `until`, with its session count.
fn weeks(sessions: &[SessionPoint], until: i64) -> Vec<Week> {
    let Some(first) = sessions.first() else {
        return Vec::new();
    };
    let (first, last) = (monday_of(first.day), monday_of(until));
    let mut weeks: Vec<Week> = (0..=((last - first) / 7).max(0))
        .map(|n| {
            let monday = first + 7 * n;
            let (year, number) = iso_week(monday);
            Week {
                monday,
                year,
                number,
                sessions: 0,
            }
        })
        .collect();
    for s in sessions {
        let index = (monday_of(s.day) - first) / 7;
        if let Some(week) = usize::try_from(index).ok().and_then(|i| weeks.get_mut(i)) {
            week.sessions += 1;
        }
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i64 {
        Date::parse(text).unwrap().days()
    }

    #[test]
    fn times_and_weeks_are_read_as_written() {
        assert_eq!(parse_at("2026-11-30T08:27:00Z"), Some(1_796_027_220));
        assert_eq!(parse_at("2026-11-30"), None);
        assert_eq!(parse_at("garbage-at-all-here"), None);
        // 2026-11-30 is a Monday; 2021-01-03 a Sunday in 2020-W53; 2024-12-30 is in 2025-W01.
        assert_eq!(monday_of(day("2026-11-30")), day("2026-11-30"));
        assert_eq!(monday_of(day("2026-12-06")), day("2026-11-30"));
        assert_eq!(iso_week(monday_of(day("2026-11-30"))), (2026, 49));
        assert_eq!(iso_week(monday_of(day("2021-01-03"))), (2020, 53));
        assert_eq!(iso_week(monday_of(day("2024-12-30"))), (2025, 1));
    }

    #[test]
    fn the_average_covers_seven_days() {
        let r = |d: &str, value| Reading { day: day(d), value };
        let readings = [
            r("2026-11-01", 8),
            r("2026-11-03", 6),
            r("2026-11-03", 4),
            r("2026-11-08", 2),
        ];
        let avg = rolling_average(&readings);
        assert_eq!(avg.len(), 3);
        assert_eq!(avg[0].mean, 8.0);
        assert_eq!(avg[1].mean, 6.0);
        // 11-08 looks back to 11-02: the 8 on 11-01 has left the window.
        assert_eq!(avg[2].mean, 4.0);
    }
}
