//! What the journal records: pain ratings, sessions, exercises done or skipped, and retest measures, each
//! an [`Event`] with the time it happened.

pub use crate::session::{Outcome, Pain, Rating, SkipReason};
use serde::Serialize;

/// One journal entry, as read back. `at` is RFC 3339 UTC text (`2026-11-30T08:27:00Z`); a session's `at`
/// is when it started.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    Pain {
        id: i64,
        at: String,
        value: u8,
        note: String,
    },
    Session {
        id: i64,
        at: String,
        ended_at: Option<String>,
        pain_before: Option<u8>,
        pain_after: Option<u8>,
        note: String,
    },
    Exercise {
        id: i64,
        at: String,
        session_id: i64,
        exercise_id: String,
        outcome: &'static str,
        skip_reason: Option<SkipReason>,
        rating: Option<Rating>,
    },
    Retest {
        id: i64,
        at: String,
        measure: String,
        value: f64,
    },
}

impl Event {
    pub fn at(&self) -> &str {
        match self {
            Event::Pain { at, .. }
            | Event::Session { at, .. }
            | Event::Exercise { at, .. }
            | Event::Retest { at, .. } => at,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Event::Pain { .. } => "pain",
            Event::Session { .. } => "session",
            Event::Exercise { .. } => "exercise",
            Event::Retest { .. } => "retest",
        }
    }

    /// Kinds in a fixed order, so events at the same second keep one order.
    fn rank(&self) -> u8 {
        match self {
            Event::Session { .. } => 0,
            Event::Pain { .. } => 1,
            Event::Exercise { .. } => 2,
            Event::Retest { .. } => 3,
        }
    }

    pub fn id(&self) -> i64 {
        match self {
            Event::Pain { id, .. }
            | Event::Session { id, .. }
            | Event::Exercise { id, .. }
            | Event::Retest { id, .. } => *id,
        }
    }

    /// Time order; at the same second, sessions first, then by kind and id.
    pub fn sort(events: &mut [Event]) {
        events.sort_by(|a, b| (a.at(), a.rank(), a.id()).cmp(&(b.at(), b.rank(), b.id())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for r in Rating::ALL {
            assert_eq!(Rating::parse(r.as_str()), Some(r));
        }
        for r in SkipReason::ALL {
            assert_eq!(SkipReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rating::parse("meh"), None);
        assert_eq!(Pain::new(10).map(Pain::value), Some(10));
        assert_eq!(Pain::new(11), None);
    }
}
