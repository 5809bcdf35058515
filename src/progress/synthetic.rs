//! A synthetic journal for tests and benchmarks: sessions on a weekly rhythm with pain before and after
//! drifting down over twelve weeks, exercise ratings and the odd skip, a retest every two weeks and pain
//! ratings on other days. Deterministic: the same settings write the same journal (a small LCG, no
//! random crate), and written in one transaction.

use crate::journal::{self, Journal, Outcome, Pain, Rating, SkipReason};
use crate::progress::Measure;

/// What to write.
#[derive(Clone, Copy, Debug)]
pub struct Fill {
    /// How many days, from `start`.
    pub days: u32,
    /// Seconds since 1970 of the first day's midnight (UTC).
    pub start: i64,
    pub seed: u64,
    /// 1 to 7 sessions a week, spread over the week.
    pub sessions_per_week: u32,
    /// A pain rating every day, not only now and then on days without a session.
    pub daily_pain: bool,
    /// A retest every this many weeks, from the first day.
    pub retest_weeks: u32,
}

impl Fill {
    /// Three sessions a week, pain now and then, a retest every two weeks.
    pub fn new(days: u32, start: i64, seed: u64) -> Fill {
        Fill {
            days,
            start,
            seed,
            sessions_per_week: 3,
            daily_pain: false,
            retest_weeks: 2,
        }
    }
}

/// Exercises the synthetic sessions do (ids from the built-in store).
const EXERCISES: [&str; 4] = [
    "crocodile-breathing",
    "cat-cow",
    "glute-bridge",
    "hip-hinge-practice",
];

/// Knuth's MMIX LCG; the high bits are the random ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// 0 ..= n-1.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Roughly -1.0 ..= 1.0.
    fn noise(&mut self) -> f64 {
        (self.below(2001) as f64 - 1000.0) / 1000.0
    }
}

/// Three sessions a week for `days` days from `start` (seconds since 1970, a midnight UTC).
pub fn fill(journal: &mut Journal, days: u32, start: i64, seed: u64) -> journal::Result<()> {
    fill_with(journal, &Fill::new(days, start, seed))
}

/// Whether day `d` of the week (0–6) has a session when there are `n` a week: the days where the
/// running count of `n/7` a day steps up.
fn session_day(d: u32, n: u32) -> bool {
    (d + 1) * n / 7 > d * n / 7
}

fn pain(value: f64) -> Pain {
    Pain::new(value.round().clamp(0.0, 10.0) as u8).expect("clamped to 0–10")
}

/// Writes the journal `fill` describes, in one transaction (all or nothing).
pub fn fill_with(journal: &mut Journal, fill: &Fill) -> journal::Result<()> {
    journal.batch(|journal| write(journal, fill))
}

fn write(journal: &mut Journal, fill: &Fill) -> journal::Result<()> {
    let mut rng = Lcg(fill.seed ^ 0x9E37_79B9_7F4A_7C15);
    let per_week = fill.sessions_per_week.clamp(1, 7);
    for d in 0..fill.days {
        let midnight = fill.start + i64::from(d) * 86_400;
        // Pain eases from about 6 to about 2.5 over the first twelve weeks, then holds.
        let t = (f64::from(d) / 84.0).min(1.0);
        let level = 6.0 - 3.5 * t;
        let has_session = session_day(d % 7, per_week);
        if has_session {
            let at = midnight + 7 * 3600 + 30 * 60 + rng.below(60) as i64 * 60;
            let before = pain(level + rng.noise());
            let id = journal.start_session(at, Some(before))?;
            for (n, exercise) in EXERCISES.iter().enumerate() {
                let when = at + 180 * (n as i64 + 1);
                let outcome = match rng.below(40) {
                    0 => Outcome::Skipped(Some(SkipReason::Pain)),
                    1 => Outcome::Skipped(Some(SkipReason::NoEquipment)),
                    2 => Outcome::Done(Some(Rating::Hurt)),
                    3..=8 => Outcome::Done(Some(Rating::TooHard)),
                    9..=16 => Outcome::Done(Some(Rating::TooEasy)),
                    17..=19 => Outcome::Done(None),
                    _ => Outcome::Done(Some(Rating::AboutRight)),
                };
                journal.add_exercise(id, when, exercise, outcome)?;
            }
            let eased = f64::from(before.value()) - rng.below(3) as f64;
            let note = if rng.below(10) == 0 {
                "stiff after sitting"
            } else {
                ""
            };
            journal.end_session(id, at + 20 * 60, Some(pain(eased)), note)?;
        }
        if fill.daily_pain || (!has_session && rng.below(3) == 0) {
            let at = midnight + 20 * 3600;
            journal.add_pain(at, pain(level + 0.5 + rng.noise()), "")?;
        }
        if fill.retest_weeks > 0 && d % (7 * fill.retest_weeks) == 0 {
            let at = midnight + 18 * 3600;
            let floor = (20.0 - 12.0 * t + 2.0 * rng.noise()).round();
            let left = (28.0 + 8.0 * t + 2.0 * rng.noise()).round();
            let right = (32.0 + 6.0 * t + 2.0 * rng.noise()).round();
            journal.add_retest(at, Measure::FingertipFloor.id(), floor)?;
            journal.add_retest(at, Measure::HipInwardLeft.id(), left)?;
            journal.add_retest(at, Measure::HipInwardRight.id(), right)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_spread_over_the_week() {
        let count = |n| (0..7).filter(|d| session_day(*d, n)).count();
        for n in 1..=7 {
            assert_eq!(count(n), n as usize);
        }
        let mut a = Lcg(1);
        let mut b = Lcg(1);
        assert_eq!(a.next(), b.next());
    }
}
